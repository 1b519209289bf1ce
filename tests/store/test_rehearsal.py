"""The warm-up's rehearsal of the unlock (store/rehearsal.py): it runs the unlock's own steps
and reads on a made-up client in memory, and nothing it does reaches a disk or a vault."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from advocate_app.store import today
from advocate_app.store.engine import engine_for
from advocate_app.store.errors import KeysDoNotMatchVault
from advocate_app.store.rehearsal import REHEARSAL_USER, RehearsalVault, rehearse_unlock

ON = date(2026, 11, 30)


@pytest.fixture(autouse=True)
def _no_rehearsed_engine_left() -> Iterator[None]:
    """Each test's rehearsal hands its engine to the next vault unlocked in this process:
    whatever is left is taken and dropped, so later tests make their own."""
    yield
    engine_for(Path("/nonexistent/vault.db"), bytearray(32)).dispose()


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
    # Connections to one database in memory (shared by them), never to a file.
    assert connected and all(
        str(name).startswith("file:advocate-rehearsal-") and "mode=memory" in str(name)
        for name in connected
    )
    assert len(set(connected)) == 1
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


def test_the_first_vault_unlocked_takes_the_rehearsals_engine_pointed_at_its_own_file(
    vault_dir: Path, vault_template
) -> None:
    """Its statements come compiled from the rehearsal; what it reads is the vault's own, and
    the vault unlocked after it makes an engine of its own."""
    from advocate_app.store.vault import Vault
    from tests.helpers import PASSPHRASE

    rehearsal = rehearse_unlock(on=ON)
    assert rehearsal is not None
    rehearsed = rehearsal.engine
    rehearsal.close()
    with Vault.open(vault_dir) as real:
        real.unlock(vault_template.user_id, PASSPHRASE)
        assert real.engine is rehearsed
        assert real.office_name != "Rehearsal"
        assert real.current_user.id == vault_template.user_id
        assert today.compute(real, REHEARSAL_USER, ON, 30).is_empty  # no made-up rows
        real.lock()
        # Whoever still holds the engine after the lock (as this test does) cannot open the
        # vault with it: the key it pointed to is zeroed.
        with pytest.raises(KeysDoNotMatchVault):
            with rehearsed.connect() as conn:
                conn.exec_driver_sql("SELECT count(*) FROM clients").all()
        real.unlock(vault_template.user_id, PASSPHRASE)
        assert real.engine is not rehearsed


def test_a_rehearsal_still_running_keeps_its_engine(vault_dir: Path, vault_template) -> None:
    from advocate_app.store.vault import Vault
    from tests.helpers import PASSPHRASE

    rehearsal = rehearse_unlock(on=ON)
    assert rehearsal is not None
    try:
        with Vault.open(vault_dir) as real:
            real.unlock(vault_template.user_id, PASSPHRASE)
            assert real.engine is not rehearsal.engine
            assert rehearsal.office_name == "Rehearsal"  # still its own database
    finally:
        rehearsal.close()


def test_the_rehearsal_also_opens_its_client_as_the_unlock_does_where_it_left_off(
    monkeypatch,
) -> None:
    """An unlock that returns to a client's record reads the client list's first page, the
    record (an audited open), its notes and the services today's work suggests: rehearsed
    too, so their statements come compiled (at 50,000 clients that record took 80 ms more
    before the rehearsal and the form were read ahead)."""
    from advocate_app.store import clients, notes, voca_fields

    seen: list[str] = []
    for module, name in (
        (clients, "list_clients"),
        (clients, "open_client"),
        (notes, "list_notes"),
        (voca_fields, "note_suggestions"),
    ):
        real = getattr(module, name)

        def spy(vault, *args, _real=real, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            seen.append(f"{_name} in rehearsal: {isinstance(vault, RehearsalVault)}")
            return _real(vault, *args, **kwargs)

        monkeypatch.setattr(module, name, spy)
    vault = rehearse_unlock(on=ON)
    assert vault is not None
    vault.close()
    assert seen == [
        "list_clients in rehearsal: True",
        "open_client in rehearsal: True",
        "list_notes in rehearsal: True",
        "note_suggestions in rehearsal: True",
    ]
