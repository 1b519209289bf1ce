"""Crash-safe file writing: temp file in the same folder, fsync, rename, fsync the folder."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, *, keep_previous: bool = False) -> None:
    """Write `data` to `path` so that a crash leaves either the old file or the new one.

    With keep_previous, the file being replaced is kept beside it as `<name>.prev`.
    """
    folder = path.parent
    tmp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if keep_previous and path.exists():
            prev = path.with_name(path.name + ".prev")
            with open(path, "rb") as src:
                old = src.read()
            prev_tmp = folder / f".{prev.name}.{secrets.token_hex(4)}.tmp"
            with open(prev_tmp, "wb") as fh:
                fh.write(old)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(prev_tmp, prev)
        os.replace(tmp, path)
        fsync_dir(folder)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
