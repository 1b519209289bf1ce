"""Benchmarks that start fresh processes in a sandbox: start-up to the unlock window against a
bare PySide6 window, a fresh process from launch to the unlock window, lock to the unlock window
shown again, unlock to Today painted, the longest event-loop stalls, and the calibrated unlock.

The Sandbox points HOME and the XDG folders of every child into a temporary folder and runs a
compiled copy of the package, so nothing is written into the source tree or the person's folders.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.figures import (
    HERE,
    PASSPHRASE,
    ms,
    pct,
    report,
    report_p50_p95,
)


class Sandbox:
    """Temporary HOME/XDG folders and a compiled copy of the package for child processes."""

    def __init__(self) -> None:
        import advocate_app

        self.root = Path(tempfile.mkdtemp(prefix="advocate-bench-"))
        home = self.root / "home"
        home.mkdir()
        site = self.root / "site"
        package = Path(advocate_app.__file__).resolve().parent
        # An installed app has its bytecode compiled (pip and PyInstaller both do it); compile a
        # copy here rather than write __pycache__ into the source tree.
        shutil.copytree(
            package, site / "advocate_app", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
        )
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(site)], check=True)
        self.env = {
            **os.environ,
            "PYTHONDONTWRITEBYTECODE": "1",
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "PYTHONPATH": str(site),
            "ADVOCATE_ASSETS_DIR": str(package.parent / "assets"),
            "HOME": str(home),
            "ADVOCATE_BENCH_HOME": str(home),
        }
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            self.env[name] = str(home)

    def run(self, args: list[str], stdin: str | None = None) -> tuple[float, float, str]:
        """Wall and CPU seconds of one child process, and what it printed."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        env = {**self.env, "ADVOCATE_BENCH_LAUNCHED": repr(time.time())}
        t = time.perf_counter()
        done = subprocess.run(
            [sys.executable, *args],
            check=True,
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
        )
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return wall, cpu, done.stdout

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def startup(sandbox: Sandbox, folder: Path, runs: int) -> None:
    bare_args = [str(HERE / "startup_bare.py")]
    app_args = [str(HERE / "startup_app.py"), str(folder)]
    for _ in range(2):  # warm the file cache for both
        sandbox.run(bare_args)
        sandbox.run(app_args)
    bare, app = [], []
    for _ in range(runs):  # paired: one of each, in turn, so both see the same machine
        bare.append(sandbox.run(bare_args)[:2])
        app.append(sandbox.run(app_args)[:2])
    b = statistics.median(w for w, _ in bare)
    a = statistics.median(w for w, _ in app)
    bc = statistics.median(c for _, c in bare)
    ac = statistics.median(c for _, c in app)
    report("start-up: bare PySide6 window (median)", ms(b), f"CPU {ms(bc)}; {runs} runs")
    report("start-up: app to the unlock window (median)", ms(a), f"CPU {ms(ac)}")
    report(
        "start-up ratio (wall / CPU)",
        f"{a / b:.2f}x / {ac / bc:.2f}x",
        "budget 1.6x",
        key="start-up ratio",
        number=a / b,
    )


def unlock_to_today(sandbox: Sandbox, folder: Path, runs: int, watch: float) -> None:
    """Fresh processes, as after a lock: launch, unlock window, typing, Enter, Today."""
    args = [str(HERE / "unlock_app.py"), str(folder)]
    rows = [one_unlock(sandbox, args, "--lock") for _ in range(runs)]
    total = [r["unlock_to_today"] for r in rows]
    kdf = [r["key_derivation"] for r in rows]
    report_p50_p95(
        "lock → unlock window shown again",
        [r["lock_to_unlock_window"] for r in rows],
        "budget 400 ms (the successor started ahead)",
        key="lock → unlock window",
    )
    # A lock within seconds of unlocking, before the successor is ready: the process image is
    # replaced instead (ui/restart.py).
    fallback = [one_unlock(sandbox, args, "--lock", "--no-successor") for _ in range(3)]
    report_p50_p95(
        "  the same, without a successor (image replaced)",
        [r["lock_to_unlock_window"] for r in fallback],
        "3 runs",
        key="lock → unlock window, image replaced",
    )
    report_p50_p95(
        "unlock → Today painted",
        total,
        f"key derivation p50 {ms(pct(kdf, 0.5))}",
        key="unlock → Today",
    )
    report_beyond_key(
        "  beyond the key derivation p95, wall / CPU",
        rows,
        "budget 250 ms",
        key="unlock → Today beyond KDF (CPU)",
    )
    report(
        "longest stall: unlock window up, before the first key",
        ms(max(r["stall_shown"] for r in rows)),
        f"less waits for a processor {ms(max(r['own_stall_shown'] for r in rows))}",
        key="stall before the first key",
        number=max(r["stall_shown"] for r in rows),
    )
    report(
        "longest stall while typing / unlocking",
        f"{ms(max(r['stall_typing'] for r in rows))} / {ms(max(r['stall_unlock'] for r in rows))}",
        "budget 16 ms",
        key="stall while typing",
        number=max(r["stall_typing"] for r in rows),
    )
    report(
        "  unlock answer → Today painted with its rows",
        ms(pct([r["paint"] for r in rows], 0.95)),
        "p95",
    )
    if all("skeleton" in r for r in rows):
        report(
            "  Enter → the page first painted, beyond the KDF",
            ms(pct([r["skeleton"] - r["key_derivation"] for r in rows], 0.95)),
            "p95 (headings and empty lists)",
        )
        report(
            "longest stall while building Today",
            ms(max(r["stall_paint"] for r in rows)),
            "budget 16 ms",
            key="stall building Today",
            number=max(r["stall_paint"] for r in rows),
        )
    if watch > 0:
        row = json.loads(
            sandbox.run([*args, "--backup", "--watch", str(watch)], PASSPHRASE + "\n")[
                2
            ].splitlines()[-1]
        )
        report(
            f"longest stall, first {row['watched']:.0f} s (daily backup)",
            ms(row["stall_after"]),
            f"budget 16 ms; less waits for a processor {ms(row['own_stall_after'])}",
            key="stall in the first minute",
            number=row["stall_after"],
        )
        floor = json.loads(
            sandbox.run([str(HERE / "stall_floor.py"), str(row["watched"])])[2].splitlines()[-1]
        )
        report(
            "  this machine's floor: a bare Qt heartbeat, as long",
            ms(floor["stall"]),
            f"a lowered busy thread beside it; less waits {ms(floor['own'])}",
            key="stall floor, bare heartbeat",
            number=floor["stall"],
        )


# Run in a child (with the sandbox's copy of the package): the place a lock keeps, saved as if
# the person had locked in a client's record, the one halfway down the list by id.
_SAVE_RECORD_PLACE = """
import json, sys
from pathlib import Path
from advocate_app.store import drafts
from advocate_app.store.vault import Vault
from advocate_app.ui.locking import PLACE_DRAFT_KEY
with Vault.open(Path(sys.argv[1])) as vault:
    vault.unlock(vault.users_for_unlock()[0].id, sys.stdin.readline().rstrip("\\n"))
    client_id = max(1, vault.raw_count("clients") // 2)
    place = {"section": "clients", "state": {"client_id": client_id, "tab": "notes"}}
    drafts.save_draft(vault, PLACE_DRAFT_KEY, json.dumps(place), client_id=client_id)
"""


def unlock_into_record(sandbox: Sandbox, folder: Path, runs: int) -> None:
    """Fresh processes, as after a lock in a client's record: the unlock goes back into it (the
    record read on a worker, built, shown with its first notes). On a copy of the vault: each
    run's lock keeps that place for the next, and the vault itself keeps Today's."""
    copy = sandbox.root / "into-record"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("backups"))
    try:
        # -P: the sandbox's copy of the package, not one in the current folder.
        sandbox.run(["-P", "-c", _SAVE_RECORD_PLACE, str(copy)], PASSPHRASE + "\n")
        args = [str(HERE / "unlock_app.py"), str(copy), "--into-record"]
        rows = [one_unlock(sandbox, args, "--lock") for _ in range(runs)]
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    if not all(r.get("record_shown") for r in rows):
        raise SystemExit("unlock_app: the unlock did not go back into the client's record")
    report_beyond_key(
        "unlock → the client's record painted, beyond the key p95, wall / CPU",
        rows,
        "budget 250 ms (where the last lock left off)",
        key="unlock → a record beyond KDF (CPU)",
    )
    # From Enter until the record's later notes are made and the successor is ready.
    stalls = [max(r["stall_unlock"], r["stall_paint"], r["stall_after"]) for r in rows]
    own = [max(r["own_stall_unlock"], r["own_stall_paint"], r["own_stall_after"]) for r in rows]
    report(
        "longest stall unlocking into the record, max / p50",
        f"{ms(max(stalls))} / {ms(pct(stalls, 0.5))}",
        f"budget 16 ms; less waits for a processor, max {ms(max(own))}",
        key="stall unlocking into a record",
        number=max(stalls),
    )


def report_beyond_key(label: str, rows: list[dict[str, float]], budget: str, *, key: str) -> None:
    """From Enter to the page painted, less the key derivation: p95 of wall and CPU time (the
    CPU one kept for the growth table)."""
    over = [r["unlock_to_today"] - r["key_derivation"] for r in rows]
    cpu = [r["beyond_kdf_cpu"] for r in rows]
    report(
        label,
        f"{ms(pct(over, 0.95))} / {ms(pct(cpu, 0.95))}",
        budget,
        key=key,
        number=pct(cpu, 0.95),
    )


def one_unlock(sandbox: Sandbox, args: list[str], *more: str) -> dict[str, float]:
    """One unlock_app run; its figures, and the fresh process's line after the lock."""
    row: dict[str, float] = {}
    for line in sandbox.run([*args, *more], PASSPHRASE + "\n")[2].splitlines():
        if line.startswith("{"):
            row.update(json.loads(line))
    if "error" in row:
        raise SystemExit(f"unlock_app: {row['error']}")
    if "--lock" in more:
        if "unlock_window_at" not in row:
            raise SystemExit("unlock_app: the fresh process never showed its unlock window")
        row["lock_to_unlock_window"] = row["unlock_window_at"] - row["locking_at"]
    return row


def unlock_time() -> None:
    from advocate_app.store.vault import Vault

    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = Vault.create(
            Path(tmp) / "v",
            office_name="Calibrated",
            user_name="U",
            passphrase=PASSPHRASE,
            kdf_target_seconds=1.0,
            check_strength=False,
        )
        slot = vault.keys.passphrase_slots()[0]
        params = (
            f"m={slot.kdf['memory_kib'] // 1024} MiB, t={slot.kdf['time_cost']}, "
            f"p={slot.kdf['parallelism']}"
        )
        uid = vault.current_user.id
        vault.lock()
        t = time.perf_counter()
        vault.unlock(uid, PASSPHRASE)
        seconds = time.perf_counter() - t
        vault.close()
    report("unlock with calibrated Argon2id", ms(seconds), f"({params}; target about 1 s)")
