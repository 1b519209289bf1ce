"""How benchmarks/unlock_app.py measures stalls of the GUI thread: a 4 ms heartbeat timer
whose late beats are stalls (and the part of each that was this process's own doing), and,
with --sample-stacks, a thread that samples what every thread was doing during one.

Imported by unlock_app.py from beside it (run as a script, its folder is on sys.path).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HEARTBEAT_MS = 4


class Heartbeat:
    """A 4 ms timer; any longer gap is time the GUI thread could not answer an event.

    On a shared machine part of a gap is the GUI thread waiting for a processor (other
    programs): `own` is each gap less that wait (Linux's schedstat), what this process caused:
    its own work on the GUI thread, or the GIL held by its other threads."""

    def __init__(self) -> None:
        from advocate_app.ui.qt import QTimer

        self.phase = "start"
        self.worst: dict[str, float] = {}
        self.own: dict[str, float] = {}
        try:
            self._sched = open("/proc/thread-self/schedstat", "rb", buffering=0)  # noqa: SIM115
        except OSError:
            self._sched = None
        self.last_wait = self._cpu_wait()
        self.last = time.perf_counter()
        self.beats = 0
        self.own_by_gap: dict[int, float] = {}
        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self.beat)
        self.timer.start()

    def _cpu_wait(self) -> float:
        """Seconds this thread has spent runnable but waiting for a processor."""
        if self._sched is None:
            return 0.0
        self._sched.seek(0)
        return int(self._sched.read().split()[1]) / 1e9

    def beat(self) -> None:
        now = time.perf_counter()
        wait = self._cpu_wait()
        stall = max(0.0, now - self.last - HEARTBEAT_MS / 1000)
        self.worst[self.phase] = max(self.worst.get(self.phase, 0.0), stall)
        own = max(0.0, stall - (wait - self.last_wait))
        self.own[self.phase] = max(self.own.get(self.phase, 0.0), own)
        if own > 0.008:  # for StackSampler: this gap's own stall, by the gap's number
            self.own_by_gap[self.beats] = own
        self.last = now
        self.last_wait = wait
        self.beats += 1

    def enter(self, phase: str) -> None:
        self.beat()
        self.phase = phase


class StackSampler:
    """With --sample-stacks: a thread that, while the heartbeat is late, samples every thread's
    Python stack every 2 ms (sys._current_frames), to find what a stall was; the stalls are
    ranked by the heartbeat's own figure (less the GUI thread's wait for a processor).
    Sampling needs the GIL: a stall inside C code holding it shows as the stack right after;
    the sampling itself takes the GIL too (a little)."""

    LATE = 0.010

    def __init__(self, beat: Heartbeat) -> None:
        import threading

        self.beat = beat
        self.samples: list[tuple[int, str, float, dict[str, list[str]]]] = []
        self.main = threading.main_thread().ident
        # The GUI thread's state (R running, S sleeping, D disk) and where the kernel has it
        # waiting (wchan: futex_wait is a lock, Python's among them).
        self.task = f"/proc/self/task/{threading.main_thread().native_id}"
        self.running = True
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self) -> None:
        import threading
        import traceback

        names = {}
        while self.running:
            time.sleep(0.002)
            late = time.perf_counter() - self.beat.last - HEARTBEAT_MS / 1000
            if late < self.LATE:
                continue
            beats, phase = self.beat.beats, self.beat.phase
            stacks = {}
            for ident, frame in sys._current_frames().items():
                if ident == threading.get_ident():
                    continue
                if ident not in names:
                    names = {t.ident: t.name for t in threading.enumerate()}
                summary = traceback.extract_stack(frame)[-6:]
                stacks["GUI" if ident == self.main else names.get(ident, str(ident))] = [
                    f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in summary
                ]
            stacks["GUI"] = [*stacks.get("GUI", []), self._gui_state()]
            self.samples.append((beats, phase, late, stacks))

    def _gui_state(self) -> str:
        try:
            with open(f"{self.task}/stat") as stat, open(f"{self.task}/wchan") as wchan:
                return f"[{stat.read().rsplit(')', 1)[1].split()[0]} {wchan.read() or '-'}]"
        except OSError:
            return "[?]"

    def worst(self, count: int = 8) -> list[dict[str, object]]:
        """The longest stalls seen, each with its samples' stacks (most common first)."""
        from collections import Counter

        by_stall: dict[int, list[tuple[str, float, dict[str, list[str]]]]] = {}
        for beats, phase, late, stacks in self.samples:
            by_stall.setdefault(beats, []).append((phase, late, stacks))
        rows = []
        for gap, group in by_stall.items():
            late = self.beat.own_by_gap.get(gap)
            if late is None:  # the stall was mostly a wait for a processor
                continue
            gui = Counter(" < ".join(reversed(g[2].get("GUI", []))) for g in group)
            others = Counter(
                f"{name}: " + " < ".join(reversed(stack[-3:]))
                for g in group
                for name, stack in g[2].items()
                if name != "GUI"
            )
            rows.append(
                {
                    "phase": group[0][0],
                    "own_late_ms": round(late * 1000, 1),
                    "samples": len(group),
                    "gui": gui.most_common(3),
                    "others": others.most_common(4),
                }
            )
        return sorted(rows, key=lambda r: -r["own_late_ms"])[:count]
