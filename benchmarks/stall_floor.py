"""This machine's floor for the longest-stall figures: a bare Qt heartbeat (stall_watch's, 4 ms)
in a process that does nothing else, watched as long as the first minute after an unlock, with
one thread at the daily backup's lowered priority (nice 10) hashing 16 MiB blocks, which lets go
of the GIL as the backup's copy, zip and checks do.

    python benchmarks/stall_floor.py SECONDS

Prints one JSON line: the longest stall (seconds) and the same less the GUI thread's waits for
a processor. What the app's own figures show beyond this floor is the app's doing; up to it,
the machine's (on a shared virtual machine, another guest or the host takes the processor).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.dont_write_bytecode = True

from stall_watch import Heartbeat  # noqa: E402  (beside this file)


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seconds = float(sys.argv[1])
    app = QApplication([])
    beat = Heartbeat()
    beat.enter("after")
    stop = threading.Event()

    def lowered_work() -> None:
        with contextlib.suppress(AttributeError, OSError):  # no per-thread nice: as it is
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        block = bytes(16 << 20)
        while not stop.is_set():
            hashlib.sha256(block).digest()

    worker = threading.Thread(target=lowered_work, daemon=True)
    worker.start()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    stop.set()
    worker.join()
    print(json.dumps({"stall": beat.worst.get("after", 0.0), "own": beat.own.get("after", 0.0)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
