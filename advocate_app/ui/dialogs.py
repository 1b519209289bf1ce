"""The foot of a dialog: an error line for what the person must fix, then the buttons.

Every dialog names its action on its button ("Add user", not "OK"); Cancel and Close reject.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from advocate_app.ui.qt import QBoxLayout, QDialog, QDialogButtonBox, QLabel, QPushButton, tr
from advocate_app.ui.widgets import status_line


@dataclass(frozen=True)
class DialogFoot:
    buttons: QDialogButtonBox
    accept_button: QPushButton | None  # the action's button (None for a dialog that only closes)
    reject_button: QPushButton | None
    error_line: QLabel | None  # the error line, when asked for

    @property
    def ok(self) -> QPushButton:
        assert self.accept_button is not None, "this dialog has no action button"
        return self.accept_button

    @property
    def cancel(self) -> QPushButton:
        assert self.reject_button is not None, "this dialog has no cancel or close button"
        return self.reject_button

    @property
    def message(self) -> QLabel:
        assert self.error_line is not None, "this dialog was built without an error line"
        return self.error_line


def add_dialog_foot(
    dialog: QDialog,
    layout: QBoxLayout,
    action: str | None,
    *,
    on_accept: Callable[[], None] | None = None,
    cancel: str | bool = True,
    message: bool = False,
) -> DialogFoot:
    """Add the error line (with message=True) and a button box to layout.

    action: the accept button's text (None: no accept button). on_accept runs when it is
    pressed (default: dialog.accept; a dialog that checks its fields first passes its own).
    cancel: True for a "Cancel" button, a text for another rejecting button ("Close"), False
    for none."""
    line = None
    if message:
        line = status_line("", "error")
        layout.addWidget(line)
    box = QDialogButtonBox()
    ok = None
    if action is not None:
        ok = box.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        box.accepted.connect(on_accept if on_accept is not None else dialog.accept)
    reject = None
    if cancel is not False:
        text = tr("Cancel") if cancel is True else str(cancel)
        reject = box.addButton(text, QDialogButtonBox.ButtonRole.RejectRole)
        box.rejected.connect(dialog.reject)
    layout.addWidget(box)
    return DialogFoot(box, ok, reject, line)


__all__ = ["DialogFoot", "add_dialog_foot"]
