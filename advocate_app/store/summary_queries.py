"""Counting for the supervisor summary: raw SummaryCounts for a span of whole months.

These counts are never shown as they are: advocate_app.reports.anonymize publishes them.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import and_, func, or_, select

from advocate_app.store.errors import NotAllowed
from advocate_app.store.models import (
    AnonymousContact,
    Appointment,
    Client,
    NeedItem,
    NeedStatusChange,
    Referral,
)
from advocate_app.store.summary import SummaryCounts
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
        raise NotAllowed("Only a supervisor can make the summary.")
    first, last = _day_bounds(start, end)
    intake = func.coalesce(Client.intake_date, func.date(Client.created_at))
    served_filter = and_(intake <= end, or_(Client.closed_on.is_(None), Client.closed_on >= start))
    with vault.read() as s:
        served = int(s.scalar(select(func.count()).select_from(Client).where(served_filter)) or 0)
        new = int(s.scalar(select(func.count()).select_from(Client).where(
            served_filter, intake >= start)) or 0)
        contacts = int(s.scalar(select(func.count()).select_from(AnonymousContact).where(
            AnonymousContact.contact_date.between(start, end))) or 0)

        trafficking = dict.fromkeys(TRAFFICKING_TYPES, 0)
        ttype = func.coalesce(Client.trafficking_type, "not_identified")
        for code, n in s.execute(
            select(ttype, func.count()).where(served_filter).group_by(ttype)
        ):
            trafficking[code if code in trafficking else "not_identified"] += int(n)

        ages = dict.fromkeys(AGE_GROUPS, 0)
        age = func.coalesce(Client.age_group, "not_reported")
        for code, n in s.execute(select(age, func.count()).where(served_filter).group_by(age)):
            ages[code if code in ages else "not_reported"] += int(n)

        needs = {c: dict.fromkeys(NEED_STATUSES, 0) for c in NEED_CATEGORIES}
        opened = dict.fromkeys(NEED_CATEGORIES, 0)
        # Status as of the period's end: the latest change on or before that day.
        latest = (
            select(NeedStatusChange.need_item_id, func.max(NeedStatusChange.id).label("last_id"))
            .where(NeedStatusChange.changed_on <= end)
            .group_by(NeedStatusChange.need_item_id).subquery()
        )
        rows = s.execute(
            select(NeedItem.category, NeedStatusChange.status, func.count())
            .join(latest, latest.c.need_item_id == NeedItem.id)
            .join(NeedStatusChange, NeedStatusChange.id == latest.c.last_id)
            .where(NeedItem.created_at <= last)
            .group_by(NeedItem.category, NeedStatusChange.status)
        )
        for category, status, n in rows:
            if category in needs and status in needs[category]:
                needs[category][status] += int(n)
        for category, n in s.execute(
            select(NeedItem.category, func.count())
            .where(NeedItem.created_at.between(first, last)).group_by(NeedItem.category)
        ):
            if category in opened:
                opened[category] += int(n)

        referrals = dict.fromkeys(RESOURCE_CATEGORIES, 0)
        for category, n in s.execute(
            select(Referral.resource_category, func.count())
            .where(Referral.referred_on.between(start, end))
            .group_by(Referral.resource_category)
        ):
            key = category if category in referrals else "other"
            referrals[key] += int(n)

        appointments = {k: {"accompanied": 0, "not_accompanied": 0} for k in APPOINTMENT_KINDS}
        for kind, accompanied, n in s.execute(
            select(Appointment.kind, Appointment.accompanied, func.count())
            .where(Appointment.starts_at.between(first, last))
            .group_by(Appointment.kind, Appointment.accompanied)
        ):
            key = kind if kind in appointments else "other"
            appointments[key]["accompanied" if accompanied else "not_accompanied"] += int(n)

    return SummaryCounts(
        office_name=vault.office_name,
        period_label=period_label,
        period_start=start,
        period_end=end,
        is_demo=vault.is_demo,
        individuals_served=served,
        individuals_new=new,
        individuals_continuing=served - new,
        anonymous_contacts=contacts,
        trafficking_type=trafficking,
        age_group=ages,
        needs=needs,
        needs_opened=opened,
        referrals=referrals,
        appointments=appointments,
    )
