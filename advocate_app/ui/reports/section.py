"""Reports (supervisors): choose a standard period, see the anonymized summary, export the PDF,
and see what was exported before (the export ledger); and, in their own tab, the exact VOCA
quarterly figures for typing into the federal form (ui.reports.voca_view)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from advocate_app.reports.anonymize import PublishedSummary
from advocate_app.reports.formats import HTML, PDF, TEXT
from advocate_app.reports.language import EN, ES, Words
from advocate_app.reports.output_file import OutputExists, OutputProblem
from advocate_app.reports.periods import Period, completed_periods, newest_with_data, worded_label
from advocate_app.reports.summary import build_summary, export_file, summary_html
from advocate_app.store import report_settings, summary_ledger
from advocate_app.store.errors import VaultError
from advocate_app.store.summary_ledger import ExportInfo
from advocate_app.store.summary_queries import has_activity
from advocate_app.store.vault import Vault
from advocate_app.ui.language import current_language
from advocate_app.ui.operation import Operation
from advocate_app.ui.qt import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QLocale,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    tr,
)
from advocate_app.ui.reports.voca_view import VocaFiguresView
from advocate_app.ui.shell import Section
from advocate_app.ui.widgets import button_row, confirm, label, set_message, status_line

T = TypeVar("T")


def safe_file_name(period: Period, fmt: str = PDF) -> str:
    """A file name from the period label only (never anything from a client record)."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", period.label).strip("-").lower()
    return f"anonymized-summary-{slug}.{fmt}"


def export_formats() -> list[tuple[str, str, str, str]]:
    """(format, choice shown, export button text, file dialog filter), PDF first."""
    return [
        (PDF, tr("PDF"), tr("Export PDF…"), tr("PDF files (*.pdf)")),
        (
            HTML,
            tr("Web page (HTML), for screen readers"),
            tr("Export web page…"),
            tr("Web pages (*.html)"),
        ),
        (TEXT, tr("Plain text"), tr("Export text file…"), tr("Text files (*.txt)")),
    ]


def summary_languages() -> list[tuple[str, str]]:
    """(language code, choice shown): the languages the summary can be written in."""
    return [(EN, tr("English")), (ES, tr("Español"))]


def interface_language() -> str:
    """The summary language that matches the interface's (its locale): Spanish or English."""
    return ES if QLocale().language() == QLocale.Language.Spanish else EN


def ledger_line(info: ExportInfo) -> str:
    when = info.exported_at.strftime("%Y-%m-%d %H:%M")
    who = info.exported_by or tr("a former user")
    return tr("Exported on {0} UTC by {1}: {2}, privacy threshold {3}").format(
        when, who, info.period_label, info.k
    )


class ReportsSection(Section):
    def __init__(
        self, vault: Vault, ask_save_path: Callable[..., Path | None], today: date | None = None
    ) -> None:
        super().__init__()
        self.title = tr("Reports")  # at build time, in the language then chosen
        self.vault = vault
        self._ask_save_path = ask_save_path
        self._today = today
        self.summary: PublishedSummary | None = None
        self._periods_ready = False
        self.periods_chosen = False  # the newest period with data is selected
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(tr("Reports"))
        outer.addWidget(self.tabs)
        summary_page = QWidget()
        layout = QVBoxLayout(summary_page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(label(tr("Anonymized summary"), "title"))
        layout.addWidget(
            label(
                tr(
                    "Counts only, for funders and the board: no names, aliases, notes or exact dates. "
                    "Small numbers are hidden so no one can be pointed out."
                ),
                "hint",
            )
        )

        choose = QGroupBox(tr("Period"))
        grid = QGridLayout(choose)
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(tr("Period"))
        self.period_combo.setAccessibleDescription(
            tr("The completed quarter or year the summary counts. Only ended periods are listed.")
        )
        self.period_combo.setMinimumContentsLength(40)
        period_label = QLabel(tr("&Period"))
        period_label.setBuddy(self.period_combo)
        grid.addWidget(period_label, 0, 0)
        grid.addWidget(self.period_combo, 0, 1)
        grid.addWidget(
            label(tr("Completed fiscal quarters, fiscal years and calendar years only."), "hint"),
            1,
            1,
        )
        self.k_text = label("", "hint")
        grid.addWidget(self.k_text, 2, 1)
        grid.setColumnStretch(2, 1)
        layout.addWidget(choose)

        row = QHBoxLayout()
        self.show_button = QPushButton(tr("Show summary"))
        self.show_button.setProperty("role", "primary")
        self.show_button.clicked.connect(self.show_summary)
        self.format_combo = QComboBox()
        for fmt, choice, _, _ in export_formats():
            self.format_combo.addItem(choice, fmt)
        self.format_combo.setAccessibleName(tr("Save the summary as"))
        self.format_combo.setAccessibleDescription(
            tr(
                "The same summary as a PDF, as a web page a screen reader reads as tables, or as "
                "plain text."
            )
        )
        # Its longest choice in full where there is room; cut on a narrow window (the list
        # that opens always shows every choice whole).
        natural = self.format_combo.sizeHint().width()
        self.format_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.format_combo.setMinimumContentsLength(12)
        self.format_combo.setMaximumWidth(natural)
        format_label = QLabel(tr("Save &as"))
        format_label.setBuddy(self.format_combo)
        self.language_combo = QComboBox()
        for code, choice in summary_languages():
            self.language_combo.addItem(choice, code)
        self.language_combo.setCurrentIndex(self.language_combo.findData(interface_language()))
        self.language_combo.setAccessibleName(tr("Language of the summary"))
        self.language_combo.setAccessibleDescription(
            tr(
                "The words of the summary, on screen and in the exported file. The numbers are the "
                "same in every language."
            )
        )
        language_label = QLabel(tr("&Language"))
        language_label.setBuddy(self.language_combo)
        self.export_button = QPushButton(tr("Export PDF…"))
        self.export_button.clicked.connect(self.export)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.progress.setAccessibleName(tr("Export progress"))
        # Showing, then saving, each on a line of its own: side by side they were wider than
        # the section on a narrow window (1024×768 at 125%), and the export button was cut off.
        layout.addLayout(button_row(self.show_button))
        row.addWidget(format_label)
        row.addWidget(self.format_combo, 1)
        row.addWidget(language_label)
        row.addWidget(self.language_combo)
        row.addWidget(self.export_button)
        row.addWidget(self.progress, 1)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = status_line("", "hint")
        layout.addWidget(self.message)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setAccessibleName(tr("Summary"))
        self.view.setAccessibleDescription(
            tr(
                "The anonymized summary for the chosen period, as it will be exported: small counts are hidden."
            )
        )
        self.view.setPlaceholderText(tr("Choose a period and press Show summary."))
        layout.addWidget(self.view, 1)

        ledger_box = QGroupBox(tr("Summaries exported before"))
        ledger_layout = QVBoxLayout(ledger_box)
        ledger_layout.addWidget(
            label(
                tr(
                    "Each new summary is checked against these, so that no one holding several of them "
                    "can work out a hidden count. The list is kept inside the vault."
                ),
                "hint",
            )
        )
        self.ledger_list = QListWidget()
        self.ledger_list.setAccessibleName(tr("Summaries exported before"))
        self.ledger_list.setAccessibleDescription(
            tr(
                "One row per summary already exported: when, by whom, the period and the privacy threshold. Later summaries are checked against these so no count can be worked out by comparing them."
            )
        )
        self.ledger_list.setMaximumHeight(96)
        ledger_layout.addWidget(self.ledger_list)
        layout.addWidget(ledger_box)
        self.tabs.addTab(summary_page, tr("&Anonymized summary"))
        # The exact figures for the federal form: on screen only, never exported.
        self.voca = VocaFiguresView(vault, self.today)
        self.tabs.addTab(self.voca, tr("&VOCA quarterly figures"))
        self.refresh_settings()

    def today(self) -> date:
        return self._today or date.today()

    def on_show(self) -> None:
        self.refresh_settings()
        self.refresh_ledger()
        if not self._periods_ready:
            self.load_periods()

    def refresh_settings(self) -> None:
        k = report_settings.summary_k(self.vault)
        self.k_text.setText(
            tr(
                "Privacy threshold: groups smaller than {1} are hidden (the office's setting; a "
                "supervisor changes it in Settings)."
            ).format(k - 1, k)
        )

    def refresh_ledger(self) -> None:
        try:
            exports = summary_ledger.list_exports(self.vault)
        except VaultError:
            return  # locked while an export was finishing: the list is read again on unlock
        self.ledger_list.clear()
        if not exports:
            self.ledger_list.addItem(tr("No summary has been exported yet."))
        for info in exports:
            self.ledger_list.addItem(ledger_line(info))

    def load_periods(self) -> None:
        """Fill the chooser with completed periods and select the newest one that has data
        (counted off the GUI thread)."""
        start_month = report_settings.fiscal_year_start_month(self.vault)
        periods = completed_periods(self.today(), start_month)
        self.period_combo.clear()
        words = Words(current_language())  # the interface's language: "Año fiscal federal 2026"
        for period in periods:
            self.period_combo.addItem(worded_label(period, words), period)
        self._periods_ready = True
        vault = self.vault

        def newest() -> int:
            return newest_with_data(periods, lambda p: has_activity(vault, p.start, p.end))

        def done(index: int) -> None:
            if index < self.period_combo.count():
                self.period_combo.setCurrentIndex(index)
            self.periods_chosen = True

        self._operation(newest).success(done).run_in_background()

    def export_format(self) -> str:
        fmt = self.format_combo.currentData()
        return fmt if isinstance(fmt, str) else PDF

    def summary_language(self) -> str:
        code = self.language_combo.currentData()
        return code if code in (EN, ES) else EN

    def _format_changed(self) -> None:
        for fmt, _, button_text, _ in export_formats():
            if fmt == self.export_format():
                self.export_button.setText(button_text)

    def period(self) -> Period | None:
        period = self.period_combo.currentData()
        return period if isinstance(period, Period) else None

    def _busy(self, busy: bool) -> None:
        self.show_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy)
        if not busy:
            self.progress.setVisible(False)

    def show_summary(self) -> None:
        period = self.period()
        if period is None:
            set_message(self.message, tr("Choose a period first."), "error")
            return
        set_message(self.message, tr("Counting…"), "hint")
        today = self.today()
        language = self.summary_language()

        def done(summary: PublishedSummary) -> None:
            self.summary = summary
            self.view.setHtml(summary_html(summary))
            set_message(
                self.message,
                tr("Showing {0}. Privacy threshold: groups smaller than {1} are hidden.").format(
                    summary.period_label, summary.k
                ),
                "ok",
            )

        self._operation(
            lambda: build_summary(self.vault, period, today=today, language=language)
        ).busy(self._busy).success(done).run_in_background()

    def export(self) -> None:
        period = self.period()
        if period is None:
            set_message(self.message, tr("Choose a period first."), "error")
            return
        fmt = self.export_format()
        file_filter = next(f for code, _, _, f in export_formats() if code == fmt)
        path = self._ask_save_path(
            self,
            tr("Export the anonymized summary"),
            safe_file_name(period, fmt),
            file_filter,
            confirm_overwrite=False,
        )
        if path is None:
            return
        path = Path(path)
        overwrite = False
        if path.exists() and not path.is_dir():
            if not confirm(
                self,
                tr("Replace file"),
                tr("A file named {0} is already there. Replace it with this summary?").format(
                    path.name
                ),
                tr("Replace file"),
            ):
                return
            overwrite = True
        self.progress.setValue(0)
        self.progress.setVisible(True)
        today = self.today()
        language = self.summary_language()

        def done(summary: PublishedSummary) -> None:
            self.summary = summary
            self.view.setHtml(summary_html(summary))
            set_message(self.message, tr("Saved the summary ({0}).").format(path.name), "ok")
            self.refresh_ledger()

        self._operation(
            lambda report: export_file(
                self.vault,
                period,
                path,
                fmt,
                overwrite=overwrite,
                progress=report,
                today=today,
                language=language,
            )
        ).busy(self._busy).progress(self.progress.setValue).success(done).run_in_background()

    def _operation(self, work: Callable[..., T]) -> Operation[T]:
        """Counting and exporting off the GUI thread; what went wrong goes in the message line
        (an existing file or a refused output says so in its own words)."""
        return (
            Operation(self, work)
            .expect(OutputExists, OutputProblem, ValueError)
            .file_error(
                tr(
                    "The summary could not be written there (the folder may be read-only or "
                    "full). Nothing was left half-written. Choose another place."
                )
            )
            .failure(lambda text: set_message(self.message, text, "error"))
        )
