"""The unlock throttle: wrong unlock tries, remembered in a small file beside the vault so a
restart does not reset them (counts and a wall-clock time only, never a user name or id), and
the wait they impose (`UnlockThrottle`)."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from pathlib import Path

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store.errors import VaultError
from advocate_app.store.fsutil import atomic_write_bytes
from advocate_app.store.layout import THROTTLE_FILE_NAME

MAX_THROTTLE_SECONDS = 300.0


def next_delay(failures: int) -> float:
    """Seconds to wait after this many wrong tries in a row: free tries for typos, then a delay
    that doubles with each wrong guess, up to five minutes."""
    if failures < 3:
        return 0.0
    return min(MAX_THROTTLE_SECONDS, 2.0 ** (failures - 2))


def read_throttle(folder: Path) -> tuple[int, float]:
    """(wrong tries in a row, wall-clock time before which no try is taken) from the small
    non-secret file beside the vault; (0, 0) when there is none or it is unreadable."""
    try:
        doc = json.loads((folder / THROTTLE_FILE_NAME).read_text("utf-8"))
        failures, not_before = int(doc["failures"]), float(doc["not_before"])
    except (OSError, ValueError, TypeError, KeyError):
        return 0, 0.0
    if failures < 0 or not math.isfinite(not_before):
        return 0, 0.0
    return min(failures, 1000), not_before


def write_throttle(folder: Path, failures: int, not_before: float) -> None:
    path = folder / THROTTLE_FILE_NAME
    try:
        if failures == 0:
            path.unlink(missing_ok=True)
        else:
            # Counts and a time only: no user name or id.
            atomic_write_bytes(
                path, json.dumps({"failures": failures, "not_before": not_before}).encode("utf-8")
            )
    except OSError:
        pass  # a read-only folder: the in-memory throttle still holds for this process


class UnlockThrottled(VaultError):
    def __init__(self, seconds: float) -> None:
        self.seconds = max(1, round(seconds))
        super().__init__(
            QT_TR_NOOP("Too many wrong tries. Wait {0} seconds, then try again."), self.seconds
        )


class UnlockThrottle:
    """One vault folder's guessing limit: the unlock screen and every passphrase confirmation
    count against it. `clock` is the wall clock (a test may pass time along)."""

    def __init__(self, folder: Path, clock: Callable[[], float] = time.time) -> None:
        self.folder = folder
        self.clock = clock
        self._failures, self._not_before = read_throttle(folder)

    def seconds_left(self) -> float:
        # Wall-clock time, kept in a file, so a restart does not reset it; never more than the
        # longest delay, so a clock that was wrong cannot lock anyone out for longer.
        return min(MAX_THROTTLE_SECONDS, max(0.0, self._not_before - self.clock()))

    def check(self) -> None:
        """Refuse a try while the wait after wrong ones lasts."""
        wait = self.seconds_left()
        if wait > 0:
            raise UnlockThrottled(wait)

    def failed(self) -> None:
        self._failures += 1
        delay = next_delay(self._failures)
        if delay:
            self._not_before = self.clock() + delay
        write_throttle(self.folder, self._failures, self._not_before)

    def succeeded(self) -> None:
        if self._failures or self._not_before:
            self._failures = 0
            self._not_before = 0.0
            write_throttle(self.folder, 0, 0.0)
