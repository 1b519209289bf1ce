"""One writer per vault: an exclusive lock on `vault.lock`, held while the app has the vault."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from advocate_app.store.errors import VaultInUse
from advocate_app.store.layout import LOCK_FILE_NAME


class FolderLock:
    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_FILE_NAME
        self._fh: IO[bytes] | None = None

    def acquire(self) -> None:
        fh = open(self.path, "a+b")  # noqa: SIM115 - held open for the app's lifetime
        try:
            _lock(fh)
        except OSError as exc:
            fh.close()
            raise VaultInUse(_IN_USE) from exc
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()).encode("ascii"))
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            try:
                _unlock(self._fh)
            finally:
                self._fh.close()
                self._fh = None

    @property
    def held(self) -> bool:
        return self._fh is not None


_IN_USE = (
    "Advocate Companion is already open on this vault, in another window or by another person "
    "signed in to this computer. Switch to that window: only one copy can use the vault at a "
    "time."
)


@contextlib.contextmanager
def reading(folder: Path) -> Iterator[None]:
    """A shared lock for a diagnosis: refused while the app has the vault open, and nothing is
    created or written (no lock file is made when there is none)."""
    try:
        fh = open(Path(folder) / LOCK_FILE_NAME, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        yield
        return
    with fh:
        try:
            _lock_shared(fh)
        except OSError as exc:
            raise VaultInUse(_IN_USE) from exc
        try:
            yield
        finally:
            _unlock(fh)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only (mypy reads it too)
    import msvcrt

    def _lock(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

    def _lock_shared(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBRLCK, 1)

else:
    import fcntl

    def _lock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    def _lock_shared(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
