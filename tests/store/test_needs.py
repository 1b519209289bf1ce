"""Needs checklists in the store: the template, a client's needs, status history, appointments."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from advocate_app.store import appointments, audit, clients, needs, users
from advocate_app.store.appointments import AppointmentFields
from advocate_app.store.checklist_file import BUILTIN_DEFAULTS
from advocate_app.store.clients import ClientFields
from advocate_app.store.errors import InvalidInput, NotAllowed
from advocate_app.store.models import Meta
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import NEED_CATEGORIES


def make_client(vault: Vault, alias: str = "Rosa K") -> int:
    return clients.create_client(vault, ClientFields(alias=alias))


def template_id(vault: Vault, category: str, label: str) -> int:
    return next(
        t.id
        for t in needs.template(vault, include_retired=True)
        if t.category == category and t.label == label
    )


# --------------------------------------------------------------------------- the template


def test_template_is_seeded_once_from_the_shipped_file(vault: Vault) -> None:
    items = needs.template(vault)
    by_category: dict[str, list[str]] = {}
    for item in items:
        by_category.setdefault(item.category, []).append(item.label)
    assert by_category == BUILTIN_DEFAULTS  # the shipped file equals the built-in list
    assert list(by_category) == list(NEED_CATEGORIES)  # in vocabulary order
    assert needs.template_problem(vault) is None
    needs.ensure_template(vault)
    assert len(needs.template(vault)) == len(items)  # not seeded twice


def test_a_malformed_template_file_names_file_and_line_and_defaults_are_used(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "assets" / "checklists"
    folder.mkdir(parents=True)
    (folder / "default.toml").write_text(
        '[housing]\nitems = ["Emergency shelter",\n  "Rental assistance"\n\n[bogus\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("ADVOCATE_ASSETS_DIR", str(tmp_path / "assets"))

    problem = needs.ensure_template(vault)
    assert problem is not None
    assert str(problem).startswith("default.toml, line ")
    assert str(tmp_path) not in str(problem)  # the file's name, never a folder
    # The app carries on with the built-in defaults, and keeps telling a supervisor why.
    labels = [t.label for t in needs.template(vault) if t.category == "license_id"]
    assert labels == BUILTIN_DEFAULTS["license_id"]
    assert needs.template_problem(vault) == problem
    cid = make_client(vault)
    assert needs.add_needs_from_template(
        vault, cid, [template_id(vault, "housing", "Emergency shelter")]
    )


def test_the_template_problem_is_kept_as_a_message_id_not_english_text(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "assets" / "checklists"
    folder.mkdir(parents=True)
    (folder / "default.toml").write_text('[housing]\nitems = "oops"\n', encoding="utf-8")
    monkeypatch.setenv("ADVOCATE_ASSETS_DIR", str(tmp_path / "assets"))
    needs.ensure_template(vault)
    with vault.read() as s:
        stored = s.get(Meta, "checklist_template_problem")
        assert stored is not None
        kept = json.loads(stored.value)
    assert kept["template"].startswith('"items" in [{0}] should be a list')
    assert kept["values"] == ["housing"] and kept["file"] == "default.toml"
    assert kept["line"] == 2
    assert str(needs.template_problem(vault)).startswith(
        'default.toml, line 2: "items" in [housing]'
    )


def test_an_older_vaults_english_problem_is_still_shown_as_it_is(vault: Vault) -> None:
    needs.ensure_template(vault)
    old = "default.toml, line 5: this is not valid TOML: Expected ']'"
    with vault.write() as s:
        s.add(Meta(key="checklist_template_problem", value=old))
    assert needs.template_problem(vault) == old


def test_only_a_supervisor_edits_the_template(vault: Vault) -> None:
    needs.ensure_template(vault)
    added = users.add_user(vault, "Dana", "advocate")
    info = added.user
    vault.lock()
    vault.unlock(info.id, added.temporary_passphrase)
    shelter = template_id(vault, "housing", "Emergency shelter")
    with pytest.raises(NotAllowed, match="supervisor"):
        needs.add_template_item(vault, "housing", "Storage unit")
    with pytest.raises(NotAllowed):
        needs.rename_template_item(vault, shelter, "Shelter bed")
    with pytest.raises(NotAllowed):
        needs.retire_template_item(vault, shelter)
    # An advocate still adds needs from it.
    cid = make_client(vault)
    assert len(needs.add_needs_from_template(vault, cid, [shelter])) == 1


def test_supervisor_adds_renames_and_retires_items(vault: Vault) -> None:
    new_id = needs.add_template_item(vault, "housing", "  Storage   unit ")
    housing = [t for t in needs.template(vault) if t.category == "housing"]
    assert housing[-1].id == new_id and housing[-1].label == "Storage unit"
    with pytest.raises(InvalidInput, match="already has that item"):
        needs.add_template_item(vault, "housing", "storage UNIT")
    with pytest.raises(InvalidInput, match="category"):
        needs.add_template_item(vault, "pets", "Dog boarding")
    with pytest.raises(InvalidInput, match="Write what the need is"):
        needs.add_template_item(vault, "housing", "   ")

    needs.rename_template_item(vault, new_id, "Storage for belongings")
    needs.retire_template_item(vault, new_id)
    assert all(t.id != new_id for t in needs.template(vault))
    retired = [t for t in needs.template(vault, include_retired=True) if t.id == new_id]
    assert retired[0].retired and retired[0].label == "Storage for belongings"
    needs.restore_template_item(vault, new_id)
    assert any(t.id == new_id for t in needs.template(vault))


def test_template_edits_never_alter_client_items(vault: Vault) -> None:
    cid = make_client(vault)
    shelter = template_id(vault, "housing", "Emergency shelter")
    birth = template_id(vault, "license_id", "Birth certificate")
    ids = needs.add_needs_from_template(vault, cid, [birth, shelter])
    needs.update_need(vault, ids[0], status="in_progress", next_step="Call the shelter")
    before = needs.list_needs(vault, cid)

    needs.rename_template_item(vault, shelter, "Shelter bed tonight")
    needs.retire_template_item(vault, birth)

    after = needs.list_needs(vault, cid)
    assert after == before
    assert [n.label for n in after] == ["Emergency shelter", "Birth certificate"]
    assert [n.template_item_id for n in after] == [shelter, birth]
    # A retired item cannot be added any more; the rename is what new clients get.
    other = make_client(vault, "Star")
    with pytest.raises(InvalidInput, match="retired"):
        needs.add_needs_from_template(vault, other, [birth])
    needs.add_needs_from_template(vault, other, [shelter])
    assert [n.label for n in needs.list_needs(vault, other)] == ["Shelter bed tonight"]


# --------------------------------------------------------------------------- a client's needs


def test_needs_are_grouped_in_category_order_then_template_position(vault: Vault) -> None:
    cid = make_client(vault)
    needs.add_need(vault, cid, "financial", "Pay off a coerced debt")
    wanted = [
        template_id(vault, "housing", "Rental assistance"),
        template_id(vault, "housing", "Emergency shelter"),
        template_id(vault, "license_id", "State ID card"),
    ]
    created = needs.add_needs_from_template(vault, cid, wanted)
    assert len(created) == 3
    needs.add_need(vault, cid, "housing", "Pet-friendly shelter")
    # Adding the same items again adds nothing.
    assert needs.add_needs_from_template(vault, cid, wanted) == []
    listed = [(n.category, n.label) for n in needs.list_needs(vault, cid)]
    assert listed == [
        ("housing", "Emergency shelter"),
        ("housing", "Rental assistance"),
        ("housing", "Pet-friendly shelter"),  # one's own items after the template's
        ("license_id", "State ID card"),
        ("financial", "Pay off a coerced debt"),
    ]


def test_add_need_validates_in_plain_sentences(vault: Vault) -> None:
    cid = make_client(vault)
    needs.add_need(vault, cid, "housing", "Emergency shelter")
    with pytest.raises(InvalidInput, match="already has “Emergency shelter” under Housing"):
        needs.add_need(vault, cid, "housing", "emergency  SHELTER")
    with pytest.raises(InvalidInput, match="Choose a need category"):
        needs.add_need(vault, cid, "nope", "x")
    with pytest.raises(InvalidInput, match="Choose a status"):
        needs.add_need(vault, cid, "housing", "Deposit", status="failed")
    with pytest.raises(InvalidInput, match="high, medium or low"):
        needs.add_need(vault, cid, "housing", "Deposit", priority="urgent")
    with pytest.raises(InvalidInput, match="under 200 characters"):
        needs.add_need(vault, cid, "housing", "Deposit", next_step="x" * 201)
    with pytest.raises(InvalidInput, match="no longer exists"):
        needs.add_need(vault, 99999, "housing", "Deposit")


def test_status_history_keeps_every_change_with_its_date(vault: Vault, today: date) -> None:
    cid = make_client(vault)
    day0 = today - timedelta(days=20)
    need_id = needs.add_need(vault, cid, "court_advocacy", "Court accompaniment", on=day0)
    needs.update_need(vault, need_id, status="in_progress", on=day0 + timedelta(days=2))
    needs.update_need(vault, need_id, status="in_progress", on=day0 + timedelta(days=3))
    needs.mark_declined(vault, need_id, on=day0 + timedelta(days=5))
    # Declined can be revisited later: the survivor may change her mind.
    needs.update_need(vault, need_id, status="in_progress")
    needs.update_need(vault, need_id, next_step="Meet at the courthouse")  # not a status change

    history = needs.status_history(vault, need_id)
    assert [(h.status, h.changed_on) for h in history] == [
        ("not_started", day0),
        ("in_progress", day0 + timedelta(days=2)),
        ("declined", day0 + timedelta(days=5)),
        ("in_progress", today),
    ]
    assert all(h.user_name == "Maria" for h in history)
    assert needs.get_need(vault, need_id).status == "in_progress"


def test_update_need_keeps_what_is_left_out_and_clears_what_is_none(
    vault: Vault, today: date
) -> None:
    cid = make_client(vault)
    need_id = needs.add_need(
        vault,
        cid,
        "health_care",
        "Dental care",
        priority="high",
        due_date=today,
        resource_name="County dental clinic",
        note_line="Prefers mornings",
    )
    saved = needs.update_need(vault, need_id, next_step="Call for an appointment")
    assert saved.priority == "high" and saved.due_date == today
    assert saved.note_line == "Prefers mornings"
    assert saved.resource_name == "County dental clinic"
    saved = needs.update_need(vault, need_id, priority=None, due_date=None, resource_name="")
    assert (saved.priority, saved.due_date, saved.resource_name) == (None, None, None)
    assert saved.next_step == "Call for an appointment"
    assert needs.get_need(vault, need_id) == saved


def test_declined_is_never_overdue(vault: Vault, today: date) -> None:
    cid = make_client(vault)
    past = today - timedelta(days=30)
    ids = {
        status: needs.add_need(
            vault, cid, "housing", f"Need {status}", status=status, due_date=past
        )
        for status in ("not_started", "in_progress", "met", "declined", "not_needed")
    }
    overdue = {n.status for n in needs.list_needs(vault, cid) if n.is_overdue(today)}
    assert overdue == {"not_started", "in_progress"}
    assert not needs.is_overdue("declined", past, today)
    assert needs.is_overdue("not_started", past, today)
    assert not needs.is_overdue("not_started", today, today)  # due today is not late yet
    assert not needs.is_overdue("not_started", None, today)
    # Declining an overdue need settles it.
    needs.mark_declined(vault, ids["in_progress"])
    assert not needs.get_need(vault, ids["in_progress"]).is_overdue(today)


def test_delete_need_removes_it_and_its_history(vault: Vault) -> None:
    cid = make_client(vault)
    need_id = needs.add_need(vault, cid, "employment", "Job search support")
    needs.update_need(vault, need_id, status="met")
    needs.delete_need(vault, need_id)
    assert needs.list_needs(vault, cid) == []
    assert needs.status_history(vault, need_id) == []
    assert vault.raw_count("need_status_changes") == 0


def test_audit_records_actions_never_content(vault: Vault) -> None:
    cid = make_client(vault)
    need_id = needs.add_need(
        vault, cid, "housing", "Zebra-crossing secret words", next_step="Periwinkle step"
    )
    needs.update_need(vault, need_id, status="met", note_line="Quokka note")
    with vault.read() as s:
        events = audit.recent(s, limit=10)
    actions = [e.action for e in events]
    assert "need_added" in actions and "need_status_changed" in actions
    assert "need_edited" in actions
    for event in events:
        text = f"{event.action} {event.record_kind} {event.record_id}"
        assert "Zebra" not in text and "Periwinkle" not in text and "Quokka" not in text


# --------------------------------------------------------------------------- appointments


def test_appointments_add_edit_outcome_and_list_in_date_order(vault: Vault, today: date) -> None:
    cid = make_client(vault)
    later = datetime.combine(today + timedelta(days=9), datetime.min.time()).replace(
        hour=9, minute=30
    )
    sooner = later - timedelta(days=3)
    hearing = appointments.add_appointment(
        vault,
        cid,
        AppointmentFields(
            starts_at=later.replace(second=42),
            kind="court_hearing",
            place=" District   Court, Room 2 ",
            accompanied=True,
        ),
    )
    dmv = appointments.add_appointment(
        vault, cid, AppointmentFields(starts_at=sooner, kind="dmv", place="DMV office")
    )
    listed = appointments.list_appointments(vault, cid)
    assert [a.id for a in listed] == [dmv, hearing]
    assert listed[1].starts_at == later  # seconds dropped
    assert listed[1].place == "District Court, Room 2" and listed[1].accompanied
    assert listed[1].is_court and not listed[0].is_court

    appointments.set_outcome(vault, hearing, "Continued to next month")
    assert appointments.get_appointment(vault, hearing).outcome == "Continued to next month"
    appointments.update_appointment(
        vault,
        dmv,
        AppointmentFields(
            starts_at=sooner,
            kind="dmv",
            place="DMV office",
            accompanied=True,
            outcome="New ID ordered",
        ),
    )
    assert appointments.get_appointment(vault, dmv).accompanied
    with pytest.raises(InvalidInput, match="what kind"):
        appointments.add_appointment(vault, cid, AppointmentFields(starts_at=later, kind="x"))
    with pytest.raises(InvalidInput, match="under 500"):
        appointments.set_outcome(vault, dmv, "x" * 501)
    appointments.delete_appointment(vault, dmv)
    assert [a.id for a in appointments.list_appointments(vault, cid)] == [hearing]


def test_destroying_a_client_removes_needs_history_and_appointments(vault: Vault) -> None:
    keep = make_client(vault, "Stays")
    needs.add_need(vault, keep, "housing", "Emergency shelter")
    cid = make_client(vault, "Goes")
    need_id = needs.add_need(vault, cid, "housing", "Emergency shelter")
    needs.update_need(vault, need_id, status="in_progress")
    appointments.add_appointment(
        vault,
        cid,
        AppointmentFields(starts_at=datetime.now().replace(microsecond=0), kind="medical"),
    )
    template_rows = vault.raw_count("checklist_template_items")

    clients.destroy_client(vault, cid, "Goes")

    assert vault.raw_count("need_items") == 1
    assert vault.raw_count("need_status_changes") == 1  # the other client's
    assert vault.raw_count("appointments") == 0
    assert vault.raw_count("checklist_template_items") == template_rows
    assert "need_status_changes" in clients.table_names_with_client_id(vault)


def _template_events(vault: Vault) -> int:
    with vault.read() as s:
        return sum(e.action == "checklist_template_updated" for e in audit.recent(s))


def test_a_vault_seeded_from_an_older_template_gets_the_new_items_once(
    vault: Vault, tmp_path: Path
) -> None:
    """Existing offices get new shipped suggestions without losing their own edits."""
    from sqlalchemy import delete, select

    from advocate_app.store.checklist_file import ADDED_IN_REVISION, TEMPLATE_REVISION
    from advocate_app.store.models import ChecklistTemplateItem, Meta

    added = {c: set(items) for c, items in ADDED_IN_REVISION[2].items()}
    first = {
        c: [i for i in items if i not in added.get(c, set())]
        for c, items in BUILTIN_DEFAULTS.items()
    }
    old_file = tmp_path / "default.toml"
    old_file.write_text(
        "".join(
            f"[{c}]\nitems = [{', '.join(repr(i).replace(chr(39), chr(34)) for i in items)}]\n"
            for c, items in first.items()
            if items
        ),
        encoding="utf-8",
    )
    assert needs.ensure_template(vault, old_file) is None
    with vault.write() as s:  # a vault made before template revisions were recorded
        s.execute(delete(Meta).where(Meta.key == "checklist_template_revision"))
        # The supervisor's own edits, made with the earlier version of the app.
        mine = ChecklistTemplateItem(
            category="court_advocacy", label="court interpreter request", position=99, retired=False
        )
        s.add(mine)
        s.scalars(
            select(ChecklistTemplateItem).where(ChecklistTemplateItem.label == "Medical exam")
        ).one().retired = True
        s.flush()
        own = mine.id

    items = needs.template(vault, include_retired=True)
    labels = {c: [t.label for t in items if t.category == c] for c in NEED_CATEGORIES}
    for category, new in ADDED_IN_REVISION[2].items():
        for text in new:
            wanted = 0 if text == "Court interpreter request" else 1
            assert labels[category].count(text) == wanted, text
        # New suggestions come after the office's existing ones.
        assert labels[category][: len(first[category])] == first[category]
    assert [t.label for t in items if t.id == own] == ["court interpreter request"]
    assert next(t for t in items if t.label == "Medical exam").retired
    assert TEMPLATE_REVISION == 2
    assert _template_events(vault) == 1

    needs.ensure_template(vault)  # a second open adds nothing more
    assert len(needs.template(vault, include_retired=True)) == len(items)
    assert _template_events(vault) == 1


def test_a_new_vault_is_seeded_at_the_current_revision(vault: Vault) -> None:
    from advocate_app.store.checklist_file import ADDED_IN_REVISION

    labels = [t.label for t in needs.template(vault)]
    for new in ADDED_IN_REVISION[2].values():
        for text in new:
            assert labels.count(text) == 1
    assert _template_events(vault) == 0
