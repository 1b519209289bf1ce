"""Settings: the office's users (supervisors) and what a change of keys tells the person.

Adding, resetting and removing a user run off the GUI thread (a new key for the vault takes a
moment); while one runs, every button that starts another is disabled (KeyWork). After a new
key, the person is told what happened to older backups and is shown, once, any new secret.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from advocate_app.store import users
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import ROLES
from advocate_app.ui.operation import Operation
from advocate_app.ui.qt import (
    QDialog,
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
    tr,
    tr_marked,
)
from advocate_app.ui.roles import USER_ID_ROLE, USER_NAME_ROLE
from advocate_app.ui.settings.users_dialogs import (
    AddUserDialog,
    RevokeDialog,
    ShownOnceDialog,
    elsewhere_warning,
)
from advocate_app.ui.widgets import button_row, described_button, status_line

T = TypeVar("T")


class KeyWork:
    """Work on users and passphrases, one at a time: while it runs, every button that could
    start another is disabled, and a refusal is said in the status line of who asked."""

    def __init__(self, owner: QWidget) -> None:
        self.owner = owner
        self.buttons: list[QPushButton] = []

    def _set_busy(self, busy: bool) -> None:
        for button in self.buttons:
            button.setEnabled(not busy)

    def run(
        self, work: Callable[[], T], done: Callable[[T], None], failed: Callable[[str], None]
    ) -> None:
        Operation(self.owner, work).busy(self._set_busy).success(done).failure(
            failed
        ).run_in_background()


def backups_text(result: users.RekeyResult | None) -> str:
    """What a new key did to the older backups in the vault's folder, and the copies elsewhere."""
    if result is None:
        return ""
    if result.backups_reencrypted or result.backups_deleted:
        text = tr("Older backups in the vault's folder: {0} re-encrypted, {1} deleted.").format(
            result.backups_reencrypted, result.backups_deleted
        )
    else:
        text = tr("There were no older backups in the vault's folder.")
    return text + " " + elsewhere_warning()


def show_once(parent: QWidget, title: str, intro: str, secret: str) -> None:
    ShownOnceDialog(title, intro, secret, parent).exec()


def show_rekey_secrets(parent: QWidget, result: users.RekeyResult | None) -> None:
    """Slots made by an earlier version could not take the new key: new secrets, once."""
    if result is None:
        return
    for name, phrase in result.temporary_passphrases.items():
        show_once(
            parent,
            tr("Temporary passphrase"),
            tr(
                "{0} had not unlocked since this version was installed, so their sign-in could not "
                "take the new key. Tell them this temporary passphrase in person."
            ).format(name),
            phrase,
        )
    if result.new_recovery_key:
        show_once(
            parent,
            tr("New recovery key"),
            tr(
                "The office's recovery key was made by an earlier version and could not take "
                "the new key. This is the new recovery key: write it down or print it and lock "
                "it away. The old one no longer opens this vault."
            ),
            result.new_recovery_key,
        )


class UsersBox(QGroupBox):
    """The list of the office's users with Add, Reset passphrase and Remove (supervisors)."""

    def __init__(self, vault: Vault, work: KeyWork) -> None:
        super().__init__(tr("Users of this office"))
        self.vault = vault
        self.work = work
        layout = QVBoxLayout(self)
        self.user_list = QListWidget()
        self.user_list.setAccessibleName(tr("Users"))
        self.user_list.setAccessibleDescription(
            tr(
                "One row per person who can unlock the vault: name, role, and whether the "
                "passphrase is temporary. Select a row, then reset the passphrase or remove "
                "the user with the buttons below."
            )
        )
        self.user_list.setMaximumHeight(160)
        layout.addWidget(self.user_list)
        self.add_button = described_button(
            tr("Add a user…"),
            tr("Adds a person and shows a temporary passphrase once, to tell them in person."),
            self.add_user,
        )
        self.reset_button = described_button(
            tr("Reset passphrase…"),
            tr(
                "Gives the selected person a new temporary passphrase; their current one stops "
                "working at once and the vault gets a new key."
            ),
            self.reset_passphrase,
        )
        self.remove_button = described_button(
            tr("Remove selected user…"),
            tr(
                "The selected person can no longer unlock the vault, which gets a new key. The "
                "records they wrote stay. Asks first."
            ),
            self.remove_user,
        )
        work.buttons += [self.add_button, self.reset_button, self.remove_button]
        # Adding a person, then what acts on the one selected: one line each, so that the
        # row fits a narrow window in Spanish too.
        layout.addLayout(button_row(self.add_button))
        layout.addLayout(button_row(self.reset_button, self.remove_button))
        self.users_status = status_line("", "ok")
        self.users_status.setAccessibleName(tr("Users status"))
        layout.addWidget(self.users_status)

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

    def _run(self, work: Callable[[], T], done: Callable[[T], None]) -> None:
        self.work.run(work, done, self.users_status.setText)

    def add_user(self) -> None:
        dialog = AddUserDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name, role = dialog.name.text(), dialog.role.currentData()
        self.users_status.setText(tr("Adding {0}…").format(name))

        def done(added: users.NewPassphrase) -> None:
            self.users_status.setText(tr("{0} was added.").format(added.user.name))
            self.refresh_users()
            show_once(
                self,
                tr("Temporary passphrase"),
                tr(
                    "Tell {0} this temporary passphrase in person. They will choose their own the "
                    "first time they unlock."
                ).format(added.user.name),
                added.temporary_passphrase,
            )

        self._run(lambda: users.add_user(self.vault, name, role), done)

    def _ask_about_selected(self, title: str, question: str) -> tuple[str, str, str] | None:
        """The selected user's id and name and the choice for older backups ("delete" or
        "reencrypt"), once the person has agreed to a change that gives the vault a new key;
        None when nobody is selected or they said no. `question` names the user as {0}."""
        item = self.user_list.currentItem()
        if item is None:
            self.users_status.setText(tr("Select a user in the list first."))
            return None
        user_id, name = item.data(USER_ID_ROLE), item.data(USER_NAME_ROLE)
        dialog = RevokeDialog(title, question.format(name), title, ask_backups=True, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return user_id, name, dialog.old_backups()

    def remove_user(self) -> None:
        asked = self._ask_about_selected(
            tr("Remove user"),
            tr(
                "Remove {0}? They will no longer be able to unlock the vault. The records they "
                "wrote stay."
            ),
        )
        if asked is None:
            return
        user_id, name, choice = asked
        self.users_status.setText(tr("Removing {0} and giving the vault a new key…").format(name))

        def done(result: users.RekeyResult) -> None:
            self.users_status.setText(tr("{0} was removed. {1}").format(name, backups_text(result)))
            self.refresh_users()
            show_rekey_secrets(self, result)

        self._run(lambda: users.remove_user(self.vault, user_id, old_backups=choice), done)

    def reset_passphrase(self) -> None:
        asked = self._ask_about_selected(
            tr("Reset passphrase"),
            tr("Give {0} a new temporary passphrase? Their current one stops working at once."),
        )
        if asked is None:
            return
        user_id, name, choice = asked
        self.users_status.setText(tr("Resetting the passphrase and giving the vault a new key…"))

        def done(reset: users.NewPassphrase) -> None:
            self.users_status.setText(
                tr("{0} has a new temporary passphrase. {1}").format(
                    name, backups_text(reset.rekey)
                )
            )
            self.refresh_users()
            show_once(
                self,
                tr("Temporary passphrase"),
                tr(
                    "Tell {0} this temporary passphrase in person. They will choose their own the "
                    "next time they unlock."
                ).format(name),
                reset.temporary_passphrase,
            )
            show_rekey_secrets(self, reset.rekey)

        self._run(lambda: users.reset_passphrase(self.vault, user_id, old_backups=choice), done)
