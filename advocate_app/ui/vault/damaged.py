"""The screen for a vault that cannot be opened as it is: what is wrong, that nothing was
deleted or overwritten, and the newest backup that checks out.

It never touches a file. "Restore the newest backup…" (or a chosen file) asks for a passphrase
or the recovery key in the same confirm dialog as the Backups section, then emits
`restore_requested(RestoreRequest)`; the controller closes the vault, calls
`store.restore.restore_backup` and starts again. "Close" emits `close_requested`.
"""

from __future__ import annotations

from pathlib import Path

from advocate_app.store.diagnose import Diagnosis, folder_vault_id
from advocate_app.store.errors import VaultError
from advocate_app.store.layout import BACKUP_DIR_NAME
from advocate_app.store.restore import RestoreRequest
from advocate_app.ui.backups.restore_dialog import (
    RestoreConfirmDialog,
    choose_backup_file,
    open_restore_dialog,
)
from advocate_app.ui.backups.texts import when_text
from advocate_app.ui.format import size_text
from advocate_app.ui.qt import QHBoxLayout, QPushButton, Qt, Signal, tr
from advocate_app.ui.widgets import Page, hline, label, primary_button, set_message, status_line


class DamagedPage(Page):
    restore_requested = Signal(object)  # a store.restore.RestoreRequest
    close_requested = Signal()

    def __init__(self, diagnosis: Diagnosis | None = None) -> None:
        super().__init__(tr("The vault cannot be opened as it is"))
        self.diagnosis: Diagnosis | None = None
        self.restore_dialog: RestoreConfirmDialog | None = None

        self.body.addWidget(label(tr("What is wrong"), "subtitle"))
        self.what = label("")
        self.what.setAccessibleName(tr("What is wrong"))
        self.what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.what)

        self.body.addWidget(label(tr("Your files are untouched"), "subtitle"))
        self.untouched = label(
            tr(
                "Nothing was deleted or overwritten: the vault's files were left exactly as they "
                "were found, in this folder:"
            )
        )
        self.body.addWidget(self.untouched)
        self.folder_label = label("")
        self.folder_label.setAccessibleName(tr("Vault folder"))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setIndent(16)
        self.body.addWidget(self.folder_label)

        self.body.addWidget(label(tr("What you can do"), "subtitle"))
        self.backup_text = label("")
        self.backup_text.setAccessibleName(tr("Newest backup"))
        self.body.addWidget(self.backup_text)
        self.message = status_line("", "error")
        self.message.setAccessibleName(tr("Restore message"))
        self.body.addWidget(self.message)
        self.body.addWidget(hline())

        row = QHBoxLayout()
        self.close_button = QPushButton(tr("Close"))
        self.close_button.clicked.connect(self.close_requested)
        self.choose_button = QPushButton(tr("Choose a backup file…"))
        self.choose_button.setAccessibleDescription(
            tr(
                "Choose a backup file, for example on a USB stick, to restore from; you are "
                "asked to confirm first."
            )
        )
        self.choose_button.clicked.connect(self.restore_from_file)
        self.restore_button = primary_button(tr("Restore the newest backup…"))
        self.restore_button.setAccessibleDescription(
            tr(
                "Replaces the vault with its newest backup, after you confirm; the damaged files "
                "are kept aside, not deleted. Work done after that backup is not in it."
            )
        )
        self.restore_button.clicked.connect(self.restore_newest)
        row.addWidget(self.close_button)
        row.addStretch(1)
        row.addWidget(self.choose_button)
        row.addWidget(self.restore_button)
        self.body.addLayout(row)
        self.finish()
        if diagnosis is not None:
            self.show_diagnosis(diagnosis)

    def show_diagnosis(self, diagnosis: Diagnosis) -> None:
        self.diagnosis = diagnosis
        self.what.setText(diagnosis.message)
        self.folder_label.setText(str(diagnosis.folder))
        newest = diagnosis.newest_backup
        if newest is not None:
            self.backup_text.setText(
                tr(
                    "The newest backup that checks out was made on {0} ({1}). Restoring it keeps "
                    "the current files aside in a folder named before-restore-…, so nothing is "
                    "lost. You will need a passphrase as it was that day, or the office's recovery "
                    "key."
                ).format(when_text(newest.created), size_text(newest.size_bytes))
            )
        else:
            self.backup_text.setText(
                tr(
                    "No usable backup was found in the vault's backups folder. If there is one on "
                    "a USB stick, choose it with “Choose a backup file…”. Otherwise ask your "
                    "supervisor or IT support for help before changing any of these files."
                )
            )
        self.restore_button.setEnabled(newest is not None)
        self.restore_button.setVisible(newest is not None)
        set_message(self.message, "", "error")
        (self.restore_button if newest is not None else self.choose_button).setFocus()

    # --- restoring ---------------------------------------------------------------------------

    def restore_newest(self) -> None:
        if self.diagnosis is None or self.diagnosis.newest_backup is None:
            return
        self._confirm(self.diagnosis.newest_backup.path)

    def restore_from_file(self) -> None:
        if self.diagnosis is None:
            return
        path = choose_backup_file(self, self.diagnosis.folder / BACKUP_DIR_NAME)
        if path is not None:
            self._confirm(path)

    def _confirm(self, path: Path) -> None:
        assert self.diagnosis is not None
        set_message(self.message, "", "error")
        try:
            self.restore_dialog = open_restore_dialog(
                self,
                path,
                preferred_user_id=None,
                current_vault_id=folder_vault_id(self.diagnosis.folder),
                on_request=self._requested,
            )
        except VaultError as exc:
            set_message(self.message, exc.message, "error")

    def _requested(self, request: RestoreRequest) -> None:
        self.restore_dialog = None
        set_message(self.message, tr("Restoring the backup…"), "hint")
        self.restore_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.restore_requested.emit(request)

    def show_error(self, text: str) -> None:
        """For the controller: a restore that was refused (nothing changed)."""
        set_message(self.message, text, "error")
        self.restore_button.setEnabled(
            self.diagnosis is not None and self.diagnosis.newest_backup is not None
        )
        self.choose_button.setEnabled(True)
