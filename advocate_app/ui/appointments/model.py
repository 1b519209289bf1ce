"""A client's appointments and court dates as a table model, oldest first."""

from __future__ import annotations

from datetime import datetime

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import appointments
from advocate_app.store.appointments import AppointmentView
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import APPOINTMENT_KINDS
from advocate_app.ui.format import fmt_datetime
from advocate_app.ui.lists import AnyIndex, column_header
from advocate_app.ui.qt import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
    tr,
    tr_marked,
)
from advocate_app.ui.roles import APPOINTMENT_ID_ROLE


class AppointmentsModel(QAbstractTableModel):
    COL_WHEN, COL_KIND, COL_PLACE, COL_ACCOMPANIED, COL_OUTCOME = range(5)
    HEADERS = (
        QT_TR_NOOP("When"),
        QT_TR_NOOP("What"),
        QT_TR_NOOP("Where"),
        QT_TR_NOOP("Advocate goes"),
        QT_TR_NOOP("Outcome"),
    )
    # What each column holds, for a screen reader (its accessible description).
    DESCRIPTIONS = (
        QT_TR_NOOP("Date and time it starts; earliest first."),
        QT_TR_NOOP("What kind it is, such as a court date."),
        QT_TR_NOOP("The place it happens."),
        QT_TR_NOOP("Whether an advocate goes with the client."),
        QT_TR_NOOP("What happened, once it has taken place."),
    )

    def __init__(self, vault: Vault, client_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.client_id = client_id
        self._rows: list[AppointmentView] = []

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = appointments.list_appointments(self.vault, self.client_id)
        self.endResetModel()

    def appointment_at(self, row: int) -> AppointmentView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_for(self, appointment_id: int) -> int:
        for row, appointment in enumerate(self._rows):
            if appointment.id == appointment_id:
                return row
        return -1

    def first_upcoming_row(self, now: datetime) -> int:
        for row, appointment in enumerate(self._rows):
            if appointment.starts_at >= now.replace(hour=0, minute=0, second=0, microsecond=0):
                return row
        return len(self._rows) - 1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return column_header(self.HEADERS, self.DESCRIPTIONS, section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        appointment = self.appointment_at(index.row()) if index.isValid() else None
        if appointment is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            column = index.column()
            if column == self.COL_WHEN:
                return fmt_datetime(appointment.starts_at, utc=False)
            if column == self.COL_KIND:
                return tr_marked(APPOINTMENT_KINDS.get(appointment.kind, appointment.kind))
            if column == self.COL_PLACE:
                return appointment.place
            if column == self.COL_ACCOMPANIED:
                return tr("Yes") if appointment.accompanied else tr("No")
            if column == self.COL_OUTCOME:
                if appointment.outcome:
                    return appointment.outcome
                if appointment.starts_at < datetime.now():
                    return tr("Not recorded yet")
                return ""
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_OUTCOME:
            return appointment.outcome
        if role == APPOINTMENT_ID_ROLE:
            return appointment.id
        return None
