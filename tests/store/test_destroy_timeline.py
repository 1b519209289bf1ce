"""Destroying a client leaves no timeline of them in the audit log (issue 12 point 9)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select

from advocate_app.store import appointments, clients, needs, notes, releases
from advocate_app.store.appointments import AppointmentFields
from advocate_app.store.clients import ClientFields
from advocate_app.store.models import AuditEvent
from advocate_app.store.vault import Vault


def _events(vault: Vault) -> list[AuditEvent]:
    with vault.read() as s:
        return list(s.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def test_destroy_turns_the_clients_events_into_one_content_free_entry(vault: Vault) -> None:
    other = clients.create_client(vault, ClientFields(alias="Stays"))
    other_note = notes.add_note(vault, other, "contact", "stays")
    cid = clients.create_client(vault, ClientFields(alias="Goes Away"))
    note_ids = [notes.add_note(vault, cid, "contact", f"note {i}") for i in range(3)]
    notes.edit_note(vault, note_ids[0], "contact", "edited")
    need_id = needs.add_need(vault, cid, "housing", "Emergency shelter")
    appt = appointments.add_appointment(
        vault,
        cid,
        AppointmentFields(starts_at=datetime.now() + timedelta(days=3), kind="court_hearing"),
    )
    appointments.set_outcome(vault, appt, "continued")
    rel = releases.add_release(
        vault,
        cid,
        recipient="a shelter",
        information="x",
        purpose="y",
        signed_on=date.today(),
        expires_on=date.today(),
    )
    clients.open_client(vault, cid)
    before = _events(vault)
    child_kinds = {("note", n) for n in note_ids} | {
        ("need", need_id),
        ("appointment", appt),
        ("release", rel),
    }
    assert any((e.record_kind, e.record_id) in child_kinds for e in before)

    clients.destroy_client(vault, cid, "Goes Away")

    after = _events(vault)
    # Nothing points at the destroyed client or anything that was theirs...
    assert not any((e.record_kind, e.record_id) in child_kinds for e in after)
    assert not any(e.record_kind == "client" and e.record_id == cid for e in after)
    # ...and their actions are gone, not merely unlinked: no dated trail of a person.
    gone = [
        e
        for e in before
        if (e.record_kind, e.record_id) in child_kinds
        or (e.record_kind == "client" and e.record_id == cid)
    ]
    assert len(gone) >= 8
    assert len(after) == len(before) - len(gone) + 1
    # One entry says a record was destroyed, dated by the day only, with no record id.
    destroyed = [e for e in after if e.action == "record_destroyed"]
    assert len(destroyed) == 1
    entry = destroyed[0]
    assert entry.record_id is None and entry.record_kind is None
    assert (entry.at.hour, entry.at.minute, entry.at.second, entry.at.microsecond) == (0, 0, 0, 0)
    # The other client's history is untouched.
    assert any(e.record_kind == "note" and e.record_id == other_note for e in after)
    assert any(e.record_kind == "client" and e.record_id == other for e in after)
