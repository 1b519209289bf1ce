"""Read speed with SQLCipher's cipher_memory_security off (the app, since 2026-11-29) and on.

    python -m benchmarks.memory_security [--clients 2000] [--notes-per-client 20] [--rounds 7]

The setting is process-wide in SQLCipher, so each side runs in its own child process on the same
synthetic vault (benchmarks/make_vault.py), with the app's other pragmas. Each query is timed
on a fresh connection with a cold page cache (the case after an unlock) and on a warm one.
Prints one line per query: median milliseconds off, on, and the ratio.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import tempfile
import time
from pathlib import Path

PASSPHRASE = "benchmark only harbor 42 quietly"

QUERIES = {
    "every note's text read (sum of lengths)": "SELECT sum(length(body)) FROM notes",
    "client list, first page by alias": (
        "SELECT id, alias, status FROM clients ORDER BY alias LIMIT 100"
    ),
    "note search, FTS5 top 50": (
        "SELECT rowid FROM notes_fts WHERE notes_fts MATCH '\"bus\"*' ORDER BY rank LIMIT 50"
    ),
    "notes of one client, newest first": (
        "SELECT id, body FROM notes WHERE client_id = 17 ORDER BY created_at DESC"
    ),
}


def _measure(folder: str, memory_security: bool, rounds: int, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from advocate_app.store.engine import REQUIRED_PRAGMAS, connect_keyed
    from advocate_app.store.keyslots import KeysFile

    pragmas = dict(REQUIRED_PRAGMAS)
    # Process-wide in SQLCipher; once on, it stays on for the life of the process.
    pragmas["cipher_memory_security"] = ("ON", "1") if memory_security else ("OFF", "0")

    keys = KeysFile.load(Path(folder))
    slot = keys.passphrase_slots()[0]
    data_key = keys.unwrap_with_passphrase(slot.user_id or "", PASSPHRASE)
    results: dict[str, tuple[float, float]] = {}
    for label, sql in QUERIES.items():
        cold, warm = [], []
        for _ in range(rounds):
            conn = connect_keyed(Path(folder) / "vault.db", data_key, check=False)
            for name, (value, expected) in pragmas.items():
                conn.execute(f"PRAGMA {name} = {value}")
                got = str(conn.execute(f"PRAGMA {name}").fetchone()[0]).lower()
                assert got == expected, (name, got)
            for times in (cold, warm):
                start = time.perf_counter()
                conn.execute(sql).fetchall()
                times.append((time.perf_counter() - start) * 1000)
            conn.close()
        results[label] = (statistics.median(cold), statistics.median(warm))
    out.put(results)


def _run_side(folder: Path, memory_security: bool, rounds: int) -> dict[str, tuple[float, float]]:
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=_measure, args=(str(folder), memory_security, rounds, queue))
    child.start()
    results = queue.get()
    child.join()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--notes-per-client", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)

    from benchmarks.make_vault import _create, fill_folder

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "vault"
        ctx = multiprocessing.get_context("spawn")
        maker = ctx.Process(target=_create, args=(folder, "Benchmark Office", PASSPHRASE, 0.0))
        maker.start()
        maker.join()
        filler = ctx.Process(
            target=fill_folder,
            args=(folder, PASSPHRASE),
            kwargs={"clients": args.clients, "notes_per_client": args.notes_per_client, "seed": 7},
        )
        filler.start()
        filler.join()
        size_mb = (folder / "vault.db").stat().st_size / 1e6
        print(
            f"vault: {args.clients} clients, {args.clients * args.notes_per_client} notes, "
            f"{size_mb:.0f} MB; median of {args.rounds} fresh connections"
        )
        off = _run_side(folder, False, args.rounds)
        on = _run_side(folder, True, args.rounds)
    print(f"{'query':45} {'cache':5} {'off ms':>9} {'on ms':>9} {'on/off':>7}")
    for label in QUERIES:
        for i, cache in enumerate(("cold", "warm")):
            a, b = off[label][i], on[label][i]
            print(f"{label:45} {cache:5} {a:9.2f} {b:9.2f} {b / a if a else 0:7.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
