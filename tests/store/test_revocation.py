"""Revocation is real (issue 12 point 1): after a user is removed, their passphrase is reset,
or a passphrase is changed because someone else may know it, neither the old passphrase nor
the old data key opens anything in the data folder, while everyone else still gets in."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from advocate_app.store import backup, backup_file, notes, users
from advocate_app.store.clients import ClientFields, create_client
from advocate_app.store.engine import connect_keyed
from advocate_app.store.errors import KeysDoNotMatchVault, VaultError
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import KEYS_FILE_NAME
from advocate_app.store.restore import (
    BackupCredentials,
    unwrap_backup_key,
    verify_backup_with,
)
from advocate_app.store.vault import Vault
from tests.helpers import FIRST_USER, PASSPHRASE

NEW_OWN = "lantern orchard pebble violin 77"


def _prepare(vault: Vault) -> tuple[str, str, bytearray]:
    """A second user, some records, an automatic and a before-upgrade backup, a kept-aside
    vault from a restore and a stale `.prev` keys file an earlier version left: every place a
    revoked secret could still open something. Returns (Jo's id, Jo's passphrase, data key)."""
    added = users.add_user(vault, "Jo", "advocate")
    cid = create_client(vault, ClientFields(alias="Rosa K"))
    notes.add_note(vault, cid, "contact", "first contact")
    backup.auto_backup_if_due(vault)
    vault.backup_to(vault.backup_dir / "before-upgrade-20260101-000000.acbackup")
    folder = vault.folder
    shutil.copyfile(folder / KEYS_FILE_NAME, folder / (KEYS_FILE_NAME + ".prev"))
    aside = folder / "before-restore-20260102-000000"
    aside.mkdir()
    vault.checkpoint()
    shutil.copyfile(folder / "vault.db", aside / "vault.db")
    shutil.copyfile(folder / KEYS_FILE_NAME, aside / KEYS_FILE_NAME)
    return added.user.id, added.temporary_passphrase, vault.data_key_copy()


def _keys_documents(folder: Path) -> list[tuple[Path, KeysFile]]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and KEYS_FILE_NAME in path.name:
            found.append((path, KeysFile.from_document(json.loads(path.read_bytes()))))
        elif path.is_file() and path.name.endswith(".acbackup"):
            found.append((path, backup_file.read_backup_keys(path)))
    return found


def _old_secret_opens(
    folder: Path, user_id: str, passphrase: str, old_key: bytearray, tmp_path: Path
) -> list[str]:
    """Every file in the data folder that the old passphrase or the old data key opens."""
    opened: list[str] = []
    for path, keys in _keys_documents(folder):
        if keys.slot_for_user(user_id) is None:
            continue
        try:
            keys.unwrap_with_passphrase(user_id, passphrase)
            opened.append(f"{path.relative_to(folder)} (passphrase)")
        except VaultError:
            pass
    databases = [p for p in folder.rglob("vault.db") if p.is_file()]
    for n, path in enumerate(folder.rglob("*.acbackup")):
        dest = tmp_path / f"unpacked-{n}"
        dest.mkdir(parents=True)
        backup_file.extract_backup(path, dest)
        databases.append(dest / "vault.db")
    for db in databases:
        try:
            connect_keyed(db, old_key, check=False).close()
            opened.append(f"{db.name} in {db.parent.name} (old data key)")
        except KeysDoNotMatchVault:
            pass
    return opened


def _everyone_else_gets_in(folder: Path, vault_template) -> None:
    with Vault.open(folder) as again:
        maria = next(u.id for u in again.users_for_unlock() if u.name == FIRST_USER)
        again.unlock(maria, PASSPHRASE)
        assert again.integrity_problems() == []
        assert notes.search_notes(again, "contact")
        again.lock()
        again.unlock_with_recovery_key(maria, vault_template.recovery_key)
    for path in sorted((folder / "backups").glob("*.acbackup")):
        verify_backup_with(path, BackupCredentials(passphrase=PASSPHRASE, user_name=FIRST_USER))
        keys = backup_file.read_backup_keys(path)
        unwrap_backup_key(keys, BackupCredentials(recovery_key=vault_template.recovery_key))


def test_a_removed_users_old_secrets_open_nothing_in_the_data_folder(
    vault: Vault, vault_template, tmp_path: Path
) -> None:
    jo, jo_passphrase, old_key = _prepare(vault)
    assert _old_secret_opens(vault.folder, jo, jo_passphrase, old_key, tmp_path / "before")

    result = users.remove_user(vault, jo)

    assert result.backups_reencrypted == 2 and result.backups_deleted == 0
    assert _old_secret_opens(vault.folder, jo, jo_passphrase, old_key, tmp_path / "after") == []
    assert not (vault.folder / (KEYS_FILE_NAME + ".prev")).exists()
    assert not any(p.name.startswith(".rekey-") for p in vault.folder.iterdir())
    # The app goes on working with the new key, and keeps every record.
    notes.add_note(vault, create_client(vault, ClientFields(alias="After")), "contact", "later")
    assert [u.name for u in users.list_users(vault)] == [FIRST_USER]
    vault.close()
    _everyone_else_gets_in(vault.folder, vault_template)


def test_removing_can_delete_the_old_backups_instead(vault: Vault, tmp_path: Path) -> None:
    jo, jo_passphrase, old_key = _prepare(vault)
    result = users.remove_user(vault, jo, old_backups=users.OldBackups.DELETE)
    assert result.backups_deleted == 2
    assert list((vault.folder / "backups").glob("*.acbackup")) == []
    assert _old_secret_opens(vault.folder, jo, jo_passphrase, old_key, tmp_path) == []


def test_a_reset_passphrase_and_a_change_someone_may_know(vault: Vault, tmp_path: Path) -> None:
    jo, jo_passphrase, old_key = _prepare(vault)
    reset = users.reset_passphrase(vault, jo)
    assert reset.temporary_passphrase != jo_passphrase
    assert _old_secret_opens(vault.folder, jo, jo_passphrase, old_key, tmp_path / "a") == []
    maria = vault.current_user.id
    key_after_reset = vault.data_key_copy()
    users.change_own_passphrase(vault, PASSPHRASE, NEW_OWN, someone_else_may_know=True)
    assert _old_secret_opens(vault.folder, maria, PASSPHRASE, key_after_reset, tmp_path / "b") == []
    vault.close()
    with Vault.open(vault.folder) as again:
        user = again.unlock(jo, reset.temporary_passphrase)
        assert user.must_change_passphrase  # Jo chooses their own at the next unlock
        again.lock()
        again.unlock(maria, NEW_OWN)


def test_only_a_supervisor_may_delete_backups_and_reset(vault: Vault) -> None:
    from advocate_app.store.errors import NotAllowed

    added = users.add_user(vault, "Jo", "advocate")
    vault.lock()
    vault.unlock(added.user.id, added.temporary_passphrase)
    with pytest.raises(NotAllowed):
        users.reset_passphrase(vault, added.user.id)
    with pytest.raises(NotAllowed):
        users.change_own_passphrase(
            vault, None, NEW_OWN, someone_else_may_know=True, old_backups="delete"
        )
