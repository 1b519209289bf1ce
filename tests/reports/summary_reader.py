"""The summary reader of issue 13, as a helper of the reader-attack tests: someone who holds every
summary the office exported and solves for the hidden counts with a linear-programming solver
(find_leaks), and synthetic offices counted as the store would, without a vault.

What the reader knows and when it finds a leak: see tests/reports/test_reader_attack.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import highspy
import numpy as np
from scipy.sparse import coo_matrix, vstack

from advocate_app.reports.anonymize import LedgerCell
from advocate_app.reports.ledger import EarlierExport, is_additive, protect
from advocate_app.reports.periods import Period, calendar_year, fiscal_quarter, fiscal_year
from advocate_app.store.summary import SummaryCounts, member_id
from advocate_app.store.vocab import AGE_GROUPS, RESOURCE_CATEGORIES, TRAFFICKING_TYPES

K = 11
PEOPLE_PREFIXES = ("overview:served", "trafficking_type:", "age_group:")
TODAY = date(2026, 11, 29)  # every period below has ended by then


# --------------------------------------------------------------------------------------------
# The reader.


@dataclass
class Published:
    period: Period
    k: int
    cells: tuple[LedgerCell, ...]


@dataclass
class Leak:
    period: str
    cell: str
    true_value: int
    low: float
    high: float


@dataclass
class _Model:
    index: dict[tuple, int] = field(default_factory=dict)
    eq_rows: list[dict[int, float]] = field(default_factory=list)
    eq_rhs: list[float] = field(default_factory=list)
    ub_rows: list[dict[int, float]] = field(default_factory=list)
    ub_rhs: list[float] = field(default_factory=list)

    def var(self, key: tuple) -> int:
        if key not in self.index:
            self.index[key] = len(self.index)
        return self.index[key]

    def eq(self, terms: dict[int, float], rhs: float) -> None:
        self.eq_rows.append(terms)
        self.eq_rhs.append(rhs)

    def le(self, terms: dict[int, float], rhs: float) -> None:
        self.ub_rows.append(terms)
        self.ub_rhs.append(rhs)


def _months(period: Period) -> list[tuple[int, int]]:
    out = []
    y, m = period.start.year, period.start.month
    while (y, m) <= (period.end.year, period.end.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _sparse(rows: list[dict[int, float]], n: int):  # type: ignore[no-untyped-def]
    r, c, v = [], [], []
    for i, row in enumerate(rows):
        for j, x in row.items():
            r.append(i)
            c.append(j)
            v.append(x)
    return coo_matrix((v, (r, c)), shape=(len(rows), n)).tocsr()


def find_leaks(reports: Sequence[Published]) -> list[Leak]:
    """Every hidden count with a true value of 1..k-1 that the reader pins away from both 0 and
    k or more. With reports made under different thresholds, k is the smallest of them: a
    count of 12 shown while the office used k = 11 was not hidden information."""
    model = _Model()
    k = min(rep.k for rep in reports)
    leaves_of: dict[int, set[str]] = defaultdict(set)
    for e, rep in enumerate(reports):
        for cell in rep.cells:
            leaves_of[e] |= cell.leaves
    all_leaves = set().union(*leaves_of.values()) if leaves_of else set()

    def x(e: int, leaf: str) -> int:
        return model.var(("x", e, leaf))

    for e, rep in enumerate(reports):
        leaves = leaves_of[e]
        for cell in rep.cells:
            if cell.published:
                model.eq({x(e, leaf): 1.0 for leaf in cell.leaves}, cell.value)
        served = x(e, "overview:served")
        for family in ("age_group:", "trafficking_type:"):
            terms = {x(e, leaf): 1.0 for leaf in leaves if leaf.startswith(family)}
            if terms:
                terms[served] = terms.get(served, 0) - 1.0
                model.eq(terms, 0)
        model.eq({served: 1.0, x(e, "overview:new"): -1.0, x(e, "overview:continuing"): -1.0}, 0)

    months = sorted({m for rep in reports for m in _months(rep.period)})
    for leaf in all_leaves:
        for e, rep in enumerate(reports):
            if leaf not in leaves_of[e]:
                continue
            if is_additive([leaf]):
                terms = {model.var(("m", leaf, m)): 1.0 for m in _months(rep.period)}
                terms[x(e, leaf)] = -1.0
                model.eq(terms, 0)
            elif leaf.startswith(PEOPLE_PREFIXES):
                # At most the people of its months together; at least those of any one month.
                terms = {model.var(("p", leaf, m)): -1.0 for m in _months(rep.period)}
                terms[x(e, leaf)] = 1.0
                model.le(terms, 0)
                for m in _months(rep.period):
                    model.le({model.var(("p", leaf, m)): 1.0, x(e, leaf): -1.0}, 0)
    for e1, r1 in enumerate(reports):
        for e2, r2 in enumerate(reports):
            if e1 == e2:
                continue
            same = r1.period.start == r2.period.start and r1.period.end == r2.period.end
            inside = r2.period.covers(r1.period) and not same
            for leaf in leaves_of[e1] & leaves_of[e2]:
                if same and e1 < e2:
                    model.eq({x(e1, leaf): 1.0, x(e2, leaf): -1.0}, 0)
                elif inside and (
                    leaf.startswith(PEOPLE_PREFIXES)
                    or (leaf.startswith("needs_status:") and r1.period.end == r2.period.end)
                ):
                    model.le({x(e1, leaf): 1.0, x(e2, leaf): -1.0}, 0)
            if inside and r1.period.start == r2.period.start:
                # Served in the whole = served in its first part + new in the months after it.
                later = [m for m in _months(r2.period) if m not in set(_months(r1.period))]
                terms = {x(e2, "overview:served"): 1.0, x(e1, "overview:served"): -1.0}
                for m in later:
                    terms[model.var(("m", "overview:new", m))] = -1.0
                model.eq(terms, 0)
    del months

    n = len(model.index)
    rows = model.eq_rows + model.ub_rows
    matrix = vstack([_sparse(model.eq_rows, n), _sparse(model.ub_rows, n)]).tocsc()
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = n, len(rows)
    lp.col_cost_ = np.zeros(n)
    lp.col_lower_ = np.zeros(n)
    lp.col_upper_ = np.full(n, highspy.kHighsInf)
    lp.row_lower_ = np.array(model.eq_rhs + [-highspy.kHighsInf] * len(model.ub_rhs))
    lp.row_upper_ = np.array(model.eq_rhs + model.ub_rhs, dtype=float)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = matrix.indptr
    lp.a_matrix_.index_ = matrix.indices
    lp.a_matrix_.value_ = matrix.data
    solver = highspy.Highs()
    solver.setOptionValue("output_flag", False)
    assert solver.passModel(lp) == highspy.HighsStatus.kOk

    def solve(columns: list[int], sense: highspy.ObjSense) -> float:
        solver.changeObjectiveSense(sense)
        solver.changeColsCost(
            len(columns), np.array(columns, dtype=np.int32), np.ones(len(columns))
        )
        solver.run()
        status = solver.getModelStatus()
        value = float(solver.getInfo().objective_function_value)
        solver.changeColsCost(
            len(columns), np.array(columns, dtype=np.int32), np.zeros(len(columns))
        )
        if status == highspy.HighsModelStatus.kUnbounded:
            return float("inf")
        assert status == highspy.HighsModelStatus.kOptimal, solver.modelStatusToString(status)
        return value

    leaks: list[Leak] = []
    checked: set[tuple[int, frozenset[str]]] = set()
    for e, rep in enumerate(reports):
        for cell in rep.cells:
            if cell.published or not 1 <= cell.value < k or (e, cell.leaves) in checked:
                continue
            checked.add((e, cell.leaves))
            columns = sorted({x(e, leaf) for leaf in cell.leaves})
            low = solve(columns, highspy.ObjSense.kMinimize)
            high = solve(columns, highspy.ObjSense.kMaximize)
            assert low <= cell.value + 1e-6 <= high + 2e-6, (low, high, cell)
            if low > 0.5 and high < k - 0.5:
                leaks.append(Leak(rep.period.code, cell.key, cell.value, low, high))
    return leaks


# --------------------------------------------------------------------------------------------
# Synthetic offices (no vault): people and referrals by month, counted as the store would.


@dataclass(frozen=True)
class Person:
    id: int
    intake: tuple[int, int]  # (year, month)
    closed: tuple[int, int] | None
    age: str
    ttype: str


@dataclass(frozen=True)
class Referral:
    id: int
    client: int
    month: tuple[int, int]
    category: str


def synthetic_counts(
    people: Iterable[Person], referrals: Iterable[Referral], period: Period
) -> SummaryCounts:
    first = (period.start.year, period.start.month)
    last = (period.end.year, period.end.month)
    sets: dict[str, set[int]] = defaultdict(set)
    for p in people:
        if p.intake <= last and (p.closed is None or p.closed >= first):
            mid = member_id(p.id)
            sets["overview:served"].add(mid)
            sets["overview:new" if p.intake >= first else "overview:continuing"].add(mid)
            sets[f"trafficking_type:{p.ttype}"].add(mid)
            sets[f"age_group:{p.age}"].add(mid)
    for r in referrals:
        if first <= r.month <= last:
            sets[f"referrals:{r.category}"].add(member_id(r.client, r.id))
    members = {key: frozenset(v) for key, v in sets.items()}

    def n(key: str) -> int:
        return len(members.get(key, ()))

    return SummaryCounts(
        office_name="Test office",
        period_label=period.label,
        period_start=period.start,
        period_end=period.end,
        is_demo=False,
        individuals_served=n("overview:served"),
        individuals_new=n("overview:new"),
        individuals_continuing=n("overview:continuing"),
        anonymous_contacts=0,
        trafficking_type={c: n(f"trafficking_type:{c}") for c in TRAFFICKING_TYPES},
        age_group={c: n(f"age_group:{c}") for c in AGE_GROUPS},
        referrals={c: n(f"referrals:{c}") for c in RESOURCE_CATEGORIES},
        members=members,
    )


class MemoryLedger:
    """The export ledger as reports.ledger sees it, in memory."""

    def __init__(self) -> None:
        self.exports: list[EarlierExport] = []
        self.members: dict[int, dict[str, frozenset[int]]] = {}

    def load(self, export_id: int) -> dict[str, frozenset[int]]:
        return self.members[export_id]

    def export(self, counts: SummaryCounts, period: Period, k: int) -> Published:
        summary = protect(counts, period, k, self.exports, self.load)
        export_id = len(self.exports) + 1
        self.exports.append(
            EarlierExport(
                export_id,
                period.start,
                period.end,
                {c.key: (c.value, c.published) for c in summary.cells},
            )
        )
        self.members[export_id] = dict(counts.members)
        return Published(period, k, summary.cells)


def every_period(fiscal_years: Sequence[int]) -> list[Period]:
    """In the order an office would export them: each quarter as it ends, the year after its
    last quarter, and each calendar year once it has ended."""
    out: list[Period] = []
    for fy in fiscal_years:
        for q in (1, 2, 3, 4):
            out.append(fiscal_quarter(fy, q))
            if q == 2:
                cy = calendar_year(fy - 1)
                if all(
                    any(p.covers(fiscal_quarter(f, qq)) for p in out)
                    for f, qq in ((fy - 1, 2), (fy - 1, 3), (fy - 1, 4))
                ):
                    out.append(cy)
        out.append(fiscal_year(fy))
    return out
