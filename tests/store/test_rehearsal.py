"""The warm-up's rehearsal of the unlock (store/rehearsal.py): it runs the unlock's own steps
and reads on a made-up client in memory, and nothing it does reaches a disk or a vault."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from advocate_app.store import today
from advocate_app.store.rehearsal import REHEARSAL_USER, RehearsalVault, rehearse_unlock

ON = date(2026, 11, 30)


def test_the_rehearsal_unlocks_and_reads_a_row_in_every_group_of_today() -> None:
    vault = rehearse_unlock(on=ON)
    assert vault is not None
    try:
        assert vault.is_unlocked
        assert vault.current_user.id == REHEARSAL_USER
        assert vault.office_name == "Rehearsal"
        assert not vault.is_demo
        view = today.compute(vault, REHEARSAL_USER, ON, 30)
        assert [len(view.overdue), len(view.due_this_week), len(view.upcoming)] == [1, 1, 1]
        assert [row.alias for row in view.no_contact] == ["Rehearsal"]
    finally:
        vault.close()
    assert not vault.is_unlocked


_OPENED: list[str] = []
_WATCHING = [False]


def _watch_opens(event: str, args: tuple[object, ...]) -> None:
    # An audit hook stays for the life of the process: it records only while a test watches.
    if _WATCHING[0] and event in {"open", "os.mkdir", "os.rename", "os.remove", "shutil.copyfile"}:
        _OPENED.append(f"{event} {args[0]!r}")


sys.addaudithook(_watch_opens)


def test_nothing_the_rehearsal_does_reaches_a_disk(monkeypatch, tmp_path) -> None:
    """No file is opened, made or removed from Python, and the one database connection is
    the one in memory."""
    connected: list[object] = []
    real_connect = sqlcipher.connect

    def connect(database, *args, **kwargs):
        connected.append(database)
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlcipher, "connect", connect)
    monkeypatch.chdir(tmp_path)
    _OPENED.clear()
    _WATCHING[0] = True
    try:
        vault = rehearse_unlock(on=ON)
        assert vault is not None
        vault.close()
    finally:
        _WATCHING[0] = False
    assert connected == [":memory:"]
    # Python reads its own modules' source only when a module is imported for the first time;
    # everything else would be the rehearsal touching a file.
    assert [line for line in _OPENED if not line.endswith(".py'")] == []
    assert list(tmp_path.iterdir()) == []
    assert not Path(RehearsalVault(ON).folder).exists()


def test_the_rehearsal_stops_between_steps_when_enter_is_pressed() -> None:
    """Enter pressed: the real unlock has the processor to itself; the rehearsal vault is
    locked and dropped."""
    asked: list[bool] = []

    def going_on() -> bool:
        asked.append(True)
        return len(asked) < 3

    assert rehearse_unlock(going_on, on=ON) is None
    assert len(asked) == 3


def test_a_failing_rehearsal_step_leaves_nothing_unlocked(monkeypatch) -> None:
    made: list[RehearsalVault] = []
    real_init = RehearsalVault.__init__

    def init(self, on):
        real_init(self, on)
        made.append(self)

    monkeypatch.setattr(RehearsalVault, "__init__", init)

    def broken(*_args, **_kwargs):
        raise RuntimeError("a step failed")

    monkeypatch.setattr(today, "compute", broken)
    with pytest.raises(RuntimeError):
        rehearse_unlock(on=ON)
    assert len(made) == 1 and not made[0].is_unlocked
