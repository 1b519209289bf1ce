"""One unlock as a person does it, in a fresh process (as after a lock): launch, the unlock
window, typing the passphrase, Enter, and Today painted; then, optionally, the first minute.

    python benchmarks/unlock_app.py VAULT_DIR [--watch SECONDS] [--backup] [--lock]

The passphrase comes on standard input. Prints one JSON line of figures (seconds):
- launch_to_unlock_window: from the parent's launch time (ADVOCATE_BENCH_LAUNCHED, epoch
  seconds) to the unlock window shown: what a lock followed by a restart costs;
- key_derivation: Argon2id inside this unlock, timed where it runs;
- unlock_to_today: from Enter to the first paint of the window showing Today;
- stall_shown / stall_typing / stall_unlock / stall_after: the longest gap in a 4 ms heartbeat
  QTimer, beyond its interval, from the unlock window shown to the first key (what the app does
  once its window is up: the Qt namespace built, the system's theme asked, the window icon),
  while typing, while unlocking (Enter to the worker's answer; the GUI thread only waits), and
  after Today was painted (the first minute, with the daily backup);
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

With --into-record the last lock left the person in a client's record (process_runs saves
that place first; each --lock run saves it again): the unlock goes back into it, and "painted"
is the record painted where Today would be (unlock_to_today then means unlock to the record).

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

from stall_watch import Heartbeat, StackSampler  # noqa: E402  (beside this file)

from advocate_app.hardening import disable_core_dumps  # noqa: E402
from advocate_app.paths import config_dir  # noqa: E402
from advocate_app.settings import Settings  # noqa: E402
from advocate_app.ui import app as _app_module  # noqa: E402
from advocate_app.ui import qt  # noqa: E402
from advocate_app.ui.app import (  # noqa: E402
    build_controller,
    make_application,
    open_main_window,
)
from advocate_app.ui.theme import SEEN_FILE_NAME  # noqa: E402

# Absent from versions before issue 21: the same script measures those, for a before/after.
start_warm_up = getattr(_app_module, "start_warm_up", None)

KEY_EVERY_MS = 110  # a brisk typist


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
        "--into-record",
        action="store_true",
        help="the place saved by the last lock is a client's record: time the unlock into it",
    )
    parser.add_argument(
        "--sample-stacks",
        action="store_true",
        help="sample every thread's stack while the heartbeat is late (what a stall was)",
    )
    args = parser.parse_args()
    if AFTER_LOCK in os.environ:
        return after_lock(Path(args.folder))
    into_record = args.into_record
    launched = float(os.environ.get("ADVOCATE_BENCH_LAUNCHED", time.time()))
    passphrase = sys.stdin.readline().rstrip("\n")
    folder = Path(args.folder)
    if args.backup:  # make today's automatic backup due again
        for old in (folder / "backups").glob("automatic-*.acbackup"):
            old.unlink()

    # As every start but a computer's first: the theme the system asked for was seen before
    # (offscreen: light; if the system asks otherwise now, the app follows once its window is up).
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / SEEN_FILE_NAME).write_text("light", encoding="ascii")
    disable_core_dumps()
    app = make_application(sys.argv[:1])
    from advocate_app.store import keyslots

    # Not the Qt namespace: the app makes it once its window is up, and that turn is measured.
    from advocate_app.ui.qt import QEvent, QObject, QThreadPool, QTimer
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

    def rehearsed(vault: object) -> bool:
        # The warm-up's rehearsal while typing (store/rehearsal.py) is not the unlock's work.
        return type(vault).__name__ == "RehearsalVault"

    def timed_finish(self, *a, **k):  # type: ignore[no-untyped-def]
        c = time.thread_time()
        try:
            return finish_unlock(self, *a, **k)
        finally:
            if not rehearsed(self):
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
                if threading.current_thread() is not threading.main_thread() and not (
                    a and rehearsed(a[0])
                ):
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

    # Its copy, zip and checks run on a lowered thread of their own (issue 21, third round):
    # their CPU time counts too.
    real_lowered = getattr(backup, "on_lowered_thread", None)
    if real_lowered is not None:

        def timed_lowered(work):  # type: ignore[no-untyped-def]
            def measured():  # type: ignore[no-untyped-def]
                c = time.thread_time()
                try:
                    return work()
                finally:
                    backup_took["lowered_cpu"] = time.thread_time() - c

            return real_lowered(measured)

        backup.on_lowered_thread = timed_lowered

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
        # As run_gui does: then the shell built ahead (absent before the eighth session
        # of issue 21: built after Enter).
        prepare = getattr(controller, "prepare_shell_ahead", None)
        if prepare is not None:
            start_warm_up(prepare)
        else:
            start_warm_up()
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
        """Today painted: the first window repaint after the shell is built has finished, or,
        for a page that paints its lists one at a time as they are filled (ui.today), the turn
        in which the last of them was painted with its rows."""

        def __init__(self) -> None:
            super().__init__()
            self.lists: set[object] = set()  # Today's lists not yet painted since the answer

        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint:
                self.lists.discard(watched)
            elif (
                event.type() == QEvent.Type.UpdateRequest
                and "answer" in marks
                and "painted" not in marks
            ):
                if into_record:
                    # The record comes on later turns than the shell (read on a worker): the
                    # window's first paint with it shown.
                    if record_shown():
                        QTimer.singleShot(0, lambda: painted())
                    return False
                marks.setdefault("skeleton", time.perf_counter())
                # Today's rows come from a worker (issue 21): painted once they are on it.
                if "rows" in marks or not rows_arrive_later:
                    QTimer.singleShot(0, lambda: painted())
            return False

        def rows_arrived(self) -> None:
            marks.setdefault("rows", time.perf_counter())
            if not self.lists:  # each list already painted with its rows, as it was filled
                QTimer.singleShot(0, lambda: painted())

    def record_shown() -> bool:
        """The record shown and let paint: it is shown with its painting held for a turn
        (ui.clients.coming), in which the window paints the list's selection."""
        shell = controller.shell
        section = shell.sections.built().get("clients") if shell is not None else None
        detail = getattr(section, "detail", None)
        return detail is not None and detail.isVisible() and detail.updatesEnabled()

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
        result["record_shown"] = record_shown()
        beat.enter("after")
        QTimer.singleShot(int(args.watch * 1000), finish)

    enter_shell = controller.enter_shell

    rows_arrive_later = False

    def timed_enter_shell(*args: object, **kwargs: object) -> None:
        nonlocal rows_arrive_later
        marks["answer"] = time.perf_counter()
        beat.enter("paint")
        enter_shell(*args, **kwargs)
        # The shell is shown a turn later since the tenth session of issue 21: in the stack.
        stack = controller.window.stack
        shell = controller.shell or next(
            (
                w
                for w in (stack.widget(i) for i in range(stack.count()))
                if type(w).__name__ == "Shell"
            ),
            None,
        )
        today = (
            shell.sections.built().get("today") if shell is not None and not into_record else None
        )
        shown = getattr(today, "shown", None)  # absent before issue 21's second round
        if shown is not None and getattr(today, "view", None) is None:
            rows_arrive_later = True
            groups = getattr(today, "groups", None)
            for group in groups() if groups is not None else []:
                watch.lists.add(group.tree.viewport())
                group.tree.viewport().installEventFilter(watch)
            shown.connect(watch.rows_arrived)

    controller.enter_shell = timed_enter_shell  # type: ignore[method-assign]
    watch = PaintWatch()
    controller.window.installEventFilter(watch)

    page = controller.unlock_page
    keys = list(passphrase)

    def type_next() -> None:
        from PySide6.QtTest import QTest

        if keys:
            if len(keys) == len(passphrase):
                beat.enter("typing")
            QTest.keyClicks(page.passphrase, keys.pop(0))
            QTimer.singleShot(args.key_ms, type_next)
        else:
            beat.enter("unlock")
            marks["enter"] = time.perf_counter()
            marks["enter_cpu"] = time.thread_time()
            QTest.keyClick(page.passphrase, qt.Qt.Key.Key_Return)

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
                "stall_shown": beat.worst.get("shown", 0.0),
                "stall_typing": beat.worst.get("typing", 0.0),
                "stall_unlock": beat.worst.get("unlock", 0.0),
                "stall_paint": beat.worst.get("paint", 0.0),
                "stall_after": beat.worst.get("after", 0.0),
                # The same, less the GUI thread's wait for a processor (see Heartbeat).
                "own_stall_shown": beat.own.get("shown", 0.0),
                "own_stall_typing": beat.own.get("typing", 0.0),
                "own_stall_unlock": beat.own.get("unlock", 0.0),
                "own_stall_paint": beat.own.get("paint", 0.0),
                "own_stall_after": beat.own.get("after", 0.0),
                "slowest_warm_up_step": slowest_step(),
                "backup_seconds": backup_took.get("seconds"),
                "backup_cpu": (
                    backup_took["cpu"] + backup_took.get("lowered_cpu", 0.0)
                    if "cpu" in backup_took
                    else None
                ),
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

    beat.enter("shown")
    marks["typing"] = time.perf_counter()
    QTimer.singleShot(args.key_ms, type_next)
    QTimer.singleShot(120_000 + int(args.watch * 1000), app.quit)  # never hang a benchmark
    app.exec()
    if "painted" not in marks:
        what = "the client's record" if into_record else "Today"
        print(json.dumps({"error": f"{what} was never painted"}))
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
