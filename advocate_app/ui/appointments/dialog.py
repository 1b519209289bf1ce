"""The dialog that adds or edits an appointment or court date."""

from __future__ import annotations

from datetime import datetime

from advocate_app.store import appointments
from advocate_app.store.appointments import AppointmentFields, AppointmentView
from advocate_app.store.vocab import APPOINTMENT_KINDS
from advocate_app.ui.dialogs import add_dialog_foot
from advocate_app.ui.format import from_qdate, short_date_format, to_qdate
from advocate_app.ui.qt import (
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QLocale,
    QTime,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
    tr,
    tr_marked,
)


class AppointmentDialog(QDialog):
    """Add or edit an appointment or court date."""

    def __init__(
        self, existing: AppointmentView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Edit appointment") if existing else tr("Add an appointment"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.date = QDateEdit()
        self.date.setDisplayFormat(short_date_format())
        self.date.setCalendarPopup(True)
        self.date.setAccessibleName(tr("Date"))
        self.time = QTimeEdit()
        self.time.setAccessibleName(tr("Time"))
        self.time.setDisplayFormat(QLocale().timeFormat(QLocale.FormatType.ShortFormat))
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Kind"))
        self.kind.setAccessibleDescription(
            tr("Court hearings and other kinds are counted apart in the summary.")
        )
        for code, text in APPOINTMENT_KINDS.items():
            self.kind.addItem(tr_marked(text), code)
        self.place = QLineEdit()
        self.place.setMaxLength(appointments.PLACE_MAX)
        self.place.setAccessibleName(tr("Place"))
        self.place.setAccessibleDescription(
            tr("Where it takes place, for example the court and courtroom; one line.")
        )
        self.place.setPlaceholderText(tr("e.g. District Court, Courtroom 2"))
        self.accompanied = QCheckBox(tr("The advocate goes with the client"))
        self.outcome = QLineEdit()
        self.outcome.setMaxLength(appointments.OUTCOME_MAX)
        self.outcome.setAccessibleName(tr("Outcome"))
        self.outcome.setAccessibleDescription(
            tr(
                "Afterwards, what happened in a few words. Records can be subpoenaed: write "
                "only what the work needs."
            )
        )
        self.outcome.setPlaceholderText(tr("Afterwards: what happened, in a few words"))
        for text, widget in (
            (tr("&Date"), self.date),
            (tr("&Time"), self.time),
            (tr("&Kind"), self.kind),
            (tr("&Place"), self.place),
        ):
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        form.addRow("", self.accompanied)
        outcome_label = QLabel(tr("&Outcome"))
        outcome_label.setBuddy(self.outcome)
        form.addRow(outcome_label, self.outcome)
        layout.addLayout(form)
        foot = add_dialog_foot(
            self,
            layout,
            tr("Save appointment") if existing else tr("Add appointment"),
            message=True,
        )
        self.message, self.save_button = foot.message, foot.ok
        if existing is not None:
            self.date.setDate(to_qdate(existing.starts_at.date()))
            self.time.setTime(QTime(existing.starts_at.hour, existing.starts_at.minute))
            self.kind.setCurrentIndex(max(self.kind.findData(existing.kind), 0))
            self.place.setText(existing.place)
            self.accompanied.setChecked(existing.accompanied)
            self.outcome.setText(existing.outcome or "")
        else:
            self.date.setDate(QDate.currentDate())
            self.time.setTime(QTime(9, 0))
        self.date.setFocus()

    def fields(self) -> AppointmentFields:
        day = from_qdate(self.date.date())
        moment = self.time.time()
        return AppointmentFields(
            starts_at=datetime(day.year, day.month, day.day, moment.hour(), moment.minute()),
            kind=self.kind.currentData(),
            place=self.place.text(),
            accompanied=self.accompanied.isChecked(),
            outcome=self.outcome.text() or None,
        )
