"""The vault folder: whether it holds a vault, and putting it right before anything uses it.

Before a vault is opened or set up (with the one-writer lock held) `prepare` finishes or rolls
back a restore that was interrupted, discards a set-up that never finished, and removes the
temporary files a killed operation left behind (our own names only, in our own folders).
Diagnosis never calls it: a diagnosis only reads.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from pathlib import Path

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store.errors import VaultError, VaultReadOnly
from advocate_app.store.fsutil import fsync_dir
from advocate_app.store.interrupted import finish_restore_locked
from advocate_app.store.layout import (
    BACKUP_DIR_NAME,
    BACKUP_SUFFIX,
    BACKUP_WORK_PREFIX,
    DB_FILE_NAME,
    KEYS_FILE_NAME,
    LIVE_FILES,
    LOCK_FILE_NAME,
    RESTORE_READY_FILE,
    RESTORE_STAGING_PREFIX,
    SETUP_MARKER,
    TEMP_SUFFIX,
    VERIFY_WORK_PREFIX,
)


def _entries(folder: Path) -> list[Path]:
    try:
        return list(Path(folder).iterdir())
    except OSError:
        return []


def restore_pending(folder: Path) -> bool:
    """A restore passed its checks (READY) but was interrupted before it finished."""
    return any(
        p.name.startswith(RESTORE_STAGING_PREFIX) and (p / RESTORE_READY_FILE).is_file()
        for p in _entries(folder)
    )


def setup_incomplete(folder: Path) -> bool:
    return (Path(folder) / SETUP_MARKER).exists()


def holds_vault(folder: Path) -> bool:
    """Whether folder holds a vault, whole or not (a pending restore counts; a set-up that never
    finished does not)."""
    folder = Path(folder)
    if restore_pending(folder):
        return True
    if setup_incomplete(folder):
        return False
    return (folder / DB_FILE_NAME).exists() or (folder / KEYS_FILE_NAME).exists()


def is_read_only_error(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS)


def require_writable(folder: Path) -> None:
    """Raise VaultReadOnly when the folder or one of the vault's files cannot be written."""
    folder = Path(folder)
    paths = [folder] + [
        folder / name for name in (*LIVE_FILES, LOCK_FILE_NAME) if (folder / name).exists()
    ]
    for path in paths:
        if not os.access(path, os.W_OK):
            raise VaultReadOnly(folder)


# --- set-up -----------------------------------------------------------------------------------


def begin_setup(folder: Path) -> None:
    marker = Path(folder) / SETUP_MARKER
    with open(marker, "wb") as fh:
        fh.flush()
        os.fsync(fh.fileno())
    fsync_dir(Path(folder))


def finish_setup(folder: Path) -> None:
    """The set-up's last step: from here the folder holds a whole vault."""
    os.unlink(Path(folder) / SETUP_MARKER)
    fsync_dir(Path(folder))


def discard_incomplete_setup(folder: Path) -> bool:
    """Remove what a set-up that never finished left (no records can be in it)."""
    folder = Path(folder)
    if not setup_incomplete(folder):
        return False
    for name in LIVE_FILES:
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()
    fsync_dir(folder)
    os.unlink(folder / SETUP_MARKER)
    fsync_dir(folder)
    return True


# --- leftovers --------------------------------------------------------------------------------


def _is_our_temporary(path: Path, *, in_backups: bool) -> bool:
    name = path.name
    if not in_backups:
        return name.startswith(f".{KEYS_FILE_NAME}.") and name.endswith(TEMP_SUFFIX)
    if name.startswith((BACKUP_WORK_PREFIX, VERIFY_WORK_PREFIX)):
        return path.is_dir()
    return name.startswith(".") and name.endswith(TEMP_SUFFIX) and f"{BACKUP_SUFFIX}." in name


def clean_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files and folders of killed operations (our own names only)."""
    folder = Path(folder)
    removed: list[Path] = []
    for base, in_backups in ((folder, False), (folder / BACKUP_DIR_NAME, True)):
        for path in _entries(base):
            if not _is_our_temporary(path, in_backups=in_backups):
                continue
            with contextlib.suppress(OSError):
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                removed.append(path)
    return removed


def prepare(folder: Path) -> None:
    """Put the folder right before it is opened or set up. The caller holds the vault lock."""
    folder = Path(folder)
    try:
        if restore_pending(folder):
            finish_restore_locked(folder)
            # A set-up mark next to a restore that passed its checks is stale: the restored
            # vault is whole.
            with contextlib.suppress(FileNotFoundError):
                os.unlink(folder / SETUP_MARKER)
        else:
            finish_restore_locked(folder)  # discards unverified staging folders
            discard_incomplete_setup(folder)
        clean_temporaries(folder)
    except OSError as exc:
        if is_read_only_error(exc):
            raise VaultReadOnly(folder) from exc
        raise VaultError(
            QT_TR_NOOP(
                "The vault folder could not be put in order (an interrupted restore or "
                "set-up could "
                "not be finished) because the disk reported an error. Nothing was deleted. Check "
                "the disk, then start again."
            )
        ) from exc


__all__ = [
    "begin_setup",
    "clean_temporaries",
    "discard_incomplete_setup",
    "finish_setup",
    "holds_vault",
    "is_read_only_error",
    "prepare",
    "require_writable",
    "restore_pending",
    "setup_incomplete",
]
