"""The national and statewide resource directory shipped with the app (assets/resources/).

The office's own entries live in the vault (advocate_app.store.resources); these are public and
read-only. Each entry's category is one of RESOURCE_CATEGORIES, which the vault's entries use too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from advocate_app.i18n import QT_TR_NOOP

RESOURCE_CATEGORIES: dict[str, str] = {
    "hotline": QT_TR_NOOP("Hotline"),
    "housing": QT_TR_NOOP("Housing and shelter"),
    "legal": QT_TR_NOOP("Legal and immigration"),
    "health": QT_TR_NOOP("Health and recovery"),
    "government": QT_TR_NOOP("Government office"),
    "coalition": QT_TR_NOOP("Coalition or network"),
    "transportation": QT_TR_NOOP("Transportation"),
    "employment": QT_TR_NOOP("Employment and education"),
    "childcare": QT_TR_NOOP("Childcare and family"),
    "other": QT_TR_NOOP("Other"),
}


class ResourceFileError(ValueError):
    """The shipped resource directory is damaged; the message names the entry."""


@dataclass(frozen=True)
class ShippedResource:
    name: str
    category: str  # a key of vocab.RESOURCE_CATEGORIES
    hours: str
    languages: str
    county: str
    notes: str
    source: str
    phone: str | None = None
    text: str | None = None
    tty: str | None = None

    @property
    def category_label(self) -> str:
        return RESOURCE_CATEGORIES[self.category]


_RESOURCE_REQUIRED = ("name", "category", "hours", "languages", "county", "notes", "source")
_RESOURCE_OPTIONAL = ("phone", "text", "tty")


def load_shipped_resources(path: Path) -> list[ShippedResource]:
    """The national and statewide directory shipped with the app, in file order."""
    # Here, not at the top: the vocabulary (RESOURCE_CATEGORIES) is read on the way to the
    # unlock window, which needs no TOML parser.
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        raise ResourceFileError(f"{path.name}: the resource directory could not be read.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ResourceFileError(
            f"{path.name}: the resource directory is not valid TOML ({exc})."
        ) from None
    entries = data.get("resource", [])
    if not isinstance(entries, list):
        raise ResourceFileError(f"{path.name}: entries must be written as [[resource]] tables.")
    resources: list[ShippedResource] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        where = f"{path.name}, resource {number}"
        if not isinstance(entry, dict):
            raise ResourceFileError(f"{where}: an entry must be a [[resource]] table.")
        unknown = set(entry) - set(_RESOURCE_REQUIRED) - set(_RESOURCE_OPTIONAL)
        if unknown:
            raise ResourceFileError(f"{where}: unknown field {sorted(unknown)[0]!r}.")
        values: dict[str, str | None] = {}
        for key in _RESOURCE_REQUIRED:
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                raise ResourceFileError(f"{where}: “{key}” is missing or empty.")
            values[key] = value.strip()
        for key in _RESOURCE_OPTIONAL:
            value = entry.get(key)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise ResourceFileError(f"{where}: “{key}” must be text when present.")
            values[key] = value.strip() if isinstance(value, str) else None
        if values["category"] not in RESOURCE_CATEGORIES:
            raise ResourceFileError(
                f"{where}: category {values['category']!r} is not one of "
                f"{', '.join(RESOURCE_CATEGORIES)}."
            )
        name = str(values["name"])
        if name in seen:
            raise ResourceFileError(f"{where}: the name {name!r} is used twice.")
        seen.add(name)
        resources.append(ShippedResource(**values))  # type: ignore[arg-type]
    return resources
