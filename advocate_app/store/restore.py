"""Restoring a backup into a vault folder that no process has open.

The backup is unpacked into a hidden staging folder inside the vault folder (the same disk, so
the final moves are atomic renames), opened with the backup's *own* key slots (the person proves
they may: a passphrase of a user in the backup, or the recovery key), and must pass both
integrity checks. Only then is a READY mark written, the current vault files are moved into
`before-restore-<stamp>/` (never deleted) and the restored files are moved in. A restore
interrupted after READY is finished by `finish_interrupted_restore` (the next start, or the next
restore); one interrupted before READY left the vault untouched and its staging folder is
removed. Any refusal changes nothing.

Proving access to a backup is backup_access.py, who may restore is restore_auth.py and what a
restore would replace is restore_preview.py; their names are importable from here too.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import crypto, migrate
from advocate_app.store.backup_access import (
    BackupCredentials,
    BackupUser,
    BackupUserAmbiguous,
    BackupUserUnknown,
    BackupWrongPassphrase,
    backup_users,
    check_backup_access,
    unwrap_backup_key,
)
from advocate_app.store.backup_file import (
    BackupDamaged,
    BackupInfo,
    BackupInvalid,
    BackupNotWritten,
    BackupTooNew,
    extract_backup,
    read_backup_info,
    refuse,
)
from advocate_app.store.diagnose import folder_vault_id
from advocate_app.store.engine import connect_keyed, integrity_problems, quiet_sqlcipher
from advocate_app.store.errors import (
    KeysDoNotMatchVault,
    NotAllowed,
    VaultDamaged,
    VaultError,
)
from advocate_app.store.folder import discard_incomplete_setup
from advocate_app.store.fsutil import fsync_dir
from advocate_app.store.interrupted import (
    finish_restore_locked,
    restore_staging_folders,
    roll_forward_restore,
)
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import DB_FILE_NAME, RESTORE_READY_FILE, RESTORE_STAGING_PREFIX
from advocate_app.store.lockfile import FolderLock
from advocate_app.store.restore_auth import (
    ONLY_SUPERVISOR,
    RestoreAuthorization,
    authorize_restore,
    authorize_restore_from_vault,
    current_vault_exists,
)
from advocate_app.store.restore_preview import RestorePreview, restore_preview

Progress = Callable[[int], None]


class BackupFromAnotherVault(BackupInvalid):
    pass


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
            if current_vault_exists(folder):
                if authorization is None:
                    # The same credentials, tried against the vault now in the folder.
                    authorization = authorize_restore(folder, credentials)
                elif authorization.vault_id not in (None, folder_vault_id(folder)):
                    raise NotAllowed(ONLY_SUPERVISOR)
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
