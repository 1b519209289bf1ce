"""Changing key slots safely: a lock on the keys file that every instance takes, and the pending
keys file that makes "users and key slots change in one step" crash-safe.

A change to users and slots goes: take the keys lock, read the keys file afresh (another
instance may have added a slot since we read it), change it in memory, write it whole to
`vault.keys.json.pending`, commit the database change, then rename the pending file over
`vault.keys.json`. A crash leaves either no pending file (nothing happened), or a pending file
and a database that does or does not hold the change; the next unlock compares the pending
file's users with the database's active users and promotes or drops it (`Vault` does this).

The lock: on Linux and macOS an exclusive `flock` on the vault *folder* itself, which nobody can
delete while the vault is in it (a deleted `vault.lock` once let two instances lose a slot). On
Windows, `msvcrt` on `vault.keys.lock`, which Windows does not let anyone delete while it is
open.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from advocate_app.store.errors import KeysFileDamaged, StorageFull, VaultError
from advocate_app.store.fsutil import atomic_write_bytes, fsync_dir
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import KEYS_FILE_NAME, KEYS_LOCK_NAME, PENDING_KEYS_NAME


@contextlib.contextmanager
def keys_lock(folder: Path) -> Iterator[None]:
    """Held while the keys file is read, changed and written. Blocks until free."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only (mypy reads it too)
        import msvcrt

        fh = open(folder / KEYS_LOCK_NAME, "a+b")  # noqa: SIM115
        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_LOCK, 1)  # retries for about 10 s
            try:
                yield
            finally:
                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        finally:
            fh.close()
        return
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def pending_path(folder: Path) -> Path:
    return folder / PENDING_KEYS_NAME


def write_pending(folder: Path, keys: KeysFile) -> None:
    try:
        atomic_write_bytes(pending_path(folder), keys.to_bytes())
    except OSError as exc:
        raise StorageFull() from exc


def promote_pending(folder: Path) -> None:
    """The pending keys file becomes the keys file (one atomic rename)."""
    try:
        os.replace(pending_path(folder), folder / KEYS_FILE_NAME)
        fsync_dir(folder)
    except OSError as exc:
        raise StorageFull() from exc


def discard_pending(folder: Path) -> None:
    with contextlib.suppress(OSError):
        pending_path(folder).unlink(missing_ok=True)
        fsync_dir(folder)


def read_pending(folder: Path) -> KeysFile | None:
    """The pending keys file, or None when there is none (or it is not whole: a pending file
    is written atomically, so a damaged one was never the point of a commit)."""
    path = pending_path(folder)
    if not path.exists():
        return None
    try:
        import json

        return KeysFile.from_document(json.loads(path.read_bytes().decode("utf-8")))
    except (OSError, ValueError, KeysFileDamaged, VaultError):
        return None


def slot_user_ids(keys: KeysFile) -> set[str]:
    return {str(slot.user_id) for slot in keys.passphrase_slots() if slot.user_id}
