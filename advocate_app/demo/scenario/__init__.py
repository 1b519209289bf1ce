"""Trainer demo scenarios: the TOML schema, replay of the steps, trainer error messages, loading.

A scenario file (assets/scenarios/*.toml) describes one invented client and the steps of her or
his case. Each step adds notes, opens or changes needs, adds or updates appointments, may add
fictional local resources, and carries a discussion prompt for the trainer. A note may list the
VOCA services it records (``services = ["crisis_intervention", …]``, codes of assets/voca), so the
quarterly VOCA figures can be shown in training.

Days: every ``day`` in a file counts days after the scenario's intake day (day 0). The demo vault
chooses the real intake date (see :func:`date_for_day`), so scenarios never carry real dates.

Needs: the first entry for a (category, item) opens that need; a later entry with the same
category and item changes it (only the keys it gives). ``change = true`` on an entry says "this
changes a need opened earlier" and makes a mistyped item an error instead of a new need.

Appointments: an entry whose kind and day repeat an appointment from an earlier step updates it
(usually to set its outcome); any other entry adds a new appointment and must give its time.

Step indexes in the Python API are 0-based (``steps[0]`` is the first step); error messages and
the ``step`` attribute of :class:`ScenarioError` are 1-based, as a trainer counts them.

Pure Python (pydantic v2): no Qt, no database. The package, one job per module:

* errors: ScenarioError, what every problem with a file becomes;
* schema: the field types and one model per table of the file;
* replay: applying the steps in order, with the rules that span steps;
* model: Scenario, one validated file and its state after any step;
* messages: pydantic and TOML errors in a trainer's words;
* loading: reading one file or a folder of them.
"""

from __future__ import annotations

from advocate_app.demo.scenario.errors import ScenarioError
from advocate_app.demo.scenario.loading import MAX_FILE_BYTES, load_scenario, load_scenarios
from advocate_app.demo.scenario.model import Scenario, date_for_day
from advocate_app.demo.scenario.replay import (
    AppointmentState,
    NeedState,
    NeedStatusChange,
    ScenarioState,
    StepNote,
)
from advocate_app.demo.scenario.schema import (
    MAX_DAY,
    MAX_STEPS,
    MIN_STEPS,
    ScenarioAppointment,
    ScenarioClient,
    ScenarioNeed,
    ScenarioNote,
    ScenarioResource,
    ScenarioStep,
)

__all__ = [
    "MAX_DAY",
    "MAX_FILE_BYTES",
    "MAX_STEPS",
    "MIN_STEPS",
    "AppointmentState",
    "NeedState",
    "NeedStatusChange",
    "Scenario",
    "ScenarioAppointment",
    "ScenarioClient",
    "ScenarioError",
    "ScenarioNeed",
    "ScenarioNote",
    "ScenarioResource",
    "ScenarioState",
    "ScenarioStep",
    "StepNote",
    "date_for_day",
    "load_scenario",
    "load_scenarios",
]
