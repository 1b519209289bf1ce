"""The suppression engine on plain tables (no summary around them), checked against an exact
independent attacker: no count of 1..k-1 is published, and none can be worked out by subtracting
the shown counts from a total, even knowing that no count is negative.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocate_app.reports.anonymize import (
    SumLine,
    suppress,
)

# --------------------------------------------------------------------------------------------
# The engine on plain tables, checked against an exact independent attacker.

small_or_large = st.one_of(st.just(0), st.integers(1, 12), st.integers(0, 45))


def _grid_system(cells: list[list[int]]) -> tuple[list[int], list[SumLine], dict[str, object]]:
    """A table with row totals, column totals and a grand total, as engine variables."""
    values: list[int] = []

    def add(v: int) -> int:
        values.append(v)
        return len(values) - 1

    cell_vars = [[add(v) for v in row] for row in cells]
    row_vars = [add(sum(row)) for row in cells]
    col_vars = [add(sum(col)) for col in zip(*cells, strict=True)]
    grand = add(sum(map(sum, cells)))
    lines = [SumLine(rv, tuple(cv)) for rv, cv in zip(row_vars, cell_vars, strict=True)]
    lines += [
        SumLine(col_vars[c], tuple(row[c] for row in cell_vars)) for c in range(len(col_vars))
    ]
    lines += [SumLine(grand, tuple(row_vars)), SumLine(grand, tuple(col_vars))]
    layout = {"cells": cell_vars, "rows": row_vars, "cols": col_vars, "grand": grand}
    return values, lines, layout


def _movable(
    values: list[int], lines: list[SumLine], hidden: frozenset[int], layout: dict[str, object]
) -> set[int]:
    """Hidden cells and totals whose value a reader cannot pin down, by brute force.

    The sums of a table with margins form a totally unimodular system, so a value is not fixed
    exactly when some move of the hidden cells by -1/0/+1 keeps every published total, keeps
    every count >= 0, and changes it. (Independent of the engine's own audit.)
    """
    cells: list[list[int]] = layout["cells"]  # type: ignore[assignment]
    rows: list[int] = layout["rows"]  # type: ignore[assignment]
    cols: list[int] = layout["cols"]  # type: ignore[assignment]
    grand: int = layout["grand"]  # type: ignore[assignment]
    hidden_cells = [v for row in cells for v in row if v in hidden]
    # Each published total fixes the sum of the hidden cells under it.
    constraints: list[list[int]] = []
    for r, rv in enumerate(rows):
        if rv not in hidden:
            constraints.append([v for v in cells[r] if v in hidden])
    for c, cv in enumerate(cols):
        if cv not in hidden:
            constraints.append([row[c] for row in cells if row[c] in hidden])
    if grand not in hidden:
        constraints.append(hidden_cells)
    movable: set[int] = set()
    for move in itertools.product((-1, 0, 1), repeat=len(hidden_cells)):
        if not any(move):
            continue
        d = dict(zip(hidden_cells, move, strict=True))
        if any(values[v] + d[v] < 0 for v in hidden_cells):
            continue
        if any(sum(d[v] for v in con) for con in constraints):
            continue
        movable.update(v for v in hidden_cells if d[v])
        for r, rv in enumerate(rows):
            if sum(d.get(v, 0) for v in cells[r]):
                movable.add(rv)
        for c, cv in enumerate(cols):
            if sum(d.get(row[c], 0) for row in cells):
                movable.add(cv)
        if sum(move):
            movable.add(grand)
    return movable


def _assert_no_single_hidden(lines: list[SumLine], hidden: frozenset[int]) -> None:
    for line in lines:
        n_hidden = sum(1 for m in (line.total, *line.parts) if m in hidden)
        assert n_hidden != 1, f"a hidden member of {line} can be worked out by subtraction"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    k=st.integers(5, 20),
    shape=st.tuples(st.integers(1, 3), st.integers(1, 3)),
    data=st.data(),
)
def test_engine_never_publishes_or_reveals_a_small_count(
    k: int, shape: tuple[int, int], data: st.DataObject
) -> None:
    n_rows, n_cols = shape
    cells = [[data.draw(small_or_large) for _ in range(n_cols)] for _ in range(n_rows)]
    values, lines, layout = _grid_system(cells)
    hidden = suppress(values, lines, k)

    for i, v in enumerate(values):
        if i not in hidden:
            assert not 1 <= v < k, f"published {v} with k={k}"
    _assert_no_single_hidden(lines, hidden)

    movable = _movable(values, lines, hidden, layout)
    for v in hidden:
        if 1 <= values[v] < k:
            assert v in movable, f"hidden value {values[v]} is pinned down; cells={cells}"


@settings(max_examples=150, deadline=None)
@given(k=st.integers(5, 20), data=st.data())
def test_engine_on_bigger_tables_keeps_the_subtraction_rule(k: int, data: st.DataObject) -> None:
    n_rows = data.draw(st.integers(1, 12))
    n_cols = data.draw(st.integers(1, 5))
    cells = [[data.draw(small_or_large) for _ in range(n_cols)] for _ in range(n_rows)]
    values, lines, _ = _grid_system(cells)
    hidden = suppress(values, lines, k)
    assert not any(1 <= values[i] < k for i in range(len(values)) if i not in hidden)
    _assert_no_single_hidden(lines, hidden)


def test_engine_hides_the_smallest_other_count_beside_a_lone_small_one() -> None:
    # total 55 = 3 + 12 + 40: the 3 is hidden, and the smallest other count goes with it.
    values = [55, 3, 12, 40]
    assert suppress(values, [SumLine(0, (1, 2, 3))], 11) == {1, 2}


def test_engine_never_uses_a_zero_to_protect_a_small_count() -> None:
    # total 43 = 3 + 0 + 40. Hiding the 0 would leave "—", "—", 40 of 43: a reader who
    # guesses the extra hidden cell is the 0 gets the 3 back. The 40 is hidden instead.
    values = [43, 3, 0, 40]
    assert suppress(values, [SumLine(0, (1, 2, 3))], 11) == {1, 3}
    values, lines, layout = _grid_system([[3, 0, 40]])
    hidden = suppress(values, lines, 11)
    cells = layout["cells"][0]  # type: ignore[index]
    assert cells[0] in hidden and cells[1] not in hidden and cells[2] in hidden


def test_engine_sees_through_nonnegativity() -> None:
    # Row: a + b = 5; a's column: a + d = 3; b's column: b + c = 2. Each sum has two hidden
    # members, yet counts are never negative, so a = 3 and b = 2 exactly. The audit must see it.
    cells = [[3, 2, 20], [0, 0, 30]]
    values, lines, layout = _grid_system(cells)
    hidden = suppress(values, lines, 11)
    movable = _movable(values, lines, hidden, layout)
    small = [v for v in hidden if 1 <= values[v] < 11]
    assert small and all(v in movable for v in small)
