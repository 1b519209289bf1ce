"""A client's appointments: added and given an outcome with the keyboard and the mouse, checking
what is on screen; the appointments model passes Qt's model tester.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from advocate_app.store import appointments
from advocate_app.store.appointments import AppointmentFields
from advocate_app.store.vault import Vault
from advocate_app.ui.appointments.model import AppointmentsModel
from advocate_app.ui.appointments.panel import AppointmentsPanel
from advocate_app.ui.qt import QDate, Qt, QTime
from tests.ui.needs_helpers import (
    LEFT,
)


def test_appointments_model_passes_the_model_tester(
    qtmodeltester, vault: Vault, client_id: int, today: date
) -> None:
    appointments.add_appointment(
        vault,
        client_id,
        AppointmentFields(
            starts_at=datetime.combine(today, time(9, 30)),
            kind="court_hearing",
            place="District Court",
            accompanied=True,
        ),
    )
    model = AppointmentsModel(vault, client_id)
    model.reload()
    qtmodeltester.check(model)


# --------------------------------------------------------------------------- appointments


def test_add_an_appointment_then_record_its_outcome(
    qtbot, vault: Vault, client_id: int, today: date
) -> None:
    panel = AppointmentsPanel(vault, client_id)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.stack.currentWidget() is panel.empty
    qtbot.mouseClick(panel.add_button, LEFT)
    dialog = panel.dialog
    court_day = today + timedelta(days=3)
    dialog.date.setDate(QDate(court_day.year, court_day.month, court_day.day))
    dialog.time.setTime(QTime(9, 30))
    dialog.kind.setFocus()
    qtbot.keyClicks(dialog.kind, "Pro")  # type-ahead: "Protective order hearing"
    qtbot.keyClicks(dialog.place, "District Court, Courtroom 2")
    qtbot.mouseClick(dialog.accompanied, LEFT)
    qtbot.mouseClick(dialog.save_button, LEFT)

    model = panel.model
    assert panel.stack.currentWidget() is panel.table
    assert [model.data(model.index(0, c)) for c in range(1, 4)] == [
        "Protective order hearing",
        "District Court, Courtroom 2",
        "Yes",
    ]
    saved = appointments.list_appointments(vault, client_id)[0]
    assert saved.starts_at == datetime.combine(court_day, time(9, 30))

    # Afterwards: Enter on the row opens it; the outcome is typed and saved.
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    edit = panel.dialog
    assert edit is not None and edit.place.text() == "District Court, Courtroom 2"
    qtbot.keyClicks(edit.outcome, "Order granted for one year")
    qtbot.mouseClick(edit.save_button, LEFT)
    assert model.data(model.index(0, AppointmentsModel.COL_OUTCOME)) == (
        "Order granted for one year"
    )
    assert panel.select_appointment(saved.id)
