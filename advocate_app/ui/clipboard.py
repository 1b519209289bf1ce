"""Copying from the app: the clipboard is cleared after a short time (and on lock) if it still
holds what we put there, so a phone number or a note does not linger for other programs."""

from __future__ import annotations

from advocate_app.ui.qt import QGuiApplication, QTimer

CLEAR_AFTER_MS = 45_000
_last_copied: str | None = None
_watching = False


def copy_text(text: str, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
    global _last_copied
    QGuiApplication.clipboard().setText(text)
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
    copy buttons: cleared after a short time unless something else was copied since."""
    global _watching
    if _watching:
        return
    _watching = True
    clipboard = QGuiApplication.clipboard()

    def changed() -> None:
        global _last_copied
        # Only while one of our windows has focus: then the copy came from us.
        if QGuiApplication.focusWindow() is None:
            return
        text = clipboard.text()
        if text and text != _last_copied:
            _last_copied = text
            QTimer.singleShot(clear_after_ms, clear_if_unchanged)

    clipboard.dataChanged.connect(changed)
