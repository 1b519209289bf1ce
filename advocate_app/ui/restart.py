"""Locking ends the process and starts a fresh one at the unlock window (DESIGN.md, Locking).

Python, Qt and SQLite each keep copies of what passed through them (a passphrase typed, a note
shown, a page decrypted) in memory no code here can reach to wipe. Replacing the process image
clears all of them at once. On POSIX `os.execve` keeps the process id and the terminal; on
Windows, where exec starts a separate process anyway, a new process is spawned and this one
exits.

What the fresh process needs to come back to the same place travels in one environment
variable that holds no content: the window geometry, the user id to preselect, and whether a
demo window was open. Where inside the vault the person was (section, client, tab) is saved in
the vault itself, encrypted, as a draft of the user who locked.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from dataclasses import asdict, dataclass

log = logging.getLogger(__name__)

RESUME_ENV = "ADVOCATE_APP_RESUME"

_USER_ID = re.compile(r"^[0-9A-Za-z-]{1,64}$")
_BASE64 = re.compile(r"^[0-9A-Za-z+/=]{0,4000}$")


@dataclass(frozen=True)
class ResumeState:
    """What a fresh process needs to show the unlock window where the old one was."""

    geometry: str = ""  # base64 of QWidget.saveGeometry(): positions only
    user_id: str = ""
    demo_open: bool = False

    def to_env(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))

    @classmethod
    def from_env(cls, text: str) -> ResumeState | None:
        """None for anything malformed: a fresh start is always a safe fallback."""
        try:
            doc = json.loads(text)
        except ValueError:
            return None
        if not isinstance(doc, dict):
            return None
        geometry = doc.get("geometry", "")
        user_id = doc.get("user_id", "")
        demo_open = doc.get("demo_open", False)
        if not (isinstance(geometry, str) and _BASE64.match(geometry)):
            geometry = ""
        if not (isinstance(user_id, str) and (not user_id or _USER_ID.match(user_id))):
            user_id = ""
        return cls(geometry, user_id, demo_open is True)


def take_resume_state() -> ResumeState | None:
    """The state left by the process this one replaced, if any (read once, then forgotten)."""
    text = os.environ.pop(RESUME_ENV, None)
    return ResumeState.from_env(text) if text else None


def relaunch_command() -> list[str]:
    """The same program with the same arguments: the frozen executable, or the same
    interpreter with its own options (-X, -m …) as it was started."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *sys.argv[1:]]
    original = getattr(sys, "orig_argv", None) or [sys.executable, *sys.argv]
    return [sys.executable, *original[1:]]


def _close_on_exec_everything_but_stdio() -> None:
    """Descriptors a library opened without O_CLOEXEC would leak into the fresh process."""
    import fcntl

    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        fds = list(range(3, 1024))
    for fd in fds:
        if fd <= 2:
            continue
        try:
            flags = fcntl.fcntl(fd, fcntl.F_GETFD)
            fcntl.fcntl(fd, fcntl.F_SETFD, flags | fcntl.FD_CLOEXEC)
        except OSError:
            pass


def flush_output() -> None:
    """The log and the standard streams written out, before this process image ends."""
    for handler in logging.getLogger().handlers:
        handler.flush()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass


def replace_process(state: ResumeState) -> None:
    """Start this program afresh with `state`; returns only if that could not be done (OSError).

    The caller has already saved the drafts and closed the vault.
    """
    argv = relaunch_command()
    env = dict(os.environ)
    env[RESUME_ENV] = state.to_env()
    if getattr(sys, "frozen", False):
        # PyInstaller's documented switch for starting the bundle afresh, not as a child of
        # this instance's bootloader.
        env["PYINSTALLER_RESET_ENVIRONMENT"] = "1"
    flush_output()  # nothing after exec runs in this image
    if sys.platform == "win32":
        # exec on Windows is a new process with a new id anyway, and the old one lingers as
        # its parent: start the new one and leave.
        import subprocess

        subprocess.Popen(argv, env=env, close_fds=True)
        os._exit(0)
        return  # only where os._exit was replaced (tests)
    _close_on_exec_everything_but_stdio()
    os.execve(argv[0], argv, env)  # noqa: S606 (our own program, never a shell)


__all__ = [
    "RESUME_ENV",
    "ResumeState",
    "flush_output",
    "relaunch_command",
    "replace_process",
    "take_resume_state",
]
