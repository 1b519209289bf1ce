"""The data an advocate sees, in the language of the interface: the default checklist's items
and the shipped resource directory, from assets/translations/data_es.toml (its header names the
keys). The display only: nothing stored changes, and anything not listed (an office's own item,
a renamed need, a local resource, a note) shows as it was typed.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Any

from advocate_app.paths import assets_dir
from advocate_app.ui.language import SPANISH, current_language


@lru_cache(maxsize=1)
def _spanish() -> dict[str, Any]:
    path = assets_dir() / "translations" / "data_es.toml"
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def need_label(category: str, label: str) -> str:
    """A need's name: the Spanish of a default checklist item, else as stored."""
    if current_language() != SPANISH:
        return label
    items = _spanish().get("checklist", {}).get(category, {})
    text = items.get(label) if isinstance(items, dict) else None
    return text if isinstance(text, str) else label


def resource_field(name: str, field: str, english: str) -> str:
    """One field (name, hours, languages, county, notes) of a shipped resource."""
    if current_language() != SPANISH:
        return english
    entry = _spanish().get("resources", {}).get(name, {})
    text = entry.get(field) if isinstance(entry, dict) else None
    return text if isinstance(text, str) and text else english
