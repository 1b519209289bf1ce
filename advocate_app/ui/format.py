"""Dates, times and sizes in the person's locale. The vault stores UTC; people read local time."""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime

from advocate_app import sizes
from advocate_app.ui.qt import QDate, QDateTime, QLocale, QTime, QTimeZone


def local(dt: datetime) -> datetime:
    """A naive UTC datetime from the vault as local time."""
    return dt.replace(tzinfo=UTC).astimezone()


def to_qdate(value: date) -> QDate:
    """A date for a date field. Callers decide what an unset date shows: a field never holds
    an invalid QDate."""
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    """The date a date field holds (QDateEdit always holds a valid one)."""
    return date(value.year(), value.month(), value.day())


def four_digit_years(pattern: str) -> str:
    """The locale's own pattern with "yy" widened to "yyyy": "11/30/26" reads as 1926 or 2026
    on a court form; "11/30/2026" does not."""
    return re.sub(r"(?<!y)yy(?!y)", "yyyy", pattern)


def short_date_format() -> str:
    return _short_formats(QLocale().name())[0]


def short_datetime_format() -> str:
    return _short_formats(QLocale().name())[1]


@functools.lru_cache(maxsize=8)
def _short_formats(locale_name: str) -> tuple[str, str]:
    """The default locale's short date and date-time patterns, widened once per locale (Today
    and the lists format hundreds of dates at a time). Keyed by the name, read from the
    default locale itself (which may carry the system's own patterns)."""
    locale = QLocale()
    return (
        four_digit_years(locale.dateFormat(QLocale.FormatType.ShortFormat)),
        four_digit_years(locale.dateTimeFormat(QLocale.FormatType.ShortFormat)),
    )


def fmt_time(moment: datetime) -> str:
    """The wall-clock time of a local datetime in the locale's short format (10:30 AM)."""
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


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


def wall_clock(value: datetime, pattern: str) -> QDateTime:
    """A local date and time to write with `pattern` (the time zone already applied).

    Made in UTC when the pattern names no time zone: a QDateTime in local time asks the
    system's time zone for its offset when it is made (about 0.1 ms each, for every cell of a
    list painted), and writes the same digits."""
    qdate, qtime = QDate(value.year, value.month, value.day), QTime(value.hour, value.minute)
    if "t" in pattern:  # a zone designator (or a quoted word): the zone must be the real one
        return QDateTime(qdate, qtime)
    return QDateTime(qdate, qtime, QTimeZone.utc())


def fmt_date(d: date | None) -> str:
    """A date in the locale's short form with four-digit years; "" for no date."""
    if d is None:
        return ""
    return QLocale().toString(to_qdate(d), short_date_format())


def fmt_datetime(dt: datetime | None, *, utc: bool = True) -> str:
    """A date and time in the locale's short form; "" for none. utc=True for the vault's
    timestamps (shown in local time), False for a wall-clock time the person entered, such as
    an appointment."""
    if dt is None:
        return ""
    value = local(dt) if utc else dt
    pattern = short_datetime_format()
    return QLocale().toString(wall_clock(value, pattern), pattern)


def size_text(size_bytes: int) -> str:
    """A file's size with the locale's separators ("1,5 kB" where a comma is the decimal
    point); the units and rounding are the command line's (advocate_app.sizes)."""
    locale = QLocale()
    return sizes.size_text(
        size_bytes, decimal_point=locale.decimalPoint(), group_separator=locale.groupSeparator()
    )
