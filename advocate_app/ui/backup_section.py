"""Backups: "Back up now" to a folder of the person's choice, the automatic daily backups, and
restoring one (the current vault is kept aside, never deleted).

The section never replaces the open vault itself: after the person confirms, it emits
`restore_requested(RestoreRequest)` and the controller locks and closes the vault, calls
`advocate_app.store.restore.restore_backup`, and opens the restored vault.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from advocate_app.store import backup_status
from advocate_app.store.backup import (
    DEFAULT_KEEP,
    BackupInfo,
    backup_to_folder,
    list_backups,
)
from advocate_app.store.errors import VaultError
from advocate_app.store.restore import (
    BackupCredentials,
    BackupUser,
    RestoreRequest,
    backup_users,
    check_backup_access,
    read_restorable_info,
)
from advocate_app.store.vault import Vault
from advocate_app.ui.dialogs import add_dialog_foot
from advocate_app.ui.files import ask_folder, ask_open_path
from advocate_app.ui.format import fmt_datetime
from advocate_app.ui.operation import Operation
from advocate_app.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QLocale,
    QProgressBar,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
)
from advocate_app.ui.roles import KEY_ROLE
from advocate_app.ui.shell import Section
from advocate_app.ui.widgets import label, passphrase_field, set_message

BACKUP_FILTER = "Advocate Companion backups (*.acbackup)"


def size_text(size_bytes: int) -> str:
    return QLocale().formattedDataSize(size_bytes, 1,
                                       QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def when_text(created: datetime) -> str:
    return fmt_datetime(created)


def kind_text(kind: str) -> str:
    return {"automatic": tr("Daily"), "before-upgrade": tr("Before an update")}.get(
        kind, tr("Saved by hand"))


def automatic_failure_text(status: backup_status.BackupStatus) -> str | None:
    """A calm sentence about a failed daily backup, with what to do; None when none failed."""
    if status.automatic_failed_at is None:
        return None
    when = when_text(status.automatic_failed_at)
    if status.automatic_failure == backup_status.NOT_WRITTEN:
        return tr(
            "The daily backup on {0} could not be made: the disk is full or the vault's folder "
            "cannot be written. Your records are safe. Free some space on this computer, then "
            "use Backups → Back up now; the app also tries again at the next unlock.").format(
                when)
    if status.automatic_failure == backup_status.DAMAGED:
        return tr(
            "The daily backup on {0} was not made because the vault did not pass its check. "
            "The earlier backups were kept. Lock the app and check the vault; restore the "
            "newest backup if it is damaged.").format(when)
    return tr(
        "The daily backup on {0} could not be made. Your records are safe. Use Backups → Back "
        "up now to save a copy on a USB stick; the app also tries again at the next "
        "unlock.").format(when)


def outside_copy_text(status: backup_status.BackupStatus,
                      now: datetime | None = None) -> tuple[str, bool]:
    """When the last copy outside this computer was made, and whether a reminder is due."""
    due = status.outside_copy_due(now)
    if status.last_outside_copy_at is None:
        return tr("No copy has been saved outside this computer yet. Use Back up now with a "
                  "USB stick, and keep the stick locked away."), True
    text = tr("The last copy outside this computer was saved on {0}.").format(
        when_text(status.last_outside_copy_at))
    if due:
        text += " " + tr("That is more than a week ago: save a new copy on a USB stick.")
    return text, due


def choose_backup_file(parent: QWidget, start_folder: Path | None) -> Path | None:
    """The file chooser for a backup; Qt's remembered folders are erased afterwards."""
    return ask_open_path(parent, tr("Choose a backup to restore"), tr(BACKUP_FILTER),
                         start_folder)


class RestoreConfirmDialog(QDialog):
    """Shows the backup's date and size, says what happens to the current vault, and asks for a
    passphrase (as it was that day) or the recovery key, checked before the dialog closes."""

    confirmed = Signal(object)  # a RestoreRequest, once the credentials opened the backup

    def __init__(self, info: BackupInfo, users: list[BackupUser], *,
                 preferred_user_id: str | None = None, other_vault: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self._checking = False
        self.setWindowTitle(tr("Restore a backup"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(label(tr("Restore the backup made on {0}?").format(
            when_text(info.created)), "subtitle"))
        facts = QFormLayout()
        self.made_on = label(when_text(info.created))
        self.size = label(size_text(info.size_bytes))
        self.file_name = label(info.path.name)
        facts.addRow(tr("Made on:"), self.made_on)
        facts.addRow(tr("Size:"), self.size)
        facts.addRow(tr("File:"), self.file_name)
        layout.addLayout(facts)
        layout.addWidget(label(tr(
            "Every record in this vault will be replaced by the records in this backup; "
            "anything added after {0} is not in it. The vault as it is now is not deleted: it "
            "is moved to a folder named before-restore-… inside the vault folder, so it can "
            "still be recovered.").format(when_text(info.created))))
        self.other_vault_warning = label(tr(
            "This backup is of a different vault (another office, or an earlier set-up). "
            "Restoring it replaces this vault with that one."), "error")
        self.other_vault_warning.setVisible(other_vault)
        layout.addWidget(self.other_vault_warning)
        self.other_vault = other_vault

        layout.addWidget(label(tr(
            "To restore, type your passphrase as it was on the day of the backup, or the "
            "office's recovery key."), "hint"))
        form = QFormLayout()
        self.user_box = QComboBox()
        self.user_box.setAccessibleName(tr("User"))
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
        self.secret_label = QLabel(tr("&Passphrase"))
        self.secret_label.setBuddy(self.secret)
        form.addRow(self.secret_label, self.secret)
        self.use_recovery = QCheckBox(tr("Use the office's &recovery key instead"))
        self.use_recovery.toggled.connect(self._toggle_recovery)
        form.addRow("", self.use_recovery)
        layout.addLayout(form)
        foot = add_dialog_foot(self, layout, tr("Restore this backup"), on_accept=self._check,
                               message=True)
        self.message, self.restore_button, self.cancel_button = (
            foot.message, foot.ok, foot.cancel)
        self.message.setAccessibleName(tr("Restore message"))
        self.restore_button.setProperty("role", "primary")
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
        return BackupCredentials(passphrase=text, user_id=self.user_box.currentData(),
                                 user_name=self.user_box.currentText() or None)

    def _check(self) -> None:
        if self._checking:
            return
        if not self.secret.text():
            self.message.setText(tr("Type the recovery key.") if self.use_recovery.isChecked()
                                 else tr("Type the passphrase."))
            return
        credentials = self.credentials()
        path = self.info.path

        def done(_info: object) -> None:
            self.secret.clear()
            self.accept()
            # Handed over, not kept: the secret lives no longer than the restore needs it.
            self.confirmed.emit(RestoreRequest(path, credentials,
                                               allow_other_vault=self.other_vault))

        def failed(text: str) -> None:
            self.message.setText(text)
            self.secret.selectAll()
            self.secret.setFocus()

        Operation(self, lambda: check_backup_access(path, credentials)).busy(
            self._set_checking).success(done).failure(failed).run_in_background()

    def _set_checking(self, on: bool) -> None:
        self._checking = on
        self.restore_button.setEnabled(not on)
        self.secret.setEnabled(not on)
        if on:
            self.message.setText(tr("Checking…"))


def open_restore_dialog(parent: QWidget, path: Path, *, preferred_user_id: str | None,
                        current_vault_id: str | None,
                        on_request: Callable[[RestoreRequest], None]) -> RestoreConfirmDialog:
    """Read the chosen file, then show the confirm dialog window-modally; on_request (a method
    of a QObject, so the connection does not keep it alive) runs once the person confirmed and
    their passphrase or recovery key opened the backup.

    A file that is not a usable backup raises its specific VaultError before any dialog."""
    info = read_restorable_info(path)
    users = backup_users(path)
    other = current_vault_id is not None and info.vault_id != current_vault_id
    dialog = RestoreConfirmDialog(info, users, preferred_user_id=preferred_user_id,
                                  other_vault=other, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.confirmed.connect(on_request)
    dialog.open()
    return dialog


class BackupSection(Section):
    title = tr("Backups")
    restore_requested = Signal(object)  # a store.restore.RestoreRequest

    def __init__(self, vault: Vault, keep: int = DEFAULT_KEEP) -> None:
        super().__init__()
        self.vault = vault
        self.keep = keep
        self.restore_dialog: RestoreConfirmDialog | None = None
        self._busy = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(14)
        layout.addWidget(label(tr("Backups"), "title"))
        layout.addWidget(label(tr(
            "A backup is one encrypted file holding every record of this office and the "
            "sign-in for each person. It opens only with a passphrase as it was on the day it "
            "was made, or with the office's recovery key, so a lost USB stick does not expose "
            "anyone. Keep one copy away from this computer, in a locked drawer.")))

        # Back up now
        now_box = QGroupBox(tr("Back up now"))
        now_layout = QVBoxLayout(now_box)
        now_layout.addWidget(label(tr(
            "Choose a folder, for example on a USB stick. The file is named by today's date "
            "and is checked by opening it again before it is reported done."), "hint"))
        row = QHBoxLayout()
        self.backup_button = QPushButton(tr("Back up now…"))
        self.backup_button.clicked.connect(self.back_up_now)
        row.addWidget(self.backup_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(tr("Backup progress"))
        self.progress.setVisible(False)
        row.addWidget(self.progress, 1)
        row.addStretch(0)
        now_layout.addLayout(row)
        self.outside_copy = label("", "hint")
        self.outside_copy.setAccessibleName(tr("Last copy outside this computer"))
        now_layout.addWidget(self.outside_copy)
        self.status = label("", "hint")
        self.status.setAccessibleName(tr("Backup status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        now_layout.addWidget(self.status)
        layout.addWidget(now_box)

        # Automatic backups
        auto_box = QGroupBox(tr("Automatic backups"))
        auto_layout = QVBoxLayout(auto_box)
        where = label(tr(
            "The first time someone unlocks the vault each day, a backup is made in the "
            "folder below; the newest {0} are kept. A backup is also made before every update "
            "of the app, and those are kept.").format(keep), "hint")
        auto_layout.addWidget(where)
        self.auto_problem = label("", "notice")
        self.auto_problem.setAccessibleName(tr("Daily backup problem"))
        self.auto_problem.setVisible(False)
        auto_layout.addWidget(self.auto_problem)
        self.folder_label = label(str(vault.backup_dir))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setAccessibleName(tr("Automatic backups folder"))
        auto_layout.addWidget(self.folder_label)
        self.backup_list = QTreeWidget()
        self.backup_list.setAccessibleName(tr("Automatic backups"))
        self.backup_list.setHeaderLabels([tr("Made on"), tr("Size"), tr("Why")])
        self.backup_list.setRootIsDecorated(False)
        self.backup_list.setAlternatingRowColors(True)
        self.backup_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backup_list.setMinimumHeight(160)
        self.backup_list.itemDoubleClicked.connect(lambda _i, _c: self.restore_selected())
        self.backup_list.itemSelectionChanged.connect(self._update_buttons)
        auto_layout.addWidget(self.backup_list, 1)
        self.empty = label(tr(
            "No automatic backup yet. One is made the first time the vault is unlocked each "
            "day."), "hint")
        auto_layout.addWidget(self.empty)
        if vault.is_demo:
            self.empty.setText(tr("The demo vault makes no automatic backups."))
        self._outer = layout
        self._auto_box = auto_box
        layout.addWidget(auto_box, 1)

        # Restore
        restore_box = QGroupBox(tr("Restore"))
        restore_layout = QVBoxLayout(restore_box)
        restore_layout.addWidget(label(tr(
            "Restoring replaces the records with those in a backup. The vault as it is now is "
            "kept aside in a folder named before-restore-… inside the vault folder; nothing is "
            "deleted. Everyone will need to unlock again afterwards."), "hint"))
        buttons = QHBoxLayout()
        self.restore_selected_button = QPushButton(tr("Restore the selected backup…"))
        self.restore_selected_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(tr("Restore from a backup…"))
        self.restore_file_button.clicked.connect(self.restore_from_file)
        buttons.addWidget(self.restore_selected_button)
        buttons.addWidget(self.restore_file_button)
        buttons.addStretch(1)
        restore_layout.addLayout(buttons)
        self.supervisor_only = label(tr("Only a supervisor can restore a backup."), "hint")
        restore_layout.addWidget(self.supervisor_only)
        layout.addWidget(restore_box)
        layout.addStretch(0)

        is_supervisor = vault.current_user.is_supervisor
        # The store refuses an advocate's copy outside the vault folder; say so up front.
        self.backup_button.setVisible(is_supervisor)
        if not is_supervisor:
            self.status.setText(tr("Only a supervisor can save a backup to another folder or a "
                                   "USB stick. The automatic backups are still made every "
                                   "day."))
        self.restore_selected_button.setVisible(is_supervisor)
        self.restore_file_button.setVisible(is_supervisor)
        self.supervisor_only.setVisible(not is_supervisor)
        self.refresh()

    # --- the list ---------------------------------------------------------------------------

    def on_show(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._show_status()
        self.backup_list.clear()
        backups = [b for b in list_backups(self.vault.backup_dir)
                   if b.kind in ("automatic", "before-upgrade")]
        for info in backups:
            item = QTreeWidgetItem([when_text(info.created), size_text(info.size_bytes),
                                    kind_text(info.kind)])
            item.setData(0, KEY_ROLE, str(info.path))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.backup_list.addTopLevelItem(item)
        for column in range(2):
            self.backup_list.resizeColumnToContents(column)
            # Breathing room between columns; Fusion packs them edge to edge.
            self.backup_list.setColumnWidth(column, self.backup_list.columnWidth(column) + 24)
        self.backup_list.setVisible(bool(backups))
        self.empty.setVisible(not backups)
        # Without a list the group keeps its natural height instead of spreading its lines out.
        self._outer.setStretchFactor(self._auto_box, 1 if backups else 0)
        self._update_buttons()

    def _show_status(self) -> None:
        try:
            status = backup_status.status(self.vault)
        except VaultError:
            return
        problem = automatic_failure_text(status)
        self.auto_problem.setText(problem or "")
        self.auto_problem.setVisible(problem is not None)
        text, due = outside_copy_text(status)
        set_message(self.outside_copy, text, "notice" if due else "hint")

    def _update_buttons(self) -> None:
        self.restore_selected_button.setEnabled(
            not self._busy and self.backup_list.currentItem() is not None
            and bool(self.backup_list.selectedItems()))
        self.backup_button.setEnabled(not self._busy)
        self.restore_file_button.setEnabled(not self._busy)

    # --- back up now ------------------------------------------------------------------------

    def back_up_now(self) -> None:
        folder = ask_folder(self, tr("Choose where to save the backup"))
        if folder is None:
            return
        vault = self.vault
        self.progress.setValue(0)
        set_message(self.status, tr("Making the backup and checking it…"), "hint")

        def done(info: BackupInfo) -> None:
            set_message(self.status, tr(
                "Backup saved and checked: {0} in {1} ({2}). Keep it somewhere locked, away "
                "from this computer.").format(info.path.name, str(info.path.parent),
                                               size_text(info.size_bytes)), "ok")
            self.refresh()

        Operation(self, lambda report: backup_to_folder(vault, folder, progress=report)).busy(
            self._set_backing_up).progress(self.progress.setValue).success(done).failure(
            lambda text: set_message(self.status, text, "error")).run_in_background()

    def _set_backing_up(self, on: bool) -> None:
        self._busy = on
        self.progress.setVisible(on)
        self._update_buttons()

    # --- restore ----------------------------------------------------------------------------

    def restore_selected(self) -> None:
        item = self.backup_list.currentItem()
        if item is None or not self.restore_selected_button.isVisible():
            return
        self._confirm_restore(Path(item.data(0, KEY_ROLE)))

    def restore_from_file(self) -> None:
        path = choose_backup_file(self, self.vault.backup_dir)
        if path is not None:
            self._confirm_restore(path)

    def _confirm_restore(self, path: Path) -> None:
        set_message(self.status, "", "hint")
        try:
            self.restore_dialog = open_restore_dialog(
                self, path, preferred_user_id=self.vault.current_user.id,
                current_vault_id=self.vault.keys.vault_id,
                on_request=self._requested)
        except VaultError as exc:
            set_message(self.status, exc.message, "error")

    def _requested(self, request: RestoreRequest) -> None:
        self.restore_dialog = None
        set_message(self.status, tr("Restoring the backup…"), "hint")
        self.restore_requested.emit(request)
