"""The app's log: events and tracebacks, never client content.

Rules that keep it clean: SQL parameters are hidden by the engine (hide_parameters=True); store
errors carry no content; and the formatter drops exception *messages* from third-party
exceptions (a database error can quote a statement), keeping the type and the traceback lines.
"""

from __future__ import annotations

import contextlib
import logging
import os
import traceback
from pathlib import Path

from advocate_app.paths import log_dir

LOG_FILE_NAME = "advocate-app.log"
_configured: Path | None = None


class ContentFreeFormatter(logging.Formatter):
    def formatException(self, ei) -> str:
        etype, _value, tb = ei
        # File, line and function only: no source lines and no values, so nothing typed into
        # the app can ride along in a traceback.
        frames = "".join(
            f'  File "{f.filename}", line {f.lineno}, in {f.name}\n'
            for f in traceback.extract_tb(tb)
        )
        name = etype.__name__ if etype else "Exception"
        return f"Traceback (most recent call last):\n{frames}{name}: (message withheld)"


def _make_private(folder: Path) -> None:
    """The log folder 0700 and its files 0600 (the process umask covers new rotations)."""
    if os.name == "nt":  # pragma: no cover - the profile folder's ACL protects it
        return
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)
        for entry in folder.iterdir():
            if entry.is_file() and not entry.is_symlink():
                os.chmod(entry, 0o600)


def setup_logging(folder: Path | None = None) -> Path:
    global _configured
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / LOG_FILE_NAME
    if _configured == path:
        return path
    import logging.handlers  # here, not at start-up: it pulls in socket, pickle and more

    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    _make_private(folder)  # also for a log folder made by an earlier version
    handler.setFormatter(ContentFreeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    # SQLAlchemy and Alembic stay quiet: their INFO lines could name tables but we want nothing
    # that grows with use.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    _configured = path
    return path


def log_path() -> Path:
    return _configured or (log_dir() / LOG_FILE_NAME)
