"""Unexpected errors: a plain dialog and a content-free log entry; never a traceback on screen."""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from advocate_app.logs import log_path
from advocate_app.ui import qt
from advocate_app.ui.qt import QApplication, tr

log = logging.getLogger("advocate_app.unexpected")
_showing = False


def unexpected_error_text() -> str:
    return tr(
        "Something unexpected went wrong. Everything you had saved is safe, and text you were "
        "typing is kept as a draft. If it happens again, tell your supervisor; the details were "
        "written to the log (it holds no client information):\n{0}"
    ).format(log_path())


def file_error_text() -> str:
    """The standard sentence when the computer could not read or write a file (an OSError)."""
    return tr(
        "A file could not be read or written: the disk may be full, read-only or no longer "
        "plugged in. Check it and try again."
    )


def _hook(etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    global _showing
    if issubclass(etype, KeyboardInterrupt):
        QApplication.quit()
        return
    log.error("unexpected error", exc_info=(etype, value, tb))
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        # Qt's message box class on first use only: it is not on the way to the unlock window.
        box = qt.QMessageBox(QApplication.activeWindow())
        box.setIcon(qt.QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Something went wrong"))
        box.setText(unexpected_error_text())
        box.addButton(tr("Close"), qt.QMessageBox.ButtonRole.AcceptRole)
        box.exec()
    finally:
        _showing = False


def install_excepthook() -> None:
    sys.excepthook = _hook

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            log.error("unexpected error in a thread (%s)", args.exc_type.__name__)
            return
        log.error(
            "unexpected error in a thread",
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )

    threading.excepthook = thread_hook
