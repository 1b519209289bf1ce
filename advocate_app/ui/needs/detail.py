"""The selected need's form: the client's priority, next step, due date, note, resource and
status history."""

from __future__ import annotations

from datetime import date
from typing import TypedDict

from advocate_app.store import needs
from advocate_app.store.needs import NeedView
from advocate_app.store.vocab import NEED_CATEGORIES, NEED_PRIORITIES, NEED_STATUSES
from advocate_app.ui.data_language import need_label
from advocate_app.ui.format import fmt_date, from_qdate, short_date_format, to_qdate
from advocate_app.ui.needs.model import status_text
from advocate_app.ui.qt import (
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    tr,
    tr_marked,
)
from advocate_app.ui.widgets import label, status_line


class NeedEdits(TypedDict):
    """What the form changes on a need, by store.needs.update_need's own names."""

    priority: str | None
    next_step: str
    due_date: date | None
    note_line: str
    resource_name: str


class NeedDetail(QGroupBox):
    """The selected need: the client's priority, next step, due date, note, resource, history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Selected need"), parent)
        outer = QVBoxLayout(self)
        self.stack = QStackedWidget()
        self.empty = label(tr("Select a need to see its next step, due date and history."), "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.stack.addWidget(self.empty)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.need_title = label("", "subtitle")
        layout.addWidget(self.need_title)
        self.category = label("", "hint")
        layout.addWidget(self.category)
        form = QFormLayout()
        # A side pane: each field under its label, so long (Spanish) labels never push the
        # pane's right edge off screen (1366×768), and every field gets the pane's width.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.status = QComboBox()
        self.status.setAccessibleName(tr("Status"))
        self.status.setAccessibleDescription(
            tr(
                "Where this need stands; each change is kept in the status history below. "
                "Declined means the client chose not to pursue it."
            )
        )
        for code, text in NEED_STATUSES.items():
            self.status.addItem(tr_marked(text), code)
        self.priority = QComboBox()
        self.priority.setAccessibleName(tr("Client's priority"))
        self.priority.setAccessibleDescription(
            tr("How much this need matters to the client, in the client's own view.")
        )
        self.priority.addItem(tr("Not set"), None)
        for code, text in NEED_PRIORITIES.items():
            self.priority.addItem(tr_marked(text), code)
        for combo in (self.status, self.priority):
            # Sized by a short text, not the longest item: the pane may be narrow.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        self.next_step = QLineEdit()
        self.next_step.setMaxLength(needs.LINE_MAX)
        self.next_step.setAccessibleName(tr("Next step"))
        self.next_step.setAccessibleDescription(
            tr("One line: what happens next for this need. Saved with Save changes.")
        )
        self.has_due = QCheckBox(tr("Due by"))
        self.has_due.setAccessibleName(tr("Has a due date"))
        self.due = QDateEdit()
        self.due.setDisplayFormat(short_date_format())
        self.due.setCalendarPopup(True)
        self.due.setAccessibleName(tr("Due date"))
        self.due.setAccessibleDescription(
            tr("Once this day passes the need is listed as overdue on Today.")
        )
        self.due.setDate(QDate.currentDate())
        self.due.setEnabled(False)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        self.note_line = QLineEdit()
        self.note_line.setMaxLength(needs.LINE_MAX)
        self.note_line.setAccessibleName(tr("Note"))
        self.note_line.setAccessibleDescription(
            tr(
                "One line kept with the need; anything written in the record could be "
                "subpoenaed, so details belong in a note."
            )
        )
        self.note_line.setPlaceholderText(tr("One line; details belong in a note"))
        self.resource = QLineEdit()
        self.resource.setMaxLength(needs.LINE_MAX)
        self.resource.setAccessibleName(tr("Resource or referral"))
        self.resource.setAccessibleDescription(
            tr("The organization or program this need was referred to, if any.")
        )
        self.resource.setPlaceholderText(tr("Organization or program"))
        for text, widget in (
            (tr("S&tatus"), self.status),
            (tr("Client's p&riority"), self.priority),
            (tr("Ne&xt step"), self.next_step),
        ):
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        due_label = QLabel(tr("D&ue date"))
        due_label.setBuddy(self.has_due)
        form.addRow(due_label, due_row)
        for text, widget in (
            (tr("N&ote"), self.note_line),
            (tr("Re&source or referral"), self.resource),
        ):
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.save_button = QPushButton(tr("Save changes"))
        self.save_button.setAccessibleDescription(
            tr("Saves this need's status, priority, next step, due date, note and resource.")
        )
        self.save_button.setEnabled(False)
        row.addWidget(self.save_button)
        self.saved_label = status_line("", "hint", wrap=False)
        row.addWidget(self.saved_label, 1)
        layout.addLayout(row)
        history_label = QLabel(tr("Status &history"))
        self.history = QListWidget()
        self.history.setAccessibleName(tr("Status history"))
        self.history.setAccessibleDescription(
            tr("One row per change of this need's status, newest first, with who and when.")
        )
        self.history.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.history.setWordWrap(True)  # a long entry wraps in the narrow pane, never cut
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        history_label.setBuddy(self.history)
        layout.addWidget(history_label)
        # Never a 70-pixel sliver: at least four lines of history are always visible.
        self.history.setMinimumHeight(self.fontMetrics().height() * 6)
        layout.addWidget(self.history, 1)
        # On a small screen the form scrolls; it never squashes its rows into each other.
        self.form_scroll = QScrollArea()
        self.form_scroll.setAccessibleName(tr("The selected need"))
        self.form_scroll.setWidget(page)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Up and down only: the form fits the pane's width (rows wrap, fields shrink).
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_scroll.setMinimumHeight(self.fontMetrics().height() * 8)
        self.stack.addWidget(self.form_scroll)
        outer.addWidget(self.stack)

        self.need: NeedView | None = None
        self.dirty = False
        self.has_due.toggled.connect(self.due.setEnabled)
        for signal in (
            self.next_step.textEdited,
            self.note_line.textEdited,
            self.resource.textEdited,
            self.priority.activated,
            self.has_due.toggled,
            self.due.dateChanged,
        ):
            signal.connect(self._mark_dirty)
        for field in (self.next_step, self.note_line, self.resource):
            field.returnPressed.connect(self.save_button.click)

    def _mark_dirty(self, *_args: object) -> None:
        if self.need is None:
            return
        self.dirty = True
        self.save_button.setEnabled(True)
        self.saved_label.setText("")

    def show_need(self, need: NeedView | None, history: list[needs.StatusChange]) -> None:
        self.need = need
        self.dirty = False
        self.save_button.setEnabled(False)
        self.saved_label.setText("")
        if need is None:
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentIndex(1)
        self.need_title.setText(need_label(need.category, need.label))
        self.category.setText(tr_marked(NEED_CATEGORIES.get(need.category, need.category)))
        self.status.setCurrentIndex(max(self.status.findData(need.status), 0))
        self.priority.setCurrentIndex(max(self.priority.findData(need.priority), 0))
        for field, text in (
            (self.next_step, need.next_step),
            (self.note_line, need.note_line),
            (self.resource, need.resource_name or ""),
        ):
            field.setText(text)
            field.setCursorPosition(0)  # show the start of a long line, not its end
        self.has_due.blockSignals(True)
        self.due.blockSignals(True)
        self.has_due.setChecked(need.due_date is not None)
        self.due.setEnabled(need.due_date is not None)
        self.due.setDate(to_qdate(need.due_date) if need.due_date else QDate.currentDate())
        self.has_due.blockSignals(False)
        self.due.blockSignals(False)
        self.show_history(history)

    def show_history(self, history: list[needs.StatusChange]) -> None:
        self.history.clear()
        for change in reversed(history):  # newest first
            text = tr("{0} — {1}").format(fmt_date(change.changed_on), status_text(change.status))
            if change.user_name:
                text += tr(" ({0})").format(change.user_name)
            self.history.addItem(text)

    def values(self) -> NeedEdits:
        return {
            "priority": self.priority.currentData(),
            "next_step": self.next_step.text(),
            "due_date": from_qdate(self.due.date()) if self.has_due.isChecked() else None,
            "note_line": self.note_line.text(),
            "resource_name": self.resource.text(),
        }
