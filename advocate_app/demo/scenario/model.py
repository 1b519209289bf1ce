"""`Scenario`: one validated scenario file, and what the demo vault holds after any step.

Step indexes here are 0-based (``steps[0]`` is the first step); error messages and the ``step``
attribute of ScenarioError are 1-based, as a trainer counts them.
"""

from __future__ import annotations

import datetime as _dt

from pydantic import Field, ValidationInfo, model_validator

from advocate_app.demo.scenario.replay import (
    AppointmentState,
    NeedState,
    ScenarioState,
    StepNote,
    replay,
)
from advocate_app.demo.scenario.schema import (
    MAX_STEPS,
    MIN_STEPS,
    ScenarioClient,
    ScenarioId,
    ScenarioResource,
    ScenarioStep,
    StrictModel,
    Text120,
    Text300,
    Text500,
)


class Scenario(StrictModel):
    """One validated scenario file. Step indexes in these methods are 0-based."""

    id: ScenarioId
    title: Text120
    summary: Text500
    fictional_notice: Text500
    learning_goals: list[Text300] = Field(min_length=1, max_length=12)
    client: ScenarioClient
    steps: list[ScenarioStep] = Field(min_length=MIN_STEPS, max_length=MAX_STEPS)

    @model_validator(mode="after")
    def _check_across_steps(self, info: ValidationInfo) -> Scenario:
        context = info.context if isinstance(info.context, dict) else {}
        replay(self.steps, len(self.steps) - 1, context.get("known_resources"))
        return self

    @property
    def step_count(self) -> int:
        return len(self.steps)

    def _check_index(self, step_index: int, *, allow_before_start: bool = False) -> None:
        low = -1 if allow_before_start else 0
        if not low <= step_index < len(self.steps):
            raise IndexError(
                f"step index {step_index} is outside {low}..{len(self.steps) - 1} "
                f"for scenario {self.id!r}"
            )

    def step(self, step_index: int) -> ScenarioStep:
        """The step itself (title, prompt and what it adds)."""
        self._check_index(step_index)
        return self.steps[step_index]

    def step_day(self, step_index: int) -> int:
        """The scenario day a step happens on: the latest note day so far (0 if none).

        Need status changes and resources have no day of their own; they take this one, so a
        vault's history reads in order even when a step has no note.
        """
        self._check_index(step_index, allow_before_start=True)
        days = [n.day for step in self.steps[: step_index + 1] for n in step.notes]
        return max(days, default=0)

    def notes_through(self, step_index: int) -> list[StepNote]:
        """Every note added by steps 0..step_index, in file order."""
        self._check_index(step_index, allow_before_start=True)
        return [
            StepNote(i, n.kind, n.day, n.body, tuple(n.services))
            for i, step in enumerate(self.steps[: step_index + 1])
            for n in step.notes
        ]

    def needs_state_after(self, step_index: int) -> dict[tuple[str, str], NeedState]:
        """Needs keyed by (category, item) as they stand after step_index, in opening order."""
        self._check_index(step_index, allow_before_start=True)
        return replay(self.steps, step_index)[0]

    def appointments_after(self, step_index: int) -> list[AppointmentState]:
        """Appointments as they stand after step_index, by day then time."""
        self._check_index(step_index, allow_before_start=True)
        appts = replay(self.steps, step_index)[1].values()
        return sorted(appts, key=lambda a: (a.day, a.time, a.kind))

    def resources_through(self, step_index: int) -> list[ScenarioResource]:
        """Fictional resources added by steps 0..step_index, in file order."""
        self._check_index(step_index, allow_before_start=True)
        return [r for step in self.steps[: step_index + 1] for r in step.resources]

    def state_after(self, step_index: int) -> ScenarioState:
        """The whole demo state after step_index; -1 is the client alone, before step 1.

        Stepping forward or back is "reset the demo client, then write state_after(i)".
        """
        self._check_index(step_index, allow_before_start=True)
        needs, appts = replay(self.steps, step_index)
        return ScenarioState(
            step_index=step_index,
            notes=tuple(self.notes_through(step_index)),
            needs=tuple(needs.values()),
            appointments=tuple(sorted(appts.values(), key=lambda a: (a.day, a.time, a.kind))),
            resources=tuple(self.resources_through(step_index)),
        )

    def resource_names(self) -> list[str]:
        """Names of every resource the scenario adds (to check against a directory)."""
        return [r.name for step in self.steps for r in step.resources]


def date_for_day(intake: _dt.date, day: int) -> _dt.date:
    """The calendar date of a scenario day, given the intake date the demo vault chose."""
    return intake + _dt.timedelta(days=day)
