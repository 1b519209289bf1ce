"""The client profile form: every field but the alias is optional, and the form says so."""

from __future__ import annotations

from advocate_app.store.clients import ClientFields
from advocate_app.store.users import UserInfo
from advocate_app.store.voca_fields import ReportingFields
from advocate_app.store.vocab import AGE_GROUPS, TRAFFICKING_TYPES
from advocate_app.ui.clients.funder_questions import FunderQuestions
from advocate_app.ui.format import from_qdate, short_date_format, to_qdate
from advocate_app.ui.qt import (
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    tr,
    tr_marked,
)
from advocate_app.ui.widgets import add_form_rows, label

NOT_SET = None


def _combo(items: dict[str, str], accessible: str, unset: str | None = None) -> QComboBox:
    """A choice with one neutral "unknown" entry first (stored as nothing)."""
    box = QComboBox()
    box.setAccessibleName(accessible)
    box.addItem(unset if unset is not None else tr("— not recorded —"), NOT_SET)
    for code, text in items.items():
        box.addItem(tr_marked(text), code)
    return box


class ClientForm(QWidget):
    def __init__(self, users: list[UserInfo]) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                tr(
                    "Only the alias is required. Use a code or a first-name alias the client agrees "
                    "to, never a legal name. Leave anything blank that you do not need."
                ),
                "hint",
            )
        )
        basics = QGroupBox(tr("About"))
        form = QFormLayout(basics)
        self.alias = QLineEdit()
        self.alias.setMaxLength(60)
        self.alias.setAccessibleName(tr("Alias (required)"))
        self.alias.setAccessibleDescription(
            tr(
                "A code or first-name alias the client agrees to, never a legal name. Must differ from every other client's alias."
            )
        )
        self.intake_known = QCheckBox(tr("Intake date known"))
        self.intake = QDateEdit()
        self.intake.setDisplayFormat(short_date_format())
        self.intake.setCalendarPopup(True)
        self.intake.setMaximumDate(QDate.currentDate())
        self.intake.setDate(QDate.currentDate())
        self.intake.setAccessibleName(tr("Intake date"))
        self.intake_known.toggled.connect(self.intake.setEnabled)
        self.intake_known.setChecked(True)
        # One choice for an unknown age: "Not reported" (the summary counts a blank age the
        # same way), not a second "not recorded" beside it.
        self.age = _combo(
            {code: text for code, text in AGE_GROUPS.items() if code != "not_reported"},
            tr("Age group"),
            tr("Not reported"),
        )
        self.age.setAccessibleDescription(
            tr("Counted by age group in the anonymized summary. Not reported is a neutral choice.")
        )
        self.ttype = _combo(TRAFFICKING_TYPES, tr("Trafficking type"))
        self.ttype.setAccessibleDescription(
            tr("Sex, labor or both, as the client describes it. Leave it not recorded if unsure.")
        )
        self.language = QLineEdit()
        self.language.setMaxLength(60)
        self.language.setAccessibleName(tr("Preferred language"))
        self.language.setAccessibleDescription(
            tr("The language the client prefers to speak, in your own words.")
        )
        self.interpreter = QCheckBox(tr("Interpreter needed"))
        self.advocate = QComboBox()
        self.advocate.setAccessibleName(tr("Assigned advocate"))
        self.advocate.setAccessibleDescription(
            tr("The advocate who works with this client; their list of clients shows it.")
        )
        for user in users:
            self.advocate.addItem(user.name, user.id)
        rows = [
            (tr("&Alias (required)"), self.alias),
            (tr("&Intake date"), self.intake),
            (tr("A&ge group"), self.age),
            (tr("&Trafficking type"), self.ttype),
            (tr("Preferred &language"), self.language),
            (tr("Assigned ad&vocate"), self.advocate),
        ]
        for text, widget in rows:
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
            if widget is self.intake:
                form.addRow("", self.intake_known)
        form.addRow("", self.interpreter)
        layout.addWidget(basics)

        safe = QGroupBox(tr("Safe contact"))
        safe_form = QFormLayout(safe)
        self.method = QLineEdit()
        self.method.setMaxLength(200)
        self.method.setAccessibleName(tr("How to reach them safely"))
        self.method.setPlaceholderText(tr("e.g. text only, through her sister's phone"))
        self.times = QLineEdit()
        self.times.setMaxLength(200)
        self.times.setAccessibleName(tr("Safe times"))
        self.times.setAccessibleDescription(
            tr("When it is safe to call or text, for example weekdays after 3 pm.")
        )
        self.message = QComboBox()
        self.message.setAccessibleName(tr("OK to leave a message?"))
        self.message.setAccessibleDescription(
            tr(
                "Whether a voicemail or text may be left. Never leave one unless the client said yes."
            )
        )
        self.message.addItem(tr("— not asked yet —"), NOT_SET)
        self.message.addItem(tr("Yes, a message is OK"), True)
        self.message.addItem(tr("No messages"), False)
        self.code_word = QLineEdit()
        self.code_word.setMaxLength(60)
        self.code_word.setAccessibleName(tr("Code word"))
        self.code_word.setAccessibleDescription(
            tr("A word the client can say to signal it is not safe to talk.")
        )
        add_form_rows(
            safe_form,
            (
                (tr("&How to reach them"), self.method),
                (tr("Sa&fe times"), self.times),
                (tr("OK to leave a &message?"), self.message),
                (tr("Code &word"), self.code_word),
            ),
        )
        layout.addWidget(safe)
        # The funder's optional questions, folded away: never in the way, never required.
        self.funder = FunderQuestions()
        layout.addWidget(self.funder)
        layout.addStretch(1)

    def set_values(self, values: ClientFields) -> None:
        self.alias.setText(values.alias)
        self.intake_known.setChecked(values.intake_date is not None)
        if values.intake_date:
            self.intake.setDate(to_qdate(values.intake_date))
        self.age.setCurrentIndex(max(0, self.age.findData(values.age_group)))
        self.ttype.setCurrentIndex(max(0, self.ttype.findData(values.trafficking_type)))
        self.language.setText(values.preferred_language or "")
        self.interpreter.setChecked(values.interpreter_needed)
        if values.assigned_user_id:
            index = self.advocate.findData(values.assigned_user_id)
            if index >= 0:
                self.advocate.setCurrentIndex(index)
        self.method.setText(values.contact_method or "")
        self.times.setText(values.safe_times or "")
        msg = values.ok_to_leave_message
        self.message.setCurrentIndex(0 if msg is None else (1 if msg else 2))
        self.code_word.setText(values.code_word or "")

    def values(self) -> ClientFields:
        return ClientFields(
            alias=self.alias.text(),
            intake_date=from_qdate(self.intake.date()) if self.intake_known.isChecked() else None,
            age_group=self.age.currentData(),
            trafficking_type=self.ttype.currentData(),
            preferred_language=self.language.text() or None,
            interpreter_needed=self.interpreter.isChecked(),
            contact_method=self.method.text() or None,
            safe_times=self.times.text() or None,
            ok_to_leave_message=self.message.currentData(),
            code_word=self.code_word.text() or None,
            assigned_user_id=self.advocate.currentData(),
        )

    def set_reporting(self, values: ReportingFields) -> None:
        self.funder.set_values(values)

    def reporting(self) -> ReportingFields:
        return self.funder.values()
