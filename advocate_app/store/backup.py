"""Encrypted backups: one file holding the database (copied with SQLite's online backup API into
a target keyed with the same data key, never exported to plaintext) and the key slots.

A backup is a zip with three members: `manifest.json` (format, when, vault id, schema revision;
no client content), `vault.db` (SQLCipher pages, encrypted) and `vault.keys.json` (wrapped keys).
It is written atomically and verified by reopening it before it is reported done, so the same
passphrases (as they were that day) and the recovery key open it.

Three kinds live in the vault's `backups/` folder or wherever a person saves one:
`automatic-<UTC stamp>.acbackup` (the first unlock of each day; the newest N are kept),
`before-upgrade-<UTC stamp>.acbackup` (taken before a schema upgrade; never rotated) and
`advocate-backup-<date>.acbackup` ("Back up now", usually on a USB stick). File names come from
dates only, never from anything a person typed.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
import shutil
import struct
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advocate_app.store import crypto
from advocate_app.store.engine import check_database_file, connect_keyed, raw_key_pragma
from advocate_app.store.errors import (
    KeysDoNotMatchVault,
    StorageFull,
    VaultDamaged,
    VaultError,
)
from advocate_app.store.fsutil import fsync_dir, make_private, open_private
from advocate_app.store.keyslots import KeysFile

if TYPE_CHECKING:
    from advocate_app.store.vault import Vault

BACKUP_FORMAT = "advocate-companion-backup"
BACKUP_VERSION = 1
BACKUP_SUFFIX = ".acbackup"  # the same as vault.BACKUP_SUFFIX
AUTO_PREFIX = "automatic-"
UPGRADE_PREFIX = "before-upgrade-"
MANUAL_PREFIX = "advocate-backup-"
DEFAULT_KEEP = 14
MEMBERS = ("manifest.json", "vault.db", "vault.keys.json")

# Our own names only: rotation never touches a file it did not name this way.
_AUTO_NAME = re.compile(r"^automatic-(\d{8})-(\d{6})(?:-(\d{1,3}))?\.acbackup$")
_STAMPED_NAME = re.compile(r"^(automatic|before-upgrade)-(\d{8})-(\d{6})(?:-\d{1,3})?\.acbackup$")
_STALE_SECONDS = 3600

Progress = Callable[[int], None]


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
_STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES,
                   errno.EPERM}
_STORAGE_SQLITE = ("database or disk is full", "disk i/o error", "readonly", "read-only",
                   "unable to open database file")


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
    if name.startswith(AUTO_PREFIX):
        return "automatic"
    if name.startswith(UPGRADE_PREFIX):
        return "before-upgrade"
    return "manual"


def _not_written(exc: BaseException) -> BackupNotWritten:
    if isinstance(exc, OSError) and exc.errno not in _STORAGE_ERRNOS:
        return BackupNotWritten(_DISK_ERROR)
    return BackupNotWritten(_NO_SPACE)


def _is_storage_sqlite_error(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(marker in text for marker in _STORAGE_SQLITE)


# --- writing ----------------------------------------------------------------------------------


def _copy_database(db_path: Path, data_key: bytearray, target_db: Path,
                   target_key: bytearray | None = None) -> None:
    """Copy every page into target_db, keyed with target_key (default: the same data key).
    Pages are decrypted and encrypted again inside SQLCipher: never written in plain."""
    import sqlcipher3.dbapi2 as sqlcipher

    source = connect_keyed(db_path, data_key)
    try:
        make_private_file(target_db)
        target = sqlcipher.connect(str(target_db), isolation_level=None)
        try:
            target.execute(raw_key_pragma(target_key if target_key is not None else data_key))
            try:
                # All pages in one step: a consistent snapshot even while the app keeps writing.
                source.backup(target)
            except sqlcipher.DatabaseError as exc:
                if _is_storage_sqlite_error(exc):
                    raise _not_written(exc) from exc
                raise VaultDamaged(
                    "No backup was made because part of the vault could not be read: it may be "
                    "damaged. The existing backups were kept. Check the vault (Backups, or "
                    "`advocate-app check`) and restore the newest backup if it is damaged."
                ) from exc
            # The copy is a single self-contained file: no WAL beside it.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    finally:
        source.close()


def database_salt(db_path: Path) -> str | None:
    """The first 16 bytes of a SQLCipher file (its random salt, stored in plain), as hex."""
    try:
        with open(db_path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return None
    return head.hex() if len(head) == 16 and any(head) else None


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def create_backup(
    db_path: Path,
    keys: KeysFile,
    data_key: bytearray,
    out_path: Path,
    *,
    schema_revision: str | None,
    progress: Progress | None = None,
    sequence: int | None = None,
) -> BackupInfo:
    """Write a verified backup to out_path (atomically); returns what was written.

    Raises BackupNotWritten (a StorageFull) when the disk is full or the folder is read-only,
    VaultDamaged when the vault itself cannot be copied; in every case nothing is left behind.
    """
    report = progress or (lambda _p: None)
    out_path = Path(out_path)
    folder = out_path.parent
    tmp_zip = folder / f".{out_path.name}.{secrets.token_hex(4)}.tmp"
    work: Path | None = None
    try:
        try:
            if not folder.exists():
                folder.mkdir(parents=True, exist_ok=True)
                make_private(folder)
            work = Path(tempfile.mkdtemp(prefix=".backup-", dir=folder))
        except OSError as exc:
            raise _not_written(exc) from exc
        report(5)
        copy = work / "vault.db"
        # The moment of the snapshot, to the microsecond: a restore compares it with the
        # current vault's records to say what is newer.
        created = datetime.now(UTC)
        try:
            _copy_database(db_path, data_key, copy)
        except KeysDoNotMatchVault as exc:
            raise VaultDamaged(exc.message) from exc
        except OSError as exc:
            raise _not_written(exc) from exc
        report(50)
        manifest = {
            "format": BACKUP_FORMAT,
            "version": BACKUP_VERSION,
            "created": created.isoformat(timespec="microseconds"),
            "vault_id": keys.vault_id,
            "schema_revision": schema_revision,
            # SQLCipher's random, plaintext file salt: ties this backup to the very database it
            # was copied from, so a keys file swapped in later can be recognised without a key.
            "db_salt": database_salt(db_path),
        }
        if sequence is not None:
            manifest["sequence"] = sequence
        try:
            make_private_file(tmp_zip)
            with zipfile.ZipFile(tmp_zip, "w", compression=zipfile.ZIP_STORED) as zf:
                zf.writestr("manifest.json", json.dumps(manifest, sort_keys=True))
                zf.write(copy, "vault.db")
                zf.writestr("vault.keys.json", keys.to_bytes())
            _fsync_file(tmp_zip)
        except OSError as exc:
            raise _not_written(exc) from exc
        shutil.rmtree(work, ignore_errors=True)
        work = None
        report(70)
        try:
            verify_backup(tmp_zip, data_key)
        except BackupNotWritten:
            raise
        except BackupInvalid as exc:
            # Either the vault is damaged (a copy carries the damage) or the disk is failing.
            try:
                problems = check_database_file(db_path, data_key)
            except VaultError:
                problems = ["unreadable"]
            if problems:
                raise VaultDamaged(
                    "No backup was made because the vault file is damaged. "
                    " The existing backups were kept. Restore the newest "
                    "backup."
                ) from exc
            raise BackupNotWritten(
                "The backup was written but did not read back correctly, so it was not kept. "
                "The disk or USB stick may be failing. Nothing was changed; try another disk."
            ) from exc
        try:
            os.replace(tmp_zip, out_path)
            fsync_dir(folder)
        except OSError as exc:
            raise _not_written(exc) from exc
        report(100)
        return read_backup_info(out_path)
    finally:
        with contextlib.suppress(OSError):
            tmp_zip.unlink()
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


def reencrypt_backup(path: Path, old_key: bytearray, new_key: bytearray, new_keys: KeysFile,
                     dest: Path) -> None:
    """Write at dest a copy of the backup at path whose database is under new_key and whose key
    slots are new_keys; its date and schema stay. BackupInvalid (or KeysDoNotMatchVault) when
    the backup is not under old_key. Verified before it returns."""
    info = read_backup_info(path)
    work = Path(tempfile.mkdtemp(prefix=".reencrypt-", dir=dest.parent))
    try:
        extract_backup(path, work)
        _copy_database(work / "vault.db", old_key, work / "new.db", target_key=new_key)
        manifest = {
            "format": BACKUP_FORMAT,
            "version": BACKUP_VERSION,
            "created": info.created.isoformat(timespec="seconds"),
            "vault_id": new_keys.vault_id,
            "schema_revision": info.schema_revision,
            "db_salt": database_salt(work / "new.db"),
        }
        make_private_file(dest)
        with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_STORED) as zf:
            zf.writestr("manifest.json", json.dumps(manifest, sort_keys=True))
            zf.write(work / "new.db", "vault.db")
            zf.writestr("vault.keys.json", new_keys.to_bytes())
        _fsync_file(dest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    verify_backup(dest, new_key)


def require_backup_allowed(vault: Vault, out_path: Path) -> None:
    """A copy of the office's records leaving the data folder (a USB stick, another disk) is a
    supervisor's call; anyone may write one inside it (the automatic backups)."""
    from advocate_app.store.errors import NotAllowed

    user = vault.current_user
    if user.is_supervisor:
        return
    try:
        inside = Path(out_path).resolve().is_relative_to(vault.folder.resolve())
    except OSError:
        inside = False
    if not inside:
        raise NotAllowed("Only a supervisor can save a backup outside the vault's folder. "
                         "Ask a supervisor; the automatic backups are still made every day.")


def backup_vault(vault: Vault, out_path: Path, *, progress: Progress | None = None,
                 sequence: int | None = None) -> BackupInfo:
    """A verified backup of an unlocked vault at out_path; then the WAL is folded back into the
    database, so a lost -wal file could cost as little as SQLite allows.

    Everything needed is taken at the start (a copy of the data key, the key slots, the schema
    revision), so the vault may be locked while this runs on a worker thread.
    """
    from advocate_app.store import migrate

    require_backup_allowed(vault, Path(out_path))
    data_key = vault.data_key_copy()
    try:
        keys = KeysFile.from_document(vault.keys.document())
        revision = migrate.current_revision(vault.engine)
        info = create_backup(vault.db_path, keys, data_key, Path(out_path),
                             schema_revision=revision, progress=progress, sequence=sequence)
    finally:
        crypto.zero(data_key)
    vault.checkpoint_quietly()
    return info


def default_backup_name(day: date | None = None) -> str:
    """The suggested name of a "Back up now" file: the date only, nothing typed."""
    day = day or datetime.now().astimezone().date()
    return f"{MANUAL_PREFIX}{day.isoformat()}{BACKUP_SUFFIX}"


def free_backup_path(folder: Path, day: date | None = None) -> Path:
    """`advocate-backup-<date>.acbackup` in folder, or `…-2`, `…-3` when that is taken."""
    first = Path(folder) / default_backup_name(day)
    if not first.exists():
        return first
    stem = first.name[: -len(BACKUP_SUFFIX)]
    for n in range(2, 1000):
        candidate = first.with_name(f"{stem}-{n}{BACKUP_SUFFIX}")
        if not candidate.exists():
            return candidate
    raise BackupNotWritten("That folder already holds too many backups from today. Choose "
                           "another folder.")


def backup_to_folder(vault: Vault, folder: Path, *, day: date | None = None,
                     progress: Progress | None = None) -> BackupInfo:
    """"Back up now": a verified backup in folder (a USB stick, typically), named by date. It
    counts as the latest copy outside the computer (see backup_status)."""
    from advocate_app.store import backup_status

    folder = Path(folder)
    require_backup_allowed(vault, folder / default_backup_name(day))
    if not folder.is_dir():
        raise BackupNotWritten("That folder does not exist any more (was the USB stick "
                               "removed?). Nothing was changed; choose the folder again.")
    info = backup_vault(vault, free_backup_path(folder, day), progress=progress)
    backup_status.record_outside_copy(vault, info.created)
    return info


# --- reading ----------------------------------------------------------------------------------


def _refuse(cls: type[BackupInvalid], reason: str) -> BackupInvalid:
    return cls(f"This file cannot be used as a backup: {reason} Nothing was changed.")


_NOT_A_BACKUP = "it is not an Advocate Companion backup."
_INCOMPLETE = ("it is incomplete or damaged (a copy that did not finish, or a failing disk). "
               "Try another backup.")
# Whatever a damaged or hostile zip makes the zipfile module raise.
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError, EOFError,
               NotImplementedError, RuntimeError, struct.error, OverflowError, IndexError,
               TypeError)


def _open_backup(path: Path) -> tuple[zipfile.ZipFile, dict[str, Any]]:
    path = Path(path)
    try:
        if not path.is_file():
            raise _refuse(NotABackup, "there is no such file.")
        with open(path, "rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise _refuse(BackupIncomplete, "it could not be read.") from exc
    if head[:2] != b"PK":
        raise _refuse(NotABackup, _NOT_A_BACKUP)
    try:
        zf = zipfile.ZipFile(path)
    except _ZIP_ERRORS as exc:
        # It starts like a zip but its directory at the end is missing: cut off.
        raise _refuse(BackupIncomplete, _INCOMPLETE) from exc
    try:
        names = set(zf.namelist())
        if not set(MEMBERS) <= names:
            raise _refuse(NotABackup, _NOT_A_BACKUP)
        if zf.getinfo("manifest.json").file_size > 64 * 1024:
            raise _refuse(NotABackup, _NOT_A_BACKUP)
        manifest = json.loads(zf.read("manifest.json").decode("utf-8"))
        if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
            raise _refuse(NotABackup, _NOT_A_BACKUP)
        version = manifest.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise _refuse(BackupIncomplete, _INCOMPLETE)
        if version > BACKUP_VERSION:
            raise _refuse(BackupTooNew, "it was made by a newer version of Advocate Companion. "
                          "Install that version (or newer) to restore it.")
        if not isinstance(manifest.get("vault_id"), str):
            raise _refuse(BackupIncomplete, _INCOMPLETE)
        for field in ("schema_revision", "db_salt"):
            value = manifest.get(field)
            if value is not None and not isinstance(value, str):
                raise _refuse(BackupIncomplete, _INCOMPLETE)
        sequence = manifest.get("sequence")
        if sequence is not None and (not isinstance(sequence, int) or isinstance(sequence, bool)
                                     or sequence < 1):
            raise _refuse(BackupIncomplete, _INCOMPLETE)
    except BackupInvalid:
        zf.close()
        raise
    except _ZIP_ERRORS as exc:
        zf.close()
        raise _refuse(BackupIncomplete, _INCOMPLETE) from exc
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
        raise _refuse(BackupIncomplete, _INCOMPLETE) from exc
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
            if zf.getinfo("vault.keys.json").file_size > 1024 * 1024:
                raise _refuse(BackupIncomplete, "its list of who can sign in is damaged.")
            raw = zf.read("vault.keys.json")
    except BackupInvalid:
        raise
    except _ZIP_ERRORS as exc:
        raise _refuse(BackupIncomplete, _INCOMPLETE) from exc
    return _parse_keys(raw)


def _parse_keys(raw: bytes) -> KeysFile:
    try:
        return KeysFile.from_document(json.loads(raw.decode("utf-8")))
    except (ValueError, TypeError, KeyError, RecursionError, VaultError) as exc:
        raise _refuse(BackupIncomplete, "its list of who can sign in is damaged.") from exc


def check_backup_file(path: Path) -> BackupInfo:
    """Everything that can be checked without a key: the manifest, every member's checksum
    (the whole file is read) and the key slots. Returns the backup's info."""
    info = read_backup_info(path)
    zf, _manifest = _open_backup(path)
    try:
        with zf:
            bad = zf.testzip()
            raw_keys = zf.read("vault.keys.json")
    except BackupInvalid:
        raise
    except _ZIP_ERRORS as exc:
        raise _refuse(BackupIncomplete, _INCOMPLETE) from exc
    if bad is not None:
        raise _refuse(BackupIncomplete, _INCOMPLETE)
    keys = _parse_keys(raw_keys)
    if keys.vault_id != info.vault_id:
        raise _refuse(BackupIncomplete, "its parts do not belong together.")
    return info


def extract_backup(path: Path, dest: Path) -> KeysFile:
    """Unpack the database and keys file into dest (an empty folder); returns the keys."""
    zf, _manifest = _open_backup(path)
    try:
        with zf:
            keys_bytes = zf.read("vault.keys.json")
            with zf.open("vault.db") as src, open_private(dest / "vault.db") as out:
                shutil.copyfileobj(src, out)
                out.flush()
                os.fsync(out.fileno())
    except OSError as exc:
        if exc.errno in _STORAGE_ERRNOS:
            raise _not_written(exc) from exc
        raise _refuse(BackupIncomplete, _INCOMPLETE) from exc
    except _ZIP_ERRORS as exc:
        raise _refuse(BackupIncomplete, _INCOMPLETE) from exc
    keys = _parse_keys(keys_bytes)
    try:
        with open_private(dest / "vault.keys.json") as out:
            out.write(keys_bytes)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        raise _not_written(exc) from exc
    return keys


def verify_backup(path: Path, data_key: bytearray) -> None:
    """Open the backup's database with the key and run both integrity checks."""
    try:
        work = Path(tempfile.mkdtemp(prefix=".verify-", dir=Path(path).parent))
    except OSError as exc:
        raise _not_written(exc) from exc
    try:
        extract_backup(path, work)
        try:
            problems = check_database_file(work / "vault.db", data_key)
        except (KeysDoNotMatchVault, VaultDamaged) as exc:
            raise _refuse(BackupDamaged, "it does not open with this vault's key, or it is "
                          "damaged.") from exc
        if problems:
            raise _refuse(BackupDamaged, "the vault file inside it is damaged.")
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --- the backups folder -----------------------------------------------------------------------


def _stamp_of(name: str) -> datetime | None:
    match = _STAMPED_NAME.match(name)
    if not match:
        return None
    try:
        return datetime.strptime(match.group(2) + match.group(3), "%Y%m%d%H%M%S").replace(
            tzinfo=UTC)
    except ValueError:
        return None


def stamped_backups(backup_dir: Path) -> list[tuple[datetime, Path]]:
    """Automatic and before-upgrade backups by the time in their names, oldest first."""
    found: list[tuple[datetime, Path]] = []
    try:
        entries = list(Path(backup_dir).iterdir())
    except OSError:
        return []
    for path in entries:
        stamp = _stamp_of(path.name)
        if stamp is not None and path.is_file():
            found.append((stamp, path))
    return sorted(found)


def _creation_order(path: Path, stamp: datetime) -> tuple[int, int, datetime]:
    """Sort key: unreadable files first, then older backups without a sequence (by the time in
    their names), then by sequence, the order in which they were made."""
    try:
        sequence = read_backup_info(path).sequence
    except BackupInvalid:
        return (0, 0, stamp)
    return (1, 0, stamp) if sequence is None else (2, sequence, stamp)


def automatic_backups(backup_dir: Path) -> list[Path]:
    """This vault's automatic backups, oldest first in the order they were made (the sequence
    in their manifests; the clock may have been set backwards since)."""
    found = [(stamp, path) for stamp, path in stamped_backups(backup_dir)
             if _AUTO_NAME.match(path.name)]
    return [path for stamp, path in sorted(found, key=lambda sp: _creation_order(sp[1], sp[0]))]


def next_sequence(backup_dir: Path) -> int:
    """One more than the highest sequence among the automatic backups in backup_dir."""
    highest = 0
    for _stamp, path in stamped_backups(backup_dir):
        if not _AUTO_NAME.match(path.name):
            continue
        with contextlib.suppress(BackupInvalid):
            highest = max(highest, read_backup_info(path).sequence or 0)
    return highest + 1


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Readable backups in a folder, newest first (files that are not backups are skipped)."""
    infos: list[BackupInfo] = []
    try:
        entries = sorted(Path(backup_dir).glob(f"*{BACKUP_SUFFIX}"))
    except OSError:
        return []
    for path in entries:
        if path.name.startswith("."):
            continue
        try:
            infos.append(read_backup_info(path))
        except BackupInvalid:
            continue
    return sorted(infos, key=lambda info: info.created, reverse=True)


def rotate_automatic_backups(backup_dir: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete the oldest automatic backups so that exactly `keep` remain (when there are that
    many). Before-upgrade backups and every other file are never touched."""
    keep = max(1, keep)
    autos = automatic_backups(backup_dir)
    removed: list[Path] = []
    for path in autos[: max(0, len(autos) - keep)]:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    if removed:
        with contextlib.suppress(OSError):
            fsync_dir(Path(backup_dir))
    return removed


def _clean_stale_temporaries(backup_dir: Path) -> None:
    """Leftovers of a backup interrupted by a crash (our own dot-names only, over an hour old)."""
    now = time.time()
    try:
        entries = list(Path(backup_dir).iterdir())
    except OSError:
        return
    for path in entries:
        name = path.name
        ours = (name.startswith((".backup-", ".verify-")) and path.is_dir()) or (
            name.startswith(".") and name.endswith(".tmp") and BACKUP_SUFFIX in name)
        if not ours:
            continue
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime < _STALE_SECONDS:
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink()


def automatic_backup_due(backup_dir: Path, now: datetime | None = None) -> bool:
    """True when no automatic backup was made on today's (local) date."""
    now = (now or datetime.now(UTC)).astimezone()
    today = now.date()
    for stamp, path in stamped_backups(backup_dir):
        if _AUTO_NAME.match(path.name) and stamp.astimezone(now.tzinfo).date() == today:
            return False
    return True


def _auto_path(backup_dir: Path, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    path = backup_dir / f"{AUTO_PREFIX}{stamp}{BACKUP_SUFFIX}"
    n = 2
    while path.exists():
        path = backup_dir / f"{AUTO_PREFIX}{stamp}-{n}{BACKUP_SUFFIX}"
        n += 1
    return path


def auto_backup_if_due(vault: Vault, keep: int = DEFAULT_KEEP, *, now: datetime | None = None,
                       progress: Progress | None = None) -> BackupInfo | None:
    """At the first unlock of a day, a verified backup into the vault's `backups/` folder, then
    the oldest automatic ones beyond `keep` are deleted. Returns None when one was already made
    today. A failure raises before anything is rotated, so good backups are never pushed out by
    a bad one."""
    from advocate_app.store import backup_status

    now = now or datetime.now(UTC)
    backup_dir = vault.backup_dir
    if not automatic_backup_due(backup_dir, now):
        return None
    _clean_stale_temporaries(backup_dir)
    try:
        info = backup_vault(vault, _auto_path(backup_dir, now), progress=progress,
                            sequence=next_sequence(backup_dir))
    except VaultError as exc:
        # Shown on the Backups screen and on Today until a backup succeeds.
        backup_status.record_automatic_failure(vault, exc, now)
        raise
    rotate_automatic_backups(backup_dir, keep)
    backup_status.record_automatic_success(vault)
    return info
