"""Reporting periods for the supervisor summary: whole months only.

A summary never covers less than a month, so no published number can be narrowed to a day or a
week (a short window around a court date could point at a person). Federal fiscal years start on
October 1: FY2026 runs from October 2025 to September 2026, and its Q1 is October–December 2025.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MAX_MONTHS = 36
_MIN_YEAR = 1990
_MAX_YEAR = 2200

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})")


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_span_label(start: date, end: date) -> str:
    """ "March 2026", "January–March 2026" or "November 2025–February 2026"."""
    first = MONTH_NAMES[start.month - 1]
    last = MONTH_NAMES[end.month - 1]
    if (start.year, start.month) == (end.year, end.month):
        return f"{first} {start.year}"
    if start.year == end.year:
        return f"{first}–{last} {end.year}"
    return f"{first} {start.year}–{last} {end.year}"


def _check_fiscal_year(fy: object) -> int:
    if isinstance(fy, bool) or not isinstance(fy, int):
        raise ValueError(f"The fiscal year must be a whole number such as 2026, not {fy!r}.")
    if not _MIN_YEAR < fy <= _MAX_YEAR:
        raise ValueError(
            f"The fiscal year must be between {_MIN_YEAR + 1} and {_MAX_YEAR}; got {fy}."
        )
    return fy


@dataclass(frozen=True)
class Period:
    """A run of whole calendar months, with the label printed on the summary."""

    start: date  # the first day of the first month
    end: date  # the last day of the last month
    label: str

    def __post_init__(self) -> None:
        if self.start.day != 1:
            raise ValueError("A period must start on the first day of a month.")
        if self.end != _last_day(self.end.year, self.end.month):
            raise ValueError("A period must end on the last day of a month.")
        if self.end < self.start:
            raise ValueError("A period cannot end before it starts.")

    @property
    def month_count(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @classmethod
    def fiscal_quarter(cls, fy: int, q: int) -> Period:
        return fiscal_quarter(fy, q)

    @classmethod
    def fiscal_year(cls, fy: int) -> Period:
        return fiscal_year(fy)

    @classmethod
    def months(cls, from_ym: str, to_ym: str) -> Period:
        return months(from_ym, to_ym)


def fiscal_quarter(fy: int, q: int) -> Period:
    """Quarter q (1–4) of federal fiscal year fy; Q1 is October–December of the year before."""
    fy = _check_fiscal_year(fy)
    if isinstance(q, bool) or not isinstance(q, int) or not 1 <= q <= 4:
        raise ValueError(f"The quarter must be 1, 2, 3 or 4; got {q!r}.")
    # Month index counted from October of fy-1: Q1 → 0, Q2 → 3, ...
    offset = (q - 1) * 3
    first_year, first_month = divmod((fy - 1) * 12 + 9 + offset, 12)
    last_year, last_month = divmod((fy - 1) * 12 + 9 + offset + 2, 12)
    start = date(first_year, first_month + 1, 1)
    end = _last_day(last_year, last_month + 1)
    return Period(start, end, f"Federal FY{fy}, Q{q} ({_month_span_label(start, end)})")


def fiscal_year(fy: int) -> Period:
    """Federal fiscal year fy: October 1 of fy-1 to September 30 of fy."""
    fy = _check_fiscal_year(fy)
    start = date(fy - 1, 10, 1)
    end = date(fy, 9, 30)
    return Period(start, end, f"Federal FY{fy} ({_month_span_label(start, end)})")


def _parse_year_month(text: object, which: str) -> tuple[int, int]:
    if not isinstance(text, str):
        raise ValueError(f"The {which} month must be written as YYYY-MM, for example 2025-10.")
    match = _YEAR_MONTH.fullmatch(text.strip())
    if match is None:
        raise ValueError(
            f"The {which} month {text.strip()!r} is not in the form YYYY-MM, for example 2025-10."
        )
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"The {which} month {text.strip()!r} has no month {month:02d}.")
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise ValueError(
            f"The {which} month {text.strip()!r} must be in a year from {_MIN_YEAR} to {_MAX_YEAR}."
        )
    return year, month


def months(from_ym: str, to_ym: str) -> Period:
    """The months from from_ym to to_ym inclusive, each written "YYYY-MM"; at most 36 months."""
    first_year, first_month = _parse_year_month(from_ym, "first")
    last_year, last_month = _parse_year_month(to_ym, "last")
    count = (last_year - first_year) * 12 + last_month - first_month + 1
    if count < 1:
        raise ValueError(
            f"The last month ({to_ym.strip()}) is before the first month ({from_ym.strip()})."
        )
    if count > MAX_MONTHS:
        raise ValueError(
            f"A summary can cover at most {MAX_MONTHS} months; {from_ym.strip()} to "
            f"{to_ym.strip()} is {count} months."
        )
    start = date(first_year, first_month, 1)
    end = _last_day(last_year, last_month)
    return Period(start, end, _month_span_label(start, end))
