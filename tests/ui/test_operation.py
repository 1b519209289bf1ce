"""The operation object: busy state, the standard message, a closed screen, the rest re-raised."""

from __future__ import annotations

import threading

import pytest
import shiboken6

from advocate_app.store.errors import VaultError, WrongPassphrase
from advocate_app.ui.errors import file_error_text
from advocate_app.ui.operation import Operation
from advocate_app.ui.qt import QWidget
from advocate_app.ui.worker import task_activity, tasks_running


class _Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def busy(self, on: bool) -> None:
        self.events.append(("busy", on))

    def success(self, value: object) -> None:
        self.events.append(("success", value))

    def failure(self, text: str) -> None:
        self.events.append(("failure", text))


def _run(qtbot, op: Operation) -> None:
    with qtbot.waitSignal(task_activity().all_finished, timeout=10_000):
        op.run_in_background()


def _raise(exc: BaseException):
    def work() -> None:
        raise exc

    return work


def test_busy_is_set_then_cleared_around_success(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    rec = _Recorder()
    _run(
        qtbot,
        Operation(widget, lambda: 42).busy(rec.busy).success(rec.success).failure(rec.failure),
    )
    assert rec.events == [("busy", True), ("busy", False), ("success", 42)]
    assert tasks_running() == 0


def test_a_vault_error_becomes_its_message_and_the_buttons_come_back(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    rec = _Recorder()
    _run(
        qtbot,
        Operation(widget, _raise(WrongPassphrase()))
        .busy(rec.busy)
        .success(rec.success)
        .failure(rec.failure),
    )
    assert rec.events == [("busy", True), ("busy", False), ("failure", WrongPassphrase().message)]


def test_a_file_error_becomes_the_standard_sentence_or_the_callers_own(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    rec = _Recorder()
    _run(
        qtbot,
        Operation(widget, _raise(PermissionError(13, "denied", "/secret/alias.pdf"))).failure(
            rec.failure
        ),
    )
    assert rec.events == [("failure", file_error_text())]
    assert "alias" not in file_error_text()  # never the path, which may name a client
    rec.events.clear()
    _run(
        qtbot,
        Operation(widget, _raise(OSError("disk full")))
        .file_error("The PDF could not be written there.")
        .failure(rec.failure),
    )
    assert rec.events == [("failure", "The PDF could not be written there.")]


def test_named_types_are_shown_and_special_handlers_come_first(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    rec = _Recorder()
    _run(
        qtbot,
        Operation(widget, _raise(ValueError("That period is not complete.")))
        .expect(ValueError)
        .failure(rec.failure),
    )
    assert rec.events == [("failure", "That period is not complete.")]
    rec.events.clear()
    handled: list[BaseException] = []
    _run(
        qtbot,
        Operation(widget, _raise(WrongPassphrase()))
        .on(WrongPassphrase, handled.append)
        .failure(rec.failure),
    )
    assert rec.events == [] and isinstance(handled[0], WrongPassphrase)


def test_anything_else_is_raised_again_for_the_excepthook(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    rec = _Recorder()
    with qtbot.captureExceptions() as exceptions:
        _run(qtbot, Operation(widget, _raise(KeyError("bug"))).busy(rec.busy).failure(rec.failure))
    assert [type(e[1]) for e in exceptions] == [KeyError]
    assert rec.events == [("busy", True), ("busy", False)]  # the buttons still come back


def test_without_a_failure_handler_even_a_vault_error_is_raised(qtbot) -> None:
    with qtbot.captureExceptions() as exceptions:
        _run(qtbot, Operation(None, _raise(VaultError("locked"))))
    assert [type(e[1]) for e in exceptions] == [VaultError]


@pytest.mark.parametrize("outcome", ["result", "vault error"])
def test_nothing_is_called_back_into_a_closed_screen(qtbot, outcome: str) -> None:
    widget = QWidget()
    rec = _Recorder()
    release = threading.Event()

    def work() -> int:
        release.wait(10)
        if outcome == "vault error":
            raise VaultError("The vault is locked.")
        return 1

    op = Operation(widget, work).busy(rec.busy).success(rec.success).failure(rec.failure)
    with qtbot.waitSignal(task_activity().all_finished, timeout=10_000):
        op.run_in_background()
        shiboken6.delete(widget)  # as a lock tears the shell down while the work runs
        release.set()
    assert rec.events == [("busy", True)]


def test_progress_reaches_the_screen(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    seen: list[int] = []

    def work(report) -> str:
        report(50)
        report(100)
        return "done"

    rec = _Recorder()
    _run(qtbot, Operation(widget, work).progress(seen.append).success(rec.success))
    assert seen == [50, 100] and rec.events == [("success", "done")]


def test_an_operation_runs_once(qtbot) -> None:
    op = Operation(None, lambda: None)
    _run(qtbot, op)
    with pytest.raises(RuntimeError):
        op.run_in_background()
