"""De-identification of the supervisor summary: what a reader of the PDF can and cannot learn."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocate_app.reports.anonymize import (
    DECLINED_LABEL,
    PublishedSummary,
    PublishedTable,
    cell_number,
    percent,
    publish,
)
from advocate_app.reports.periods import (
    fiscal_quarter,
)
from advocate_app.store import vocab
from advocate_app.store.summary import SummaryCounts
from tests.helpers import NO_ONE_SERVED

Q1 = fiscal_quarter(2026, 1)


# --------------------------------------------------------------------------------------------
# publish(): the whole summary.

AGES = list(vocab.AGE_GROUPS)
TYPES = list(vocab.TRAFFICKING_TYPES)
STATUSES = ("not_started", "in_progress", "met", "declined", "not_needed")


@st.composite
def summary_counts(draw: st.DrawFn, max_people: int = 90) -> SummaryCounts:
    people = draw(
        st.lists(st.tuples(st.sampled_from(AGES), st.sampled_from(TYPES)), max_size=max_people)
    )
    served = len(people)
    new = draw(st.integers(0, served))
    count = st.one_of(st.just(0), st.integers(1, 12), st.integers(0, 40))
    return SummaryCounts(
        office_name="Test Office",
        period_label=Q1.label,
        period_start=Q1.start,
        period_end=Q1.end,
        is_demo=draw(st.booleans()),
        individuals_served=served,
        individuals_new=new,
        individuals_continuing=served - new,
        anonymous_contacts=draw(count),
        trafficking_type=dict(Counter(t for _, t in people)),
        age_group=dict(Counter(a for a, _ in people)),
        needs={
            c: {s: draw(count) for s in STATUSES}
            for c in vocab.NEED_CATEGORIES
            if draw(st.booleans())
        },
        needs_opened={c: draw(count) for c in vocab.NEED_CATEGORIES if draw(st.booleans())},
        referrals={c: draw(count) for c in vocab.RESOURCE_CATEGORIES if draw(st.booleans())},
        appointments={
            a: {"accompanied": draw(count), "not_accompanied": draw(count)}
            for a in vocab.APPOINTMENT_KINDS
            if draw(st.booleans())
        },
        voca_services={g: draw(st.integers(0, served)) for g in "ABCDE" if draw(st.booleans())},
    )


def _hidden(text: str, k: int) -> bool:
    return text == "—"


def _check_cell(text: str, k: int) -> None:
    if _hidden(text, k):
        return
    assert text.isdigit(), f"unexpected cell text {text!r}"
    assert not 1 <= int(text) < k, f"published {text} with k={k}"


def _check_line(members: list[str], k: int, what: str) -> None:
    n_hidden = sum(1 for m in members if _hidden(m, k))
    assert n_hidden != 1, f"{what}: one hidden member can be worked out: {members}"
    if n_hidden == 0:
        total, *parts = members
        assert int(total) == sum(int(p) for p in parts), f"{what} does not add up"


def _check_table(table: PublishedTable, k: int) -> None:
    for row in table.cells:
        for text in row:
            _check_cell(text, k)
    for text in (*(table.row_totals or ()), *(table.column_totals or ()), table.grand_total):
        if text is not None:
            _check_cell(text, k)
    if table.row_totals is not None:
        for r, row in enumerate(table.cells):
            _check_line([table.row_totals[r], *row], k, f"{table.key} row {r}")
        assert table.grand_total is not None and table.column_totals is not None
        _check_line([table.grand_total, *table.row_totals], k, f"{table.key} row totals")
        _check_line([table.grand_total, *table.column_totals], k, f"{table.key} column totals")
    if table.column_totals is not None:
        for c, total in enumerate(table.column_totals):
            column = [row[c] for row in table.cells]
            _check_line([total, *column], k, f"{table.key} column {c}")
    # Percentages: only for published cells over a published base of at least k.
    for r, row in enumerate(table.cells):
        for c, text in enumerate(row):
            share = table.percentages[r][c]
            if not share:
                continue
            if table.key == "overview":
                base_text = table.cells[0][0]
            elif table.row_totals is not None:
                base_text = table.row_totals[r]
            else:
                assert table.column_totals is not None
                base_text = table.column_totals[c]
            base, part = cell_number(base_text), cell_number(text)
            assert base is not None and base >= k, f"{table.key}: share over a small base"
            assert part is not None, f"{table.key}: share of a hidden cell"
            assert share == f"{percent(part, base)}%"


# 60 random offices in `make test`; SUPPRESSION_EXAMPLES=1000 (make soak) runs many more.
@settings(
    max_examples=int(os.environ.get("SUPPRESSION_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(counts=summary_counts(), k=st.integers(5, 20))
def test_published_summary_never_shows_or_reveals_a_small_count(
    counts: SummaryCounts, k: int
) -> None:
    summary = publish(counts, k=k, generated_on=date(2026, 1, 5))
    for table in summary.tables:
        _check_table(table, k)

    overview = summary.table("overview")
    served, new, continuing, _anonymous = (row[0] for row in overview.cells)
    _check_line([served, new, continuing], k, "people served = new + continuing")
    # The age and trafficking tables add up to the same people served, hidden or shown alike.
    for key in ("trafficking_type", "age_group"):
        assert summary.table(key).column_totals == (served,)
    # A combined "Other" row always sits beside a category that still shows k or more.
    for table in summary.tables:
        match = re.search(r"“(.+?)” also combines", table.note)
        if match is None:
            continue
        others = [
            cell_number(text)
            for label, row in zip(table.row_labels, table.cells, strict=True)
            if label != match.group(1)
            for text in row
        ]
        assert any(n is not None and n >= k for n in others), table


@settings(max_examples=40, deadline=None)
@given(counts=summary_counts(), k=st.integers(5, 20))
def test_voca_rows_are_the_recorded_services_by_group(counts: SummaryCounts, k: int) -> None:
    summary = publish(counts, k=k)
    voca = summary.table("voca_service_areas")
    assert [label.split(".")[0] for label in voca.row_labels] == list("ABCDE")
    assert voca.column_totals is None  # people may be in several groups: no total
    for code, (text,) in zip("ABCDE", voca.cells, strict=True):
        _check_cell(text, k)
        value = counts.voca_services.get(code, 0)
        if text != "—":
            assert int(text) == value


def _small_office(**changes: object) -> SummaryCounts:
    counts = SummaryCounts(
        office_name="Hillside Outreach",
        period_label=Q1.label,
        period_start=Q1.start,
        period_end=Q1.end,
        is_demo=False,
        individuals_served=3,
        individuals_new=1,
        individuals_continuing=2,
        anonymous_contacts=4,
        trafficking_type={"sex": 2, "labor": 1},
        age_group={"18-24": 1, "25-59": 2},
        needs={"housing": {"in_progress": 2, "met": 1}, "childcare": {"declined": 1}},
        needs_opened={"housing": 2},
        referrals={"housing": 2},
        appointments={"court_hearing": {"accompanied": 2}},
    )
    return replace(counts, **changes)  # type: ignore[arg-type]


def test_three_client_office_gets_a_mostly_hidden_summary_with_a_plain_reason() -> None:
    summary = publish(_small_office())
    assert summary.k == 11
    assert any(
        line.startswith("Most numbers are hidden because fewer than 11 people")
        for line in summary.explanation
    )
    overview = summary.table("overview")
    assert [row[0] for row in overview.cells] == ["—"] * 4
    # "0 of the few people are 60 or older" says something about each of them: hidden too.
    assert all(row[0] == "—" for row in summary.table("age_group").cells)
    numbers = [
        cell_number(text)
        for table in summary.tables
        for row in table.cells
        for text in row
        if cell_number(text) is not None
    ]
    assert numbers and all(n == 0 for n in numbers)
    for table in summary.tables:
        _check_table(table, 11)


def test_an_empty_period_is_a_summary_not_an_error() -> None:
    empty = _small_office(**NO_ONE_SERVED)
    summary = publish(empty)
    assert "No one was recorded as served in this period." in summary.explanation
    assert all(text == "0" for t in summary.tables for row in t.cells for text in row)


@pytest.mark.parametrize("k", [4, 21, 0, True, 11.0])
def test_k_outside_5_to_20_is_refused(k: object) -> None:
    with pytest.raises(ValueError, match="from 5 to 20"):
        publish(_small_office(), k=k)  # type: ignore[arg-type]


def test_one_neutral_marker_whatever_k() -> None:
    summary = publish(_small_office(), k=5)
    overview = summary.table("overview")
    assert overview.cells[0][0] == "—"
    assert summary.marker == "—"
    assert summary.explanation[0].startswith(
        "“—” marks a hidden count: hidden to protect privacy; it may be 0, small or large."
    )
    assert "Counts from 1 to 4 are always hidden" in summary.explanation[0]
    data = json.loads(summary.to_json())
    assert data["tables"][0]["cells"][0] == [None]
    assert data["hidden_cells"]["reason"] == (
        "hidden to protect privacy; it may be 0, small or large"
    )


def _office(**changes: object) -> SummaryCounts:
    counts = SummaryCounts(
        office_name="Blue Ridge Office",
        period_label=Q1.label,
        period_start=Q1.start,
        period_end=Q1.end,
        is_demo=False,
        individuals_served=60,
        individuals_new=25,
        individuals_continuing=35,
        anonymous_contacts=40,
        trafficking_type={"sex": 30, "labor": 19, "both": 5, "not_identified": 6},
        age_group={"13-17": 12, "18-24": 18, "25-59": 30},
        needs={
            "housing": {"in_progress": 12, "met": 20, "declined": 14, "not_needed": 11},
            "transportation": {"in_progress": 15, "met": 25, "declined": 11, "not_needed": 12},
        },
        needs_opened={"housing": 15, "transportation": 12},
        referrals={"housing": 22, "legal": 14, "other": 12},
        appointments={
            "court_hearing": {"accompanied": 18, "not_accompanied": 12},
            "medical": {"accompanied": 11, "not_accompanied": 13},
        },
    )
    return replace(counts, **changes)  # type: ignore[arg-type]


def test_large_counts_are_published_with_whole_percentages() -> None:
    summary = publish(_office())
    trafficking = summary.table("trafficking_type")
    labels = list(trafficking.row_labels)
    # "both" (5) and "not identified" (6) are each small; together they make 11 and show.
    assert "Both types, or not identified" in labels
    assert "Sex and labor trafficking" in trafficking.note and "Not identified" in trafficking.note
    row = labels.index("Both types, or not identified")
    assert trafficking.cells[row] == ("11",)
    assert trafficking.percentages[row] == ("18%",)  # 11/60 = 18.3%
    assert trafficking.cells[labels.index("Sex trafficking")] == ("30",)
    assert trafficking.percentages[labels.index("Sex trafficking")] == ("50%",)
    overview = summary.table("overview")
    assert [row[0] for row in overview.cells] == ["60", "25", "35", "40"]
    assert overview.percentages[1] == ("42%",)  # 25/60 = 41.7%


def test_merge_is_skipped_when_it_shows_nothing_more() -> None:
    summary = publish(
        _office(trafficking_type={"sex": 40, "labor": 18, "both": 2, "not_identified": 0})
    )
    trafficking = summary.table("trafficking_type")
    assert list(trafficking.row_labels) == list(vocab.TRAFFICKING_TYPES.values())
    assert "combines" not in trafficking.note


def test_the_voca_table_comes_from_recorded_services_not_from_needs() -> None:
    # Plenty of transportation needs met, but no service recorded: B is 0, not the needs.
    counts = _office(voca_services={"A": 30, "B": 0, "C": 4, "D": 12})
    voca = publish(counts).table("voca_service_areas")
    assert voca.title == "VOCA services given (PMT service groups)"
    cells = dict(
        zip(
            (label.split(".")[0] for label in voca.row_labels),
            (row[0] for row in voca.cells),
            strict=True,
        )
    )
    assert cells == {"A": "30", "B": "0", "C": "—", "D": "12", "E": "0"}
    assert voca.row_labels[1].startswith("B. Personal Advocacy/Accompaniment")
    assert not any("Employment assistance" in label for label in voca.row_labels)


def test_declined_is_labelled_as_the_survivors_choice() -> None:
    needs = publish(_office()).table("needs_status")
    assert DECLINED_LABEL == "Declined (survivor's choice)"
    assert DECLINED_LABEL in needs.column_labels
    assert "Declined by client" not in needs.column_labels
    declined = needs.column_labels.index(DECLINED_LABEL)
    housing = needs.row_labels.index("Housing")
    assert needs.cells[housing][declined] == "14"
    assert needs.percentages[housing][declined] == "25%"  # 14 / 57


def test_no_free_text_reaches_the_summary() -> None:
    secret = "Maria at 12 Elm St"
    counts = _office(
        trafficking_type={"sex": 30, "labor": 30, secret: 7},
        needs={secret: {"met": 9}, "housing": {"met": 20, secret: 3}},
        referrals={secret: 12, "housing": 22},
        appointments={secret: {"accompanied": 15}},
    )
    text = publish(counts, generated_on=date(2026, 1, 5)).to_json()
    assert secret not in text
    assert "Maria" not in text
    # Every label is from the vocabulary or the summary's own fixed wording.
    summary = publish(counts)
    allowed = (
        set(vocab.TRAFFICKING_TYPES.values())
        | set(vocab.AGE_GROUPS.values())
        | set(vocab.NEED_CATEGORIES.values())
        | set(vocab.RESOURCE_CATEGORIES.values())
        | set(vocab.APPOINTMENT_KINDS.values())
        | {"Other needs", "Both types, or not identified", "0–17"}
    )
    for key in ("trafficking_type", "age_group", "needs_status", "needs_opened", "referrals"):
        assert set(summary.table(key).row_labels) <= allowed


def test_numbers_that_do_not_add_up_cannot_leak_the_difference() -> None:
    # Two people have no recorded trafficking type: 60 served, the table adds to 58.
    counts = _office(trafficking_type={"sex": 30, "labor": 20, "both": 0, "not_identified": 8})
    summary = publish(counts)
    served = summary.table("overview").cells[0][0]
    total = summary.table("trafficking_type").column_totals[0]  # type: ignore[index]
    shown = [cell_number(x) for x in (served, total)]
    assert None in shown, "both totals shown would reveal the 2 people in between"


def test_json_is_stable_and_complete() -> None:
    one = publish(_office(), generated_on=date(2026, 1, 5)).to_json()
    two = publish(_office(), generated_on=date(2026, 1, 5)).to_json()
    assert one == two
    data = json.loads(one)
    assert list(data) == [
        "office_name",
        "period_label",
        "k",
        "hidden_cells",
        "is_demo",
        "language",
        "generated_on",
        "explanation",
        "tables",
    ]
    assert data["generated_on"] == "2026-01-05"
    assert [t["key"] for t in data["tables"]] == [
        "overview",
        "trafficking_type",
        "age_group",
        "needs_status",
        "needs_opened",
        "referrals",
        "appointments",
        "voca_service_areas",
    ]
    assert isinstance(publish(_office()), PublishedSummary)


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="0 or more"):
        publish(_office(referrals={"housing": -1}))
