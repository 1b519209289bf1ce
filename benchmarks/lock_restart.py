"""Lock → unlock window shown, with the fresh process that takes over after a lock.

    python -m benchmarks.lock_restart [--rounds 3] [--no-successor]

Each round runs the real app offscreen in its own folders through tests/ui/lock_child_app.py
(the driver of the memory-scan test): set-up, a client, notes, a draft, then Ctrl+L once the
successor the app starts ahead of a lock is ready (ui/standby.py); with --no-successor, at
once, so the lock replaces the process image (ui/restart.py). The time is from the key press
to the fresh process reporting its unlock window; printed per round and as the median.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = Path(__file__).resolve().parents[1] / "tests" / "ui" / "lock_child_app.py"


def one_round(successor: bool = True) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ADVOCATE"))}
        for name in (
            "XDG_CONFIG_HOME",
            "XDG_DATA_HOME",
            "XDG_CACHE_HOME",
            "XDG_STATE_HOME",
            "XDG_RUNTIME_DIR",
        ):
            (home / name.lower()).mkdir(mode=0o700)
            env[name] = str(home / name.lower())
        config = home / "xdg_config_home" / "advocate-app"
        config.mkdir()
        (config / "settings.json").write_text('{"automatic_backups": false}')
        env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(home / "data")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            bufsize=1,
        )
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(
            json.dumps(
                {
                    "passphrase": "benchmark lantern orchard 42",
                    "alias": "Benchmark Wren",
                    "notes": ["A first note for the benchmark."],
                    "draft": "An unsaved line.",
                    "standby": successor,
                }
            )
            + "\n"
        )
        proc.stdin.flush()
        locking = ready = None
        for line in proc.stdout:
            message = json.loads(line)
            if message["event"] == "error":
                raise SystemExit(f"the app's driver failed: {message['text']}")
            if message["event"] == "locking":
                locking = message["at"]
            elif message["event"] == "ready":
                ready = message["at"]
                break
        proc.stdin.write(json.dumps({"quit": True}) + "\n")
        proc.stdin.flush()
        proc.wait(timeout=60)
        proc.stdin.close()
        proc.stdout.close()
        if locking is None or ready is None:
            raise SystemExit("the app ended before its unlock window came back")
        return (ready - locking) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--no-successor", action="store_true", help="lock before a successor is ready"
    )
    args = parser.parse_args(argv)
    times = []
    for i in range(args.rounds):
        times.append(one_round(not args.no_successor))
        print(f"round {i + 1}: lock -> unlock window shown {times[-1]:.0f} ms")
    print(f"median of {len(times)}: {statistics.median(times):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
