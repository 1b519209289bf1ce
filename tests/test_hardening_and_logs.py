"""Process hardening, the content-free log, and the unexpected-error dialog."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

from advocate_app.logs import ContentFreeFormatter
from tests.helpers import spy_on


def test_core_dumps_are_disabled_at_start() -> None:
    code = (
        "from advocate_app.hardening import disable_core_dumps, core_dumps_disabled;"
        "disable_core_dumps(); import sys; sys.exit(0 if core_dumps_disabled() else 1)"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_exception_messages_never_reach_the_log(tmp_path: Path) -> None:
    handler = logging.FileHandler(tmp_path / "log.txt", encoding="utf-8")
    handler.setFormatter(ContentFreeFormatter("%(levelname)s %(message)s"))
    log = logging.getLogger("test.contentfree")
    log.addHandler(handler)
    try:
        raise ValueError("INSERT INTO notes VALUES ('CANARY-LOG-SECRET')")
    except ValueError:
        log.exception("unexpected error")
    finally:
        handler.close()
        log.removeHandler(handler)
    text = (tmp_path / "log.txt").read_text(encoding="utf-8")
    assert "unexpected error" in text and "ValueError" in text
    assert "CANARY-LOG-SECRET" not in text


def test_unexpected_error_shows_a_plain_dialog(qtbot, monkeypatch) -> None:
    from advocate_app.ui import errors
    from advocate_app.ui.qt import QMessageBox

    shown: list[str] = []

    def fake_exec(box) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    errors.install_excepthook()  # as the app does at start
    try:
        raise RuntimeError("CANARY-DIALOG-SECRET")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert len(shown) == 1
    assert "Everything you had saved is safe" in shown[0]
    assert "CANARY-DIALOG-SECRET" not in shown[0] and "Traceback" not in shown[0]


def test_copied_text_is_cleared_if_unchanged(qtbot, monkeypatch) -> None:
    from advocate_app.ui import clipboard
    from advocate_app.ui.clipboard import copy_text
    from advocate_app.ui.qt import QGuiApplication

    copy_text("1-888-373-7888", clear_after_ms=50)
    assert QGuiApplication.clipboard().text() == "1-888-373-7888"
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=2000)
    checked = spy_on(monkeypatch, clipboard, "clear_if_unchanged")
    copy_text("919-716-6785", clear_after_ms=50)
    QGuiApplication.clipboard().setText("something the person copied elsewhere")
    qtbot.waitUntil(lambda: bool(checked.returned), timeout=2000)  # the clearing timer has fired
    assert QGuiApplication.clipboard().text() == "something the person copied elsewhere"


def test_ctrl_c_inside_the_app_is_cleared_later(qtbot) -> None:
    from advocate_app.ui import clipboard
    from advocate_app.ui.qt import QGuiApplication, QLineEdit

    clipboard.stop_watching_copies()  # an earlier test's watch has another delay
    clipboard.watch_copies(clear_after_ms=50)
    try:
        field = QLineEdit("Alias copied with Ctrl+C")
        qtbot.addWidget(field)
        field.show()
        field.activateWindow()
        field.setFocus()
        qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None, timeout=2000)
        field.selectAll()
        field.copy()
        assert QGuiApplication.clipboard().text() == "Alias copied with Ctrl+C"
        qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=2000)
    finally:
        clipboard.stop_watching_copies()
