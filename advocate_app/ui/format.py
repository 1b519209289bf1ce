"""Dates and times in the person's locale. The vault stores UTC; people read local time."""

from __future__ import annotations

from datetime import UTC, date, datetime

from advocate_app.ui.qt import QDate, QDateTime, QLocale, QTime


def local(dt: datetime) -> datetime:
    """A naive UTC datetime from the vault as local time."""
    return dt.replace(tzinfo=UTC).astimezone()


def fmt_date(d: date | None) -> str:
    if d is None:
        return ""
    return QLocale().toString(QDate(d.year, d.month, d.day), QLocale.FormatType.ShortFormat)


def fmt_datetime(dt: datetime | None, *, utc: bool = True) -> str:
    if dt is None:
        return ""
    value = local(dt) if utc else dt
    qdt = QDateTime(QDate(value.year, value.month, value.day),
                    QTime(value.hour, value.minute))
    return QLocale().toString(qdt, QLocale.FormatType.ShortFormat)


def to_qdate(d: date | None) -> QDate:
    return QDate(d.year, d.month, d.day) if d else QDate()


def from_qdate(q: QDate) -> date | None:
    if not q.isValid():
        return None
    return date(q.year(), q.month(), q.day())
