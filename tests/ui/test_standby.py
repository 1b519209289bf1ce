"""The successor started ahead of a lock (ui/standby.py): it waits without a window, takes the
resume state when the lock comes, and leaves quietly if its parent ends any other way."""

from __future__ import annotations

import os
import select
import signal
import sys
from pathlib import Path

import pytest

from advocate_app.settings import Settings
from advocate_app.ui import standby
from advocate_app.ui.app import build_controller
from advocate_app.ui.restart import RESUME_ENV, ResumeState
from advocate_app.ui.standby import STANDBY_ENV, Successor
from tests.ui.helpers import unlock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes by descriptor")

# What a successor does, reduced to the protocol: wait for the turn, say what it was given.
SUCCESSOR = """
import os, sys
from pathlib import Path
from advocate_app.ui.standby import SuccessorGone, announce_shown, wait_for_turn
out = Path(sys.argv[1])
try:
    wait_for_turn()
except SuccessorGone:
    out.write_text("gone")
    sys.exit(0)
if sys.argv[2] == "hang":
    import time
    time.sleep(60)
out.write_text(os.environ.get("ADVOCATE_APP_RESUME", "") + "|" + os.environ.get(
    "ADVOCATE_APP_STANDBY", "none"))
announce_shown()
"""


class Fallback:
    """Stands for restart.replace_process."""

    def __init__(self) -> None:
        self.states: list[ResumeState] = []

    def __call__(self, state: ResumeState) -> None:
        self.states.append(state)


def successor(tmp_path: Path, how: str = "normal") -> tuple[Successor, Fallback, Path]:
    out = tmp_path / "successor.txt"
    fallback = Fallback()
    return (
        Successor(lambda: [sys.executable, "-c", SUCCESSOR, str(out), how], fallback),
        fallback,
        out,
    )


def wait_ready(s: Successor) -> None:
    import time

    deadline = time.monotonic() + 60  # a safety net for a stuck child, not a timing check
    while not s.ready(wait_s=1.0):  # waits on the successor's pipe, not a fixed time
        assert s.alive() and time.monotonic() < deadline, "the successor never got ready"


def test_the_successor_takes_the_state_when_the_lock_comes(tmp_path, monkeypatch) -> None:
    exits: list[int] = []
    monkeypatch.setattr(os, "_exit", exits.append)
    monkeypatch.setenv(RESUME_ENV, '{"user_id":"stale"}')  # never passed on by environment
    s, fallback, out = successor(tmp_path)
    s.start()
    wait_ready(s)
    s.replace(ResumeState(geometry="AAAA", user_id="u-7"))
    assert exits == [0] and fallback.states == []  # handed over: this process ends
    state, standby_env = out.read_text().split("|")
    assert ResumeState.from_env(state) == ResumeState(geometry="AAAA", user_id="u-7")
    assert standby_env == "none"  # not passed on to the successor's own children
    s.stop()


def test_a_successor_whose_parent_does_not_lock_leaves_without_a_window(tmp_path) -> None:
    s, _fallback, out = successor(tmp_path)
    s.start()
    wait_ready(s)
    s.stop()  # what the parent's ending does: the pipe closes
    assert out.read_text() == "gone"


def test_without_a_successor_the_lock_replaces_the_process(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(os, "_exit", lambda code: pytest.fail("this process must not end"))
    s, fallback, _out = successor(tmp_path)
    s.replace(ResumeState(user_id="u-1"))  # never started
    assert fallback.states == [ResumeState(user_id="u-1")]


def test_a_successor_that_does_not_answer_is_ended_and_the_lock_replaces_the_process(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(os, "_exit", lambda code: pytest.fail("this process must not end"))
    monkeypatch.setattr(
        standby, "SHOWN_WITHIN_S", 0.5
    )  # the child never answers: no need to wait long
    s, fallback, _out = successor(tmp_path, "hang")
    s.start()
    wait_ready(s)
    s.replace(ResumeState(user_id="u-2"))
    assert fallback.states == [ResumeState(user_id="u-2")]
    assert not s.alive()


def test_a_successor_that_died_is_not_waited_for(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(os, "_exit", lambda code: pytest.fail("this process must not end"))
    s, fallback, _out = successor(tmp_path)
    s.start()
    wait_ready(s)
    assert s.pid is not None
    handle = os.pidfd_open(s.pid)
    os.kill(s.pid, signal.SIGKILL)
    select.select([handle], [], [], 60)  # until it has ended
    os.close(handle)
    s.replace(ResumeState(user_id="u-3"))
    assert fallback.states == [ResumeState(user_id="u-3")]


def test_on_windows_no_successor_is_started(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    s, _fallback, _out = successor(tmp_path)
    s.start()
    assert not s.alive()


@pytest.mark.parametrize("channel", ["", "x", "3", "0,1", "990,991", "-1,-2"])
def test_a_made_up_or_stale_channel_starts_plainly(monkeypatch, channel: str) -> None:
    """Anything but two inherited pipes: no wait on a terminal or a closed descriptor, no
    traceback, and the value is not passed on."""
    monkeypatch.setenv(STANDBY_ENV, channel)
    monkeypatch.delenv(RESUME_ENV, raising=False)
    standby.wait_for_turn()  # returns at once
    assert STANDBY_ENV not in os.environ and RESUME_ENV not in os.environ


def test_a_plain_process_does_not_wait(monkeypatch) -> None:
    monkeypatch.delenv(STANDBY_ENV, raising=False)
    standby.wait_for_turn()  # returns at once
    standby.announce_shown()  # nothing to announce


def test_the_unlocked_app_starts_its_successor_once_idle(qtbot, vault_dir: Path) -> None:
    started: list[bool] = []
    controller = build_controller(
        vault_dir,
        Settings(automatic_backups=False),
        kdf_target_seconds=0,
        fresh_process_on_lock=lambda state: None,
        prepare_fresh_process=lambda: started.append(True),
    )
    controller.prepare_fresh_process_after_ms = 0
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.start()
    try:
        assert started == []  # nothing before an unlock
        unlock(qtbot, controller)
        qtbot.waitUntil(lambda: started == [True])
    finally:
        controller.shutdown()


def test_starting_a_successor_never_waits_for_the_child(tmp_path, monkeypatch) -> None:
    """The parent of a new process waits until the child has started the program (on a busy
    machine, tens of milliseconds): not the GUI thread, which only asks for the start."""
    import subprocess
    import threading

    real_popen = subprocess.Popen
    go_on = threading.Event()
    spawned_on: list[int] = []

    def slow_popen(*args, **kwargs):  # type: ignore[no-untyped-def]
        spawned_on.append(threading.get_ident())
        go_on.wait(60)  # a child slow to start: the caller must not be the one waiting
        return real_popen(*args, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", slow_popen)
    s, _fallback, out = successor(tmp_path)
    s.start()  # returns at once, the child not started yet
    assert not go_on.is_set()
    assert not s.alive() and not s.ready()  # not yet: a lock now replaces the process instead
    s.start()  # asking again while it starts starts no second one
    go_on.set()
    wait_ready(s)
    assert len(spawned_on) == 1 and spawned_on[0] != threading.get_ident()
    s.stop()
    assert out.read_text() == "gone"


_PREPARED = """
import importlib, json
from advocate_app.ui import qt, standby, warmup
standby._prepare()
print(json.dumps([
    name for name, module in qt._WHERE.items()
    if module not in warmup._NOT_AHEAD
    and name not in vars(importlib.import_module(f"PySide6.{module}"))
]))
"""


def test_a_waiting_successor_makes_the_qt_classes_the_warm_up_would(tmp_path) -> None:
    """A successor waits minutes for its turn, with nothing shown: the Qt classes (QStyle's
    enums take 13 ms of the GUI thread) are made then, not while the passphrase is typed."""
    from tests.helpers import fresh_python_json

    assert fresh_python_json(_PREPARED, home=tmp_path / "home") == []
