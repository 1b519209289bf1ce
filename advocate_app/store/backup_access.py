"""Proving access to a backup: who may open it and its data key from its own key slots.

A backup keeps the key slots as they were on the day it was made: the person types the
passphrase of one of its users (named by id or by name; the only user needs no name) or the
office's recovery key. Every refusal says what to do and changes nothing; a malformed slot in
the untrusted file is a refusal too, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import crypto
from advocate_app.store.backup_file import (
    BackupDamaged,
    BackupInfo,
    BackupInvalid,
    read_backup_info,
    read_backup_keys,
    refuse,
)
from advocate_app.store.errors import VaultError, WrongPassphrase, WrongRecoveryKey
from advocate_app.store.keyslots import KeysFile


class BackupWrongPassphrase(BackupInvalid):
    pass


class BackupUserUnknown(BackupInvalid):
    pass


class BackupUserAmbiguous(BackupUserUnknown):
    """The backup has several users and no name was given."""


@dataclass(frozen=True)
class BackupCredentials:
    """How the person proves they may open a backup: a passphrase of a user in the backup
    (named by id or by name; the only user when the backup has one), or the recovery key."""

    passphrase: str | None = None
    user_id: str | None = None
    user_name: str | None = None
    recovery_key: str | None = None

    def __repr__(self) -> str:  # never print a secret into a log or a traceback
        return (
            f"BackupCredentials(user_id={self.user_id!r}, user_name=<hidden>, "
            f"passphrase={'<set>' if self.passphrase else None}, "
            f"recovery_key={'<set>' if self.recovery_key else None})"
        )


@dataclass(frozen=True)
class BackupUser:
    id: str
    name: str


def backup_users(path: Path) -> list[BackupUser]:
    """The users whose passphrase slots the backup holds (names shown on the unlock screen)."""
    keys = read_backup_keys(path)
    return [
        BackupUser(str(slot.user_id), str(slot.label))
        for slot in keys.passphrase_slots()
        if slot.user_id
    ]


def _wrong_passphrase() -> BackupWrongPassphrase:
    return BackupWrongPassphrase(
        QT_TR_NOOP(
            "That passphrase does not open this backup. A backup keeps the passphrases as "
            "they were "
            "on the day it was made: if yours changed since, type the old one, or use the office's "
            "recovery key. Nothing was changed."
        )
    )


def unwrap_backup_key(keys: KeysFile, credentials: BackupCredentials) -> bytearray:
    """The backup's data key from its own slots, or a specific refusal."""
    try:
        if credentials.recovery_key:
            try:
                return keys.unwrap_with_recovery_key(credentials.recovery_key)
            except WrongRecoveryKey as exc:
                if type(exc) is WrongRecoveryKey:  # well formed, but not this backup's
                    raise BackupWrongPassphrase(
                        QT_TR_NOOP(
                            "That recovery key does not open this backup: it belongs to "
                            "another "
                            "vault. Nothing was changed."
                        )
                    ) from exc
                raise  # a typing mistake, with its own specific message
        if not credentials.passphrase:
            raise BackupWrongPassphrase(
                QT_TR_NOOP("Type a passphrase or the recovery key. Nothing was changed.")
            )
        user_id = backup_user_id(keys, credentials)
        try:
            return keys.unwrap_with_passphrase(user_id, credentials.passphrase)
        except WrongPassphrase as exc:
            raise _wrong_passphrase() from exc
    except (BackupInvalid, WrongRecoveryKey):
        raise
    except VaultError as exc:  # key slots out of bounds or malformed
        raise refuse(BackupDamaged, "its list of who can sign in is damaged or unsafe.") from exc
    except Exception as exc:  # untrusted file content: any malformed slot is a refusal
        raise refuse(BackupDamaged, "its list of who can sign in is damaged.") from exc


def backup_user_id(keys: KeysFile, credentials: BackupCredentials) -> str:
    """Whose slot in the backup these credentials name, or a refusal that says why none."""
    slots = [s for s in keys.passphrase_slots() if s.user_id]
    if credentials.user_id and any(s.user_id == credentials.user_id for s in slots):
        return credentials.user_id
    if credentials.user_name:
        wanted = credentials.user_name.casefold()
        named = [s for s in slots if str(s.label).casefold() == wanted]
        if len(named) == 1:
            return str(named[0].user_id)
        if not named:
            raise BackupUserUnknown(
                QT_TR_NOOP(
                    "No user by that name is in this backup. Choose one of its users, or "
                    "use the "
                    "recovery key. Nothing was changed."
                )
            )
    if len(slots) == 1:
        return str(slots[0].user_id)
    if credentials.user_id and not credentials.user_name:
        raise BackupUserUnknown(
            QT_TR_NOOP(
                "You were not yet a user of this vault when this backup was made. Ask a "
                "user who "
                "was, or use the recovery key. Nothing was changed."
            )
        )
    raise BackupUserAmbiguous(
        QT_TR_NOOP(
            "This backup has several users: say whose passphrase this is. Nothing was changed."
        )
    )


def check_backup_access(path: Path, credentials: BackupCredentials) -> BackupInfo:
    """Quick pre-check for a dialog: the file is a backup and these credentials open its key
    slots (about a second: one key derivation). Refuses specifically; changes nothing."""
    info = read_backup_info(path)
    keys = read_backup_keys(path)
    crypto.zero(unwrap_backup_key(keys, credentials))
    return info
