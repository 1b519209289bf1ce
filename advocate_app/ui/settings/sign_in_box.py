"""Settings (supervisors): whether the unlock screen shows the office's name, and which words.
The words are kept in plain text beside the vault (store/sign_in_label.py)."""

from __future__ import annotations

from advocate_app.store import sign_in_label
from advocate_app.store.errors import VaultError
from advocate_app.store.vault import Vault
from advocate_app.ui.qt import QGroupBox, QVBoxLayout, tr
from advocate_app.ui.vault.sign_in_choice import SignInLabelChoice
from advocate_app.ui.widgets import button_row, described_button, status_line


class SignInBox(QGroupBox):
    def __init__(self, vault: Vault) -> None:
        super().__init__(tr("Sign-in screen"))
        self.vault = vault
        layout = QVBoxLayout(self)
        self.choice = SignInLabelChoice()
        layout.addWidget(self.choice)
        self.save_button = described_button(
            tr("Save the sign-in screen"),
            tr(
                "Keeps the choice for everyone who unlocks on this computer; it is shown the "
                "next time the app is locked."
            ),
            self.save,
        )
        layout.addLayout(button_row(self.save_button))
        self.status = status_line("", "ok")
        self.status.setAccessibleName(tr("Sign-in screen status"))
        layout.addWidget(self.status)
        self.load()

    def load(self) -> None:
        self.choice.set_label(sign_in_label.shown_label(self.vault), self.vault.office_name)

    def save(self) -> None:
        chosen = self.choice.chosen_label()
        try:
            sign_in_label.set_label(self.vault, chosen)
        except VaultError as exc:
            self.status.setText(exc.message)
            return
        self.load()
        shown = sign_in_label.shown_label(self.vault)
        if shown:
            self.status.setText(tr("Saved: the sign-in screen shows “{0}”.").format(shown))
        else:
            self.status.setText(tr("Saved: the sign-in screen shows no office name."))
