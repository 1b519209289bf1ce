"""A broken scenario file gets a clear message for its trainer (file, line, field, the choices),
never a traceback, and the other files in the folder still load.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from advocate_app.demo.scenario import (
    Scenario,
    ScenarioError,
    load_scenario,
    load_scenarios,
)
from advocate_app.store import vocab

# --------------------------------------------------------------------------- builders


def _step(number: int, extra: str = "") -> str:
    return f"""
[[steps]]
title = "Step {number}"
prompt = "What would you do at step {number}?"

  [[steps.notes]]
  kind = "contact"
  day = {number}
  body = "Note for step {number}."
{extra}"""


def scenario_text(
    *, steps: int = 5, scenario_id: str = "test-scenario", step_extra: dict[int, str] | None = None
) -> str:
    """A valid scenario; step_extra adds TOML to a step (1-based)."""
    extra = step_extra or {}
    head = f"""id = "{scenario_id}"
title = "Test scenario"
summary = "A scenario for tests."
fictional_notice = "Invented for tests."
learning_goals = ["Check the loader."]

[client]
alias = "Test C."
age_group = "25-59"
trafficking_type = "labor"
"""
    return head + "".join(_step(n, extra.get(n, "")) for n in range(1, steps + 1))


SHELTER_OPENED = """
  [[steps.needs]]
  category = "housing"
  item = "Emergency shelter"
  status = "declined"
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str, name: str = "broken.toml") -> ScenarioError:
    path = write(tmp_path, name, text)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    return caught.value


# --------------------------------------------------------------------------- broken files


def test_minimal_scenario_is_valid(tmp_path: Path) -> None:
    scenario = load_scenario(write(tmp_path, "ok.toml", scenario_text()))
    assert isinstance(scenario, Scenario)
    assert scenario.step_count == 5
    assert scenario.client.interpreter_needed is False


def test_missing_field_in_a_step(tmp_path: Path) -> None:
    text = scenario_text().replace('title = "Step 3"\n', "")
    error = error_for(tmp_path, text)
    assert (error.file, error.step, error.field) == ("broken.toml", 3, "steps[3].title")
    assert str(error) == 'broken.toml, step 3, field title: the required key "title" is missing'


def test_missing_top_level_field(tmp_path: Path) -> None:
    text = scenario_text().replace('summary = "A scenario for tests."\n', "")
    error = error_for(tmp_path, text)
    assert error.step is None and error.field == "summary"
    assert str(error) == 'broken.toml, field summary: the required key "summary" is missing'


def test_missing_client_table(tmp_path: Path) -> None:
    text = re.sub(r"\[client\].*?(?=\n\[\[steps\]\])", "", scenario_text(), flags=re.S)
    error = error_for(tmp_path, text)
    assert error.field == "client"
    assert "[client] table is missing" in str(error)


def test_wrong_type(tmp_path: Path) -> None:
    text = scenario_text().replace("day = 2\n", 'day = "two"\n')
    error = error_for(tmp_path, text)
    assert (error.step, error.field) == (2, "steps[2].notes[0].day")
    assert "expected a whole number" in str(error) and '"two"' in str(error)


def test_boolean_written_as_text(tmp_path: Path) -> None:
    text = scenario_text().replace(
        'trafficking_type = "labor"\n', 'trafficking_type = "labor"\ninterpreter_needed = "yes"\n'
    )
    error = error_for(tmp_path, text)
    assert error.field == "client.interpreter_needed"
    assert "expected true or false" in str(error)


def test_unknown_need_category(tmp_path: Path) -> None:
    need = '\n  [[steps.needs]]\n  category = "housing2"\n  item = "Emergency shelter"\n'
    error = error_for(tmp_path, scenario_text(step_extra={3: need}), "forced-labor.toml")
    assert (error.file, error.step, error.field) == (
        "forced-labor.toml",
        3,
        "steps[3].needs[0].category",
    )
    assert str(error).startswith(
        'forced-labor.toml, step 3, field needs[0].category: "housing2" is not a need category '
        "(choose one of: housing, license_id, "
    )
    assert all(code in str(error) for code in vocab.NEED_CATEGORIES)


def test_unknown_need_status_names_the_choices(tmp_path: Path) -> None:
    need = SHELTER_OPENED.replace('"declined"', '"done"')
    error = error_for(tmp_path, scenario_text(step_extra={2: need}))
    assert error.field == "steps[2].needs[0].status"
    assert '"done" is not a need status' in str(error) and "declined" in str(error)


def test_need_change_for_an_item_never_opened(tmp_path: Path) -> None:
    change = (
        '\n  [[steps.needs]]\n  category = "housing"\n  item = "Rental assistance"\n'
        '  status = "met"\n  change = true\n'
    )
    error = error_for(tmp_path, scenario_text(step_extra={1: SHELTER_OPENED, 4: change}))
    assert (error.step, error.field) == (4, "steps[4].needs[0].item")
    assert "never opened" in error.message
    assert '"Emergency shelter"' in error.message  # what was opened, to spot a typo


def test_need_change_with_different_capitals_is_caught(tmp_path: Path) -> None:
    change = '\n  [[steps.needs]]\n  category = "housing"\n  item = "emergency  shelter"\n'
    change += '  status = "met"\n'
    error = error_for(tmp_path, scenario_text(step_extra={1: SHELTER_OPENED, 2: change}))
    assert (error.step, error.field) == (2, "steps[2].needs[0].item")
    assert "differs only in capitals or spaces" in error.message


def test_need_change_of_an_earlier_need_is_valid(tmp_path: Path) -> None:
    change = (
        '\n  [[steps.needs]]\n  category = "housing"\n  item = "Emergency shelter"\n'
        '  status = "in_progress"\n  change = true\n'
    )
    scenario = load_scenario(
        write(tmp_path, "ok.toml", scenario_text(step_extra={1: SHELTER_OPENED, 3: change}))
    )
    need = scenario.needs_state_after(4)[("housing", "Emergency shelter")]
    assert [(h.step_index, h.status) for h in need.history] == [(0, "declined"), (2, "in_progress")]
    assert scenario.needs_state_after(1)[("housing", "Emergency shelter")].status == "declined"


def test_appointment_outcome_for_an_unknown_appointment(tmp_path: Path) -> None:
    added = (
        '\n  [[steps.appointments]]\n  kind = "court_hearing"\n  day = 14\n  time = "09:30"\n'
        '  place = "Invented County courthouse"\n  accompanied = true\n'
    )
    update = '\n  [[steps.appointments]]\n  kind = "court_hearing"\n  day = 21\n'
    update += '  outcome = "Continued."\n'
    error = error_for(tmp_path, scenario_text(step_extra={2: added, 4: update}))
    assert (error.step, error.field) == (4, "steps[4].appointments[0].day")
    assert "no earlier court_hearing appointment on day 21" in error.message
    assert "court_hearing day 14" in error.message

    good = update.replace("day = 21", "day = 14")
    scenario = load_scenario(
        write(tmp_path, "ok.toml", scenario_text(step_extra={2: added, 4: good}))
    )
    assert scenario.appointments_after(2)[0].outcome == ""
    hearing = scenario.appointments_after(3)[0]
    assert (hearing.outcome, hearing.time, hearing.accompanied) == ("Continued.", "09:30", True)


def test_native_toml_time_is_accepted(tmp_path: Path) -> None:
    added = '\n  [[steps.appointments]]\n  kind = "dmv"\n  day = 3\n  time = 08:15:00\n'
    scenario = load_scenario(write(tmp_path, "ok.toml", scenario_text(step_extra={1: added})))
    assert scenario.appointments_after(0)[0].time == "08:15"


def test_bad_time(tmp_path: Path) -> None:
    added = '\n  [[steps.appointments]]\n  kind = "dmv"\n  day = 3\n  time = "9.30am"\n'
    error = error_for(tmp_path, scenario_text(step_extra={1: added}))
    assert error.field == "steps[1].appointments[0].time"
    assert "HH:MM" in error.message


def test_file_larger_than_one_megabyte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.toml"
    path.write_text(scenario_text() + "# " + "x" * (5 * 1024 * 1024) + "\n", encoding="utf-8")

    def must_not_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file over the limit is refused before it is read")

    monkeypatch.setattr(Path, "open", must_not_open)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    monkeypatch.undo()
    assert caught.value.file == "huge.toml"
    assert "5.0 MB" in str(caught.value) and "1 MB" in str(caught.value)


def test_invalid_utf8_gives_the_byte_offset(tmp_path: Path) -> None:
    good = scenario_text().encode("utf-8")
    offset = good.index(b"Test C.")
    path = tmp_path / "latin1.toml"
    path.write_bytes(good[:offset] + b"\xe9" + good[offset:])
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    error = caught.value
    assert f"offset {offset}" in str(error)
    assert "UTF-8" in str(error)
    assert error.line == good[:offset].count(b"\n") + 1


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + scenario_text().encode("utf-8"))
    assert load_scenario(path).id == "test-scenario"


def test_toml_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    text = scenario_text().replace('title = "Test scenario"', 'title "Test scenario"')
    error = error_for(tmp_path, text)
    assert error.line == 2 and error.column is not None
    assert str(error).startswith(f"broken.toml, line 2, column {error.column}: ")
    assert "not valid TOML" in str(error)


def test_unterminated_string_at_end_of_file(tmp_path: Path) -> None:
    error = error_for(tmp_path, scenario_text() + 'extra = "oops\n')
    assert error.line is not None
    assert "not valid TOML" in str(error)


def test_unknown_extra_key(tmp_path: Path) -> None:
    text = scenario_text().replace("day = 2\n", 'day = 2\n  colour = "blue"\n')
    error = error_for(tmp_path, text)
    assert (error.step, error.field) == (2, "steps[2].notes[0].colour")
    assert '"colour" is not a key this file understands' in error.message
    assert "kind, day, body" in error.message


def test_unknown_top_level_key(tmp_path: Path) -> None:
    error = error_for(tmp_path, 'author = "me"\n' + scenario_text())
    assert error.field == "author" and error.step is None
    assert "at the top of the file" in error.message


def test_steps_written_as_a_single_table(tmp_path: Path) -> None:
    text = scenario_text(steps=1).replace("[[steps]]", "[steps]")
    error = error_for(tmp_path, text)
    assert error.field == "steps"
    assert "[[steps]]" in error.message


def test_fewer_than_five_steps(tmp_path: Path) -> None:
    error = error_for(tmp_path, scenario_text(steps=3))
    assert (error.step, error.field) == (None, "steps")
    assert str(error) == (
        "broken.toml, field steps: a scenario needs at least 5 steps; this file has 3"
    )


def test_too_long_alias(tmp_path: Path) -> None:
    text = scenario_text().replace('alias = "Test C."', f'alias = "{"A" * 61}"')
    error = error_for(tmp_path, text)
    assert error.field == "client.alias"
    assert "61 characters; at most 60" in error.message


def test_blank_text_is_refused(tmp_path: Path) -> None:
    text = scenario_text().replace('body = "Note for step 5."', 'body = "   "')
    error = error_for(tmp_path, text)
    assert (error.step, error.field) == (5, "steps[5].notes[0].body")
    assert error.message == "must not be empty"


def test_negative_day(tmp_path: Path) -> None:
    error = error_for(tmp_path, scenario_text().replace("day = 4\n", "day = -3\n"))
    assert error.field == "steps[4].notes[0].day"
    assert "0 or more" in error.message


def test_bad_id(tmp_path: Path) -> None:
    error = error_for(tmp_path, scenario_text(scenario_id="H2A Farm"))
    assert error.field == "id"
    assert "lowercase letters, digits and hyphens" in error.message


def test_real_looking_phone_numbers_are_refused(tmp_path: Path) -> None:
    text = scenario_text().replace("Note for step 2.", "Called her at 919-555-2368.")
    error = error_for(tmp_path, text)
    assert error.field == "steps[2].notes[0].body"
    assert "looks like a real phone number" in error.message
    # Fictional numbers and national toll-free hotlines are fine.
    fine = scenario_text().replace(
        "Note for step 2.", "Gave 555-0142 and the hotline (1-888-373-7888)."
    )
    assert load_scenario(write(tmp_path, "ok.toml", fine)).step_count == 5


def test_resource_phone_must_be_fictional(tmp_path: Path) -> None:
    resource = (
        '\n  [[steps.resources]]\n  name = "Shelter (fictional)"\n  category = "housing"\n'
        '  phone = "555-1234"\n'
    )
    error = error_for(tmp_path, scenario_text(step_extra={2: resource}))
    assert error.field == "steps[2].resources[0].phone"
    assert "555-0100 to 555-0199" in error.message


def test_need_resource_must_exist_by_that_step(tmp_path: Path) -> None:
    resource = (
        '\n  [[steps.resources]]\n  name = "Harbor House (fictional)"\n  category = "housing"\n'
    )
    need = SHELTER_OPENED + '  resource = "Harbor House (fictional)"\n'
    error = error_for(tmp_path, scenario_text(step_extra={2: need, 4: resource}))
    assert error.field == "steps[2].needs[0].resource"
    assert "only added in step 4" in error.message

    # Unknown names are checked only when the shipped directory's names are given.
    unknown = SHELTER_OPENED + '  resource = "Nowhere Shelter"\n'
    path = write(tmp_path, "unknown.toml", scenario_text(step_extra={2: unknown}))
    assert load_scenario(path).step_count == 5
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path, known_resources={"National Human Trafficking Hotline"})
    assert caught.value.field == "steps[2].needs[0].resource"
    known = SHELTER_OPENED + '  resource = "national human trafficking hotline"\n'
    path = write(tmp_path, "known.toml", scenario_text(step_extra={2: known}))
    assert load_scenario(path, known_resources={"National Human Trafficking Hotline"})


def test_unreadable_path_is_a_scenario_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(tmp_path / "missing.toml")
    assert caught.value.file == "missing.toml"
    assert "could not be read" in str(caught.value)


# --------------------------------------------------------------------------- folders


def test_bad_files_are_reported_and_the_others_still_load(tmp_path: Path) -> None:
    write(tmp_path, "a-good.toml", scenario_text(scenario_id="first"))
    write(tmp_path, "b-broken.toml", scenario_text(steps=2, scenario_id="broken"))
    (tmp_path / "c-latin1.toml").write_bytes(b'id = "caf\xe9"\n')
    write(tmp_path, "d-good.toml", scenario_text(scenario_id="second"))
    write(tmp_path, "notes.txt", "not a scenario")

    scenarios, errors = load_scenarios(tmp_path)

    assert [s.id for s in scenarios] == ["first", "second"]
    assert [e.file for e in errors] == ["b-broken.toml", "c-latin1.toml"]


def test_duplicate_id_is_an_error_for_the_second_file(tmp_path: Path) -> None:
    write(tmp_path, "one.toml", scenario_text(scenario_id="same"))
    write(tmp_path, "two.toml", scenario_text(scenario_id="same"))
    write(tmp_path, "three.toml", scenario_text(scenario_id="other"))

    scenarios, errors = load_scenarios(tmp_path)

    assert sorted(s.id for s in scenarios) == ["other", "same"]
    assert len(errors) == 1
    assert (errors[0].file, errors[0].field) == ("two.toml", "id")
    assert str(errors[0]).startswith(
        'two.toml, field id: the id "same" is already used by one.toml'
    )


def test_missing_folder_loads_nothing(tmp_path: Path) -> None:
    assert load_scenarios(tmp_path / "nope") == ([], [])
