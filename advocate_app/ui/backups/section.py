"""Backups: "Back up now" to a folder of the person's choice, the automatic daily backups, and
restoring one (the current vault is kept aside, never deleted).

The section never replaces the open vault itself: after the person confirms, it emits
`restore_requested(RestoreRequest)` and the controller locks and closes the vault, calls
`advocate_app.store.restore.restore_backup`, and opens the restored vault.
"""

from __future__ import annotations

from pathlib import Path

from advocate_app.store import backup_status
from advocate_app.store.backup import (
    DEFAULT_KEEP,
    backup_to_folder,
    list_backups,
)
from advocate_app.store.backup_file import BackupInfo
from advocate_app.store.errors import VaultError
from advocate_app.store.restore import (
    RestoreRequest,
)
from advocate_app.store.vault import Vault
from advocate_app.ui.backups.restore_dialog import (
    RestoreConfirmDialog,
    choose_backup_file,
    open_restore_dialog,
)
from advocate_app.ui.backups.texts import (
    automatic_failure_text,
    kind_text,
    outside_copy_text,
    when_text,
)
from advocate_app.ui.files import ask_folder
from advocate_app.ui.format import size_text
from advocate_app.ui.lists import set_headers
from advocate_app.ui.operation import Operation
from advocate_app.ui.qt import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    Signal,
    tr,
)
from advocate_app.ui.roles import KEY_ROLE
from advocate_app.ui.shell import Section
from advocate_app.ui.widgets import (
    add_heading,
    hinted_group,
    label,
    set_message,
    status_line,
)


class BackupSection(Section):
    restore_requested = Signal(object)  # a store.restore.RestoreRequest

    def __init__(self, vault: Vault, keep: int = DEFAULT_KEEP) -> None:
        super().__init__()
        self.title = tr("Backups")  # at build time, in the language then chosen
        self.vault = vault
        self.keep = keep
        self.restore_dialog: RestoreConfirmDialog | None = None
        self._busy = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(14)
        add_heading(
            layout,
            tr("Backups"),
            tr(
                "A backup is one encrypted file holding every record of this office and the "
                "sign-in for each person. It opens only with a passphrase as it was on the day it "
                "was made, or with the office's recovery key, so a lost USB stick does not expose "
                "anyone. Keep one copy away from this computer, in a locked drawer."
            ),
        )

        now_box, now_layout = hinted_group(
            tr("Back up now"),
            tr(
                "Choose a folder, for example on a USB stick. The file is named by today's date "
                "and is checked by opening it again before it is reported done."
            ),
        )
        row = QHBoxLayout()
        self.backup_button = QPushButton(tr("Back up now…"))
        self.backup_button.setAccessibleDescription(
            tr(
                "Asks for a folder, for example on a USB stick, writes one encrypted file there "
                "and checks it by opening it again."
            )
        )
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
        self.status = status_line("", "hint")
        self.status.setAccessibleName(tr("Backup status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        now_layout.addWidget(self.status)
        layout.addWidget(now_box)

        # Automatic backups
        auto_box = QGroupBox(tr("Automatic backups"))
        auto_layout = QVBoxLayout(auto_box)
        where = label(
            tr(
                "The first time someone unlocks the vault each day, a backup is made in the "
                "folder below; the newest {0} are kept. A backup is also made before every update "
                "of the app, and those are kept."
            ).format(keep),
            "hint",
        )
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
        self.backup_list.setAccessibleDescription(
            tr(
                "One row per backup in the vault's folder, newest first: when it was made, its "
                "size and why. A supervisor can restore the selected one."
            )
        )
        set_headers(
            self.backup_list,
            [
                (tr("Made on"), tr("Date and time the backup was made; the newest first.")),
                (tr("Size"), tr("How big the backup file is.")),
                (tr("Why"), tr("Why it was made: daily, before an update, or saved by hand.")),
            ],
        )
        self.backup_list.setRootIsDecorated(False)
        self.backup_list.setAlternatingRowColors(True)
        self.backup_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backup_list.setMinimumHeight(160)
        self.backup_list.itemDoubleClicked.connect(lambda _i, _c: self.restore_selected())
        self.backup_list.itemSelectionChanged.connect(self._update_buttons)
        auto_layout.addWidget(self.backup_list, 1)
        self.empty = label(
            tr(
                "No automatic backup yet. One is made the first time the vault is unlocked each "
                "day."
            ),
            "hint",
        )
        auto_layout.addWidget(self.empty)
        if vault.is_demo:
            self.empty.setText(tr("The demo vault makes no automatic backups."))
        self._outer = layout
        self._auto_box = auto_box
        layout.addWidget(auto_box, 1)

        restore_box, restore_layout = hinted_group(
            tr("Restore"),
            tr(
                "Restoring replaces the records with those in a backup. The vault as it is now is "
                "kept aside in a folder named before-restore-… inside the vault folder; nothing is "
                "deleted. Everyone will need to unlock again afterwards."
            ),
        )
        buttons = QHBoxLayout()
        self.restore_selected_button = QPushButton(tr("Restore the selected backup…"))
        self.restore_selected_button.setAccessibleDescription(
            tr(
                "Replaces the records with those in the selected backup, after you confirm; "
                "the vault as it is now is kept aside, nothing is deleted."
            )
        )
        self.restore_selected_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(tr("Restore from a backup…"))
        self.restore_file_button.setAccessibleDescription(
            tr(
                "Choose a backup file, for example on a USB stick, to replace the records with, "
                "after you confirm; the vault as it is now is kept aside."
            )
        )
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
            self.status.setText(
                tr(
                    "Only a supervisor can save a backup to another folder or a "
                    "USB stick. The automatic backups are still made every "
                    "day."
                )
            )
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
        backups = [
            b
            for b in list_backups(self.vault.backup_dir)
            if b.kind in ("automatic", "before-upgrade")
        ]
        for info in backups:
            item = QTreeWidgetItem(
                [when_text(info.created), size_text(info.size_bytes), kind_text(info.kind)]
            )
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
            not self._busy
            and self.backup_list.currentItem() is not None
            and bool(self.backup_list.selectedItems())
        )
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
            set_message(
                self.status,
                tr(
                    "Backup saved and checked: {0} in {1} ({2}). Keep it somewhere locked, away "
                    "from this computer."
                ).format(info.path.name, str(info.path.parent), size_text(info.size_bytes)),
                "ok",
            )
            self.refresh()

        Operation(self, lambda report: backup_to_folder(vault, folder, progress=report)).busy(
            self._set_backing_up
        ).progress(self.progress.setValue).success(done).failure(
            lambda text: set_message(self.status, text, "error")
        ).run_in_background()

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
                self,
                path,
                preferred_user_id=self.vault.current_user.id,
                current_vault_id=self.vault.keys.vault_id,
                on_request=self._requested,
            )
        except VaultError as exc:
            set_message(self.status, exc.message, "error")

    def _requested(self, request: RestoreRequest) -> None:
        self.restore_dialog = None
        set_message(self.status, tr("Restoring the backup…"), "hint")
        self.restore_requested.emit(request)
