"""What the VOCA quarterly figures need from a record, and nothing more.

* A client's optional answers: gender identity, race or ethnicity, victimization types and special
  classifications. Each may be "not asked" (None: every record made before this existed) or
  "declined to answer" (DECLINED); nothing insists on an answer.
* The services given, ticked on a note (dated by the note) or on an anonymous contact.
* What to pre-tick: `suggest_services` is a pure function of what the advocate did (needs worked
  on, referrals made, appointments with an advocate present, the kind and topics of an anonymous
  contact); the advocate unticks freely.

Codes come from the PMT form file (store.pmt_form); the vault stores codes only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Date, bindparam, delete, func, select, text
from sqlalchemy.orm import Session

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import audit
from advocate_app.store.errors import InvalidInput
from advocate_app.store.models import AnonymousContact, Client, Note, NoteService
from advocate_app.store.pmt_form import DECLINED, PmtForm, current_form
from advocate_app.store.vault import Vault

# One answer: None (not asked), DECLINED, or the chosen codes.
MultiAnswer = tuple[str, ...] | str | None


@dataclass(frozen=True)
class ReportingFields:
    """A client's optional answers. For the lists: None is "not asked", DECLINED "declined to
    answer", a tuple the codes chosen (an empty tuple is read as "not asked")."""

    gender_identity: str | None = None
    race_ethnicity: MultiAnswer = None
    victimization_types: MultiAnswer = None
    special_classifications: MultiAnswer = None


_COLUMNS = ("gender_identity", "race_ethnicity", "victimization_types", "special_classifications")


def _encode_multi(value: MultiAnswer, allowed: frozenset[str], what: str) -> str | None:
    if value is None:
        return None
    if value == DECLINED:
        return DECLINED
    if isinstance(value, str):
        value = (value,)
    codes = tuple(dict.fromkeys(value))  # order kept, repeats dropped
    if not codes:
        return None
    if DECLINED in codes:
        raise InvalidInput(
            QT_TR_NOOP("Choose answers for {0}, or 'declined to answer', not both."), what
        )
    unknown = [c for c in codes if c not in allowed]
    if unknown:
        raise InvalidInput(QT_TR_NOOP("Choose {0} from the list."), what)
    return ",".join(sorted(codes))


def decode_multi(stored: str | None) -> MultiAnswer:
    """The stored text back into an answer: None, DECLINED or a tuple of codes."""
    if stored is None or stored == "":
        return None
    if stored == DECLINED:
        return DECLINED
    return tuple(c for c in stored.split(",") if c)


def _encode(fields: ReportingFields, form: PmtForm) -> dict[str, str | None]:
    gender = fields.gender_identity
    if gender is not None and gender != DECLINED and gender not in form.codes("gender_identity"):
        raise InvalidInput(QT_TR_NOOP("Choose a gender identity from the list."))
    return {
        "gender_identity": gender,
        "race_ethnicity": _encode_multi(
            fields.race_ethnicity, form.codes("race_ethnicity"), QT_TR_NOOP("race or ethnicity")
        ),
        "victimization_types": _encode_multi(
            fields.victimization_types,
            form.codes("victimization_types"),
            QT_TR_NOOP("what happened (victimization types)"),
        ),
        "special_classifications": _encode_multi(
            fields.special_classifications,
            form.codes("special_classifications"),
            QT_TR_NOOP("special classifications"),
        ),
    }


def reporting_columns(fields: ReportingFields) -> dict[str, str | None]:
    """The client columns for these answers, checked against the form (InvalidInput if not):
    for create_client, which saves them in the same transaction as the new record."""
    if fields == ReportingFields():
        return {}  # nothing asked yet: the form file is not even read
    return _encode(fields, current_form())


def set_reporting_fields(vault: Vault, client_id: int, fields: ReportingFields) -> None:
    """Save a client's optional answers (all four at once)."""
    values = _encode(fields, current_form())
    with vault.write() as s:
        client = s.get(Client, client_id)
        if client is None:
            raise InvalidInput(QT_TR_NOOP("That client record no longer exists."))
        for name, value in values.items():
            setattr(client, name, value)
        audit.record(s, vault.current_user.id, "client_edited", "client", client_id)


def get_reporting_fields(vault: Vault, client_id: int) -> ReportingFields:
    with vault.read() as s:
        row = s.execute(
            select(*(getattr(Client, c) for c in _COLUMNS)).where(Client.id == client_id)
        ).first()
    if row is None:
        raise InvalidInput(QT_TR_NOOP("That client record no longer exists."))
    gender, race, types, special = row
    return ReportingFields(
        gender or None, decode_multi(race), decode_multi(types), decode_multi(special)
    )


# --- services ---------------------------------------------------------------------------------


def check_services(services: Iterable[str], form: PmtForm | None = None) -> tuple[str, ...]:
    """The codes, each once, in the form's order; an unknown code is refused."""
    chosen = set(services)
    if not chosen:
        return ()  # nothing to check: the form file is not even read
    form = form or current_form()
    unknown = chosen - form.service_codes
    if unknown:
        raise InvalidInput(QT_TR_NOOP("Choose services from the list."))
    return tuple(s.code for s in form.services if s.code in chosen)


def local_day(stored: datetime) -> date:
    """The office's calendar day of a time the vault stores as naive UTC: a note written at 9 pm
    on September 30 belongs to that fiscal year, not to the next (October 1 in UTC)."""
    return stored.replace(tzinfo=UTC).astimezone().date()


def record_note_services(s: Session, note: Note, services: Iterable[str]) -> None:
    """Inside the caller's write: make the note's services exactly these."""
    codes = check_services(services)
    s.execute(delete(NoteService).where(NoteService.note_id == note.id))
    given_on = local_day(note.created_at)
    for code in codes:
        s.add(
            NoteService(note_id=note.id, client_id=note.client_id, service=code, given_on=given_on)
        )


def set_note_services(vault: Vault, note_id: int, services: Iterable[str]) -> None:
    """Replace the services recorded on a note (the note's date is the day they were given)."""
    codes = check_services(services)
    with vault.write() as s:
        note = s.get(Note, note_id)
        if note is None:
            raise InvalidInput(QT_TR_NOOP("That note no longer exists."))
        record_note_services(s, note, codes)
        audit.record(s, vault.current_user.id, "note_services_set", "note", note_id)


def note_services(vault: Vault, note_id: int) -> tuple[str, ...]:
    with vault.read() as s:
        codes = s.scalars(select(NoteService.service).where(NoteService.note_id == note_id))
        return check_services_known(codes)


def check_services_known(codes: Iterable[str]) -> tuple[str, ...]:
    """Stored codes in the form's order; a code the form no longer has is kept at the end."""
    form = current_form()
    stored = set(codes)
    known = [s.code for s in form.services if s.code in stored]
    return (*known, *sorted(stored - set(known)))


def contact_services(vault: Vault, contact_id: int) -> tuple[str, ...]:
    with vault.read() as s:
        stored = s.scalar(
            select(AnonymousContact.services).where(AnonymousContact.id == contact_id)
        )
    if stored is None:
        raise InvalidInput(QT_TR_NOOP("That contact no longer exists."))
    return check_services_known(c for c in stored.split(",") if c)


# Each service given on a note, and how many times since a date: the services found by skipping
# from one to the next in ix_note_services_service_given_on (migration 0012), each counted as
# one range of it. Grouping the year's rows by service sorted them all (650 ms at 50,000
# clients, Python's lock held for 50-80 ms of it: the GUI thread stalled); this sorts nothing.
USAGE_SQL = """
WITH RECURSIVE codes(code) AS (
    SELECT min(service) FROM note_services
    UNION ALL
    SELECT (SELECT min(service) FROM note_services WHERE service > code)
    FROM codes WHERE code IS NOT NULL
)
SELECT code, (SELECT count(*) FROM note_services WHERE service = code AND given_on >= :since)
FROM codes WHERE code IS NOT NULL
"""


def service_usage(vault: Vault, days: int = 365, today: date | None = None) -> dict[str, int]:
    """How often each service was ticked lately (notes and anonymous contacts): the composer
    shows the most used first."""
    since = (today or date.today()) - timedelta(days=days)
    counts: Counter[str] = Counter()
    with vault.read() as s:
        usage = text(USAGE_SQL).bindparams(bindparam("since", type_=Date))
        for code, n in s.execute(usage, {"since": since}):
            if n:
                counts[code] += int(n)
        # Grouped in SQL: a row per set of services ticked together, not per contact (4,927
        # rows at 50,000 clients, each a wait for Python's lock while the GUI thread runs).
        for stored, n in s.execute(
            select(AnonymousContact.services, func.count())
            .where(AnonymousContact.contact_date >= since, AnonymousContact.services != "")
            .group_by(AnonymousContact.services)
        ):
            for code in stored.split(","):
                if code:
                    counts[code] += int(n)
    return dict(counts)


def suggest_services(
    *,
    need_categories: Iterable[str] = (),
    referral_categories: Iterable[str] = (),
    accompanied_appointments: Iterable[str] = (),
    contact_kind: str | None = None,
    contact_topics: Iterable[str] = (),
    form: PmtForm | None = None,
) -> tuple[str, ...]:
    """The services to pre-tick, in the form's order. Pure: the same inputs, the same answer.

    need_categories: needs worked on (in progress or met) with this note; referral_categories:
    kinds of resource referred to; accompanied_appointments: kinds of appointment an advocate
    went to; contact_kind and contact_topics: an anonymous contact's. Unknown codes are ignored.
    """
    form = form or current_form()
    picked: set[str] = set()
    for kind, codes in (
        ("need_categories", need_categories),
        ("referral_categories", referral_categories),
        ("accompanied_appointments", accompanied_appointments),
        ("contact_kinds", (contact_kind,) if contact_kind else ()),
        ("contact_topics", contact_topics),
    ):
        table = form.suggest.get(kind, {})
        for code in codes:
            picked.update(table.get(code, ()))
    return tuple(s.code for s in form.services if s.code in picked)


def note_suggestions(vault: Vault, client_id: int, on: date | None = None) -> tuple[str, ...]:
    """What to pre-tick on a new note for this client today: needs worked on today (in progress
    or met), referrals made today, and today's appointments with an advocate present."""
    from advocate_app.store import appointments, needs, referrals

    day = on or date.today()
    return suggest_services(
        need_categories=[
            n.category
            for n in needs.list_needs(vault, client_id)
            if n.status in ("in_progress", "met") and local_day(n.updated_at) == day
        ],
        referral_categories=[
            r.resource_category
            for r in referrals.list_referrals(vault, client_id)
            if r.referred_on == day
        ],
        accompanied_appointments=[
            a.kind
            for a in appointments.list_appointments(vault, client_id)
            if a.accompanied and a.starts_at.date() == day  # local wall-clock time
        ],
    )


__all__ = [
    "DECLINED",
    "ReportingFields",
    "check_services",
    "contact_services",
    "get_reporting_fields",
    "note_services",
    "note_suggestions",
    "service_usage",
    "set_note_services",
    "set_reporting_fields",
    "suggest_services",
]
