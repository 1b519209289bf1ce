"""Settings: users (supervisors), my passphrase, idle minutes."""

from __future__ import annotations

from collections.abc import Callable

from advocate_app.settings import Settings
from advocate_app.store import users
from advocate_app.store.errors import VaultError
from advocate_app.store.vault import Vault, passphrase_strength
from advocate_app.store.vocab import ROLES
from advocate_app.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
    tr,
)
from advocate_app.ui.shell import Section
from advocate_app.ui.widgets import StrengthMeter, add_form_rows, confirm, label, passphrase_field
from advocate_app.ui.worker import run_task


class AddUserDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Add a user"))
        layout = QVBoxLayout(self)
        layout.addWidget(label(tr(
            "Give the new user a temporary passphrase and tell it to them in person. They will "
            "choose their own the first time they unlock.")))
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setMaxLength(80)
        self.name.setAccessibleName(tr("Name"))
        self.role = QComboBox()
        self.role.setAccessibleName(tr("Role"))
        for code, text in ROLES.items():
            self.role.addItem(tr(text), code)
        self.passphrase = passphrase_field(tr("Temporary passphrase"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Normal)  # it is read out to the person
        add_form_rows(form, ((tr("&Name"), self.name), (tr("&Role"), self.role),
                             (tr("&Temporary passphrase"), self.passphrase)))
        layout.addLayout(form)
        self.message = label("", "error")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(tr("Add user"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.message.setText(tr("Enter the new user's name."))
            return
        if len(self.passphrase.text()) < 8:
            self.message.setText(tr("A temporary passphrase needs at least 8 characters."))
            return
        self.accept()


class ChangePassphraseDialog(QDialog):
    def __init__(self, inputs: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Change my passphrase"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.current = passphrase_field(tr("Current passphrase"))
        self.new = passphrase_field(tr("New passphrase"))
        self.repeat = passphrase_field(tr("New passphrase again"))
        self.meter = StrengthMeter()
        add_form_rows(form, ((tr("&Current passphrase"), self.current),
                             (tr("&New passphrase"), self.new),
                             (tr("New passphrase &again"), self.repeat)))
        form.addRow("", self.meter)
        layout.addLayout(form)
        layout.addWidget(label(tr(
            "Only your key slot changes; the records are not re-encrypted, so this is quick."),
            "hint"))
        self.message = label("", "error")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(tr("Change passphrase"),
                                    QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.new.textChanged.connect(
            lambda t: self.meter.set_score(passphrase_strength(t, inputs) if t else None))

    def _accept(self) -> None:
        if self.new.text() != self.repeat.text():
            self.message.setText(tr("The two new passphrases are not the same."))
            return
        self.accept()


class SettingsSection(Section):
    title = tr("Settings")

    def __init__(self, vault: Vault, settings: Settings,
                 on_idle_changed: Callable[[int], None]) -> None:
        super().__init__()
        self.vault = vault
        self.settings = settings
        self.on_idle_changed = on_idle_changed
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        content = QWidget()
        scroll.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(16)
        layout.addWidget(label(tr("Settings"), "title"))

        # My account
        mine = QGroupBox(tr("My passphrase"))
        mine_layout = QVBoxLayout(mine)
        mine_layout.addWidget(label(tr(
            "Change your own passphrase at any time. Tell nobody; no one, including a "
            "supervisor, can look it up."), "hint"))
        self.change_button = QPushButton(tr("Change my passphrase…"))
        self.change_button.clicked.connect(self.change_passphrase)
        row = QHBoxLayout()
        row.addWidget(self.change_button)
        row.addStretch(1)
        mine_layout.addLayout(row)
        self.status = label("", "ok")
        mine_layout.addWidget(self.status)
        layout.addWidget(mine)

        # Locking
        lock_box = QGroupBox(tr("Locking"))
        lock_form = QFormLayout(lock_box)
        self.idle = QSpinBox()
        self.idle.setRange(1, 120)
        self.idle.setSuffix(tr(" minutes"))
        self.idle.setValue(settings.idle_minutes)
        self.idle.setMaximumWidth(180)
        self.idle.setAccessibleName(tr("Lock after this many idle minutes"))
        self.idle.valueChanged.connect(self._idle_changed)
        idle_label = QLabel(tr("Lock after &idle"))
        idle_label.setBuddy(self.idle)
        lock_form.addRow(idle_label, self.idle)
        lock_form.addRow("", label(tr(
            "The app also locks at once with Ctrl+L. Text being typed is kept as an encrypted "
            "draft."), "hint"))
        layout.addWidget(lock_box)

        today_box = QGroupBox(tr("Today view"))
        today_form = QFormLayout(today_box)
        self.no_contact = QSpinBox()
        self.no_contact.setRange(1, 365)
        self.no_contact.setSuffix(tr(" days"))
        self.no_contact.setValue(settings.no_contact_days)
        self.no_contact.setMaximumWidth(180)
        self.no_contact.setAccessibleName(tr("List clients with no contact for this many days"))
        self.no_contact.valueChanged.connect(self._no_contact_changed)
        quiet_label = QLabel(tr("&No contact for"))
        quiet_label.setBuddy(self.no_contact)
        today_form.addRow(quiet_label, self.no_contact)
        layout.addWidget(today_box)

        # Users (supervisors only)
        self.users_box = QGroupBox(tr("Users of this office"))
        users_layout = QVBoxLayout(self.users_box)
        self.user_list = QListWidget()
        self.user_list.setAccessibleName(tr("Users"))
        self.user_list.setMaximumHeight(160)
        users_layout.addWidget(self.user_list)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("Add a user…"))
        self.add_button.clicked.connect(self.add_user)
        self.remove_button = QPushButton(tr("Remove selected user…"))
        self.remove_button.clicked.connect(self.remove_user)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        users_layout.addLayout(buttons)
        layout.addWidget(self.users_box)

        self.templates_box = QGroupBox(tr("Needs checklist"))
        templates_layout = QHBoxLayout(self.templates_box)
        templates_layout.addWidget(label(tr(
            "The suggested items advocates add to a client's needs. Retiring an item never "
            "changes any client's list."), "hint"), 1)
        edit_templates = QPushButton(tr("Edit needs checklist…"))
        edit_templates.clicked.connect(self.edit_templates)
        templates_layout.addWidget(edit_templates)
        layout.addWidget(self.templates_box)
        layout.addStretch(1)
        self.users_box.setVisible(vault.current_user.is_supervisor)
        self.templates_box.setVisible(vault.current_user.is_supervisor)

    def edit_templates(self) -> None:
        from advocate_app.ui.checklist_templates import ChecklistTemplateDialog

        ChecklistTemplateDialog(self.vault, self).exec()

    def on_show(self) -> None:
        self.refresh_users()

    def refresh_users(self) -> None:
        self.user_list.clear()
        if not self.vault.current_user.is_supervisor:
            return
        for info in users.list_users(self.vault):
            text = f"{info.name} — {tr(ROLES.get(info.role, info.role))}"
            if info.must_change_passphrase:
                text += tr(" (has a temporary passphrase)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.user_list.addItem(item)

    def _no_contact_changed(self, days: int) -> None:
        self.settings.no_contact_days = days
        self.settings.save()

    def _idle_changed(self, minutes: int) -> None:
        self.settings.idle_minutes = minutes
        self.settings.save()
        self.on_idle_changed(minutes)

    def add_user(self) -> None:
        dialog = AddUserDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name, role = dialog.name.text(), dialog.role.currentData()
        temporary = dialog.passphrase.text()
        self.add_button.setEnabled(False)
        self.status.setText(tr("Adding {0}…").format(name))

        def done(_info: object) -> None:
            self.add_button.setEnabled(True)
            self.status.setText(tr("{0} was added. Give them the temporary passphrase in "
                                   "person.").format(name))
            self.refresh_users()

        run_task(lambda: users.add_user(self.vault, name, role, temporary), done, self._failed)

    def remove_user(self) -> None:
        item = self.user_list.currentItem()
        if item is None:
            self.status.setText(tr("Select a user in the list first."))
            return
        if not confirm(self, tr("Remove user"), tr(
                "Remove this user? They will no longer be able to unlock the vault. The "
                "records they wrote stay."), tr("Remove user")):
            return
        try:
            users.remove_user(self.vault, item.data(Qt.ItemDataRole.UserRole))
        except VaultError as exc:
            self.status.setText(exc.message)
            return
        self.status.setText(tr("The user was removed."))
        self.refresh_users()

    def change_passphrase(self) -> None:
        user = self.vault.current_user
        dialog = ChangePassphraseDialog([user.name, self.vault.office_name], self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        current, new = dialog.current.text(), dialog.new.text()
        self.change_button.setEnabled(False)
        self.status.setText(tr("Changing your passphrase…"))

        def done(_result: object) -> None:
            self.change_button.setEnabled(True)
            self.status.setText(tr("Your passphrase was changed."))

        run_task(lambda: users.change_own_passphrase(self.vault, current, new), done,
                 self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        self.change_button.setEnabled(True)
        if isinstance(exc, VaultError):
            self.status.setText(exc.message)
        else:
            raise exc
