"""Wrong unlock tries, remembered in a small file beside the vault so a restart does not reset
them: counts and a wall-clock time only, never a user name or id."""

from __future__ import annotations

import json
import math
from pathlib import Path

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
