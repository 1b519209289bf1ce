"""Private files (issue 12 point 6): with the usual umask 022 in effect before the app starts,
every folder the app makes is 0700 and every file 0600, after every operation; a vault made
with looser modes is fixed when it is opened."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from advocate_app.paths import log_dir
from advocate_app.store import backup, clients, notes, users
from advocate_app.store.clients import ClientFields
from advocate_app.store.vault import Vault
from tests.helpers import PASSPHRASE, run_cli


def loose(root: Path) -> list[str]:
    """Everything below root (root included) that someone else on the computer could read."""
    found = []
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        mode = stat.S_IMODE(path.stat().st_mode)
        wanted = 0o700 if path.is_dir() else 0o600
        if mode != wanted:
            found.append(f"{path.relative_to(root.parent)} {oct(mode)}")
    return found


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_the_store_makes_every_file_private_whatever_the_umask(
    umask_022: None, tmp_path: Path
) -> None:
    folder = tmp_path / "office"
    vault, _recovery = Vault.create(
        folder,
        office_name="Riverbend Advocacy",
        user_name="Maria",
        passphrase=PASSPHRASE,
        kdf_target_seconds=0,
    )
    try:
        assert loose(folder) == [], "set up"
        cid = clients.create_client(vault, ClientFields(alias="Rosa K"))
        notes.add_note(vault, cid, "contact", "first contact")
        assert loose(folder) == [], "note"
        backup.auto_backup_if_due(vault)
        assert loose(folder) == [], "automatic backup"
        jo = users.add_user(vault, "Jo", "advocate").user.id
        assert loose(folder) == [], "user added"
        users.remove_user(vault, jo)
        assert loose(folder) == [], "user removed (re-key)"
    finally:
        vault.close()


def test_an_older_vault_with_loose_modes_is_fixed_on_open(vault_dir: Path) -> None:
    for path in [vault_dir, *vault_dir.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    assert loose(vault_dir)
    Vault.open(vault_dir).close()
    assert loose(vault_dir) == []


def test_the_command_line_under_umask_022(tmp_path: Path, vault_template) -> None:
    """init, backup, summary and restore through the command's main(), which sets umask 077.
    init runs as a fresh `python -m advocate_app` (the real entry point, and a log file made by
    a fresh process); the others in this process, each started under umask 022."""
    folder = tmp_path / "office"
    made = run_cli(
        "init",
        "--data-dir",
        str(folder),
        "--office",
        "Riverbend Advocacy",
        "--user",
        "Maria",
        "--passphrase-stdin",
        "--kdf-seconds",
        "0",
        stdin=PASSPHRASE + "\n",
        umask=0o022,
        process=True,
    )
    assert made.returncode == 0, made.stderr
    assert loose(folder) == [], "init"
    usb = tmp_path / "usb"
    usb.mkdir()
    out = run_cli(
        "backup",
        "--data-dir",
        str(folder),
        "--out",
        str(usb / "office.acbackup"),
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
        umask=0o022,
    )
    assert out.returncode == 0, out.stderr
    assert loose(folder) == [] and stat.S_IMODE((usb / "office.acbackup").stat().st_mode) == 0o600
    pdf = run_cli(
        "summary",
        "--data-dir",
        str(folder),
        "--period",
        "2026-Q1",
        "--out",
        str(usb / "summary.pdf"),
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
        umask=0o022,
    )
    assert pdf.returncode == 0, pdf.stderr
    assert stat.S_IMODE((usb / "summary.pdf").stat().st_mode) == 0o600
    back = run_cli(
        "restore",
        str(usb / "office.acbackup"),
        "--data-dir",
        str(folder),
        "--passphrase-stdin",
        "--yes",
        stdin=PASSPHRASE + "\n",
        umask=0o022,
    )
    assert back.returncode == 0, back.stderr
    assert list(folder.glob("before-restore-*"))
    assert loose(folder) == [], "restore"
    assert loose(log_dir()) == [], "log"
