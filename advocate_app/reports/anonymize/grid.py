"""The grid of variables behind each table: raw rows from the store's counts, the system of
counts and sums for the whole summary, and one table's cells, totals and sums built into it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from advocate_app.reports.anonymize.engine import SumLine


@dataclass(frozen=True)
class RawRow:
    code: str
    label: str
    values: tuple[int, ...]
    keys: tuple[str, ...] = ()  # the leaf key of each column (see store.summary_queries)

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass(frozen=True)
class PlannedRow:
    label: str
    sources: tuple[RawRow, ...]  # more than one when categories were combined

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(sum(col) for col in zip(*(s.values for s in self.sources), strict=True))


class System:
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

    def add(self, value: int, *, latent: bool = False, leaves: Iterable[str] = ()) -> int:
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
class Grid:
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
    combined: tuple[str, ...] = ()  # the labels of the categories combined into it
    # the vocabulary the row labels come from (a section of assets/translations/data_es.toml,
    # e.g. "need_categories"), for the Spanish summary; "" for labels of the table's own
    vocabulary: str = ""
    # (row code, column index) -> variable holding that original count, for derived sums
    origins: dict[tuple[str, int], int] = field(default_factory=dict)


def build_grid(
    system: System,
    planned: Sequence[PlannedRow],
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
                var = system.add(src.values[c], leaves=src.keys[c : c + 1])
                origins[(src.code, c)] = var
            else:
                originals = []
                for src in prow.sources:
                    o = system.add(src.values[c], latent=True, leaves=src.keys[c : c + 1])
                    origins[(src.code, c)] = o
                    originals.append(o)
                var = system.add(
                    sum(system.values[o] for o in originals), leaves=system.leaves_of(originals)
                )
                system.add_line(var, originals)
            row_vars.append(var)
        cells.append(row_vars)
    row_totals: list[int] | None = None
    if with_row_totals:
        row_totals = []
        for row_vars in cells:
            rt = system.add(
                sum(system.values[v] for v in row_vars), leaves=system.leaves_of(row_vars)
            )
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
        grand = system.add(
            sum(system.values[v] for v in row_totals), leaves=system.leaves_of(row_totals)
        )
        system.add_line(grand, row_totals)
        system.add_line(grand, column_totals)
    return cells, row_totals, column_totals, grand, origins


def require_count(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"The summary count {name} must be a whole number of 0 or more.")
    return value


def known_counts(mapping: Mapping[str, object], codes: Iterable[str], name: str) -> tuple[int, ...]:
    # Keys outside the vocabulary are left out: a label must never come from stored data.
    return tuple(require_count(f"{name}[{c!r}]", mapping.get(c, 0)) for c in codes)


def vocab_rows(
    labels: Mapping[str, str], mapping: Mapping[str, object], name: str, leaf_prefix: str
) -> list[RawRow]:
    """One row per vocabulary code, in vocabulary order, with its (checked) count; `name`
    names the counts in an error, `leaf_prefix` starts each row's leaf key."""
    return [
        RawRow(code, label, (value,), (f"{leaf_prefix}:{code}",))
        for (code, label), value in zip(
            labels.items(), known_counts(mapping, labels, name), strict=True
        )
    ]
