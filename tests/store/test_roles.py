"""Roles enforced in the store API (issue 12 point 2), so the GUI and the CLI obey one rule."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from advocate_app.store import backup, needs, users
from advocate_app.store.errors import NotAllowed
from advocate_app.store.restore import (
    BackupCredentials,
    authorize_restore_from_vault,
    restore_backup,
)
from advocate_app.store.summary_queries import compute_counts
from advocate_app.store.vault import CurrentUser, Vault
from tests.helpers import FIRST_USER, PASSPHRASE

NEW = "lantern orchard pebble violin 77"


def _as_advocate(vault: Vault) -> None:
    me = vault.current_user
    vault.user = CurrentUser(me.id, me.name, "advocate", False)


def test_what_an_advocate_may_not_do(vault: Vault, tmp_path: Path) -> None:
    _as_advocate(vault)
    with pytest.raises(NotAllowed, match="supervisor"):
        compute_counts(vault, date(2026, 1, 1), date(2026, 3, 31), "Q")
    with pytest.raises(NotAllowed, match="outside the vault's folder"):
        backup.backup_vault(vault, tmp_path / "out.acbackup")
    with pytest.raises(NotAllowed):
        backup.backup_to_folder(vault, tmp_path)
    assert not (tmp_path / "out.acbackup").exists()
    with pytest.raises(NotAllowed):
        authorize_restore_from_vault(vault)
    with pytest.raises(NotAllowed):
        needs.add_template_item(vault, "housing", "Storage unit")
    with pytest.raises(NotAllowed):
        users.add_user(vault, "Jo", "advocate")
    # The daily automatic backup inside the vault's folder is anyone's.
    assert backup.auto_backup_if_due(vault) is not None


def test_a_supervisor_of_the_open_vault_restores_a_backup_from_before_a_change(
    vault: Vault, tmp_path: Path
) -> None:
    old = tmp_path / "old.acbackup"
    vault.backup_to(old)
    users.change_own_passphrase(vault, PASSPHRASE, NEW)
    # The backup's passphrase is not the one the vault in the folder accepts today...
    credentials = BackupCredentials(passphrase=PASSPHRASE, user_name=FIRST_USER)
    folder = vault.folder
    authorization = authorize_restore_from_vault(vault)
    vault.close()
    with pytest.raises(NotAllowed, match="passphrase you use today"):
        restore_backup(folder, old, credentials)
    # ...but the unlocked app vouches for its supervisor.
    result = restore_backup(folder, old, credentials, authorization=authorization)
    assert result.kept_aside is not None
