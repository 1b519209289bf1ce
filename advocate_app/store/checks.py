"""Checks on input that no form should be able to let through: text that cannot be stored
(lone surrogates, half of a character, usually from a broken paste) and dates a person could
not mean (before 1900, or more than a year ahead: a typo in the year)."""

from __future__ import annotations

import re
from datetime import date, datetime

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store.errors import InvalidInput

EARLIEST_YEAR = 1900
BROKEN_TEXT = (
    "The text holds a broken character (often left by copying and pasting part of an emoji or "
    "a symbol), so it cannot be saved. Delete the odd character or type that part again. "
    "Nothing was saved."
)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def has_lone_surrogates(text: str) -> bool:
    return bool(_LONE_SURROGATE.search(text))


def without_lone_surrogates(text: str) -> str:
    """The text with every lone surrogate replaced by U+FFFD (for autosaved drafts, which must
    never be lost over one broken character)."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _a_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def check_plausible_date(
    value: date | datetime | None, what: str, *, today: date | None = None
) -> None:
    """Refuse a date before 1900 or more than a year after today, naming `what` ("the due
    date")."""
    if value is None:
        return
    day = value.date() if isinstance(value, datetime) else value
    today = today or date.today()
    if day.year < EARLIEST_YEAR:
        raise InvalidInput(
            QT_TR_NOOP("{0} ({1}) is before {2}: check the year. Nothing was saved."),
            what,
            day.isoformat(),
            EARLIEST_YEAR,
        )
    if day > _a_year_after(today):
        raise InvalidInput(
            QT_TR_NOOP("{0} ({1}) is more than a year ahead: check the year. Nothing was saved."),
            what,
            day.isoformat(),
        )


__all__ = [
    "BROKEN_TEXT",
    "EARLIEST_YEAR",
    "check_plausible_date",
    "has_lone_surrogates",
    "without_lone_surrogates",
]
