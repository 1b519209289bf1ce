"""Restoring a backup: choose the file, say who restores it (passphrase or recovery key), check
that it opens, then hand a RestoreRequest to the controller. Used by Backups and the damaged-vault
screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store.backup_file import BackupInfo
from advocate_app.store.restore import (
    BackupCredentials,
    BackupUser,
    RestoreRequest,
    backup_users,
    check_backup_access,
    read_restorable_info,
)
from advocate_app.ui.backups.texts import when_text
from advocate_app.ui.dialogs import add_dialog_foot
from advocate_app.ui.files import ask_open_path
from advocate_app.ui.format import size_text
from advocate_app.ui.operation import Operation
from advocate_app.ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
    tr_marked,
)
from advocate_app.ui.widgets import label, passphrase_field

BACKUP_FILTER = QT_TR_NOOP("Advocate Companion backups (*.acbackup)")


def choose_backup_file(parent: QWidget, start_folder: Path | None) -> Path | None:
    """The file chooser for a backup; Qt's remembered folders are erased afterwards."""
    return ask_open_path(
        parent, tr("Choose a backup to restore"), tr_marked(BACKUP_FILTER), start_folder
    )


class RestoreConfirmDialog(QDialog):
    """Shows the backup's date and size, says what happens to the current vault, and asks for a
    passphrase (as it was that day) or the recovery key, checked before the dialog closes."""

    confirmed = Signal(object)  # a RestoreRequest, once the credentials opened the backup

    def __init__(
        self,
        info: BackupInfo,
        users: list[BackupUser],
        *,
        preferred_user_id: str | None = None,
        other_vault: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.info = info
        self._checking = False
        self.setWindowTitle(tr("Restore a backup"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(
            label(tr("Restore the backup made on {0}?").format(when_text(info.created)), "subtitle")
        )
        facts = QFormLayout()
        self.made_on = label(when_text(info.created))
        self.size_label = label(size_text(info.size_bytes))
        self.file_name = label(info.path.name)
        facts.addRow(tr("Made on:"), self.made_on)
        facts.addRow(tr("Size:"), self.size_label)
        facts.addRow(tr("File:"), self.file_name)
        layout.addLayout(facts)
        layout.addWidget(
            label(
                tr(
                    "Every record in this vault will be replaced by the records in this backup; "
                    "anything added after {0} is not in it. The vault as it is now is not deleted: it "
                    "is moved to a folder named before-restore-… inside the vault folder, so it can "
                    "still be recovered."
                ).format(when_text(info.created))
            )
        )
        self.other_vault_warning = label(
            tr(
                "This backup is of a different vault (another office, or an earlier set-up). "
                "Restoring it replaces this vault with that one."
            ),
            "error",
        )
        self.other_vault_warning.setVisible(other_vault)
        layout.addWidget(self.other_vault_warning)
        self.other_vault = other_vault

        layout.addWidget(
            label(
                tr(
                    "To restore, type your passphrase as it was on the day of the backup, or the "
                    "office's recovery key."
                ),
                "hint",
            )
        )
        form = QFormLayout()
        self.user_box = QComboBox()
        self.user_box.setAccessibleName(tr("User"))
        self.user_box.setAccessibleDescription(
            tr("The people who could unlock on the day of the backup; choose yourself.")
        )
        for user in users:
            self.user_box.addItem(user.name, user.id)
        if preferred_user_id is not None:
            index = self.user_box.findData(preferred_user_id)
            if index >= 0:
                self.user_box.setCurrentIndex(index)
        self.user_label = QLabel(tr("&User"))
        self.user_label.setBuddy(self.user_box)
        form.addRow(self.user_label, self.user_box)
        show_users = len(users) > 1
        self.user_label.setVisible(show_users)
        self.user_box.setVisible(show_users)
        self.secret = passphrase_field(tr("Passphrase"))
        self.secret.setAccessibleDescription(
            tr(
                "Your passphrase as it was on the day of the backup, or the office's recovery "
                "key when that is chosen below."
            )
        )
        self.secret_label = QLabel(tr("&Passphrase"))
        self.secret_label.setBuddy(self.secret)
        form.addRow(self.secret_label, self.secret)
        self.use_recovery = QCheckBox(tr("Use the office's &recovery key instead"))
        self.use_recovery.toggled.connect(self._toggle_recovery)
        form.addRow("", self.use_recovery)
        layout.addLayout(form)
        foot = add_dialog_foot(
            self, layout, tr("Restore this backup"), on_accept=self._check, message=True
        )
        self.message, self.restore_button, self.cancel_button = (foot.message, foot.ok, foot.cancel)
        self.message.setAccessibleName(tr("Restore message"))
        self.restore_button.setProperty("role", "primary")
        self.restore_button.setAccessibleDescription(
            tr(
                "Replaces the records with those in this backup. The vault as it is now is kept "
                "aside; everyone unlocks again afterwards."
            )
        )
        self.rejected.connect(self.secret.clear)
        self.secret.setFocus()

    def _toggle_recovery(self, on: bool) -> None:
        self.secret.clear()
        self.secret_label.setText(tr("&Recovery key") if on else tr("&Passphrase"))
        self.secret.setAccessibleName(tr("Recovery key") if on else tr("Passphrase"))
        # The recovery key is long and grouped: seeing it helps more than hiding it here.
        mode = QLineEdit.EchoMode
        self.secret.setEchoMode(mode.Normal if on else mode.Password)
        self.user_box.setEnabled(not on)
        self.message.setText("")

    def credentials(self) -> BackupCredentials:
        text = self.secret.text()
        if self.use_recovery.isChecked():
            return BackupCredentials(recovery_key=text)
        return BackupCredentials(
            passphrase=text,
            user_id=self.user_box.currentData(),
            user_name=self.user_box.currentText() or None,
        )

    def _check(self) -> None:
        if self._checking:
            return
        if not self.secret.text():
            self.message.setText(
                tr("Type the recovery key.")
                if self.use_recovery.isChecked()
                else tr("Type the passphrase.")
            )
            return
        credentials = self.credentials()
        path = self.info.path

        def done(_info: object) -> None:
            self.secret.clear()
            self.accept()
            # Handed over, not kept: the secret lives no longer than the restore needs it.
            self.confirmed.emit(
                RestoreRequest(path, credentials, allow_other_vault=self.other_vault)
            )

        def failed(text: str) -> None:
            self.message.setText(text)
            self.secret.selectAll()
            self.secret.setFocus()

        Operation(self, lambda: check_backup_access(path, credentials)).busy(
            self._set_checking
        ).success(done).failure(failed).run_in_background()

    def _set_checking(self, on: bool) -> None:
        self._checking = on
        self.restore_button.setEnabled(not on)
        self.secret.setEnabled(not on)
        if on:
            self.message.setText(tr("Checking…"))


def open_restore_dialog(
    parent: QWidget,
    path: Path,
    *,
    preferred_user_id: str | None,
    current_vault_id: str | None,
    on_request: Callable[[RestoreRequest], None],
) -> RestoreConfirmDialog:
    """Read the chosen file, then show the confirm dialog window-modally; on_request (a method
    of a QObject, so the connection does not keep it alive) runs once the person confirmed and
    their passphrase or recovery key opened the backup.

    A file that is not a usable backup raises its specific VaultError before any dialog."""
    info = read_restorable_info(path)
    users = backup_users(path)
    other = current_vault_id is not None and info.vault_id != current_vault_id
    dialog = RestoreConfirmDialog(
        info, users, preferred_user_id=preferred_user_id, other_vault=other, parent=parent
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.confirmed.connect(on_request)
    dialog.open()
    return dialog
