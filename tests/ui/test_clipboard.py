"""Copies carry the hints that keep them out of clipboard histories and cloud sync."""

from __future__ import annotations

from advocate_app.ui.clipboard import CONCEALED_HINTS, copy_text
from advocate_app.ui.qt import QGuiApplication, QLineEdit, Qt


def _hints() -> dict[str, bytes]:
    mime = QGuiApplication.clipboard().mimeData()
    return {fmt: bytes(mime.data(fmt)) for fmt in CONCEALED_HINTS if mime.hasFormat(fmt)}


def test_a_copy_button_marks_the_copy_as_secret(qapp) -> None:
    copy_text("828-555-0142")
    assert QGuiApplication.clipboard().text() == "828-555-0142"
    hints = _hints()
    assert hints["x-kde-passwordManagerHint"] == b"secret"
    assert "ExcludeClipboardContentFromMonitorProcessing" in hints
    assert hints["CanIncludeInClipboardHistory"] == b"\0\0\0\0"
    assert hints["CanUploadToCloudClipboard"] == b"\0\0\0\0"
    assert "org.nspasteboard.ConcealedType" in hints
    QGuiApplication.clipboard().clear()


def test_ctrl_c_in_a_field_gets_the_same_hints(qapp, qtbot) -> None:
    field = QLineEdit("Met at the clinic")
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    field.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _hints().get("x-kde-passwordManagerHint") == b"secret")
    assert QGuiApplication.clipboard().text() == "Met at the clinic"
    assert set(_hints()) == set(CONCEALED_HINTS)
    QGuiApplication.clipboard().clear()
