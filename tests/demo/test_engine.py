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

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from advocate_app.demo.engine import (
    DEMO_PASSPHRASE,
    DemoSession,
    open_demo_vault,
)
from advocate_app.demo.scenario import Scenario, date_for_day
from advocate_app.store import appointments, clients, needs, notes, referrals, resources
from advocate_app.store.errors import VaultError
from advocate_app.store.vault import Vault
from tests.demo.helpers import SHIPPED, TODAY, assert_same, dump

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
