"""The unlock window is drawn before PySide builds the Qt namespace (issue 21: start-up time).

What the window sets from the namespace is set by value, and each value must be the member it
stands for (a label left rich text would show a person's words as markup). The system's theme
is asked once the window is up: the window is drawn in the theme the system asked for last
time, and follows the system at once if it asks for another now. No timings here (see
benchmarks/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocate_app.paths import APP_NAME
from advocate_app.ui import qt
from advocate_app.ui.qt import QLabel, QLineEdit, QShortcut, Qt, set_by_value
from advocate_app.ui.theme import SEEN_FILE_NAME
from advocate_app.ui.widgets import label, passphrase_field, status_line
from tests.helpers import fresh_python_json


def test_each_value_is_the_member_it_stands_for() -> None:
    assert Qt.TextFormat.PlainText.value == qt.PLAIN_TEXT
    assert Qt.ShortcutContext.ApplicationShortcut.value == qt.APPLICATION_SHORTCUT
    hints = (
        Qt.InputMethodHint.ImhHiddenText
        | Qt.InputMethodHint.ImhSensitiveData
        | Qt.InputMethodHint.ImhNoPredictiveText
    )
    assert hints.value == qt.PASSPHRASE_HINTS


def test_the_widgets_set_by_value_read_back_as_their_members(qtbot) -> None:
    for each in (label("<b>Ana</b>"), status_line("<i>saved</i>")):
        qtbot.addWidget(each)
        assert each.textFormat() == Qt.TextFormat.PlainText
    field = passphrase_field("Passphrase")
    qtbot.addWidget(field)
    hints = field.inputMethodHints()
    for hint in ("ImhHiddenText", "ImhSensitiveData", "ImhNoPredictiveText"):
        assert hints & getattr(Qt.InputMethodHint, hint), hint
    shortcut = QShortcut(field)
    set_by_value(shortcut, "context", qt.APPLICATION_SHORTCUT)
    assert shortcut.context() == Qt.ShortcutContext.ApplicationShortcut


def test_a_property_that_does_not_take_the_value_is_an_error(qtbot) -> None:
    line = QLineEdit()
    qtbot.addWidget(line)
    with pytest.raises(ValueError, match="textFormatt"):
        set_by_value(line, "textFormatt", qt.PLAIN_TEXT)  # no such property
    shown = QLabel("<b>x</b>")
    qtbot.addWidget(shown)
    set_by_value(shown, "textFormat", qt.PLAIN_TEXT)
    assert shown.textFormat() == Qt.TextFormat.PlainText


# A fresh process, as `advocate-app` starts: what the theme is at the first paint, and once the
# window has been up for a while.
_THEME_AT_START = """
import json, sys, time
from pathlib import Path

from advocate_app.ui.app import make_application, open_main_window
from advocate_app.ui.qt import QApplication, QCoreApplication
app = make_application([])
controller = open_main_window(Path(sys.argv[1]))
app.processEvents()  # the window's first paint
from PySide6 import QtCore
first = {
    "theme": app.property("advocate_theme"),
    "namespace": "Qt" in vars(QtCore),
    "icon": not app.windowIcon().isNull(),
}
deadline = time.monotonic() + 20
while app.windowIcon().isNull() and time.monotonic() < deadline:
    QCoreApplication.processEvents()
    time.sleep(0.005)
seen = Path(sys.argv[2])
print(json.dumps({
    "first": first,
    "later": {"theme": app.property("advocate_theme"), "icon": not app.windowIcon().isNull()},
    "seen": seen.read_text(encoding="ascii") if seen.exists() else None,
}))
controller.vault.close()
"""


def _start(vault_dir: Path, home: Path) -> dict[str, dict[str, object]]:
    seen = home / APP_NAME / SEEN_FILE_NAME
    result: dict[str, dict[str, object]] = fresh_python_json(
        _THEME_AT_START, str(vault_dir), str(seen), home=home
    )
    return result


def test_the_window_is_drawn_in_the_theme_seen_last_time_and_follows_the_system_once_up(
    vault_dir: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    (home / APP_NAME).mkdir(parents=True)
    # Last time the system asked for dark; now it asks for light (offscreen has no dark).
    (home / APP_NAME / SEEN_FILE_NAME).write_text("dark", encoding="ascii")
    started = _start(vault_dir, home)
    assert started["first"] == {"theme": "dark", "namespace": False, "icon": False}
    assert started["later"] == {"theme": "light", "icon": True}
    assert started["seen"] == "light"


def test_the_first_start_ever_asks_the_system_before_drawing(
    vault_dir: Path, tmp_path: Path
) -> None:
    started = _start(vault_dir, tmp_path / "home")
    assert started["first"]["theme"] == "light"
    assert started["later"] == {"theme": "light", "icon": True}
    assert started["seen"] == "light"  # the next start draws without asking


def test_a_damaged_seen_file_is_asked_about_again(vault_dir: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / APP_NAME).mkdir(parents=True)
    (home / APP_NAME / SEEN_FILE_NAME).write_bytes(b"\xff\xfe<script>")
    started = _start(vault_dir, home)
    assert started["first"]["theme"] == "light"
    assert started["seen"] == "light"


def test_a_huge_seen_file_is_asked_about_again(vault_dir: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / APP_NAME).mkdir(parents=True)
    (home / APP_NAME / SEEN_FILE_NAME).write_bytes(b"\x00" * 20_000_000 + b"dark")
    started = _start(vault_dir, home)
    assert started["first"]["theme"] == "light"
    assert started["later"] == {"theme": "light", "icon": True}
    assert started["seen"] == "light"
