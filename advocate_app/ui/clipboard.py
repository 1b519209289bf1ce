"""Copying from the app: the clipboard is cleared after a short time (and on lock) if it still
holds what we put there, so a phone number or a note does not linger for other programs."""

from __future__ import annotations

from advocate_app.ui.qt import QGuiApplication, QTimer

CLEAR_AFTER_MS = 45_000
_last_copied: str | None = None


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
