"""What is wrong with a vault folder, in plain words, without changing any file.

`diagnose(folder)` looks only at the files (no key needed): missing or damaged keys file, a keys
file from another vault, a truncated or overwritten database, a restore or a set-up that was
interrupted, a folder that cannot be written, and a partial last page left by an interrupted
checkpoint (which is "checkpoint needed", not damage: the write-ahead log still holds every
finished change). Given the data key it also runs both integrity checks; given the error an
unlock raised it names that.

Nothing here writes to the vault folder: the database is opened read-only and immutable
(`mode=ro&immutable=1`: no lock, no -shm) when no write-ahead log is beside it, and otherwise a
copy in a temporary folder (encrypted pages only) is checked, because even a read-only SQLite
connection may replay or checkpoint a WAL.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from advocate_app.i18n import QT_TR_NOOP, translate
from advocate_app.store.backup import list_backups
from advocate_app.store.backup_file import (
    BackupInfo,
    BackupInvalid,
    BackupNotWritten,
    check_backup_file,
    database_salt,
)
from advocate_app.store.crypto import Argon2Params
from advocate_app.store.engine import integrity_problems, read_only_connection
from advocate_app.store.errors import (
    KeysDoNotMatchVault,
    KeysFileDamaged,
    KeysFileMissing,
    KeysFileTooNew,
    KeysFileUnsafe,
    VaultDamaged,
    VaultError,
    VaultReadOnly,
)
from advocate_app.store.folder import require_writable, restore_pending, setup_incomplete
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import BACKUP_DIR_NAME, DB_FILE_NAME, KEYS_FILE_NAME
from advocate_app.store.wal import only_needs_checkpoint, partial_last_page

SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"


class Problem(StrEnum):
    HEALTHY = "healthy"
    CHECKPOINT_NEEDED = "checkpoint_needed"
    NO_VAULT = "no_vault"
    SETUP_INCOMPLETE = "setup_incomplete"
    READ_ONLY = "read_only"
    RESTORE_INTERRUPTED = "restore_interrupted"
    DATABASE_MISSING = "database_missing"
    DATABASE_TRUNCATED = "database_truncated"
    HEADER_DAMAGED = "header_damaged"
    NOT_ENCRYPTED = "not_encrypted"
    DATABASE_DAMAGED = "database_damaged"
    KEYS_MISSING = "keys_missing"
    KEYS_DAMAGED = "keys_damaged"
    KEYS_TOO_NEW = "keys_too_new"
    KEYS_UNSAFE = "keys_unsafe"
    KEYS_FROM_ANOTHER_VAULT = "keys_from_another_vault"
    KEYS_OR_DATABASE = "keys_or_database"
    UNREADABLE = "unreadable"


# Not damage: the vault opens (a checkpoint or a finished restore puts things right).
_OPENABLE = {Problem.HEALTHY, Problem.CHECKPOINT_NEEDED, Problem.RESTORE_INTERRUPTED}

MESSAGES: dict[Problem, str] = {
    Problem.HEALTHY: QT_TR_NOOP("No problem was found with the vault's files."),
    Problem.CHECKPOINT_NEEDED: QT_TR_NOOP(
        "The vault was interrupted while tidying its files (for example by a power cut). This "
        "is not damage: every finished change is safe in the file vault.db-wal and is folded "
        "back in when the vault is next opened."
    ),
    Problem.NO_VAULT: QT_TR_NOOP("There is no vault in this folder."),
    Problem.SETUP_INCOMPLETE: QT_TR_NOOP(
        "Setting up a vault in this folder was interrupted before it finished, so nothing was "
        "ever saved in it. Set it up again (start the app, or run `advocate-app init`)."
    ),
    Problem.READ_ONLY: QT_TR_NOOP(
        "This folder cannot be written. The vault is not damaged, but nothing can be saved "
        "there. Check that the disk is not read-only and that you may write to the folder and "
        "its files."
    ),
    Problem.RESTORE_INTERRUPTED: QT_TR_NOOP(
        "A restore was interrupted before it finished. The restored copy and the vault as it "
        "was are both still in the folder; opening the vault again finishes the restore."
    ),
    Problem.DATABASE_MISSING: QT_TR_NOOP(
        "The vault's database file (vault.db) is missing from its folder, although its keys "
        "file is there. It may have been moved or deleted by another program."
    ),
    Problem.DATABASE_TRUNCATED: QT_TR_NOOP(
        "The vault's database file (vault.db) is shorter than it should be: it was cut off, for "
        "example by a copy that did not finish or a failing disk."
    ),
    Problem.HEADER_DAMAGED: QT_TR_NOOP(
        "The beginning of the vault's database file (vault.db) has been overwritten, so none of "
        "it can be read."
    ),
    Problem.NOT_ENCRYPTED: QT_TR_NOOP(
        "The file vault.db is an ordinary, unencrypted database, not an Advocate Companion "
        "vault. Another program's file may have been put in its place."
    ),
    Problem.DATABASE_DAMAGED: QT_TR_NOOP(
        "The vault file (vault.db) is damaged, so some records cannot be read."
    ),
    Problem.KEYS_MISSING: QT_TR_NOOP(
        "The vault's keys file (vault.keys.json) is missing, so no passphrase can open the "
        "vault. The records themselves are still in vault.db."
    ),
    Problem.KEYS_DAMAGED: QT_TR_NOOP(
        "The vault's keys file (vault.keys.json) is damaged or incomplete, so no passphrase can "
        "open the vault with it. The records themselves are still in vault.db."
    ),
    Problem.KEYS_TOO_NEW: QT_TR_NOOP(
        "The vault's keys file was written by a newer version of Advocate Companion. Install "
        "that version (or newer) to open this vault."
    ),
    Problem.KEYS_UNSAFE: QT_TR_NOOP(
        "The vault's keys file asks for weaker (or absurdly heavy) protection than this app "
        "allows, so it was not used. It may have been altered."
    ),
    Problem.KEYS_FROM_ANOTHER_VAULT: QT_TR_NOOP(
        "The keys file (vault.keys.json) belongs to another vault, not to the database beside "
        "it, so the passphrases in it cannot open these records. It may have been copied over "
        "from another computer or another set-up."
    ),
    Problem.KEYS_OR_DATABASE: QT_TR_NOOP(
        "The keys file does not open the database beside it: either the database (vault.db) is "
        "damaged, or the keys file belongs to another vault."
    ),
    Problem.UNREADABLE: QT_TR_NOOP(
        "The vault's files could not be read: the folder may not allow it, or the disk reported "
        "an error."
    ),
}


@dataclass(frozen=True)
class Diagnosis:
    kind: Problem
    folder: Path
    newest_backup: BackupInfo | None = None
    detail: VaultError | None = None  # an error whose own words say more (a read-only folder)

    @property
    def message(self) -> str:
        """What is wrong, in the language shown when it is read (English below the ui)."""
        if self.detail is not None:
            return self.detail.message
        return translate(MESSAGES[self.kind])

    @property
    def is_damaged(self) -> bool:
        """True when the vault cannot be opened as it is (a damaged screen is due)."""
        return self.kind not in _OPENABLE and self.kind is not Problem.NO_VAULT

    @property
    def can_open(self) -> bool:
        return self.kind in _OPENABLE


# --- which vault this folder belongs to -------------------------------------------------------


def evidence_vault_id(folder: Path) -> str | None:
    """The vault id this folder's database belongs to, told without any key: the id in the
    newest backup (in `backups/`) that was copied from this very vault.db, recognised by the
    database's random plaintext salt recorded in the backup's manifest. None when no backup was
    made from this database file (a new set-up, a fresh restore)."""
    salt = database_salt(Path(folder) / DB_FILE_NAME)
    if salt is None:
        return None
    for info in backup_candidates(folder):
        if info.db_salt == salt:
            return info.vault_id
    return None


def folder_vault_id(folder: Path) -> str | None:
    """Which vault this folder holds, as far as can be told without a key (None: no vault)."""
    evidence = evidence_vault_id(folder)
    if evidence is not None:
        return evidence
    try:
        return KeysFile.load(Path(folder)).vault_id
    except (VaultError, OSError, ValueError, TypeError, RecursionError):
        return None


# --- backups to offer -------------------------------------------------------------------------


def backup_candidates(folder: Path) -> list[BackupInfo]:
    """Backups in the vault's backups folder, newest first (read from their manifests only)."""
    return list_backups(Path(folder) / BACKUP_DIR_NAME)


def newest_intact_backup(folder: Path) -> BackupInfo | None:
    """The newest backup in the vault's backups folder whose every byte checks out (no key
    needed: manifest, checksums of every member, key slots). Files are only read."""
    for info in backup_candidates(folder):
        try:
            return check_backup_file(info.path)
        except (BackupInvalid, BackupNotWritten):
            continue
    return None


def _make(
    kind: Problem, folder: Path, *, find_backup: bool, detail: VaultError | None = None
) -> Diagnosis:
    newest = None
    if find_backup and kind not in _OPENABLE:
        newest = newest_intact_backup(folder)
    return Diagnosis(kind, folder, newest, detail)


def _keys_problem(folder: Path) -> tuple[Problem | None, KeysFile | None]:
    try:
        keys = KeysFile.load(folder)
    except KeysFileMissing:
        return Problem.KEYS_MISSING, None
    except KeysFileTooNew:
        return Problem.KEYS_TOO_NEW, None
    except (KeysFileDamaged, RecursionError, ValueError, TypeError, KeyError):
        return Problem.KEYS_DAMAGED, None
    except OSError:
        return Problem.UNREADABLE, None
    for slot in keys.passphrase_slots():
        try:
            Argon2Params(
                int(slot.kdf["memory_kib"]),
                int(slot.kdf["time_cost"]),
                int(slot.kdf["parallelism"]),
            ).check_bounds()
        except KeysFileUnsafe:
            return Problem.KEYS_UNSAFE, keys
        except (KeyError, TypeError, ValueError):
            return Problem.KEYS_DAMAGED, keys
    return None, keys


def _database_problem(folder: Path) -> tuple[Problem | None, bool]:
    """(a problem visible in vault.db's bytes, whether a checkpoint is pending)."""
    db = folder / DB_FILE_NAME
    try:
        size = db.stat().st_size
        with open(db, "rb") as fh:
            head = fh.read(100)
        partial, wal = partial_last_page(folder)
    except OSError:
        return Problem.UNREADABLE, False
    if size == 0:
        return Problem.DATABASE_TRUNCATED, False
    if head.startswith(SQLITE_PLAIN_HEADER):
        return Problem.NOT_ENCRYPTED, False
    if len(head) < 16 or not any(head[:16]):
        return Problem.HEADER_DAMAGED, False  # SQLCipher's first 16 bytes are a random salt
    if partial is not None:
        if wal is not None and partial in wal.committed_pages:
            return None, True
        return Problem.DATABASE_TRUNCATED, False
    return None, False


def _interrupted_restore(folder: Path) -> bool:
    return restore_pending(folder)


def _check_snapshot(folder: Path, data_key: bytearray) -> list[str]:
    """Both integrity checks on a read-only connection: the folder is only read."""
    with read_only_connection(folder, data_key) as conn:
        return _run_checks(conn)


def _run_checks(conn: Any) -> list[str]:
    conn.execute("PRAGMA temp_store = 2")  # sorting for the check stays in memory
    try:
        return integrity_problems(lambda sql: conn.execute(sql).fetchall())
    except Exception as exc:  # a malformed page aborts the check itself
        return [f"the check could not finish: {type(exc).__name__}"]


def diagnose(
    folder: Path,
    *,
    data_key: bytearray | None = None,
    error: BaseException | None = None,
    find_backup: bool = True,
) -> Diagnosis:
    """What is wrong with the vault in folder (or HEALTHY), and the newest intact backup to
    offer when something is. Never modifies, moves or deletes a file.

    data_key: also run both integrity checks (on a snapshot copy).
    error: what opening or unlocking raised, for damage only a key can reveal.
    """
    folder = Path(folder)
    db = folder / DB_FILE_NAME
    has_db = db.exists()
    has_keys = (folder / KEYS_FILE_NAME).exists()
    if _interrupted_restore(folder):
        return _make(Problem.RESTORE_INTERRUPTED, folder, find_backup=False)
    if setup_incomplete(folder):
        return _make(Problem.SETUP_INCOMPLETE, folder, find_backup=False)
    if not has_db and not has_keys:
        return _make(Problem.NO_VAULT, folder, find_backup=False)
    if not has_db:
        return _make(Problem.DATABASE_MISSING, folder, find_backup=find_backup)
    keys_problem, keys = _keys_problem(folder)
    db_problem, pending_checkpoint = _database_problem(folder)
    # The database's own state first: a replaced keys file is only a guess when the database
    # beside it is visibly broken as well.
    if db_problem is not None:
        return _make(db_problem, folder, find_backup=find_backup)
    if keys_problem is not None:
        return _make(keys_problem, folder, find_backup=find_backup)
    if isinstance(error, VaultReadOnly) or not _writable(folder):
        # Not damage: the files may be perfect, but the app cannot work in this folder.
        return _make(Problem.READ_ONLY, folder, find_backup=False, detail=VaultReadOnly(folder))
    assert keys is not None
    evidence = evidence_vault_id(folder)
    if evidence is not None and evidence != keys.vault_id:
        return _make(Problem.KEYS_FROM_ANOTHER_VAULT, folder, find_backup=find_backup)
    if data_key is not None:
        try:
            problems = _check_snapshot(folder, data_key)
        except KeysDoNotMatchVault:
            kind = (
                Problem.DATABASE_DAMAGED
                if evidence == keys.vault_id
                else (Problem.KEYS_OR_DATABASE)
            )
            return _make(kind, folder, find_backup=find_backup)
        except (OSError, VaultError):
            return _make(Problem.UNREADABLE, folder, find_backup=find_backup)
        if problems and not (pending_checkpoint and only_needs_checkpoint(folder, problems)):
            return _make(Problem.DATABASE_DAMAGED, folder, find_backup=find_backup)
    if error is not None:
        named = _kind_of_error(error, keys_match=evidence == keys.vault_id)
        if named is not None:
            detail = (
                error if (named is Problem.UNREADABLE and isinstance(error, VaultError)) else None
            )
            return _make(named, folder, find_backup=find_backup, detail=detail)
    if pending_checkpoint:
        return _make(Problem.CHECKPOINT_NEEDED, folder, find_backup=False)
    return _make(Problem.HEALTHY, folder, find_backup=False)


def _writable(folder: Path) -> bool:
    try:
        require_writable(folder)
    except VaultReadOnly:
        return False
    return True


def _kind_of_error(error: BaseException, *, keys_match: bool) -> Problem | None:
    if isinstance(error, KeysDoNotMatchVault):
        # The folder's history says these keys are this vault's: then the database is at fault.
        return Problem.DATABASE_DAMAGED if keys_match else Problem.KEYS_OR_DATABASE
    if isinstance(error, VaultDamaged):
        return Problem.DATABASE_DAMAGED
    if isinstance(error, KeysFileMissing):
        return Problem.KEYS_MISSING
    if isinstance(error, KeysFileTooNew):
        return Problem.KEYS_TOO_NEW
    if isinstance(error, KeysFileUnsafe):
        return Problem.KEYS_UNSAFE
    if isinstance(error, KeysFileDamaged):
        return Problem.KEYS_DAMAGED
    if isinstance(error, OSError):
        return Problem.UNREADABLE
    return None


__all__ = [
    "Diagnosis",
    "Problem",
    "diagnose",
    "evidence_vault_id",
    "folder_vault_id",
    "newest_intact_backup",
]
