"""Combining small categories into one row before suppression, when that leaves more of a table
visible (the rules are in the package docstring, under "Merging")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from advocate_app.reports.anonymize.engine import suppress
from advocate_app.reports.anonymize.grid import PlannedRow, RawRow, System, build_grid


@dataclass(frozen=True)
class MergeRule:
    eligible: frozenset[str]  # codes that may be combined
    label: str  # label of the combined row (when not merging into an existing row)
    into: str | None = None  # an existing row ("other") that absorbs the small ones
    whole_group: bool = False  # combine every eligible code together (a fixed pair of bands)


def plan_rows(
    rows: Sequence[RawRow],
    rule: MergeRule | None,
    k: int,
    ncols: int,
    with_row_totals: bool,
) -> tuple[list[PlannedRow], tuple[str, ...]]:
    """Rows after any merge (see the module docstring), and the labels of combined rows."""
    unmerged = [PlannedRow(r.label, (r,)) for r in rows]
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

    def score(planned: Sequence[PlannedRow]) -> tuple[int, set[int]]:
        """(the sum of the counts left showing, rows that still show a count of k or more)."""
        local = System()
        cells, *_ = build_grid(local, planned, ncols, with_row_totals=with_row_totals)
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
        planned: list[PlannedRow] = []
        for r in rows:
            if r.code == anchor:
                planned.append(PlannedRow(label, members))
            elif r.code not in group:
                planned.append(PlannedRow(r.label, (r,)))
        shown, strong = score(planned)
        merged_at = next(i for i, p in enumerate(planned) if len(p.sources) > 1)
        if not strong - {merged_at}:
            continue  # never fold a table into one "Other" row
        if shown > best_score:
            best, best_score, best_group = planned, shown, members
    if best_group is None:
        return best, ()
    return best, tuple(r.label for r in best_group if r.code != rule.into)
