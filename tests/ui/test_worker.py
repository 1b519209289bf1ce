"""Background tasks: results come back on the GUI thread, and nothing outlives the work."""

from __future__ import annotations

import gc
import weakref

from advocate_app.ui.worker import run_task, task_activity, tasks_running


class _Secret:
    """Stands for what a task's callable captures: a passphrase typed to unlock."""


def _start(results: list[object], *, fail: bool) -> weakref.ref[_Secret]:
    """As AppController.unlock does: a callable and callbacks that capture the secret."""
    secret = _Secret()

    def work() -> str:
        if fail:
            raise ValueError("failed")
        return type(secret).__name__

    def on_done(value: object) -> None:
        results.append(value if secret else None)

    def on_error(exc: BaseException) -> None:
        results.append(str(exc) if secret else None)

    run_task(work, on_done, on_error)
    return weakref.ref(secret)


def test_a_finished_task_lets_go_of_what_it_captured(qtbot) -> None:
    results: list[object] = []
    captured = _start(results, fail=False)
    qtbot.waitUntil(lambda: results == ["_Secret"])
    gc.collect()
    assert captured() is None
    assert tasks_running() == 0


def test_a_failed_task_lets_go_too(qtbot) -> None:
    results: list[object] = []
    captured = _start(results, fail=True)
    qtbot.waitUntil(lambda: results == ["failed"])
    gc.collect()
    assert captured() is None


def test_all_finished_comes_after_the_last_answer_was_handled(qtbot) -> None:
    """A callback that starts the next task keeps the signal back until that one is handled."""
    order: list[str] = []

    def second_done(_value: object) -> None:
        order.append("second handled")

    def first_done(_value: object) -> None:
        order.append("first handled")
        run_task(lambda: 2, second_done, lambda exc: None)

    activity = task_activity()
    activity.all_finished.connect(lambda: order.append("all finished"))
    try:
        with qtbot.waitSignal(activity.all_finished, timeout=10_000):
            run_task(lambda: 1, first_done, lambda exc: None)
    finally:
        activity.all_finished.disconnect()
    assert order == ["first handled", "second handled", "all finished"]
    assert tasks_running() == 0
