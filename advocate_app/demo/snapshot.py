"""A demo vault's records as a person could see them, for comparing two moments: a scenario
played forward and back must end where it began.

No Qt here.
"""

from __future__ import annotations

from advocate_app.store import appointments, clients, needs, notes, referrals, resources
from advocate_app.store.clients import ClientQuery
from advocate_app.store.vault import Vault


def demo_snapshot(vault: Vault) -> tuple[object, ...]:
    """What a person could see in the vault's records, without ids or write times.

    Two snapshots are equal when every client, note, need (with its status history),
    appointment, referral and local resource reads the same: the smoke test uses it to check
    that a scenario played forward and back ends where it began.
    """
    people = []
    query = ClientQuery(status="all")
    for row in clients.all_clients(vault, query):
        client_id = row.id
        people.append(
            (
                row.alias,
                row.status,
                row.intake_date,
                row.assigned_name,
                row.last_contact_at,
                tuple(
                    sorted(
                        (n.kind, n.body, n.created_at, n.edited_at)
                        for n in notes.list_notes(vault, client_id)
                    )
                ),
                tuple(
                    sorted(
                        (
                            n.category,
                            n.label,
                            n.status,
                            n.priority or "",
                            n.next_step,
                            n.due_date,
                            n.note_line,
                            n.resource_name or "",
                            tuple(
                                (h.status, h.changed_on) for h in needs.status_history(vault, n.id)
                            ),
                        )
                        for n in needs.list_needs(vault, client_id)
                    )
                ),
                tuple(
                    (a.starts_at, a.kind, a.place, a.accompanied, a.outcome or "")
                    for a in appointments.list_appointments(vault, client_id)
                ),
                tuple(
                    sorted(
                        (r.resource_name, r.resource_category, r.referred_on)
                        for r in referrals.list_referrals(vault, client_id)
                    )
                ),
            )
        )
    directory = tuple(sorted(repr(e.fields) for e in resources.local_resources(vault)))
    return tuple(sorted(people, key=repr)), directory
