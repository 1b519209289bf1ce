"""The demo engine: scenarios played into a separate demo vault, forward, back, jump and reset.

"Ended exactly where it began" is checked on a table-by-table dump of the whole demo vault: every
table except the audit log (which records each step by design) and the FTS shadow tables (checked
by behaviour instead). Autoincrement ids are replaced by what they point at (a note's client_id
becomes that client's row), and only the timestamps that record *when a rewritten row was
written* (WRITE_TIMES) are left out. Everything a person or a report can see, including note
times, status-change days, referral days, due dates, appointment times and last-contact times,
must match exactly.
"""

from __future__ import annotations

import hashlib
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from advocate_app.demo.engine import (
    DEMO_OFFICE,
    DEMO_PASSPHRASE,
    DemoSession,
    NotADemoVault,
    open_demo_vault,
    reset_demo_vault,
)
from advocate_app.demo.scenario import Scenario, date_for_day, load_scenarios
from advocate_app.store import appointments, clients, needs, notes, referrals, resources
from advocate_app.store.clients import ClientFields
from advocate_app.store.errors import VaultError
from advocate_app.store.vault import Vault
from tests.helpers import PASSPHRASE, VaultTemplate

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "scenarios"
TODAY = date(2024, 6, 15)

# When a row that a step rewrites was written: differs legitimately between two writes of the
# same content. Every other column is compared, including notes.created_at (the note's date as
# the scenario gives it) and the timestamps of rows no step rewrites (users, meta, templates).
WRITE_TIMES = {
    "clients": {"created_at"},
    "need_items": {"created_at", "updated_at"},
    "need_status_changes": {"changed_at"},
    "appointments": {"created_at"},
    "referrals": {"created_at"},
    "resources": {"created_at", "updated_at"},
}
SKIPPED_TABLES = {"audit_events", "alembic_version"}


@pytest.fixture(scope="module")
def scenarios() -> list[Scenario]:
    loaded, errors = load_scenarios(SHIPPED)
    assert errors == []
    assert len(loaded) == len(list(SHIPPED.glob("*.toml"))) >= 9
    return loaded


@pytest.fixture
def demo_vault(tmp_path: Path):
    vault = open_demo_vault(tmp_path / "demo")
    yield vault
    vault.close()


@pytest.fixture
def session(demo_vault: Vault, scenarios: list[Scenario]) -> DemoSession:
    return DemoSession(demo_vault, scenarios, today=TODAY)


# --------------------------------------------------------------------------- the dump


def dump(vault: Vault) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every content table, ids replaced by the content they point at."""
    with vault.read() as s:
        conn = s.connection()
        insp = inspect(conn)
        names = [
            n
            for n in insp.get_table_names()
            if n not in SKIPPED_TABLES and "_fts" not in n and not n.startswith("sqlite_")
        ]
        raw: dict[str, list[dict[str, Any]]] = {}
        int_pk: dict[str, bool] = {}
        fks: dict[str, dict[str, str]] = {}
        for name in names:
            columns = insp.get_columns(name)
            pk = insp.get_pk_constraint(name)["constrained_columns"]
            int_pk[name] = pk == ["id"] and any(
                c["name"] == "id" and "INT" in str(c["type"]).upper() for c in columns
            )
            refs = {
                fk["constrained_columns"][0]: fk["referred_table"]
                for fk in insp.get_foreign_keys(name)
                if len(fk["constrained_columns"]) == 1
            }
            # destroy_client finds rows by a column named client_id, with or without an FK.
            if "client_id" in {c["name"] for c in columns}:
                refs.setdefault("client_id", "clients")
            fks[name] = refs
            raw[name] = [dict(r._mapping) for r in conn.execute(text(f'SELECT * FROM "{name}"'))]

    by_id = {n: {row["id"]: row for row in rows} for n, rows in raw.items() if int_pk[n]}
    memo: dict[tuple[str, int], tuple[Any, ...]] = {}

    def content(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
        out = []
        for column in sorted(row):
            value = row[column]
            if column == "id" and int_pk[table]:
                continue
            if column in WRITE_TIMES.get(table, ()):
                continue
            target = fks[table].get(column)
            if target is not None and value is not None and int_pk.get(target):
                value = resolve(target, value)
            out.append((column, value))
        return tuple(out)

    def resolve(table: str, row_id: int) -> tuple[Any, ...]:
        key = (table, row_id)
        if key not in memo:
            row = by_id[table].get(row_id)
            # A dangling pointer is itself a difference worth seeing.
            memo[key] = ("missing", table) if row is None else (table, content(table, row))
        return memo[key]

    return {
        name: sorted((content(name, row) for row in rows), key=repr) for name, rows in raw.items()
    }


def assert_same(actual: dict[str, Any], expected: dict[str, Any], where: str) -> None:
    assert actual.keys() == expected.keys(), where
    for table in expected:
        assert actual[table] == expected[table], f"{where}: table {table} differs"


def hash_folder(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# --------------------------------------------------------------------------- the demo vault


def test_demo_vault_is_created_marked_and_reopened(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    vault = open_demo_vault(folder)
    try:
        assert vault.is_demo and vault.office_name == DEMO_OFFICE
        assert vault.current_user.name == "Trainer" and vault.current_user.is_supervisor
        vault_id = vault.keys.vault_id
    finally:
        vault.close()
    again = open_demo_vault(folder)
    try:
        assert again.keys.vault_id == vault_id  # the same vault, opened with the fixed phrase
        assert again.is_unlocked
    finally:
        again.close()


def test_reset_makes_a_fresh_demo_vault(tmp_path: Path, scenarios: list[Scenario]) -> None:
    folder = tmp_path / "demo"
    vault = open_demo_vault(folder)
    clients.create_client(vault, ClientFields(alias="Practice client"))
    old_id = vault.keys.vault_id
    fresh = reset_demo_vault(vault)
    try:
        assert not vault.is_unlocked  # the old handle is closed
        assert fresh.keys.vault_id != old_id
        assert fresh.is_demo
        assert clients.count_clients(fresh, clients.ClientQuery(status="all")) == 0
    finally:
        fresh.close()
    again = open_demo_vault(folder, reset=True)
    try:
        assert again.is_demo
    finally:
        again.close()


def test_a_real_vault_is_refused_and_left_byte_identical(vault_dir: Path) -> None:
    before = hash_folder(vault_dir)
    for reset in (False, True):
        with pytest.raises(NotADemoVault):
            open_demo_vault(vault_dir, reset=reset)
    assert isinstance(NotADemoVault("x"), VaultError)
    assert hash_folder(vault_dir) == before  # not even a lock file was added


def test_a_vault_with_a_trainer_and_the_demo_phrase_but_not_demo_is_refused(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "lookalike"
    vault, _ = Vault.create(
        folder,
        office_name="Real office",
        user_name="Trainer",
        passphrase=DEMO_PASSPHRASE,
        kdf_target_seconds=0,
        check_strength=False,
    )
    vault.close()
    with pytest.raises(NotADemoVault):
        open_demo_vault(folder, reset=True)
    assert (folder / "vault.db").exists()


def test_a_folder_of_other_files_is_never_deleted(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "letter.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(NotADemoVault):
        open_demo_vault(folder, reset=True)
    assert (folder / "letter.txt").read_text(encoding="utf-8") == "keep me"


def test_the_real_default_folder_is_refused(monkeypatch, tmp_path: Path) -> None:
    real = tmp_path / "real-default"
    monkeypatch.setattr("advocate_app.paths.default_data_dir", lambda: real)
    with pytest.raises(NotADemoVault):
        open_demo_vault(real)
    assert not real.exists()


def test_a_session_refuses_a_real_vault(vault: Vault, scenarios: list[Scenario]) -> None:
    with pytest.raises(NotADemoVault):
        DemoSession(vault, scenarios)
    assert clients.count_clients(vault, clients.ClientQuery(status="all")) == 0


def test_a_demo_session_never_touches_the_real_vault(
    vault_dir: Path, vault_template: VaultTemplate, tmp_path: Path, scenarios: list[Scenario]
) -> None:
    # Give the real vault some content, close it, and fingerprint every file in its folder.
    real = Vault.open(vault_dir)
    real.unlock(vault_template.user_id, PASSPHRASE)
    real_client = clients.create_client(real, ClientFields(alias="Mateo R."))  # same alias!
    notes.add_note(real, real_client, "contact", "A real note that must survive.")
    real.close()
    (vault_dir / "vault.lock").unlink(missing_ok=True)
    before = hash_folder(vault_dir)

    demo = open_demo_vault(tmp_path / "demo")
    try:
        session = DemoSession(demo, scenarios, today=TODAY)
        for scenario_id in session.scenario_ids:
            session.select(scenario_id)
            session.go_to(session.current.step_count - 1)
            session.reset_scenario()
    finally:
        demo.close()
    reset_demo_vault(open_demo_vault(tmp_path / "demo")).close()

    assert hash_folder(vault_dir) == before
    real = Vault.open(vault_dir)
    try:
        real.unlock(vault_template.user_id, PASSPHRASE)
        assert not real.is_demo
        assert clients.alias_of(real, real_client) == "Mateo R."
        assert [n.body for n in notes.list_notes(real, real_client)] == [
            "A real note that must survive."
        ]
    finally:
        real.close()


# --------------------------------------------------------------------------- stepping


def test_a_new_session_puts_every_client_at_its_beginning(
    session: DemoSession, demo_vault: Vault, scenarios: list[Scenario]
) -> None:
    assert session.scenario_ids == [s.id for s in scenarios]
    assert session.current is scenarios[0]
    listed = clients.list_clients(demo_vault, clients.ClientQuery(status="all"))
    assert sorted(r.alias for r in listed) == sorted(s.client.alias for s in scenarios)
    for scenario in scenarios:
        assert session.step_index(scenario.id) == -1
        client_id = session.client_id(scenario.id)
        record = clients.open_client(demo_vault, client_id)
        assert record.fields.alias == scenario.client.alias
        assert record.fields.age_group == scenario.client.age_group
        assert record.fields.trafficking_type == scenario.client.trafficking_type
        assert record.fields.intake_date == session.intake_date(scenario.id) < TODAY
        assert notes.list_notes(demo_vault, client_id) == []
        assert needs.list_needs(demo_vault, client_id) == []
        assert appointments.list_appointments(demo_vault, client_id) == []


def test_a_step_writes_the_scenario_state(session: DemoSession, demo_vault: Vault) -> None:
    session.select("h2a-farmworker")
    scenario = session.current
    assert scenario is not None
    last = scenario.step_count - 1
    session.go_to(last)
    state = scenario.state_after(last)
    intake = session.intake_date()
    client_id = session.client_id()

    written = notes.list_notes(demo_vault, client_id)
    assert sorted(n.body for n in written) == sorted(n.body for n in state.notes)
    note_days = sorted(n.created_at.date() for n in written)
    # Notes are dated by their scenario day (allowing the local/UTC shift of one day).
    for got, want in zip(
        note_days, sorted(date_for_day(intake, n.day) for n in state.notes), strict=True
    ):
        assert abs((got - want).days) <= 1
    assert max(n.created_at.date() for n in written) < TODAY + timedelta(days=1)

    by_label = {n.label: n for n in needs.list_needs(demo_vault, client_id)}
    assert set(by_label) == {n.item for n in state.needs}
    statuses = {n.status for n in state.needs}
    assert "declined" in {c.status for n in state.needs for c in n.history}
    for need in state.needs:
        view = by_label[need.item]
        assert (view.category, view.status, view.priority) == (
            need.category,
            need.status,
            need.priority,
        )
        assert view.resource_name == need.resource
        history = needs.status_history(demo_vault, view.id)
        assert [h.status for h in history] == [c.status for c in need.history]
        assert [h.changed_on for h in history] == [
            date_for_day(intake, c.day) for c in need.history
        ]
    assert statuses  # the final step has needs in several states

    appts = appointments.list_appointments(demo_vault, client_id)
    assert [
        (a.kind, a.starts_at.date(), a.starts_at.strftime("%H:%M"), a.outcome or "") for a in appts
    ] == [(a.kind, date_for_day(intake, a.day), a.time, a.outcome) for a in state.appointments]
    # The scenario's fictional resources are in the office directory, and linking a need to
    # one is a referral dated on the day of the step that made the link.
    assert {e.name for e in resources.local_resources(demo_vault)} == {
        r.name for r in state.resources
    }
    category = {r.name: r.category for r in state.resources}
    expected_referrals = []
    for step_index, step in enumerate(scenario.steps):
        for entry in step.needs:
            if entry.resource is not None:
                expected_referrals.append(
                    (
                        entry.resource,
                        category[entry.resource],
                        date_for_day(intake, scenario.step_day(step_index)),
                    )
                )
    got = [
        (r.resource_name, r.resource_category, r.referred_on)
        for r in referrals.list_referrals(demo_vault, client_id)
    ]
    assert sorted(got) == sorted(expected_referrals)
    # "Unpaid wages claim" was opened in step 2 and linked to the law project in step 3.
    wages = [
        r
        for r in got
        if r[0] == "Piedmont Farmworker Law Project (fictional)"
        and r[2] == date_for_day(intake, scenario.step_day(2))
    ]
    assert wages
    # Full-text search finds the scenario's words in the demo vault.
    word = "interpreter"
    assert any(word in n.body for n in state.notes)
    assert notes.search_notes(demo_vault, word, client_id=client_id)


# Two scenarios in `make test`; every one in the slow set (`pytest -m slow`).
EVERY_SCENARIO_TWO_QUICK = [
    name
    if name in ("h2a-farmworker", "familial-trafficking")
    else pytest.param(name, marks=pytest.mark.slow)
    for name in (p.stem for p in sorted(SHIPPED.glob("*.toml")))
]


@pytest.mark.parametrize("scenario_id", EVERY_SCENARIO_TWO_QUICK)
def test_forward_to_the_end_and_back_ends_exactly_where_it_began(
    session: DemoSession, demo_vault: Vault, scenario_id: str
) -> None:
    session.select(scenario_id)
    scenario = session.current
    assert scenario is not None
    start = dump(demo_vault)
    forward = {-1: start}
    while session.next():
        forward[session.step_index()] = dump(demo_vault)
    assert session.step_index() == scenario.step_count - 1
    assert session.next() is False  # nothing past the end
    # Each step changed something a person would see.
    for i in range(scenario.step_count):
        assert forward[i] != forward[i - 1], f"step {i + 1} changed nothing"

    while session.back():
        # Back restores exactly the state that stepping forward had produced.
        assert_same(
            dump(demo_vault),
            forward[session.step_index()],
            f"back to step index {session.step_index()}",
        )
    assert session.step_index() == -1
    assert session.back() is False
    assert_same(dump(demo_vault), start, "after the round trip")
    assert resources.local_resources(demo_vault) == []
    # No stale words left in the search index for the scenario's notes.
    assert clients.fts_integrity_ok(demo_vault)
    client_id = session.client_id()
    last_notes = scenario.state_after(scenario.step_count - 1).notes
    word = max((w for n in last_notes for w in n.body.split() if w.isalpha()), key=len)
    assert notes.search_notes(demo_vault, word, client_id=client_id) == []


@pytest.mark.parametrize("scenario_id", EVERY_SCENARIO_TWO_QUICK)
def test_jumping_from_anywhere_matches_stepping_forward(
    session: DemoSession, demo_vault: Vault, scenario_id: str
) -> None:
    rng = random.Random(scenario_id)
    scenario = session.select(scenario_id)
    forward = {-1: dump(demo_vault)}
    for i in range(scenario.step_count):
        session.next()
        forward[i] = dump(demo_vault)
    # Every step is reached once by a jump, from a shuffled mix of earlier and later steps.
    targets = list(range(-1, scenario.step_count))
    rng.shuffle(targets)
    for target in targets:
        came_from = session.step_index()
        session.go_to(target)
        assert session.step_index() == target
        assert_same(
            dump(demo_vault), forward[target], f"{scenario.id}: jump {came_from} -> {target}"
        )


def test_other_scenarios_stay_where_they_are(session: DemoSession, demo_vault: Vault) -> None:
    session.select("domestic-servitude")
    session.go_to(3)
    other = session.client_id()
    other_notes = [n.body for n in notes.list_notes(demo_vault, other)]
    session.select("traveling-sales-crew")
    session.go_to(2)
    session.back()
    session.reset_scenario()
    assert session.step_index("domestic-servitude") == 3
    assert session.client_id("domestic-servitude") == other
    assert [n.body for n in notes.list_notes(demo_vault, other)] == other_notes


def test_reset_scenario_returns_to_the_first_state(session: DemoSession, demo_vault: Vault) -> None:
    start = dump(demo_vault)
    session.select("stays-for-children")
    session.go_to(4)
    assert dump(demo_vault) != start
    session.reset_scenario()
    assert session.step_index() == -1
    assert_same(dump(demo_vault), start, "after reset")


def test_hand_made_changes_are_replaced_by_the_step(
    session: DemoSession, demo_vault: Vault
) -> None:
    session.select("foster-youth-survival-sex")
    session.go_to(1)
    expected = dump(demo_vault)
    client_id = session.client_id()
    # A trainer demonstrating the app types a note, renames the client, adds a look-alike.
    notes.add_note(demo_vault, client_id, "other", "Typed during the training.")
    record = clients.open_client(demo_vault, client_id)
    record.fields.alias = "Renamed in class"
    clients.update_client(demo_vault, client_id, record.fields)
    session.go_to(1)
    assert_same(dump(demo_vault), expected, "after replaying the step")


def test_bad_indexes_are_refused(session: DemoSession) -> None:
    scenario = session.current
    assert scenario is not None
    with pytest.raises(IndexError):
        session.go_to(scenario.step_count)
    with pytest.raises(IndexError):
        session.go_to(-2)
    with pytest.raises(KeyError):
        session.select("no-such-scenario")
    assert session.step_index() == -1


def test_a_new_session_resets_what_an_earlier_one_left(
    tmp_path: Path, scenarios: list[Scenario]
) -> None:
    folder = tmp_path / "demo"
    vault = open_demo_vault(folder)
    first = DemoSession(vault, scenarios, today=TODAY)
    start = dump(vault)
    first.select("h2a-farmworker")
    first.go_to(4)
    vault.close()
    vault = open_demo_vault(folder)
    try:
        second = DemoSession(vault, scenarios, today=TODAY)
        assert second.step_index("h2a-farmworker") == -1
        assert_same(dump(vault), start, "a new session")
    finally:
        vault.close()


def test_dates_fall_in_the_past_or_the_near_future(
    session: DemoSession, demo_vault: Vault, scenarios: list[Scenario]
) -> None:
    for scenario in scenarios:
        session.select(scenario.id)
        session.go_to(scenario.step_count - 1)
        client_id = session.client_id()
        for note in notes.list_notes(demo_vault, client_id):
            assert note.created_at.date() <= TODAY
        for appt in appointments.list_appointments(demo_vault, client_id):
            assert appt.starts_at.date() <= TODAY + timedelta(days=30)
        session.reset_scenario()


def test_the_demo_passphrase_can_be_typed_on_any_keyboard() -> None:
    # The screen states it and a trainer types it after a lock: plain ASCII words, no dashes
    # or quotes that a keyboard layout might not have.
    assert DEMO_PASSPHRASE.isascii()
    assert all(word.isalpha() for word in DEMO_PASSPHRASE.split(" "))
    assert len(DEMO_PASSPHRASE) >= 10


def test_a_step_cut_short_is_written_again(
    session: DemoSession, demo_vault: Vault, monkeypatch
) -> None:
    session.select("intimate-partner-substances")
    session.go_to(2)
    expected = dump(demo_vault)
    session.go_to(1)
    calls = {"n": 0}
    real_add = notes.add_note

    def failing_add(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:  # the vault was locked in the middle of the step
            raise VaultError("locked")
        return real_add(*args, **kwargs)

    monkeypatch.setattr(notes, "add_note", failing_add)
    with pytest.raises(VaultError):
        session.go_to(2)
    assert not session.is_written()
    monkeypatch.setattr(notes, "add_note", real_add)
    session.go_to(2)  # the partial client is found by its alias and replaced
    assert session.is_written()
    assert_same(dump(demo_vault), expected, "after writing the step again")


def test_the_scenarios_tick_voca_services_and_answer_the_funder_questions(
    session: DemoSession, demo_vault: Vault, scenarios: list[Scenario]
) -> None:
    from advocate_app.store.voca_fields import service_usage

    for scenario in scenarios:
        ticked = [n for n in scenario.notes_through(len(scenario.steps) - 1) if n.services]
        assert len(ticked) >= 5, scenario.id
    for scenario in scenarios:
        session.go_to(len(scenario.steps) - 1, scenario_id=scenario.id)
    usage = service_usage(demo_vault, days=3650, today=TODAY + timedelta(days=400))
    assert usage["crisis_intervention"] >= 9  # safety planning, in nearly every scenario
    assert usage["criminal_advocacy"] >= 5
    from advocate_app.reports.periods import fiscal_quarter
    from advocate_app.reports.voca import FEDERAL_START_MONTH, quarter_figures
    from advocate_app.store.clients import ClientQuery
    from advocate_app.store.voca_fields import DECLINED, get_reporting_fields

    # The clients carry the funder's optional answers, so Reports → VOCA shows figures.
    rows = clients.list_clients(demo_vault, ClientQuery(status="all"))
    answers = [get_reporting_fields(demo_vault, row.id) for row in rows]
    assert len(answers) == len(scenarios)
    values = [v for a in answers for v in vars(a).values()]
    assert DECLINED in values and None in values  # some declined, some never asked
    assert all(a.victimization_types for a in answers)
    # Over the quarters the scenarios span: people served, by type, and compensation help.
    served = types = compensation = 0
    for year in (2024, 2025):
        for q in (1, 2, 3, 4):
            period = fiscal_quarter(year, q, FEDERAL_START_MONTH)
            figures = quarter_figures(demo_vault, period, today=date(2026, 1, 1))
            served += figures.figure("individuals_served").total
            types += sum(r.individuals for r in figures.figure("victimization_types").rows)
            compensation += figures.figure("victim_compensation").total
    assert served >= len(scenarios) and types >= served and compensation >= 2
