"""The scenario file's schema (TOML, validated with pydantic v2): the field types with their
checks, and one model per table of the file (client, step, note, need, appointment, resource).
The whole file, `Scenario`, is in demo.scenario.model, since it also replays the steps."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from advocate_app.demo.scenario.errors import quoted
from advocate_app.i18n import QT_TR_NOOP, Marked
from advocate_app.store import vocab
from advocate_app.store.pmt_form import current_form
from advocate_app.store.voca_fields import ReportingFields

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


def _code_check(codes: dict[str, str], noun: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in codes:
            choices = ", ".join(codes)
            raise ValueError(
                Marked(
                    QT_TR_NOOP("{0} is not {1} (choose one of: {2})"), quoted(value), noun, choices
                )
            )
        return value

    return check


AgeGroup = Annotated[str, AfterValidator(_code_check(vocab.AGE_GROUPS, QT_TR_NOOP("an age group")))]
TraffickingType = Annotated[
    str, AfterValidator(_code_check(vocab.TRAFFICKING_TYPES, QT_TR_NOOP("a trafficking type")))
]
NoteKind = Annotated[str, AfterValidator(_code_check(vocab.NOTE_KINDS, QT_TR_NOOP("a note kind")))]
NeedCategory = Annotated[
    str, AfterValidator(_code_check(vocab.NEED_CATEGORIES, QT_TR_NOOP("a need category")))
]
NeedStatus = Annotated[
    str, AfterValidator(_code_check(vocab.NEED_STATUSES, QT_TR_NOOP("a need status")))
]
NeedPriority = Annotated[
    str, AfterValidator(_code_check(vocab.NEED_PRIORITIES, QT_TR_NOOP("a need priority")))
]
AppointmentKind = Annotated[
    str, AfterValidator(_code_check(vocab.APPOINTMENT_KINDS, QT_TR_NOOP("an appointment kind")))
]
ResourceCategory = Annotated[
    str, AfterValidator(_code_check(vocab.RESOURCE_CATEGORIES, QT_TR_NOOP("a resource category")))
]


def _check_service(value: str) -> str:
    # The VOCA services of the form in force (assets/voca), read when a scenario is checked.
    return _code_check(
        {s.code: s.plain for s in current_form().services}, QT_TR_NOOP("a VOCA service")
    )(value)


ServiceCode = Annotated[str, AfterValidator(_check_service)]


def _answer_check(list_name: str, noun: str) -> Callable[[str | list[str]], str | list[str]]:
    """One of the form's codes, or a list of them, or "declined" (leaving it out is "not
    asked")."""

    def check(value: str | list[str]) -> str | list[str]:
        codes = {i.code: i.plain for i in current_form().answers(list_name)}
        if value == "declined":
            return value
        for code in [value] if isinstance(value, str) else value:
            _code_check(codes, noun)(code)
        return value

    return check


GenderAnswer = Annotated[
    str, AfterValidator(_answer_check("gender_identity", 'a gender identity or "declined"'))
]
RaceAnswer = Annotated[
    list[str] | str,
    AfterValidator(_answer_check("race_ethnicity", 'a race or ethnicity or "declined"')),
]
TypesAnswer = Annotated[
    list[str] | str,
    AfterValidator(_answer_check("victimization_types", 'a victimization type or "declined"')),
]
SpecialAnswer = Annotated[
    list[str] | str,
    AfterValidator(
        _answer_check("special_classifications", 'a special classification or "declined"')
    ),
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
            Marked(
                QT_TR_NOOP(
                    "{0} looks like a real phone number; scenarios may only use fictional "
                    "555-01xx numbers (or national toll-free hotlines)"
                ),
                quoted(match.group(0)),
            )
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
            Marked(
                QT_TR_NOOP(
                    "{0} is not a valid id: use lowercase letters, digits and hyphens, like "
                    '"h2a-farmworker"'
                ),
                quoted(value),
            )
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
            Marked(
                QT_TR_NOOP('{0} is not a time: write it as HH:MM, 24-hour, like "09:30"'),
                quoted(value),
            )
        )
    return value


def _check_phone(value: str) -> str:
    if value and not _FICTIONAL_PHONE_RE.match(value):
        raise ValueError(
            Marked(
                QT_TR_NOOP(
                    "{0} is not a fictional phone number: use 555-0100 to 555-0199, like "
                    '"555-0142" (an area code in front is fine)'
                ),
                quoted(value),
            )
        )
    return value


ScenarioId = Annotated[
    str, StringConstraints(min_length=1, max_length=60), AfterValidator(_check_id)
]
Day = Annotated[int, Field(ge=0, le=MAX_DAY)]
ClockTime = Annotated[str, BeforeValidator(_time_to_text), AfterValidator(_check_time)]
FictionalPhone = Annotated[str, StringConstraints(max_length=30), AfterValidator(_check_phone)]


class StrictModel(BaseModel):
    """Every scenario table: unknown keys refused, types strict, text stripped, frozen."""

    # strict: TOML has real booleans and integers, so "yes" or 7.0 is a mistake worth reporting.
    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True, frozen=True)


class ScenarioClient(StrictModel):
    """The invented client. ``alias`` is how the demo vault shows her or him."""

    alias: Text60
    age_group: AgeGroup
    trafficking_type: TraffickingType
    preferred_language: Text60 | None = None
    interpreter_needed: bool = False
    safe_contact: Text200 | None = None  # the vault keeps 200 characters
    # The funder's optional questions (assets/voca codes; "declined"; left out = not asked), so
    # Reports → VOCA has figures in a demo.
    gender_identity: GenderAnswer | None = None
    race_ethnicity: RaceAnswer | None = None
    victimization_types: TypesAnswer | None = None
    special_classifications: SpecialAnswer | None = None

    def reporting_fields(self) -> ReportingFields:
        def multi(value: list[str] | str | None) -> tuple[str, ...] | str | None:
            return tuple(value) if isinstance(value, list) else value

        return ReportingFields(
            self.gender_identity,
            multi(self.race_ethnicity),
            multi(self.victimization_types),
            multi(self.special_classifications),
        )


class ScenarioNote(StrictModel):
    kind: NoteKind
    day: Day
    body: Text4000
    # VOCA services the note records (codes of assets/voca), so the quarterly figures have data.
    services: list[ServiceCode] = Field(default_factory=list, max_length=12)


class ScenarioNeed(StrictModel):
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


class ScenarioAppointment(StrictModel):
    """Adds an appointment, or updates the earlier one with the same kind and day."""

    kind: AppointmentKind
    day: Day
    time: ClockTime | None = None
    place: MaybeText200 | None = None
    accompanied: bool | None = None
    outcome: MaybeText500 | None = None


class ScenarioResource(StrictModel):
    """A fictional local resource added to the demo directory."""

    name: Text120
    category: ResourceCategory
    phone: FictionalPhone = ""
    county: MaybeText60 = ""
    hours: MaybeText120 = ""
    languages: MaybeText120 = ""


class ScenarioStep(StrictModel):
    title: Text120
    prompt: Text2000
    notes: list[ScenarioNote] = Field(default_factory=list, max_length=30)
    needs: list[ScenarioNeed] = Field(default_factory=list, max_length=40)
    appointments: list[ScenarioAppointment] = Field(default_factory=list, max_length=20)
    resources: list[ScenarioResource] = Field(default_factory=list, max_length=20)
