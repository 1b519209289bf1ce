"""The periods a summary may cover: federal fiscal quarters and years (October to September),
calendar years, their codes and labels; periods that have not ended, or are not one of these, are
refused with a message.
"""

from __future__ import annotations

from datetime import date

import pytest

from advocate_app.reports.periods import (
    Period,
    calendar_year,
    completed_periods,
    fiscal_quarter,
    fiscal_year,
    parse_period,
    require_complete,
)

# --------------------------------------------------------------------------------------------
# Periods


def test_fiscal_quarter_one_starts_in_october_of_the_year_before() -> None:
    q1 = fiscal_quarter(2026, 1)
    assert (q1.start, q1.end) == (date(2025, 10, 1), date(2025, 12, 31))
    assert q1.label == "Federal FY2026, Q1 (October–December 2025)"
    q2 = fiscal_quarter(2026, 2)
    assert (q2.start, q2.end) == (date(2026, 1, 1), date(2026, 3, 31))
    assert q2.label == "Federal FY2026, Q2 (January–March 2026)"
    q4 = fiscal_quarter(2026, 4)
    assert (q4.start, q4.end) == (date(2026, 7, 1), date(2026, 9, 30))


def test_fiscal_and_calendar_years() -> None:
    fy = fiscal_year(2026)
    assert (fy.start, fy.end, fy.month_count) == (date(2025, 10, 1), date(2026, 9, 30), 12)
    assert fy.label == "Federal FY2026 (October 2025–September 2026)"
    assert fy.code == "FY2026"
    cy = calendar_year(2025)
    assert (cy.start, cy.end, cy.code) == (date(2025, 1, 1), date(2025, 12, 31), "CY2025")
    july = fiscal_year(2026, start_month=7)
    assert (july.start, july.end) == (date(2025, 7, 1), date(2026, 6, 30))
    assert fiscal_quarter(2026, 1, start_month=7).start == date(2025, 7, 1)
    january = fiscal_year(2026, start_month=1)
    assert (january.start, january.end) == (date(2026, 1, 1), date(2026, 12, 31))


@pytest.mark.parametrize(
    ("text", "code", "start"),
    [
        ("2026-Q2", "2026-Q2", date(2026, 1, 1)),
        ("fy2026", "FY2026", date(2025, 10, 1)),
        ("CY2025", "CY2025", date(2025, 1, 1)),
        (" 2026Q1 ", "2026-Q1", date(2025, 10, 1)),
    ],
)
def test_period_codes(text: str, code: str, start: date) -> None:
    period = parse_period(text)
    assert (period.code, period.start) == (code, start)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2025-01", "not a period"),
        ("Q5-2026", "not a period"),
        ("2026-Q5", "not a period"),
        ("", "Name the period"),
        ("FY1200", "between"),
    ],
)
def test_other_periods_are_refused(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        parse_period(text)


def test_only_periods_that_have_ended() -> None:
    today = date(2026, 11, 29)
    with pytest.raises(ValueError, match="has not ended"):
        require_complete(fiscal_quarter(2027, 1), today)
    with pytest.raises(ValueError, match="has not ended"):
        require_complete(calendar_year(2026), today)
    assert require_complete(fiscal_year(2026), today).code == "FY2026"
    done = completed_periods(today)
    assert all(p.end < today for p in done)
    assert done[0].code == "FY2026" and done[1].code == "2026-Q4"
    assert {p.kind for p in done} == {"quarter", "fiscal_year", "calendar_year"}


def test_bad_quarters_are_refused() -> None:
    for fy, q in ((2026, 0), (2026, 5), (1200, 1)):
        with pytest.raises(ValueError):
            fiscal_quarter(fy, q)
    with pytest.raises(ValueError, match="first day"):
        Period(date(2025, 10, 2), date(2025, 12, 31), "x")
