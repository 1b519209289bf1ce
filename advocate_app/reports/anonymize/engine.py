"""The suppression engine: which counts to hide, given the counts and the sums that tie them.

Pure arithmetic over numbered variables (a table cell, a row total…) and the sums a
reader can subtract from (`SumLine`). It knows nothing of tables or labels; the rules it applies
are described in the package docstring (advocate_app.reports.anonymize).
"""

from __future__ import annotations

import math
import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from advocate_app.store.report_settings import MAX_K, MIN_K


def check_k(k: object) -> int:
    if isinstance(k, bool) or not isinstance(k, int) or not MIN_K <= k <= MAX_K:
        raise ValueError(
            f"The smallest count shown (k) must be a whole number from {MIN_K} to {MAX_K}; "
            f"got {k!r}."
        )
    return k


@dataclass(frozen=True)
class SumLine:
    """values[total] == sum(values[p] for p in parts): a total a reader can subtract from."""

    total: int
    parts: tuple[int, ...]
    # A group of people (the people served, split by age band): when its total is small, its
    # zero parts are hidden too, since "none of the few people served is 60 or older" says
    # something about each of them.
    group: bool = False


def is_small(value: int, k: int) -> bool:
    """A count from 1 to k-1: always hidden."""
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
    (such as a row summing table cells) to hide before a table cell when something more must
    be hidden. `known` ones a reader has already (from an earlier export): hiding them protects
    nothing, so they are never chosen to hide and count as shown wherever a sum is checked.
    """
    check_k(k)
    hidden: set[int] = set(latent)
    hidden.update(i for i, v in enumerate(values) if is_small(v, k))
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
        required.update(i for i, v in enumerate(values) if is_small(v, k))
        # A 0 inside a published total of 0 is public anyway: never worth hiding.
        known_zero = {p for line in self.lines if values[line.total] == 0 for p in line.parts}
        for line in self.lines:
            if line.group and is_small(values[line.total], k):
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
        return sorted(v for v in fixed if is_small(self.values[v], self.k))

    def single_hidden(self, hidden: set[int]) -> bool:
        unknown = hidden - self.known
        return any(sum(1 for m in (ln.total, *ln.parts) if m in unknown) == 1 for ln in self.lines)

    def small_lines(self, hidden: set[int]) -> list[SumLine]:
        """Sums with a shown total whose hidden parts hold 1 to k-1 together: a reader would
        know those hidden cells are all small."""
        out = []
        for line in self.lines:
            if line.total in hidden and line.total not in self.known:
                continue
            parts = [p for p in line.parts if p in hidden and p not in self.known]
            if parts and is_small(sum(self.values[p] for p in parts), self.k):
                out.append(line)
        return out

    def _repair_small_lines(self, hidden: set[int]) -> bool:
        """Hide one more part of each small line (the smallest that can be); else its total."""
        changed = False
        for line in self.small_lines(hidden):
            candidates = [p for p in line.parts if p not in hidden and self._can_complement(p)]
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
