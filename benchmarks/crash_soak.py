"""Crash soak: a child process adds notes in a loop and reports each committed id; it is killed
with SIGKILL at a random moment; then the vault must open, pass both integrity checks and hold
every id the child reported. Repeated N times on the same vault.

    python -m benchmarks.crash_soak --rounds 50 [--seed 1] [--max-delay 1.5]

`tests/store/test_crash_safety.py` runs the same rounds (4 by default; ADVOCATE_SOAK_ROUNDS
raises it). POSIX only (SIGKILL).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PASSPHRASE = "soak test lantern harbor 42"
REPO = Path(__file__).resolve().parent.parent

# The child unlocks with the data key (given on stdin, never argv), so no key derivation runs
# per round. Every 25 notes it checkpoints, so kills also land inside checkpoints.
CHILD = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from advocate_app.store import clients, notes
    from advocate_app.store.clients import ClientFields
    from advocate_app.store.vault import Vault

    folder, user_id = Path(sys.argv[1]), sys.argv[2]
    key = bytearray.fromhex(sys.stdin.readline().strip())
    vault = Vault.open(folder)
    vault.unlock_with_data_key(key, user_id)
    client_id = clients.create_client(
        vault, ClientFields(alias=f"Soak {os.getpid()} {os.urandom(4).hex()}"))
    print("READY", flush=True)
    n = 0
    while True:
        n += 1
        note_id = notes.add_note(vault, client_id, "contact", f"soak note {n} " + "x" * 400)
        print(f"ID {note_id}", flush=True)  # only after the commit returned
        if n % 25 == 0:
            vault.checkpoint()
    """
)


@dataclass
class RoundResult:
    acknowledged: list[int] = field(default_factory=list)
    kill_after: float = 0.0  # seconds after READY
    wal_at_open: bool = False
    checkpoint_needed: bool = False
    missing: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    open_and_check_seconds: float = 0.0
    child_error: str = ""


def prepare_vault(folder: Path) -> tuple[bytearray, str]:
    """A fresh vault for soaking; returns (data key, user id)."""
    from advocate_app.store.vault import Vault

    vault, _recovery = Vault.create(
        folder,
        office_name="Soak Office",
        user_name="Soak",
        passphrase=PASSPHRASE,
        kdf_target_seconds=0,
    )
    try:
        return vault.data_key_copy(), vault.current_user.id
    finally:
        vault.close()


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(REPO), *([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])]
    )
    return env


def run_child_and_kill(
    folder: Path,
    data_key: bytearray,
    user_id: str,
    kill_after: float,
    startup_timeout: float = 60.0,
) -> RoundResult:
    result = RoundResult(kill_after=kill_after)
    lines: list[str] = []
    ready = threading.Event()
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), user_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_child_env(),
    ) as child:
        assert child.stdin is not None and child.stdout is not None
        try:
            child.stdin.write(bytes(data_key).hex() + "\n")
            child.stdin.flush()

            def read() -> None:
                assert child.stdout is not None
                for line in child.stdout:
                    lines.append(line.strip())
                    if line.startswith("READY"):
                        ready.set()
                ready.set()  # end of output: the child died on its own

            reader = threading.Thread(target=read, daemon=True)
            reader.start()
            if not ready.wait(startup_timeout) or child.poll() is not None:
                result.child_error = (child.stderr.read() if child.stderr else "")[-2000:]
                return result
            time.sleep(kill_after)
            if child.poll() is None:
                child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            reader.join(timeout=30)
            if child.returncode != -signal.SIGKILL:
                result.child_error = (child.stderr.read() if child.stderr else "")[-2000:]
        finally:
            if child.poll() is None:  # never leave a looping child behind a failed assert
                child.kill()
    result.acknowledged = [int(line.split()[1]) for line in lines if line.startswith("ID ")]
    return result


def verify_after_crash(
    folder: Path, data_key: bytearray, user_id: str, result: RoundResult
) -> None:
    """Open the vault as the app would and fill in what was found."""
    from sqlalchemy import text

    from advocate_app.store.vault import Vault
    from advocate_app.store.wal import checkpoint_needed, only_needs_checkpoint

    started = time.perf_counter()
    result.wal_at_open = (folder / "vault.db-wal").exists()
    result.checkpoint_needed = checkpoint_needed(folder)
    with Vault.open(folder) as vault:
        vault.unlock_with_data_key(data_key, user_id)
        problems = vault.integrity_problems()
        if problems and only_needs_checkpoint(folder, problems):
            result.checkpoint_needed = True
            vault.checkpoint()
            problems = vault.integrity_problems()
        result.problems = problems
        with vault.read() as s:
            present = set(s.execute(text("SELECT id FROM notes")).scalars())
    result.missing = [i for i in result.acknowledged if i not in present]
    result.open_and_check_seconds = time.perf_counter() - started


def soak_round(
    folder: Path, data_key: bytearray, user_id: str, rng: random.Random, max_delay: float
) -> RoundResult:
    # Now and then kill at once, before the first note, to hit start-up and the first commit.
    kill_after = 0.0 if rng.random() < 0.15 else rng.uniform(0.0, max_delay)
    result = run_child_and_kill(folder, data_key, user_id, kill_after)
    if not result.child_error:
        verify_after_crash(folder, data_key, user_id, result)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument(
        "--max-delay", type=float, default=1.5, help="longest run, in seconds, before the kill"
    )
    args = parser.parse_args(argv)
    if os.name == "nt":
        print("The crash soak needs SIGKILL (POSIX).")
        return 2
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="crash-soak-"))
    failures = 0
    results: list[RoundResult] = []
    try:
        data_key, user_id = prepare_vault(work / "vault")
        print(f"crash soak: {args.rounds} rounds, seed {seed}, vault in {work}", flush=True)
        print(
            f"{'round':>5} {'kill after':>10} {'acked':>6} {'missing':>7} {'WAL':>4} "
            f"{'ckpt':>5} {'open+check':>11}  verdict",
            flush=True,
        )
        for n in range(1, args.rounds + 1):
            r = soak_round(work / "vault", data_key, user_id, rng, args.max_delay)
            results.append(r)
            ok = not r.child_error and not r.missing and not r.problems
            failures += not ok
            verdict = "ok" if ok else (r.child_error.strip().splitlines()[-1:] or ["failed"])[0]
            if r.problems:
                verdict = f"integrity: {r.problems[:2]}"
            print(
                f"{n:>5} {r.kill_after:>9.2f}s {len(r.acknowledged):>6} {len(r.missing):>7} "
                f"{'yes' if r.wal_at_open else 'no':>4} "
                f"{'yes' if r.checkpoint_needed else 'no':>5} "
                f"{r.open_and_check_seconds * 1000:>9.0f}ms  {verdict}",
                flush=True,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    acked = sum(len(r.acknowledged) for r in results)
    opens = [r.open_and_check_seconds for r in results if r.open_and_check_seconds]
    print()
    print(f"rounds                         {len(results)}")
    print(f"notes acknowledged, in total   {acked}")
    print(f"acknowledged notes missing     {sum(len(r.missing) for r in results)}")
    print(f"rounds with integrity problems {sum(bool(r.problems) for r in results)}")
    print(f"rounds with a WAL at open      {sum(r.wal_at_open for r in results)}")
    print(f"rounds needing a checkpoint    {sum(r.checkpoint_needed for r in results)}")
    if opens:
        print(
            f"open + both checks             median {statistics.median(opens) * 1000:.0f} ms, "
            f"max {max(opens) * 1000:.0f} ms"
        )
    print(f"verdict                        {'PASS' if failures == 0 else f'FAIL ({failures})'}")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
