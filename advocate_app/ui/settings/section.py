"""Settings: users (supervisors), my passphrase, idle minutes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from advocate_app.settings import Settings
from advocate_app.store import report_settings, users
from advocate_app.store.errors import VaultError
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import ROLES
from advocate_app.ui.operation import Operation
from advocate_app.ui.qt import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    tr,
    tr_marked,
)
from advocate_app.ui.roles import USER_ID_ROLE, USER_NAME_ROLE
from advocate_app.ui.settings.users_dialogs import (
    AddUserDialog,
    ChangePassphraseDialog,
    RevokeDialog,
    ShownOnceDialog,
    elsewhere_warning,
)
from advocate_app.ui.shell import Section
from advocate_app.ui.theme import apply_theme
from advocate_app.ui.widgets import (
    LanguageChooser,
    confirm,
    label,
    status_line,
)

T = TypeVar("T")


class SummarySettingsBox(QGroupBox):
    """The office's one privacy threshold k and its fiscal year (supervisors). Kept in the
    vault; every change is audited by the store."""

    def __init__(self, vault: Vault) -> None:
        super().__init__(tr("Anonymized summary"))
        self.vault = vault
        form = QFormLayout(self)
        self.k = QSpinBox()
        self.k.setRange(report_settings.MIN_K, report_settings.MAX_K)
        self.k.setMaximumWidth(180)
        self.k.setAccessibleName(tr("Smallest count shown in the summary"))
        k_label = QLabel(tr("Smallest count &shown (k)"))
        k_label.setBuddy(self.k)
        form.addRow(k_label, self.k)
        form.addRow(
            "",
            label(
                tr(
                    "Counts from 1 to k − 1 are hidden in every summary. 11 is the common standard; "
                    "5 to 20 are allowed. Keep one value: summaries of the same months made with "
                    "different thresholds can be combined to uncover hidden counts, so choose it once "
                    "and change it only for a strong reason."
                ),
                "hint",
            ),
        )
        self.fy_start = QComboBox()
        self.fy_start.setAccessibleName(tr("First month of the fiscal year"))
        for number, name in enumerate(
            (
                tr("January"),
                tr("February"),
                tr("March"),
                tr("April"),
                tr("May"),
                tr("June"),
                tr("July"),
                tr("August"),
                tr("September"),
                tr("October"),
                tr("November"),
                tr("December"),
            ),
            start=1,
        ):
            self.fy_start.addItem(name, number)
        self.fy_start.setMaximumWidth(180)
        fy_label = QLabel(tr("&Fiscal year starts in"))
        fy_label.setBuddy(self.fy_start)
        form.addRow(fy_label, self.fy_start)
        self.save_button = QPushButton(tr("Save summary settings…"))
        self.save_button.clicked.connect(self.save)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        form.addRow("", save_row)
        self.status = status_line("", "ok")
        form.addRow("", self.status)
        self.load()

    def load(self) -> None:
        self.k.setValue(report_settings.summary_k(self.vault))
        self.fy_start.setCurrentIndex(report_settings.fiscal_year_start_month(self.vault) - 1)

    def save(self) -> None:
        k, month = self.k.value(), self.fy_start.currentData()
        old_k = report_settings.summary_k(self.vault)
        old_month = report_settings.fiscal_year_start_month(self.vault)
        if k == old_k and month == old_month:
            self.status.setText(tr("Nothing changed."))
            return
        if not confirm(
            self,
            tr("Change the summary settings"),
            tr(
                "Summaries already given out hid groups smaller than {0}. Someone who holds a "
                "summary made with a threshold of {0} and one made with {1} may be able to work "
                "out counts that each of them hides. The app checks new summaries against "
                "those exported before, and may hide more to prevent it. The change is "
                "recorded in the audit log."
            ).format(old_k, k)
            if k != old_k
            else tr(
                "Change the fiscal year's first month? Fiscal quarters and years will be "
                "counted from the new month. The change is recorded in the audit log."
            ),
            tr("Change settings"),
        ):
            self.load()
            return
        try:
            if k != old_k:
                report_settings.set_summary_k(self.vault, k)
            if month != old_month:
                report_settings.set_fiscal_year_start_month(self.vault, month)
        except VaultError as exc:
            self.status.setText(exc.message)
            return
        self.status.setText(tr("Saved: groups smaller than {0} are hidden.").format(k))


class SettingsSection(Section):
    def __init__(
        self, vault: Vault, settings: Settings, on_idle_changed: Callable[[int], None]
    ) -> None:
        super().__init__()
        self.title = tr("Settings")  # at build time, in the language then chosen
        self.vault = vault
        self.settings = settings
        self.on_idle_changed = on_idle_changed
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setAccessibleName(tr("Settings"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        content = QWidget()
        scroll.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(16)
        layout.addWidget(label(tr("Settings"), "title"))

        # Language: the whole app switches at once (AppController.switch_language).
        language_box = QGroupBox(tr("Language"))
        language_form = QFormLayout(language_box)
        self.language = LanguageChooser()
        self.language.setMaximumWidth(240)
        self.language.label_widget.setText(tr("&Language"))
        language_form.addRow(self.language.label_widget, self.language)
        layout.addWidget(language_box)

        # My account
        mine = QGroupBox(tr("My passphrase"))
        mine_layout = QVBoxLayout(mine)
        mine_layout.addWidget(
            label(
                tr(
                    "Change your own passphrase at any time. Tell nobody; no one, including a "
                    "supervisor, can look it up."
                ),
                "hint",
            )
        )
        self.change_button = QPushButton(tr("Change my passphrase…"))
        self.change_button.clicked.connect(self.change_passphrase)
        row = QHBoxLayout()
        row.addWidget(self.change_button)
        row.addStretch(1)
        mine_layout.addLayout(row)
        self.status = status_line("", "ok")
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
        lock_form.addRow(
            "",
            label(
                tr(
                    "The app also locks at once with Ctrl+L. Text being typed is kept as an encrypted "
                    "draft."
                ),
                "hint",
            ),
        )
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

        look_box = QGroupBox(tr("Colours"))
        look_form = QFormLayout(look_box)
        self.theme = QComboBox()
        for code, text in (
            ("system", tr("As the system is set (light or dark)")),
            ("light", tr("Light")),
            ("dark", tr("Dark")),
            ("high_contrast", tr("High contrast (white on black)")),
        ):
            self.theme.addItem(text, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.theme.setAccessibleName(tr("Colours of the app"))
        self.theme.currentIndexChanged.connect(self._theme_changed)
        theme_label = QLabel(tr("Co&lours"))
        theme_label.setBuddy(self.theme)
        look_form.addRow(theme_label, self.theme)
        layout.addWidget(look_box)

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
        self.reset_button = QPushButton(tr("Reset passphrase…"))
        self.reset_button.clicked.connect(self.reset_passphrase)
        self.remove_button = QPushButton(tr("Remove selected user…"))
        self.remove_button.clicked.connect(self.remove_user)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        users_layout.addLayout(buttons)
        self.users_status = status_line("", "ok")
        self.users_status.setAccessibleName(tr("Users status"))
        users_layout.addWidget(self.users_status)
        layout.addWidget(self.users_box)

        self.templates_box = QGroupBox(tr("Needs checklist"))
        templates_layout = QHBoxLayout(self.templates_box)
        templates_layout.addWidget(
            label(
                tr(
                    "The suggested items advocates add to a client's needs. Retiring an item never "
                    "changes any client's list."
                ),
                "hint",
            ),
            1,
        )
        edit_templates = QPushButton(tr("Edit needs checklist…"))
        edit_templates.clicked.connect(self.edit_templates)
        templates_layout.addWidget(edit_templates)
        layout.addWidget(self.templates_box)
        self.summary_box = SummarySettingsBox(vault)
        layout.addWidget(self.summary_box)
        layout.addStretch(1)
        self.users_box.setVisible(vault.current_user.is_supervisor)
        self.templates_box.setVisible(vault.current_user.is_supervisor)
        self.summary_box.setVisible(vault.current_user.is_supervisor)

    def edit_templates(self) -> None:
        from advocate_app.ui.settings.checklist_templates import ChecklistTemplateDialog

        ChecklistTemplateDialog(self.vault, self).exec()

    def on_show(self) -> None:
        self.refresh_users()

    def refresh_users(self) -> None:
        self.user_list.clear()
        if not self.vault.current_user.is_supervisor:
            return
        for info in users.list_users(self.vault):
            text = f"{info.name} — {tr_marked(ROLES.get(info.role, info.role))}"
            if info.must_change_passphrase:
                text += tr(" (has a temporary passphrase)")
            item = QListWidgetItem(text)
            item.setData(USER_ID_ROLE, info.id)
            item.setData(USER_NAME_ROLE, info.name)
            self.user_list.addItem(item)

    def _no_contact_changed(self, days: int) -> None:
        self.settings.no_contact_days = days
        self.settings.save()

    def _theme_changed(self, _index: int) -> None:
        choice = str(self.theme.currentData())
        self.settings.theme = choice
        self.settings.save()
        app = QApplication.instance()
        if app is not None:
            apply_theme(app, choice)  # type: ignore[arg-type]

    def _idle_changed(self, minutes: int) -> None:
        self.settings.idle_minutes = minutes
        self.settings.save()
        self.on_idle_changed(minutes)

    def add_user(self) -> None:
        dialog = AddUserDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name, role = dialog.name.text(), dialog.role.currentData()
        self.users_status.setText(tr("Adding {0}…").format(name))

        def done(added: users.NewPassphrase) -> None:
            self.users_status.setText(tr("{0} was added.").format(added.user.name))
            self.refresh_users()
            self._show_once(
                tr("Temporary passphrase"),
                tr(
                    "Tell {0} this temporary passphrase in person. They will choose their own the "
                    "first time they unlock."
                ).format(added.user.name),
                added.temporary_passphrase,
            )

        self._operation(lambda: users.add_user(self.vault, name, role), done)

    def _selected_user(self) -> tuple[str, str] | None:
        item = self.user_list.currentItem()
        if item is None:
            self.users_status.setText(tr("Select a user in the list first."))
            return None
        return item.data(USER_ID_ROLE), item.data(USER_NAME_ROLE)

    def remove_user(self) -> None:
        selected = self._selected_user()
        if selected is None:
            return
        user_id, name = selected
        dialog = RevokeDialog(
            tr("Remove user"),
            tr(
                "Remove {0}? They will no longer be able to unlock the vault. The records they "
                "wrote stay."
            ).format(name),
            tr("Remove user"),
            ask_backups=True,
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        choice = dialog.old_backups()
        self.users_status.setText(tr("Removing {0} and giving the vault a new key…").format(name))

        def done(result: users.RekeyResult) -> None:
            self.users_status.setText(
                tr("{0} was removed. {1}").format(name, self._backups_text(result))
            )
            self.refresh_users()
            self._show_rekey_secrets(result)

        self._operation(lambda: users.remove_user(self.vault, user_id, old_backups=choice), done)

    def reset_passphrase(self) -> None:
        selected = self._selected_user()
        if selected is None:
            return
        user_id, name = selected
        dialog = RevokeDialog(
            tr("Reset passphrase"),
            tr(
                "Give {0} a new temporary passphrase? Their current one stops working at once."
            ).format(name),
            tr("Reset passphrase"),
            ask_backups=True,
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        choice = dialog.old_backups()
        self.users_status.setText(tr("Resetting the passphrase and giving the vault a new key…"))

        def done(reset: users.NewPassphrase) -> None:
            self.users_status.setText(
                tr("{0} has a new temporary passphrase. {1}").format(
                    name, self._backups_text(reset.rekey)
                )
            )
            self.refresh_users()
            self._show_once(
                tr("Temporary passphrase"),
                tr(
                    "Tell {0} this temporary passphrase in person. They will choose their own the "
                    "next time they unlock."
                ).format(name),
                reset.temporary_passphrase,
            )
            self._show_rekey_secrets(reset.rekey)

        self._operation(
            lambda: users.reset_passphrase(self.vault, user_id, old_backups=choice), done
        )

    def change_passphrase(self) -> None:
        user = self.vault.current_user
        dialog = ChangePassphraseDialog(
            [user.name, self.vault.office_name], self, is_supervisor=user.is_supervisor
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        current, new = dialog.current.text(), dialog.new.text()
        someone_knows = dialog.someone_knows.isChecked()
        choice = dialog.old_backups()
        self.status.setText(tr("Changing your passphrase…"))

        def done(result: users.RekeyResult | None) -> None:
            if result is None:
                self.status.setText(tr("Your passphrase was changed."))
                return
            self.status.setText(
                tr("Your passphrase was changed and the vault has a new key. {0}").format(
                    self._backups_text(result)
                )
            )
            self._show_rekey_secrets(result)

        self._operation(
            lambda: users.change_own_passphrase(
                self.vault, current, new, someone_else_may_know=someone_knows, old_backups=choice
            ),
            done,
        )

    def _backups_text(self, result: users.RekeyResult | None) -> str:
        if result is None:
            return ""
        if result.backups_reencrypted or result.backups_deleted:
            text = tr("Older backups in the vault's folder: {0} re-encrypted, {1} deleted.").format(
                result.backups_reencrypted, result.backups_deleted
            )
        else:
            text = tr("There were no older backups in the vault's folder.")
        return text + " " + elsewhere_warning()

    def _show_once(self, title: str, intro: str, secret: str) -> None:
        ShownOnceDialog(title, intro, secret, self).exec()

    def _show_rekey_secrets(self, result: users.RekeyResult | None) -> None:
        """Slots made by an earlier version could not take the new key: new secrets, once."""
        if result is None:
            return
        for name, phrase in result.temporary_passphrases.items():
            self._show_once(
                tr("Temporary passphrase"),
                tr(
                    "{0} had not unlocked since this version was installed, so their sign-in could not "
                    "take the new key. Tell them this temporary passphrase in person."
                ).format(name),
                phrase,
            )
        if result.new_recovery_key:
            self._show_once(
                tr("New recovery key"),
                tr(
                    "The office's recovery key was made by an earlier version and could not take "
                    "the new key. This is the new recovery key: write it down or print it and lock "
                    "it away. The old one no longer opens this vault."
                ),
                result.new_recovery_key,
            )

    def _set_busy(self, busy: bool) -> None:
        for button in (self.add_button, self.reset_button, self.remove_button, self.change_button):
            button.setEnabled(not busy)

    def _operation(self, work: Callable[[], T], done: Callable[[T], None]) -> None:
        """Users' work runs off the GUI thread (a new key for the vault takes a moment) with
        the users' buttons disabled; a refusal is said in both status lines."""
        Operation(self, work).busy(self._set_busy).success(done).failure(
            self._show_failure
        ).run_in_background()

    def _show_failure(self, text: str) -> None:
        self.status.setText(text)
        self.users_status.setText(text)
