"""The vault folder's layout: the name of every file and folder the app keeps in it.

One vault is one folder. Every store module that opens, stages, moves or removes something in it
takes the name from here, so a name is written once. Nothing here touches the disk.

    <vault folder>/
        vault.db                  the SQLCipher database (with -wal, -shm, -journal beside it)
        vault.keys.json           the key slots (.prev, .pending while a change is under way)
        vault.lock                the one-writer lock
        vault.keys.lock           serialises key-slot changes (Windows only)
        vault.throttle.json       wrong unlock tries: counts and a time, no names
        .setup-incomplete         a set-up that has not finished yet
        .restore-<random>/        a restore being staged (READY once it passed its checks)
        .rekey-<random>/          a re-key being staged (its `aside/` holds re-keyed asides)
        before-restore-<stamp>/   the vault as it was before a restore, never deleted
        backups/                  automatic-…, before-upgrade-… (`.acbackup` files)
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

DB_FILE_NAME: Final = "vault.db"
# SQLite's companions of the database file: the write-ahead log, its index, a rollback journal.
WAL_SUFFIX: Final = "-wal"
SHM_SUFFIX: Final = "-shm"
JOURNAL_SUFFIX: Final = "-journal"
DB_COMPANION_SUFFIXES: Final = (WAL_SUFFIX, SHM_SUFFIX, JOURNAL_SUFFIX)
WAL_FILE_NAME: Final = DB_FILE_NAME + WAL_SUFFIX

KEYS_FILE_NAME: Final = "vault.keys.json"
# Left by an earlier version beside the keys file; no copy of old slots is ever kept now.
PREVIOUS_KEYS_NAME: Final = KEYS_FILE_NAME + ".prev"
# The whole new keys file while users and key slots change together (see keychange.py).
PENDING_KEYS_NAME: Final = KEYS_FILE_NAME + ".pending"
KEYS_LOCK_NAME: Final = "vault.keys.lock"

LOCK_FILE_NAME: Final = "vault.lock"
THROTTLE_FILE_NAME: Final = "vault.throttle.json"

# Written (and made durable) before a set-up creates anything; removed as its very last step.
# A folder that still holds it has no records in it: its half-made files may go.
SETUP_MARKER: Final = ".setup-incomplete"

RESTORE_STAGING_PREFIX: Final = ".restore-"
RESTORE_READY_FILE: Final = "READY"
BEFORE_RESTORE_PREFIX: Final = "before-restore-"
REKEY_STAGING_PREFIX: Final = ".rekey-"
REKEY_READY_FILE: Final = "READY.json"  # what the re-key will replace and delete
# Inside a staging folder: the files set aside (a restore) or the re-keyed asides (a re-key).
ASIDE_DIR_NAME: Final = "aside"

BACKUP_DIR_NAME: Final = "backups"
BACKUP_SUFFIX: Final = ".acbackup"
AUTO_BACKUP_PREFIX: Final = "automatic-"
UPGRADE_BACKUP_PREFIX: Final = "before-upgrade-"
MANUAL_BACKUP_PREFIX: Final = "advocate-backup-"
# Temporary folders a backup works in, inside the folder it writes to.
BACKUP_WORK_PREFIX: Final = ".backup-"
VERIFY_WORK_PREFIX: Final = ".verify-"
REENCRYPT_WORK_PREFIX: Final = ".reencrypt-"
TEMP_SUFFIX: Final = ".tmp"

# Everything that makes up the live vault (a pending change belongs to the vault it was for).
LIVE_FILES: Final = (
    DB_FILE_NAME,
    *(DB_FILE_NAME + s for s in DB_COMPANION_SUFFIXES),
    KEYS_FILE_NAME,
    PREVIOUS_KEYS_NAME,
    PENDING_KEYS_NAME,
)


def db_path(folder: Path) -> Path:
    return Path(folder) / DB_FILE_NAME


def keys_path(folder: Path) -> Path:
    return Path(folder) / KEYS_FILE_NAME


def backup_dir(folder: Path) -> Path:
    return Path(folder) / BACKUP_DIR_NAME


def temp_name(name: str, token: str) -> str:
    """The hidden name a file is written under before it is renamed into place."""
    return f".{name}.{token}{TEMP_SUFFIX}"
