"""Counting for the supervisor summary: raw SummaryCounts for a span of whole months.

These counts are never shown as they are: advocate_app.reports.anonymize publishes them. Every
count is the size of a set of people or records, and the sets travel with the counts, so the
export ledger can tell later exports what was behind each published number.

What each count means (the PDF prints these definitions; keep them in step):

* people served: clients open at some time in the period: intake (or, without one, the day the
  record was made) on or before its last day, and not closed before its first day;
* new: of those, the intake was in the period; continuing: the others;
* trafficking type and age group: the people served, each once, by what is recorded now;
* needs by status: the needs of the people served that existed by the period's last day, each
  under its status on that day;
* needs opened, referrals, appointments, anonymous contacts: those dated in the period;
* VOCA services by PMT group: the people who received a service of the group in the period, as
  ticked on notes (each person once per group).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time

from sqlalchemy import and_, func, or_, select

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store.errors import NotAllowed
from advocate_app.store.models import (
    AnonymousContact,
    Appointment,
    Client,
    NeedItem,
    NeedStatusChange,
    NoteService,
    Referral,
)
from advocate_app.store.pmt_form import current_form
from advocate_app.store.summary import SummaryCounts, member_id
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import (
    AGE_GROUPS,
    APPOINTMENT_KINDS,
    NEED_CATEGORIES,
    NEED_STATUSES,
    RESOURCE_CATEGORIES,
    TRAFFICKING_TYPES,
)


def _day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return datetime.combine(start, time.min), datetime.combine(end, time.max)


def compute_counts(vault: Vault, start: date, end: date, period_label: str) -> SummaryCounts:
    """Everything the summary needs, for the months from start to end (inclusive).
    Supervisors only: the GUI and the command line obey the same rule."""
    if not vault.current_user.is_supervisor:
        raise NotAllowed(QT_TR_NOOP("Only a supervisor can make the summary."))
    first, last = _day_bounds(start, end)
    intake = func.coalesce(Client.intake_date, func.date(Client.created_at))
    served_filter = and_(intake <= end, or_(Client.closed_on.is_(None), Client.closed_on >= start))
    sets: dict[str, set[int]] = defaultdict(set)
    with vault.read() as s:
        for cid, intake_day, ttype, age in s.execute(
            select(Client.id, intake, Client.trafficking_type, Client.age_group).where(
                served_filter
            )
        ):
            person = member_id(cid)
            sets["overview:served"].add(person)
            is_new = str(intake_day) >= start.isoformat()
            sets["overview:new" if is_new else "overview:continuing"].add(person)
            ttype = ttype if ttype in TRAFFICKING_TYPES else "not_identified"
            sets[f"trafficking_type:{ttype}"].add(person)
            age = age if age in AGE_GROUPS else "not_reported"
            sets[f"age_group:{age}"].add(person)

        for (contact_id,) in s.execute(
            select(AnonymousContact.id).where(AnonymousContact.contact_date.between(start, end))
        ):
            sets["overview:contacts"].add(member_id(0, contact_id))

        # Status as of the period's end: the latest change on or before that day, for the needs
        # of the people served (never of clients closed before the period began).
        latest = (
            select(NeedStatusChange.need_item_id, func.max(NeedStatusChange.id).label("last_id"))
            .where(NeedStatusChange.changed_on <= end)
            .group_by(NeedStatusChange.need_item_id)
            .subquery()
        )
        for item_id, cid, category, status in s.execute(
            select(NeedItem.id, NeedItem.client_id, NeedItem.category, NeedStatusChange.status)
            .join(latest, latest.c.need_item_id == NeedItem.id)
            .join(NeedStatusChange, NeedStatusChange.id == latest.c.last_id)
            .join(Client, Client.id == NeedItem.client_id)
            .where(NeedItem.created_at <= last, served_filter)
        ):
            if category in NEED_CATEGORIES and status in NEED_STATUSES:
                sets[f"needs_status:{category}:{status}"].add(member_id(cid, item_id))
        for item_id, cid, category in s.execute(
            select(NeedItem.id, NeedItem.client_id, NeedItem.category).where(
                NeedItem.created_at.between(first, last)
            )
        ):
            if category in NEED_CATEGORIES:
                sets[f"needs_opened:{category}"].add(member_id(cid, item_id))

        for ref_id, cid, category in s.execute(
            select(Referral.id, Referral.client_id, Referral.resource_category).where(
                Referral.referred_on.between(start, end)
            )
        ):
            key = category if category in RESOURCE_CATEGORIES else "other"
            sets[f"referrals:{key}"].add(member_id(cid, ref_id))

        for appt_id, cid, kind, accompanied in s.execute(
            select(
                Appointment.id, Appointment.client_id, Appointment.kind, Appointment.accompanied
            ).where(Appointment.starts_at.between(first, last))
        ):
            key = kind if kind in APPOINTMENT_KINDS else "other"
            column = "accompanied" if accompanied else "not_accompanied"
            sets[f"appointments:{key}:{column}"].add(member_id(cid, appt_id))

        form = current_form()
        # The PMT's service table only (a service its own question counts is not in a group).
        group_of = {svc.code: svc.group for svc in form.services if not svc.question}
        for cid, code in s.execute(
            select(NoteService.client_id, NoteService.service)
            .where(NoteService.given_on.between(start, end))
            .distinct()
        ):
            if code in group_of:
                sets[f"voca_services:{group_of[code]}"].add(member_id(cid))

    members = {key: frozenset(ids) for key, ids in sets.items()}

    def n(key: str) -> int:
        return len(members.get(key, ()))

    return SummaryCounts(
        office_name=vault.office_name,
        period_label=period_label,
        period_start=start,
        period_end=end,
        is_demo=vault.is_demo,
        individuals_served=n("overview:served"),
        individuals_new=n("overview:new"),
        individuals_continuing=n("overview:continuing"),
        anonymous_contacts=n("overview:contacts"),
        trafficking_type={c: n(f"trafficking_type:{c}") for c in TRAFFICKING_TYPES},
        age_group={c: n(f"age_group:{c}") for c in AGE_GROUPS},
        needs={
            c: {st: n(f"needs_status:{c}:{st}") for st in NEED_STATUSES} for c in NEED_CATEGORIES
        },
        needs_opened={c: n(f"needs_opened:{c}") for c in NEED_CATEGORIES},
        referrals={c: n(f"referrals:{c}") for c in RESOURCE_CATEGORIES},
        appointments={
            kind: {
                "accompanied": n(f"appointments:{kind}:accompanied"),
                "not_accompanied": n(f"appointments:{kind}:not_accompanied"),
            }
            for kind in APPOINTMENT_KINDS
        },
        voca_services={g.code: n(f"voca_services:{g.code}") for g in form.service_groups},
        members=members,
    )


def has_activity(vault: Vault, start: date, end: date) -> bool:
    """Whether anyone was served, or any anonymous contact logged, in the period."""
    intake = func.coalesce(Client.intake_date, func.date(Client.created_at))
    with vault.read() as s:
        served = s.scalar(
            select(Client.id)
            .where(intake <= end, or_(Client.closed_on.is_(None), Client.closed_on >= start))
            .limit(1)
        )
        if served is not None:
            return True
        return (
            s.scalar(
                select(AnonymousContact.id)
                .where(AnonymousContact.contact_date.between(start, end))
                .limit(1)
            )
            is not None
        )
