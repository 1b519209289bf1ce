"""The fresh process for after a lock, started ahead of time (DESIGN.md, Locking; issue 21).

A lock ends the process so that nothing typed or shown survives in its memory (restart.py).
Starting Python and Qt afresh at that moment costs most of a second before the unlock window
is back. So, a little while after an unlock, when nothing else is running, the app starts its
successor: the same program on the same command line, a new process that has never held a key,
a passphrase or a note. The successor loads its code, then waits, before it has even connected
to the display, for one line on a pipe only its parent holds:

- when the person locks, the parent saves the drafts, closes the vault and writes the resume
  state (window geometry, user id, demo window: no content) on that pipe; the successor builds
  and shows the unlock window and answers "shown"; then the parent ends at once;
- if the parent ends any other way (the window closed, a crash, a kill), the pipe closes and
  the successor leaves without showing anything;
- if the successor is not there or does not answer in time, the lock falls back to replacing
  the process image as before.

Only on POSIX (the pipes are inherited by descriptor number); on Windows a lock starts the new
process itself (restart.replace_process).
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import stat
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from advocate_app.ui.restart import (
    RESUME_ENV,
    ResumeState,
    flush_output,
    relaunch_command,
    replace_process,
)

if TYPE_CHECKING:  # subprocess (and selectors, signal) only once a successor is started
    import subprocess

log = logging.getLogger(__name__)

STANDBY_ENV = "ADVOCATE_APP_STANDBY"  # "GO_FD,NEWS_FD" in a successor, never inherited further
READY = b"ready\n"
SHOWN = b"shown\n"
MAX_STATE_BYTES = 16_384  # a resume state is a few kilobytes at most
SHOWN_WITHIN_S = 10.0  # a successor still loading when the lock came gets this long

# In a successor that has taken over: where to say "shown" once the window is up.
_news_fd: int | None = None


class SuccessorGone(Exception):
    """The process that started this successor ended without a lock: nothing to show."""


class Successor:
    """The unlocked process's handle on its successor (at most one at a time)."""

    def __init__(
        self,
        command: Callable[[], list[str]] = relaunch_command,
        replace: Callable[[ResumeState], None] = replace_process,
    ) -> None:
        self._command = command
        self._replace = replace
        self._proc: subprocess.Popen[bytes] | None = None
        self._go: int | None = None
        self._news: int | None = None
        self._heard = b""
        self._spawner: threading.Thread | None = None

    # --- in the unlocked process ---------------------------------------------------------------

    def start(self) -> None:
        """Start the successor if none is running; never raises (only speed is at stake).

        On a thread: the parent of a new process waits until the child has started the
        program, tens of milliseconds on a busy machine, and the GUI thread must not."""
        if sys.platform == "win32" or self._spawning() or self.alive():
            return
        self.stop()
        self._spawner = threading.Thread(target=self._spawn, name="successor-start", daemon=True)
        self._spawner.start()

    def _spawning(self) -> bool:
        return self._spawner is not None and self._spawner.is_alive()

    def _settle(self, wait_s: float | None = None) -> None:
        """Wait (up to wait_s) for a start in progress to be over."""
        if self._spawner is not None:
            self._spawner.join(wait_s)
            if not self._spawner.is_alive():
                self._spawner = None

    def _spawn(self) -> None:
        go_read, go_write = os.pipe()
        news_read, news_write = os.pipe()
        env = dict(os.environ)
        env.pop(RESUME_ENV, None)
        env[STANDBY_ENV] = f"{go_read},{news_write}"
        if getattr(sys, "frozen", False):
            env["PYINSTALLER_RESET_ENVIRONMENT"] = "1"  # as restart.replace_process
        import subprocess

        try:
            argv = self._command()
            self._proc = subprocess.Popen(  # our own program, never a shell
                argv, env=env, pass_fds=(go_read, news_write), close_fds=True
            )
        except Exception as exc:  # on its own thread: nobody to raise to, and only speed is lost
            log.info("no successor process (%s); a lock will start one then", type(exc).__name__)
            os.close(go_write)
            os.close(news_read)
            return
        finally:
            os.close(go_read)
            os.close(news_write)
        os.set_blocking(news_read, False)
        self._go, self._news, self._heard = go_write, news_read, b""

    def alive(self) -> bool:
        return not self._spawning() and self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def ready(self, wait_s: float = 0.0) -> bool:
        """The successor has loaded and waits for its turn (waiting up to wait_s to hear so)."""
        if wait_s > 0:
            self._settle(wait_s)
        if self._spawning():
            return False
        if READY not in self._heard:
            self._listen(wait_s)
        return self.alive() and READY in self._heard

    def replace(self, state: ResumeState) -> None:
        """After a lock: hand over to the successor and end this process, or, if it cannot
        take over, replace this process as before. Returns only if neither could be done."""
        if self.hand_over(state):
            flush_output()
            os._exit(0)
            return  # only where os._exit was replaced (tests)
        self._replace(state)

    def hand_over(self, state: ResumeState, within_s: float | None = None) -> bool:
        """Send the state; True once the successor says its unlock window is shown (waiting up
        to within_s, SHOWN_WITHIN_S by default: read at call time, so a test can shorten it)."""
        within_s = SHOWN_WITHIN_S if within_s is None else within_s
        self._settle()
        if not self.alive() or self._go is None:
            self.stop()
            return False
        try:
            os.write(self._go, state.to_env().encode("ascii") + b"\n")
        except OSError:
            self.stop()
            return False
        deadline = time.monotonic() + within_s
        while SHOWN not in self._heard:
            left = deadline - time.monotonic()
            if left <= 0 or not self._listen(left):
                log.warning("the successor did not take over; starting afresh instead")
                self.stop()
                return False
        return True

    def stop(self) -> None:
        """Let the successor go (it sees the pipe close and leaves), then forget it."""
        self._settle()
        for fd in (self._go, self._news):
            if fd is not None:
                os.close(fd)
        self._go = self._news = None
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            import subprocess

            try:
                proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def _listen(self, timeout: float) -> bool:
        """Read what the successor said, waiting up to `timeout`; False at its end."""
        if self._news is None:
            return False
        readable, _, _ = select.select([self._news], [], [], timeout)
        if not readable:
            return True
        try:
            chunk = os.read(self._news, 64)
        except BlockingIOError:
            return True
        except OSError:
            return False
        self._heard += chunk
        return bool(chunk)


# --- in the successor ------------------------------------------------------------------------


def is_successor() -> bool:
    return STANDBY_ENV in os.environ


def wait_for_turn() -> None:
    """In a successor: wait until the parent locks, and take its resume state as a fresh
    process after a lock would (restart.take_resume_state reads it). Does nothing in any other
    process. Raises SuccessorGone if the parent ended without a lock."""
    global _news_fd
    channel = os.environ.pop(STANDBY_ENV, None)
    if channel is None:
        return
    try:
        go, news = (int(part) for part in channel.split(","))
    except ValueError:
        return  # not ours: start as a plain fresh process
    if not (_is_inherited_pipe(go) and _is_inherited_pipe(news)):
        return  # a stale or made-up value: never wait on a terminal or a closed descriptor
    _prepare()
    try:
        os.write(news, READY)
        line = _read_line(go)
    except OSError:
        line = b""
    finally:
        with contextlib.suppress(OSError):
            os.close(go)
    if not line.endswith(b"\n"):
        with contextlib.suppress(OSError):
            os.close(news)
        raise SuccessorGone
    state = ResumeState.from_env(line.decode("ascii", "replace"))
    if state is not None:
        os.environ[RESUME_ENV] = state.to_env()
    _news_fd = news


def announce_shown() -> None:
    """In a successor that took over: the unlock window is up, the parent may end."""
    global _news_fd
    news, _news_fd = _news_fd, None
    if news is None:
        return
    try:
        os.write(news, SHOWN)
    except OSError:
        pass  # the parent is gone already
    finally:
        os.close(news)


def _is_inherited_pipe(fd: int) -> bool:
    try:
        return fd > 2 and stat.S_ISFIFO(os.fstat(fd).st_mode)
    except OSError:
        return False


def _read_line(fd: int) -> bytes:
    line = b""
    while not line.endswith(b"\n") and len(line) < MAX_STATE_BYTES:
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        line += chunk
    return line


def _prepare() -> None:
    """While waiting costs nobody anything: make the Qt classes the unlock window uses (PySide
    builds each class and its enums on first touch), and those the warm-up would make while
    the passphrase is typed (ui/warmup.py). No display is needed for this."""
    from advocate_app.ui import qt
    from advocate_app.ui.warmup import make_qt_classes

    make_qt_classes()

    for cls, enum in (
        ("Qt", "AlignmentFlag"),
        ("QLineEdit", "EchoMode"),
        ("QComboBox", "InsertPolicy"),
        ("QFormLayout", "RowWrapPolicy"),
        ("QSizePolicy", "Policy"),
        ("QFrame", "Shape"),
        ("QAbstractItemView", "EditTrigger"),
        ("QAccessible", "Role"),
        ("QPalette", "ColorRole"),
    ):
        getattr(getattr(qt, cls), enum)


__all__ = [
    "STANDBY_ENV",
    "Successor",
    "SuccessorGone",
    "announce_shown",
    "is_successor",
    "wait_for_turn",
]
