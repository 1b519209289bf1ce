"""De-identification of the supervisor summary: the one place that decides what may be shown.

Both the screen and the PDF show a `PublishedSummary`, never `SummaryCounts`. Rules:

* Small cells. A count from 1 to k-1 is hidden (k = 11 by default, as CMS does; 5..20 allowed;
  one k per office, see store.report_settings). 0 is shown as 0; k or more as the number.
* Small groups. When the people served are fewer than k, every count that splits them (new or
  continuing, age band, trafficking type) is hidden too, zeros included: "none of the few people
  served is 60 or older" says something about each of them.
* Complementary suppression. Every published total is a sum of other cells (a row, a column, the
  grand total, the people served that the age and trafficking tables add up to, the VOCA rows
  built from needs and appointments). A hidden cell must never be recoverable by subtracting: in
  each such sum the number of hidden members is 0 or at least 2. Where only one is hidden, the
  smallest published member of 1 or more is hidden too (a cell before a total), repeated until
  stable. A 0 is never hidden for this: a reader who guesses the extra hidden cell is the
  smallest would guess 0 and get the small count back. Then an audit plays the reader, using all
  sums at once (exact linear algebra; with every unknown count positive, that is exactly what
  the sums and "counts are never negative" reveal): any small count it can work out gets one
  more neighbour hidden. Last, extra hidden counts that protect nothing are shown again. The
  greedy steps run per group of connected sums, in a few fixed orders, and the result that hides
  the least wins; the same counts always give the same summary.
* Small lines. The hidden cells of any sum whose total is shown hold together 0 or at least k:
  "two hidden cells, and the total says they add up to 2" would tell that both are tiny. Where
  they hold 1 to k-1, one more published cell of that sum is hidden.
* One marker. Every hidden cell, whatever its value, shows the same neutral "—" (JSON: null
  with a reason), explained once: hidden to protect privacy; it may be 0, small or large. A
  marker such as "<11" would be false for the extra cells (often 11 or more) and is read as a
  quantity.
* The export ledger (reports.ledger) may ask for more: cells to hide (`forced`) and cells a
  reader already knows from earlier exports (`known`: never counted on to protect another).
* Merging. Before suppression, small categories may be combined into one row where that leaves
  more of the table visible: trafficking types "both" and "not identified" into one row (when
  either is from 1 to k-1); age bands 0–12 and 13–17 into "0–17" (likewise); referral
  categories and appointment kinds whose total is from 1 to k-1 into their "Other" row; need
  categories whose total is from 1 to k-1 into "Other needs". A merge is used only if it makes
  more of the table's count visible (the sum of the counts left showing after suppression),
  only if it combines at least two categories, and only if some category outside it still has
  k or more, so a whole table is never folded into a single "Other" row. A large category is
  never folded away for one small cell. The table's note names what was combined (vocabulary
  labels only).
* Percentages only for published cells whose base (the row total, the table total, or the people
  served) is published and at least k, rounded to whole percent.
* No free text: only labels from advocate_app.store.vocab, the office name, the period label, k
  and numbers.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from advocate_app.store import vocab
from advocate_app.store.report_settings import DEFAULT_K, MAX_K, MIN_K
from advocate_app.store.summary import SummaryCounts

__all__ = ["DEFAULT_K", "MAX_K", "MIN_K"]

HIDDEN_MARKER = "—"
HIDDEN_REASON = "hidden to protect privacy; it may be 0, small or large"

# Chart hints for renderers (the PDF, the screen): which numbers of a table make a bar chart.
CHART_ROWS = "rows"  # one bar per row, from the table's single column
CHART_ROWS_GROUPED = "rows_grouped"  # one bar per row and column, columns as series
CHART_ROW_TOTALS = "row_totals"  # one bar per row, from the row totals
CHART_COLUMN_TOTALS = "column_totals"  # one bar per column, from the column totals

DECLINED_LABEL = "Declined (survivor's choice)"


def suppressed_marker(k: int) -> str:
    """The text every hidden cell shows, whatever k is: one neutral mark, not a quantity."""
    return HIDDEN_MARKER


def check_k(k: object) -> int:
    if isinstance(k, bool) or not isinstance(k, int) or not MIN_K <= k <= MAX_K:
        raise ValueError(
            f"The smallest count shown (k) must be a whole number from {MIN_K} to {MAX_K}; "
            f"got {k!r}."
        )
    return k


def cell_number(text: str) -> int | None:
    """The number a published cell shows, or None for a hidden ("—") or empty cell."""
    return int(text) if text.isdigit() else None


def percent(part: int, base: int) -> int:
    """Whole percent, halves rounded up (Python's round() would round 12.5 to 12)."""
    return (200 * part + base) // (2 * base)


# --------------------------------------------------------------------------------------------
# The suppression engine: variables (counts) tied together by sums.


@dataclass(frozen=True)
class SumLine:
    """values[total] == sum(values[p] for p in parts): a total a reader can subtract from."""

    total: int
    parts: tuple[int, ...]
    # A group of people (the people served, split by age band): when its total is small, its
    # zero parts are hidden too, since "none of the few people served is 60 or older" says
    # something about each of them.
    group: bool = False


def _is_small(value: int, k: int) -> bool:
    return 1 <= abs(value) < k


def suppress(
    values: Sequence[int],
    lines: Sequence[SumLine],
    k: int,
    latent: Collection[int] = (),
    signed: Collection[int] = (),
    cheap: Collection[int] = (),
    known: Collection[int] = (),
) -> frozenset[int]:
    """Which variables to hide.

    `latent` ones are never shown (always hidden). `signed` ones may be negative (a difference
    the store's numbers imply); they are never chosen to hide. `cheap` ones are derived figures
    (the VOCA rows) to hide before a table cell when something more must be hidden. `known`
    ones a reader has already (from an earlier export): hiding them protects nothing, so they
    are never chosen to hide and count as shown wherever a sum is checked.
    """
    check_k(k)
    hidden: set[int] = set(latent)
    hidden.update(i for i, v in enumerate(values) if _is_small(v, k))
    for component in _components(lines):
        members = {m for line in component for m in (line.total, *line.parts)}
        hidden |= _best_for(values, component, k, latent, signed, cheap, known) & members
    return frozenset(hidden)


def _components(lines: Sequence[SumLine]) -> list[list[SumLine]]:
    """Sums that share no count with each other are solved separately (each table, mostly)."""
    parent: dict[int, int] = {}

    def find(v: int) -> int:
        parent.setdefault(v, v)
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for line in lines:
        for m in line.parts:
            parent[find(m)] = find(line.total)
    groups: dict[int, list[SumLine]] = {}
    for line in lines:
        groups.setdefault(find(line.total), []).append(line)
    return list(groups.values())


def _best_for(
    values: Sequence[int],
    lines: Sequence[SumLine],
    k: int,
    latent: Collection[int],
    signed: Collection[int],
    cheap: Collection[int],
    known: Collection[int] = (),
) -> frozenset[int]:
    # The greedy repair depends on the order it meets the sums in and on whether it prefers the
    # smallest count or one that mends two sums at once. It runs with a few fixed orders (seeded,
    # so the same counts always give the same summary) both ways; what hides the least wins.
    orders: list[list[SumLine]] = [list(lines), list(reversed(lines))]
    for seed in range(_EXTRA_ORDERS):
        shuffled = list(lines)
        random.Random(seed).shuffle(shuffled)
        orders.append(shuffled)
    members = {m for line in lines for m in (line.total, *line.parts)}
    best: frozenset[int] = frozenset()
    best_cost: tuple[int, int] | None = None
    for order in orders:
        for mend_first in (False, True):
            hidden = _Engine(values, order, k, signed, cheap, mend_first, known).run(latent)
            mine = [v for v in hidden if v in members]
            cost = (sum(abs(values[v]) for v in mine if v not in cheap), len(mine))
            if best_cost is None or cost < best_cost:
                best, best_cost = hidden, cost
    return best


_MAX_TRIALS = 40
_EXTRA_ORDERS = 6


class _Engine:
    """Primary, group and complementary suppression, then an audit and a clean-up.

    The audit assumes the reader knows every hidden 0 (a 0 hides nothing: the reader may guess
    it), so complements are always counts of 1 or more. With every unknown count positive, the
    true table sits strictly inside "counts are never negative", and a count is then fixed
    exactly when linear algebra over all the sums fixes it: an exact test, not a heuristic.
    """

    def __init__(
        self,
        values: Sequence[int],
        lines: Sequence[SumLine],
        k: int,
        signed: Collection[int],
        cheap: Collection[int],
        mend_first: bool = False,
        known: Collection[int] = (),
    ) -> None:
        self.mend_first = mend_first
        self.known = frozenset(known)
        self.values = values
        self.lines = lines
        self.k = k
        self.signed = frozenset(signed)
        self.cheap = frozenset(cheap)
        self.totals = {line.total for line in lines}
        self.lines_of: dict[int, list[SumLine]] = {}
        for line in lines:
            for member in (line.total, *line.parts):
                self.lines_of.setdefault(member, []).append(line)

    def run(self, latent: Collection[int]) -> frozenset[int]:
        values, k = self.values, self.k
        required: set[int] = set(latent)
        required.update(i for i, v in enumerate(values) if _is_small(v, k))
        # A 0 inside a published total of 0 is public anyway: never worth hiding.
        known_zero = {p for line in self.lines if values[line.total] == 0 for p in line.parts}
        for line in self.lines:
            if line.group and _is_small(values[line.total], k):
                required.update(p for p in line.parts if p not in known_zero)
        hidden = set(required)
        # Each pass hides at least one more variable, so this ends.
        for _ in range(len(values) + 1):
            self._repair_single_hidden(hidden)
            if self._repair_small_lines(hidden):
                continue
            bad = self.exposed(hidden)
            if not bad:
                break
            pick = self._pick_fix(bad[0], hidden)
            if pick is None:
                break  # everything connected to it is hidden already: nothing left to hide
            hidden.add(pick)
        self._release(hidden, required)
        return frozenset(hidden)

    def _unknown(self, hidden: set[int]) -> set[int]:
        return {v for v in hidden if self.values[v] != 0 and v not in self.known}

    def exposed(self, hidden: set[int]) -> list[int]:
        """Small hidden counts a reader could work out exactly from the published ones."""
        fixed = _linearly_determined(self.lines, self._unknown(hidden))
        return sorted(v for v in fixed if _is_small(self.values[v], self.k))

    def single_hidden(self, hidden: set[int]) -> bool:
        unknown = hidden - self.known
        return any(sum(1 for m in (ln.total, *ln.parts) if m in unknown) == 1
                   for ln in self.lines)

    def small_lines(self, hidden: set[int]) -> list[SumLine]:
        """Sums with a shown total whose hidden parts hold 1 to k-1 together: a reader would
        know those hidden cells are all small."""
        out = []
        for line in self.lines:
            if line.total in hidden and line.total not in self.known:
                continue
            parts = [p for p in line.parts if p in hidden and p not in self.known]
            if parts and _is_small(sum(self.values[p] for p in parts), self.k):
                out.append(line)
        return out

    def _repair_small_lines(self, hidden: set[int]) -> bool:
        """Hide one more part of each small line (the smallest that can be); else its total."""
        changed = False
        for line in self.small_lines(hidden):
            candidates = [p for p in line.parts
                          if p not in hidden and self._can_complement(p)]
            if candidates:
                hidden.add(min(candidates, key=lambda m: self._complement_key(m, hidden)))
                changed = True
            elif self._can_complement(line.total) and line.total not in hidden:
                hidden.add(line.total)
                changed = True
        return changed

    def _release(self, hidden: set[int], required: set[int]) -> None:
        """Show again any extra hidden count that protects nothing, table cells before derived
        rows and largest first: a large number shown as "<k" is the most misleading."""
        order = sorted(hidden - required, key=lambda v: (v in self.cheap, -abs(self.values[v]), v))
        for var in order:
            trial = hidden - {var}
            if self.single_hidden(trial) or self.small_lines(trial) or self.exposed(trial):
                continue
            hidden.discard(var)

    def _can_complement(self, member: int) -> bool:
        return self.values[member] > 0 and member not in self.signed and member not in self.known

    def _complement_key(self, member: int, hidden: set[int]) -> tuple[int, ...]:
        # Derived rows first, then the smallest; a cell before a total; then one that also
        # mends another sum.
        helps = sum(
            1
            for other in self.lines_of.get(member, [])
            if sum(1 for m in (other.total, *other.parts) if m in hidden) == 1
        )
        if self.mend_first:
            return (
                member not in self.cheap,
                -helps,
                self.values[member],
                member in self.totals,
                member,
            )
        return (
            member not in self.cheap,
            self.values[member],
            member in self.totals,
            -helps,
            member,
        )

    def _repair_single_hidden(self, hidden: set[int]) -> None:
        changed = True
        while changed:
            changed = False
            for line in self.lines:
                members = (line.total, *line.parts)
                if sum(1 for m in members if m in hidden and m not in self.known) != 1:
                    continue
                candidates = [m for m in members if m not in hidden and self._can_complement(m)]
                if not candidates:
                    continue  # only zeros left: the one hidden member is a public 0 itself
                hidden.add(min(candidates, key=lambda m: self._complement_key(m, hidden)))
                changed = True

    def _pick_fix(self, target: int, hidden: set[int]) -> int | None:
        """The published count to hide so that `target` can no longer be worked out: among
        those connected to it through sums (nearest, then in complement order), the first that
        frees it on its own, else simply the first."""
        ranked: set[tuple[int, ...]] = set()
        seen_vars = {target}
        seen_lines: set[int] = set()
        frontier = [target]
        distance = 0
        while frontier:
            nxt: list[int] = []
            for var in frontier:
                for line in self.lines_of.get(var, []):
                    if id(line) in seen_lines:
                        continue
                    seen_lines.add(id(line))
                    for member in (line.total, *line.parts):
                        if member not in hidden:
                            if self._can_complement(member):
                                ranked.add((distance, *self._complement_key(member, hidden)))
                        elif member not in seen_vars:
                            seen_vars.add(member)
                            nxt.append(member)
            frontier = nxt
            distance += 1
        if not ranked:
            return None
        order = sorted(ranked)
        for key in order[:_MAX_TRIALS]:
            if target not in self.exposed(hidden | {key[-1]}):
                return key[-1]
        return order[0][-1]


def _linearly_determined(lines: Sequence[SumLine], unknown: set[int]) -> set[int]:
    """Unknown variables fixed by the sums alone: their unit vector is in the row space.

    Exact integer Gauss–Jordan elimination over sparse rows (entries stay small: every sum has
    coefficients +1 and -1). A variable is fixed iff its reduced row contains nothing else.
    """
    pivots: dict[int, dict[int, int]] = {}
    for line in lines:
        row: dict[int, int] = {}
        if line.total in unknown:
            row[line.total] = 1
        for p in line.parts:
            if p in unknown:
                row[p] = row.get(p, 0) - 1
        row = {v: c for v, c in row.items() if c}
        for pv, prow in pivots.items():
            if pv in row:
                row = _eliminate(row, prow, pv)
        if not row:
            continue
        pv = min(row)
        for qv, qrow in pivots.items():
            if pv in qrow:
                pivots[qv] = _eliminate(qrow, row, pv)
        pivots[pv] = row
    return {pv for pv, row in pivots.items() if len(row) == 1}


def _eliminate(row: dict[int, int], prow: dict[int, int], pv: int) -> dict[int, int]:
    a, b = row[pv], prow[pv]
    out: dict[int, int] = {}
    for v in row.keys() | prow.keys():
        c = b * row.get(v, 0) - a * prow.get(v, 0)
        if c:
            out[v] = c
    g = 0
    for c in out.values():
        g = math.gcd(g, c)
    if g > 1:
        out = {v: c // g for v, c in out.items()}
    return out


# --------------------------------------------------------------------------------------------
# What is published.


def _json_cell(text: str) -> int | None:
    """A shown count as a number; a hidden one as null (the reason is given once, at the top)."""
    return None if text == HIDDEN_MARKER else int(text)


@dataclass(frozen=True)
class PublishedTable:
    """One table as shown. Cells are strings: a number, "0" or the hidden marker ("—")."""

    key: str
    title: str
    row_header: str
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    cells: tuple[tuple[str, ...], ...]
    row_totals: tuple[str, ...] | None
    column_totals: tuple[str, ...] | None
    grand_total: str | None
    total_label: str
    # Same shape as cells; "" where no percentage is shown, else e.g. "42%".
    percentages: tuple[tuple[str, ...], ...]
    percent_of: str  # what the percentages are shares of, "" if the table has none
    note: str
    charts: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "row_header": self.row_header,
            "row_labels": list(self.row_labels),
            "column_labels": list(self.column_labels),
            "cells": [[_json_cell(c) for c in r] for r in self.cells],
            "row_totals": None if self.row_totals is None
            else [_json_cell(c) for c in self.row_totals],
            "column_totals": None if self.column_totals is None
            else [_json_cell(c) for c in self.column_totals],
            "grand_total": None if self.grand_total is None else _json_cell(self.grand_total),
            "total_label": self.total_label,
            "percentages": [list(r) for r in self.percentages],
            "percent_of": self.percent_of,
            "note": self.note,
            "charts": list(self.charts),
        }


@dataclass(frozen=True)
class LedgerCell:
    """One count of the summary for the export ledger: the leaf counts it adds up (what it is,
    the same in every export), its true value, and whether it was shown. Never rendered."""

    leaves: frozenset[str]
    value: int
    published: bool

    @property
    def key(self) -> str:
        return "|".join(sorted(self.leaves))


@dataclass(frozen=True)
class PublishedSummary:
    office_name: str
    period_label: str
    k: int
    is_demo: bool
    generated_on: date
    tables: tuple[PublishedTable, ...]
    explanation: tuple[str, ...]
    # For the export ledger only (inside the vault): every count with its true value. Not part
    # of the rendering, the JSON or equality.
    cells: tuple[LedgerCell, ...] = field(default=(), repr=False, compare=False)

    @property
    def marker(self) -> str:
        return suppressed_marker(self.k)

    def table(self, key: str) -> PublishedTable:
        for t in self.tables:
            if t.key == key:
                return t
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "office_name": self.office_name,
            "period_label": self.period_label,
            "k": self.k,
            "hidden_cells": {"shown_as": None, "marker_in_pdf": self.marker,
                             "reason": HIDDEN_REASON},
            "is_demo": self.is_demo,
            "generated_on": self.generated_on.isoformat(),
            "explanation": list(self.explanation),
            "tables": [t.to_dict() for t in self.tables],
        }

    def to_json(self) -> str:
        """Keys in a fixed order (as written above), so the output of --json diffs cleanly."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=True)


# --------------------------------------------------------------------------------------------
# Building the tables.


@dataclass(frozen=True)
class _RawRow:
    code: str
    label: str
    values: tuple[int, ...]
    keys: tuple[str, ...] = ()  # the leaf key of each column (see store.summary_queries)

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass(frozen=True)
class _PlannedRow:
    label: str
    sources: tuple[_RawRow, ...]  # more than one when categories were combined

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(sum(col) for col in zip(*(s.values for s in self.sources), strict=True))


@dataclass(frozen=True)
class _MergeRule:
    eligible: frozenset[str]  # codes that may be combined
    label: str  # label of the combined row (when not merging into an existing row)
    into: str | None = None  # an existing row ("other") that absorbs the small ones
    whole_group: bool = False  # combine every eligible code together (a fixed pair of bands)


class _System:
    """Variables (counts) and the sums among them, for the whole summary at once: the age table's
    total is the same number as the people served, so they are hidden or shown together."""

    def __init__(self) -> None:
        self.values: list[int] = []
        self.latent: set[int] = set()
        self.signed: set[int] = set()
        self.cheap: set[int] = set()
        self.lines: list[SumLine] = []
        # The leaf counts each variable adds up (see store.summary_queries): what a cell *is*,
        # the same across exports; empty for a difference the store's numbers imply.
        self.leaves: list[frozenset[str]] = []

    def add(self, value: int, *, latent: bool = False,
            leaves: Iterable[str] = ()) -> int:
        self.values.append(value)
        self.leaves.append(frozenset(leaves))
        var = len(self.values) - 1
        if latent:
            self.latent.add(var)
        return var

    def leaves_of(self, variables: Iterable[int]) -> frozenset[str]:
        return frozenset().union(*(self.leaves[v] for v in variables))

    def add_line(self, total: int, parts: Iterable[int], *, group: bool = False) -> None:
        parts = tuple(parts)
        gap = self.values[total] - sum(self.values[p] for p in parts)
        if gap:
            # The store's numbers do not add up (e.g. a client with no recorded age group): the
            # difference is itself a count a reader could compute, so it joins the sum, hidden.
            g = self.add(gap, latent=True)
            self.signed.add(g)
            parts = (*parts, g)
        self.lines.append(SumLine(total, parts, group))


@dataclass
class _Grid:
    key: str
    title: str
    row_header: str
    row_labels: list[str]
    column_labels: list[str]
    cells: list[list[int]]
    row_totals: list[int] | None
    column_totals: list[int] | None
    grand: int | None
    percent_mode: str  # "row", "column" or ""
    note: str
    charts: tuple[str, ...]
    merged: bool = False
    merged_label: str = ""  # the label of the combined row, if any
    # (row code, column index) -> variable holding that original count, for derived sums
    origins: dict[tuple[str, int], int] = field(default_factory=dict)


def _build_grid(
    system: _System,
    planned: Sequence[_PlannedRow],
    ncols: int,
    *,
    with_row_totals: bool,
    shared_total: int | None = None,
) -> tuple[list[list[int]], list[int] | None, list[int], int | None, dict[tuple[str, int], int]]:
    origins: dict[tuple[str, int], int] = {}
    cells: list[list[int]] = []
    for prow in planned:
        row_vars: list[int] = []
        for c in range(ncols):
            if len(prow.sources) == 1:
                src = prow.sources[0]
                var = system.add(src.values[c], leaves=src.keys[c:c + 1])
                origins[(src.code, c)] = var
            else:
                originals = []
                for src in prow.sources:
                    o = system.add(src.values[c], latent=True, leaves=src.keys[c:c + 1])
                    origins[(src.code, c)] = o
                    originals.append(o)
                var = system.add(sum(system.values[o] for o in originals),
                                 leaves=system.leaves_of(originals))
                system.add_line(var, originals)
            row_vars.append(var)
        cells.append(row_vars)
    row_totals: list[int] | None = None
    if with_row_totals:
        row_totals = []
        for row_vars in cells:
            rt = system.add(sum(system.values[v] for v in row_vars),
                            leaves=system.leaves_of(row_vars))
            system.add_line(rt, row_vars)
            row_totals.append(rt)
    column_totals: list[int] = []
    for c in range(ncols):
        col = [row[c] for row in cells]
        value = sum(system.values[v] for v in col)
        if shared_total is not None and ncols == 1 and system.values[shared_total] == value:
            ct = shared_total
        else:
            ct = system.add(value, leaves=system.leaves_of(col))
            if shared_total is not None and ncols == 1:
                system.add_line(shared_total, (ct,))  # records the difference, hidden
        # The age and trafficking tables split the people served: a group (see SumLine).
        system.add_line(ct, col, group=shared_total is not None)
        column_totals.append(ct)
    grand: int | None = None
    if row_totals is not None:
        grand = system.add(sum(system.values[v] for v in row_totals),
                           leaves=system.leaves_of(row_totals))
        system.add_line(grand, row_totals)
        system.add_line(grand, column_totals)
    return cells, row_totals, column_totals, grand, origins


def _plan_rows(
    rows: Sequence[_RawRow],
    rule: _MergeRule | None,
    k: int,
    ncols: int,
    with_row_totals: bool,
) -> tuple[list[_PlannedRow], tuple[str, ...]]:
    """Rows after any merge (see the module docstring), and the labels of combined rows."""
    unmerged = [_PlannedRow(r.label, (r,)) for r in rows]
    if rule is None:
        return unmerged, ()
    # Only categories that are small as a whole are combined: a large category with one small
    # cell stays itself (folding it away would hide what the table is for).
    small = {r.code for r in rows if r.code in rule.eligible and 1 <= r.total < k}
    groups: list[set[str]] = []
    if small:
        group = (
            set(rule.eligible)
            if rule.whole_group
            else small | ({rule.into} if rule.into is not None else set())
        )
        if len(group) >= 2:
            groups.append(group)

    def score(planned: Sequence[_PlannedRow]) -> tuple[int, set[int]]:
        """(the sum of the counts left showing, rows that still show a count of k or more)."""
        local = _System()
        cells, *_ = _build_grid(local, planned, ncols, with_row_totals=with_row_totals)
        hidden = suppress(local.values, local.lines, k, local.latent, local.signed)
        shown = sum(local.values[v] for row in cells for v in row if v not in hidden)
        strong = {
            i
            for i, row in enumerate(cells)
            if any(v not in hidden and local.values[v] >= k for v in row)
        }
        return shown, strong

    best, best_group = unmerged, None
    best_score = score(unmerged)[0]
    for group in groups:
        members = tuple(r for r in rows if r.code in group)
        anchor = rule.into if rule.into in group else members[0].code
        label = (
            next(r.label for r in rows if r.code == rule.into)
            if anchor == rule.into
            else rule.label
        )
        planned: list[_PlannedRow] = []
        for r in rows:
            if r.code == anchor:
                planned.append(_PlannedRow(label, members))
            elif r.code not in group:
                planned.append(_PlannedRow(r.label, (r,)))
        shown, strong = score(planned)
        merged_at = next(i for i, p in enumerate(planned) if len(p.sources) > 1)
        if not strong - {merged_at}:
            continue  # never fold a table into one "Other" row
        if shown > best_score:
            best, best_score, best_group = planned, shown, members
    if best_group is None:
        return best, ()
    return best, tuple(r.label for r in best_group if r.code != rule.into)


def _require_count(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"The summary count {name} must be a whole number of 0 or more.")
    return value


def _known(mapping: Mapping[str, object], codes: Iterable[str], name: str) -> tuple[int, ...]:
    # Keys outside the vocabulary are left out: a label must never come from stored data.
    return tuple(_require_count(f"{name}[{c!r}]", mapping.get(c, 0)) for c in codes)


def _vocab_rows(labels: Mapping[str, str], mapping: Mapping[str, object],
                name: str) -> list[_RawRow]:
    """One row per vocabulary code, in vocabulary order, with its (checked) count."""
    return [_RawRow(code, label, (value,), (f"{name}:{code}",))
            for (code, label), value in zip(labels.items(), _known(mapping, labels, name),
                                            strict=True)]


def _merged_note(labels: Sequence[str], into_label: str) -> str:
    if not labels:
        return ""
    return f"“{into_label}” also combines: " + "; ".join(labels) + "."


def _one_column_table(
    system: _System,
    *,
    key: str,
    title: str,
    row_header: str,
    column_label: str,
    rows: Sequence[_RawRow],
    rule: _MergeRule | None,
    k: int,
    note: str,
    shared_total: int | None = None,
) -> _Grid:
    planned, merged = _plan_rows(rows, rule, k, 1, with_row_totals=False)
    cells, _, col_totals, _, origins = _build_grid(
        system, planned, 1, with_row_totals=False, shared_total=shared_total
    )
    combined_label = next((p.label for p in planned if len(p.sources) > 1), "")
    full_note = " ".join(x for x in (note, _merged_note(merged, combined_label)) if x)
    return _Grid(
        key=key,
        title=title,
        row_header=row_header,
        row_labels=[p.label for p in planned],
        column_labels=[column_label],
        cells=cells,
        row_totals=None,
        column_totals=col_totals,
        grand=None,
        percent_mode="column",
        note=full_note,
        charts=(CHART_ROWS,),
        merged=bool(merged),
        merged_label=combined_label,
        origins=origins,
    )


def _two_way_table(
    system: _System,
    *,
    key: str,
    title: str,
    row_header: str,
    column_labels: Sequence[str],
    rows: Sequence[_RawRow],
    rule: _MergeRule | None,
    k: int,
    note: str,
    charts: tuple[str, ...],
) -> _Grid:
    ncols = len(column_labels)
    planned, merged = _plan_rows(rows, rule, k, ncols, with_row_totals=True)
    cells, row_totals, col_totals, grand, origins = _build_grid(
        system, planned, ncols, with_row_totals=True
    )
    combined_label = next((p.label for p in planned if len(p.sources) > 1), "")
    full_note = " ".join(x for x in (note, _merged_note(merged, combined_label)) if x)
    return _Grid(
        key=key,
        title=title,
        row_header=row_header,
        row_labels=[p.label for p in planned],
        column_labels=list(column_labels),
        cells=cells,
        row_totals=row_totals,
        column_totals=col_totals,
        grand=grand,
        percent_mode="row",
        note=full_note,
        charts=charts,
        merged=bool(merged),
        merged_label=combined_label,
        origins=origins,
    )


# VOCA Performance Measurement Tool service areas that this program's categories match closely.
# (label, source) where source is ("needs", category) for needs in progress or met, or
# ("appointments", kinds) for appointments where an advocate went along.
_VOCA_AREAS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("A. Information and referral (referrals made)", "referrals", ()),
    ("B7. Employment assistance (employment needs in progress or met)", "needs", ("employment",)),
    ("B8. Child care assistance (childcare needs in progress or met)", "needs", ("childcare",)),
    (
        "B9. Transportation assistance (transportation needs in progress or met)",
        "needs",
        ("transportation",),
    ),
    ("C5. Peer support (peer support needs in progress or met)", "needs", ("peer_support",)),
    ("D. Shelter and housing services (housing needs in progress or met)", "needs", ("housing",)),
    (
        "E4. Protection or restraining order assistance "
        "(protective order hearings with an advocate present)",
        "appointments",
        ("protective_order_hearing",),
    ),
    (
        "E10. Criminal advocacy and accompaniment "
        "(court hearings and prosecutor interviews with an advocate present)",
        "appointments",
        ("court_hearing", "prosecutor_interview"),
    ),
)

_NEED_STATUS_ORDER = ("not_started", "in_progress", "met", "declined", "not_needed")
_SERVICE_STATUSES = ("in_progress", "met")  # a need being worked on or met: a service given
_APPOINTMENT_COLUMNS = ("accompanied", "not_accompanied")


@dataclass
class _Assembly:
    system: _System
    grids: list[_Grid]
    served: int
    new: int
    continuing: int
    hidden: frozenset[int]

    def merge_keeps_company(self, grid: _Grid, k: int) -> bool:
        """A combined row must sit beside a category that still shows k or more."""
        values = self.system.values
        return any(
            v not in self.hidden and values[v] >= k
            for label, row in zip(grid.row_labels, grid.cells, strict=True)
            if label != grid.merged_label
            for v in row
        )


def publish(
    counts: SummaryCounts,
    k: int = DEFAULT_K,
    generated_on: date | None = None,
    *,
    forced: Collection[frozenset[str]] = frozenset(),
    known: Collection[frozenset[str]] = frozenset(),
) -> PublishedSummary:
    """De-identify raw counts into what the screen and the PDF may show.

    `forced`: cells (by the leaf counts they add up) to hide whatever their value; `known`:
    cells a reader already knows from earlier exports. Both come from reports.ledger.
    """
    check_k(k)
    no_merge: set[str] = set()
    while True:
        assembly = _assemble(counts, k, frozenset(no_merge), forced, known)
        lonely = {
            g.key for g in assembly.grids if g.merged and not assembly.merge_keeps_company(g, k)
        }
        if not lonely:
            break
        no_merge |= lonely  # rare: the whole summary's sums hid more than the table alone did
    return _render(counts, k, generated_on, assembly)


def _assemble(counts: SummaryCounts, k: int, no_merge: frozenset[str],
              forced: Collection[frozenset[str]] = frozenset(),
              known: Collection[frozenset[str]] = frozenset()) -> _Assembly:
    system = _System()

    def allowed(key: str, rule: _MergeRule) -> _MergeRule | None:
        return None if key in no_merge else rule

    served = system.add(_require_count("individuals_served", counts.individuals_served),
                        leaves=("overview:served",))
    new = system.add(_require_count("individuals_new", counts.individuals_new),
                     leaves=("overview:new",))
    continuing = system.add(_require_count("individuals_continuing", counts.individuals_continuing),
                            leaves=("overview:continuing",))
    anonymous = system.add(_require_count("anonymous_contacts", counts.anonymous_contacts),
                           leaves=("overview:contacts",))
    system.add_line(served, (new, continuing), group=True)
    overview = _Grid(
        key="overview",
        title="People served and contacts",
        row_header="",
        row_labels=[
            "People served",
            "New this period",
            "Continuing from before",
            "Anonymous contacts",
        ],
        column_labels=["Number"],
        cells=[[served], [new], [continuing], [anonymous]],
        row_totals=None,
        column_totals=None,
        grand=None,
        percent_mode="overview",
        note=(
            "People served were open at some time in the period: their intake was on or before "
            "its last day and they were not closed before its first day. New means the intake "
            "was in the period; continuing, before it. Anonymous contacts (calls, walk-ins, texts "
            "without a client record) are contacts, not people, and are not among the people "
            "served."
        ),
        charts=(),
    )

    trafficking = _one_column_table(
        system,
        key="trafficking_type",
        title="Trafficking type",
        row_header="Trafficking type",
        column_label="People",
        rows=_vocab_rows(vocab.TRAFFICKING_TYPES, counts.trafficking_type, "trafficking_type"),
        rule=allowed(
            "trafficking_type",
            _MergeRule(
                eligible=frozenset({"both", "not_identified"}),
                label="Both types, or not identified",
                whole_group=True,
            ),
        ),
        k=k,
        note="Each person served is counted once.",
        shared_total=served,
    )
    age = _one_column_table(
        system,
        key="age_group",
        title="Age group",
        row_header="Age group (VOCA bands)",
        column_label="People",
        rows=_vocab_rows(vocab.AGE_GROUPS, counts.age_group, "age_group"),
        rule=allowed(
            "age_group",
            _MergeRule(eligible=frozenset({"0-12", "13-17"}), label="0–17", whole_group=True),
        ),
        k=k,
        note="Each person served is counted once, in the age band the advocate recorded.",
        shared_total=served,
    )

    status_labels = [
        DECLINED_LABEL if s == "declined" else vocab.NEED_STATUSES[s] for s in _NEED_STATUS_ORDER
    ]
    needs = _two_way_table(
        system,
        key="needs_status",
        rule=allowed(
            "needs_status",
            _MergeRule(eligible=frozenset(vocab.NEED_CATEGORIES), label="Other needs"),
        ),
        title="Needs by category and status",
        row_header="Need category",
        column_labels=status_labels,
        rows=[
            _RawRow(
                code,
                label,
                _known(counts.needs.get(code, {}), _NEED_STATUS_ORDER, f"needs[{code!r}]"),
                tuple(f"needs_status:{code}:{st}" for st in _NEED_STATUS_ORDER),
            )
            for code, label in vocab.NEED_CATEGORIES.items()
        ],
        k=k,
        note=(
            "The needs of the people served in the period that existed by its last day, each "
            "counted once, under its status on that day. "
            f"“{DECLINED_LABEL}” means the survivor chose not to pursue it: a normal, "
            "respected outcome."
        ),
        charts=(CHART_COLUMN_TOTALS, CHART_ROW_TOTALS),
    )
    opened = _one_column_table(
        system,
        key="needs_opened",
        rule=allowed(
            "needs_opened",
            _MergeRule(eligible=frozenset(vocab.NEED_CATEGORIES), label="Other needs"),
        ),
        title="Needs opened during the period",
        row_header="Need category",
        column_label="Needs opened",
        rows=_vocab_rows(vocab.NEED_CATEGORIES, counts.needs_opened, "needs_opened"),
        k=k,
        note="Needs added to a survivor's checklist during the period.",
    )
    referrals = _one_column_table(
        system,
        key="referrals",
        title="Referrals by resource category",
        row_header="Resource category",
        column_label="Referrals",
        rows=_vocab_rows(vocab.RESOURCE_CATEGORIES, counts.referrals, "referrals"),
        rule=allowed(
            "referrals",
            _MergeRule(eligible=frozenset(vocab.RESOURCE_CATEGORIES), label="Other", into="other"),
        ),
        k=k,
        note="Referrals made during the period; these count referrals, not people.",
    )
    appointments = _two_way_table(
        system,
        key="appointments",
        title="Appointments and court dates",
        row_header="Appointment",
        column_labels=["Accompanied by an advocate", "Not accompanied"],
        rows=[
            _RawRow(
                code,
                label,
                _known(
                    counts.appointments.get(code, {}),
                    _APPOINTMENT_COLUMNS,
                    f"appointments[{code!r}]",
                ),
                tuple(f"appointments:{code}:{col}" for col in _APPOINTMENT_COLUMNS),
            )
            for code, label in vocab.APPOINTMENT_KINDS.items()
        ],
        rule=allowed(
            "appointments",
            _MergeRule(eligible=frozenset(vocab.APPOINTMENT_KINDS), label="Other", into="other"),
        ),
        k=k,
        note=("Appointments and court dates in the period."),
        charts=(CHART_ROWS_GROUPED,),
    )

    # VOCA service areas: each row is a sum of counts already in the tables above, so it joins
    # the same system and cannot reveal a hidden cell.
    voca_vars: list[int] = []
    voca_labels: list[str] = []
    status_index = {s: i for i, s in enumerate(_NEED_STATUS_ORDER)}
    for label, source, codes in _VOCA_AREAS:
        if source == "referrals":
            assert referrals.column_totals is not None
            sources = [referrals.column_totals[0]]
        elif source == "needs":
            sources = [
                needs.origins[(code, status_index[s])] for code in codes for s in _SERVICE_STATUSES
            ]
        else:
            sources = [appointments.origins[(code, 0)] for code in codes]
        if len(sources) == 1:
            var = sources[0]  # the same number as a table cell: shown or hidden with it
        else:
            var = system.add(sum(system.values[s] for s in sources),
                             leaves=system.leaves_of(sources))
            system.add_line(var, sources)
            system.cheap.add(var)
        voca_vars.append(var)
        voca_labels.append(label)
    voca = _Grid(
        key="voca_service_areas",
        title="VOCA service areas (approximate)",
        row_header="VOCA service area (how it is counted)",
        row_labels=voca_labels,
        column_labels=["Count"],
        cells=[[v] for v in voca_vars],
        row_totals=None,
        column_totals=None,
        grand=None,
        percent_mode="",
        note=(
            "Approximate: this program's categories mapped onto VOCA Performance Measurement "
            "Tool service areas only where they match closely. The rows count needs, referrals "
            "or appointments, not people, and this is not a PMT report."
        ),
        charts=(CHART_ROWS,),
    )

    grids = [overview, trafficking, age, needs, opened, referrals, appointments, voca]
    forced_set, known_set = set(forced), set(known)
    for var, leaves in enumerate(system.leaves):
        if leaves and leaves in forced_set:
            system.latent.add(var)
    # A small count is never treated as known: it is what the rest must keep hidden.
    known_vars = {v for v, leaves in enumerate(system.leaves)
                  if leaves and leaves in known_set and not _is_small(system.values[v], k)}
    hidden = suppress(system.values, system.lines, k, system.latent, system.signed, system.cheap,
                      known_vars)
    return _Assembly(system, grids, served, new, continuing, hidden)


def _render(
    counts: SummaryCounts, k: int, generated_on: date | None, assembly: _Assembly
) -> PublishedSummary:
    marker = suppressed_marker(k)
    values = assembly.system.values
    hidden = assembly.hidden
    grids = assembly.grids
    served, new, continuing = assembly.served, assembly.new, assembly.continuing

    def show(var: int) -> str:
        return marker if var in hidden else str(values[var])

    def pct(var: int, base: int | None) -> str:
        # A share of 0 says nothing the 0 does not; leaving it out keeps two-way tables legible.
        if base is None or var in hidden or base in hidden or values[base] < k:
            return ""
        if values[var] == 0:
            return ""
        return f"{percent(values[var], values[base])}%"

    tables: list[PublishedTable] = []
    for g in grids:
        percentages: list[tuple[str, ...]] = []
        for r, row in enumerate(g.cells):
            if g.percent_mode == "row" and g.row_totals is not None:
                base: int | None = g.row_totals[r]
                percentages.append(tuple(pct(v, base) for v in row))
            elif g.percent_mode == "column" and g.column_totals is not None:
                percentages.append(tuple(pct(v, g.column_totals[c]) for c, v in enumerate(row)))
            elif g.percent_mode == "overview" and row[0] in (new, continuing):
                percentages.append((pct(row[0], served),))
            else:
                percentages.append(tuple("" for _ in row))
        percent_of = {
            "row": "row total",
            "column": "total",
            "overview": "people served",
        }.get(g.percent_mode, "")
        has_percent = any(any(p) for p in percentages)
        note = g.note
        if has_percent and g.percent_mode == "row":
            note += " Percentages are shares of the row's total."
        tables.append(
            PublishedTable(
                key=g.key,
                title=g.title,
                row_header=g.row_header,
                row_labels=tuple(g.row_labels),
                column_labels=tuple(g.column_labels),
                cells=tuple(tuple(show(v) for v in row) for row in g.cells),
                row_totals=None if g.row_totals is None else tuple(show(v) for v in g.row_totals),
                column_totals=None
                if g.column_totals is None
                else tuple(show(v) for v in g.column_totals),
                grand_total=None if g.grand is None else show(g.grand),
                total_label="Total",
                percentages=tuple(percentages),
                percent_of=percent_of if has_percent else "",
                note=note,
                charts=g.charts,
            )
        )

    explanation = _explain(
        k,
        served_value=values[served],
        shown=[v for g in grids for row in g.cells for v in row],
        hidden=hidden,
        values=values,
        merged=any(g.merged for g in grids),
    )
    seen: set[frozenset[str]] = set()
    cells: list[LedgerCell] = []
    for var, leaves in enumerate(assembly.system.leaves):
        if leaves and leaves not in seen:
            seen.add(leaves)
            cells.append(LedgerCell(leaves, values[var], var not in hidden))
    return PublishedSummary(
        office_name=counts.office_name,
        period_label=counts.period_label,
        k=k,
        is_demo=counts.is_demo,
        generated_on=generated_on if generated_on is not None else date.today(),
        tables=tuple(tables),
        explanation=explanation,
        cells=tuple(cells),
    )


def _explain(
    k: int,
    *,
    served_value: int,
    shown: Sequence[int],
    hidden: Collection[int],
    values: Sequence[int],
    merged: bool,
) -> tuple[str, ...]:
    marker = suppressed_marker(k)
    lines = [
        f"“{marker}” marks a hidden count: {HIDDEN_REASON}. Counts from 1 to {k - 1} are always "
        "hidden, and some others with them, so that no hidden count can be worked out from the "
        "totals or from this office's other summaries."
    ]
    nonzero = [v for v in shown if values[v] != 0]
    hidden_nonzero = sum(1 for v in nonzero if v in hidden)
    if served_value == 0:
        lines.append("No one was recorded as served in this period.")
    elif served_value < k:
        lines.append(
            f"Most numbers are hidden because fewer than {k} people were served in this "
            "period. That protects their privacy; it is expected for a small office or a short "
            "period, not an error. A longer period, such as a whole fiscal year, shows more."
        )
    elif nonzero and hidden_nonzero * 2 > len(nonzero):
        lines.append(
            f"Many numbers are hidden because the groups they count are smaller than {k}. "
            "A longer period, such as a whole fiscal year, shows more."
        )
    if merged:
        lines.append(
            "Some small categories are combined into one row so that more of the table can be "
            "shown; the note under each table says which."
        )
    lines.append(
        f"Percentages are shown only where the number they are a share of is {k} or more, "
        "rounded to whole percent."
    )
    lines.append(
        "The VOCA service areas are an approximate mapping from this program's categories, not "
        "a VOCA Performance Measurement Tool report."
    )
    return tuple(lines)
