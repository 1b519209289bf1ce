"""Background work: a QRunnable whose result or error comes back on the GUI thread.

Nothing here touches a widget off the GUI thread; the callbacks run on it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from advocate_app.ui.qt import QObject, QRunnable, QThreadPool, Signal, is_alive

log = logging.getLogger(__name__)

_running: set[_Task] = set()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int)


class TaskActivity(QObject):
    """Tells when the last running task's answer has been handled (tests wait on it instead of
    sleeping: `qtbot.waitSignal(task_activity().all_finished)`)."""

    all_finished = Signal()


_activity: TaskActivity | None = None


def task_activity() -> TaskActivity:
    """The one TaskActivity, made on first use on the GUI thread."""
    global _activity
    if _activity is None:
        _activity = TaskActivity()
    return _activity


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], with_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn: Callable[..., Any] | None = fn
        self.with_progress = with_progress
        self.signals = _Signals()

    def run(self) -> None:
        # The callable often holds what it works on (a passphrase typed to unlock): the task
        # lets go of it as soon as it runs, whoever still holds the task.
        fn, self.fn = self.fn, None
        if fn is None:
            return
        try:
            result = fn(self.signals.progress.emit) if self.with_progress else fn()
        except BaseException as exc:  # delivered to the GUI thread, which decides what to show
            del fn
            self.signals.failed.emit(exc)
        else:
            del fn
            self.signals.done.emit(result)


_low_priority: QThreadPool | None = None


def low_priority_pool() -> QThreadPool:
    """One thread for work nobody waits for (the daily backup), one task at a time, apart from
    the pool that answers the person. The thread itself keeps the usual OS priority: the work
    lowers its own heavy part, the part that lets go of Python's lock (store.backup: the copy,
    zip and checks at nice 10). A lowered thread running Python, descheduled by a busy
    computer while it holds the lock, kept the GUI thread waiting 20 to 40 ms (measured)."""
    global _low_priority
    if _low_priority is None:
        _low_priority = QThreadPool()
        _low_priority.setMaxThreadCount(1)
    return _low_priority


def wait_for_low_priority_work(msecs: int) -> bool:
    return _low_priority is None or _low_priority.waitForDone(msecs)


def run_task(
    fn: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    on_progress: Callable[[int], None] | None = None,
    low_priority: bool = False,
) -> _Task:
    """Run fn on the thread pool; with on_progress, fn receives a report(percent) callable.
    With low_priority, on the one thread for work nobody waits for (see low_priority_pool)."""
    task_activity()  # made here, on the GUI thread, before any answer can come back
    task = _Task(fn, on_progress is not None)
    _running.add(task)

    def release() -> None:
        # The connections hold these closures, and the closures hold the caller's callbacks
        # and through them what they captured: cut them, so nothing outlives the task's work.
        _running.discard(task)
        task.signals.done.disconnect(finished_ok)
        task.signals.failed.disconnect(finished_err)
        if on_progress is not None:
            task.signals.progress.disconnect(on_progress)

    def finished_ok(result: Any) -> None:
        release()
        try:
            on_done(result)
        finally:
            _announce_if_idle()

    def finished_err(exc: BaseException) -> None:
        release()
        try:
            on_error(exc)
        finally:
            _announce_if_idle()

    task.signals.done.connect(finished_ok)
    task.signals.failed.connect(finished_err)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    (low_priority_pool() if low_priority else QThreadPool.globalInstance()).start(task)
    return task


def _announce_if_idle() -> None:
    # After the callback: a callback that started the next task keeps the set non-empty.
    if not _running:
        task_activity().all_finished.emit()


def tasks_running() -> int:
    """Tasks started here whose answer has not come back yet (on either pool)."""
    return len(_running)


class LatestOnly:
    """Runs lookups off the GUI thread where only the newest request matters (search as you
    type): results of a request overtaken by a newer one are dropped, and errors from a vault
    that was locked meanwhile are ignored."""

    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self._generation = 0

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], object],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._generation += 1
        mine = self._generation

        def done(result: Any) -> None:
            # The owner (a page of the shell) may have been deleted by a lock meanwhile.
            if mine == self._generation and is_alive(self._owner):
                on_done(result)

        def failed(exc: BaseException) -> None:
            from advocate_app.store.errors import VaultError

            if isinstance(exc, VaultError):  # locked meanwhile: nothing left to show
                log.info("a background lookup ended with the vault locked")
                return
            log.error("a background search failed (%s)", type(exc).__name__)
            if on_error is not None and mine == self._generation and is_alive(self._owner):
                on_error(exc)

        run_task(fn, done, failed)

    def cancel(self) -> None:
        self._generation += 1
