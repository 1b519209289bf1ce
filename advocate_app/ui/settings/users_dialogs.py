"""The dialogs of Settings' users box: add a user, remove one or reset a passphrase (with a new key
for the vault), change my passphrase, and a secret shown once."""

from __future__ import annotations

from advocate_app.store.vault import passphrase_strength
from advocate_app.store.vocab import ROLES
from advocate_app.ui.dialogs import add_dialog_foot
from advocate_app.ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    Qt,
    QVBoxLayout,
    QWidget,
    tr,
    tr_marked,
)
from advocate_app.ui.widgets import (
    StrengthMeter,
    add_form_rows,
    label,
    passphrase_field,
    readable_width,
)


class AddUserDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Add a user"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                tr(
                    "The app makes a temporary passphrase of five random words. You will see it once: "
                    "tell it to the new user in person. They choose their own the first time they "
                    "unlock."
                )
            )
        )
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setMaxLength(80)
        self.name.setAccessibleName(tr("Name"))
        self.name.setAccessibleDescription(
            tr(
                "Up to 80 characters. The sign-in screen lists it, in plain text, for anyone "
                "who opens this computer."
            )
        )
        self.role = QComboBox()
        self.role.setAccessibleName(tr("Role"))
        self.role.setAccessibleDescription(
            tr(
                "A supervisor can also manage users, backups, the checklist and the summary "
                "settings; an advocate works with clients."
            )
        )
        for code, text in ROLES.items():
            self.role.addItem(tr_marked(text), code)
        add_form_rows(form, ((tr("&Name"), self.name), (tr("&Role"), self.role)))
        layout.addLayout(form)
        foot = add_dialog_foot(self, layout, tr("Add user"), on_accept=self._accept, message=True)
        self.ok, self.message = foot.ok, foot.message
        readable_width(self)  # the explanation was clipped in a narrow dialog

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.message.setText(tr("Enter the new user's name."))
            return
        self.accept()


class ShownOnceDialog(QDialog):
    """A temporary passphrase (or a new recovery key), shown once, never stored."""

    def __init__(self, title: str, intro: str, secret: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(label(intro))
        self.secret = QLabel(secret)
        self.secret.setObjectName("ShownOnceSecret")
        self.secret.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.secret.setAccessibleName(title)
        font = self.secret.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.secret.setFont(font)
        self.secret.setWordWrap(True)
        self.setMinimumWidth(460)
        layout.addWidget(self.secret)
        layout.addWidget(
            label(
                tr(
                    "It is shown only this once and is not saved anywhere. Close this window when it "
                    "has been passed on."
                ),
                "hint",
            )
        )
        done = add_dialog_foot(self, layout, tr("Done"), cancel=False).ok
        done.setDefault(True)

    def done(self, result: int) -> None:  # the secret leaves the screen with the dialog
        self.secret.clear()
        super().done(result)


def elsewhere_warning() -> str:
    return tr(
        "Copies made before today outside this computer (a USB stick, another disk) "
        "still open with the old passphrase: keep them locked away, or destroy them."
    )


class RevokeDialog(QDialog):
    """Remove a user, reset a passphrase: the vault gets a new key, and the supervisor says
    what happens to the older backups in the vault's folder."""

    def __init__(
        self,
        title: str,
        text: str,
        action: str,
        *,
        ask_backups: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(label(text))
        layout.addWidget(
            label(
                tr(
                    "The vault gets a new key, so the old passphrase no longer opens anything in this "
                    "computer's vault folder. This takes a moment."
                ),
                "hint",
            )
        )
        self.backups_box = QGroupBox(tr("Older backups in the vault's folder"))
        box_layout = QVBoxLayout(self.backups_box)
        self.reencrypt = QRadioButton(tr("&Re-encrypt them with the new key (keep them)"))
        self.delete = QRadioButton(tr("&Delete them"))
        self.reencrypt.setChecked(True)
        box_layout.addWidget(self.reencrypt)
        box_layout.addWidget(self.delete)
        self.backups_box.setVisible(ask_backups)
        layout.addWidget(self.backups_box)
        layout.addWidget(label(elsewhere_warning(), "hint"))
        self.ok = add_dialog_foot(self, layout, action).ok

    def old_backups(self) -> str:
        return "delete" if self.delete.isChecked() else "reencrypt"


class ChangePassphraseDialog(QDialog):
    def __init__(
        self, inputs: list[str], parent: QWidget | None = None, *, is_supervisor: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Change my passphrase"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.current = passphrase_field(tr("Current passphrase"))
        self.current.setAccessibleDescription(tr("The passphrase you unlocked with today."))
        self.new = passphrase_field(tr("New passphrase"))
        self.new.setAccessibleDescription(
            tr(
                "At least 10 characters; four or five unrelated words work well. Only you will "
                "know it."
            )
        )
        self.repeat = passphrase_field(tr("New passphrase again"))
        self.repeat.setAccessibleDescription(tr("Type the same passphrase again; Enter saves it."))
        self.meter = StrengthMeter()
        add_form_rows(
            form,
            (
                (tr("&Current passphrase"), self.current),
                (tr("&New passphrase"), self.new),
                (tr("New passphrase &again"), self.repeat),
            ),
        )
        form.addRow("", self.meter)
        layout.addLayout(form)
        self.someone_knows = QCheckBox(tr("&Someone else may know my current passphrase"))
        layout.addWidget(self.someone_knows)
        self.hint = label("", "hint")
        layout.addWidget(self.hint)
        self.delete_backups = QCheckBox(
            tr("&Delete the older backups in the vault's folder instead of re-encrypting them")
        )
        self.delete_backups.setVisible(False)
        self.is_supervisor = is_supervisor
        layout.addWidget(self.delete_backups)
        foot = add_dialog_foot(
            self, layout, tr("Change passphrase"), on_accept=self._accept, message=True
        )
        self.ok, self.message = foot.ok, foot.message
        self.new.textChanged.connect(
            lambda t: self.meter.set_score(passphrase_strength(t, inputs) if t else None)
        )
        self.someone_knows.toggled.connect(self._someone_knows_changed)
        self._someone_knows_changed(False)

    def _someone_knows_changed(self, checked: bool) -> None:
        if checked:
            self.hint.setText(
                tr(
                    "The vault gets a new key, so your old passphrase no longer opens anything in "
                    "this computer's vault folder; the older backups there are re-encrypted. "
                    "Copies made before today elsewhere (a USB stick) still open with it."
                )
            )
        else:
            self.hint.setText(
                tr(
                    "Only your own sign-in changes; the records are not re-encrypted, so this is "
                    "quick."
                )
            )
        self.delete_backups.setVisible(checked and self.is_supervisor)

    def old_backups(self) -> str:
        return "delete" if self.delete_backups.isChecked() else "reencrypt"

    def _accept(self) -> None:
        if self.new.text() != self.repeat.text():
            self.message.setText(tr("The two new passphrases are not the same."))
            return
        self.accept()
