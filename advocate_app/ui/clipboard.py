"""Copying from the app: the clipboard is cleared after a short time (and on lock) if it still
holds what we put there, so a phone number or a note does not linger for other programs.

Every copy also carries the hints clipboard managers honour, so what is copied from here is
neither kept in a history nor synced to other devices: KDE's `x-kde-passwordManagerHint`
(Klipper and others on Linux), Windows' `ExcludeClipboardContentFromMonitorProcessing`,
`CanIncludeInClipboardHistory` and `CanUploadToCloudClipboard` (Qt registers a custom format
under its own name there), and `org.nspasteboard.ConcealedType` (macOS; Qt files custom formats
under its own type prefix there, so macOS managers may not see that one).
"""

from __future__ import annotations

from collections.abc import Callable

from advocate_app.ui.qt import QByteArray, QGuiApplication, QMimeData, QTimer

CLEAR_AFTER_MS = 45_000
KDE_HINT = "x-kde-passwordManagerHint"
CONCEALED_HINTS: dict[str, bytes] = {
    KDE_HINT: b"secret",
    "ExcludeClipboardContentFromMonitorProcessing": b"1",
    "CanIncludeInClipboardHistory": b"\x00\x00\x00\x00",  # a DWORD 0: never in Win+V history
    "CanUploadToCloudClipboard": b"\x00\x00\x00\x00",  # a DWORD 0: never synced
    "org.nspasteboard.ConcealedType": b"1",
}
_last_copied: str | None = None
_watching = False
_handler: Callable[[], None] | None = None


def concealed(text: str, source: QMimeData | None = None) -> QMimeData:
    """The text (and any other formats of `source`) with every clipboard-manager hint."""
    mime = QMimeData()
    if source is not None:
        for fmt in source.formats():
            mime.setData(fmt, source.data(fmt))
    mime.setText(text)
    for fmt, value in CONCEALED_HINTS.items():
        mime.setData(fmt, QByteArray(value))
    return mime


def copy_text(text: str, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
    global _last_copied
    QGuiApplication.clipboard().setMimeData(concealed(text))
    _last_copied = text
    QTimer.singleShot(clear_after_ms, clear_if_unchanged)


def clear_if_unchanged() -> None:
    global _last_copied
    if _last_copied is None:
        return
    clipboard = QGuiApplication.clipboard()
    if clipboard.text() == _last_copied:
        clipboard.clear()
    _last_copied = None


def watch_copies(clear_after_ms: int = CLEAR_AFTER_MS) -> None:
    """Text copied inside the app with Ctrl+C (a note, an alias) gets the same treatment as the
    copy buttons: the hints added at once, and cleared after a short time unless something else
    was copied since."""
    global _watching, _handler
    if _watching:
        return
    _watching = True
    clipboard = QGuiApplication.clipboard()
    if _handler is not None:  # watching again with another delay: one handler only
        clipboard.dataChanged.disconnect(_handler)

    def changed() -> None:
        global _last_copied
        # Only while one of our windows has focus: then the copy came from us.
        if QGuiApplication.focusWindow() is None:
            return
        mime = clipboard.mimeData()
        text = clipboard.text()
        if mime is not None and text and not mime.hasFormat(KDE_HINT):
            # A widget's own copy: put it back with the hints (this signal comes again).
            clipboard.setMimeData(concealed(text, mime))
            return
        if text and text != _last_copied:
            _last_copied = text
            QTimer.singleShot(clear_after_ms, clear_if_unchanged)

    clipboard.dataChanged.connect(changed)
    _handler = changed


def stop_watching_copies() -> None:
    """Stop what watch_copies started (a copy already waiting is still cleared on time); the
    next watch_copies starts again, with its own delay."""
    global _watching, _handler
    if _handler is not None:
        QGuiApplication.clipboard().dataChanged.disconnect(_handler)
        _handler = None
    _watching = False
