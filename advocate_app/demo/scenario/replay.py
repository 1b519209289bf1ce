"""Replaying a scenario's steps in order: the state the demo vault should hold after any step,
and every rule that spans steps (a need changed before it is opened, an appointment updated that
was never added, a resource used before the step that adds it…), raised as `LocatedError`."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from advocate_app.demo.scenario.errors import LocatedError, quoted
from advocate_app.demo.scenario.schema import (
    ScenarioAppointment,
    ScenarioNeed,
    ScenarioResource,
    ScenarioStep,
)
from advocate_app.i18n import QT_TR_NOOP, Marked


@dataclass(frozen=True)
class NeedStatusChange:
    step_index: int  # 0-based step that set this status
    day: int  # the step's day (see Scenario.step_day)
    status: str


@dataclass(frozen=True)
class NeedState:
    """A need as it stands after some step; ``history`` starts with the opening status."""

    category: str
    item: str
    status: str
    priority: str | None
    next_step: str | None
    due_day: int | None
    resource: str | None
    opened_step: int  # 0-based
    opened_day: int
    history: tuple[NeedStatusChange, ...]


@dataclass(frozen=True)
class AppointmentState:
    kind: str
    day: int
    time: str
    place: str
    accompanied: bool
    outcome: str
    added_step: int  # 0-based
    outcome_step: int | None  # 0-based step that last set a non-empty outcome


@dataclass(frozen=True)
class StepNote:
    step_index: int  # 0-based step that adds it
    kind: str
    day: int
    body: str
    services: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScenarioState:
    """Everything the demo vault should hold after ``step_index`` (-1: before the first step)."""

    step_index: int
    notes: tuple[StepNote, ...]
    needs: tuple[NeedState, ...]
    appointments: tuple[AppointmentState, ...]
    resources: tuple[ScenarioResource, ...]


def _norm(name: str) -> str:
    """A name as compared: spaces collapsed, case folded."""
    return " ".join(name.split()).casefold()


def first_step_of_resources(steps: Sequence[ScenarioStep]) -> dict[str, int]:
    """The (0-based) step that adds each resource, by normalized name; each is added once."""
    resource_step: dict[str, int] = {}
    for index, step in enumerate(steps):
        for r_index, resource in enumerate(step.resources):
            key = _norm(resource.name)
            if key in resource_step:
                raise LocatedError(
                    Marked(
                        QT_TR_NOOP(
                            "the resource {0} is already added in step {1}; each resource is "
                            "added once"
                        ),
                        quoted(resource.name, 80),
                        resource_step[key] + 1,
                    ),
                    index,
                    f"resources[{r_index}].name",
                )
            resource_step[key] = index
    return resource_step


@dataclass
class _Replay:
    """Needs and appointments as the steps are applied one after the other."""

    resource_step: dict[str, int]  # see first_step_of_resources
    known: set[str] | None  # normalized names of the shipped directory, when checked
    needs: dict[tuple[str, str], NeedState] = field(default_factory=dict)
    appts: dict[tuple[str, int], AppointmentState] = field(default_factory=dict)
    day: int = 0  # the day of the step being applied (see Scenario.step_day)

    def apply(self, index: int, step: ScenarioStep) -> None:
        self.day = max([self.day, *(n.day for n in step.notes)])
        seen_needs: set[tuple[str, str]] = set()
        for n_index, need in enumerate(step.needs):
            where = f"needs[{n_index}]"
            key = (need.category, need.item)
            if key in seen_needs:
                raise LocatedError(
                    Marked(
                        QT_TR_NOOP(
                            "{0} ({1}) is listed twice in this step; put all its changes in one "
                            "entry"
                        ),
                        quoted(need.item, 80),
                        need.category,
                    ),
                    index,
                    f"{where}.item",
                )
            seen_needs.add(key)
            self._check_need_resource(index, where, need)
            if key in self.needs:
                self._change_need(index, where, need)
            else:
                self._open_need(index, where, need)
        seen_appts: set[tuple[str, int]] = set()
        for a_index, appt in enumerate(step.appointments):
            where = f"appointments[{a_index}]"
            a_key = (appt.kind, appt.day)
            if a_key in seen_appts:
                raise LocatedError(
                    Marked(
                        QT_TR_NOOP("{0} on day {1} is listed twice in this step"),
                        appt.kind,
                        appt.day,
                    ),
                    index,
                    f"{where}.day",
                )
            seen_appts.add(a_key)
            if a_key in self.appts:
                self._update_appointment(index, appt)
            else:
                self._add_appointment(index, where, appt)

    def _check_need_resource(self, index: int, where: str, need: ScenarioNeed) -> None:
        if need.resource is None:
            return
        r_key = _norm(need.resource)
        if r_key in self.resource_step and self.resource_step[r_key] > index:
            raise LocatedError(
                Marked(
                    QT_TR_NOOP(
                        "the resource {0} is only added in step {1}; add it in this step or an "
                        "earlier one"
                    ),
                    quoted(need.resource, 80),
                    self.resource_step[r_key] + 1,
                ),
                index,
                f"{where}.resource",
            )
        if r_key not in self.resource_step and self.known is not None and r_key not in self.known:
            raise LocatedError(
                Marked(
                    QT_TR_NOOP(
                        "{0} is not a resource of this scenario or of the shipped directory; add "
                        "it under [[steps.resources]] or check the name"
                    ),
                    quoted(need.resource, 80),
                ),
                index,
                f"{where}.resource",
            )

    def _open_need(self, index: int, where: str, need: ScenarioNeed) -> None:
        same_category = [k[1] for k in self.needs if k[0] == need.category]
        near = [i for i in same_category if _norm(i) == _norm(need.item)]
        if near:
            raise LocatedError(
                Marked(
                    QT_TR_NOOP(
                        "{0} differs only in capitals or spaces from {1}, opened earlier; use the "
                        "same spelling to change it"
                    ),
                    quoted(need.item, 80),
                    quoted(near[0], 80),
                ),
                index,
                f"{where}.item",
            )
        if need.change:
            opened = ", ".join(quoted(i, 60) for i in same_category) or Marked(QT_TR_NOOP("none"))
            raise LocatedError(
                Marked(
                    QT_TR_NOOP(
                        "{0} ({1}) was never opened in an earlier step, so this entry has nothing "
                        "to change; open it first or check the spelling (opened so far in {1}: "
                        "{2})"
                    ),
                    quoted(need.item, 80),
                    need.category,
                    opened,
                ),
                index,
                f"{where}.item",
            )
        status = need.status or "not_started"
        self.needs[(need.category, need.item)] = NeedState(
            category=need.category,
            item=need.item,
            status=status,
            priority=need.priority,
            next_step=need.next_step,
            due_day=need.due_day,
            resource=need.resource,
            opened_step=index,
            opened_day=self.day,
            history=(NeedStatusChange(index, self.day, status),),
        )

    def _change_need(self, index: int, where: str, need: ScenarioNeed) -> None:
        key = (need.category, need.item)
        earlier = self.needs[key]
        if (
            need.status is None
            and need.priority is None
            and need.next_step is None
            and need.due_day is None
            and need.resource is None
        ):
            raise LocatedError(
                Marked(
                    QT_TR_NOOP(
                        "this entry for {0} changes nothing; give at least a status, priority, "
                        "next_step, due_day or resource"
                    ),
                    quoted(need.item, 80),
                ),
                index,
                where,
            )
        history = earlier.history
        if need.status is not None and need.status != earlier.status:
            history = (*history, NeedStatusChange(index, self.day, need.status))
        self.needs[key] = NeedState(
            category=earlier.category,
            item=earlier.item,
            status=need.status if need.status is not None else earlier.status,
            priority=need.priority if need.priority is not None else earlier.priority,
            next_step=need.next_step if need.next_step is not None else earlier.next_step,
            due_day=need.due_day if need.due_day is not None else earlier.due_day,
            resource=need.resource if need.resource is not None else earlier.resource,
            opened_step=earlier.opened_step,
            opened_day=earlier.opened_day,
            history=history,
        )

    def _add_appointment(self, index: int, where: str, appt: ScenarioAppointment) -> None:
        if appt.time is None:
            if appt.outcome:
                listed = ", ".join(
                    str(Marked(QT_TR_NOOP("{0} day {1}"), k, d)) for k, d in self.appts
                ) or Marked(QT_TR_NOOP("none"))
                raise LocatedError(
                    Marked(
                        QT_TR_NOOP(
                            "there is no earlier {0} appointment on day {1} for this outcome to "
                            "update; an outcome update repeats the kind and day of an appointment "
                            "from an earlier step (earlier: {2}). To add a new appointment "
                            "instead, give its time"
                        ),
                        appt.kind,
                        appt.day,
                        listed,
                    ),
                    index,
                    f"{where}.day",
                )
            raise LocatedError(
                Marked(QT_TR_NOOP('a new appointment needs a time, like time = "09:30"')),
                index,
                f"{where}.time",
            )
        outcome = appt.outcome or ""
        self.appts[(appt.kind, appt.day)] = AppointmentState(
            kind=appt.kind,
            day=appt.day,
            time=appt.time,
            place=appt.place or "",
            accompanied=bool(appt.accompanied),
            outcome=outcome,
            added_step=index,
            outcome_step=index if outcome else None,
        )

    def _update_appointment(self, index: int, appt: ScenarioAppointment) -> None:
        a_key = (appt.kind, appt.day)
        previous = self.appts[a_key]
        outcome = appt.outcome if appt.outcome is not None else previous.outcome
        self.appts[a_key] = AppointmentState(
            kind=previous.kind,
            day=previous.day,
            time=appt.time if appt.time is not None else previous.time,
            place=appt.place if appt.place is not None else previous.place,
            accompanied=(
                appt.accompanied if appt.accompanied is not None else previous.accompanied
            ),
            outcome=outcome,
            added_step=previous.added_step,
            outcome_step=index if appt.outcome else previous.outcome_step,
        )


def replay(
    steps: Sequence[ScenarioStep],
    upto: int,
    known_resources: Collection[str] | None = None,
) -> tuple[dict[tuple[str, str], NeedState], dict[tuple[str, int], AppointmentState]]:
    """Apply steps[0..upto] in order, checking every cross-step rule; raises LocatedError.

    Resources are checked across every step, not only those applied: each is added once.
    """
    known = {_norm(n) for n in known_resources} if known_resources is not None else None
    state = _Replay(first_step_of_resources(steps), known)
    for index, step in enumerate(steps[: upto + 1]):
        state.apply(index, step)
    return state.needs, state.appts
