"""How the benchmarks measure and print a figure: wall and CPU time of each run, percentiles, and
the table of figures; the growth table's numbers are kept by figure and vault size
(current_size, set by run_all for the vault being measured).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

PASSPHRASE = "bench pass phrase lantern 42"
# What make_vault's vaults hold, raised whenever it changes: run_all keeps the vaults it makes
# under names with it, and never measures one made by an older make_vault (2: each client's
# alias sort key; no note dated in the future).
GENERATOR_VERSION = 2
HERE = Path(__file__).resolve().parent
results: list[tuple[str, str, str]] = []
# figure -> size -> seconds (or a ratio), for the growth table
growth: dict[str, dict[int, float]] = {}
current_size = 0


def report(
    name: str, text: str, budget: str = "", *, key: str | None = None, number: float | None = None
) -> None:
    """Print one figure; with key, remember number for the growth table."""
    results.append((name, text, budget))
    print(f"{name:<50} {text:>24}   {budget}", flush=True)
    if key is not None and number is not None:
        growth.setdefault(key, {})[current_size] = number


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report_p50_p95(label: str, values: list[float], note: str, *, key: str) -> None:
    """One timing row: "LABEL p50 / p95", both figures, a note; the p95 is the number kept."""
    report(
        f"{label} p50 / p95",
        f"{ms(pct(values, 0.5))} / {ms(pct(values, 0.95))}",
        note,
        key=key,
        number=pct(values, 0.95),
    )


def report_wall_cpu(name: str, times: Times, note: str, *, key: str) -> None:
    """One timing row: the medians of wall and CPU time, a note; the CPU median is kept."""
    report(name, wall_cpu(times), note, key=key, number=statistics.median(times.cpu))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


class Times(list):  # type: ignore[type-arg]
    """Wall-clock seconds of each run; .cpu has the CPU seconds of this thread for each run.

    On a busy machine wall time mostly measures waiting for a processor; the thread's CPU time
    is the work itself, so the growth table and the budgets read it too."""

    cpu: list[float]


def timed(fn: Callable[[], object], repeat: int) -> Times:
    out = Times()
    out.cpu = []
    for _ in range(repeat):
        c = time.thread_time()
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
        out.cpu.append(time.thread_time() - c)
    return out


def wall_cpu(times: Times) -> str:
    return f"{ms(statistics.median(times))} / {ms(statistics.median(times.cpu))}"
