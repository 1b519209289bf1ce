"""The export ledger check: a new summary must not let a reader subtract it from earlier ones.

Before a summary is shown or exported it is compared with every summary this office exported
before (store.summary_ledger). Cells are matched by what they count (the leaf counts they add
up, e.g. "trafficking_type:labor"), across any k and any period. Three rules, applied until
nothing changes (each round hides more, so it ends):

1. Differencing. A cell shown now and the same cell shown by an earlier export of an
   overlapping period (the same period with another k, a quarter inside the year, a fiscal year
   against a calendar year) whose numbers differ by 1 to k-1: the new one is hidden. (The
   difference is a small group of people or records, or, where the periods only overlap, the
   difference of two groups the reader could bound.) For counts that add up over time (new
   intakes, needs opened, referrals, appointments, anonymous contacts), earlier exports of
   periods inside the new one are added up too: if the new count minus their sum is 1 to k-1,
   the new one is hidden.
2. Once hidden, hidden. A cell an earlier export of an overlapping period hid, for exactly the
   same people or records, stays hidden: showing it now would undo that export's protection.
   For counts of people (served, continuing, trafficking type, age group) any non-zero count an
   overlapping export hid stays hidden, whoever is behind it: a year has at least the people of
   each of its quarters, and those one-sided bounds, put together, pinned small counts in the
   reader test.
3. Already known. A cell a reader can read off earlier exports (the same period, the same
   people; or, for counts that add up, earlier periods that exactly tile this one), or pin to
   within k of its value (the same cell of an overlapping period shows a number less than k
   away: a quarter inside the year has no more people than the year), protects nothing when
   hidden, so complementary suppression never counts on it.

Each round re-runs the whole suppression (anonymize.publish) with what the rules asked for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from advocate_app.reports.anonymize import LedgerCell, PublishedSummary, publish
from advocate_app.reports.language import EN
from advocate_app.reports.periods import Period
from advocate_app.store.summary import SummaryCounts
from advocate_app.store.summary_ledger import members_digest

_ADDITIVE_PREFIXES = (
    "overview:new",
    "overview:contacts",
    "needs_opened:",
    "referrals:",
    "appointments:",
)
_PEOPLE_PREFIXES = ("overview:served", "overview:continuing", "trafficking_type:", "age_group:")
_MAX_ROUNDS = 50


def is_additive(leaves: Iterable[str]) -> bool:
    """Counts of things dated in the period: a year's is the sum of its quarters'."""
    return all(leaf.startswith(_ADDITIVE_PREFIXES) for leaf in leaves)


@dataclass(frozen=True)
class EarlierExport:
    id: int
    start: date
    end: date
    cells: Mapping[str, tuple[int, bool]]  # cell key -> (value, published)
    # leaf key -> members_digest of the ids behind it (absent: no one); None: unknown, read
    # the members themselves when needed
    digests: Mapping[str, str] | None = None

    def overlaps(self, period: Period) -> bool:
        return self.start <= period.end and period.start <= self.end

    def inside(self, period: Period) -> bool:
        return period.start <= self.start and self.end <= period.end

    def same_period(self, period: Period) -> bool:
        return self.start == period.start and self.end == period.end


# (export id) -> every leaf count's members of that export; read once per export.
MembersLoader = Callable[[int], Mapping[str, frozenset[int]]]


class _Sets:
    """Member sets of cells, new and earlier, computed once each."""

    def __init__(self, counts: SummaryCounts, load: MembersLoader) -> None:
        self.counts = counts
        self.load = load
        self._new: dict[frozenset[str], frozenset[int]] = {}
        self._new_digests: dict[str, str] = {}
        self._exports: dict[int, Mapping[str, frozenset[int]]] = {}
        self._earlier: dict[tuple[int, frozenset[str]], frozenset[int]] = {}

    def new(self, leaves: frozenset[str]) -> frozenset[int]:
        if leaves not in self._new:
            members = self.counts.members
            self._new[leaves] = frozenset().union(*(members.get(leaf, ()) for leaf in leaves))
        return self._new[leaves]

    def earlier(self, export_id: int, leaves: frozenset[str]) -> frozenset[int]:
        if (export_id, leaves) not in self._earlier:
            if export_id not in self._exports:
                self._exports[export_id] = self.load(export_id)
            members = self._exports[export_id]
            self._earlier[(export_id, leaves)] = frozenset().union(
                *(members.get(leaf, ()) for leaf in leaves)
            )
        return self._earlier[(export_id, leaves)]

    def _digest(self, leaf: str) -> str | None:
        if leaf not in self._new_digests:
            ids = self.counts.members.get(leaf)
            self._new_digests[leaf] = members_digest(ids) if ids else ""
        return self._new_digests[leaf] or None

    def same(self, export: EarlierExport, leaves: frozenset[str]) -> bool:
        """Whether the same people or records are behind the cell now and in that export."""
        if export.digests is not None and all(
            self._digest(leaf) == export.digests.get(leaf) for leaf in leaves
        ):
            return True  # leaf by leaf the same: the whole is the same
        export_id = export.id
        if export_id not in self._exports:
            self._exports[export_id] = self.load(export_id)
        members = self._exports[export_id]
        new = self.counts.members
        # Leaf by leaf first: cheap, and equal leaves mean an equal whole.
        if all(new.get(leaf, frozenset()) == members.get(leaf, frozenset()) for leaf in leaves):
            return True
        return self.new(leaves) == self.earlier(export_id, leaves)


def protect(
    counts: SummaryCounts,
    period: Period,
    k: int,
    earlier: Iterable[EarlierExport],
    load_members: MembersLoader,
    generated_on: date | None = None,
    language: str = EN,
) -> PublishedSummary:
    """The summary to show or export, safe against every earlier export. The language changes
    only the words: what is hidden is decided on the counts alone."""
    relevant = [e for e in earlier if e.overlaps(period)]
    forced: set[frozenset[str]] = set()
    known: set[frozenset[str]] = set()
    sets = _Sets(counts, load_members)
    summary = publish(counts, k, generated_on, forced=forced, known=known, language=language)
    if not relevant or not counts.members:
        return summary
    for _ in range(_MAX_ROUNDS):
        more_forced, more_known = _check(summary.cells, period, k, relevant, sets)
        if more_forced <= forced and more_known <= known:
            return summary
        forced |= more_forced
        known |= more_known
        summary = publish(counts, k, generated_on, forced=forced, known=known, language=language)
    # Each round hides at least one more cell, so this is not reached with real tables; if it
    # were, hiding everything the rules named is the safe answer.
    return publish(
        counts,
        k,
        generated_on,
        forced=forced | {c.leaves for c in summary.cells},
        known=known,
        language=language,
    )


def _check(
    cells: Iterable[LedgerCell],
    period: Period,
    k: int,
    earlier: list[EarlierExport],
    sets: _Sets,
) -> tuple[set[frozenset[str]], set[frozenset[str]]]:
    forced: set[frozenset[str]] = set()
    known: set[frozenset[str]] = set()
    for cell in cells:
        key = cell.key
        additive = is_additive(cell.leaves)
        inside: dict[tuple[date, date], int] = {}  # one value per earlier period
        for export in earlier:
            found = export.cells.get(key)
            if found is None:
                continue
            value, published = found
            if export.same_period(period):
                same_people = value == cell.value and sets.same(export, cell.leaves)
                if published and same_people:
                    known.add(cell.leaves)  # rule 3
                if not published and cell.published and same_people:
                    forced.add(cell.leaves)  # rule 2
                if published and cell.published and 1 <= abs(value - cell.value) < k:
                    forced.add(cell.leaves)  # rule 1
                    known.add(cell.leaves)  # and, hidden, it is pinned to within k
                continue
            if additive and export.inside(period) and published:
                inside.setdefault((export.start, export.end), value)
            if not cell.published:
                if published and abs(value - cell.value) < k:
                    known.add(cell.leaves)  # rule 3, bounded
                continue
            if not published:
                if value == cell.value and sets.same(export, cell.leaves):
                    forced.add(cell.leaves)  # rule 2
                elif value and _people(cell.leaves):
                    forced.add(cell.leaves)  # rule 2, for counts of people
                continue
            if 1 <= abs(value - cell.value) < k:
                forced.add(cell.leaves)  # rule 1
                known.add(cell.leaves)  # and, hidden, it is pinned to within k
        if additive and inside:
            rest = cell.value - sum(inside.values())
            if cell.published and 1 <= rest < k:
                forced.add(cell.leaves)  # rule 1, summed
            if rest == 0 and _tiles(list(inside), period):
                known.add(cell.leaves)  # rule 3, summed
    return forced, known


def _people(leaves: Iterable[str]) -> bool:
    return all(leaf.startswith(_PEOPLE_PREFIXES) for leaf in leaves)


def _tiles(spans: list[tuple[date, date]], period: Period) -> bool:
    """Whether some of these periods, end to end and without overlap, make up the period."""
    by_start: dict[date, list[date]] = defaultdict(list)
    for start, end in spans:
        by_start[start].append(end)
    reachable = {period.start}
    frontier = [period.start]
    while frontier:
        start = frontier.pop()
        for end in by_start.get(start, []):
            if end == period.end:
                return True
            nxt = end + timedelta(days=1)
            if nxt not in reachable:
                reachable.add(nxt)
                frontier.append(nxt)
    return False
