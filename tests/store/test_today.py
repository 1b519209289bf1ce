"""The Today view: my overdue and due-soon needs, the next 14 days, and who has gone quiet."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from advocate_app.store import appointments, clients, needs, notes, today, users
from advocate_app.store.appointments import AppointmentFields
from advocate_app.store.clients import ClientFields
from advocate_app.store.vault import Vault
from tests.store.query_plans import plans_of

ON = date.today()


def days(n: int) -> date:
    return ON + timedelta(days=n)


def at(n: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.combine(days(n), time(hour, minute))


def client(vault: Vault, alias: str, *, intake: int | None = -90, **kw) -> int:
    return clients.create_client(
        vault,
        ClientFields(alias=alias, intake_date=days(intake) if intake is not None else None, **kw),
    )


def contact(vault: Vault, client_id: int, days_ago: int) -> None:
    notes.add_note(
        vault,
        client_id,
        "contact",
        "Checked in by phone",
        at=datetime.combine(days(-days_ago), time(12)),
    )


@pytest.fixture
def other_user(vault: Vault) -> str:
    return users.add_user(vault, "Dana", "advocate").user.id


def test_overdue_and_due_this_week_are_mine_and_never_settled(
    vault: Vault, other_user: str
) -> None:
    me = vault.current_user.id
    rosa = client(vault, "Rosa")
    late = needs.add_need(vault, rosa, "housing", "Rental assistance", due_date=days(-3))
    later = needs.add_need(
        vault, rosa, "license_id", "State ID card", due_date=days(-10), status="in_progress"
    )
    for status in ("declined", "met", "not_needed"):
        needs.add_need(
            vault, rosa, "financial", f"Settled {status}", status=status, due_date=days(-5)
        )
        needs.add_need(
            vault, rosa, "education", f"Settled soon {status}", status=status, due_date=days(2)
        )
    today_need = needs.add_need(vault, rosa, "health_care", "Dental care", due_date=ON)
    week_end = needs.add_need(vault, rosa, "transportation", "Gas cards", due_date=days(7))
    needs.add_need(vault, rosa, "childcare", "Emergency childcare", due_date=days(8))
    needs.add_need(vault, rosa, "employment", "No due date")
    theirs = client(vault, "Star", assigned_user_id=other_user)
    needs.add_need(vault, theirs, "housing", "Not mine", due_date=days(-3))
    closed = client(vault, "Closed one")
    needs.add_need(vault, closed, "housing", "Closed client's", due_date=days(-3))
    clients.close_client(vault, closed, "Services complete")

    view = today.compute(vault, me, ON, 30)

    assert [r.need_id for r in view.overdue] == [later, late]  # oldest due date first
    assert [r.need_id for r in view.due_this_week] == [today_need, week_end]
    row = view.overdue[0]
    assert (row.client_id, row.alias, row.label, row.status, row.due_date) == (
        rosa,
        "Rosa",
        "State ID card",
        "in_progress",
        days(-10),
    )
    assert row.open_at == {"tab": "needs", "need_id": later}
    assert view.totals["overdue"] == 2 and view.totals["due_this_week"] == 2

    # Declining the overdue need takes it off the list; it is never shown as late.
    needs.mark_declined(vault, late)
    assert [r.need_id for r in today.compute(vault, me, ON, 30).overdue] == [later]
    # The other advocate sees her own.
    assert [r.label for r in today.compute(vault, other_user, ON, 30).overdue] == ["Not mine"]


def test_upcoming_appointments_in_the_next_14_days(vault: Vault) -> None:
    me = vault.current_user.id
    rosa = client(vault, "Rosa")
    star = client(vault, "Star")

    def add(cid: int, when: datetime, kind: str = "court_hearing") -> int:
        return appointments.add_appointment(
            vault,
            cid,
            AppointmentFields(starts_at=when, kind=kind, place="District Court", accompanied=True),
        )

    add(rosa, at(-1))  # yesterday: gone
    this_morning = add(star, at(0, 8))
    in_two = add(rosa, at(2, 9, 30), "dmv")
    last_day = add(star, at(14, 23, 0), "medical")
    add(rosa, at(15, 0, 0))  # day 15: not yet

    view = today.compute(vault, me, ON, 30)
    assert [r.appointment_id for r in view.upcoming] == [this_morning, in_two, last_day]
    second = view.upcoming[1]
    assert (second.alias, second.kind, second.starts_at, second.place, second.accompanied) == (
        "Rosa",
        "dmv",
        at(2, 9, 30),
        "District Court",
        True,
    )
    assert second.open_at == {"tab": "appointments", "appointment_id": in_two}
    assert view.totals["upcoming"] == 3


def test_no_contact_in_n_days(vault: Vault, other_user: str) -> None:
    me = vault.current_user.id
    quiet = client(vault, "Quiet")
    contact(vault, quiet, 40)
    contact(vault, client(vault, "Recent"), 10)
    client(vault, "Never", intake=-60)
    client(vault, "New intake", intake=-5)  # new, not forgotten
    client(vault, "No intake date", intake=None)  # record made today: new too
    theirs = client(vault, "Theirs", assigned_user_id=other_user)
    contact(vault, theirs, 90)
    closed = client(vault, "Closed")
    clients.close_client(vault, closed, "Moved away")

    view = today.compute(vault, me, ON, 30)
    assert [r.alias for r in view.no_contact] == ["Never", "Quiet"]  # never contacted first
    assert view.no_contact[0].last_contact_at is None
    assert view.no_contact[1].last_contact_at.date() == days(-40)
    assert view.no_contact[0].open_at == {"tab": "notes"}

    # The setting changes who counts as quiet (the 5-day-old intake is still new at 7 days).
    assert {r.alias for r in today.compute(vault, me, ON, 7).no_contact} == {
        "Never",
        "Quiet",
        "Recent",
    }
    assert [r.alias for r in today.compute(vault, me, ON, 61).no_contact] == []
    contact(vault, quiet, 1)
    assert [r.alias for r in today.compute(vault, me, ON, 30).no_contact] == ["Never"]


def test_lists_are_capped_but_totals_are_full(vault: Vault) -> None:
    me = vault.current_user.id
    for i in range(5):
        cid = client(vault, f"Client {i}")
        needs.add_need(vault, cid, "housing", "Rental assistance", due_date=days(-1 - i))
        appointments.add_appointment(
            vault, cid, AppointmentFields(starts_at=at(1 + i), kind="medical")
        )
    view = today.compute(vault, me, ON, 30, limit=2)
    assert len(view.overdue) == 2 and view.totals["overdue"] == 5
    assert [r.due_date for r in view.overdue] == [days(-5), days(-4)]
    assert len(view.upcoming) == 2 and view.totals["upcoming"] == 5
    assert len(view.no_contact) == 2 and view.totals["no_contact"] == 5
    assert not view.is_empty
    assert view.more_than_counted == frozenset()


def test_counts_stop_early_and_say_so(vault: Vault) -> None:
    """A count reads at most count_limit + 1 rows: the view costs the same at any caseload."""
    me = vault.current_user.id
    for i in range(5):
        cid = client(vault, f"Client {i}")
        needs.add_need(vault, cid, "housing", "Rental assistance", due_date=days(-1 - i))
    needs.add_need(vault, cid, "housing", "Due soon", due_date=days(1))
    view = today.compute(vault, me, ON, 30, limit=2, count_limit=3)
    assert view.totals["overdue"] == 3 and view.totals["no_contact"] == 3
    assert view.more_than_counted == {"overdue", "no_contact"}
    assert view.totals["due_this_week"] == 1  # under the limit: exact
    assert [r.due_date for r in view.overdue] == [days(-5), days(-4)]


def test_waiting_needs_are_read_from_the_partial_index(vault: Vault) -> None:
    """Overdue and due-soon read only needs still waiting, in due-date order, never a sort of
    every need and never a settled one."""
    from sqlalchemy import select, text

    from advocate_app.store.models import NeedItem

    # The words the Today view uses (today.WAITING_SQL), which the partial index repeats.
    stmt = (
        select(NeedItem.id)
        .where(text(today.WAITING_SQL), NeedItem.due_date < ON)
        .order_by(NeedItem.due_date)
        .limit(200)
    )
    with vault.read() as s:
        compiled = stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": True})
        plan = " | ".join(str(r[-1]) for r in s.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
    assert "ix_need_items_waiting" in plan and "TEMP B-TREE" not in plan, plan


def test_an_empty_day(vault: Vault) -> None:
    view = today.compute(vault, vault.current_user.id, ON, 30)
    assert view.is_empty
    assert (view.overdue, view.due_this_week, view.upcoming, view.no_contact) == ([], [], [], [])


def test_each_group_is_one_scan_of_indexes_never_of_a_table(vault: Vault, other_user: str) -> None:
    """At any caseload: one statement per group, whose scan reads covering indexes only; whether
    an entry's client is mine is asked of the owner index (0011), never of the client's row,
    and only the entries kept aside (at most count_limit + 1) are scanned again."""
    me = vault.current_user.id
    for i, owner in enumerate([me, other_user, me]):
        cid = client(vault, f"Client {i}", assigned_user_id=owner)
        needs.add_need(vault, cid, "housing", "Rental assistance", due_date=days(-3))
        needs.add_need(vault, cid, "transportation", "Bus pass", due_date=days(2))
        appointments.add_appointment(vault, cid, AppointmentFields(starts_at=at(3), kind="medical"))
    plans = plans_of(vault, lambda: today.compute(vault, me, ON, 30))
    assert len(plans) == 4, plans  # overdue, due this week, upcoming, no contact
    overdue, due_soon, upcoming, quiet = plans
    for plan in plans:
        scanned = [step for step in plan.split(" | ") if step.startswith("SCAN")]
        assert all(step.split()[1].startswith("first_") for step in scanned), plan
    for plan in (overdue, due_soon):
        assert "SEARCH need_items USING COVERING INDEX ix_need_items_waiting" in plan, plan
    assert "SEARCH appointments USING COVERING INDEX ix_appointments_starts_at" in upcoming
    for plan in (overdue, due_soon, upcoming):
        assert "SEARCH owner USING COVERING INDEX ix_clients_owner" in plan, plan
    assert "SEARCH clients USING COVERING INDEX ix_clients_assigned_user_id" in quiet, quiet
    view = today.compute(vault, me, ON, 30)
    assert (view.totals["overdue"], view.totals["due_this_week"], view.totals["upcoming"]) == (
        2,
        2,
        2,
    )
