"""Clients and notes in the store: editing, uniqueness, search and destroying a record."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from advocate_app.store import clients, drafts, notes, releases
from advocate_app.store.clients import ClientFields, ClientQuery
from advocate_app.store.errors import InvalidInput, NotAllowed
from advocate_app.store.vault import Vault
from tests.helpers import HOSTILE_QUERIES, scan_for


def make(vault: Vault, alias: str, **kw) -> int:
    return clients.create_client(vault, ClientFields(alias=alias, **kw))


def test_create_edit_close_reopen(vault: Vault) -> None:
    cid = make(vault, "Rosa K", age_group="18-24", trafficking_type="labor")
    record = clients.open_client(vault, cid)
    assert record.fields.alias == "Rosa K"
    assert record.assigned_name == "Maria"
    changed = ClientFields(
        **{**record.fields.__dict__, "preferred_language": "Spanish", "interpreter_needed": True}
    )
    clients.update_client(vault, cid, changed)
    assert clients.open_client(vault, cid).fields.preferred_language == "Spanish"
    clients.close_client(vault, cid, "Moved out of the area")
    closed = clients.open_client(vault, cid)
    assert closed.status == "closed" and closed.closing_reason == "Moved out of the area"
    clients.reopen_client(vault, cid)
    assert clients.open_client(vault, cid).status == "open"


def test_only_the_alias_is_required(vault: Vault) -> None:
    with pytest.raises(InvalidInput, match="alias"):
        make(vault, "   ")
    cid = make(vault, "J")
    assert clients.open_client(vault, cid).fields.intake_date is None


def test_alias_unique_among_open_clients(vault: Vault) -> None:
    first = make(vault, "Star")
    with pytest.raises(InvalidInput, match="already has this alias"):
        make(vault, "star")
    clients.close_client(vault, first, "Services complete")
    second = make(vault, "Star")  # a closed client's alias may be reused
    assert second != first
    with pytest.raises(InvalidInput):
        clients.reopen_client(vault, first)


def test_bad_codes_and_future_dates_are_refused(vault: Vault) -> None:
    with pytest.raises(InvalidInput):
        make(vault, "A", age_group="teen")
    with pytest.raises(InvalidInput):
        make(vault, "B", intake_date=date.today() + timedelta(days=3))


def test_every_open_is_audited(vault: Vault) -> None:
    from advocate_app.store import audit

    cid = make(vault, "Audited")
    clients.open_client(vault, cid)
    clients.open_client(vault, cid)
    with vault.read() as s:
        events = [e for e in audit.recent(s) if e.action == "client_opened"]
    assert len(events) == 2 and all(e.record_id == cid for e in events)


def test_list_pages_filters_and_sorts(vault: Vault) -> None:
    for i in range(30):
        make(vault, f"Client {i:02d}")
    make(vault, "Zed")
    query = ClientQuery(status="open")
    assert clients.count_clients(vault, query) == 31
    page = clients.list_clients(vault, query, limit=10)
    assert [r.alias for r in page][:2] == ["Client 00", "Client 01"]
    rest = clients.list_clients(vault, query, page[-1], limit=30)
    assert len(rest) == 21 and rest[0].alias == "Client 10" and rest[-1].alias == "Zed"
    assert [r.alias for r in clients.list_clients(vault, ClientQuery(text="zE"))] == ["Zed"]
    assert clients.list_clients(vault, ClientQuery(text="100%_")) == []
    desc = clients.list_clients(vault, ClientQuery(descending=True), limit=1)
    assert desc[0].alias == "Zed"


def test_notes_timeline_edit_and_search(vault: Vault) -> None:
    cid = make(vault, "Lupe")
    first = notes.add_note(vault, cid, "contact", "Called about the housing application.")
    second = notes.add_note(vault, cid, "court", "Accompanied to the protective order hearing.")
    timeline = notes.list_notes(vault, cid)
    assert [n.id for n in timeline] == [second, first]  # newest first
    assert timeline[0].author_name == "Maria"

    hits = notes.search_notes(vault, "hous")  # prefix as you type
    assert [h.note_id for h in hits] == [first]
    assert "<b>housing</b>" in hits[0].snippet_html and hits[0].alias == "Lupe"

    notes.edit_note(vault, first, "contact", "Called about the rental assistance form.")
    edited = notes.get_note(vault, first)
    assert edited is not None and edited.edited_at is not None
    assert notes.search_notes(vault, "housing") == []
    assert [h.note_id for h in notes.search_notes(vault, "rental")] == [first]
    assert clients.fts_integrity_ok(vault)


def test_search_within_one_client(vault: Vault) -> None:
    a, b = make(vault, "A1"), make(vault, "B1")
    notes.add_note(vault, a, "contact", "bus pass requested")
    notes.add_note(vault, b, "contact", "bus schedule explained")
    assert len(notes.search_notes(vault, "bus")) == 2
    assert [h.client_id for h in notes.search_notes(vault, "bus", client_id=b)] == [b]


def test_hostile_search_strings_never_raise(vault: Vault) -> None:
    cid = make(vault, "Hostile")
    notes.add_note(vault, cid, "other", 'O\'Brien said "near" AND (maybe) *stars* café 😀')
    assert len(HOSTILE_QUERIES) >= 30
    for text in HOSTILE_QUERIES:
        result = notes.search_notes(vault, text)
        assert isinstance(result, list)
    assert notes.search_notes(vault, "O'Brien")
    assert notes.search_notes(vault, "cafe")  # diacritics folded


def test_empty_or_huge_notes_are_refused(vault: Vault) -> None:
    cid = make(vault, "N")
    with pytest.raises(InvalidInput, match="empty"):
        notes.add_note(vault, cid, "contact", "   ")
    with pytest.raises(InvalidInput, match="longer"):
        notes.add_note(vault, cid, "contact", "x" * 20_001)
    with pytest.raises(InvalidInput):
        notes.add_note(vault, cid, "gossip", "text")


def test_releases_expire(vault: Vault) -> None:
    cid = make(vault, "R")
    today = date.today()
    rid = releases.add_release(
        vault,
        cid,
        recipient="County DSS",
        information="Intake date",
        purpose="Benefits application",
        signed_on=today - timedelta(40),
        expires_on=today - timedelta(10),
    )
    releases.add_release(
        vault,
        cid,
        recipient="Legal aid",
        information="Case summary",
        purpose="T visa",
        signed_on=today,
        expires_on=today + timedelta(90),
    )
    states = {r.id: r.state() for r in releases.list_releases(vault, cid)}
    assert states[rid] == "expired"
    assert sorted(states.values()) == ["active", "expired"]
    with pytest.raises(InvalidInput):
        releases.add_release(
            vault,
            cid,
            recipient="X",
            information="Y",
            purpose="Z",
            signed_on=today,
            expires_on=today - timedelta(1),
        )


CANARY_ALIAS = "Quokka Canary"
CANARY_NOTE = "CANARY-NOTE-PERIWINKLE-4471"


def test_destroy_leaves_nothing_behind(vault: Vault) -> None:
    keep = make(vault, "Stays")
    notes.add_note(vault, keep, "contact", "unrelated note stays")
    cid = make(vault, CANARY_ALIAS)
    for i in range(20):
        notes.add_note(vault, cid, "contact", f"{CANARY_NOTE} number {i}")
    releases.add_release(
        vault,
        cid,
        recipient=CANARY_NOTE + " recipient",
        information="x",
        purpose="y",
        signed_on=date.today(),
        expires_on=date.today(),
    )
    drafts.save_draft(vault, f"note:new:client={cid}", CANARY_NOTE + " draft", client_id=cid)
    clients.open_client(vault, cid)
    vault.checkpoint()

    with pytest.raises(NotAllowed, match="alias exactly"):
        clients.destroy_client(vault, cid, "wrong")
    clients.destroy_client(vault, cid, CANARY_ALIAS.lower())

    assert clients.list_clients(vault, ClientQuery(status="all", text="Quokka")) == []
    assert notes.search_notes(vault, "periwinkle") == []
    assert notes.search_notes(vault, "unrelated")  # the other client is untouched
    assert drafts.load_draft(vault, f"note:new:client={cid}") is None
    assert clients.fts_integrity_ok(vault)
    from advocate_app.store import audit

    with vault.read() as s:
        events = audit.recent(s)
    assert events[0].action == "record_destroyed" and events[0].record_id is None
    assert all(e.record_id != cid for e in events if e.record_kind == "client")
    assert scan_for([CANARY_NOTE, CANARY_ALIAS], [vault.folder]) == []
