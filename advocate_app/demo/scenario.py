"""Trainer demo scenarios: the TOML schema, a loader with errors a trainer can act on, and replay.

A scenario file (assets/scenarios/*.toml) describes one invented client and the steps of her or
his case. Each step adds notes, opens or changes needs, adds or updates appointments, may add
fictional local resources, and carries a discussion prompt for the trainer.

Days: every ``day`` in a file counts days after the scenario's intake day (day 0). The demo vault
chooses the real intake date (see :func:`date_for_day`), so scenarios never carry real dates.

Needs: the first entry for a (category, item) opens that need; a later entry with the same
category and item changes it (only the keys it gives). ``change = true`` on an entry says "this
changes a need opened earlier" and makes a mistyped item an error instead of a new need.

Appointments: an entry whose kind and day repeat an appointment from an earlier step updates it
(usually to set its outcome); any other entry adds a new appointment and must give its time.

Step indexes in the Python API are 0-based (``steps[0]`` is the first step); error messages and
the ``step`` attribute of :class:`ScenarioError` are 1-based, as a trainer counts them.

Pure Python (pydantic v2): no Qt, no database.
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
import types
import typing
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    model_validator,
)

from advocate_app.store import vocab

MAX_FILE_BYTES = 1024 * 1024
MIN_STEPS = 5
MAX_STEPS = 30
MAX_DAY = 3650  # ten years after intake is plenty for any training case

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TIME_RE = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$")
# 555-0100 to 555-0199 are reserved for fiction; an area code in front is allowed.
_FICTIONAL_PHONE_RE = re.compile(r"^(?:\(\d{3}\) ?|\d{3}[-. ])?555-01\d\d$")
# Something that looks like a North American phone number anywhere in free text.
_PHONE_IN_TEXT_RE = re.compile(
    r"(?<![\d-])(?:1[-. ])?(?:\((\d{3})\) ?|(\d{3})[-. ])?(\d{3})[-. ](\d{4})(?![\d-])"
)
# National toll-free prefixes: hotlines such as 1-888-373-7888 may be quoted in training text.
_TOLL_FREE = frozenset({"800", "833", "844", "855", "866", "877", "888"})


# --------------------------------------------------------------------------- errors


class ScenarioError(Exception):
    """A scenario file that cannot be used, explained for a trainer.

    ``file`` is the file name only (no folder). ``step`` is 1-based or None when the problem is not
    inside a step. ``field`` is the dotted path of the offending key, e.g.
    ``"steps[3].needs[0].category"`` (the number after ``steps`` is the same 1-based step number;
    entries inside a step count from 0) or ``"client.age_group"``. ``line``/``column`` are set for
    TOML syntax errors and invalid UTF-8.
    """

    def __init__(
        self,
        file: str,
        message: str,
        *,
        step: int | None = None,
        field: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(file, message)
        self.file = file
        self.message = message
        self.step = step
        self.field = field
        self.line = line
        self.column = column

    @property
    def field_in_step(self) -> str | None:
        """The field path without its ``steps[n]`` prefix, as shown after "step n"."""
        if self.field is None:
            return None
        if self.step is not None:
            prefix = f"steps[{self.step}]"
            if self.field.startswith(prefix):
                rest = self.field[len(prefix) :].lstrip(".")
                return rest or None
        return self.field

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(f"line {self.line}" + (f", column {self.column}" if self.column else ""))
        if self.step is not None:
            parts.append(f"step {self.step}")
        shown_field = self.field_in_step
        if shown_field:
            parts.append(f"field {shown_field}")
        return ", ".join(parts) + ": " + self.message


class _LocatedError(ValueError):
    """Raised inside validation for a cross-step problem; carries where it happened.

    pydantic wraps ValueError subclasses and keeps the instance in ctx["error"], so the loader can
    recover the step and field even though the check runs at the scenario's top level.
    """

    def __init__(self, message: str, step_index: int | None, field: str | None) -> None:
        super().__init__(message)
        self.step_index = step_index
        self.field = field


# --------------------------------------------------------------------------- field types


def _quoted(value: object, limit: int = 40) -> str:
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f'"{text}"'


def _code_check(codes: dict[str, str], noun: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in codes:
            choices = ", ".join(codes)
            raise ValueError(f"{_quoted(value)} is not {noun} (choose one of: {choices})")
        return value

    return check


AgeGroup = Annotated[str, AfterValidator(_code_check(vocab.AGE_GROUPS, "an age group"))]
TraffickingType = Annotated[
    str, AfterValidator(_code_check(vocab.TRAFFICKING_TYPES, "a trafficking type"))
]
NoteKind = Annotated[str, AfterValidator(_code_check(vocab.NOTE_KINDS, "a note kind"))]
NeedCategory = Annotated[str, AfterValidator(_code_check(vocab.NEED_CATEGORIES, "a need category"))]
NeedStatus = Annotated[str, AfterValidator(_code_check(vocab.NEED_STATUSES, "a need status"))]
NeedPriority = Annotated[str, AfterValidator(_code_check(vocab.NEED_PRIORITIES, "a need priority"))]
AppointmentKind = Annotated[
    str, AfterValidator(_code_check(vocab.APPOINTMENT_KINDS, "an appointment kind"))
]
ResourceCategory = Annotated[
    str, AfterValidator(_code_check(vocab.RESOURCE_CATEGORIES, "a resource category"))
]


def _no_real_phone_numbers(value: str) -> str:
    """Refuse what looks like a real local phone number: demo data must never reach a person."""
    for match in _PHONE_IN_TEXT_RE.finditer(value):
        area = match.group(1) or match.group(2)
        exchange, line = match.group(3), match.group(4)
        if exchange == "555" and line.startswith("01"):
            continue
        if area in _TOLL_FREE:
            continue
        raise ValueError(
            f"{_quoted(match.group(0))} looks like a real phone number; scenarios may only use "
            "fictional 555-01xx numbers (or national toll-free hotlines)"
        )
    return value


_NoRealPhone = AfterValidator(_no_real_phone_numbers)
# Required text (stripped, not empty) and optional text (may be ""), by maximum length.
Text60 = Annotated[str, StringConstraints(min_length=1, max_length=60), _NoRealPhone]
Text120 = Annotated[str, StringConstraints(min_length=1, max_length=120), _NoRealPhone]
Text200 = Annotated[str, StringConstraints(min_length=1, max_length=200), _NoRealPhone]
Text300 = Annotated[str, StringConstraints(min_length=1, max_length=300), _NoRealPhone]
Text500 = Annotated[str, StringConstraints(min_length=1, max_length=500), _NoRealPhone]
Text2000 = Annotated[str, StringConstraints(min_length=1, max_length=2000), _NoRealPhone]
Text4000 = Annotated[str, StringConstraints(min_length=1, max_length=4000), _NoRealPhone]
MaybeText60 = Annotated[str, StringConstraints(max_length=60), _NoRealPhone]
MaybeText120 = Annotated[str, StringConstraints(max_length=120), _NoRealPhone]
MaybeText200 = Annotated[str, StringConstraints(max_length=200), _NoRealPhone]
MaybeText500 = Annotated[str, StringConstraints(max_length=500), _NoRealPhone]


def _check_id(value: str) -> str:
    if not _ID_RE.match(value):
        raise ValueError(
            f"{_quoted(value)} is not a valid id: use lowercase letters, digits and hyphens, "
            'like "h2a-farmworker"'
        )
    return value


def _time_to_text(value: object) -> object:
    # TOML has a native local time (09:30:00); accept it as well as the documented "09:30".
    if isinstance(value, _dt.time):
        return value.strftime("%H:%M")
    return value


def _check_time(value: str) -> str:
    if not _TIME_RE.match(value):
        raise ValueError(
            f'{_quoted(value)} is not a time: write it as HH:MM, 24-hour, like "09:30"'
        )
    return value


def _check_phone(value: str) -> str:
    if value and not _FICTIONAL_PHONE_RE.match(value):
        raise ValueError(
            f"{_quoted(value)} is not a fictional phone number: use 555-0100 to 555-0199, "
            'like "555-0142" (an area code in front is fine)'
        )
    return value


ScenarioId = Annotated[
    str, StringConstraints(min_length=1, max_length=60), AfterValidator(_check_id)
]
Day = Annotated[int, Field(ge=0, le=MAX_DAY)]
ClockTime = Annotated[str, BeforeValidator(_time_to_text), AfterValidator(_check_time)]
FictionalPhone = Annotated[str, StringConstraints(max_length=30), AfterValidator(_check_phone)]


class _Model(BaseModel):
    # strict: TOML has real booleans and integers, so "yes" or 7.0 is a mistake worth reporting.
    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True, frozen=True)


# --------------------------------------------------------------------------- schema


class ScenarioClient(_Model):
    """The invented client. ``alias`` is how the demo vault shows her or him."""

    alias: Text60
    age_group: AgeGroup
    trafficking_type: TraffickingType
    preferred_language: Text60 | None = None
    interpreter_needed: bool = False
    safe_contact: Text200 | None = None  # the vault keeps 200 characters


class ScenarioNote(_Model):
    kind: NoteKind
    day: Day
    body: Text4000


class ScenarioNeed(_Model):
    """Opens a need, or changes the one with the same category and item opened earlier.

    On opening, a missing ``status`` means "not_started". On a change, every key left out keeps
    its earlier value.
    """

    category: NeedCategory
    item: Text120
    status: NeedStatus | None = None
    priority: NeedPriority | None = None
    next_step: MaybeText200 | None = None  # the vault keeps 200 characters
    due_day: Day | None = None
    resource: Text120 | None = None
    change: bool = False  # true: must change a need opened in an earlier step


class ScenarioAppointment(_Model):
    """Adds an appointment, or updates the earlier one with the same kind and day."""

    kind: AppointmentKind
    day: Day
    time: ClockTime | None = None
    place: MaybeText200 | None = None
    accompanied: bool | None = None
    outcome: MaybeText500 | None = None


class ScenarioResource(_Model):
    """A fictional local resource added to the demo directory."""

    name: Text120
    category: ResourceCategory
    phone: FictionalPhone = ""
    county: MaybeText60 = ""
    hours: MaybeText120 = ""
    languages: MaybeText120 = ""


class ScenarioStep(_Model):
    title: Text120
    prompt: Text2000
    notes: list[ScenarioNote] = Field(default_factory=list, max_length=30)
    needs: list[ScenarioNeed] = Field(default_factory=list, max_length=40)
    appointments: list[ScenarioAppointment] = Field(default_factory=list, max_length=20)
    resources: list[ScenarioResource] = Field(default_factory=list, max_length=20)


# --------------------------------------------------------------------------- replay results


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


@dataclass(frozen=True)
class ScenarioState:
    """Everything the demo vault should hold after ``step_index`` (-1: before the first step)."""

    step_index: int
    notes: tuple[StepNote, ...]
    needs: tuple[NeedState, ...]
    appointments: tuple[AppointmentState, ...]
    resources: tuple[ScenarioResource, ...]


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def _replay(
    steps: list[ScenarioStep],
    upto: int,
    known_resources: Collection[str] | None = None,
) -> tuple[dict[tuple[str, str], NeedState], dict[tuple[str, int], AppointmentState]]:
    """Apply steps[0..upto] in order, checking every cross-step rule; raises _LocatedError."""
    needs: dict[tuple[str, str], NeedState] = {}
    appts: dict[tuple[str, int], AppointmentState] = {}
    resource_step: dict[str, int] = {}
    for index, step in enumerate(steps):
        for r_index, resource in enumerate(step.resources):
            key = _norm(resource.name)
            if key in resource_step:
                raise _LocatedError(
                    f"the resource {_quoted(resource.name, 80)} is already added in step "
                    f"{resource_step[key] + 1}; each resource is added once",
                    index,
                    f"resources[{r_index}].name",
                )
            resource_step[key] = index
    known = {_norm(n) for n in known_resources} if known_resources is not None else None

    day = 0
    for index, step in enumerate(steps[: upto + 1]):
        day = max([day, *(n.day for n in step.notes)])
        seen_needs: set[tuple[str, str]] = set()
        for n_index, need in enumerate(step.needs):
            where = f"needs[{n_index}]"
            key = (need.category, need.item)
            if key in seen_needs:
                raise _LocatedError(
                    f"{_quoted(need.item, 80)} ({need.category}) is listed twice in this step; "
                    "put all its changes in one entry",
                    index,
                    f"{where}.item",
                )
            seen_needs.add(key)
            if need.resource is not None:
                r_key = _norm(need.resource)
                if r_key in resource_step and resource_step[r_key] > index:
                    raise _LocatedError(
                        f"the resource {_quoted(need.resource, 80)} is only added in step "
                        f"{resource_step[r_key] + 1}; add it in this step or an earlier one",
                        index,
                        f"{where}.resource",
                    )
                if r_key not in resource_step and known is not None and r_key not in known:
                    raise _LocatedError(
                        f"{_quoted(need.resource, 80)} is not a resource of this scenario or of "
                        "the shipped directory; add it under [[steps.resources]] or check the name",
                        index,
                        f"{where}.resource",
                    )
            earlier = needs.get(key)
            if earlier is None:
                same_category = [k[1] for k in needs if k[0] == need.category]
                near = [i for i in same_category if _norm(i) == _norm(need.item)]
                if near:
                    raise _LocatedError(
                        f"{_quoted(need.item, 80)} differs only in capitals or spaces from "
                        f"{_quoted(near[0], 80)}, opened earlier; use the same spelling "
                        "to change it",
                        index,
                        f"{where}.item",
                    )
                if need.change:
                    opened = ", ".join(_quoted(i, 60) for i in same_category) or "none"
                    raise _LocatedError(
                        f"{_quoted(need.item, 80)} ({need.category}) was never opened in an "
                        "earlier step, so this entry has nothing to change; open it first or "
                        f"check the spelling (opened so far in {need.category}: {opened})",
                        index,
                        f"{where}.item",
                    )
                status = need.status or "not_started"
                needs[key] = NeedState(
                    category=need.category,
                    item=need.item,
                    status=status,
                    priority=need.priority,
                    next_step=need.next_step,
                    due_day=need.due_day,
                    resource=need.resource,
                    opened_step=index,
                    opened_day=day,
                    history=(NeedStatusChange(index, day, status),),
                )
                continue
            if (
                need.status is None
                and need.priority is None
                and need.next_step is None
                and need.due_day is None
                and need.resource is None
            ):
                raise _LocatedError(
                    f"this entry for {_quoted(need.item, 80)} changes nothing; give at least a "
                    "status, priority, next_step, due_day or resource",
                    index,
                    where,
                )
            history = earlier.history
            if need.status is not None and need.status != earlier.status:
                history = (*history, NeedStatusChange(index, day, need.status))
            needs[key] = NeedState(
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

        seen_appts: set[tuple[str, int]] = set()
        for a_index, appt in enumerate(step.appointments):
            where = f"appointments[{a_index}]"
            a_key = (appt.kind, appt.day)
            if a_key in seen_appts:
                raise _LocatedError(
                    f"{appt.kind} on day {appt.day} is listed twice in this step",
                    index,
                    f"{where}.day",
                )
            seen_appts.add(a_key)
            previous = appts.get(a_key)
            if previous is None:
                if appt.time is None:
                    if appt.outcome:
                        listed = ", ".join(f"{k} day {d}" for k, d in appts) or "none"
                        raise _LocatedError(
                            f"there is no earlier {appt.kind} appointment on day {appt.day} for "
                            "this outcome to update; an outcome update repeats the kind and day "
                            f"of an appointment from an earlier step (earlier: {listed}). To add "
                            "a new appointment instead, give its time",
                            index,
                            f"{where}.day",
                        )
                    raise _LocatedError(
                        'a new appointment needs a time, like time = "09:30"',
                        index,
                        f"{where}.time",
                    )
                outcome = appt.outcome or ""
                appts[a_key] = AppointmentState(
                    kind=appt.kind,
                    day=appt.day,
                    time=appt.time,
                    place=appt.place or "",
                    accompanied=bool(appt.accompanied),
                    outcome=outcome,
                    added_step=index,
                    outcome_step=index if outcome else None,
                )
                continue
            outcome = appt.outcome if appt.outcome is not None else previous.outcome
            appts[a_key] = AppointmentState(
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
    return needs, appts


class Scenario(_Model):
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
        _replay(self.steps, len(self.steps) - 1, context.get("known_resources"))
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
            StepNote(i, n.kind, n.day, n.body)
            for i, step in enumerate(self.steps[: step_index + 1])
            for n in step.notes
        ]

    def needs_state_after(self, step_index: int) -> dict[tuple[str, str], NeedState]:
        """Needs keyed by (category, item) as they stand after step_index, in opening order."""
        self._check_index(step_index, allow_before_start=True)
        return _replay(self.steps, step_index)[0]

    def appointments_after(self, step_index: int) -> list[AppointmentState]:
        """Appointments as they stand after step_index, by day then time."""
        self._check_index(step_index, allow_before_start=True)
        appts = _replay(self.steps, step_index)[1].values()
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
        needs, appts = _replay(self.steps, step_index)
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


# --------------------------------------------------------------------------- loading


def _describe(value: object) -> str:
    """A value as a trainer would recognise it in the file."""
    if isinstance(value, bool):
        return f"{str(value).lower()} (a true/false value)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {_quoted(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, _dt.datetime | _dt.date | _dt.time):
        return f"the date or time {value.isoformat()}"
    return type(value).__name__


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated, Optional and list[...] to reach a model class (or a plain type)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        elif origin is list:
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def _model_at(loc: Iterable[int | str]) -> type[BaseModel] | None:
    """The schema class reached by following a pydantic error location from Scenario."""
    current: Any = Scenario
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def _field_path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for position, part in enumerate(loc):
        if isinstance(part, int):
            # The step number matches ScenarioError.step (1-based); inner entries count from 0.
            shown = part + 1 if position == 1 and loc[0] == "steps" else part
            text += f"[{shown}]"
        else:
            text += ("." if text else "") + part
    return text


def _plain_message(error: Any) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "missing":
        target = _model_at(loc)
        if target is not None and isinstance(loc[-1], str):
            return f"the required [{_field_path(loc)}] table is missing"
        return f'the required key "{name}" is missing'
    if kind == "extra_forbidden":
        parent = _model_at(loc[:-1])
        allowed = ", ".join(parent.model_fields) if parent is not None else ""
        where = "at the top of the file" if len(loc) == 1 else "here"
        hint = f" (allowed {where}: {allowed})" if allowed else ""
        return f'"{loc[-1]}" is not a key this file understands {where}; check the spelling{hint}'
    if kind == "string_type":
        return f"expected text in quotes, got {_describe(value)}"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number, got {_describe(value)}"
    if kind in {"bool_type", "bool_parsing"}:
        return f"expected true or false, got {_describe(value)}"
    if kind == "list_type":
        hint = (
            f" (write each entry as [[{_field_path(loc)}]], with double brackets)"
            if isinstance(value, dict)
            else ""
        )
        return f"expected a list, got {_describe(value)}{hint}"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"expected a table ([{name}] or {{ ... }}), got {_describe(value)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return (
            f"is too long ({len(value) if isinstance(value, str) else '?'} characters; "
            f"at most {ctx.get('max_length')})"
        )
    if kind == "too_short":
        if loc == ("steps",):
            return (
                f"a scenario needs at least {ctx.get('min_length')} steps; "
                f"this file has {ctx.get('actual_length')}"
            )
        least = ctx.get("min_length")
        noun = "entry" if least == 1 else "entries"
        return f"needs at least {least} {noun}; it has {ctx.get('actual_length')}"
    if kind == "too_long":
        return (
            f"has {ctx.get('actual_length')} entries; at most {ctx.get('max_length')} are allowed"
        )
    if kind == "greater_than_equal":
        if name in {"day", "due_day"}:
            return f"days count from the intake day, so this must be 0 or more, not {value}"
        return f"must be {ctx.get('ge')} or more, not {value}"
    if kind == "less_than_equal":
        return f"must be {ctx.get('le')} or less, not {value}"
    return str(error["msg"])


def _from_validation_error(file: str, exc: ValidationError) -> ScenarioError:
    first = exc.errors()[0]
    located = (first.get("ctx") or {}).get("error")
    if isinstance(located, _LocatedError):
        step = located.step_index + 1 if located.step_index is not None else None
        field = located.field
        if step is not None:
            field = f"steps[{step}]" + (f".{field}" if field else "")
        return ScenarioError(file, str(located), step=step, field=field)
    loc = tuple(first["loc"])
    step = None
    if len(loc) >= 2 and loc[0] == "steps" and isinstance(loc[1], int):
        step = loc[1] + 1
    return ScenarioError(
        file, _plain_message(first), step=step, field=_field_path(loc) if loc else None
    )


def _toml_error(file: str, text: str, exc: tomllib.TOMLDecodeError) -> ScenarioError:
    message = str(exc)
    match = re.search(r"\s*\(at line (\d+), column (\d+)\)\s*$", message)
    if match:
        line, column = int(match.group(1)), int(match.group(2))
        reason = message[: match.start()]
    else:
        reason = re.sub(r"\s*\(at end of document\)\s*$", "", message)
        line, column = text.count("\n") + 1, None
        reason += " (at the end of the file)"
    return ScenarioError(file, f"this is not valid TOML: {reason}", line=line, column=column)


def _read_toml_text(path: Path, error: Callable[..., Exception]) -> str:
    """The file's text, refusing files over 1 MB (without reading them) and invalid UTF-8.

    ``error(file, message, line=...)`` builds the exception to raise.
    """
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise error(
                name,
                f"the file is {size / (1024 * 1024):.1f} MB; the most allowed is 1 MB. "
                "Is this the right file?",
            )
        with path.open("rb") as handle:
            # Read one byte past the limit: the file may have grown since stat().
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise error(name, f"the file could not be read ({exc.strerror or exc})") from exc
    if len(data) > MAX_FILE_BYTES:
        raise error(name, "the file is larger than 1 MB, the most allowed. Is this the right file?")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise error(
            name,
            f"the file is not valid UTF-8 text (bad byte at offset {exc.start}, line {line}); "
            "save it as UTF-8 in your editor",
            line=line,
        ) from exc
    # Windows editors often add a byte-order mark, which tomllib rejects; it carries nothing.
    return text.removeprefix("\ufeff")


def load_scenario(path: Path, known_resources: Collection[str] | None = None) -> Scenario:
    """Read and validate one scenario file; every problem is a ScenarioError.

    ``known_resources``: names in the shipped resource directory. When given, a need's
    ``resource`` must be one of them or a resource the scenario adds; when None, names that the
    scenario does not add are not checked.
    """
    name = path.name
    text = _read_toml_text(path, ScenarioError)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(name, text, exc) from None
    try:
        return Scenario.model_validate(data, context={"known_resources": known_resources})
    except ValidationError as exc:
        raise _from_validation_error(name, exc) from None


def load_scenarios(
    folder: Path, known_resources: Collection[str] | None = None
) -> tuple[list[Scenario], list[ScenarioError]]:
    """Load every *.toml in folder, in file-name order.

    A bad file is reported and skipped; the others still load. A repeated ``id`` is an error for
    the later file (by name order). A missing folder gives two empty lists.
    """
    scenarios: list[Scenario] = []
    errors: list[ScenarioError] = []
    if not folder.is_dir():
        return scenarios, errors
    first_file_for_id: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml"), key=lambda p: p.name):
        if not path.is_file():
            continue
        try:
            scenario = load_scenario(path, known_resources)
        except ScenarioError as exc:
            errors.append(exc)
            continue
        if scenario.id in first_file_for_id:
            errors.append(
                ScenarioError(
                    path.name,
                    f'the id "{scenario.id}" is already used by '
                    f"{first_file_for_id[scenario.id]}; each scenario needs its own id",
                    field="id",
                )
            )
            continue
        first_file_for_id[scenario.id] = path.name
        scenarios.append(scenario)
    return scenarios, errors
