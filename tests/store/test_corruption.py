"""A damaged vault is named, not crashed on: flipped bytes in a data page, a truncated file, a
keys file from another vault, a zeroed header, missing files. Each gets its own plain message,
the newest intact backup is offered, and no file is touched while looking. A partial last page
left by an interrupted checkpoint is "checkpoint needed", not damage."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from advocate_app.store import clients, notes
from advocate_app.store.backup import auto_backup_if_due
from advocate_app.store.clients import ClientFields
from advocate_app.store.diagnose import MESSAGES, Problem, diagnose
from advocate_app.store.errors import KeysDoNotMatchVault, VaultDamaged, VaultError
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import KEYS_FILE_NAME
from advocate_app.store.vault import Vault
from advocate_app.store.wal import checkpoint_needed, only_needs_checkpoint, read_wal
from tests.helpers import PASSPHRASE, data_key_with_recovery, sha_map_with_throttle

PAGE = 4096


@pytest.fixture
def backed_up(vault_dir: Path, vault_template) -> Path:
    """A vault with some notes and its automatic backup of the day, closed."""
    with Vault.open(vault_dir) as vault:
        vault.unlock_with_data_key(
            data_key_with_recovery(vault_dir, vault_template.recovery_key), vault_template.user_id
        )
        client_id = clients.create_client(vault, ClientFields(alias="Paper Crane"))
        for i in range(60):
            notes.add_note(vault, client_id, "contact", f"met at the library, visit {i} " * 3)
        vault.checkpoint()
        assert auto_backup_if_due(vault, now=datetime(2031, 1, 1, 12, tzinfo=UTC)) is not None
    return vault_dir


@pytest.fixture(scope="module")
def foreign_keys(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("foreign") / "vault"
    vault, _recovery = Vault.create(
        folder,
        office_name="Elsewhere",
        user_name="Maria",
        passphrase=PASSPHRASE,
        kdf_target_seconds=0,
    )
    vault.close()
    return (folder / KEYS_FILE_NAME).read_bytes()


def _assert_named(folder: Path, kind: Problem, before: dict[str, str], **kwargs) -> None:  # type: ignore[no-untyped-def]
    found = diagnose(folder, **kwargs)
    assert found.kind is kind, found
    assert found.message == MESSAGES[kind]
    assert found.is_damaged
    assert found.newest_backup is not None and found.newest_backup.kind == "automatic"
    assert sha_map_with_throttle(folder) == before  # looking changed nothing


def _pages(folder: Path) -> int:
    return (folder / "vault.db").stat().st_size // PAGE


def _flip_random_page(folder: Path, seed: int) -> None:
    rng = random.Random(seed)
    db = folder / "vault.db"
    data = bytearray(db.read_bytes())
    page = rng.randrange(1, _pages(folder))  # 0-based: any page after the first
    offset = page * PAGE + rng.randrange(0, PAGE - 16)
    for i in range(offset, offset + 16):
        data[i] ^= 0xFF
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_flipped_bytes_in_a_random_data_page(backed_up: Path, vault_template, seed: int) -> None:
    _flip_random_page(backed_up, seed)
    before = sha_map_with_throttle(backed_up)
    assert diagnose(backed_up).kind is Problem.HEALTHY  # bytes alone cannot tell: a key can
    key = data_key_with_recovery(backed_up, vault_template.recovery_key)
    _assert_named(backed_up, Problem.DATABASE_DAMAGED, before, data_key=key)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_unlocking_a_vault_with_a_damaged_page_names_the_damage(
    backed_up: Path, vault_template, seed: int
) -> None:
    """The app's own path: unlocking refuses with a VaultError (never a raw database error)
    that diagnose() names, or it succeeds and the integrity check reports the page."""
    _flip_random_page(backed_up, seed)
    key = data_key_with_recovery(backed_up, vault_template.recovery_key)
    with Vault.open(backed_up) as vault:
        try:
            vault.unlock_with_data_key(key, vault_template.user_id)
        except VaultError as exc:
            assert isinstance(exc, (VaultDamaged, KeysDoNotMatchVault)), exc
            assert diagnose(backed_up, error=exc).kind is Problem.DATABASE_DAMAGED
        else:
            assert vault.integrity_problems() != []


def test_a_truncated_database(backed_up: Path, vault_template) -> None:
    db = backed_up / "vault.db"
    data = db.read_bytes()
    db.write_bytes(data[: len(data) - 1000])  # a copy that stopped part-way through a page
    before = sha_map_with_throttle(backed_up)
    _assert_named(backed_up, Problem.DATABASE_TRUNCATED, before)


def test_a_database_cut_at_a_page_boundary_needs_the_key_to_tell(
    backed_up: Path, vault_template
) -> None:
    db = backed_up / "vault.db"
    data = db.read_bytes()
    db.write_bytes(data[: (len(data) // PAGE // 2) * PAGE])
    before = sha_map_with_throttle(backed_up)
    key = data_key_with_recovery(backed_up, vault_template.recovery_key)
    # The folder's own backup says these keys are this vault's, so the database is at fault.
    _assert_named(backed_up, Problem.DATABASE_DAMAGED, before, data_key=key)
    _assert_named(
        backed_up, Problem.DATABASE_DAMAGED, before, error=KeysDoNotMatchVault("does not open")
    )


def test_a_keys_file_from_another_vault(backed_up: Path, foreign_keys: bytes) -> None:
    (backed_up / KEYS_FILE_NAME).write_bytes(foreign_keys)
    before = sha_map_with_throttle(backed_up)
    _assert_named(backed_up, Problem.KEYS_FROM_ANOTHER_VAULT, before)


def test_a_keys_mismatch_without_history_is_named_honestly(
    vault_dir: Path, foreign_keys: bytes
) -> None:
    # No backup was ever made from this database: the swap cannot be told from damage.
    (vault_dir / KEYS_FILE_NAME).write_bytes(foreign_keys)
    found = diagnose(vault_dir, error=KeysDoNotMatchVault("does not open"))
    assert found.kind is Problem.KEYS_OR_DATABASE
    assert "either the database" in found.message


def test_a_zeroed_header(backed_up: Path) -> None:
    db = backed_up / "vault.db"
    data = bytearray(db.read_bytes())
    data[:100] = bytes(100)
    db.write_bytes(bytes(data))
    before = sha_map_with_throttle(backed_up)
    _assert_named(backed_up, Problem.HEADER_DAMAGED, before)


def test_a_missing_keys_file_and_a_missing_database(backed_up: Path) -> None:
    keys = backed_up / KEYS_FILE_NAME
    saved = keys.read_bytes()
    keys.unlink()
    _assert_named(backed_up, Problem.KEYS_MISSING, sha_map_with_throttle(backed_up))
    keys.write_bytes(saved)
    (backed_up / "vault.db").rename(backed_up / "moved.db")
    _assert_named(backed_up, Problem.DATABASE_MISSING, sha_map_with_throttle(backed_up))


def test_a_damaged_keys_file(backed_up: Path) -> None:
    keys = backed_up / KEYS_FILE_NAME
    keys.write_bytes(keys.read_bytes()[:200])
    _assert_named(backed_up, Problem.KEYS_DAMAGED, sha_map_with_throttle(backed_up))


def test_an_unencrypted_database_in_its_place(backed_up: Path) -> None:
    import sqlite3

    (backed_up / "vault.db").unlink()
    conn = sqlite3.connect(backed_up / "vault.db")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    _assert_named(backed_up, Problem.NOT_ENCRYPTED, sha_map_with_throttle(backed_up))


def test_no_traceback_from_the_command_line_on_a_zeroed_header(backed_up: Path) -> None:
    db = backed_up / "vault.db"
    data = bytearray(db.read_bytes())
    data[:100] = bytes(100)
    db.write_bytes(bytes(data))
    before = sha_map_with_throttle(backed_up)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "advocate_app",
            "check",
            "--data-dir",
            str(backed_up),
            "--passphrase-stdin",
        ],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Damaged" in result.stdout
    assert "Traceback" not in result.stderr
    assert sha_map_with_throttle(backed_up) == before


# --- an interrupted checkpoint ----------------------------------------------------------------


def _crash_copy_with_pending_wal(vault: Vault, dest: Path) -> None:
    """Copy the vault's files while it has committed changes only in its WAL (a crash)."""
    dest.mkdir()
    for name in ("vault.db", "vault.db-wal", KEYS_FILE_NAME):
        shutil.copyfile(vault.folder / name, dest / name)


def test_a_partial_last_page_after_an_interrupted_checkpoint_is_not_damage(
    vault: Vault, vault_template, tmp_path: Path
) -> None:
    vault.checkpoint()
    client_id = clients.create_client(vault, ClientFields(alias="Harbor Light"))
    written = [
        notes.add_note(vault, client_id, "contact", f"note {i} " + "w" * 900) for i in range(40)
    ]
    crashed = tmp_path / "crashed"
    _crash_copy_with_pending_wal(vault, crashed)
    db = crashed / "vault.db"
    wal = read_wal(crashed / "vault.db-wal")
    assert wal is not None and wal.db_pages > db.stat().st_size // PAGE  # the database grew
    # The checkpoint had started writing the first new page when the power went.
    next_page = db.stat().st_size // PAGE + 1
    assert next_page in wal.committed_pages
    with open(db, "ab") as fh:
        fh.write(b"\x17" * 1500)
    before = sha_map_with_throttle(crashed)

    found = diagnose(crashed)
    assert found.kind is Problem.CHECKPOINT_NEEDED
    assert found.can_open and not found.is_damaged
    assert "not damage" in found.message
    assert checkpoint_needed(crashed)
    assert sha_map_with_throttle(crashed) == before

    key = vault.data_key_copy()
    assert diagnose(crashed, data_key=key).kind is Problem.CHECKPOINT_NEEDED
    with Vault.open(crashed) as reopened:
        reopened.unlock_with_data_key(key, vault_template.user_id)
        problems = reopened.integrity_problems()
        if problems:  # what SQLCipher reports before the checkpoint: only the partial page
            assert only_needs_checkpoint(crashed, problems), problems
            reopened.checkpoint()
        assert reopened.integrity_problems() == []
        assert [n.id for n in notes.list_notes(reopened, client_id)] == sorted(
            written, reverse=True
        )
    assert diagnose(crashed).kind is Problem.HEALTHY

    # The same partial page with no log to rewrite it is a truncated file.
    broken = tmp_path / "broken"
    _crash_copy_with_pending_wal(vault, broken)
    (broken / "vault.db-wal").unlink()
    with open(broken / "vault.db", "ab") as fh:
        fh.write(b"\x17" * 1500)
    assert diagnose(broken, find_backup=False).kind is Problem.DATABASE_TRUNCATED


def test_every_damage_kind_has_a_plain_message() -> None:
    for kind in Problem:
        text = MESSAGES[kind]
        assert text.endswith(".") and len(text) > 30
        assert "Traceback" not in text and "sqlite" not in text.lower()


def test_diagnose_never_raises_on_an_unreadable_keys_file(backed_up: Path) -> None:
    keys = backed_up / KEYS_FILE_NAME
    keys.unlink()
    keys.mkdir()  # a folder where the file should be
    found = diagnose(backed_up)
    assert found.is_damaged
    assert isinstance(found.message, str)
    with pytest.raises(VaultError):
        KeysFile.load(backed_up)
