"""Writing a backup file: the database copied under a key, the manifest and the key slots in
one zip, written atomically and verified by reopening before it is reported done; and
re-encrypting an existing backup under a new data key (a re-key). The format itself, and
reading it, are backup_file.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store.backup_file import (
    BACKUP_FORMAT,
    BACKUP_VERSION,
    MANIFEST_NAME,
    BackupInfo,
    BackupInvalid,
    BackupNotWritten,
    database_salt,
    extract_backup,
    is_storage_sqlite_error,
    make_private_file,
    not_written,
    read_backup_info,
    verify_backup,
)
from advocate_app.store.engine import check_database_file, connect_keyed, raw_key_pragma
from advocate_app.store.errors import KeysDoNotMatchVault, VaultDamaged, VaultError
from advocate_app.store.fsutil import fsync_dir, make_private
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import (
    BACKUP_WORK_PREFIX,
    DB_FILE_NAME,
    KEYS_FILE_NAME,
    REENCRYPT_WORK_PREFIX,
    temp_name,
)

Progress = Callable[[int], None]


# The copy goes PAGES_PER_STEP pages at a time (1 MiB of 4 KiB pages: a few milliseconds of
# decrypting and encrypting, with the GIL released), then rests PAUSE_SECONDS, so a backup
# of a large vault never keeps the app's other threads, or other programs, from a processor
# or the disk for long.
PAGES_PER_STEP = 256
PAUSE_SECONDS = 0.002
# The daily backup, on a lowered thread, goes 16 MiB at a time instead, in the copy, the zip
# and the check alike: each batch is a turn of Python holding the GIL, and a lowered thread
# descheduled during one keeps the GUI thread waiting (in-process at 10,000 clients on a busy
# machine: the longest such wait 27-45 ms with 1 MiB batches, 13-16 ms with 16 MiB).
LOWERED_PAGES_PER_STEP = 4096
LOWERED_CHUNK = 16 << 20


def rest_between_batches(seconds: float) -> None:
    time.sleep(seconds)


# The daily backup's copy, zip and checks run at this lower OS priority (nice), so the GUI
# thread and other programs get a processor first. Only those: they let go of Python's lock
# (SQLCipher, zlib, file reads and writes), while a lowered thread descheduled by a busy
# machine while it holds the lock (running Python) keeps every other thread waiting as long.
LOWERED_NICE = 10

T = TypeVar("T")


def on_lowered_thread(work: Callable[[], T]) -> T:
    """work() on a new thread at LOWERED_NICE (Linux and macOS give each thread its own
    priority; elsewhere, at the usual one), waited for; what it raises is raised here."""
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        _lower_this_thread()
        try:
            outcome.append(work())
        except BaseException as exc:  # handed to the waiting thread
            failure.append(exc)

    thread = threading.Thread(target=run, name="backup-lowered")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return outcome[0]


def _lower_this_thread() -> None:
    try:
        tid = threading.get_native_id()
        if os.getpriority(os.PRIO_PROCESS, tid) < LOWERED_NICE:
            os.setpriority(os.PRIO_PROCESS, tid, LOWERED_NICE)
    except (AttributeError, OSError):  # Windows has no setpriority; the work still runs
        pass


# The database goes into the zip 1 MiB at a time: zipfile's own 8 KiB loop is twenty thousand
# turns of Python for a large vault, each holding the GIL, and a lowered thread descheduled
# while it holds the GIL keeps the GUI thread waiting (measured: 28 ms on a busy machine).
ZIP_CHUNK = 1 << 20


def _add_file(zf: zipfile.ZipFile, path: Path, name: str, chunk_size: int = ZIP_CHUNK) -> None:
    """zf.write(path, name), in chunk_size pieces (reading, the checksum and writing all let
    go of the GIL)."""
    info = zipfile.ZipInfo.from_file(path, name)
    info.compress_type = zipfile.ZIP_STORED
    with open(path, "rb") as src, zf.open(info, "w") as dest:
        while chunk := src.read(chunk_size):
            dest.write(chunk)


def copy_database(
    db_path: Path,
    data_key: bytearray,
    target_db: Path,
    target_key: bytearray | None = None,
    *,
    progress: Progress | None = None,
    durable: bool = True,
    pages_per_step: int | None = None,
) -> None:
    """Copy every page into target_db, keyed with target_key (default: the same data key).
    Pages are decrypted and encrypted again inside SQLCipher: never written in plain.

    progress(percent) as the pages go. durable: the copy is on disk when this returns (False
    for a scratch copy that is read back at once and deleted)."""
    import sqlcipher3.dbapi2 as sqlcipher

    source = connect_keyed(db_path, data_key)
    try:
        make_private_file(target_db)
        target = sqlcipher.connect(str(target_db), isolation_level=None)
        try:
            target.execute(raw_key_pragma(target_key if target_key is not None else data_key))
            # A new file that is complete only when the copy is: no journal, no flush to disk
            # after every batch (one at the end when it must last).
            target.execute("PRAGMA journal_mode = OFF")
            target.execute("PRAGMA synchronous = OFF")
            # One read transaction for the whole copy: every batch reads the same snapshot,
            # so what the app writes meanwhile (other connections, write-ahead log) neither
            # restarts the copy nor lands half in it.
            source.execute("BEGIN")
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()
            reported = [-1]

            def step(_status: int, remaining: int, total: int) -> None:
                if progress is not None and total:
                    percent = (100 * (total - remaining)) // total
                    if percent != reported[0]:
                        reported[0] = percent
                        progress(percent)
                if remaining:
                    rest_between_batches(PAUSE_SECONDS)

            try:
                source.backup(target, pages=pages_per_step or PAGES_PER_STEP, progress=step)
            except sqlcipher.DatabaseError as exc:
                if is_storage_sqlite_error(exc):
                    raise not_written(exc) from exc
                raise VaultDamaged(
                    QT_TR_NOOP(
                        "No backup was made because part of the vault could not be read: "
                        "it may be "
                        "damaged. The existing backups were kept. Check the vault (Backups, or "
                        "`advocate-app check`) and restore the newest backup if it is damaged."
                    )
                ) from exc
            finally:
                source.execute("ROLLBACK")  # the read transaction: nothing was written
            # The copy is a single self-contained file: no WAL beside it.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    finally:
        source.close()
    if durable:
        _fsync_file(target_db)


def _keys_for_backup(keys: KeysFile) -> bytes:
    """The keys file as a backup holds it: without the office's sign-in label, so a lost
    backup names no office (the label is set again in Settings after a restore)."""
    copy = KeysFile.from_document(keys.document())
    copy.sign_in_label = ""
    return copy.to_bytes()


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
    large_steps: bool = False,
) -> BackupInfo:
    """Write a verified backup to out_path (atomically); returns what was written.
    large_steps: 16 MiB at a time rather than 1 (for a lowered thread: see LOWERED_CHUNK).

    Raises BackupNotWritten (a StorageFull) when the disk is full or the folder is read-only,
    VaultDamaged when the vault itself cannot be copied; in every case nothing is left behind.
    """
    last = [-1]

    def report(percent: int) -> None:
        # Each report is a signal to the GUI thread: only when the percent changes.
        if progress is not None and percent != last[0]:
            last[0] = percent
            progress(percent)

    out_path = Path(out_path)
    folder = out_path.parent
    tmp_zip = folder / temp_name(out_path.name, secrets.token_hex(4))
    work: Path | None = None
    try:
        try:
            if not folder.exists():
                folder.mkdir(parents=True, exist_ok=True)
                make_private(folder)
            work = Path(tempfile.mkdtemp(prefix=BACKUP_WORK_PREFIX, dir=folder))
        except OSError as exc:
            raise not_written(exc) from exc
        report(5)
        copy = work / DB_FILE_NAME
        # The moment of the snapshot, to the microsecond: a restore compares it with the
        # current vault's records to say what is newer.
        created = datetime.now(UTC)
        try:
            # The copy's share of the bar: 5 to 50.
            copy_database(
                db_path,
                data_key,
                copy,
                progress=lambda percent: report(5 + percent * 45 // 100),
                durable=False,  # read into the zip (which is flushed) and deleted
                pages_per_step=LOWERED_PAGES_PER_STEP if large_steps else None,
            )
        except KeysDoNotMatchVault as exc:
            raise VaultDamaged(exc.message) from exc
        except OSError as exc:
            raise not_written(exc) from exc
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
                zf.writestr(MANIFEST_NAME, json.dumps(manifest, sort_keys=True))
                _add_file(zf, copy, DB_FILE_NAME, LOWERED_CHUNK if large_steps else ZIP_CHUNK)
                zf.writestr(KEYS_FILE_NAME, _keys_for_backup(keys))
            _fsync_file(tmp_zip)
        except OSError as exc:
            raise not_written(exc) from exc
        shutil.rmtree(work, ignore_errors=True)
        work = None
        report(70)
        try:
            verify_backup(tmp_zip, data_key, LOWERED_CHUNK if large_steps else ZIP_CHUNK)
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
                    QT_TR_NOOP(
                        "No backup was made because the vault file is damaged. "
                        " The existing backups were kept. Restore the newest "
                        "backup."
                    )
                ) from exc
            raise BackupNotWritten(
                QT_TR_NOOP(
                    "The backup was written but did not read back correctly, so it was "
                    "not kept. "
                    "The disk or USB stick may be failing. Nothing was changed; try another disk."
                )
            ) from exc
        try:
            os.replace(tmp_zip, out_path)
            fsync_dir(folder)
        except OSError as exc:
            raise not_written(exc) from exc
        report(100)
        return read_backup_info(out_path)
    finally:
        with contextlib.suppress(OSError):
            tmp_zip.unlink()
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


def reencrypt_backup(
    path: Path, old_key: bytearray, new_key: bytearray, new_keys: KeysFile, dest: Path
) -> None:
    """Write at dest a copy of the backup at path whose database is under new_key and whose key
    slots are new_keys; its date and schema stay. BackupInvalid (or KeysDoNotMatchVault) when
    the backup is not under old_key. Verified before it returns."""
    info = read_backup_info(path)
    work = Path(tempfile.mkdtemp(prefix=REENCRYPT_WORK_PREFIX, dir=dest.parent))
    try:
        extract_backup(path, work)
        copy_database(work / DB_FILE_NAME, old_key, work / "new.db", target_key=new_key)
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
            zf.writestr(MANIFEST_NAME, json.dumps(manifest, sort_keys=True))
            _add_file(zf, work / "new.db", DB_FILE_NAME)
            zf.writestr(KEYS_FILE_NAME, _keys_for_backup(new_keys))
        _fsync_file(dest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    verify_backup(dest, new_key)
