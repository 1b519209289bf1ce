"""Encrypted backups: one file holding the database (copied with SQLite's online backup API into
a target keyed with the same data key, never exported to plaintext) and the key slots.

A backup is a zip with three members: `manifest.json` (format, when, vault id, schema revision;
no client content), `vault.db` (SQLCipher pages, encrypted) and `vault.keys.json` (wrapped keys).
It is written atomically and verified by reopening it before it is reported done.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from advocate_app.store.engine import check_database_file, connect_keyed, raw_key_pragma
from advocate_app.store.errors import KeysDoNotMatchVault, VaultDamaged, VaultError
from advocate_app.store.fsutil import fsync_dir
from advocate_app.store.keyslots import KeysFile

BACKUP_FORMAT = "advocate-companion-backup"
BACKUP_VERSION = 1


class BackupInvalid(VaultError):
    pass


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    size_bytes: int
    vault_id: str
    schema_revision: str | None


def _copy_database(db_path: Path, data_key: bytearray, target_db: Path) -> None:
    import sqlcipher3.dbapi2 as sqlcipher

    source = connect_keyed(db_path, data_key)
    try:
        target = sqlcipher.connect(str(target_db), isolation_level=None)
        try:
            target.execute(raw_key_pragma(data_key))
            source.backup(target)
            # The copy is a single self-contained file: no WAL beside it.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    finally:
        source.close()


def create_backup(
    db_path: Path,
    keys: KeysFile,
    data_key: bytearray,
    out_path: Path,
    *,
    schema_revision: str | None,
) -> BackupInfo:
    """Write a verified backup to out_path (atomically); returns what was written."""
    out_path = Path(out_path)
    folder = out_path.parent
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".backup-", dir=folder))
    tmp_zip = folder / f".{out_path.name}.{secrets.token_hex(4)}.tmp"
    try:
        copy = work / "vault.db"
        _copy_database(db_path, data_key, copy)
        created = datetime.now(UTC)
        manifest = {
            "format": BACKUP_FORMAT,
            "version": BACKUP_VERSION,
            "created": created.isoformat(timespec="seconds"),
            "vault_id": keys.vault_id,
            "schema_revision": schema_revision,
        }
        with zipfile.ZipFile(tmp_zip, "w", compression=zipfile.ZIP_STORED) as zf:
            zf.writestr("manifest.json", json.dumps(manifest, sort_keys=True))
            zf.write(copy, "vault.db")
            zf.writestr("vault.keys.json", keys.to_bytes())
        with open(tmp_zip, "rb+") as fh:
            os.fsync(fh.fileno())
        verify_backup(tmp_zip, data_key)
        os.replace(tmp_zip, out_path)
        fsync_dir(folder)
        return read_backup_info(out_path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp_zip.unlink()
        shutil.rmtree(work, ignore_errors=True)


def _refuse(reason: str) -> BackupInvalid:
    return BackupInvalid(f"This file cannot be used as a backup: {reason} Nothing was changed.")


def _open_backup(path: Path) -> tuple[zipfile.ZipFile, dict[str, Any]]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _refuse("it is not an Advocate Companion backup, or it is incomplete.") from exc
    try:
        names = set(zf.namelist())
        if not {"manifest.json", "vault.db", "vault.keys.json"} <= names:
            raise _refuse("it is not an Advocate Companion backup.")
        manifest = json.loads(zf.read("manifest.json").decode("utf-8"))
        if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
            raise _refuse("it is not an Advocate Companion backup.")
        if not isinstance(manifest.get("version"), int) or manifest["version"] > BACKUP_VERSION:
            raise _refuse("it was made by a newer version of Advocate Companion.")
    except BackupInvalid:
        zf.close()
        raise
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError) as exc:
        zf.close()
        raise _refuse("it is damaged or incomplete.") from exc
    return zf, manifest


def read_backup_info(path: Path) -> BackupInfo:
    zf, manifest = _open_backup(path)
    zf.close()
    try:
        created = datetime.fromisoformat(str(manifest["created"]))
    except (KeyError, ValueError) as exc:
        raise _refuse("it is damaged or incomplete.") from exc
    return BackupInfo(
        path=Path(path),
        created=created,
        size_bytes=Path(path).stat().st_size,
        vault_id=str(manifest.get("vault_id")),
        schema_revision=manifest.get("schema_revision"),
    )


def extract_backup(path: Path, dest: Path) -> KeysFile:
    """Unpack the database and keys file into dest (an empty folder); returns the keys."""
    zf, _manifest = _open_backup(path)
    try:
        with zf:
            keys_bytes = zf.read("vault.keys.json")
            with zf.open("vault.db") as src, open(dest / "vault.db", "wb") as out:
                shutil.copyfileobj(src, out)
                out.flush()
                os.fsync(out.fileno())
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _refuse("it is damaged or incomplete.") from exc
    try:
        keys = KeysFile.from_document(json.loads(keys_bytes.decode("utf-8")))
    except (ValueError, VaultError) as exc:
        raise _refuse("its key slots are damaged.") from exc
    (dest / "vault.keys.json").write_bytes(keys_bytes)
    return keys


def verify_backup(path: Path, data_key: bytearray) -> None:
    """Open the backup's database with the key and run both integrity checks."""
    work = Path(tempfile.mkdtemp(prefix=".verify-", dir=Path(path).parent))
    try:
        extract_backup(path, work)
        try:
            problems = check_database_file(work / "vault.db", data_key)
        except (KeysDoNotMatchVault, VaultDamaged) as exc:
            raise _refuse("it does not open with this vault's key or it is damaged.") from exc
        if problems:
            raise _refuse("it failed its integrity check.")
    finally:
        shutil.rmtree(work, ignore_errors=True)
