"""The Today view: what needs my attention, computed in a handful of indexed SQL queries.

"Mine" means open clients assigned to the user. Four groups:
- overdue: need items past their due date and not settled (met, declined, not needed are never
  overdue; see needs.overdue_clause);
- due this week: unsettled need items due from today through the next 7 days;
- upcoming: appointments and court dates from today through the next 14 days;
- no contact: clients with no recorded contact in N days (or never), leaving out clients whose
  intake (or, without an intake date, whose record) is less than N days old.

Each group is one statement and one scan of a covering index in the group's order: the first
matching entries, how many they are, and the rows shown (at most `limit`); whether an entry's
client is one of mine is asked of a small owner index, never of the client's row. Only the rows
shown are read in full, and no Python loop runs per client.
Counts stop at COUNT_LIMIT ("more than 1,000"): an exact count of tens of thousands would read
every one of them, and the view's cost must not grow with the size of the caseload.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar, TypeVarTuple

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    Text,
    TextClause,
    and_,
    cast,
    func,
    or_,
    select,
    text,
    type_coerce,
)
from sqlalchemy.orm import QueryableAttribute, Session

from advocate_app.store.models import Appointment, Client, NeedItem
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import SETTLED_STATUSES

DUE_SOON_DAYS = 7
UPCOMING_DAYS = 14
ROW_LIMIT = 100  # per group (more is not read at a glance); TodayView.totals has the counts
COUNT_LIMIT = 1000  # counts stop here; TodayView.more_than_counted names the groups that did
# Needs still waiting on someone, in the words of the partial index ix_need_items_waiting
# (migration 0007): SQLite uses a partial index only for a query that repeats its condition.
WAITING_SQL = (
    "need_items.status NOT IN ('declined', 'met', 'not_needed') AND need_items.due_date IS NOT NULL"
)

T = TypeVar("T")
Ts = TypeVarTuple("Ts")


@dataclass(frozen=True)
class _ClientLine:
    """A line of Today: whose it is; `open_at` says where opening it takes the person."""

    client_id: int
    alias: str


@dataclass(frozen=True)
class NeedRow(_ClientLine):
    need_id: int
    category: str
    label: str
    status: str
    priority: str | None
    due_date: date

    @property
    def open_at(self) -> dict[str, object]:
        return {"tab": "needs", "need_id": self.need_id}


@dataclass(frozen=True)
class AppointmentRow(_ClientLine):
    appointment_id: int
    starts_at: datetime
    kind: str
    place: str
    accompanied: bool

    @property
    def open_at(self) -> dict[str, object]:
        return {"tab": "appointments", "appointment_id": self.appointment_id}


@dataclass(frozen=True)
class QuietClientRow(_ClientLine):
    last_contact_at: datetime | None  # None: no contact recorded yet
    intake_date: date | None

    @property
    def open_at(self) -> dict[str, object]:
        # Reaching out is written down as a note, so open the client where notes are added.
        return {"tab": "notes"}


@dataclass(frozen=True)
class TodayView:
    on: date
    no_contact_days: int
    overdue: list[NeedRow] = field(default_factory=list)
    due_this_week: list[NeedRow] = field(default_factory=list)
    upcoming: list[AppointmentRow] = field(default_factory=list)
    no_contact: list[QuietClientRow] = field(default_factory=list)
    # Counts per group ("overdue", "due_this_week", "upcoming", "no_contact"), exact up to
    # COUNT_LIMIT; a list holds at most ROW_LIMIT rows.
    totals: dict[str, int] = field(default_factory=dict)
    # Groups with more rows than their count says (it stopped at COUNT_LIMIT).
    more_than_counted: frozenset[str] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not any(self.totals.values())


# "Is this row's client one of my open clients?", for each entry a group scans: one probe of
# ix_clients_owner (migration 0011), a small index that stays in the page cache, where the
# client rows of a large caseload do not (and each page read is decrypted first). The index is
# named (INDEXED BY, which SQLAlchemy cannot say for SQLite): SQLite would otherwise look the
# client up by its id, in the table itself. (An IN (my client ids) list costs more to build
# than it saves when I have thousands.)
OWNER_INDEX = "ix_clients_owner"
_MINE = (
    "EXISTS (SELECT 1 FROM clients AS owner INDEXED BY ix_clients_owner "
    "WHERE owner.assigned_user_id = :owner_user_id AND owner.status = 'open' AND owner.id = "
)
MINE_NEED_SQL = _MINE + "need_items.client_id)"
MINE_APPOINTMENT_SQL = _MINE + "appointments.client_id)"


def _is_mine(user_id: str, sql: str) -> TextClause:
    """MINE_NEED_SQL or MINE_APPOINTMENT_SQL for `user_id`."""
    return text(sql).bindparams(owner_user_id=user_id)


def _as_text(column: QueryableAttribute[T]) -> ColumnElement[T]:
    """A date column compared as the ISO text it is stored as.

    DATE and DATETIME columns have NUMERIC affinity in SQLite, so comparing one with a bound
    parameter outside an index range re-converts the parameter on every row (ten times slower
    under SQLCipher's memory security). CAST(... AS TEXT) makes it a plain text comparison,
    which is the same order for ISO dates; the bound value keeps the column's own formatting.
    """
    return type_coerce(cast(column, Text), column.type)


def _waiting() -> TextClause:
    assert set(SETTLED_STATUSES) == {"declined", "met", "not_needed"}  # the index's own words
    return text(WAITING_SQL)


def _group(
    s: Session,
    key: QueryableAttribute[int],
    where: ColumnElement[bool],
    scan_order: QueryableAttribute[Any],
    details: Select[*Ts],
    limit: int,
    count_limit: int,
) -> tuple[list[Row[*Ts]], int]:
    """One group in one statement and one index scan: the first count_limit + 1 matching
    entries in scan_order (kept aside, MATERIALIZED), how many they are, and `details` for the
    first `limit` of them, so only the rows shown are read in full. No match: no row, 0."""
    first = (
        select(key, scan_order)
        .where(where)
        .order_by(scan_order)
        .limit(count_limit + 1)
        .cte(f"first_{key.class_.__tablename__}")
        .prefix_with("MATERIALIZED")
    )
    total = select(func.count()).select_from(first).scalar_subquery()
    shown = select(first.c[key.key]).order_by(first.c[scan_order.key]).limit(limit)
    rows = list(s.execute(details.add_columns(total).where(key.in_(shown))))
    if not rows:
        return [], 0
    return [row[:-1] for row in rows], int(rows[0][-1])  # type: ignore[misc]


def _need_group(
    s: Session, user_id: str, condition: ColumnElement[bool], limit: int, count_limit: int
) -> tuple[list[NeedRow], int]:
    """Need items by due date. The scan runs over ix_need_items_waiting (due_date, client_id;
    waiting needs only) and checks each entry's client, so no need row is read unless shown."""
    details = (
        select(
            NeedItem.client_id,
            Client.alias,
            NeedItem.id,
            NeedItem.category,
            NeedItem.label,
            NeedItem.status,
            NeedItem.priority,
            NeedItem.due_date,
        )
        .join(Client, Client.id == NeedItem.client_id)
        .order_by(NeedItem.due_date, func.lower(Client.alias), NeedItem.id)
    )
    mine = _is_mine(user_id, MINE_NEED_SQL)
    rows, total = _group(
        s, NeedItem.id, and_(condition, mine), NeedItem.due_date, details, limit, count_limit
    )
    # Every row has a due date (the condition compares it); the check tells the type checker.
    return [
        NeedRow(client_id, alias, need_id, category, label, status, priority, due)
        for client_id, alias, need_id, category, label, status, priority, due in rows
        if due is not None
    ], total


def _upcoming(
    s: Session, user_id: str, start: datetime, end: datetime, limit: int, count_limit: int
) -> tuple[list[AppointmentRow], int]:
    """Appointments and court dates from start to end, soonest first."""
    details = (
        select(
            Appointment.client_id,
            Client.alias,
            Appointment.id,
            Appointment.starts_at,
            Appointment.kind,
            Appointment.place,
            Appointment.accompanied,
        )
        .join(Client, Client.id == Appointment.client_id)
        .order_by(Appointment.starts_at, func.lower(Client.alias), Appointment.id)
    )
    in_window = and_(
        Appointment.starts_at >= start,
        Appointment.starts_at < end,
        _is_mine(user_id, MINE_APPOINTMENT_SQL),
    )
    rows, total = _group(
        s, Appointment.id, in_window, Appointment.starts_at, details, limit, count_limit
    )
    return [
        AppointmentRow(r[0], r[1], r[2], r[3], r[4], r[5] or "", bool(r[6])) for r in rows
    ], total


def _quiet(
    s: Session, user_id: str, cutoff: date, limit: int, count_limit: int
) -> tuple[list[QuietClientRow], int]:
    """My open clients with no contact since cutoff (or never), leaving out new ones; never
    contacted first (NULL sorts first), then the longest silence, in index order."""
    cutoff_at = datetime.combine(cutoff, time())
    quiet = and_(
        Client.assigned_user_id == user_id,
        Client.status == "open",
        or_(Client.last_contact_at.is_(None), _as_text(Client.last_contact_at) < cutoff_at),
        # A client whose intake was recent is new, not forgotten.
        or_(
            and_(Client.intake_date.is_not(None), _as_text(Client.intake_date) <= cutoff),
            and_(
                Client.intake_date.is_(None),
                _as_text(Client.created_at) < cutoff_at + timedelta(days=1),
            ),
        ),
    )
    details = select(Client.id, Client.alias, Client.last_contact_at, Client.intake_date).order_by(
        Client.last_contact_at, func.lower(Client.alias), Client.id
    )
    rows, total = _group(s, Client.id, quiet, Client.last_contact_at, details, limit, count_limit)
    return [QuietClientRow(*row) for row in rows], total


def compute(
    vault: Vault,
    user_id: str,
    on: date,
    no_contact_days: int,
    limit: int = ROW_LIMIT,
    count_limit: int = COUNT_LIMIT,
) -> TodayView:
    """The Today view for `user_id` as of the day `on`."""
    days = max(1, int(no_contact_days))
    week_end = on + timedelta(days=DUE_SOON_DAYS)
    start = datetime.combine(on, time())
    end = datetime.combine(on + timedelta(days=UPCOMING_DAYS + 1), time())
    with vault.read() as s:
        # The same rule as needs.overdue_clause, in the partial index's words.
        overdue, overdue_total = _need_group(
            s, user_id, and_(_waiting(), NeedItem.due_date < on), limit, count_limit
        )
        due, due_total = _need_group(
            s,
            user_id,
            and_(_waiting(), NeedItem.due_date >= on, NeedItem.due_date <= week_end),
            limit,
            count_limit,
        )
        upcoming, upcoming_total = _upcoming(s, user_id, start, end, limit, count_limit)
        no_contact, quiet_total = _quiet(s, user_id, on - timedelta(days=days), limit, count_limit)
    totals = {
        "overdue": overdue_total,
        "due_this_week": due_total,
        "upcoming": upcoming_total,
        "no_contact": quiet_total,
    }
    return TodayView(
        on=on,
        no_contact_days=days,
        overdue=overdue,
        due_this_week=due,
        upcoming=upcoming,
        no_contact=no_contact,
        totals={name: min(count, count_limit) for name, count in totals.items()},
        more_than_counted=frozenset(name for name, count in totals.items() if count > count_limit),
    )


__all__ = ["AppointmentRow", "NeedRow", "QuietClientRow", "TodayView", "compute"]
