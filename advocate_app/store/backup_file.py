"""The backup file: one zip holding the database and the key slots, written and read here.

A backup has three members: `manifest.json` (format, when, vault id, schema revision; no client
content), `vault.db` (SQLCipher pages, copied with SQLite's online backup API into a target keyed
with the same data key, never exported to plaintext) and `vault.keys.json` (wrapped keys). It is
written atomically and verified by reopening it before it is reported done, so the same
passphrases (as they were that day) and the recovery key open it. Reading refuses, in plain
words, anything that is not a whole backup. Nothing here needs an open vault: the vault, the
backups folder (backup.py), a re-key and a restore all build on it.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import struct
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from advocate_app.store.engine import check_database_file
from advocate_app.store.errors import (
    KeysDoNotMatchVault,
    StorageFull,
    VaultDamaged,
    VaultError,
)
from advocate_app.store.fsutil import open_private
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import (
    AUTO_BACKUP_PREFIX,
    DB_FILE_NAME,
    KEYS_FILE_NAME,
    UPGRADE_BACKUP_PREFIX,
    VERIFY_WORK_PREFIX,
)

BACKUP_FORMAT = "advocate-companion-backup"
BACKUP_VERSION = 1
MANIFEST_NAME = "manifest.json"
# Inside the zip the database and the keys file keep the names they have in the vault folder.
MEMBERS = (MANIFEST_NAME, DB_FILE_NAME, KEYS_FILE_NAME)


class BackupInvalid(VaultError):
    """A file that cannot be used as a backup; the message says why. Nothing was changed."""


class NotABackup(BackupInvalid):
    pass


class BackupIncomplete(BackupInvalid):
    """Truncated or damaged on the outside: a copy that did not finish, a failing stick."""


class BackupTooNew(BackupInvalid):
    pass


class BackupDamaged(BackupInvalid):
    """Whole on the outside, but its database fails the integrity checks."""


class BackupNotWritten(StorageFull):
    """The backup could not be written (disk full, read-only folder, stick removed)."""

    def __init__(self, message: str) -> None:
        VaultError.__init__(self, message)


_NO_SPACE = (
    "The backup could not be written: the disk or USB stick is full, or that folder cannot be "
    "written to. Nothing was changed and no partial backup was left behind. Free some space or "
    "choose another folder, then try again."
)
_DISK_ERROR = (
    "The backup could not be written because the disk reported an error (it may be failing, or "
    "the USB stick was removed). Nothing was changed and no partial backup was left behind. Try "
    "again, or choose another disk."
)
_STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EPERM}
_STORAGE_SQLITE = (
    "database or disk is full",
    "disk i/o error",
    "readonly",
    "read-only",
    "unable to open database file",
)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    size_bytes: int
    vault_id: str
    schema_revision: str | None
    kind: str = "manual"  # "automatic", "before-upgrade" or "manual" (from the file name)
    db_salt: str | None = None  # the first 16 bytes of the vault.db it was copied from, as hex
    # Creation order among the automatic backups of one backups folder (1, 2, 3, ...): rotation
    # goes by it, never by a clock that may have been set backwards. None in older backups.
    sequence: int | None = None


def make_private_file(path: Path) -> None:
    """Create an empty file that only this account can read (SQLite then keeps its mode)."""
    with open_private(path):
        pass


def backup_kind(name: str) -> str:
    if name.startswith(AUTO_BACKUP_PREFIX):
        return "automatic"
    if name.startswith(UPGRADE_BACKUP_PREFIX):
        return "before-upgrade"
    return "manual"


def not_written(exc: BaseException) -> BackupNotWritten:
    """The refusal for a backup that could not be written: disk full, or the disk failing."""
    if isinstance(exc, OSError) and exc.errno not in _STORAGE_ERRNOS:
        return BackupNotWritten(_DISK_ERROR)
    return BackupNotWritten(_NO_SPACE)


def is_storage_sqlite_error(exc: BaseException) -> bool:
    """Whether SQLite's error means the disk is full or cannot be written (not damage)."""
    text = str(exc).lower()
    return any(marker in text for marker in _STORAGE_SQLITE)


def database_salt(db_path: Path) -> str | None:
    """The first 16 bytes of a SQLCipher file (its random salt, stored in plain), as hex."""
    try:
        with open(db_path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return None
    return head.hex() if len(head) == 16 and any(head) else None


# --- reading ----------------------------------------------------------------------------------


def refuse(cls: type[BackupInvalid], reason: str) -> BackupInvalid:
    """A BackupInvalid of kind cls whose message says why, in the words every refusal uses."""
    return cls(f"This file cannot be used as a backup: {reason} Nothing was changed.")


_NOT_A_BACKUP = "it is not an Advocate Companion backup."
_INCOMPLETE = (
    "it is incomplete or damaged (a copy that did not finish, or a failing disk). "
    "Try another backup."
)
# Whatever a damaged or hostile zip makes the zipfile module raise.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    ValueError,
    KeyError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    struct.error,
    OverflowError,
    IndexError,
    TypeError,
)


def _open_backup(path: Path) -> tuple[zipfile.ZipFile, dict[str, Any]]:
    path = Path(path)
    try:
        if not path.is_file():
            raise refuse(NotABackup, "there is no such file.")
        with open(path, "rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise refuse(BackupIncomplete, "it could not be read.") from exc
    if head[:2] != b"PK":
        raise refuse(NotABackup, _NOT_A_BACKUP)
    try:
        zf = zipfile.ZipFile(path)
    except _ZIP_ERRORS as exc:
        # It starts like a zip but its directory at the end is missing: cut off.
        raise refuse(BackupIncomplete, _INCOMPLETE) from exc
    try:
        names = set(zf.namelist())
        if not set(MEMBERS) <= names:
            raise refuse(NotABackup, _NOT_A_BACKUP)
        if zf.getinfo(MANIFEST_NAME).file_size > 64 * 1024:
            raise refuse(NotABackup, _NOT_A_BACKUP)
        manifest = json.loads(zf.read(MANIFEST_NAME).decode("utf-8"))
        if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
            raise refuse(NotABackup, _NOT_A_BACKUP)
        version = manifest.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise refuse(BackupIncomplete, _INCOMPLETE)
        if version > BACKUP_VERSION:
            raise refuse(
                BackupTooNew,
                "it was made by a newer version of Advocate Companion. "
                "Install that version (or newer) to restore it.",
            )
        if not isinstance(manifest.get("vault_id"), str):
            raise refuse(BackupIncomplete, _INCOMPLETE)
        for field in ("schema_revision", "db_salt"):
            value = manifest.get(field)
            if value is not None and not isinstance(value, str):
                raise refuse(BackupIncomplete, _INCOMPLETE)
        sequence = manifest.get("sequence")
        if sequence is not None and (
            not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 1
        ):
            raise refuse(BackupIncomplete, _INCOMPLETE)
    except BackupInvalid:
        zf.close()
        raise
    except _ZIP_ERRORS as exc:
        zf.close()
        raise refuse(BackupIncomplete, _INCOMPLETE) from exc
    return zf, manifest


def read_backup_info(path: Path) -> BackupInfo:
    """What a backup says about itself (no key needed). Refuses a file that is not one."""
    zf, manifest = _open_backup(path)
    zf.close()
    try:
        created = datetime.fromisoformat(str(manifest["created"]))
        if created.tzinfo is None:
            created = created.replace(tzinfo=UTC)
        size = Path(path).stat().st_size
    except (KeyError, ValueError, OSError) as exc:
        raise refuse(BackupIncomplete, _INCOMPLETE) from exc
    return BackupInfo(
        path=Path(path),
        created=created,
        size_bytes=size,
        vault_id=str(manifest["vault_id"]),
        schema_revision=manifest.get("schema_revision"),
        kind=backup_kind(Path(path).name),
        db_salt=manifest.get("db_salt"),
        sequence=manifest.get("sequence"),
    )


def read_backup_keys(path: Path) -> KeysFile:
    """The backup's own key slots (wrapped; nothing is decrypted)."""
    zf, _manifest = _open_backup(path)
    try:
        with zf:
            if zf.getinfo(KEYS_FILE_NAME).file_size > 1024 * 1024:
                raise refuse(BackupIncomplete, "its list of who can sign in is damaged.")
            raw = zf.read(KEYS_FILE_NAME)
    except BackupInvalid:
        raise
    except _ZIP_ERRORS as exc:
        raise refuse(BackupIncomplete, _INCOMPLETE) from exc
    return _parse_keys(raw)


def _parse_keys(raw: bytes) -> KeysFile:
    try:
        return KeysFile.from_document(json.loads(raw.decode("utf-8")))
    except (ValueError, TypeError, KeyError, RecursionError, VaultError) as exc:
        raise refuse(BackupIncomplete, "its list of who can sign in is damaged.") from exc


def check_backup_file(path: Path) -> BackupInfo:
    """Everything that can be checked without a key: the manifest, every member's checksum
    (the whole file is read) and the key slots. Returns the backup's info."""
    info = read_backup_info(path)
    zf, _manifest = _open_backup(path)
    try:
        with zf:
            bad = zf.testzip()
            raw_keys = zf.read(KEYS_FILE_NAME)
    except BackupInvalid:
        raise
    except _ZIP_ERRORS as exc:
        raise refuse(BackupIncomplete, _INCOMPLETE) from exc
    if bad is not None:
        raise refuse(BackupIncomplete, _INCOMPLETE)
    keys = _parse_keys(raw_keys)
    if keys.vault_id != info.vault_id:
        raise refuse(BackupIncomplete, "its parts do not belong together.")
    return info


def extract_backup(
    path: Path, dest: Path, *, durable: bool = True, chunk_size: int = 1 << 20
) -> KeysFile:
    """Unpack the database and keys file into dest (an empty folder); returns the keys.
    durable: on disk when this returns (False for a scratch copy read once and deleted: no
    flush of the whole database to disk beside the app's own writes)."""
    zf, _manifest = _open_backup(path)
    try:
        with zf:
            keys_bytes = zf.read(KEYS_FILE_NAME)
            with zf.open(DB_FILE_NAME) as src, open_private(dest / DB_FILE_NAME) as out:
                # 1 MiB at a time (by default): few turns of Python holding the GIL for a
                # large vault.
                shutil.copyfileobj(src, out, chunk_size)
                out.flush()
                if durable:
                    os.fsync(out.fileno())
    except OSError as exc:
        if exc.errno in _STORAGE_ERRNOS:
            raise not_written(exc) from exc
        raise refuse(BackupIncomplete, _INCOMPLETE) from exc
    except _ZIP_ERRORS as exc:
        raise refuse(BackupIncomplete, _INCOMPLETE) from exc
    keys = _parse_keys(keys_bytes)
    try:
        with open_private(dest / KEYS_FILE_NAME) as out:
            out.write(keys_bytes)
            out.flush()
            if durable:
                os.fsync(out.fileno())
    except OSError as exc:
        raise not_written(exc) from exc
    return keys


def verify_backup(path: Path, data_key: bytearray, chunk_size: int = 1 << 20) -> None:
    """Open the backup's database with the key and run both integrity checks (read out of
    the zip chunk_size at a time)."""
    try:
        work = Path(tempfile.mkdtemp(prefix=VERIFY_WORK_PREFIX, dir=Path(path).parent))
    except OSError as exc:
        raise not_written(exc) from exc
    try:
        extract_backup(path, work, durable=False, chunk_size=chunk_size)  # read once, deleted
        try:
            problems = check_database_file(work / DB_FILE_NAME, data_key)
        except (KeysDoNotMatchVault, VaultDamaged) as exc:
            raise refuse(
                BackupDamaged, "it does not open with this vault's key, or it is damaged."
            ) from exc
        if problems:
            raise refuse(BackupDamaged, "the vault file inside it is damaged.")
    finally:
        shutil.rmtree(work, ignore_errors=True)
