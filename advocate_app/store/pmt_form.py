"""The VOCA Victim Assistance performance measures (OVC's PMT) as the app knows them.

The questions, answers and services live in assets/voca/pmt_fyNNNN.toml, with the PMT's wording,
plain words, sources and what could not be confirmed: a new version of the form is a new file.
The vault stores only the stable `code` of each answer and service. No Qt here: the ui, the
reports and the store all read the same form.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from advocate_app.i18n import QT_TR_NOOP, ExplainedValueError, Marked
from advocate_app.paths import assets_dir
from advocate_app.store.vocab import (
    AGE_GROUPS,
    ANONYMOUS_CONTACT_KINDS,
    APPOINTMENT_KINDS,
    NEED_CATEGORIES,
    RESOURCE_CATEGORIES,
)

FORM_FILE = ("voca", "pmt_fy2026.toml")

# What a multi-select or single answer holds when the survivor chose not to answer. "Not asked"
# is no answer at all (None): old records read that way.
DECLINED = "declined"

ANSWER_LISTS = (
    "race_ethnicity",
    "gender_identity",
    "victimization_types",
    "special_classifications",
)


class FormFileProblem(ExplainedValueError):
    """The form file is missing or malformed; the message says where (a marked template and its
    values, shown in the interface's language: Reports shows it when the shipped file is
    broken)."""


@dataclass(frozen=True)
class Item:
    code: str
    pmt: str
    plain: str
    confirmed: bool
    note: str = ""
    common: bool = False
    pmt_code: str = ""  # services only: "B7"
    group: str = ""  # services only: "B"
    # services only: the question that counts it on its own, outside the service table (then it
    # has no pmt_code, and `group` only places it in the note composer)
    question: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    figure: str
    pmt: str
    plain: str
    rule: str
    confirmed: bool
    note: str = ""
    among: str = "served"  # "served" or "new"


@dataclass(frozen=True)
class PmtForm:
    name: str
    federal_fiscal_year: int
    checked_on: str
    sources: tuple[str, ...]
    in_force_confirmed: bool
    note: str
    questions: tuple[Question, ...]
    race_ethnicity: tuple[Item, ...]
    gender_identity: tuple[Item, ...]
    age: tuple[Item, ...]
    victimization_types: tuple[Item, ...]
    special_classifications: tuple[Item, ...]
    service_groups: tuple[Item, ...]
    services: tuple[Item, ...]
    # Labels of the rows the figures add: "multiple", "declined", "not_asked".
    extra_rows: dict[str, dict[str, str]] = field(default_factory=dict)
    # kind of trigger -> app code -> service codes
    suggest: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    def answers(self, name: str) -> tuple[Item, ...]:
        if name not in ANSWER_LISTS:
            raise KeyError(name)
        return getattr(self, name)  # type: ignore[no-any-return]

    def codes(self, name: str) -> frozenset[str]:
        return frozenset(i.code for i in self.answers(name))

    @property
    def service_codes(self) -> frozenset[str]:
        return frozenset(s.code for s in self.services)

    def service(self, code: str) -> Item:
        for s in self.services:
            if s.code == code:
                return s
        raise KeyError(code)

    def services_of(self, group: str) -> tuple[Item, ...]:
        """The services of the PMT's service table in this group (not those counted by a
        question of their own)."""
        return tuple(s for s in self.services if s.group == group and not s.question)

    def composer_services_of(self, group: str) -> tuple[Item, ...]:
        """Every service the note composer shows under this group, those of the table first."""
        return tuple(s for s in self.services if s.group == group)

    def services_counted_by(self, question: str) -> tuple[Item, ...]:
        return tuple(s for s in self.services if s.question == question)


def _text(entry: dict[str, Any], key: str, where: str | Marked, *, required: bool = True) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise FormFileProblem(QT_TR_NOOP("{0}: '{1}' must be a non-empty text."), where, key)
    return value.strip()


def _items(data: dict[str, Any], name: str, *, services: bool = False) -> tuple[Item, ...]:
    raw = data.get(name)
    if not isinstance(raw, list) or not raw:
        raise FormFileProblem(QT_TR_NOOP("The form file has no [[{0}]] entries."), name)
    items: list[Item] = []
    seen: set[str] = set()
    for n, entry in enumerate(raw, 1):
        where = Marked(QT_TR_NOOP("[[{0}]] entry {1}"), name, n)
        if not isinstance(entry, dict):
            raise FormFileProblem(QT_TR_NOOP("{0} is not a table."), where)
        code = _text(entry, "code", where)
        if code in seen or code == DECLINED or "," in code:
            raise FormFileProblem(
                QT_TR_NOOP("{0}: the code {1} is repeated or reserved."), where, repr(code)
            )
        seen.add(code)
        question = _text(entry, "question", where, required=False) if services else ""
        pmt_code = _text(entry, "pmt_code", where) if services and not question else ""
        group = _text(entry, "group", where) if question else pmt_code[:1]
        items.append(
            Item(
                code=code,
                pmt=_text(entry, "pmt", where),
                plain=_text(entry, "plain", where, required=False) or _text(entry, "pmt", where),
                confirmed=entry.get("confirmed") is True,
                note=_text(entry, "note", where, required=False),
                common=entry.get("common") is True,
                pmt_code=pmt_code,
                group=group,
                question=question,
            )
        )
    return tuple(items)


def parse_form(data: dict[str, Any]) -> PmtForm:
    meta = data.get("form")
    if not isinstance(meta, dict):
        raise FormFileProblem(QT_TR_NOOP("The form file has no [form] table."))
    fy = meta.get("federal_fiscal_year")
    if not isinstance(fy, int) or isinstance(fy, bool):
        raise FormFileProblem(
            QT_TR_NOOP("[form]: 'federal_fiscal_year' must be a year such as 2026.")
        )
    questions: list[Question] = []
    for n, q in enumerate(data.get("questions") or [], 1):
        where = Marked(QT_TR_NOOP("[[{0}]] entry {1}"), "questions", n)
        among = q.get("among", "served")
        if among not in ("served", "new"):
            raise FormFileProblem(QT_TR_NOOP('{0}: \'among\' must be "served" or "new".'), where)
        questions.append(
            Question(
                id=_text(q, "id", where),
                figure=_text(q, "figure", where),
                pmt=_text(q, "pmt", where),
                plain=_text(q, "plain", where),
                rule=_text(q, "rule", where),
                confirmed=q.get("confirmed") is True,
                note=_text(q, "note", where, required=False),
                among=among,
            )
        )
    if not questions:
        raise FormFileProblem(QT_TR_NOOP("The form file has no [[questions]]."))
    form = PmtForm(
        name=_text(meta, "name", "[form]"),
        federal_fiscal_year=fy,
        checked_on=_text(meta, "checked_on", "[form]"),
        sources=tuple(str(s) for s in meta.get("sources") or ()),
        in_force_confirmed=meta.get("in_force_fy2026_confirmed") is True,
        note=" ".join(str(meta.get("note", "")).split()),
        questions=tuple(questions),
        race_ethnicity=_items(data, "race_ethnicity"),
        gender_identity=_items(data, "gender_identity"),
        age=_items(data, "age"),
        victimization_types=_items(data, "victimization_types"),
        special_classifications=_items(data, "special_classifications"),
        service_groups=_items(data, "service_groups"),
        services=_items(data, "services", services=True),
        extra_rows={
            name: {k: str(v) for k, v in (data.get(f"{name}_rows") or {}).items()}
            for name in ("race_ethnicity", "gender_identity", "age")
        },
        suggest={
            kind: {app: tuple(codes) for app, codes in (table or {}).items()}
            for kind, table in (data.get("suggest") or {}).items()
        },
    )
    _check_consistency(form)
    return form


def _check_consistency(form: PmtForm) -> None:
    groups = {g.code for g in form.service_groups}
    questions = {q.figure for q in form.questions}
    for s in form.services:
        if s.group not in groups:
            raise FormFileProblem(
                QT_TR_NOOP("The service {0} names no [[service_groups]] group."),
                s.pmt_code or s.code,
            )
        if s.question and s.question not in questions:
            raise FormFileProblem(
                QT_TR_NOOP("The service {0} names no question {1}."), s.code, repr(s.question)
            )
    if {a.code for a in form.age} - set(AGE_GROUPS):
        raise FormFileProblem(QT_TR_NOOP("[[age]] codes must be the vault's age groups."))
    known_app_codes = {
        "need_categories": set(NEED_CATEGORIES),
        "referral_categories": set(RESOURCE_CATEGORIES),
        "accompanied_appointments": set(APPOINTMENT_KINDS),
        "contact_kinds": set(ANONYMOUS_CONTACT_KINDS),
        "contact_topics": {"information", "emotional_support", "safety", *NEED_CATEGORIES},
    }
    for kind, table in form.suggest.items():
        if kind not in known_app_codes:
            raise FormFileProblem(
                QT_TR_NOOP("[suggest.{0}] is not something the app can suggest from."), kind
            )
        for app, codes in table.items():
            if app not in known_app_codes[kind]:
                raise FormFileProblem(
                    QT_TR_NOOP("[suggest.{0}]: {1} is not one of the app's codes."),
                    kind,
                    repr(app),
                )
            unknown = set(codes) - form.service_codes
            if unknown:
                raise FormFileProblem(
                    QT_TR_NOOP("[suggest.{0}] {1}: unknown services {2}."),
                    kind,
                    app,
                    str(sorted(unknown)),
                )
    figures = {q.figure for q in form.questions}
    if not {"individuals_served", "individuals_new", "services"} <= figures:
        raise FormFileProblem(
            QT_TR_NOOP("The form must ask for individuals served, new, and services.")
        )


def load_form_file(path: Path) -> PmtForm:
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as exc:
        raise FormFileProblem(
            QT_TR_NOOP("The VOCA form file could not be read ({0})."), path.name
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise FormFileProblem(
            QT_TR_NOOP("The VOCA form file {0} is not valid TOML: {1}"), path.name, str(exc)
        ) from exc
    return parse_form(data)


@lru_cache(maxsize=4)
def _cached(path: str) -> PmtForm:
    return load_form_file(Path(path))


def current_form() -> PmtForm:
    """The form in force, from the shipped assets (read once)."""
    return _cached(str(assets_dir().joinpath(*FORM_FILE)))


# --- the plain words in Spanish -------------------------------------------------------------------

SPANISH_FILE = ("voca", "pmt_fy2026_es.toml")
LABEL_LISTS = (*ANSWER_LISTS, "service_groups", "services")


@dataclass(frozen=True)
class SpanishLabels:
    """list name -> code -> Spanish plain words; question id -> {"plain", "rule"}."""

    lists: dict[str, dict[str, str]]
    questions: dict[str, dict[str, str]]


def read_spanish_labels(path: Path) -> SpanishLabels:
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise FormFileProblem(
            QT_TR_NOOP("The Spanish VOCA labels could not be read ({0})."), path.name
        ) from exc
    lists = {
        name: {str(k): str(v) for k, v in (data.get(name) or {}).items() if isinstance(v, str)}
        for name in LABEL_LISTS
    }
    questions = {
        str(qid): {k: str(v) for k, v in entry.items() if isinstance(v, str)}
        for qid, entry in (data.get("questions") or {}).items()
        if isinstance(entry, dict)
    }
    return SpanishLabels(lists, questions)


def spanish_label_problems(form: PmtForm, labels: SpanishLabels) -> list[str]:
    """What the Spanish file lacks or has too much of, against the form: empty when complete."""
    problems: list[str] = []
    for name in LABEL_LISTS:
        codes = {i.code for i in getattr(form, name)}
        have = {k for k, v in labels.lists.get(name, {}).items() if v.strip()}
        problems += [f"[{name}] {c}: no Spanish" for c in sorted(codes - have)]
        problems += [f"[{name}] {c}: not in the form" for c in sorted(have - codes)]
    ids = {q.id for q in form.questions}
    for qid in sorted(ids):
        entry = labels.questions.get(qid, {})
        problems += [
            f"[questions.{qid}] {key}: no Spanish"
            for key in ("plain", "rule")
            if not entry.get(key, "").strip()
        ]
    problems += [f"[questions.{q}]: not in the form" for q in sorted(set(labels.questions) - ids)]
    return problems


@lru_cache(maxsize=2)
def _cached_spanish(path: str) -> SpanishLabels:
    return read_spanish_labels(Path(path))


def spanish_labels() -> SpanishLabels:
    """The shipped Spanish plain words (read once). A missing file reads as no Spanish: the
    English is shown, never an error (a test keeps the shipped file complete)."""
    try:
        return _cached_spanish(str(assets_dir().joinpath(*SPANISH_FILE)))
    except FormFileProblem:
        return SpanishLabels({}, {})
