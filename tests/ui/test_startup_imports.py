"""Start-up builds the unlock window and nothing else: what only the unlocked app needs (the
shell, the database layer, the key derivation, the report and reference code) and the Qt
classes only other screens use are loaded later, while the passphrase is typed (ui.warmup).
Start-up time is a budget (issue 21); no timings here, only what a fresh process has loaded
when its unlock window is on screen (see benchmarks/ for the times)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from advocate_app.paths import APP_NAME
from advocate_app.ui.theme import SEEN_FILE_NAME
from tests.helpers import fresh_python_json

# A fresh process, as `advocate-app` starts: the real window, shown at the unlock page.
_TO_THE_UNLOCK_WINDOW = """
import gc, json, sys
from pathlib import Path

import pytest
from advocate_app.ui.app import make_application, open_main_window
app = make_application([])
controller = open_main_window(Path(sys.argv[1]))
app.processEvents()
assert controller.window.stack.currentWidget() is controller.unlock_page
from PySide6 import QtCore, QtGui, QtWidgets
made = sorted(
    f"{module.__name__.split('.')[-1]}.{name}"
    for module in (QtCore, QtGui, QtWidgets)
    for name in ("Qt", "QStyle", "QMessageBox", "QAccessible", "QAbstractItemView")
    if name in vars(module)  # PySide makes a class (and its enums) on first touch only
)
events = sorted(
    name for module in (QtCore, QtGui, QtWidgets) for name in vars(module) if name.endswith("Event")
)
print(json.dumps({
    "modules": sorted(sys.modules),
    "qt_classes": made,
    "event_classes": events,
    "frozen": gc.get_freeze_count(),
    "collecting": gc.isenabled(),
}))
controller.vault.close()
"""

# Loaded by the unlocked app only. Each costs start-up time for nothing if it is imported on
# the way to the unlock window: the shell and its sections, the database layer, the unlock's
# key derivation and key unwrapping, the reports, the reference library, Markdown.
NOT_AT_START_UP = (
    "advocate_app.ui.shell",
    "advocate_app.ui.sections",
    "advocate_app.ui.today",
    "advocate_app.ui.clients",
    "advocate_app.ui.roles",
    "advocate_app.ui.vault.recovery_key",
    "advocate_app.ui.vault.sign_in_choice",
    "advocate_app.store.engine",
    "advocate_app.store.models",
    "advocate_app.store.migrate",
    "advocate_app.store.backup",
    "advocate_app.store.restore",
    "advocate_app.store.audit",
    "advocate_app.store.sessions",
    "advocate_app.store.wal",
    "advocate_app.store.vocab",
    "advocate_app.reports",
    "advocate_app.library.shipped",
    "sqlalchemy",
    "alembic",
    "sqlcipher3",
    "argon2",
    "cryptography",
    "reportlab",
    "markdown",
    "zxcvbn",
)


def _start_to_the_unlock_window(vault_dir: Path, tmp_path: Path) -> dict[str, Any]:
    """A start after the first: the system's theme was seen by an earlier one."""
    home = tmp_path / "home"
    (home / APP_NAME).mkdir(parents=True)
    (home / APP_NAME / SEEN_FILE_NAME).write_text("light", encoding="ascii")
    loaded: dict[str, Any] = fresh_python_json(_TO_THE_UNLOCK_WINDOW, str(vault_dir), home=home)
    return loaded


def test_the_unlock_window_loads_nothing_the_unlocked_app_alone_needs(
    vault_dir: Path, tmp_path: Path
) -> None:
    loaded = _start_to_the_unlock_window(vault_dir, tmp_path)
    early = [
        name
        for name in loaded["modules"]
        if any(name == heavy or name.startswith(heavy + ".") for heavy in NOT_AT_START_UP)
    ]
    assert early == []
    # Qt classes with many enums that the unlock window never shows: the style (asked for only
    # to check it is Fusion), message boxes, the screen-reader events of status lines, item
    # views. Nor the Qt namespace (its hundred-odd enums): what the window sets from it is set
    # by value, and the system is asked for its theme once the window is up.
    assert loaded["qt_classes"] == []


def test_the_unlock_window_wraps_no_qt_event_for_python(vault_dir: Path, tmp_path: Path) -> None:
    """No Python code sees a Qt event before the unlock window is up: the first event handed to
    a Python override (a changeEvent, an event filter) makes PySide build QEvent, its 180 event
    types and some fifty event classes. Windows follow a language switch through the
    LanguageNotice, and the idle watcher filters events only once unlocked."""
    loaded = _start_to_the_unlock_window(vault_dir, tmp_path)
    assert loaded["event_classes"] == []


def test_the_objects_made_by_importing_the_gui_are_set_aside_from_the_collector(
    vault_dir: Path, tmp_path: Path
) -> None:
    """The modules, classes and enums loaded with the GUI live as long as the process: the
    cyclic collector was paused while they loaded and never walks them (gc.freeze); it runs
    again for everything made afterwards."""
    loaded = _start_to_the_unlock_window(vault_dir, tmp_path)
    assert loaded["frozen"] > 10_000
    assert loaded["collecting"] is True


_STYLE_OF_A_NEW_APPLICATION = """
import json, sys
from advocate_app.ui.app import make_application
app = make_application(json.loads(sys.argv[1]))
app.setStyleSheet("")  # the theme's style sheet wraps the style; its own name is the one asked
print(app.style().name())
"""


@pytest.mark.parametrize("argv", [[], ["advocate-app"]])
def test_the_application_is_made_with_fusion_whatever_the_desktop_asks(
    argv: list[str], tmp_path: Path
) -> None:
    """Fusion is chosen when the QApplication is made (never asked for afterwards, which would
    build Qt's style class at start-up), even where the desktop would pick another style."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen", QT_STYLE_OVERRIDE="Windows")
    result = subprocess.run(
        [sys.executable, "-B", "-c", _STYLE_OF_A_NEW_APPLICATION, json.dumps(argv)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["fusion"]
