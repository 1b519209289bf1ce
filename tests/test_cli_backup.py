"""`advocate-app backup --out FILE` and `advocate-app restore FILE`, headless, with the same checks
as the app and the passphrase on standard input."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from advocate_app.store import clients, notes
from advocate_app.store.clients import ClientFields
from advocate_app.store.vault import Vault
from tests.helpers import PASSPHRASE, run_cli_as, sha_map_with_throttle


def _no_traceback(result) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in result.stderr + result.stdout


def test_backup_to_a_folder_then_restore_it(vault_dir: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    made = run_cli_as(
        "backup",
        "--out",
        str(usb),
        data_dir=vault_dir,
    )
    assert made.returncode == 0, made.stderr
    _no_traceback(made)
    today = datetime.now().astimezone().date().isoformat()
    backup = usb / f"advocate-backup-{today}.acbackup"
    assert backup.exists()
    assert "verified backup" in made.stdout and str(backup) in made.stdout
    with zipfile.ZipFile(backup) as zf:
        assert sorted(zf.namelist()) == ["manifest.json", "vault.db", "vault.keys.json"]

    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        client_id = clients.create_client(vault, ClientFields(alias="After The Backup"))
        notes.add_note(vault, client_id, "contact", "not in the backup")

    restored = run_cli_as(
        "restore",
        str(backup),
        "--yes",
        data_dir=vault_dir,
    )
    assert restored.returncode == 0, restored.stderr
    _no_traceback(restored)
    assert "Restored the backup made" in restored.stdout
    assert "nothing was deleted" in restored.stdout
    aside = list(vault_dir.glob("before-restore-*"))
    assert len(aside) == 1 and (aside[0] / "vault.db").exists()
    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        assert vault.raw_count("notes") == 0
        assert vault.integrity_problems() == []


def test_restore_with_the_recovery_key_and_backup_to_a_named_file(
    vault_dir: Path, vault_template, tmp_path: Path
) -> None:
    out = tmp_path / "office.acbackup"
    made = run_cli_as(
        "backup",
        "--out",
        str(out),
        data_dir=vault_dir,
    )
    assert made.returncode == 0, made.stderr
    again = run_cli_as(
        "backup",
        "--out",
        str(out),
        data_dir=vault_dir,
    )
    assert again.returncode == 2
    assert "already exists" in again.stderr
    restored = run_cli_as(
        "restore",
        str(out),
        "--recovery-key",
        data_dir=tmp_path / "new-computer",
        passphrase=vault_template.recovery_key,
    )
    assert restored.returncode == 0, restored.stderr
    assert "kept in" not in restored.stdout  # an empty folder: nothing to keep aside
    assert (tmp_path / "new-computer" / "vault.db").exists()


@pytest.mark.parametrize(
    ("kind", "code", "words"),
    [
        ("not_a_backup", 1, "not an Advocate Companion backup"),
        ("truncated", 1, "incomplete or damaged"),
        ("wrong_passphrase", 2, "does not open this backup"),
    ],
)
def test_restore_refuses_and_changes_nothing(
    vault: Vault, vault_dir: Path, tmp_path: Path, kind: str, code: int, words: str
) -> None:
    good = vault.backup_to(tmp_path / "good.acbackup").path
    vault.close()
    bad = tmp_path / "candidate.acbackup"
    if kind == "not_a_backup":
        bad.write_text("not a backup at all")
    elif kind == "truncated":
        bad.write_bytes(good.read_bytes()[:5000])
    else:
        bad = good
    before = sha_map_with_throttle(vault_dir)
    result = run_cli_as(
        "restore",
        str(bad),
        data_dir=vault_dir,
        passphrase=("wrong passphrase" if kind == "wrong_passphrase" else PASSPHRASE),
    )
    assert result.returncode == code, result.stderr
    assert words in result.stderr
    assert "Nothing was changed" in result.stderr
    _no_traceback(result)
    assert sha_map_with_throttle(vault_dir) == before


def test_restore_refuses_while_the_app_has_the_vault_open(vault: Vault, tmp_path: Path) -> None:
    good = vault.backup_to(tmp_path / "good.acbackup").path
    result = run_cli_as(
        "restore",
        str(good),
        data_dir=vault.folder,
        process=True,  # another process than the app holding the vault
    )
    assert result.returncode == 2
    assert "already open" in result.stderr
    _no_traceback(result)
