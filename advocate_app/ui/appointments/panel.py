"""A client's appointments tab: the table, with the next one selected, and add, edit, remove."""

from __future__ import annotations

from datetime import datetime

from advocate_app.store import appointments
from advocate_app.store.appointments import AppointmentView
from advocate_app.store.errors import VaultError
from advocate_app.store.vault import Vault
from advocate_app.ui.appointments.dialog import AppointmentDialog
from advocate_app.ui.appointments.model import AppointmentsModel
from advocate_app.ui.lists import ListPane
from advocate_app.ui.qt import (
    QAbstractItemView,
    QAction,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
)
from advocate_app.ui.widgets import confirm, primary_button, status_line


class AppointmentsPanel(QWidget):
    """A client's appointments and court dates, oldest first, with the next one selected."""

    changed = Signal()

    def __init__(self, vault: Vault, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.client_id = client_id
        self.dialog: AppointmentDialog | None = None
        self.model = AppointmentsModel(vault, client_id, self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        buttons = QHBoxLayout()
        self.add_button = primary_button(tr("Add appointment…"))
        self.add_button.setDefault(False)
        self.add_button.setAutoDefault(False)
        self.add_button.setAccessibleDescription(
            tr("Adds a court date or appointment; the next 14 days also show on Today.")
        )
        self.add_button.clicked.connect(self.open_add)
        self.edit_button = QPushButton(tr("Edit…"))
        self.edit_button.setToolTip(tr("Change the time or record the outcome (Enter)"))
        self.edit_button.clicked.connect(self.open_edit)
        self.remove_button = QPushButton(tr("Remove…"))
        self.remove_button.setAccessibleDescription(
            tr("Removes the selected appointment from the client's record, after asking.")
        )
        self.remove_button.clicked.connect(self.remove_current)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        outer.addLayout(buttons)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Appointments"))
        self.table.setAccessibleDescription(
            tr(
                "One row per court date or appointment: when, what, where, whether the advocate "
                "goes, and the outcome. Enter edits the selected one."
            )
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(len(AppointmentsModel.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AppointmentsModel.COL_PLACE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AppointmentsModel.COL_OUTCOME, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.open_edit())
        self.stack = ListPane(
            self.table,
            tr(
                "No appointments or court dates yet. Use “Add appointment…” to record one; "
                "court dates in the next two weeks also appear on the Today page."
            ),
        )
        self.empty = self.stack.empty
        outer.addWidget(self.stack, 1)
        self.message = status_line("", "error")
        outer.addWidget(self.message)
        remove = QAction(tr("Remove…"), self)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_current)
        self.table.addAction(remove)
        self.refresh()

    def set_client(self, client_id: int) -> None:
        self.client_id = client_id
        self.model.client_id = client_id
        self.refresh()

    def refresh(self) -> None:
        current = self.current_appointment()
        self.model.reload()
        has_rows = self.model.rowCount() > 0
        self.stack.show_rows(has_rows)
        self.edit_button.setEnabled(has_rows)
        self.remove_button.setEnabled(has_rows)
        if current is not None and self.model.row_for(current.id) >= 0:
            self.select_appointment(current.id)
        elif has_rows:
            self._select_row(self.model.first_upcoming_row(datetime.now()))

    def select_appointment(self, appointment_id: int) -> bool:
        row = self.model.row_for(appointment_id)
        if row < 0:
            self.model.reload()
            self.stack.show_rows(self.model.rowCount() > 0)
            row = self.model.row_for(appointment_id)
            if row < 0:
                return False
        self._select_row(row)
        self.table.setFocus()
        return True

    def current_appointment(self) -> AppointmentView | None:
        index = self.table.currentIndex()
        return self.model.appointment_at(index.row()) if index.isValid() else None

    def open_add(self) -> None:
        self._open_dialog(None)

    def open_edit(self) -> None:
        appointment = self.current_appointment()
        if appointment is None:
            self.message.setText(tr("Select an appointment first."))
            return
        self._open_dialog(appointment)

    def remove_current(self) -> None:
        appointment = self.current_appointment()
        if appointment is None:
            self.message.setText(tr("Select an appointment first."))
            return
        if not confirm(
            self,
            tr("Remove appointment"),
            tr("Remove this appointment from the client's record?"),
            tr("Remove appointment"),
        ):
            return
        try:
            appointments.delete_appointment(self.vault, appointment.id)
        except VaultError as exc:
            self.message.setText(exc.message)
            return
        self.refresh()
        self.changed.emit()

    def _open_dialog(self, existing: AppointmentView | None) -> None:
        dialog = AppointmentDialog(existing, self)
        dialog.accepted.connect(lambda: self._save(dialog, existing))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _save(self, dialog: AppointmentDialog, existing: AppointmentView | None) -> None:
        self.dialog = None
        try:
            if existing is None:
                appointment_id = appointments.add_appointment(
                    self.vault, self.client_id, dialog.fields()
                )
            else:
                appointments.update_appointment(self.vault, existing.id, dialog.fields())
                appointment_id = existing.id
        except VaultError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText("")
        self.model.reload()
        self.stack.show_rows(True)
        self.edit_button.setEnabled(True)
        self.remove_button.setEnabled(True)
        self.select_appointment(appointment_id)
        self.changed.emit()

    def _select_row(self, row: int) -> None:
        if row < 0:
            return
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
