"""Settings: language, my passphrase, locking, Today, colours; for supervisors also the
office's users (users_box.py), needs checklist, sign-in screen (sign_in_box.py) and summary
settings (summary_box.py)."""

from __future__ import annotations

from collections.abc import Callable

from advocate_app.settings import Settings
from advocate_app.store import users
from advocate_app.store.vault import Vault
from advocate_app.ui.qt import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QSpinBox,
    tr,
)
from advocate_app.ui.settings.sign_in_box import SignInBox
from advocate_app.ui.settings.summary_box import SummarySettingsBox
from advocate_app.ui.settings.users_box import (
    KeyWork,
    UsersBox,
    backups_text,
    show_rekey_secrets,
)
from advocate_app.ui.settings.users_dialogs import ChangePassphraseDialog
from advocate_app.ui.shell import Section
from advocate_app.ui.theme import apply_theme
from advocate_app.ui.widgets import (
    LanguageChooser,
    add_form_rows,
    button_row,
    described_button,
    hinted_group,
    label,
    scrolling_column,
    status_line,
)


class SettingsSection(Section):
    def __init__(
        self, vault: Vault, settings: Settings, on_idle_changed: Callable[[int], None]
    ) -> None:
        super().__init__()
        self.title = tr("Settings")  # at build time, in the language then chosen
        self.vault, self.settings, self.on_idle_changed = vault, settings, on_idle_changed
        layout = scrolling_column(self, tr("Settings"))
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
        mine, mine_layout = hinted_group(
            tr("My passphrase"),
            tr(
                "Change your own passphrase at any time. Tell nobody; no one, including a "
                "supervisor, can look it up."
            ),
        )
        self.change_button = described_button(
            tr("Change my passphrase…"),
            tr(
                "Asks for your current passphrase and a new one. If someone else may know the "
                "current one, the vault gets a new key."
            ),
            self.change_passphrase,
        )
        mine_layout.addLayout(button_row(self.change_button))
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
        add_form_rows(lock_form, [(tr("Lock after &idle"), self.idle)])
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
        add_form_rows(today_form, [(tr("&No contact for"), self.no_contact)])
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
        self.theme.setAccessibleDescription(
            tr(
                "Light, dark, high contrast, or as the system is set; the change applies at "
                "once and is kept on this computer."
            )
        )
        self.theme.currentIndexChanged.connect(self._theme_changed)
        add_form_rows(look_form, [(tr("Co&lours"), self.theme)])
        layout.addWidget(look_box)

        # Users (supervisors only); one piece of key work at a time, from here or from there
        self.key_work = KeyWork(self)
        self.key_work.buttons.append(self.change_button)
        self.users = UsersBox(vault, self.key_work)
        layout.addWidget(self.users)

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
        self.templates_button = described_button(
            tr("Edit needs checklist…"),
            tr(
                "The suggested items advocates add to a client's needs. Retiring an item never "
                "changes any client's list."
            ),
            self.edit_templates,
        )
        templates_layout.addWidget(self.templates_button)
        layout.addWidget(self.templates_box)
        self.sign_in_box = SignInBox(vault)
        layout.addWidget(self.sign_in_box)
        self.summary_box = SummarySettingsBox(vault)
        layout.addWidget(self.summary_box)
        layout.addStretch(1)
        for box in (self.users, self.templates_box, self.sign_in_box, self.summary_box):
            box.setVisible(vault.current_user.is_supervisor)

    def edit_templates(self) -> None:
        from advocate_app.ui.settings.checklist_templates import ChecklistTemplateDialog

        ChecklistTemplateDialog(self.vault, self).exec()

    def on_show(self) -> None:
        self.users.refresh_users()

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
                    backups_text(result)
                )
            )
            show_rekey_secrets(self, result)

        self.key_work.run(
            lambda: users.change_own_passphrase(
                self.vault, current, new, someone_else_may_know=someone_knows, old_backups=choice
            ),
            done,
            self.status.setText,
        )
