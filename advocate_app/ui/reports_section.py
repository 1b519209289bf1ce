"""Reports (supervisors): choose a period and k, see the anonymized summary, export the PDF."""

from __future__ import annotations

import re
from datetime import date

from advocate_app.reports.anonymize import DEFAULT_K, MAX_K, MIN_K, PublishedSummary
from advocate_app.reports.periods import Period, fiscal_quarter, fiscal_year, months
from advocate_app.reports.summary import build_summary, export_pdf, summary_html
from advocate_app.store.errors import VaultError
from advocate_app.store.vault import Vault
from advocate_app.ui.qt import (
    QButtonGroup,
    QComboBox,
    QDate,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    tr,
)
from advocate_app.ui.shell import Section
from advocate_app.ui.widgets import label, set_message
from advocate_app.ui.worker import run_task


def federal_fiscal_year(day: date) -> int:
    return day.year + 1 if day.month >= 10 else day.year


def last_complete_quarter(today: date) -> tuple[int, int]:
    fy = federal_fiscal_year(today)
    quarter = (today.month - 10) % 12 // 3 + 1  # the quarter we are in
    return (fy, quarter - 1) if quarter > 1 else (fy - 1, 4)


def safe_file_name(period: Period) -> str:
    """A file name from the period label only (never anything from a client record)."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", period.label).strip("-").lower()
    return f"anonymized-summary-{slug}.pdf"


class ReportsSection(Section):
    title = tr("Reports")

    def __init__(self, vault: Vault, ask_save_path) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.vault = vault
        self._ask_save_path = ask_save_path
        self.summary: PublishedSummary | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(label(tr("Anonymized summary"), "title"))
        layout.addWidget(label(tr(
            "Counts only, for funders and the board: no names, aliases, notes or exact dates. "
            "Small numbers are hidden so no one can be pointed out."), "hint"))

        choose = QGroupBox(tr("Period and privacy"))
        grid = QGridLayout(choose)
        self.kind = QButtonGroup(self)
        self.quarter_radio = QRadioButton(tr("Federal fiscal &quarter"))
        self.year_radio = QRadioButton(tr("Federal fiscal &year"))
        self.months_radio = QRadioButton(tr("&Months"))
        for i, radio in enumerate((self.quarter_radio, self.year_radio, self.months_radio)):
            self.kind.addButton(radio, i)
        fy, q = last_complete_quarter(date.today())
        self.fy = QSpinBox()
        self.fy.setRange(2000, 2100)
        self.fy.setValue(fy)
        self.fy.setPrefix("FY")
        self.fy.setAccessibleName(tr("Federal fiscal year"))
        self.quarter = QComboBox()
        self.quarter.setAccessibleName(tr("Quarter"))
        for n, months_text in ((1, tr("Q1 (October–December)")), (2, tr("Q2 (January–March)")),
                               (3, tr("Q3 (April–June)")), (4, tr("Q4 (July–September)"))):
            self.quarter.addItem(months_text, n)
        self.quarter.setCurrentIndex(q - 1)
        self.from_month = QDateEdit(QDate.currentDate().addMonths(-3))
        self.to_month = QDateEdit(QDate.currentDate().addMonths(-1))
        for edit, name in ((self.from_month, tr("First month")), (self.to_month,
                                                                  tr("Last month"))):
            edit.setDisplayFormat("MMMM yyyy")
            edit.setAccessibleName(name)
        grid.addWidget(self.quarter_radio, 0, 0)
        grid.addWidget(self.fy, 0, 1)
        grid.addWidget(self.quarter, 0, 2)
        grid.addWidget(self.year_radio, 1, 0)
        grid.addWidget(label(tr("(uses the fiscal year above)"), "hint"), 1, 1, 1, 2)
        grid.addWidget(self.months_radio, 2, 0)
        grid.addWidget(self.from_month, 2, 1)
        grid.addWidget(self.to_month, 2, 2)
        self.k = QSpinBox()
        self.k.setRange(MIN_K, MAX_K)
        self.k.setValue(DEFAULT_K)
        self.k.setAccessibleName(tr("Privacy threshold"))
        k_label = QLabel(tr("Privacy &threshold"))
        k_label.setBuddy(self.k)
        grid.addWidget(k_label, 3, 0)
        grid.addWidget(self.k, 3, 1)
        grid.addWidget(label(tr("Groups smaller than this are hidden. 11 is the common "
                                "standard; choose 5 to 20."), "hint"), 3, 2)
        self.quarter_radio.setChecked(True)
        layout.addWidget(choose)

        row = QHBoxLayout()
        self.show_button = QPushButton(tr("Show summary"))
        self.show_button.setProperty("role", "primary")
        self.show_button.clicked.connect(self.show_summary)
        self.export_button = QPushButton(tr("Export PDF…"))
        self.export_button.clicked.connect(self.export)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.progress.setAccessibleName(tr("Export progress"))
        row.addWidget(self.show_button)
        row.addWidget(self.export_button)
        row.addWidget(self.progress, 1)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = label("", "hint")
        layout.addWidget(self.message)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setAccessibleName(tr("Summary"))
        self.view.setPlaceholderText(tr("Choose a period and press Show summary."))
        layout.addWidget(self.view, 1)

    def period(self) -> Period:
        if self.quarter_radio.isChecked():
            return fiscal_quarter(self.fy.value(), self.quarter.currentData())
        if self.year_radio.isChecked():
            return fiscal_year(self.fy.value())
        first = self.from_month.date().toString("yyyy-MM")
        last = self.to_month.date().toString("yyyy-MM")
        return months(first, last)

    def _busy(self, busy: bool) -> None:
        self.show_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy)

    def show_summary(self) -> None:
        try:
            period = self.period()
        except ValueError as exc:
            set_message(self.message, str(exc), "error")
            return
        k = self.k.value()
        self._busy(True)
        set_message(self.message, tr("Counting…"), "hint")

        def done(summary: PublishedSummary) -> None:
            self._busy(False)
            self.summary = summary
            self.view.setHtml(summary_html(summary))
            set_message(self.message, tr(
                "Showing {0}. Privacy threshold: groups smaller than {1} are hidden.").format(
                    summary.period_label, summary.k), "ok")

        run_task(lambda: build_summary(self.vault, period, k), done, self._failed)

    def export(self) -> None:
        try:
            period = self.period()
        except ValueError as exc:
            set_message(self.message, str(exc), "error")
            return
        path = self._ask_save_path(self, tr("Export the anonymized summary"),
                                   safe_file_name(period), tr("PDF files (*.pdf)"))
        if path is None:
            return
        k = self.k.value()
        self._busy(True)
        self.progress.setValue(0)
        self.progress.setVisible(True)

        def done(summary: PublishedSummary) -> None:
            self._busy(False)
            self.progress.setVisible(False)
            self.summary = summary
            self.view.setHtml(summary_html(summary))
            set_message(self.message, tr("Saved the PDF ({0}).").format(path.name), "ok")

        run_task(lambda report: export_pdf(self.vault, period, path, k, report), done,
                 self._failed, on_progress=self.progress.setValue)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.progress.setVisible(False)
        if isinstance(exc, VaultError):
            set_message(self.message, exc.message, "error")
        elif isinstance(exc, OSError):
            set_message(self.message, tr(
                "The PDF could not be written there (the folder may be read-only or full). "
                "Choose another place."), "error")
        else:
            raise exc
