"""The client record's optional questions for the funder's quarterly report (VOCA's PMT):
gender identity, race or ethnicity, victimization types and special classifications.

Folded away by default; every question starts at "Not asked", and "Declined to answer" is a
choice like any other. Nothing here is required and nothing warns: the survivor decides.
"""

from __future__ import annotations

from advocate_app.store.pmt_form import DECLINED, Item, current_form
from advocate_app.store.voca_fields import MultiAnswer, ReportingFields
from advocate_app.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    tr,
)
from advocate_app.ui.voca_labels import item_label
from advocate_app.ui.widgets import label

NOT_ASKED = "__not_asked__"  # the list's own marker; stored as nothing (None)
VISIBLE_ROWS = 5


class AnswerList(QListWidget):
    """Tick any number of answers, or one of the two neutral choices: "Not asked" (the start)
    and "Declined to answer". Ticking an answer unticks both; ticking one of them unticks the
    rest; unticking everything goes back to "Not asked". Space ticks, arrows move."""

    def __init__(self, list_name: str, items: tuple[Item, ...], accessible: str) -> None:
        super().__init__()
        self.setAccessibleName(accessible)
        self.setAccessibleDescription(
            tr(
                "Optional. Arrow keys move, Space ticks or unticks. Not asked and Declined to "
                "answer are neutral choices."
            )
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._add(NOT_ASKED, tr("Not asked"))
        self._add(DECLINED, tr("Declined to answer"))
        for item in items:
            self._add(item.code, item_label(list_name, item))
        self.setCurrentRow(0)
        rows = min(VISIBLE_ROWS, self.count())
        self.setFixedHeight(self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 4)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._updating = False
        self.itemChanged.connect(self._changed)
        self.set_answer(None)

    def _add(self, code: str, text: str) -> None:
        entry = QListWidgetItem(text)
        entry.setData(Qt.ItemDataRole.UserRole, code)
        entry.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        entry.setCheckState(Qt.CheckState.Unchecked)
        self.addItem(entry)

    def _entries(self) -> list[QListWidgetItem]:
        return [self.item(row) for row in range(self.count())]

    def _tick_only(self, codes: set[str]) -> None:
        self._updating = True
        try:
            for entry in self._entries():
                ticked = entry.data(Qt.ItemDataRole.UserRole) in codes
                entry.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        finally:
            self._updating = False

    def _changed(self, entry: QListWidgetItem) -> None:
        if self._updating:
            return
        code = entry.data(Qt.ItemDataRole.UserRole)
        ticked = entry.checkState() == Qt.CheckState.Checked
        if ticked and code in (NOT_ASKED, DECLINED):
            self._tick_only({code})
            return
        chosen = set(self.chosen())
        if ticked:
            self._tick_only(chosen | {code})
        elif not chosen and self.answer() != DECLINED:
            self._tick_only({NOT_ASKED})

    def chosen(self) -> tuple[str, ...]:
        return tuple(
            e.data(Qt.ItemDataRole.UserRole)
            for e in self._entries()
            if e.checkState() == Qt.CheckState.Checked
            and e.data(Qt.ItemDataRole.UserRole) not in (NOT_ASKED, DECLINED)
        )

    def answer(self) -> MultiAnswer:
        ticked = {
            e.data(Qt.ItemDataRole.UserRole)
            for e in self._entries()
            if e.checkState() == Qt.CheckState.Checked
        }
        if DECLINED in ticked:
            return DECLINED
        return self.chosen() or None

    def set_answer(self, value: MultiAnswer) -> None:
        if value is None or value == ():
            self._tick_only({NOT_ASKED})
        elif value == DECLINED:
            self._tick_only({DECLINED})
        else:
            self._tick_only(set((value,) if isinstance(value, str) else value))


class FunderQuestions(QWidget):
    """A folded group: "Funder report questions (optional)"."""

    def __init__(self) -> None:
        super().__init__()
        form = current_form()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton()
        self.toggle.setText(tr("Funder report &questions (optional)"))
        self.toggle.setAccessibleName(tr("Funder report questions (optional)"))
        self.toggle.setAccessibleDescription(
            tr("Shows or hides the optional questions for the funder's quarterly report.")
        )
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self.set_open)
        outer.addWidget(self.toggle)
        self.body = QWidget()
        layout = QFormLayout(self.body)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.why = label(
            tr(
                "Needed for the funder's quarterly report. Optional: never press a survivor to answer."
            ),
            "hint",
        )
        layout.addRow(self.why)
        self.gender = QComboBox()
        self.gender.setAccessibleName(tr("Gender identity (optional)"))
        self.gender.setAccessibleDescription(
            tr("Optional. Not asked and Declined to answer are neutral choices.")
        )
        self.gender.addItem(tr("Not asked"), None)
        self.gender.addItem(tr("Declined to answer"), DECLINED)
        for item in form.gender_identity:
            self.gender.addItem(item_label("gender_identity", item), item.code)
        self.race = AnswerList(
            "race_ethnicity", form.race_ethnicity, tr("Race or ethnicity (optional)")
        )
        common = tuple(i for i in form.victimization_types if i.common)
        rest = tuple(i for i in form.victimization_types if not i.common)
        self.types = AnswerList(
            "victimization_types", common + rest, tr("Victimization types (optional)")
        )
        self.special = AnswerList(
            "special_classifications",
            form.special_classifications,
            tr("Special classifications (optional)"),
        )
        for text, widget in (
            (tr("Gen&der identity"), self.gender),
            (tr("&Race or ethnicity"), self.race),
            (tr("Victimizati&on types"), self.types),
            (tr("&Special classifications"), self.special),
        ):
            lab = QLabel(text)
            lab.setBuddy(widget)
            layout.addRow(lab, widget)
        outer.addWidget(self.body)
        self.set_open(False)

    def set_open(self, shown: bool) -> None:
        if self.toggle.isChecked() != shown:
            self.toggle.setChecked(shown)  # comes back here through toggled
            return
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.body.setVisible(shown)

    def set_values(self, values: ReportingFields) -> None:
        gender = values.gender_identity
        self.gender.setCurrentIndex(0 if gender is None else max(0, self.gender.findData(gender)))
        self.race.set_answer(values.race_ethnicity)
        self.types.set_answer(values.victimization_types)
        self.special.set_answer(values.special_classifications)

    def values(self) -> ReportingFields:
        return ReportingFields(
            gender_identity=self.gender.currentData(),
            race_ethnicity=self.race.answer(),
            victimization_types=self.types.answer(),
            special_classifications=self.special.answer(),
        )
