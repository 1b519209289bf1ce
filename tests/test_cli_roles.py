"""Roles hold on the command line as in the app, because the store enforces them (issue 12
points 2 and 3): advocates cannot send a backup out or restore; a removed user cannot roll the
office back to their own backup; a temporary passphrase opens no command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from advocate_app.store import users
from advocate_app.store.vault import Vault
from tests.helpers import PASSPHRASE, run_cli_as, sha_map

JO = "lantern orchard pebble violin 77"
LEE = "meadow copper sparrow tunnel 31"


def _with_own_passphrase(vault: Vault, name: str, role: str, passphrase: str) -> str:
    """A user who has already replaced their temporary passphrase with their own."""
    added = users.add_user(vault, name, role)
    me = vault.current_user.id
    vault.lock()
    vault.unlock(added.user.id, added.temporary_passphrase)
    users.change_own_passphrase(vault, None, passphrase)
    vault.lock()
    vault.unlock(me, PASSPHRASE)
    return added.user.id


@pytest.fixture(scope="module")
def office_template(vault_template, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Maria (supervisor), Jo (advocate), Lee (supervisor, then removed) and Kim (an advocate
    who still has the temporary passphrase); a USB backup made while Lee was a user."""
    root = tmp_path_factory.mktemp("office")
    folder = root / "vault"
    shutil.copytree(vault_template.folder, folder, ignore=shutil.ignore_patterns("vault.lock"))
    vault = Vault.open(folder)
    vault.unlock(vault_template.user_id, PASSPHRASE)
    _with_own_passphrase(vault, "Jo", "advocate", JO)
    lee = _with_own_passphrase(vault, "Lee", "supervisor", LEE)
    kim = users.add_user(vault, "Kim", "advocate")
    lees_backup = root / "lee.acbackup"
    vault.backup_to(lees_backup)
    users.remove_user(vault, lee)
    vault.close()
    return {"folder": folder, "lees_backup": lees_backup, "kim": kim.temporary_passphrase}


@pytest.fixture
def office(office_template: dict, tmp_path: Path) -> dict:
    folder = tmp_path / "vault"
    shutil.copytree(office_template["folder"], folder)
    usb = tmp_path / "usb"
    usb.mkdir()
    shutil.copyfile(office_template["lees_backup"], usb / "lee.acbackup")
    return {**office_template, "folder": folder, "usb": usb, "lees_backup": usb / "lee.acbackup"}


def test_an_advocate_cannot_send_a_backup_out_of_the_data_folder(office: dict) -> None:
    out = run_cli_as(
        "backup",
        "--out",
        str(office["usb"]),
        data_dir=office["folder"],
        passphrase=JO,
        user="Jo",
    )
    assert out.returncode == 2
    assert "Only a supervisor can save a backup outside" in out.stderr
    assert "Traceback" not in out.stderr
    assert [p.name for p in office["usb"].iterdir()] == ["lee.acbackup"]


@pytest.mark.parametrize(
    ("user", "passphrase", "refusal"),
    [
        ("Jo", JO, "Only a supervisor of the vault in this folder"),
        ("Lee", LEE, "Nothing was changed"),  # removed since: their own backup is not enough
    ],
    ids=["an advocate", "a removed supervisor with their own backup"],
)
def test_who_cannot_restore(office: dict, user: str, passphrase: str, refusal: str) -> None:
    before = sha_map(office["folder"])
    out = run_cli_as(
        "restore",
        str(office["lees_backup"]),
        data_dir=office["folder"],
        passphrase=passphrase,
        user=user,
    )
    assert out.returncode == 2, out.stdout
    assert refusal in out.stderr and "Traceback" not in out.stderr
    assert sha_map(office["folder"]) == before


def test_a_temporary_passphrase_opens_no_command(office: dict) -> None:
    out = run_cli_as(
        "check",
        data_dir=office["folder"],
        passphrase=office["kim"],
        user="Kim",
    )
    assert out.returncode == 2
    assert "temporary one" in out.stderr and "choose your own passphrase" in out.stderr
