"""Where an exported summary may be written, and writing it so nothing half-written is left.

Refused, each with a sentence naming the problem: a path inside the vault's folder (an export
once overwrote vault.db itself), a path that is a folder, a folder that does not exist or
cannot be written. An existing file is replaced only when the caller says so (the GUI asks,
the CLI needs --force).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from advocate_app.store.fsutil import fsync_dir


class OutputProblem(ValueError):
    """The output path cannot be used; the message says why and what to do."""


class OutputExists(OutputProblem):
    """The file exists and replacing it was not confirmed."""


def check_output_path(path: Path, data_folder: Path, *, overwrite: bool) -> Path:
    path = Path(path).expanduser()
    if not path.name:
        raise OutputProblem("Give the summary a file name, for example summary.pdf.")
    target = path.resolve()
    data = Path(data_folder).resolve()
    if target == data or target.is_relative_to(data):
        raise OutputProblem(
            f"{path} is inside the vault's data folder, where the app keeps its own files. "
            "Save the summary somewhere else, for example in Documents.")
    if target.is_dir():
        raise OutputProblem(f"{path} is a folder. Give a file name, for example "
                            f"{path / 'summary.pdf'}.")
    folder = target.parent
    if not folder.exists():
        raise OutputProblem(f"The folder {folder} does not exist. Create it or choose another.")
    if not folder.is_dir():
        raise OutputProblem(f"{folder} is not a folder. Choose another place to save.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputProblem(f"The folder {folder} cannot be written (no permission). Choose "
                            "another place to save.")
    if target.exists():
        if not os.access(target, os.W_OK):
            raise OutputProblem(f"{path} exists and cannot be replaced (no permission).")
        if not overwrite:
            raise OutputExists(f"{path} already exists. Replace it, or choose another name.")
    return target


def write_file(path: Path, data: bytes, before_rename: Callable[[], None] | None = None) -> None:
    """Write data to a temporary file in the same folder (fsynced), run before_rename (the
    ledger entry), then rename it over path. On any failure nothing is left behind."""
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=".summary-", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if before_rename is not None:
            before_rename()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(folder)
