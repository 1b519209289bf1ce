"""The office's summary settings (supervisors): the privacy threshold k and the month its
fiscal year starts. Kept in the vault; every change is audited by the store."""

from __future__ import annotations

from advocate_app.store import report_settings
from advocate_app.store.errors import VaultError
from advocate_app.store.vault import Vault
from advocate_app.ui.qt import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QSpinBox,
    tr,
)
from advocate_app.ui.widgets import (
    add_form_rows,
    button_row,
    confirm,
    described_button,
    label,
    status_line,
)


class SummarySettingsBox(QGroupBox):
    """The office's one privacy threshold k and its fiscal year (supervisors). Kept in the
    vault; every change is audited by the store."""

    def __init__(self, vault: Vault) -> None:
        super().__init__(tr("Anonymized summary"))
        self.vault = vault
        form = QFormLayout(self)
        self.k = QSpinBox()
        self.k.setRange(report_settings.MIN_K, report_settings.MAX_K)
        self.k.setMaximumWidth(180)
        self.k.setAccessibleName(tr("Smallest count shown in the summary"))
        add_form_rows(form, [(tr("Smallest count &shown (k)"), self.k)])
        form.addRow(
            "",
            label(
                tr(
                    "Counts from 1 to k − 1 are hidden in every summary. 11 is the common standard; "
                    "5 to 20 are allowed. Keep one value: summaries of the same months made with "
                    "different thresholds can be combined to uncover hidden counts, so choose it once "
                    "and change it only for a strong reason."
                ),
                "hint",
            ),
        )
        self.fy_start = QComboBox()
        self.fy_start.setAccessibleName(tr("First month of the fiscal year"))
        self.fy_start.setAccessibleDescription(
            tr(
                "Fiscal quarters and years in the summary are counted from this month; a change "
                "is recorded in the audit log."
            )
        )
        for number, name in enumerate(
            (
                tr("January"),
                tr("February"),
                tr("March"),
                tr("April"),
                tr("May"),
                tr("June"),
                tr("July"),
                tr("August"),
                tr("September"),
                tr("October"),
                tr("November"),
                tr("December"),
            ),
            start=1,
        ):
            self.fy_start.addItem(name, number)
        self.fy_start.setMaximumWidth(180)
        add_form_rows(form, [(tr("&Fiscal year starts in"), self.fy_start)])
        self.save_button = described_button(
            tr("Save summary settings…"),
            tr(
                "Asks first, then keeps the privacy threshold and fiscal year for every summary "
                "of the office; the change is recorded in the audit log."
            ),
            self.save,
        )
        form.addRow("", button_row(self.save_button))
        self.status = status_line("", "ok")
        form.addRow("", self.status)
        self.load()

    def load(self) -> None:
        self.k.setValue(report_settings.summary_k(self.vault))
        self.fy_start.setCurrentIndex(report_settings.fiscal_year_start_month(self.vault) - 1)

    def save(self) -> None:
        k, month = self.k.value(), self.fy_start.currentData()
        old_k = report_settings.summary_k(self.vault)
        old_month = report_settings.fiscal_year_start_month(self.vault)
        if k == old_k and month == old_month:
            self.status.setText(tr("Nothing changed."))
            return
        if not confirm(
            self,
            tr("Change the summary settings"),
            tr(
                "Summaries already given out hid groups smaller than {0}. Someone who holds a "
                "summary made with a threshold of {0} and one made with {1} may be able to work "
                "out counts that each of them hides. The app checks new summaries against "
                "those exported before, and may hide more to prevent it. The change is "
                "recorded in the audit log."
            ).format(old_k, k)
            if k != old_k
            else tr(
                "Change the fiscal year's first month? Fiscal quarters and years will be "
                "counted from the new month. The change is recorded in the audit log."
            ),
            tr("Change settings"),
        ):
            self.load()
            return
        try:
            if k != old_k:
                report_settings.set_summary_k(self.vault, k)
            if month != old_month:
                report_settings.set_fiscal_year_start_month(self.vault, month)
        except VaultError as exc:
            self.status.setText(exc.message)
            return
        self.status.setText(tr("Saved: groups smaller than {0} are hidden.").format(k))
