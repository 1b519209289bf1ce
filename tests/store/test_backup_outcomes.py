"""Automatic backups: rotation by creation order (a clock set backwards never deletes the newest),
a failure that stays visible until a backup succeeds, when the last copy outside the computer
was made, and the WAL folded back after every backup and at close."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from advocate_app.store import backup_status, clients, notes
from advocate_app.store.backup import (
    auto_backup_if_due,
    automatic_backups,
    backup_to_folder,
    backup_vault,
)
from advocate_app.store.backup_file import BackupNotWritten, read_backup_info
from advocate_app.store.clients import ClientFields
from advocate_app.store.vault import Vault

DAY = timedelta(days=1)


def test_a_clock_set_backwards_never_deletes_the_newest_backups(vault: Vault) -> None:
    keep = 3
    start = datetime(2031, 6, 10, 12, tzinfo=UTC)
    made = []
    # Five days forward, then the clock jumps back a month and runs on from there.
    days = [start + n * DAY for n in range(5)] + [start - 30 * DAY + n * DAY for n in range(4)]
    for now in days:
        info = auto_backup_if_due(vault, keep=keep, now=now)
        assert info is not None
        made.append(info.path.name)
        remaining = [p.name for p in automatic_backups(vault.backup_dir)]
        assert info.path.name in remaining, "the backup just made was deleted"
    remaining = [p.name for p in automatic_backups(vault.backup_dir)]
    assert remaining == made[-keep:]  # the newest by creation order, oldest first
    sequences = [read_backup_info(vault.backup_dir / n).sequence for n in remaining]
    assert sequences == sorted(sequences) and None not in sequences


def test_a_failed_automatic_backup_is_remembered_until_one_succeeds(vault: Vault) -> None:
    vault.backup_dir.parent.mkdir(exist_ok=True)
    vault.backup_dir.write_bytes(b"not a folder")  # the backups folder cannot be made
    now = datetime(2031, 6, 10, 12, tzinfo=UTC)
    assert backup_status.status(vault).automatic_failed_at is None
    with pytest.raises(BackupNotWritten):
        auto_backup_if_due(vault, now=now)
    status = backup_status.status(vault)
    assert status.automatic_failed_at is not None
    assert status.automatic_failure == "not_written"
    # Still there after locking and unlocking (it is kept inside the vault).
    user_id = vault.current_user.id
    key = vault.data_key_copy()
    vault.lock()
    vault.unlock_with_data_key(key, user_id)
    assert backup_status.status(vault).automatic_failed_at is not None
    vault.backup_dir.unlink()
    assert auto_backup_if_due(vault, now=now + timedelta(hours=1)) is not None
    assert backup_status.status(vault).automatic_failed_at is None


def test_the_last_copy_outside_the_computer_and_the_weekly_reminder(
    vault: Vault, tmp_path: Path
) -> None:
    now = datetime(2031, 6, 10, 12, tzinfo=UTC)
    status = backup_status.status(vault)
    assert status.last_outside_copy_at is None and status.outside_copy_due(now)
    auto_backup_if_due(vault, now=now)  # an automatic backup is not outside the computer
    assert backup_status.status(vault).last_outside_copy_at is None
    usb = tmp_path / "usb"
    usb.mkdir()
    info = backup_to_folder(vault, usb)
    status = backup_status.status(vault)
    assert status.last_outside_copy_at is not None
    made = status.last_outside_copy_at
    assert abs((made - info.created).total_seconds()) < 120
    assert not status.outside_copy_due(made + 6 * DAY)
    assert status.outside_copy_due(made + 7 * DAY + timedelta(minutes=1))


def test_the_wal_is_folded_back_after_a_backup_and_at_close(
    vault_dir: Path, vault_template, tmp_path: Path
) -> None:
    from tests.helpers import data_key_with_recovery

    key = data_key_with_recovery(vault_dir, vault_template.recovery_key)
    vault = Vault.open(vault_dir)
    vault.unlock_with_data_key(key, vault_template.user_id)
    client_id = clients.create_client(vault, ClientFields(alias="Gray Finch"))
    for i in range(20):
        notes.add_note(vault, client_id, "contact", f"note {i} " + "x" * 300)
    wal = vault_dir / "vault.db-wal"
    assert wal.exists() and wal.stat().st_size > 0
    backup_vault(vault, tmp_path / "b.acbackup")
    assert not wal.exists() or wal.stat().st_size == 0, "the WAL was not checkpointed"
    notes.add_note(vault, client_id, "contact", "one more")
    # Keep one pooled connection busy elsewhere is not needed: lock() itself must checkpoint.
    copy = tmp_path / "after-lock"
    vault.lock()
    shutil.copytree(vault_dir, copy, ignore=shutil.ignore_patterns("vault.lock"))
    assert not (copy / "vault.db-wal").exists() or (copy / "vault.db-wal").stat().st_size == 0
    vault.close()


def test_the_command_line_backup_counts_as_a_copy_outside(
    vault_dir: Path, vault_template, tmp_path: Path, monkeypatch
) -> None:
    import io

    from advocate_app import cli
    from tests.helpers import PASSPHRASE

    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert (
        cli.main(
            [
                "backup",
                "--data-dir",
                str(vault_dir),
                "--out",
                str(tmp_path / "office.acbackup"),
                "--passphrase-stdin",
            ]
        )
        == 0
    )
    with Vault.open(vault_dir) as vault:
        vault.unlock(vault_template.user_id, PASSPHRASE)
        assert backup_status.status(vault).last_outside_copy_at is not None
