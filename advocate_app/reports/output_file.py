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

from advocate_app.i18n import QT_TR_NOOP, MarkedError
from advocate_app.store.fsutil import fsync_dir


class OutputProblem(MarkedError, ValueError):
    """The output path cannot be used; the message says why and what to do.

    A marked template and its values, like store.errors.VaultError: `message` is translated
    in the language shown, `str(exc)` stays English.
    """


class OutputExists(OutputProblem):
    """The file exists and replacing it was not confirmed."""


def check_output_path(path: Path, data_folder: Path, *, overwrite: bool) -> Path:
    path = Path(path).expanduser()
    if not path.name:
        raise OutputProblem(QT_TR_NOOP("Give the summary a file name, for example summary.pdf."))
    target = path.resolve()
    data = Path(data_folder).resolve()
    if target == data or target.is_relative_to(data):
        raise OutputProblem(
            QT_TR_NOOP(
                "{0} is inside the vault's data folder, where the app keeps its own files. "
                "Save the summary somewhere else, for example in Documents."
            ),
            path,
        )
    if target.is_dir():
        raise OutputProblem(
            QT_TR_NOOP("{0} is a folder. Give a file name, for example {1}."),
            path,
            path / "summary.pdf",
        )
    folder = target.parent
    if not folder.exists():
        raise OutputProblem(
            QT_TR_NOOP("The folder {0} does not exist. Create it or choose another."), folder
        )
    if not folder.is_dir():
        raise OutputProblem(
            QT_TR_NOOP("{0} is not a folder. Choose another place to save."), folder
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputProblem(
            QT_TR_NOOP(
                "The folder {0} cannot be written (no permission). Choose another place to save."
            ),
            folder,
        )
    if target.exists():
        if not os.access(target, os.W_OK):
            raise OutputProblem(
                QT_TR_NOOP("{0} exists and cannot be replaced (no permission)."), path
            )
        if not overwrite:
            raise OutputExists(
                QT_TR_NOOP("{0} already exists. Replace it, or choose another name."), path
            )
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
