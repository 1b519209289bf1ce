"""Reproduce the performance budgets in DESIGN.md (and issue 21's) on synthetic vaults.

    python -m benchmarks.run_all [--sizes 1000,10000,50000] [--vaults DIR]
    python -m benchmarks.run_all --data-dir DIR          # one existing vault only

Vaults of 1,000, 10,000 and 50,000 clients (20 notes each) are made once with make_vault into
--vaults (default: $TMPDIR/advocate-bench-vaults) and reused by later runs; the 50,000 one
takes several minutes the first time. For each size it prints: start-up to the unlock window
against a bare PySide6 window (paired runs), a fresh process from launch to the unlock window
(the restart after a lock), lock to the unlock window shown again by the fresh process that
replaces the locked one, unlock to Today painted against the key derivation (p95 of 10),
the longest event-loop stall while typing, unlocking and in the first minute (with the daily
backup; and this machine's floor, a bare Qt heartbeat watched as long), the Clients section
built ahead and its first show, every filter's first page, scrolling the whole
list, the Today view, search and the year's PDF; then each figure's growth from 10k to 50k
clients (a factor above 6 for a 5x larger vault is a defect).

Nothing is written into the source tree or the person's folders: bytecode is never written
(PYTHONDONTWRITEBYTECODE stays set; start-up runs on a compiled copy of the package in a
temporary folder, as an installed app would), and HOME and the XDG folders of every child
process point into a temporary folder.

Search (notes and the Ctrl+K box, against the raw FTS5 queries) is measured by
benchmarks.search_bench on each vault; with --realistic-dir also on a realistic-corpus vault
(make_vault --corpus realistic).
"""

from __future__ import annotations

import os
import sys

# Before anything else is imported: no __pycache__ in the source tree, in this process or any
# child it starts.
sys.dont_write_bytecode = True
os.environ["PYTHONDONTWRITEBYTECODE"] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

from benchmarks import figures  # noqa: E402
from benchmarks.figures import (  # noqa: E402
    GENERATOR_VERSION,
    HERE,
    PASSPHRASE,
    growth,
    report,
)
from benchmarks.in_process_runs import in_process  # noqa: E402
from benchmarks.process_runs import (  # noqa: E402
    Sandbox,
    startup,
    unlock_into_record,
    unlock_time,
    unlock_to_today,
)

SEARCH_ROUNDS = 5  # rounds of the 20 queries (--search-rounds; 0: no search figures)


def growth_table(sizes: list[int]) -> None:
    print(
        "\nGrowth with the number of clients (in-process figures: CPU time of the GUI thread;"
        " unlock and start-up: wall time)"
    )
    print(f"{'figure':<34}" + "".join(f"{n:>12,}" for n in sizes) + "   10k→50k")
    for key, by_size in growth.items():
        cells = "".join(
            (f"{by_size[n] * 1000:>9.1f} ms" if "ratio" not in key else f"{by_size[n]:>11.2f}x")
            if n in by_size
            else f"{'–':>12}"
            for n in sizes
        )
        factor = ""
        if by_size.get(10_000) and 50_000 in by_size:
            f = by_size[50_000] / by_size[10_000]
            factor = f"{f:.2f}x" + ("  ← above 6: a defect" if f > 6 else "")
        print(f"{key:<34}{cells}   {factor}", flush=True)


def vault_for(vaults: Path, clients: int, notes_per_client: int) -> Path:
    """A synthetic vault made once and reused (--vaults); the 50k one takes minutes."""
    folder = vaults / (
        f"clients-{clients}-notes-{notes_per_client}-seed-7-generator-{GENERATOR_VERSION}"
    )
    if not (folder / "vault.keys.json").exists():
        shutil.rmtree(folder, ignore_errors=True)
        vaults.mkdir(parents=True, exist_ok=True)
        print(
            f"making a synthetic vault: {clients:,} clients x {notes_per_client} notes…", flush=True
        )
        subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.make_vault",
                "--data-dir",
                str(folder),
                "--clients",
                str(clients),
                "--notes-per-client",
                str(notes_per_client),
                "--passphrase-stdin",
            ],
            input=PASSPHRASE + "\n",
            text=True,
            check=True,
        )
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", help="one existing synthetic vault (made with make_vault)")
    parser.add_argument(
        "--sizes",
        default="1000,10000,50000",
        help="client counts, comma-separated (default 1000,10000,50000)",
    )
    parser.add_argument(
        "--vaults",
        default=str(Path(tempfile.gettempdir()) / "advocate-bench-vaults"),
        help="where the synthetic vaults are made once and kept",
    )
    parser.add_argument("--notes-per-client", type=int, default=20)
    parser.add_argument("--startup-runs", type=int, default=20)
    parser.add_argument("--unlock-runs", type=int, default=10)
    parser.add_argument(
        "--watch",
        type=float,
        default=60.0,
        help="seconds of the first minute to watch for stalls (0: skip)",
    )
    parser.add_argument("--search-rounds", type=int, default=SEARCH_ROUNDS)
    parser.add_argument("--save", help="also write the growth figures to this JSON file")
    parser.add_argument("--merge", help="a JSON file from an earlier --save, for sizes run then")
    parser.add_argument(
        "--realistic-dir", help="a vault made with make_vault --corpus realistic: search there too"
    )
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--skip-unlock", action="store_true")
    parser.add_argument(
        "--skip-in-process",
        action="store_true",
        help="only the figures of fresh processes (start-up, unlock, lock)",
    )
    args = parser.parse_args(argv)
    if args.data_dir:
        targets = [(0, Path(args.data_dir))]
    else:
        sizes = [int(n) for n in args.sizes.split(",") if n.strip()]
        targets = [(n, vault_for(Path(args.vaults), n, args.notes_per_client)) for n in sizes]
    sandbox = Sandbox()
    try:
        unlock_time()
        for size, folder in targets:
            figures.current_size = size
            print(
                f"\n{'measure' + (f' ({size:,} clients)' if size else ''):<50} "
                f"{'figure':>24}   budget",
                flush=True,
            )
            if not args.skip_startup:
                startup(sandbox, folder, args.startup_runs)
            if not args.skip_unlock:
                unlock_to_today(sandbox, folder, args.unlock_runs, args.watch)
                unlock_into_record(sandbox, folder, args.unlock_runs)
            if args.skip_in_process:
                continue
            # In a child process, so each size starts from a cold cache and a fresh Qt.
            child = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "benchmarks.run_all",
                    "--in-process",
                    str(folder),
                    "--size",
                    str(size),
                    "--search-rounds",
                    str(args.search_rounds),
                ],
                env=sandbox.env
                | {
                    "PYTHONPATH": os.pathsep.join(
                        [*filter(None, [os.environ.get("PYTHONPATH")]), str(HERE.parent)]
                    )
                },
                stdout=subprocess.PIPE,
                text=True,
            )
            assert child.stdout is not None
            for line in child.stdout:
                if line.startswith("GROWTH "):
                    for key, number in json.loads(line[7:]).items():
                        growth.setdefault(key, {})[size] = number
                else:
                    print(line, end="", flush=True)
            if child.wait() != 0:
                raise SystemExit(f"the in-process benchmarks failed at {size:,} clients")
        sizes_run = [size for size, _ in targets]
        if args.merge:  # sizes measured by an earlier run (same machine, same code)
            for key, by_size in json.loads(Path(args.merge).read_text()).items():
                for size, number in by_size.items():
                    growth.setdefault(key, {}).setdefault(int(size), number)
                    if int(size) not in sizes_run:
                        sizes_run.append(int(size))
        if args.realistic_dir and args.search_rounds > 0:
            from benchmarks import search_bench

            search_bench.measure(
                Path(args.realistic_dir), "realistic", search_bench.realistic_queries(), report
            )
        if args.save:
            Path(args.save).write_text(json.dumps(growth, indent=1))
        if len(sizes_run) > 1:
            growth_table(sorted(sizes_run))
    finally:
        sandbox.close()
    return 0


def in_process_main(argv: list[str]) -> int:
    global SEARCH_ROUNDS
    parser = argparse.ArgumentParser()
    parser.add_argument("--in-process", required=True)
    parser.add_argument("--size", type=int, default=0)
    parser.add_argument("--search-rounds", type=int, default=SEARCH_ROUNDS)
    args = parser.parse_args(argv)
    figures.current_size = args.size
    SEARCH_ROUNDS = args.search_rounds
    in_process(Path(args.in_process))
    if SEARCH_ROUNDS > 0:  # --search-rounds 0 leaves the searches out
        from benchmarks import search_bench

        search_bench.measure(
            Path(args.in_process), "phrase-reuse", search_bench.PHRASE_QUERIES, report
        )
    print(
        "GROWTH " + json.dumps({k: v[figures.current_size] for k, v in growth.items()}), flush=True
    )
    return 0


if __name__ == "__main__":
    if "--in-process" in sys.argv:
        sys.exit(in_process_main(sys.argv[1:]))
    sys.exit(main())
