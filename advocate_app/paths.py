"""Where the app finds its shipped assets and its per-user folders.

No Qt here: every layer may use it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "advocate-app"


def assets_dir() -> Path:
    """The shipped assets folder (reference, scenarios, checklists, resources, icons)."""
    override = os.environ.get("ADVOCATE_ASSETS_DIR")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "assets"
    return Path(__file__).resolve().parent.parent / "assets"


def default_data_dir() -> Path:
    """The real vault's folder unless --data-dir says otherwise."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Non-sensitive settings only (window geometry, idle minutes, language)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """The log never holds client content; see advocate_app.logs."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def demo_data_dir() -> Path:
    """The demo vault lives apart from any real vault."""
    return Path(platformdirs.user_data_dir(APP_NAME + "-demo", appauthor=False))
