"""`advocate-app check`: a diagnosis that only reads, and exit codes a script can trust
(0 healthy, 1 damaged or incomplete, 2 wrong passphrase or usage, 3 the folder cannot be read or
written). Run in-process (cli.main) so the files can be watched byte for byte."""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from advocate_app import cli
from advocate_app.store import folder as vault_folder
from advocate_app.store.diagnose import Problem, diagnose
from advocate_app.store.errors import VaultReadOnly
from advocate_app.store.vault import Vault
from tests.helpers import PASSPHRASE, sha_map


def check(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    passphrase: str = PASSPHRASE,
) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(passphrase + "\n"))
    code = cli.main(["check", "--data-dir", str(folder), "--passphrase-stdin"])
    out = capsys.readouterr()
    text = out.out + out.err
    assert "Traceback" not in text and "unexpected" not in text, text
    return code, text


def listing(folder: Path) -> dict[str, str]:
    """Every file, the lock file included, and its digest: a diagnosis adds, changes and removes
    nothing."""
    names = {str(p.relative_to(folder)) for p in folder.rglob("*")}
    return {**dict.fromkeys(names, ""), **sha_map(folder)}


def _flip_data_page(folder: Path) -> None:
    db = folder / "vault.db"
    data = bytearray(db.read_bytes())
    page = 4096 * 2
    for i in range(page + 100, page + 200):
        data[i] ^= 0xFF
    db.write_bytes(bytes(data))


def test_healthy_and_wrong_passphrase(vault_dir: Path, monkeypatch, capsys) -> None:
    before = listing(vault_dir)
    code, text = check(vault_dir, monkeypatch, capsys)
    assert code == 0 and "Healthy" in text
    code, text = check(vault_dir, monkeypatch, capsys, passphrase="not the passphrase")
    assert code == 2 and "not right" in text
    assert listing(vault_dir) == before


@pytest.mark.parametrize("damage", ["pages", "empty_db", "no_keys", "no_db", "restore", "setup"])
def test_damage_exits_1_with_what_to_do_and_writes_nothing(
    vault_dir: Path, damage: str, monkeypatch, capsys
) -> None:
    if damage == "pages":
        _flip_data_page(vault_dir)
    elif damage == "empty_db":
        (vault_dir / "vault.db").write_bytes(b"")
    elif damage == "no_keys":
        (vault_dir / "vault.keys.json").unlink()
    elif damage == "no_db":
        (vault_dir / "vault.db").unlink()
    elif damage == "restore":
        staging = vault_dir / ".restore-0123456789ab"
        staging.mkdir()
        shutil.copy2(vault_dir / "vault.db", staging / "vault.db")
        shutil.copy2(vault_dir / "vault.keys.json", staging / "vault.keys.json")
        (staging / "READY").write_text(json.dumps({"backup_created": "2031-01-01T00:00:00"}))
    else:
        (vault_dir / ".setup-incomplete").write_bytes(b"")
    before = listing(vault_dir)
    code, text = check(vault_dir, monkeypatch, capsys)
    assert code == 1, text
    assert listing(vault_dir) == before, "the diagnosis changed a file"
    advice = {
        "pages": "backup",
        "empty_db": "backup",
        "no_keys": "backup",
        "no_db": "backup",
        "restore": "finish",
        "setup": "init",
    }[damage]
    assert advice in text.lower(), text


def test_no_vault_and_a_file_instead_of_a_folder(tmp_path: Path, monkeypatch, capsys) -> None:
    code, text = check(tmp_path / "nothing-here", monkeypatch, capsys)
    assert code == 1 and "no vault" in text.lower()
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    code, text = check(a_file, monkeypatch, capsys)
    assert code == 2 and "not a folder" in text


def _read_only(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Tests run as root, which ignores permission bits: refuse writes the way a read-only mount
    does, for the vault folder and everything in it."""
    real_access = os.access

    def access(path, mode, *args, **kwargs):  # type: ignore[no-untyped-def]
        if mode & os.W_OK and str(path).startswith(str(folder)):
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)


def test_a_read_only_vault_is_named_as_such_not_as_damage(
    vault_dir: Path, monkeypatch, capsys
) -> None:
    before = listing(vault_dir)
    _read_only(monkeypatch, vault_dir)
    code, text = check(vault_dir, monkeypatch, capsys)
    assert code == 3, text
    assert "cannot be written" in text and "damaged" not in text.replace("not damaged", "")
    assert diagnose(vault_dir).kind is Problem.READ_ONLY
    with pytest.raises(VaultReadOnly, match="cannot be written"):
        Vault.open(vault_dir)
    assert listing(vault_dir) == before


def test_a_read_only_mount_met_while_taking_the_lock_is_named(
    vault_dir: Path, monkeypatch, capsys
) -> None:
    from advocate_app.store import lockfile

    def refuse(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(lockfile, "open", refuse, raising=False)
    with pytest.raises(VaultReadOnly):
        Vault.open(vault_dir)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    code = cli.main(
        [
            "backup",
            "--data-dir",
            str(vault_dir),
            "--out",
            str(vault_dir.parent),
            "--passphrase-stdin",
        ]
    )
    assert code == 3
    assert "cannot be written" in capsys.readouterr().err


def test_folder_helpers_agree_with_check(vault_dir: Path) -> None:
    assert vault_folder.holds_vault(vault_dir)
    vault_folder.require_writable(vault_dir)
