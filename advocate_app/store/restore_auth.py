"""Who may restore a backup into a folder: a supervisor of the vault that is there now.

A backup's own users are not enough (a removed user holds old backups too), so the proof is
taken from the vault now in the folder: its unlocked current user (the GUI), or the same
credentials tried against its key slots and its users table (the command line, the damaged
screen). A folder whose vault cannot be read cannot say who its supervisors are.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import crypto
from advocate_app.store.backup_access import BackupCredentials
from advocate_app.store.engine import connect_keyed, quiet_sqlcipher
from advocate_app.store.errors import (
    KeysDoNotMatchVault,
    KeysFileMissing,
    NotAllowed,
    VaultDamaged,
    VaultError,
    WrongPassphrase,
    WrongRecoveryKey,
)
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import DB_FILE_NAME, KEYS_FILE_NAME

if TYPE_CHECKING:
    from advocate_app.store.vault import Vault


@dataclass(frozen=True)
class RestoreAuthorization:
    """Proof, taken from the vault now in the folder, that a supervisor of *that* vault asked for
    the restore (a backup's own users are not enough: a removed user holds old backups too).
    Roles are not a cryptographic boundary (DESIGN.md): this guards mistakes and casual misuse."""

    vault_id: str | None
    user_id: str | None
    by: str  # "supervisor", "recovery key" or "unreadable vault"


ONLY_SUPERVISOR = (
    "Only a supervisor of the vault in this folder can restore a backup into "
    "it. Nothing was changed."
)


def authorize_restore_from_vault(vault: Vault) -> RestoreAuthorization:
    """From the unlocked vault (the GUI): its current user must be a supervisor."""
    user = vault.current_user
    if not user.is_supervisor or user.must_change_passphrase:
        raise NotAllowed(ONLY_SUPERVISOR)
    return RestoreAuthorization(vault.keys.vault_id, user.id, "supervisor")


def current_vault_exists(folder: Path) -> bool:
    """Whether the folder holds a vault (or what is left of one) that a restore would replace."""
    return (folder / DB_FILE_NAME).exists() or (folder / KEYS_FILE_NAME).exists()


def authorize_restore(folder: Path, credentials: BackupCredentials) -> RestoreAuthorization:
    """The same credentials, tried against the vault *now* in the folder: a passphrase of one
    of its active supervisors (who has set their own passphrase), or its recovery key. When its
    database cannot be read, its roles cannot be either: then any of its current key slots
    will do. An empty folder needs nothing."""
    folder = Path(folder)
    if not current_vault_exists(folder):
        return RestoreAuthorization(None, None, "empty folder")
    try:
        keys = KeysFile.load(folder)
    except (KeysFileMissing, VaultError, OSError):
        # Without its keys file nobody can open the vault in the folder, or prove anything.
        return RestoreAuthorization(None, None, "unreadable vault")
    if credentials.recovery_key:
        try:
            crypto.zero(keys.unwrap_with_recovery_key(credentials.recovery_key))
        except WrongRecoveryKey as exc:
            raise NotAllowed(
                QT_TR_NOOP(
                    "That recovery key is not the one of the vault in this "
                    "folder. "
                    "Nothing was changed."
                )
            ) from exc
        return RestoreAuthorization(keys.vault_id, None, "recovery key")
    slots = [s for s in keys.passphrase_slots() if s.user_id]
    slot = None
    if credentials.user_id:
        slot = next((s for s in slots if s.user_id == credentials.user_id), None)
    if slot is None and credentials.user_name:
        wanted = credentials.user_name.casefold()
        slot = next((s for s in slots if str(s.label).casefold() == wanted), None)
    if slot is None and not credentials.user_name:
        # No name given: the slot this passphrase opens, whoever's it is (few users; each try
        # costs one key derivation).
        candidates = slots
    else:
        candidates = [slot] if slot is not None else []
    if not candidates or not credentials.passphrase:
        raise NotAllowed(ONLY_SUPERVISOR)
    key = None
    for candidate in candidates:
        try:
            key = keys.unwrap_with_passphrase(str(candidate.user_id), credentials.passphrase)
        except WrongPassphrase:
            continue
        slot = candidate
        break
    if key is None or slot is None:
        raise NotAllowed(
            QT_TR_NOOP(
                "That passphrase does not open the vault now in this folder. To restore, "
                "type the "
                "passphrase you use today (a supervisor's), or use the recovery key. Nothing was "
                "changed."
            )
        )
    try:
        quiet_sqlcipher()
        try:
            conn = connect_keyed(folder / DB_FILE_NAME, key, check=False)
        except (KeysDoNotMatchVault, VaultDamaged, VaultError):
            return RestoreAuthorization(keys.vault_id, str(slot.user_id), "unreadable vault")
        try:
            row = conn.execute(
                "SELECT role, active, must_change_passphrase FROM users WHERE id = ?",
                (str(slot.user_id),),
            ).fetchone()
        except Exception:  # damaged pages: the roles cannot be read
            return RestoreAuthorization(keys.vault_id, str(slot.user_id), "unreadable vault")
        finally:
            conn.close()
    finally:
        crypto.zero(key)
    if row is None or row[0] != "supervisor" or not row[1] or row[2]:
        raise NotAllowed(ONLY_SUPERVISOR)
    return RestoreAuthorization(keys.vault_id, str(slot.user_id), "supervisor")
