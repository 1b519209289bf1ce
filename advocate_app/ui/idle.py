"""Application-wide idle detection: any key, click, wheel or mouse move restarts the timer.

The timer runs on the monotonic clock, which stops while the computer sleeps: a laptop closed
for an hour wakes up with the same minutes left as when it was closed. A second, short timer
compares the wall clock with the monotonic clock; when the wall clock has jumped ahead (a
wake-up), the time since the last activity is measured on the wall clock, and past the idle
limit that is idle at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from advocate_app.ui import qt
from advocate_app.ui.qt import QApplication, QObject, QTimer, Signal

if TYPE_CHECKING:
    from advocate_app.ui.qt import QEvent

_ACTIVITY_NAMES = (
    "KeyPress",
    "MouseButtonPress",
    "MouseMove",
    "Wheel",
    "TouchBegin",
    "InputMethod",
)
# Filled when watching starts: QEvent's class (180 event types) is not on the way to the unlock
# window (issue 21).
_ACTIVITY: set[object] = set()

CLOCK_CHECK_MS = 2000
# Once activity is seen, the watcher steps aside for this long. An application-wide Python
# event filter costs a call into Python for every event of every widget (at 50,000 clients,
# 10-15 ms of the unlocked window's first paint), and one sighting of activity is all it
# needs. The time it does not watch counts as active: the lock comes at most this much later
# than the idle limit, never earlier.
UNWATCHED_MS = 5_000
# More wall-clock time than monotonic time between two checks: the computer was asleep (or the
# clock was set forward). Below this, scheduling jitter.
JUMP_SECONDS = 5.0


class IdleWatcher(QObject):
    """Emits `idle` after `minutes` without a key, click, wheel or mouse move.

    `wall_clock` and `monotonic_clock` (seconds, like time.time and time.monotonic) are the
    clocks it reads. They are public attributes too, so a test can give its own clocks to the
    watcher of an app already built, play a sleep and a wake-up, then call `check_clock()`
    instead of waiting for the two-second check.
    """

    idle = Signal()

    def __init__(
        self,
        minutes: int,
        parent: QObject | None = None,
        *,
        wall_clock: Callable[[], float] = time.time,
        monotonic_clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.wall_clock = wall_clock
        self.monotonic_clock = monotonic_clock
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.clock_check = QTimer(self)
        self.clock_check.setInterval(CLOCK_CHECK_MS)
        self.clock_check.timeout.connect(self.check_clock)
        self.watch_again = QTimer(self)  # the end of a time unwatched (UNWATCHED_MS)
        self.watch_again.setSingleShot(True)
        self.watch_again.setInterval(UNWATCHED_MS)
        self.watch_again.timeout.connect(self._watch_again)
        self._last_activity = self.wall_clock()
        self._last_check = (self.wall_clock(), self.monotonic_clock())
        self._interval_ms = 60_000
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(1, minutes) * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        self._interval_ms = ms
        self.timer.setInterval(ms)
        if self.timer.isActive():
            self.timer.start(ms)

    def start(self) -> None:
        """Watch the application's events, only while there is something to lock.

        An application-wide Python event filter costs a call into Python for every event of
        every widget; on a locked window it would only slow start-up (the first events of each
        kind of widget make PySide create ~130 enum classes) and typing the passphrase.
        """
        if not _ACTIVITY:
            _ACTIVITY.update(getattr(qt.QEvent.Type, name) for name in _ACTIVITY_NAMES)
        # Starting is activity (an unlock): watched from UNWATCHED_MS on, as after a key. The
        # unlocked window's first paint is not slowed by a call into Python for each event.
        self._watch(False)
        self.watch_again.start()
        self._last_activity = self.wall_clock()
        self._last_check = (self.wall_clock(), self.monotonic_clock())
        self.timer.start(self._interval_ms)
        self.clock_check.start()

    def stop(self) -> None:
        self.timer.stop()
        self.clock_check.stop()
        self.watch_again.stop()
        self._watch(False)

    def _watch(self, on: bool) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)  # never twice
            if on:
                app.installEventFilter(self)

    def _active(self) -> None:
        self._last_activity = self.wall_clock()
        self.timer.start(self._interval_ms)

    def _watch_again(self) -> None:
        if not self.timer.isActive():
            return  # stopped, or idle already
        self._active()  # whatever happened unwatched counts as activity
        self._watch(True)

    def check_clock(self) -> None:
        """Called every few seconds while watching (and by tests with their own clocks)."""
        wall, mono = self.wall_clock(), self.monotonic_clock()
        last_wall, last_mono = self._last_check
        self._last_check = (wall, mono)
        if not self.timer.isActive():
            return
        if (wall - last_wall) - (mono - last_mono) < JUMP_SECONDS:
            return
        left_ms = self._interval_ms - (wall - self._last_activity) * 1000
        if left_ms <= 0:
            self.stop()
            self.idle.emit()
        else:
            # A short sleep: only what is left of the idle time, counted on the wall clock.
            self.timer.start(int(left_ms))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.timer.isActive():
            self._active()
            self._watch(False)  # seen: no call into Python per event for a while
            self.watch_again.start()
        return False
