"""Reporting periods for the supervisor summary: standard, complete periods only.

A summary covers one of three kinds of period, and only once it has ended:

* a fiscal quarter ("2026-Q2": the second quarter of fiscal year 2026),
* a fiscal year ("FY2026"),
* a calendar year ("CY2025").

The office's fiscal year starts in a month it chooses (default October, the federal fiscal year:
FY2026 runs from October 2025 to September 2026). Arbitrary month ranges are not offered: two
reports whose periods differ by a month let a reader subtract one from the other and learn about
the few people of that month (issue 13). Unfinished or future periods are refused: their numbers
would change as the period goes on, and each version could be subtracted from the next.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from advocate_app.i18n import QT_TR_NOOP, ExplainedValueError
from advocate_app.reports.language import MONTHS, Words

_MIN_YEAR = 1990
_MAX_YEAR = 2200

MONTH_NAMES = MONTHS  # in English, as stored; Words translates them for a summary

QUARTER = "quarter"
FISCAL_YEAR = "fiscal_year"
CALENDAR_YEAR = "calendar_year"

PERIOD_FORMS = QT_TR_NOOP(
    "2026-Q2 (a fiscal quarter), FY2026 (a fiscal year) or CY2025 (a calendar year)"
)
FISCAL_YEAR_WORDS = QT_TR_NOOP("fiscal year")

_QUARTER_CODE = re.compile(r"(\d{4})-?Q([1-4])", re.IGNORECASE)
_FY_CODE = re.compile(r"FY(\d{4})", re.IGNORECASE)
_CY_CODE = re.compile(r"CY(\d{4})", re.IGNORECASE)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_span_label(start: date, end: date) -> str:
    """ "January–March 2026" or "October 2025–September 2026"."""
    first = MONTH_NAMES[start.month - 1]
    last = MONTH_NAMES[end.month - 1]
    if (start.year, start.month) == (end.year, end.month):
        return f"{first} {start.year}"
    if start.year == end.year:
        return f"{first}–{last} {end.year}"
    return f"{first} {start.year}–{last} {end.year}"


def _check_year(year: object, what: str = FISCAL_YEAR_WORDS) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise ExplainedValueError(
            QT_TR_NOOP("The {0} must be a whole number such as 2026, not {1}."), what, repr(year)
        )
    if not _MIN_YEAR < year <= _MAX_YEAR:
        raise ExplainedValueError(
            QT_TR_NOOP("The {0} must be between {1} and {2}; got {3}."),
            what,
            _MIN_YEAR + 1,
            _MAX_YEAR,
            year,
        )
    return year


def _check_start_month(start_month: object) -> int:
    if (
        isinstance(start_month, bool)
        or not isinstance(start_month, int)
        or not 1 <= start_month <= 12
    ):
        raise ExplainedValueError(
            QT_TR_NOOP("The fiscal year's first month must be 1 to 12; got {0}."), repr(start_month)
        )
    return start_month


def _fiscal_prefix(start_month: int) -> str:
    return "Federal FY" if start_month == 10 else "FY"


@dataclass(frozen=True)
class Period:
    """A standard run of whole calendar months, with the label printed on the summary."""

    start: date  # the first day of the first month
    end: date  # the last day of the last month
    label: str
    kind: str = QUARTER  # QUARTER, FISCAL_YEAR or CALENDAR_YEAR
    code: str = ""  # "2026-Q2", "FY2026" or "CY2025"

    def __post_init__(self) -> None:
        if self.start.day != 1:
            raise ExplainedValueError(
                QT_TR_NOOP("A period must start on the first day of a month.")
            )
        if self.end != _last_day(self.end.year, self.end.month):
            raise ExplainedValueError(QT_TR_NOOP("A period must end on the last day of a month."))
        if self.end < self.start:
            raise ExplainedValueError(QT_TR_NOOP("A period cannot end before it starts."))

    @property
    def month_count(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def covers(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def is_complete(self, today: date) -> bool:
        return self.end < today


def fiscal_year_bounds(fy: int, start_month: int = 10) -> tuple[date, date]:
    fy = _check_year(fy)
    start_month = _check_start_month(start_month)
    first_year = fy - 1 if start_month > 1 else fy
    start = date(first_year, start_month, 1)
    last_index = first_year * 12 + start_month - 1 + 11
    end = _last_day(last_index // 12, last_index % 12 + 1)
    return start, end


def fiscal_quarter(fy: int, q: int, start_month: int = 10) -> Period:
    """Quarter q (1–4) of fiscal year fy; with the federal year, Q1 is October–December of the
    year before."""
    start_fy, _ = fiscal_year_bounds(fy, start_month)
    if isinstance(q, bool) or not isinstance(q, int) or not 1 <= q <= 4:
        raise ExplainedValueError(QT_TR_NOOP("The quarter must be 1, 2, 3 or 4; got {0}."), repr(q))
    first = start_fy.year * 12 + start_fy.month - 1 + (q - 1) * 3
    start = date(first // 12, first % 12 + 1, 1)
    end = _last_day((first + 2) // 12, (first + 2) % 12 + 1)
    return Period(
        start,
        end,
        f"{_fiscal_prefix(start_month)}{fy}, Q{q} ({_month_span_label(start, end)})",
        QUARTER,
        f"{fy}-Q{q}",
    )


def fiscal_year(fy: int, start_month: int = 10) -> Period:
    """Fiscal year fy; with the federal year, October 1 of fy-1 to September 30 of fy."""
    start, end = fiscal_year_bounds(fy, start_month)
    return Period(
        start,
        end,
        f"{_fiscal_prefix(start_month)}{fy} ({_month_span_label(start, end)})",
        FISCAL_YEAR,
        f"FY{fy}",
    )


def calendar_year(year: int) -> Period:
    year = _check_year(year, QT_TR_NOOP("calendar year"))
    start, end = date(year, 1, 1), date(year, 12, 31)
    return Period(
        start, end, f"Calendar year {year} (January–December {year})", CALENDAR_YEAR, f"CY{year}"
    )


def fiscal_year_of(day: date, start_month: int = 10) -> int:
    """The fiscal year a day falls in (named by the calendar year it ends in)."""
    start_month = _check_start_month(start_month)
    if start_month == 1:
        return day.year
    return day.year + 1 if day.month >= start_month else day.year


def parse_period(text: object, start_month: int = 10) -> Period:
    """ "2026-Q2", "FY2026" or "CY2025" (case does not matter) into a Period."""
    if not isinstance(text, str) or not text.strip():
        raise ExplainedValueError(QT_TR_NOOP("Name the period as {0}."), PERIOD_FORMS)
    cleaned = text.strip()
    if match := _QUARTER_CODE.fullmatch(cleaned):
        return fiscal_quarter(int(match.group(1)), int(match.group(2)), start_month)
    if match := _FY_CODE.fullmatch(cleaned):
        return fiscal_year(int(match.group(1)), start_month)
    if match := _CY_CODE.fullmatch(cleaned):
        return calendar_year(int(match.group(1)))
    raise ExplainedValueError(
        QT_TR_NOOP("{0} is not a period this app reports on. Use {1}."), repr(cleaned), PERIOD_FORMS
    )


_QUARTER_NAMES = ("Q1", "Q2", "Q3", "Q4")


def _worded_span(start: date, end: date, words: Words) -> str:
    first, last = words.month(start.month), words.month(end.month)
    if (start.year, start.month) == (end.year, end.month):
        return words("{month} {year}", month=first, year=start.year)
    if start.year == end.year:
        return words("{first}–{last} {year}", first=first, last=last, year=end.year)
    return words(
        "{first} {start_year}–{last} {end_year}",
        first=first,
        start_year=start.year,
        last=last,
        end_year=end.year,
    )


def _worded_fiscal_year(fy: int, start_month: int, words: Words) -> str:
    if start_month == 10:
        return words("Federal FY{year}", year=fy)
    return words("FY{year}", year=fy)


def worded_label(period: Period, words: Words) -> str:
    """The period's label in the summary's language ("Federal FY2026, Q2 (January–March 2026)",
    "Año fiscal federal 2026, 2.º trimestre (enero–marzo de 2026)"). In English it is
    `period.label`; a period without a standard code is named by its months."""
    span = _worded_span(period.start, period.end, words)
    if match := _QUARTER_CODE.fullmatch(period.code):
        fy, q = int(match.group(1)), int(match.group(2))
        start_month = (period.start.month - 1 - (q - 1) * 3) % 12 + 1
        return words(
            "{fiscal_year}, {quarter} ({months})",
            fiscal_year=_worded_fiscal_year(fy, start_month, words),
            quarter=words(_QUARTER_NAMES[q - 1]),
            months=span,
        )
    if (match := _FY_CODE.fullmatch(period.code)) and period.kind == FISCAL_YEAR:
        return words(
            "{fiscal_year} ({months})",
            fiscal_year=_worded_fiscal_year(int(match.group(1)), period.start.month, words),
            months=span,
        )
    if (match := _CY_CODE.fullmatch(period.code)) and period.kind == CALENDAR_YEAR:
        return words("Calendar year {year} ({months})", year=int(match.group(1)), months=span)
    return span


def require_complete(period: Period, today: date) -> Period:
    if not period.is_complete(today):
        raise ExplainedValueError(
            QT_TR_NOOP(
                "{0} has not ended yet. A summary covers only a period that is over, so its "
                "numbers no longer change; choose an earlier one."
            ),
            period.code or period.label,
        )
    return period


def completed_periods(today: date, start_month: int = 10, years: int = 6) -> list[Period]:
    """Every standard period that has ended within about `years` years, newest end first (and,
    for the same end, the longest first)."""
    newest_fy = fiscal_year_of(today, start_month)
    found: list[Period] = []
    for fy in range(newest_fy, newest_fy - years, -1):
        if fy <= _MIN_YEAR:
            break
        found.append(fiscal_year(fy, start_month))
        found.extend(fiscal_quarter(fy, q, start_month) for q in (1, 2, 3, 4))
    for year in range(today.year, today.year - years, -1):
        if year > _MIN_YEAR:
            found.append(calendar_year(year))
    done = [p for p in found if p.is_complete(today)]
    kind_order = {CALENDAR_YEAR: 0, FISCAL_YEAR: 1, QUARTER: 2}
    done.sort(key=lambda p: (-p.end.toordinal(), kind_order[p.kind], p.code))
    return done


def newest_with_data(periods: Sequence[Period], has_data: Callable[[Period], bool]) -> int:
    """The index of the first period (newest first, as completed_periods lists them) for which
    has_data says yes; 0 when none has data. Reports opens on it, not on a period of zeros."""
    for index, period in enumerate(periods):
        if has_data(period):
            return index
    return 0
