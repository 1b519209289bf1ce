"""Shipped scenario files: each is valid, follows the training rules and teaches what it should.

How a broken file is explained to its trainer: test_broken_scenario_files.py.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from advocate_app.demo.scenario import (
    date_for_day,
    load_scenario,
    load_scenarios,
)

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "scenarios"
SHIPPED_FILES = sorted(SHIPPED.glob("*.toml"))
EXPECTED_IDS = {
    "h2a-farmworker",
    "foster-youth-survival-sex",
    "domestic-servitude",
    "stays-for-children",
    "intimate-partner-substances",
    "traveling-sales-crew",
    "familial-trafficking",
    "male-survivor-online-ads",
    "minor-coerced-drug-sales",
}


# --------------------------------------------------------------------------- shipped files


def test_every_shipped_scenario_loads_without_errors() -> None:
    scenarios, errors = load_scenarios(SHIPPED)
    assert errors == [], [str(e) for e in errors]
    assert {s.id for s in scenarios} >= EXPECTED_IDS


def test_shipped_ids_are_unique_and_match_file_names() -> None:
    ids = [load_scenario(path).id for path in SHIPPED_FILES]
    assert len(ids) == len(set(ids))
    assert [path.stem for path in SHIPPED_FILES] == ids


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.stem)
def test_shipped_scenario_meets_the_training_rules(path: Path) -> None:
    scenario = load_scenario(path)
    assert 5 <= scenario.step_count <= 8
    assert "invented" in scenario.fictional_notice.lower()
    final = scenario.state_after(scenario.step_count - 1)
    statuses = {need.status for need in final.needs}
    assert "declined" in statuses, "every scenario shows a declined need as a normal choice"
    assert "met" in statuses
    assert final.appointments, "every scenario has appointments or court dates"
    for step in scenario.steps:
        assert step.prompt.endswith("?") or "?" in step.prompt, step.title
    for resource in final.resources:
        assert re.fullmatch(r"555-01\d\d", resource.phone), resource.name
        assert "fictional" in resource.name.lower()


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.stem)
def test_shipped_notes_stay_minimal_and_days_run_forward(path: Path) -> None:
    scenario = load_scenario(path)
    days = [scenario.step_day(i) for i in range(scenario.step_count)]
    assert days == sorted(days)
    for note in scenario.notes_through(scenario.step_count - 1):
        # Opinion words have no place in a record that could be subpoenaed.
        assert not re.search(r"\b(seemed|appeared|I think|I feel|probably|lying)\b", note.body)
        assert len(note.body) <= 600


def test_resource_names_are_unique_across_shipped_scenarios() -> None:
    scenarios, _ = load_scenarios(SHIPPED)
    names = [name for s in scenarios for name in s.resource_names()]
    assert len(names) == len(set(names))


def test_foster_youth_scenario_is_about_a_minor_and_a_dss_report() -> None:
    scenario = load_scenario(SHIPPED / "foster-youth-survival-sex.toml")
    assert scenario.client.age_group == "13-17"
    assert scenario.client.trafficking_type == "sex"
    bodies = " ".join(n.body for n in scenario.notes_through(scenario.step_count - 1))
    assert "7B-301" in bodies
    assert "14-318.6" in bodies  # the law-enforcement report that appears to apply as well
    prompts = " ".join(s.prompt for s in scenario.steps)
    assert "14-204(c)" in prompts
    assert "7B-101(1)" in prompts and "appears to" in prompts


def _final_notes(name: str) -> str:
    scenario = load_scenario(SHIPPED / name)
    return " ".join(n.body for n in scenario.notes_through(scenario.step_count - 1))


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.stem)
def test_notes_keep_medication_treatment_and_shelters_out(path: Path) -> None:
    """Less is best: a record that can be subpoenaed names no medicine, treatment or shelter."""
    scenario = load_scenario(path)
    residence = re.compile(r"(?i)shelter|house|apartment|home")
    shelters = {
        r.name
        for r in scenario.state_after(scenario.step_count - 1).resources
        if r.category == "housing" and residence.search(r.name)
    }
    named_place = re.compile(r"\b(?:[Aa]dmitted to|[Mm]oved into|[Ss]taying at) [A-Z]")
    for note in scenario.notes_through(scenario.step_count - 1):
        assert not re.search(
            r"(?i)\b(medication|naloxone|methadone|buprenorphine|suboxone|"
            r"overdose|prescri\w*|dos(e|ing)|detox)\b",
            note.body,
        ), note.body
        assert not named_place.search(note.body), note.body
        for shelter in shelters:
            assert shelter not in note.body, (shelter, note.body)


def test_a_criminal_charge_goes_to_a_defender_not_legal_aid() -> None:
    notes = _final_notes("intimate-partner-substances.toml")
    assert "Legal Aid" not in notes
    assert "Public Defender" in notes


def test_an_out_of_state_survivor_gets_his_id_at_home() -> None:
    scenario = load_scenario(SHIPPED / "traveling-sales-crew.toml")
    final = scenario.state_after(scenario.step_count - 1)
    state_id = next(n for n in final.needs if n.item == "State ID card")
    assert state_id.status != "met"
    assert "residency" in (state_id.next_step or "")
    assert not any(a.kind == "dmv" for a in final.appointments)


def test_h2a_scenario_raises_fees_status_and_current_benefits() -> None:
    scenario = load_scenario(SHIPPED / "h2a-farmworker.toml")
    prompts = " ".join(s.prompt for s in scenario.steps)
    assert "655.135" in prompts and "655.122(n)" in prompts
    assert "Pub. L. 119-21" in prompts
    assert "as it would to a refugee" not in prompts
    final = scenario.state_after(scenario.step_count - 1)
    fns = next(n for n in final.needs if n.item == "Food and Nutrition Services application")
    assert fns.status != "met"


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.stem)
def test_no_scenario_says_the_acp_address_is_for_voting(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for sentence in re.split(r"(?<=[.?!])\s", text):
        if "Address Confidentiality" in sentence and "vot" in sentence:
            assert "not used for voter registration" in sentence, sentence


# --------------------------------------------------------------------------- stepping


def test_stepping_replays_needs_appointments_and_notes() -> None:
    scenario = load_scenario(SHIPPED / "h2a-farmworker.toml")
    before = scenario.state_after(-1)
    assert before.notes == () and before.needs == () and before.appointments == ()

    after_two = scenario.needs_state_after(1)
    assert after_two[("housing", "Emergency shelter")].status == "declined"
    assert after_two[("license_id", "Passport or consular ID")].status == "not_started"

    final = scenario.needs_state_after(scenario.step_count - 1)
    passport = final[("license_id", "Passport or consular ID")]
    assert [h.status for h in passport.history] == ["not_started", "in_progress", "met"]
    assert passport.opened_step == 1
    # A change that gives only next_step keeps the earlier status and records no status change.
    shelter = final[("housing", "Emergency shelter")]
    assert shelter.status == "declined"
    assert len(shelter.history) == 1
    assert "relatives" in (shelter.next_step or "")

    consult_before = scenario.appointments_after(1)
    assert [(a.day, a.outcome) for a in consult_before] == [(6, "")]
    consult_after = scenario.appointments_after(2)[0]
    assert consult_after.outcome.startswith("Consultation held")
    assert consult_after.time == "18:30" and consult_after.outcome_step == 2

    counts = [len(scenario.notes_through(i)) for i in range(scenario.step_count)]
    assert counts == sorted(counts) and counts[0] == 1
    assert len(scenario.resources_through(0)) == 1


def test_step_indexes_outside_the_scenario_are_refused() -> None:
    scenario = load_scenario(SHIPPED / "h2a-farmworker.toml")
    with pytest.raises(IndexError):
        scenario.state_after(scenario.step_count)
    with pytest.raises(IndexError):
        scenario.step(-1)


def test_date_for_day_counts_from_intake() -> None:
    assert date_for_day(dt.date(2025, 1, 30), 3) == dt.date(2025, 2, 2)


def test_new_scenarios_cover_familial_male_and_minor_labor_trafficking() -> None:
    familial = load_scenario(SHIPPED / "familial-trafficking.toml")
    assert familial.client.trafficking_type == "sex"
    assert "mother" in familial.summary
    male = load_scenario(SHIPPED / "male-survivor-online-ads.toml")
    assert male.client.trafficking_type == "sex"
    assert "man" in male.summary
    minor = load_scenario(SHIPPED / "minor-coerced-drug-sales.toml")
    assert (minor.client.age_group, minor.client.trafficking_type) == ("13-17", "labor")
    assert "7B-301" in " ".join(n.body for n in minor.notes_through(minor.step_count - 1))
    for scenario in (familial, male, minor):
        prompts = " ".join(s.prompt for s in scenario.steps)
        assert prompts.count("?") >= 2 * scenario.step_count, scenario.id  # material to discuss


def test_the_new_checklist_items_appear_in_training() -> None:
    scenarios, _ = load_scenarios(SHIPPED)
    items = {n.item for s in scenarios for n in s.state_after(s.step_count - 1).needs}
    for item in (
        "Safe phone (one only the client controls)",
        "Phone minutes or a prepaid plan",
        "Food (pantry, meals or grocery card)",
        "Clothing and personal care items",
        "Criminal defense (public defender or appointed attorney)",
        "Expunction or vacatur of records from being trafficked",
        "Custody or visitation case (family court)",
        "Forensic medical exam after sexual assault",
        "SAVAN registration (notice when an offender's custody changes)",
    ):
        assert item in items, item
