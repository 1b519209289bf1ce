"""The Today view and the needs panel together: Today follows what changes in a client's needs
and opens the client at the need a person picks, used as a person would.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from advocate_app.settings import Settings
from advocate_app.store import appointments, needs
from advocate_app.store.appointments import AppointmentFields
from advocate_app.store.vault import Vault
from advocate_app.ui.qt import Qt
from advocate_app.ui.today.section import TodaySection
from tests.ui.needs_helpers import (
    ALT,
    make_panel,
    status_shown,
)

# --------------------------------------------------------------------------- Today


def test_today_view_updates_and_opens_the_client_at_the_need(
    qtbot, vault: Vault, client_id: int, today: date
) -> None:
    section = TodaySection(vault, Settings())
    qtbot.addWidget(section)
    section.resize(1000, 700)
    section.show()
    # The rows arrive from a worker thread; until then the page shows its empty lists.
    assert section.overdue.stack.currentWidget() is section.overdue.tree
    with qtbot.waitSignal(section.shown, timeout=10000):
        section.on_show()
    assert section.overdue.stack.currentWidget() is section.overdue.empty
    assert section.overdue.empty.text().startswith("Nothing overdue.")
    assert section.overdue.title() == "Overdue"
    # Rosa's intake was 60 days ago and no contact is recorded.
    assert section.quiet.row_texts(0) == ["Rosa K", "None recorded yet"]

    need_id = needs.add_need(
        vault, client_id, "housing", "Rental assistance", due_date=today - timedelta(days=3)
    )
    appointments.add_appointment(
        vault,
        client_id,
        AppointmentFields(
            starts_at=datetime.combine(today + timedelta(days=1), time(9, 30)),
            kind="court_hearing",
            place="District Court",
            accompanied=True,
        ),
    )
    with qtbot.waitSignal(section.shown, timeout=10000):
        section.on_show()
    assert section.overdue.title() == "Overdue (1)"
    texts = section.overdue.row_texts(0)
    assert texts[0] == "Rosa K" and texts[1] == "Rental assistance · Housing"
    assert texts[2].endswith("(3 days ago)") and texts[3] == "Not started"
    upcoming = section.upcoming.row_texts(0)
    assert upcoming[0].startswith("Tomorrow, ") and upcoming[1] == "Rosa K"
    assert upcoming[2] == "Court hearing · District Court" and upcoming[3] == "Yes"

    # Enter on the line asks to open Rosa's needs at that need.
    tree = section.overdue.tree
    tree.setFocus()
    tree.setCurrentIndex(tree.model().index(0, 0))
    with qtbot.waitSignal(section.open_client) as opened:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert opened.args == [client_id, {"tab": "needs", "need_id": need_id}]

    # There, marking it declined by keyboard takes it off Today: declined is never overdue.
    panel = make_panel(qtbot, vault, client_id)
    assert panel.select_need(need_id)
    qtbot.keyClick(panel.view, Qt.Key.Key_4, ALT)
    assert status_shown(panel, need_id) == "Declined by client"
    with qtbot.waitSignal(section.shown, timeout=10000):
        section.on_show()
    assert section.overdue.stack.currentWidget() is section.overdue.empty
    assert section.overdue.title() == "Overdue"

    with qtbot.waitSignal(section.open_client) as opened:
        section.upcoming.tree.setFocus()
        qtbot.keyClick(section.upcoming.tree, Qt.Key.Key_Return)
    assert opened.args[0] == client_id and opened.args[1]["tab"] == "appointments"
