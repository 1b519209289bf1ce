"""Non-sensitive settings in a plain JSON file (idle minutes, window geometry, language).

Never a name, an alias, a path a person chose, or anything typed into the app.
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path

from advocate_app.paths import config_dir
from advocate_app.store.fsutil import atomic_write_bytes

SETTINGS_FILE_NAME = "settings.json"
# One save at a time, from any thread: each writes what the settings hold when it starts, so
# the last to write has the newest (a save on a worker never puts back older values).
_SAVING = threading.Lock()


@dataclass
class Settings:
    """What settings.json holds: preferences of this computer, never anything about a client."""

    idle_minutes: int = 5
    no_contact_days: int = 30
    window_geometry: str = ""  # base64 from QWidget.saveGeometry: positions only
    presenter_font_scale: float = 1.6
    automatic_backups: bool = True  # one verified backup at the first unlock of each day
    backups_to_keep: int = 14
    last_user_id: str = ""  # who unlocked last on this computer: an id, never a name
    theme: str = "system"  # "system", "light", "dark" or "high_contrast" (ui/theme.py)
    language: str = ""  # "es", "en", or "" to follow the system's language
    extra: dict[str, object] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path | None = None) -> Settings:
        path = (folder or config_dir()) / SETTINGS_FILE_NAME
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        settings = cls()
        if isinstance(doc, dict):
            for key, value in doc.items():
                if hasattr(settings, key) and isinstance(value, type(getattr(settings, key))):
                    setattr(settings, key, value)
        settings.idle_minutes = min(120, max(1, settings.idle_minutes))
        settings.no_contact_days = min(365, max(1, settings.no_contact_days))
        settings.backups_to_keep = min(365, max(1, settings.backups_to_keep))
        if settings.theme not in ("system", "light", "dark", "high_contrast"):
            settings.theme = "system"
        return settings

    def save(self, folder: Path | None = None) -> None:
        """Write the file (two fsyncs); from any thread, one save at a time."""
        folder = folder or config_dir()
        with _SAVING:
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(
                folder / SETTINGS_FILE_NAME, json.dumps(asdict(self), indent=2).encode("utf-8")
            )
