"""Finishing what a killed restore or re-key left half done, before the vault is opened.

Both stage everything in a hidden folder inside the vault folder and write a READY mark once the
staged files passed their checks. From READY on, every step is a rename or a delete that can be
repeated, so whoever opens the folder next rolls the operation forward; a staging folder without
READY never touched the live vault and is removed. The caller holds the vault's folder lock.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store.errors import VaultError
from advocate_app.store.fsutil import atomic_write_bytes, fsync_dir
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import (
    ASIDE_DIR_NAME,
    BACKUP_DIR_NAME,
    BACKUP_SUFFIX,
    BEFORE_RESTORE_PREFIX,
    DB_COMPANION_SUFFIXES,
    DB_FILE_NAME,
    KEYS_FILE_NAME,
    LIVE_FILES,
    PENDING_KEYS_NAME,
    PREVIOUS_KEYS_NAME,
    REKEY_READY_FILE,
    REKEY_STAGING_PREFIX,
    RESTORE_READY_FILE,
    RESTORE_STAGING_PREFIX,
)

# --- a restore ---------------------------------------------------------------------------------


def _stamp() -> str:
    from datetime import UTC, datetime  # here: opening a vault needs no dates

    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def _aside_name(folder: Path) -> str:
    base = f"{BEFORE_RESTORE_PREFIX}{_stamp()}"
    name, n = base, 2
    while (folder / name).exists():
        name = f"{base}-{n}"
        n += 1
    return name


def restore_staging_folders(folder: Path) -> list[Path]:
    """The restore staging folders in folder, READY or not."""
    try:
        return sorted(
            p for p in folder.iterdir() if p.name.startswith(RESTORE_STAGING_PREFIX) and p.is_dir()
        )
    except OSError:
        return []


def roll_forward_restore(folder: Path, staging: Path) -> Path | None:
    """Finish a restore whose staging folder is READY. Every step is an atomic rename, and the
    sequence can be repeated after a crash at any point:

    1. the live files (LIVE_FILES order: the database first) move into `<staging>/aside/`;
    2. that folder is renamed to a new `before-restore-<stamp>` (never an existing one);
    3. the restored keys file, then the restored database, move in; the staging folder goes.
    """
    staged_db = staging / DB_FILE_NAME
    staged_keys = staging / KEYS_FILE_NAME
    gathering = staging / ASIDE_DIR_NAME
    if staged_db.exists() and staged_keys.exists():
        # Nothing restored has been moved in yet, so every live file is the old vault's.
        present = [name for name in LIVE_FILES if (folder / name).exists()]
        if present:
            gathering.mkdir(exist_ok=True)
            for name in present:
                if (gathering / name).exists():
                    # Two different vaults' files: stop rather than overwrite either.
                    raise VaultError(
                        QT_TR_NOOP(
                            "A restore that was interrupted cannot be finished safely: "
                            "the vault "
                            "folder changed since. Nothing was moved or deleted. Ask for help "
                            "before changing the folder."
                        )
                    )
                os.replace(folder / name, gathering / name)
            fsync_dir(gathering)
            fsync_dir(folder)
    aside: Path | None = None
    if gathering.exists():
        aside = folder / _aside_name(folder)
        os.replace(gathering, aside)  # a new name: rename never merges into a folder
        fsync_dir(folder)
    if staged_keys.exists():
        os.replace(staged_keys, folder / KEYS_FILE_NAME)
    if staged_db.exists():
        os.replace(staged_db, folder / DB_FILE_NAME)
    fsync_dir(folder)
    shutil.rmtree(staging, ignore_errors=True)
    return aside


def finish_restore_locked(folder: Path) -> Path | None:
    """Finish the READY restore (if any) and discard unverified staging folders; the caller
    holds the vault lock. Returns where the replaced vault was kept, when it moved now."""
    finished = False
    aside: Path | None = None
    for staging in restore_staging_folders(folder):
        if (staging / RESTORE_READY_FILE).is_file() and not finished:
            aside = roll_forward_restore(folder, staging)
            finished = True
        else:
            # Unpacked but never verified: the live vault was not touched. Our own temporary
            # copy (encrypted pages only) goes.
            shutil.rmtree(staging, ignore_errors=True)
    return aside


# --- a re-key ----------------------------------------------------------------------------------


def _rekey_staging_folders(folder: Path) -> list[Path]:
    try:
        return sorted(
            p for p in folder.iterdir() if p.name.startswith(REKEY_STAGING_PREFIX) and p.is_dir()
        )
    except OSError:
        return []


def _strip_slots(keys_path: Path, revoked: set[str]) -> None:
    """Take the revoked users' slots out of a kept-aside keys file (its database stays under
    the key of its day; nobody's old passphrase opens it through this file any more)."""
    try:
        doc = json.loads(keys_path.read_bytes().decode("utf-8"))
        keys = KeysFile.from_document(doc)
    except (OSError, ValueError, VaultError):
        return
    kept = [s for s in keys.slots if not (s.user_id and str(s.user_id) in revoked)]
    if len(kept) == len(keys.slots):
        return
    keys.slots = kept
    atomic_write_bytes(keys_path, keys.to_bytes())


def roll_forward_rekey(folder: Path, staging: Path) -> None:
    """Finish a re-key whose staging folder is READY. Renames and deletes only; safe to repeat
    after a crash at any point."""
    marker = json.loads((staging / REKEY_READY_FILE).read_text("utf-8"))
    replace = [str(n) for n in marker.get("replace", [])]
    delete = [str(n) for n in marker.get("delete", [])]
    revoked = {str(u) for u in marker.get("revoked", [])}
    for name in replace + delete:
        if "/" in name or "\\" in name or not name.endswith(BACKUP_SUFFIX):
            raise VaultError(
                QT_TR_NOOP("The re-key mark is not one this app wrote; nothing was moved.")
            )
    staged_keys = staging / KEYS_FILE_NAME
    staged_db = staging / DB_FILE_NAME
    if staged_keys.exists():
        os.replace(staged_keys, folder / KEYS_FILE_NAME)
        fsync_dir(folder)
    if staged_db.exists():
        # No connection is open and the staged copy already holds everything the WAL held.
        for suffix in DB_COMPANION_SUFFIXES:
            (folder / (DB_FILE_NAME + suffix)).unlink(missing_ok=True)
        os.replace(staged_db, folder / DB_FILE_NAME)
        fsync_dir(folder)
    backup_dir = folder / BACKUP_DIR_NAME
    for name in replace:
        staged = staging / BACKUP_DIR_NAME / name
        if staged.exists():
            os.replace(staged, backup_dir / name)
    for name in delete:
        (backup_dir / name).unlink(missing_ok=True)
    if replace or delete:
        fsync_dir(backup_dir)
    for leftover in (PREVIOUS_KEYS_NAME, PENDING_KEYS_NAME):
        (folder / leftover).unlink(missing_ok=True)
    for aside in sorted(folder.glob(BEFORE_RESTORE_PREFIX + "*")):
        if not aside.is_dir() or aside.is_symlink():
            continue
        staged_aside = staging / ASIDE_DIR_NAME / aside.name
        for name in (KEYS_FILE_NAME, DB_FILE_NAME):
            if (staged_aside / name).exists():
                if name == DB_FILE_NAME:
                    for suffix in DB_COMPANION_SUFFIXES:
                        (aside / (DB_FILE_NAME + suffix)).unlink(missing_ok=True)
                os.replace(staged_aside / name, aside / name)
        (aside / PREVIOUS_KEYS_NAME).unlink(missing_ok=True)
        if (aside / KEYS_FILE_NAME).is_file():
            _strip_slots(aside / KEYS_FILE_NAME, revoked)
        fsync_dir(aside)
    fsync_dir(folder)
    shutil.rmtree(staging, ignore_errors=True)
    fsync_dir(folder)


def finish_interrupted_rekey(folder: Path) -> bool:
    """Complete a re-key that reached READY, or drop one that did not (the live vault was not
    touched). The caller holds the vault's folder lock. Returns True when one was finished."""
    finished = False
    for staging in _rekey_staging_folders(Path(folder)):
        if (staging / REKEY_READY_FILE).is_file() and not finished:
            try:
                roll_forward_rekey(Path(folder), staging)
            except (OSError, ValueError, KeyError) as exc:
                raise VaultError(
                    QT_TR_NOOP(
                        "A change of the vault's keys was interrupted and could not be "
                        "finished "
                        "because the vault folder cannot be written. Nothing was deleted: free some "
                        "space or check the disk, then open the app again."
                    )
                ) from exc
            finished = True
        else:
            shutil.rmtree(staging, ignore_errors=True)
    return finished
