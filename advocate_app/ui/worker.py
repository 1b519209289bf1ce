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


def run_task(
    fn: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    on_progress: Callable[[int], None] | None = None,
) -> _Task:
    """Run fn on the thread pool; with on_progress, fn receives a report(percent) callable."""
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
        on_done(result)

    def finished_err(exc: BaseException) -> None:
        release()
        on_error(exc)

    task.signals.done.connect(finished_ok)
    task.signals.failed.connect(finished_err)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(task)
    return task


def tasks_running() -> int:
    return len(_running)


class LatestOnly:
    """Runs lookups off the GUI thread where only the newest request matters (search as you
    type): results of a request overtaken by a newer one are dropped, and errors from a vault
    that was locked meanwhile are ignored."""

    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self._generation = 0

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None] | None = None) -> None:
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
