"""Reports → VOCA quarterly figures (supervisors): the exact counts of one federal fiscal
quarter, question by question in the PMT's order and wording, each with a Copy button, for a
supervisor to type into OVC's Performance Measurement Tool.

These numbers are exact and about real people: they are shown here and copied one at a time,
never saved or exported (the anonymized summary stays the only export). The counting is
reports.voca's; the store refuses anyone but a supervisor.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from advocate_app.reports.language import Words
from advocate_app.reports.periods import Period, fiscal_quarter, fiscal_year_of, worded_label
from advocate_app.reports.voca import FEDERAL_START_MONTH, Figure, VocaFigures, quarter_figures
from advocate_app.store.vault import Vault
from advocate_app.ui.clipboard import copy_text
from advocate_app.ui.language import SPANISH, current_language
from advocate_app.ui.operation import Operation
from advocate_app.ui.qt import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    tr,
)
from advocate_app.ui.voca_labels import question_text, spanish_row_label
from advocate_app.ui.widgets import button_row, label, set_message

YEARS_BACK = 3  # federal fiscal years offered in the chooser (the current one and before)


def federal_quarters(today: date, years: int = YEARS_BACK) -> list[Period]:
    """The federal fiscal quarters that have begun, newest first: the current one (still going
    on) and those of the `years` - 1 federal fiscal years before it."""
    fy = fiscal_year_of(today, FEDERAL_START_MONTH)
    quarters = [
        fiscal_quarter(y, q, FEDERAL_START_MONTH)
        for y in range(fy, fy - years, -1)
        for q in (4, 3, 2, 1)
    ]
    return [p for p in quarters if p.start <= today]


def default_index(quarters: list[Period], today: date) -> int:
    """The last completed quarter."""
    return next((i for i, p in enumerate(quarters) if p.is_complete(today)), 0)


class VocaFiguresView(QWidget):
    """Choose a federal fiscal quarter, show its figures, copy each one."""

    def __init__(self, vault: Vault, today: Callable[[], date]) -> None:
        super().__init__()
        self.vault = vault
        self._today = today
        self.figures: VocaFigures | None = None
        self.copy_buttons: dict[str, QPushButton] = {}  # "figure/row/column" -> its button
        self.copied: str | None = None  # the last figure copied, for the message line
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(label(tr("VOCA quarterly figures"), "title"))
        layout.addWidget(
            label(
                tr(
                    "The exact counts for the federal Performance Measurement Tool (PMT), question by "
                    "question in the form's order and wording. These exact numbers are for typing into "
                    "the federal form and never leave the app otherwise: they are not saved, exported "
                    "or put in the anonymized summary. Copy one at a time; the clipboard is cleared "
                    "again shortly after."
                ),
                "hint",
            )
        )

        row = QHBoxLayout()
        self.quarter_combo = QComboBox()
        self.quarter_combo.setAccessibleName(tr("Federal fiscal quarter"))
        self.quarter_combo.setMinimumContentsLength(36)
        quarter_label = QLabel(tr("Federal fiscal &quarter"))
        quarter_label.setBuddy(self.quarter_combo)
        self.show_button = QPushButton(tr("Show figures"))
        self.show_button.setProperty("role", "primary")
        self.show_button.clicked.connect(self.show_figures)
        row.addWidget(quarter_label)
        row.addWidget(self.quarter_combo)
        row.addStretch(1)
        layout.addLayout(row)
        # On a line of its own, as on the summary's tab: beside the quarter, the line was
        # wider than the section on a narrow window in Spanish.
        layout.addLayout(button_row(self.show_button))
        layout.addWidget(
            label(
                tr(
                    "Federal fiscal years start on October 1: quarter 1 is October to December, "
                    "whatever the office's own fiscal year."
                ),
                "hint",
            )
        )
        self.warning = label("", "error")
        self.warning.setVisible(False)
        layout.addWidget(self.warning)
        self.message = label("", "hint")
        layout.addWidget(self.message)

        self.figures_scroll = QScrollArea()
        self.figures_scroll.setWidgetResizable(True)
        self.figures_scroll.setAccessibleName(tr("VOCA quarterly figures"))
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.addWidget(label(tr("Choose a quarter and press Show figures."), "hint"))
        self.body_layout.addStretch(1)
        self.figures_scroll.setWidget(self.body)
        layout.addWidget(self.figures_scroll, 1)
        self.load_quarters()

    def load_quarters(self) -> None:
        today = self._today()
        quarters = federal_quarters(today)
        self.quarter_combo.clear()
        words = Words(current_language())  # the quarter named in the interface's language
        for period in quarters:
            name = worded_label(period, words)
            text = name if period.is_complete(today) else tr("{0} (not over yet)").format(name)
            self.quarter_combo.addItem(text, period)
        self.quarter_combo.setCurrentIndex(default_index(quarters, today))

    def quarter(self) -> Period | None:
        period = self.quarter_combo.currentData()
        return period if isinstance(period, Period) else None

    def _busy(self, busy: bool) -> None:
        self.show_button.setEnabled(not busy)

    def show_figures(self) -> None:
        period = self.quarter()
        if period is None:
            set_message(self.message, tr("Choose a quarter first."), "error")
            return
        set_message(self.message, tr("Counting…"), "hint")
        vault, today = self.vault, self._today()
        (
            Operation(self, lambda: quarter_figures(vault, period, today=today))
            .expect(ValueError)
            .busy(self._busy)
            .success(self._show)
            .failure(lambda text: set_message(self.message, text, "error"))
            .run_in_background()
        )

    # --- showing ------------------------------------------------------------------------------

    def _new_body(self) -> QWidget:
        """A new, empty body for the figures (shown by _show once it holds them)."""
        self.copy_buttons.clear()
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        return body

    def _show(self, figures: VocaFigures) -> None:
        body = self._new_body()
        self.figures = figures
        form = figures.form
        if not form.in_force_confirmed:
            self.warning.setText(
                tr(
                    "Compare with the form in the PMT before typing: this version of the questions "
                    "could not be confirmed as the FY{0} form (see assets/voca in the app's "
                    "files)."
                ).format(form.federal_fiscal_year)
            )
        self.warning.setVisible(not form.in_force_confirmed)
        if figures.complete:
            set_message(
                self.message,
                tr("Showing {0}. Form: {1}, federal FY{2} (checked {3}).").format(
                    figures.period.label, form.name, form.federal_fiscal_year, form.checked_on
                ),
                "ok",
            )
        else:
            set_message(
                self.message,
                tr("Showing {0}. This quarter is not over: the figures will still change.").format(
                    figures.period.label
                ),
                "error",
            )
        for number, figure in enumerate(figures.figures, 1):
            self.body_layout.addWidget(self._figure_box(number, figure))
        self.body_layout.addStretch(1)
        # Into the scroll area once full, then shown with its figures in the same turn: a box
        # added to a body already on screen is shown a turn later (and a Copy button was not
        # yet visible when the figures were).
        self.figures_scroll.setWidget(body)  # the old body is deleted with its buttons
        body.show()  # a widget set into a scroll area already on screen is not shown by itself
        self.body = body

    def _copy_button(self, key: str, what: str, value: int) -> QPushButton:
        button = QPushButton(tr("Copy"))
        button.setAccessibleName(tr("Copy {0}: {1}").format(what, value))
        button.setToolTip(tr("Copy {0} ({1}) to type into the PMT").format(value, what))

        def copy() -> None:
            copy_text(str(value))
            self.copied = key
            set_message(self.message, tr("Copied {0}: {1}.").format(what, value), "ok")

        button.clicked.connect(copy)
        self.copy_buttons[key] = button
        return button

    def _figure_box(self, number: int, figure: Figure) -> QGroupBox:
        question = figure.question
        spanish = current_language() == SPANISH
        # In Spanish the title is the plain question; the PMT's English wording, which the
        # supervisor finds on the federal form, follows it.
        title = question_text(question, "plain") if spanish else question.pmt
        box = QGroupBox(tr("{0}. {1}").format(number, title))
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        line = 0
        if spanish:
            grid.addWidget(label(tr("On the PMT: {0}").format(question.pmt), "hint"), line, 0, 1, 5)
            line += 1
        rule = question_text(question, "rule")
        if rule:
            grid.addWidget(label(rule, "hint"), line, 0, 1, 5)
            line += 1
        if not question.confirmed:
            grid.addWidget(
                label(
                    tr(
                        "This question's wording could not be confirmed in a published text of the "
                        "form."
                    ),
                    "hint",
                ),
                line,
                0,
                1,
                5,
            )
            line += 1
        grid.addWidget(label(tr("Total")), line, 0)
        grid.addWidget(QLabel(str(figure.total)), line, 1)
        grid.addWidget(
            self._copy_button(f"{question.figure}/total", question.pmt, figure.total), line, 2
        )
        line += 1
        services = any(r.times is not None for r in figure.rows)
        if services:
            grid.addWidget(label(tr("Individuals"), "hint"), line, 1)
            grid.addWidget(label(tr("Times"), "hint"), line, 3)
            line += 1
        for r in figure.rows:
            wording = spanish_row_label(question.figure, r.code, r.is_group) or r.pmt
            name = tr("{0}. {1}").format(r.pmt_code, wording) if r.pmt_code else wording
            if not r.confirmed:
                name = tr("{0} (wording not confirmed)").format(name)
            shown = label(name if r.is_group or not r.pmt_code else "    " + name)
            if wording != r.pmt:
                shown.setToolTip(tr("On the PMT: {0}").format(r.pmt))
            if r.is_group:
                font = shown.font()
                font.setBold(True)
                shown.setFont(font)
            grid.addWidget(shown, line, 0)
            grid.addWidget(QLabel(str(r.individuals)), line, 1)
            what = tr("{0}, individuals").format(name) if services else name
            grid.addWidget(
                self._copy_button(f"{question.figure}/{r.code}/individuals", what, r.individuals),
                line,
                2,
            )
            if r.times is not None:
                grid.addWidget(QLabel(str(r.times)), line, 3)
                grid.addWidget(
                    self._copy_button(
                        f"{question.figure}/{r.code}/times", tr("{0}, times").format(name), r.times
                    ),
                    line,
                    4,
                )
            line += 1
        return box
