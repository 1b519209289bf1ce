"""Crash-safe file writing: temp file in the same folder, fsync, rename, fsync the folder."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path
from typing import IO

from advocate_app.store.layout import temp_name


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def make_private(path: Path) -> None:
    """Folders 0700, files 0600: nobody else signed in to this computer reads them. A file we
    cannot change (not ours, a read-only disk) is left as it is."""
    if os.name == "nt":  # pragma: no cover - the profile folder's ACL protects it on Windows
        return
    with contextlib.suppress(OSError):
        st = path.lstat()
        if stat.S_ISLNK(st.st_mode):
            return
        wanted = PRIVATE_DIR_MODE if stat.S_ISDIR(st.st_mode) else PRIVATE_FILE_MODE
        if stat.S_IMODE(st.st_mode) != wanted:
            os.chmod(path, wanted)


def make_tree_private(folder: Path) -> None:
    """make_private on a folder and everything below it (the vault folder, fixed on open)."""
    make_private(folder)
    if os.name == "nt":  # pragma: no cover
        return
    with contextlib.suppress(OSError):
        for root, dirs, files in os.walk(folder):
            for name in dirs + files:
                make_private(Path(root) / name)


def private_mkdir(folder: Path) -> None:
    """Make a folder (and missing parents) that only this account can open."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    make_private(folder)


def open_private(path: Path, mode: str = "wb") -> IO[bytes]:
    """Open a new file for writing with 0600 from the first byte, whatever the umask."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, PRIVATE_FILE_MODE)
    make_private(path)
    return os.fdopen(fd, mode)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a crash leaves either the old file or the new one.

    The file is private (0600). No copy of the replaced file is kept: a keys file's previous
    slots must not outlive a revocation.
    """
    folder = path.parent
    tmp = folder / temp_name(path.name, secrets.token_hex(4))
    try:
        with open_private(tmp) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_dir(folder)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
