"""The backup copies the database in bounded batches with a pause between them (so the app's
other threads, and a key pressed meanwhile, get the processor and the disk), from one snapshot
taken at its start: what the app writes meanwhile neither restarts the copy nor ends up half in
it. No timings here (benchmarks/unlock_app.py --backup measures the first minute)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from advocate_app.store import backup_write, clients, notes
from advocate_app.store.backup import backup_vault
from advocate_app.store.backup_file import extract_backup
from advocate_app.store.clients import ClientFields
from advocate_app.store.engine import connect_keyed
from advocate_app.store.vault import Vault


def _grow(vault: Vault, n: int) -> None:
    """Enough rows that the database has many pages."""
    for i in range(n):
        client_id = clients.create_client(vault, ClientFields(alias=f"Client {i:04d}"))
        notes.add_note(vault, client_id, "contact", f"Called back about the lease {i}. " * 40)


def _page_count(vault: Vault) -> int:
    with vault.engine.connect() as conn:
        return int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())


def _aliases_in(backup: Path, vault: Vault, tmp_path: Path) -> set[str]:
    work = tmp_path / "opened"
    work.mkdir()
    extract_backup(backup, work)
    conn = connect_keyed(work / "vault.db", vault.data_key_copy())
    try:
        return {row[0] for row in conn.execute("SELECT alias FROM clients")}
    finally:
        conn.close()


def test_the_copy_goes_in_bounded_batches_with_a_pause_between(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _grow(vault, 60)
    monkeypatch.setattr(backup_write, "PAGES_PER_STEP", 8)
    pauses: list[float] = []
    monkeypatch.setattr(
        backup_write, "rest_between_batches", lambda seconds: pauses.append(seconds)
    )
    reported: list[int] = []
    backup_vault(vault, tmp_path / "b.acbackup", progress=reported.append)
    steps = math.ceil(_page_count(vault) / 8)
    assert steps > 10
    # One pause after every batch but the last; never a long one.
    assert len(pauses) == steps - 1
    assert all(0 < p <= 0.01 for p in pauses)
    # The copy's share of the progress moves with the batches, forward only.
    copying = [p for p in reported if 5 < p < 50]
    assert len(copying) > 5 and copying == sorted(copying)
    assert len(reported) == len(set(reported))  # a report only when the percent changes


def test_writes_during_the_copy_neither_restart_it_nor_land_half_in_it(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _grow(vault, 60)
    before = {f"Client {i:04d}" for i in range(60)}
    monkeypatch.setattr(backup_write, "PAGES_PER_STEP", 8)
    batches: list[int] = []

    def pause(_seconds: float) -> None:
        batches.append(1)
        if len(batches) % 3 == 1:  # the person saves something between two batches
            clients.create_client(vault, ClientFields(alias=f"Saved meanwhile {len(batches)}"))

    monkeypatch.setattr(backup_write, "rest_between_batches", pause)
    pages = _page_count(vault)
    backup_vault(vault, tmp_path / "b.acbackup")
    assert len(batches) == math.ceil(pages / 8) - 1  # never started over
    assert _aliases_in(tmp_path / "b.acbackup", vault, tmp_path) == before  # the snapshot


def _nice() -> int:
    import os
    import threading

    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


@pytest.mark.skipif(not hasattr(__import__("os"), "getpriority"), reason="POSIX thread priority")
def test_the_daily_backup_lowers_only_its_copy_never_its_python_bookkeeping(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A thread at a lowered priority that is descheduled while it holds Python's lock keeps
    the GUI thread waiting for as long (measured: 20 to 40 ms on a busy machine, during the
    schema revision and the status record). So the copy, the zip and the checks (SQLCipher
    and zlib, which let go of the lock) run lowered, and the bookkeeping in Python (schema
    revision, rotation, the status record) at the calling thread's priority."""
    import threading

    from advocate_app.store import backup, backup_status, migrate

    seen: dict[str, tuple[int, int]] = {}

    def spy(module: object, name: str) -> None:
        real = getattr(module, name)

        def spied(*args: object, **kwargs: object) -> object:
            seen[name] = (_nice(), threading.get_ident())
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, spied)

    spy(backup_write, "copy_database")
    spy(backup_write, "verify_backup")
    spy(migrate, "current_revision")
    spy(backup_status, "record_automatic_success")
    spy(backup, "rotate_automatic_backups")
    caller = threading.Thread(target=backup.auto_backup_if_due, args=(vault,))
    caller.start()  # a thread of its own: lowering the test's thread would outlast the test
    caller.join()
    assert set(seen) == {
        "copy_database",
        "verify_backup",
        "current_revision",
        "record_automatic_success",
        "rotate_automatic_backups",
    }
    assert seen["copy_database"][0] >= 10 and seen["verify_backup"][0] >= 10
    for name in ("current_revision", "record_automatic_success", "rotate_automatic_backups"):
        assert seen[name][0] == 0, name
    assert len(backup.automatic_backups(vault.backup_dir)) == 1


def test_back_up_now_is_not_lowered(vault: Vault, tmp_path: Path, monkeypatch) -> None:
    """A person waits for "Back up now": it runs at the caller's priority."""
    seen: list[int] = []
    real = backup_write.copy_database

    def spied(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(_nice())
        return real(*args, **kwargs)

    monkeypatch.setattr(backup_write, "copy_database", spied)
    backup_vault(vault, tmp_path / "b.acbackup")
    assert seen == [_nice()]


def test_the_daily_backup_goes_in_large_steps(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On its lowered thread each batch is a turn of Python that can keep the GUI thread
    waiting: 16 MiB batches in the copy, the zip and the check; 1 MiB for "Back up now" (at the
    usual priority, its progress bar moving)."""
    from advocate_app.store import backup, backup_file

    steps: list[tuple[str, object]] = []
    real_copy, real_extract = backup_write.copy_database, backup_file.extract_backup

    def copy(*args, **kwargs):  # type: ignore[no-untyped-def]
        steps.append(("copy", kwargs.get("pages_per_step") or backup_write.PAGES_PER_STEP))
        return real_copy(*args, **kwargs)

    def extract(*args, **kwargs):  # type: ignore[no-untyped-def]
        steps.append(("check", kwargs.get("chunk_size")))
        return real_extract(*args, **kwargs)

    monkeypatch.setattr(backup_write, "copy_database", copy)
    monkeypatch.setattr(backup_file, "extract_backup", extract)
    backup.auto_backup_if_due(vault)
    assert steps == [("copy", 4096), ("check", 16 << 20)]
    steps.clear()
    backup_vault(vault, tmp_path / "now.acbackup")
    assert steps == [("copy", 256), ("check", 1 << 20)]
