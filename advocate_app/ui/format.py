"""Dates and times in the person's locale. The vault stores UTC; people read local time."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from advocate_app.ui.qt import QDate, QDateTime, QLocale, QTime


def local(dt: datetime) -> datetime:
    """A naive UTC datetime from the vault as local time."""
    return dt.replace(tzinfo=UTC).astimezone()


def four_digit_years(pattern: str) -> str:
    """The locale's own pattern with "yy" widened to "yyyy": "11/30/26" reads as 1926 or 2026
    on a court form; "11/30/2026" does not."""
    return re.sub(r"(?<!y)yy(?!y)", "yyyy", pattern)


def short_date_format() -> str:
    return four_digit_years(QLocale().dateFormat(QLocale.FormatType.ShortFormat))


def short_datetime_format() -> str:
    return four_digit_years(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))


def fmt_clock(text: str) -> str:
    """A "HH:MM" wall-clock time from a file in the locale's format (10:30 AM or 10:30), the
    same way every other time on screen is written."""
    hours, _, minutes = text.partition(":")
    try:
        value = QTime(int(hours), int(minutes))
    except ValueError:
        return text
    if not value.isValid():
        return text
    return QLocale().toString(value, QLocale.FormatType.ShortFormat)


def fmt_date(d: date | None) -> str:
    if d is None:
        return ""
    return QLocale().toString(QDate(d.year, d.month, d.day), short_date_format())


def fmt_datetime(dt: datetime | None, *, utc: bool = True) -> str:
    if dt is None:
        return ""
    value = local(dt) if utc else dt
    qdt = QDateTime(QDate(value.year, value.month, value.day),
                    QTime(value.hour, value.minute))
    return QLocale().toString(qdt, short_datetime_format())


def to_qdate(d: date | None) -> QDate:
    return QDate(d.year, d.month, d.day) if d else QDate()


def from_qdate(q: QDate) -> date | None:
    if not q.isValid():
        return None
    return date(q.year(), q.month(), q.day())
