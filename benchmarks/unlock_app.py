"""One unlock as a person does it, in a fresh process (as after a lock): launch, the unlock
window, typing the passphrase, Enter, and Today painted; then, optionally, the first minute.

    python benchmarks/unlock_app.py VAULT_DIR [--watch SECONDS] [--backup] [--lock]

The passphrase comes on standard input. Prints one JSON line of figures (seconds):
- launch_to_unlock_window: from the parent's launch time (ADVOCATE_BENCH_LAUNCHED, epoch
  seconds) to the unlock window shown: what a lock followed by a restart costs;
- key_derivation: Argon2id inside this unlock, timed where it runs;
- unlock_to_today: from Enter to the first paint of the window showing Today;
- stall_typing / stall_unlock / stall_after: the longest gap in a 4 ms heartbeat QTimer, beyond
  its interval, while typing, while unlocking (Enter to the worker's answer; the GUI thread only
  waits), and after Today was painted (the first minute, with the daily backup);
- paint: from the unlock answer to Today painted with its rows (building the shell; the rows
  are read on a worker meanwhile); skeleton: from Enter to the page first painted, before
  its rows.

With --lock, once Today is painted, the watch is over and the successor the app starts ahead
of a lock is ready (ui/standby.py: a person locks minutes after unlocking, not the instant Today
appears), the person presses Ctrl+L, as in the app: the lock saves the drafts, closes the vault
and hands over to that successor, which shows the unlock window; with --no-successor the
successor is dismissed first and the lock replaces this process instead (ui/restart.py), as a
lock within seconds of unlocking does. Either way the fresh process runs this file again
(AFTER_LOCK in its environment) and prints a second JSON line:
- lock_to_unlock_window: from the key press to the fresh process's unlock window shown.

Writes nothing but the vault's own files: HOME and the XDG folders point into a temporary
folder, and bytecode is never written (PYTHONDONTWRITEBYTECODE is set by the runner).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

# Set before the first unlock of a --lock run: every fresh process started from it (the
# successor, or the replaced image) inherits it, and keeps the temporary home of the first.
AFTER_LOCK = "ADVOCATE_BENCH_AFTER_LOCK"
_HOME = (
    os.environ["HOME"]
    if AFTER_LOCK in os.environ
    else tempfile.mkdtemp(prefix="advocate-bench-home-")
)
for _name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = _HOME
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.dont_write_bytecode = True

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

from advocate_app.hardening import disable_core_dumps  # noqa: E402
from advocate_app.settings import Settings  # noqa: E402
from advocate_app.ui import app as _app_module  # noqa: E402
from advocate_app.ui.app import (  # noqa: E402
    build_controller,
    make_application,
    open_main_window,
)

# Absent from versions before issue 21: the same script measures those, for a before/after.
start_warm_up = getattr(_app_module, "start_warm_up", None)

HEARTBEAT_MS = 4
KEY_EVERY_MS = 110  # a brisk typist


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


def after_lock(folder: Path) -> int:
    """The fresh process after a lock: the unlock window as the real app shows it again."""
    from advocate_app.ui.standby import SuccessorGone, wait_for_turn

    os.environ.pop(AFTER_LOCK)
    try:
        wait_for_turn()  # a successor waits here until the lock (as ui.app.run_gui does)
    except SuccessorGone:
        return 0  # this run ended without a lock
    disable_core_dumps()
    app = make_application(sys.argv[:1])
    controller = open_main_window(folder)
    app.processEvents()
    shown = time.time()
    if controller.window.stack.currentWidget() is not controller.unlock_page:
        print(json.dumps({"error": "the fresh process did not show the unlock window"}))
        return 1
    print(json.dumps({"unlock_window_at": shown, "fresh_pid": os.getpid()}), flush=True)
    controller.vault.close()
    shutil.rmtree(_HOME, ignore_errors=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument(
        "--watch",
        type=float,
        default=0.0,
        help="seconds to keep measuring stalls after Today is painted",
    )
    parser.add_argument(
        "--backup", action="store_true", help="let the daily automatic backup run (made due first)"
    )
    parser.add_argument(
        "--key-ms", type=int, default=KEY_EVERY_MS, help="milliseconds between two keys typed"
    )
    parser.add_argument(
        "--no-warm-up",
        action="store_true",
        help="leave out the warm-up while typing (to measure what it saves)",
    )
    parser.add_argument(
        "--lock",
        action="store_true",
        help="then lock (Ctrl+L) and time the fresh process's unlock window",
    )
    parser.add_argument(
        "--no-successor",
        action="store_true",
        help="with --lock: lock before a successor is ready (the process image is replaced)",
    )
    parser.add_argument(
        "--sample-stacks",
        action="store_true",
        help="sample every thread's stack while the heartbeat is late (what a stall was)",
    )
    args = parser.parse_args()
    if AFTER_LOCK in os.environ:
        return after_lock(Path(args.folder))
    launched = float(os.environ.get("ADVOCATE_BENCH_LAUNCHED", time.time()))
    passphrase = sys.stdin.readline().rstrip("\n")
    folder = Path(args.folder)
    if args.backup:  # make today's automatic backup due again
        for old in (folder / "backups").glob("automatic-*.acbackup"):
            old.unlink()

    disable_core_dumps()
    app = make_application(sys.argv[:1])
    from advocate_app.store import keyslots
    from advocate_app.ui.qt import QEvent, QObject, Qt, QThreadPool, QTimer
    from advocate_app.ui.worker import tasks_running

    derive: list[float] = []
    unwrap = keyslots.KeysFile.unwrap_with_passphrase

    def timed_unwrap(self, *a, **k):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return unwrap(self, *a, **k)
        finally:
            derive.append(time.perf_counter() - t)

    keyslots.KeysFile.unwrap_with_passphrase = timed_unwrap  # type: ignore[method-assign]

    # CPU time (of the thread doing it) of the unlock's own work after the key derivation:
    # opening the database, checking the schema, the audit line. On a busy machine wall time
    # is mostly waiting for a processor; this is the work.
    from advocate_app.store.vault import Vault

    finish_cpu: list[float] = []
    finish_unlock = Vault._finish_unlock

    def timed_finish(self, *a, **k):  # type: ignore[no-untyped-def]
        c = time.thread_time()
        try:
            return finish_unlock(self, *a, **k)
        finally:
            finish_cpu.append(time.thread_time() - c)

    Vault._finish_unlock = timed_finish  # type: ignore[method-assign]

    # Today's reads, when a worker thread does them (issue 21): their CPU time counts too.
    import threading

    from advocate_app.store import backup_status, today

    def on_worker(module, name):  # type: ignore[no-untyped-def]
        real = getattr(module, name)

        def timed(*a, **k):  # type: ignore[no-untyped-def]
            c = time.thread_time()
            try:
                return real(*a, **k)
            finally:
                if threading.current_thread() is not threading.main_thread():
                    finish_cpu.append(time.thread_time() - c)

        setattr(module, name, timed)

    on_worker(today, "compute")
    on_worker(backup_status, "status")

    # The daily backup: how long it takes beside the first minute (wall, and its thread's CPU).
    from advocate_app.store import backup

    backup_took: dict[str, float] = {}
    real_auto_backup = backup.auto_backup_if_due

    def timed_auto_backup(*a, **k):  # type: ignore[no-untyped-def]
        t, c = time.perf_counter(), time.thread_time()
        try:
            return real_auto_backup(*a, **k)
        finally:
            backup_took.update(seconds=time.perf_counter() - t, cpu=time.thread_time() - c)

    backup.auto_backup_if_due = timed_auto_backup

    if args.lock:
        from advocate_app.ui.standby import Successor

        os.environ[AFTER_LOCK] = "1"  # for the fresh process, whichever way it starts
        successor = Successor()
        controller = build_controller(
            folder,
            Settings(automatic_backups=args.backup),
            fresh_process_on_lock=successor.replace,
            prepare_fresh_process=successor.start,
        )
        controller.successor = successor
    else:
        controller = build_controller(folder, Settings(automatic_backups=args.backup))
    controller.window.show()
    controller.start()
    warm: dict[str, float] = {}
    if not args.no_warm_up and start_warm_up is not None:
        start_warm_up()  # as run_gui does
        from advocate_app.ui import warmup

        real_load_ui = warmup._load_ui

        def load_ui(names, done):  # type: ignore[no-untyped-def]
            if not names and "done" not in warm:
                warm["done"] = time.time()
            real_load_ui(names, done)

        warmup._load_ui = load_ui
    app.processEvents()
    assert controller.window.stack.currentWidget() is controller.unlock_page
    shown = time.time()
    launch_cpu = time.process_time()
    beat = Heartbeat()
    sampler = StackSampler(beat) if args.sample_stacks else None
    marks: dict[str, float] = {}
    result: dict[str, object] = {
        "launch_to_unlock_window": shown - launched,
        "launch_cpu": launch_cpu,
    }

    class PaintWatch(QObject):
        """Today painted: the first window repaint after the shell is built has finished."""

        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            if (
                event.type() == QEvent.Type.UpdateRequest
                and "answer" in marks
                and "painted" not in marks
            ):
                marks.setdefault("skeleton", time.perf_counter())
                # Today's rows come from a worker (issue 21): painted once they are on it.
                if "rows" in marks or not rows_arrive_later:
                    QTimer.singleShot(0, lambda: painted())
            return False

    def painted() -> None:
        if "painted" in marks:
            return
        marks["painted"] = time.perf_counter()
        marks["painted_cpu"] = time.thread_time()
        marks["worker_cpu"] = sum(finish_cpu)  # not the reads of a later refresh
        shell = controller.shell
        result["today_shown"] = (
            shell is not None and shell.stack.currentWidget() is shell.sections.get("today")
        )
        beat.enter("after")
        QTimer.singleShot(int(args.watch * 1000), finish)

    enter_shell = controller.enter_shell

    rows_arrive_later = False

    def timed_enter_shell() -> None:
        nonlocal rows_arrive_later
        marks["answer"] = time.perf_counter()
        beat.enter("paint")
        enter_shell()
        today = controller.shell.sections.built().get("today") if controller.shell else None
        shown = getattr(today, "shown", None)  # absent before issue 21's second round
        if shown is not None and getattr(today, "view", None) is None:
            rows_arrive_later = True
            shown.connect(lambda: marks.setdefault("rows", time.perf_counter()))

    controller.enter_shell = timed_enter_shell  # type: ignore[method-assign]
    watch = PaintWatch()
    controller.window.installEventFilter(watch)

    page = controller.unlock_page
    keys = list(passphrase)

    def type_next() -> None:
        from PySide6.QtTest import QTest

        if keys:
            QTest.keyClicks(page.passphrase, keys.pop(0))
            QTimer.singleShot(args.key_ms, type_next)
        else:
            beat.enter("unlock")
            marks["enter"] = time.perf_counter()
            marks["enter_cpu"] = time.thread_time()
            QTest.keyClick(page.passphrase, Qt.Key.Key_Return)

    def figures() -> dict[str, object]:
        return (
            result
            | {
                "pid": os.getpid(),
                "key_derivation": derive[0] if derive else None,
                "unlock_to_today": marks["painted"] - marks["enter"],
                # GUI thread from Enter to painted, plus the workers' unlock beyond the derivation
                # and Today's reads.
                "beyond_kdf_cpu": (marks["painted_cpu"] - marks["enter_cpu"]) + marks["worker_cpu"],
                "paint": marks["painted"] - marks["answer"],
                # The page without its rows (headings, empty lists), first painted.
                "skeleton": marks.get("skeleton", marks["painted"]) - marks["enter"],
                "stall_typing": beat.worst.get("typing", 0.0),
                "stall_unlock": beat.worst.get("unlock", 0.0),
                "stall_paint": beat.worst.get("paint", 0.0),
                "stall_after": beat.worst.get("after", 0.0),
                # The same, less the GUI thread's wait for a processor (see Heartbeat).
                "own_stall_typing": beat.own.get("typing", 0.0),
                "own_stall_unlock": beat.own.get("unlock", 0.0),
                "own_stall_after": beat.own.get("after", 0.0),
                "slowest_warm_up_step": slowest_step(),
                "backup_seconds": backup_took.get("seconds"),
                "backup_cpu": backup_took.get("cpu"),
                "watched": time.perf_counter() - marks["painted"],
                "warm_up_done_after": warm_up_done() - shown if warm_up_done() else None,
                "typing_time": marks["enter"] - marks["typing"],
            }
            | ({"late_stacks": sampler.worst()} if sampler is not None else {})
        )

    def warm_up_done() -> float | None:
        from advocate_app.ui import warmup

        # Kept by the warm-up itself since its steps come in two runs (issue 21, third round).
        return getattr(warmup, "done_at", None) or warm.get("done")

    def finish() -> None:
        if args.backup and tasks_running():  # the backup is part of the first minute
            QTimer.singleShot(100, finish)
            return
        if args.lock and (
            tasks_running()
            or QThreadPool.globalInstance().activeThreadCount()
            or not (args.no_successor or controller.successor.ready())
        ):
            # A person locks after working, not the instant Today appears: what the unlock
            # left running in the background (the rest of the warm-up) finishes first, or the
            # lock would wait for it and count it; and the successor has started meanwhile.
            QTimer.singleShot(20, finish)
            return
        beat.enter("done")
        if args.lock:  # from inside the event loop, as a key press comes: quitting would close
            controller.window.removeEventFilter(watch)
            print(json.dumps(figures()), flush=True)
            beat.timer.stop()
            if args.no_successor:
                controller.successor.stop()
                controller.successor = None
            lock(controller)
            return
        app.quit()

    beat.enter("typing")
    marks["typing"] = time.perf_counter()
    QTimer.singleShot(args.key_ms, type_next)
    QTimer.singleShot(120_000 + int(args.watch * 1000), app.quit)  # never hang a benchmark
    app.exec()
    if "painted" not in marks:
        print(json.dumps({"error": "Today was never painted"}))
        return 1
    if args.lock:  # still here: the lock did not replace the process
        print(json.dumps({"error": "locking did not start a fresh process"}))
        return 1
    controller.window.removeEventFilter(watch)
    print(json.dumps(figures()), flush=True)
    controller.shutdown()
    shutil.rmtree(_HOME, ignore_errors=True)
    return 0


def slowest_step() -> list[object] | None:
    """The warm-up's slowest step on the GUI thread: [milliseconds, name]."""
    from advocate_app.ui import warmup

    times = getattr(warmup, "step_times", None)  # absent before this instrumentation
    if not times:
        return None
    seconds, name = max(times)
    return [round(seconds * 1000, 1), name]


def lock(controller) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+L as a person presses it; the fresh process reports (after_lock)."""
    from PySide6.QtTest import QTest

    from advocate_app.ui.qt import Qt

    print(json.dumps({"locking_at": time.time()}), flush=True)
    QTest.keyClick(controller.shell.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


if __name__ == "__main__":
    sys.exit(main())
