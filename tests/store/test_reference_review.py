"""Keeping the library true over time: `next_review` in the front matter, "review due", and the
limit past which an installer may not ship an article. Every date here is fixed: no test depends
on the day it runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from advocate_app.library.parsing import (
    REVIEW_INTERVAL_MONTHS,
    add_months,
    load_articles,
    parse_article,
    too_long_past_review,
)

ASSETS = Path(__file__).resolve().parents[2] / "assets"

ARTICLE = """---
title: "Sample"
category: "Test"
tags: [one]
summary: "A summary."
sources:
  - "A source"
last_reviewed: 2026-11-28
{extra}---
# Sample

Body.
"""


def _parse(extra: str = ""):
    return parse_article("sample", ARTICLE.format(extra=extra))


def test_next_review_is_read_from_the_front_matter() -> None:
    article = _parse("next_review: 2027-11-28\n")
    assert article.next_review == dt.date(2027, 11, 28)
    assert article.review_due_on == dt.date(2027, 11, 28)


def test_next_review_written_as_quoted_text_is_read_too() -> None:
    assert _parse('next_review: "2027-06-01"\n').next_review == dt.date(2027, 6, 1)


def test_next_review_may_name_just_a_month() -> None:
    assert _parse("next_review: 2027-11\n").next_review == dt.date(2027, 11, 1)
    with pytest.raises(ValueError, match="must be a date"):
        _parse("next_review: 2027-13\n")


def test_without_next_review_the_article_is_due_a_year_after_its_review() -> None:
    article = _parse()
    assert article.next_review is None
    assert REVIEW_INTERVAL_MONTHS == 12
    assert article.review_due_on == dt.date(2027, 11, 28)


@pytest.mark.parametrize("value", ["someday", "[2027]", "2027"])
def test_a_bad_next_review_names_the_file_and_the_key(value: str) -> None:
    with pytest.raises(ValueError, match=r"sample\.md: “next_review” must be a date"):
        _parse(f"next_review: {value}\n")


def test_a_date_that_does_not_exist_is_a_sentence_not_a_crash() -> None:
    with pytest.raises(ValueError, match=r"sample\.md: the front matter has a date that does not"):
        _parse("next_review: 2027-13-01\n")


def test_next_review_before_the_review_itself_is_refused() -> None:
    with pytest.raises(ValueError, match="must come after"):
        _parse("next_review: 2026-11-01\n")


def test_review_due_from_the_review_date_on() -> None:
    article = _parse("next_review: 2027-05-31\n")
    assert not article.review_due(dt.date(2027, 5, 30))
    assert article.review_due(dt.date(2027, 5, 31))
    assert article.review_due(dt.date(2030, 1, 1))


def test_months_past_review_counts_whole_calendar_months() -> None:
    article = _parse("next_review: 2027-01-31\n")
    assert article.months_past_review(dt.date(2027, 1, 31)) == 0
    assert article.months_past_review(dt.date(2027, 2, 27)) == 0
    assert article.months_past_review(dt.date(2027, 2, 28)) == 1  # Feb has no 31st
    assert article.months_past_review(dt.date(2028, 7, 31)) == 18
    assert article.months_past_review(dt.date(2026, 1, 1)) == 0


def test_add_months_keeps_the_day_or_the_end_of_a_short_month() -> None:
    assert add_months(dt.date(2026, 11, 28), 18) == dt.date(2028, 5, 28)
    assert add_months(dt.date(2027, 8, 31), 18) == dt.date(2029, 2, 28)
    assert add_months(dt.date(2026, 8, 31), 18) == dt.date(2028, 2, 29)  # leap year
    assert add_months(dt.date(2026, 12, 15), 1) == dt.date(2027, 1, 15)


def test_too_long_past_review_uses_a_strict_limit() -> None:
    article = _parse("next_review: 2027-06-15\n")
    limit = dt.date(2028, 12, 15)  # exactly 18 months after the review date
    assert too_long_past_review([article], limit, 18) == []
    assert too_long_past_review([article], limit + dt.timedelta(days=1), 18) == [article]


def test_the_shipped_library_parses_its_review_dates() -> None:
    articles, errors = load_articles(ASSETS / "reference")
    assert errors == []
    for article in articles:
        assert article.review_due_on > article.last_reviewed, article.slug
        # Nothing shipped today is due the day after its last review.
        assert not article.review_due(article.last_reviewed + dt.timedelta(days=1)), article.slug
