"""Restoring a backup into a vault folder that no process has open.

The backup is unpacked into a hidden staging folder inside the vault folder (the same disk, so
the final moves are atomic renames), opened with the backup's *own* key slots (the person proves
they may: a passphrase of a user in the backup, or the recovery key), and must pass both
integrity checks. Only then is a READY mark written, the current vault files are moved into
`before-restore-<stamp>/` (never deleted) and the restored files are moved in. A restore
interrupted after READY is finished by `finish_interrupted_restore` (the next start, or the next
restore); one interrupted before READY left the vault untouched and its staging folder is
removed. Any refusal changes nothing.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic.script import ScriptDirectory

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import crypto, migrate
from advocate_app.store.backup_file import (
    BackupDamaged,
    BackupInfo,
    BackupInvalid,
    BackupNotWritten,
    BackupTooNew,
    extract_backup,
    read_backup_info,
    read_backup_keys,
    refuse,
)
from advocate_app.store.diagnose import folder_vault_id
from advocate_app.store.engine import (
    connect_keyed,
    integrity_problems,
    quiet_sqlcipher,
    read_only_connection,
)
from advocate_app.store.errors import (
    KeysDoNotMatchVault,
    KeysFileMissing,
    NotAllowed,
    VaultDamaged,
    VaultError,
    WrongPassphrase,
    WrongRecoveryKey,
)
from advocate_app.store.folder import discard_incomplete_setup
from advocate_app.store.fsutil import fsync_dir
from advocate_app.store.interrupted import (
    finish_restore_locked,
    restore_staging_folders,
    roll_forward_restore,
)
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import (
    DB_FILE_NAME,
    KEYS_FILE_NAME,
    RESTORE_READY_FILE,
    RESTORE_STAGING_PREFIX,
)
from advocate_app.store.lockfile import FolderLock
from advocate_app.store.vault import Vault

Progress = Callable[[int], None]


class BackupWrongPassphrase(BackupInvalid):
    pass


class BackupUserUnknown(BackupInvalid):
    pass


class BackupUserAmbiguous(BackupUserUnknown):
    """The backup has several users and no name was given."""


class BackupFromAnotherVault(BackupInvalid):
    pass


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
class RestoreRequest:
    """What the Backups section and the damaged screen hand to the controller."""

    path: Path
    credentials: BackupCredentials
    allow_other_vault: bool = False
    authorization: RestoreAuthorization | None = None  # set by the controller when unlocked


@dataclass(frozen=True)
class RestoreResult:
    backup: BackupInfo
    folder: Path
    kept_aside: Path | None  # where the vault as it was now lives (None: the folder was empty)


@dataclass(frozen=True)
class BackupUser:
    id: str
    name: str


# --- proving access ---------------------------------------------------------------------------


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
        user_id = _backup_user_id(keys, credentials)
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


def _backup_user_id(keys: KeysFile, credentials: BackupCredentials) -> str:
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


def verify_backup_with(path: Path, credentials: BackupCredentials) -> BackupInfo:
    """The full check without restoring: unpack to a temporary folder, open with the backup's
    own keys, both integrity checks."""
    info = read_restorable_info(path)
    work = Path(tempfile.mkdtemp(prefix="advocate-verify-"))
    try:
        keys = extract_backup(path, work)
        _check_staged(work, keys, info, credentials)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return info


# --- what a restore would replace -------------------------------------------------------------


@dataclass(frozen=True)
class RestorePreview:
    """What restoring this backup into this folder would replace. Counts are None when the
    current vault could not be read with the credentials given for the backup."""

    backup: BackupInfo
    has_current_vault: bool
    newer_notes: int | None = None  # written or edited after the backup was made
    newer_clients: int | None = None  # added after the backup was made
    users_added_since: tuple[str, ...] = ()  # names on the unlock screen (staff, not clients)
    passphrases_changed_since: int = 0


def restore_preview(
    folder: Path, backup_path: Path, credentials: BackupCredentials
) -> RestorePreview:
    """Check that the credentials open the backup (a refusal otherwise), then read, without
    changing anything, what in the current vault is newer than the backup."""
    folder = Path(folder)
    info = check_backup_access(Path(backup_path), credentials)
    backup_keys = read_backup_keys(Path(backup_path))
    try:
        current_keys: KeysFile | None = KeysFile.load(folder)
    except (VaultError, OSError):
        current_keys = None
    has_db = (folder / DB_FILE_NAME).exists()
    if current_keys is None and not has_db:
        return RestorePreview(info, has_current_vault=False)
    added: tuple[str, ...] = ()
    changed = 0
    newer_notes = newer_clients = None
    if current_keys is not None:
        backup_slots = {s.user_id: s for s in backup_keys.passphrase_slots() if s.user_id}
        current_slots = [s for s in current_keys.passphrase_slots() if s.user_id]
        added = tuple(str(s.label) for s in current_slots if s.user_id not in backup_slots)
        changed = sum(
            1
            for s in current_slots
            if s.user_id in backup_slots and backup_slots[s.user_id].slot_id != s.slot_id
        )
        if has_db:
            same_person = credentials
            if not credentials.recovery_key:
                # The same person's slot in the current vault (users are matched by id).
                same_person = BackupCredentials(
                    passphrase=credentials.passphrase,
                    user_id=_backup_user_id(backup_keys, credentials),
                )
            newer_notes, newer_clients = _count_newer(
                folder, current_keys, same_person, info.created
            )
    return RestorePreview(info, True, newer_notes, newer_clients, added, changed)


def _count_newer(
    folder: Path, keys: KeysFile, credentials: BackupCredentials, since: datetime
) -> tuple[int | None, int | None]:
    try:
        data_key = unwrap_backup_key(keys, credentials)
    except VaultError:
        return None, None  # these credentials do not open the current vault
    # As SQLAlchemy stores a DateTime in SQLite (UTC here), so the text compares in time order.
    cutoff = since.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    try:
        with read_only_connection(folder, data_key) as conn:
            notes = conn.execute(
                "SELECT count(*) FROM notes WHERE created_at > ? OR edited_at > ?", (cutoff, cutoff)
            ).fetchone()[0]
            clients = conn.execute(
                "SELECT count(*) FROM clients WHERE created_at > ?", (cutoff,)
            ).fetchone()[0]
    except Exception:  # a damaged current vault: nothing to count, the restore may go on
        return None, None
    finally:
        crypto.zero(data_key)
    return int(notes), int(clients)


# --- checks on the unpacked copy --------------------------------------------------------------


def _known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def read_restorable_info(path: Path) -> BackupInfo:
    """read_backup_info, and a refusal when this version cannot open the backup's schema."""
    info = read_backup_info(path)
    if info.schema_revision is not None and info.schema_revision not in _known_revisions():
        raise refuse(
            BackupTooNew,
            "it was made by a newer version of Advocate Companion. "
            "Install that version (or newer) to restore it.",
        )
    return info


def _check_staged(
    staging: Path, keys: KeysFile, info: BackupInfo, credentials: BackupCredentials
) -> None:
    """Open the unpacked database with the backup's own key and run every check."""
    if keys.vault_id != info.vault_id:
        raise refuse(BackupDamaged, "its parts do not belong together.")
    data_key = unwrap_backup_key(keys, credentials)
    try:
        quiet_sqlcipher()
        try:
            conn = connect_keyed(staging / DB_FILE_NAME, data_key, check=False)
        except (KeysDoNotMatchVault, VaultDamaged) as exc:
            raise refuse(
                BackupDamaged,
                "its database does not open with its own keys: it is damaged. Try an older backup.",
            ) from exc
        try:
            conn.execute("PRAGMA temp_store = 2")  # the check's sorting stays in memory
            try:
                problems = integrity_problems(lambda sql: conn.execute(sql).fetchall())
                stored_id = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
                revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            except Exception as exc:  # a malformed page can abort the checks themselves
                raise refuse(
                    BackupDamaged, "the vault file inside it is damaged. Try an older backup."
                ) from exc
        finally:
            conn.close()
    finally:
        crypto.zero(data_key)
    if problems:
        raise refuse(BackupDamaged, "the vault file inside it is damaged. Try an older backup.")
    if stored_id is None or stored_id[0] != keys.vault_id:
        raise refuse(BackupDamaged, "its keys and its database belong to different vaults.")
    if revision is None or revision[0] not in _known_revisions():
        raise refuse(
            BackupTooNew,
            "it was made by a newer version of Advocate Companion. "
            "Install that version (or newer) to restore it.",
        )


# --- moving files -----------------------------------------------------------------------------


def _finish_locked(folder: Path) -> bool:
    had_pending = any((s / RESTORE_READY_FILE).is_file() for s in restore_staging_folders(folder))
    finish_restore_locked(folder)
    return had_pending


def finish_interrupted_restore(folder: Path) -> bool:
    """Complete a restore that a crash or power cut interrupted (call before opening the vault).
    Returns True when one was finished. Raises VaultInUse if another process has the vault."""
    folder = Path(folder)
    if not restore_staging_folders(folder):
        return False
    lock = FolderLock(folder)
    lock.acquire()
    try:
        return _finish_locked(folder)
    except OSError as exc:
        raise VaultError(
            QT_TR_NOOP(
                "A restore that was interrupted could not be finished because the vault "
                "folder "
                "cannot be written. Check the disk, then start again; nothing was deleted."
            )
        ) from exc
    finally:
        lock.release()


# --- who may restore -------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreAuthorization:
    """Proof, taken from the vault now in the folder, that a supervisor of *that* vault asked for
    the restore (a backup's own users are not enough: a removed user holds old backups too).
    Roles are not a cryptographic boundary (DESIGN.md): this guards mistakes and casual misuse."""

    vault_id: str | None
    user_id: str | None
    by: str  # "supervisor", "recovery key" or "unreadable vault"


_ONLY_SUPERVISOR = (
    "Only a supervisor of the vault in this folder can restore a backup into "
    "it. Nothing was changed."
)


def authorize_restore_from_vault(vault: Vault) -> RestoreAuthorization:
    """From the unlocked vault (the GUI): its current user must be a supervisor."""
    user = vault.current_user
    if not user.is_supervisor or user.must_change_passphrase:
        raise NotAllowed(_ONLY_SUPERVISOR)
    return RestoreAuthorization(vault.keys.vault_id, user.id, "supervisor")


def _current_vault_exists(folder: Path) -> bool:
    return (folder / DB_FILE_NAME).exists() or (folder / KEYS_FILE_NAME).exists()


def authorize_restore(folder: Path, credentials: BackupCredentials) -> RestoreAuthorization:
    """The same credentials, tried against the vault *now* in the folder: a passphrase of one
    of its active supervisors (who has set their own passphrase), or its recovery key. When its
    database cannot be read, its roles cannot be either: then any of its current key slots
    will do. An empty folder needs nothing."""
    folder = Path(folder)
    if not _current_vault_exists(folder):
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
        raise NotAllowed(_ONLY_SUPERVISOR)
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
        raise NotAllowed(_ONLY_SUPERVISOR)
    return RestoreAuthorization(keys.vault_id, str(slot.user_id), "supervisor")


def restore_backup(
    folder: Path,
    backup_path: Path,
    credentials: BackupCredentials,
    *,
    authorization: RestoreAuthorization | None = None,
    allow_other_vault: bool = False,
    progress: Progress | None = None,
) -> RestoreResult:
    """Replace the vault in `folder` (which no process may have open) with a backup.

    Refuses, changing nothing, a file that is not a backup, is truncated, comes from a newer
    version, does not open with these credentials, fails an integrity check, or (unless
    allow_other_vault) belongs to a different vault. On success the previous vault files are in
    `RestoreResult.kept_aside` and the restored vault is ready for `Vault.open`.
    """
    report = progress or (lambda _p: None)
    folder = Path(folder)
    backup_path = Path(backup_path)
    info = read_restorable_info(backup_path)  # before touching anything: cheap and specific
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupNotWritten(
            QT_TR_NOOP(
                "The vault folder cannot be created or written, so "
                "nothing was "
                "restored. Check the disk and the folder."
            )
        ) from exc
    lock = FolderLock(folder)
    lock.acquire()
    try:
        try:
            _finish_locked(folder)
            discard_incomplete_setup(folder)
        except OSError as exc:
            raise BackupNotWritten(
                QT_TR_NOOP(
                    "The vault folder cannot be written, so nothing was "
                    "restored. Check the disk and the folder."
                )
            ) from exc
        report(5)
        current = folder_vault_id(folder)
        if not allow_other_vault and current is not None and current != info.vault_id:
            raise BackupFromAnotherVault(
                QT_TR_NOOP(
                    "This backup is of a different vault (another office, or an earlier "
                    "set-up), "
                    "not of this one. Nothing was changed."
                )
            )
        staging = folder / f"{RESTORE_STAGING_PREFIX}{secrets.token_hex(6)}"
        try:
            staging.mkdir()
            keys = extract_backup(backup_path, staging)
            report(40)
            _check_staged(staging, keys, info, credentials)
            # The backup is good and these credentials open it; now, may they replace the
            # vault that is here? (After the backup's own checks, so their refusals come first.)
            if _current_vault_exists(folder):
                if authorization is None:
                    # The same credentials, tried against the vault now in the folder.
                    authorization = authorize_restore(folder, credentials)
                elif authorization.vault_id not in (None, folder_vault_id(folder)):
                    raise NotAllowed(_ONLY_SUPERVISOR)
            report(85)
            marker = {"backup_created": info.created.isoformat()}
            with open(staging / RESTORE_READY_FILE, "w", encoding="utf-8") as fh:
                json.dump(marker, fh)
                fh.flush()
                os.fsync(fh.fileno())
            fsync_dir(staging)
            fsync_dir(folder)
        except BaseException as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if isinstance(exc, OSError):
                raise BackupNotWritten(
                    QT_TR_NOOP(
                        "The backup could not be unpacked: the disk is full or the vault "
                        "folder "
                        "cannot be written. Nothing was changed. Free some space, then try again."
                    )
                ) from exc
            raise
        # The point of no return: from here a crash is finished by finish_interrupted_restore.
        try:
            aside = roll_forward_restore(folder, staging)
        except OSError as exc:
            raise VaultError(
                QT_TR_NOOP(
                    "The restore could not be finished because the vault folder cannot be "
                    "written. "
                    "Nothing was deleted: start the app again once the disk is available, and the "
                    "restore will be completed."
                )
            ) from exc
        report(100)
        return RestoreResult(backup=info, folder=folder, kept_aside=aside)
    finally:
        lock.release()


__all__ = [
    "BackupCredentials",
    "BackupFromAnotherVault",
    "BackupUser",
    "BackupUserAmbiguous",
    "BackupUserUnknown",
    "BackupWrongPassphrase",
    "RestoreAuthorization",
    "RestorePreview",
    "RestoreRequest",
    "RestoreResult",
    "authorize_restore",
    "authorize_restore_from_vault",
    "backup_users",
    "check_backup_access",
    "finish_interrupted_restore",
    "read_restorable_info",
    "restore_backup",
    "restore_preview",
    "unwrap_backup_key",
    "verify_backup_with",
]
