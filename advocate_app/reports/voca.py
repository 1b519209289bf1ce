"""The VOCA quarterly figures: the exact counts a supervisor types into OVC's PMT.

Question by question, in the PMT's order and wording (assets/voca, read by store.pmt_form), for
one federal fiscal quarter, with the PMT's rules:

* an individual is counted once per quarter, however many services or notes;
* "new" means their first service this federal fiscal year (from October 1) was in the quarter;
  served again later in the same year they are continuing;
* each service is counted as individuals (each person once) and as times (every ticking, also
  for anonymous contacts, who are never individuals);
* demographics count the people the form file says (`among`: new or served); "declined to
  answer" is the PMT's Not Reported, "not asked" its Not Tracked.

These numbers are exact and about real people: supervisors only, on screen or from the command
line, never in an export. The anonymized PDF's VOCA table uses `service_group_rows`, through the
summary's suppression like every other count.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from advocate_app.i18n import QT_TR_NOOP, ExplainedValueError
from advocate_app.reports.periods import QUARTER, Period, fiscal_quarter
from advocate_app.store.pmt_form import DECLINED, Item, PmtForm, Question, current_form
from advocate_app.store.vault import Vault
from advocate_app.store.voca_queries import PersonAnswers, VocaRecords, voca_records

FEDERAL_START_MONTH = 10  # the PMT's quarters are federal fiscal quarters, whatever the office's

QUARTER_FORMS = QT_TR_NOOP(
    "2026-Q3: quarter 3 of federal fiscal year 2026, April–June 2026 (the federal "
    "fiscal year starts October 1, so 2026-Q1 is October–December 2025)"
)

_QUARTER = re.compile(r"(?:FY)?(\d{4})-?Q([1-4])", re.IGNORECASE)

NOT_ASKED_LABEL = "Not asked"
DECLINED_LABEL = "Declined to answer"


@dataclass(frozen=True)
class FigureRow:
    code: str
    pmt: str  # the PMT's wording
    plain: str
    individuals: int
    times: int | None = None  # services only
    pmt_code: str = ""  # "B7", or "B" for a group's row
    is_group: bool = False
    confirmed: bool = True


@dataclass(frozen=True)
class Figure:
    question: Question
    total: int  # the people (or contacts) the question counts
    rows: tuple[FigureRow, ...] = ()


@dataclass(frozen=True)
class VocaFigures:
    form: PmtForm
    period: Period
    complete: bool  # False while the quarter is still going on
    figures: tuple[Figure, ...]

    def figure(self, figure_id: str) -> Figure:
        for f in self.figures:
            if f.question.figure == figure_id:
                return f
        raise KeyError(figure_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "form": {
                "name": self.form.name,
                "federal_fiscal_year": self.form.federal_fiscal_year,
                "checked_on": self.form.checked_on,
                "in_force_confirmed": self.form.in_force_confirmed,
                "note": self.form.note,
            },
            "quarter": {
                "code": self.period.code,
                "label": self.period.label,
                "start": self.period.start.isoformat(),
                "end": self.period.end.isoformat(),
                "complete": self.complete,
            },
            "figures": [
                {
                    "id": f.question.id,
                    "pmt": f.question.pmt,
                    "plain": f.question.plain,
                    "rule": f.question.rule,
                    "confirmed": f.question.confirmed,
                    "among": f.question.among,
                    "total": f.total,
                    "rows": [
                        {
                            "code": r.code,
                            **({"pmt_code": r.pmt_code} if r.pmt_code else {}),
                            "pmt": r.pmt,
                            "plain": r.plain,
                            "individuals": r.individuals,
                            **({"times": r.times} if r.times is not None else {}),
                            **({"group": True} if r.is_group else {}),
                        }
                        for r in f.rows
                    ],
                }
                for f in self.figures
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


def parse_quarter(text: object, today: date | None = None) -> Period:
    """ "2026-Q3" (or "FY2026-Q3") into that federal fiscal quarter; a quarter that has not
    begun is refused."""
    if not isinstance(text, str) or not (match := _QUARTER.fullmatch(text.strip())):
        raise ExplainedValueError(QT_TR_NOOP("Name the quarter as {0}."), QUARTER_FORMS)
    period = fiscal_quarter(int(match.group(1)), int(match.group(2)), FEDERAL_START_MONTH)
    if period.start > (today or date.today()):
        raise ExplainedValueError(
            QT_TR_NOOP("{0} has not begun yet; choose a quarter that has."), period.code
        )
    return period


def quarter_figures(
    vault: Vault, period: Period, today: date | None = None, form: PmtForm | None = None
) -> VocaFigures:
    """The figures for a federal fiscal quarter, from the vault. Supervisors only."""
    if period.kind != QUARTER or period.start.month not in (1, 4, 7, 10):
        raise ExplainedValueError(QT_TR_NOOP("The VOCA figures are for a federal fiscal quarter."))
    fy = period.end.year + (1 if period.end.month >= FEDERAL_START_MONTH else 0)
    year_start = date(fy - 1, FEDERAL_START_MONTH, 1)
    records = voca_records(vault, year_start, period.start, period.end)
    return compute_figures(
        records, form or current_form(), period, complete=period.is_complete(today or date.today())
    )


# --- the counting (pure) ------------------------------------------------------------------------


def _multi(stored: str | None, known: set[str]) -> tuple[str, ...] | str | None:
    if stored is None or stored == "":
        return None
    if stored == DECLINED:
        return DECLINED
    codes = tuple(c for c in stored.split(",") if c in known)
    return codes or None


def _one_of(
    items: tuple[Item, ...],
    answers: list[str],
    extra: Mapping[str, str],
    extra_codes: tuple[str, ...],
) -> tuple[FigureRow, ...]:
    """One row per answer, then the extra rows (multiple, declined, not asked)."""
    rows = [
        FigureRow(i.code, i.pmt, i.plain, answers.count(i.code), confirmed=i.confirmed)
        for i in items
    ]
    plain = {"multiple": "More than one", "declined": DECLINED_LABEL, "not_asked": NOT_ASKED_LABEL}
    for code in extra_codes:
        rows.append(FigureRow(code, extra.get(code, plain[code]), plain[code], answers.count(code)))
    return tuple(rows)


def _race(person: PersonAnswers, known: set[str]) -> str:
    value = _multi(person.race_ethnicity, known)
    if value is None:
        return "not_asked"
    if value == DECLINED:
        return "declined"
    return value[0] if len(value) == 1 else "multiple"


def _gender(person: PersonAnswers, known: set[str]) -> str:
    value = person.gender_identity
    if value == DECLINED:
        return "declined"
    return value if value in known else "not_asked"


def _age(person: PersonAnswers, known: set[str]) -> str:
    if person.age_group == "not_reported":
        return "declined"
    return person.age_group if person.age_group in known else "not_asked"


# The questions a person answers once (one row per answer, then the extra rows): the form's
# items, how a person's answer is read, and which extra rows follow.
_OneAnswer = tuple[
    Callable[[PmtForm], tuple[Item, ...]],
    Callable[[PersonAnswers, set[str]], str],
    tuple[str, ...],
]
_ONE_ANSWER: dict[str, _OneAnswer] = {
    "race_ethnicity": (
        lambda form: form.race_ethnicity,
        _race,
        ("multiple", "declined", "not_asked"),
    ),
    "gender_identity": (lambda form: form.gender_identity, _gender, ("declined", "not_asked")),
    "age": (lambda form: form.age, _age, ("declined", "not_asked")),
}
# The questions with several answers each (a person under every one recorded for them).
_EACH_ANSWER: dict[str, Callable[[PmtForm], tuple[Item, ...]]] = {
    "victimization_types": lambda form: form.victimization_types,
    "special_classifications": lambda form: form.special_classifications,
}


def _one_answer_each(
    form: PmtForm, figure: str, people: list[PersonAnswers]
) -> tuple[FigureRow, ...]:
    items_of, answer, extra_codes = _ONE_ANSWER[figure]
    items = items_of(form)
    known = {i.code for i in items}
    return _one_of(
        items, [answer(p, known) for p in people], form.extra_rows.get(figure, {}), extra_codes
    )


def _each_of(
    items: tuple[Item, ...], people: list[PersonAnswers], column: str
) -> tuple[FigureRow, ...]:
    """A person under every answer recorded for them; then declined and not asked."""
    known = {i.code for i in items}
    counts = dict.fromkeys(known, 0)
    declined = not_asked = 0
    for person in people:
        value = _multi(getattr(person, column), known)
        if value is None:
            not_asked += 1
        elif value == DECLINED:
            declined += 1
        else:
            for code in value:
                counts[code] += 1
    rows = [FigureRow(i.code, i.pmt, i.plain, counts[i.code], confirmed=i.confirmed) for i in items]
    rows.append(FigureRow("declined", DECLINED_LABEL, DECLINED_LABEL, declined))
    rows.append(FigureRow("not_asked", NOT_ASKED_LABEL, NOT_ASKED_LABEL, not_asked))
    return tuple(rows)


def _services(form: PmtForm, records: VocaRecords) -> tuple[FigureRow, ...]:
    people_by_service: dict[str, set[int]] = {}
    times: dict[str, int] = {}
    for (cid, code), n in records.service_times.items():
        people_by_service.setdefault(code, set()).add(cid)
        times[code] = times.get(code, 0) + n
    for services in records.contacts:
        for code in set(services):
            times[code] = times.get(code, 0) + 1
    rows: list[FigureRow] = []
    for group in form.service_groups:
        members = form.services_of(group.code)
        people: set[int] = set().union(*(people_by_service.get(s.code, set()) for s in members))
        rows.append(
            FigureRow(
                group.code,
                group.pmt,
                group.plain,
                len(people),
                sum(times.get(s.code, 0) for s in members),
                group.code,
                True,
                group.confirmed,
            )
        )
        for s in members:
            rows.append(
                FigureRow(
                    s.code,
                    s.pmt,
                    s.plain,
                    len(people_by_service.get(s.code, ())),
                    times.get(s.code, 0),
                    s.pmt_code,
                    False,
                    s.confirmed,
                )
            )
    return tuple(rows)


def _counted_on_its_own(
    form: PmtForm, question: Question, records: VocaRecords
) -> tuple[int, tuple[FigureRow, ...]]:
    """A service the PMT asks about apart from its table (victim compensation): the people
    given it (the total) and one row per service with people and times."""
    rows: list[FigureRow] = []
    everyone: set[int] = set()
    for s in form.services_counted_by(question.figure):
        people = {cid for (cid, code) in records.service_times if code == s.code}
        times = sum(n for (_cid, code), n in records.service_times.items() if code == s.code)
        times += sum(1 for services in records.contacts if s.code in services)
        everyone |= people
        rows.append(FigureRow(s.code, s.pmt, s.plain, len(people), times, confirmed=s.confirmed))
    return len(everyone), tuple(rows)


def compute_figures(
    records: VocaRecords, form: PmtForm, period: Period, complete: bool = True
) -> VocaFigures:
    served = sorted({cid for cid, _ in records.service_times})
    new = [cid for cid in served if cid not in records.served_earlier]
    people_of = {
        "served": [records.people[c] for c in served if c in records.people],
        "new": [records.people[c] for c in new if c in records.people],
    }
    figures: list[Figure] = []
    for q in form.questions:
        people = people_of[q.among]
        if q.figure == "individuals_served":
            figures.append(Figure(q, len(served)))
        elif q.figure == "anonymous_contacts":
            figures.append(Figure(q, len(records.contacts)))
        elif q.figure == "individuals_new":
            figures.append(Figure(q, len(new)))
        elif q.figure in _ONE_ANSWER:
            figures.append(Figure(q, len(people), _one_answer_each(form, q.figure, people)))
        elif q.figure in _EACH_ANSWER:
            items = _EACH_ANSWER[q.figure](form)
            figures.append(Figure(q, len(people), _each_of(items, people, q.figure)))
        elif q.figure == "services":
            figures.append(Figure(q, len(served), _services(form, records)))
        elif form.services_counted_by(q.figure):
            figures.append(Figure(q, *_counted_on_its_own(form, q, records)))
        else:
            raise ValueError(f"The form asks for a figure this app cannot count: {q.figure!r}.")
    return VocaFigures(form, period, complete, tuple(figures))


# --- the anonymized PDF's VOCA table ------------------------------------------------------------


def service_group_rows(
    people_by_group: Mapping[str, int], form: PmtForm | None = None
) -> list[tuple[str, str, int]]:
    """(code, label, people) for each PMT service group, in the form's order: the rows of the
    anonymized summary's VOCA table. Labels come from the form file, never from stored data."""
    form = form or current_form()
    return [
        (g.code, f"{g.code}. {g.pmt}", people_by_group.get(g.code, 0)) for g in form.service_groups
    ]


def group_of_service(form: PmtForm | None = None) -> dict[str, str]:
    """service code -> its PMT group ("B"), for counting people by group."""
    form = form or current_form()
    return {s.code: s.group for s in form.services if not s.question}
