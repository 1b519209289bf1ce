"""Whether the unlock screen shows the office's name, and which words: asked at first run and
in Settings (supervisors). The words are kept in plain text beside the vault, so the choice says
plainly who can read them (store/sign_in_label.py; DESIGN.md, decisions 2026-11-30)."""

from __future__ import annotations

from advocate_app.store.keyslots import SIGN_IN_LABEL_MAX
from advocate_app.ui.qt import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget, tr
from advocate_app.ui.widgets import label


class SignInLabelChoice(QWidget):
    """A check box "Show the office name on the sign-in screen", its warning, and the words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.show_box = QCheckBox(tr("Show the office name on the si&gn-in screen"))
        self.show_box.setChecked(True)
        self.show_box.setAccessibleDescription(
            tr(
                "Anyone who opens this computer can read it. Turn this off on a laptop you take "
                "to court or to meetings."
            )
        )
        layout.addWidget(self.show_box)
        self.warning = label(
            tr(
                "Anyone who opens this computer can read it. Turn this off on a laptop you take "
                "to court or to meetings."
            ),
            "hint",
        )
        layout.addWidget(self.warning)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.text = QLineEdit()
        self.text.setMaxLength(SIGN_IN_LABEL_MAX)
        self.text.setAccessibleName(tr("Name shown on the sign-in screen"))
        self.text.setAccessibleDescription(
            tr(
                "Plain text of at most {0} characters, shown above the names of the staff "
                "before anyone unlocks. Anyone who opens this computer can read it."
            ).format(SIGN_IN_LABEL_MAX)
        )
        text_label = QLabel(tr("Na&me shown"))
        text_label.setBuddy(self.text)
        form.addRow(text_label, self.text)
        layout.addLayout(form)
        self._edited = False
        self.text.textEdited.connect(self._mark_edited)
        self.show_box.toggled.connect(self.text.setEnabled)

    def _mark_edited(self, _text: str) -> None:
        self._edited = True

    def follow(self, office_name: str) -> None:
        """At first run the words are the office name until the person changes them."""
        if not self._edited:
            self.text.setText(office_name.strip())

    def set_label(self, text: str, office_name: str = "") -> None:
        """Show what the vault has now: "" means the name is not shown (the words offered
        are then the office name)."""
        self.show_box.setChecked(bool(text))
        self.text.setText(text or office_name)
        self.text.setEnabled(bool(text))

    def chosen_label(self) -> str:
        """What to keep: the words, or "" when the name is not to be shown (or is empty)."""
        return self.text.text().strip() if self.show_box.isChecked() else ""
