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
backup), the Clients section's first show, every filter's first page, scrolling the whole
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
import resource  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

PASSPHRASE = "bench pass phrase lantern 42"
HERE = Path(__file__).resolve().parent

SEARCH_ROUNDS = 5  # rounds of the 20 queries (--search-rounds; 0: no search figures)
results: list[tuple[str, str, str]] = []
# figure -> size -> seconds (or a ratio), for the growth table
growth: dict[str, dict[int, float]] = {}
current_size = 0


def report(
    name: str, text: str, budget: str = "", *, key: str | None = None, number: float | None = None
) -> None:
    """Print one figure; with key, remember number for the growth table."""
    results.append((name, text, budget))
    print(f"{name:<50} {text:>24}   {budget}", flush=True)
    if key is not None and number is not None:
        growth.setdefault(key, {})[current_size] = number


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report_p50_p95(label: str, values: list[float], note: str, *, key: str) -> None:
    """One timing row: "LABEL p50 / p95", both figures, a note; the p95 is the number kept."""
    report(
        f"{label} p50 / p95",
        f"{ms(pct(values, 0.5))} / {ms(pct(values, 0.95))}",
        note,
        key=key,
        number=pct(values, 0.95),
    )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


class Times(list):  # type: ignore[type-arg]
    """Wall-clock seconds of each run; .cpu has the CPU seconds of this thread for each run.

    On a busy machine wall time mostly measures waiting for a processor; the thread's CPU time
    is the work itself, so the growth table and the budgets read it too."""

    cpu: list[float]


def timed(fn: Callable[[], object], repeat: int) -> Times:
    out = Times()
    out.cpu = []
    for _ in range(repeat):
        c = time.thread_time()
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
        out.cpu.append(time.thread_time() - c)
    return out


def wall_cpu(times: Times) -> str:
    return f"{ms(statistics.median(times))} / {ms(statistics.median(times.cpu))}"


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
    rows = []
    for _ in range(runs):
        # --lock: then Ctrl+L, and the fresh process that replaces this one adds its line.
        row: dict[str, float] = {}
        for line in sandbox.run([*args, "--lock"], PASSPHRASE + "\n")[2].splitlines():
            if line.startswith("{"):
                row.update(json.loads(line))
        if "error" in row:
            raise SystemExit(f"unlock_app: {row['error']}")
        rows.append(row)
    launch = [r["launch_to_unlock_window"] for r in rows]
    total = [r["unlock_to_today"] for r in rows]
    kdf = [r["key_derivation"] for r in rows]
    over = [r["unlock_to_today"] - r["key_derivation"] for r in rows]
    report_p50_p95(
        "restart: launch to the unlock window",
        launch,
        f"budget 400 ms; process CPU p95 {ms(pct([r['launch_cpu'] for r in rows], 0.95))}",
        key="restart to unlock window",
    )
    report_p50_p95(
        "lock → unlock window shown again",
        [r["lock_to_unlock_window"] for r in rows],
        f"budget 400 ms; CPU p95 {ms(pct([r['lock_cpu'] for r in rows], 0.95))}",
        key="lock → unlock window",
    )
    report_p50_p95(
        "unlock → Today painted",
        total,
        f"key derivation p50 {ms(pct(kdf, 0.5))}",
        key="unlock → Today",
    )
    cpu = [r["beyond_kdf_cpu"] for r in rows]
    report(
        "  beyond the key derivation p95, wall / CPU",
        f"{ms(pct(over, 0.95))} / {ms(pct(cpu, 0.95))}",
        "budget 250 ms",
        key="unlock → Today beyond KDF (CPU)",
        number=pct(cpu, 0.95),
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
            "budget 16 ms",
            key="stall in the first minute",
            number=row["stall_after"],
        )


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


def client_list(app, vault) -> None:  # type: ignore[no-untyped-def]
    """The Clients section's first show, every filter's first page, the whole list."""
    import itertools
    from dataclasses import replace

    from advocate_app.store.clients import ClientQuery
    from advocate_app.ui.clients.list_model import ClientListModel
    from advocate_app.ui.clients.section import ClientsSection
    from advocate_app.ui.qt import QTableView

    def first_show() -> None:
        section = ClientsSection(vault)
        section.resize(1200, 800)
        section.show()
        section.on_show()
        app.processEvents()
        section.close()
        section.deleteLater()

    first_show()  # warm
    shows = timed(first_show, 10)
    report(
        "Clients section first show, wall / CPU (median)",
        wall_cpu(shows),
        "budget 40 ms",
        key="Clients section first show",
        number=statistics.median(shows.cpu),
    )

    me = vault.current_user.id
    model = ClientListModel(lambda: vault)
    pages = {}
    for mine, status, sort, desc in itertools.product(
        (True, False), ("open", "closed", "all"), ("alias", "intake", "last_contact"), (False, True)
    ):
        query = ClientQuery(mine_only=mine, status=status, sort=sort, descending=desc, user_id=me)
        pages[(mine, status, sort, desc)] = timed(lambda q=query: model.set_query(q), 3)
    default = pages[(True, "open", "alias", False)]
    worst_key = max(pages, key=lambda k: statistics.median(pages[k].cpu))
    report(
        "first page, My clients / Open, wall / CPU",
        wall_cpu(default),
        "budget 20 ms",
        key="client list first page",
        number=statistics.median(default.cpu),
    )
    report(
        f"first page, slowest of {len(pages)} filters, wall / CPU",
        wall_cpu(pages[worst_key]),
        "budget 20 ms; " + "/".join(str(x) for x in worst_key),
        key="client list, slowest filter",
        number=statistics.median(pages[worst_key].cpu),
    )

    def scroll_all() -> int:
        view = QTableView()
        view.setModel(model)
        model.set_query(ClientQuery(status="all", user_id=me))
        view.resize(600, 700)
        view.show()
        while model.canFetchMore():
            model.fetchMore()
            view.scrollToBottom()
            app.processEvents()
        view.close()
        return model.rowCount()

    c = time.thread_time()
    t = time.perf_counter()
    rows = scroll_all()
    seconds, cpu = time.perf_counter() - t, time.thread_time() - c
    report(
        f"scrolling the whole list ({rows:,} clients), wall / CPU",
        f"{ms(seconds)} / {ms(cpu)}",
        "budget 2000 ms at 50k",
        key="client list full scroll",
        number=cpu,
    )
    del replace


def _quiet_offscreen_warnings() -> None:
    """The offscreen platform warns on every top-level show; keep the table readable."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:  # type: ignore[no-untyped-def]
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def in_process(folder: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _quiet_offscreen_warnings()
    from advocate_app.store.clients import ClientQuery
    from advocate_app.store.vault import Vault
    from advocate_app.ui.app import make_application
    from advocate_app.ui.clients.list_model import ClientListModel

    app = make_application([])
    vault = Vault.open(folder)
    vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
    try:
        model = ClientListModel(lambda: vault)
        typing = ["A", "Am", "Amb", "Ambe", "Amber", "Amber ", "Amber B"]
        per_key = []
        for _ in range(5):
            for prefix in typing:
                t = time.perf_counter()
                model.set_query(ClientQuery(text=prefix, status="all"))
                per_key.append(time.perf_counter() - t)
        report(
            "filter as you type, per keystroke p95",
            ms(pct(per_key, 0.95)),
            f"p50 {ms(pct(per_key, 0.5))}",
        )

        # Search (notes, the Ctrl+K box) is measured by benchmarks.search_bench, after this
        # vault is closed: see main().

        for name, fn in extra_benchmarks(vault):
            fn(name)

        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        report("peak resident memory, vault open", f"{rss_mb:.0f} MB", "budget 250 MB")
        # After the memory figure: these build many more widgets than the app ever does.
        client_list(app, vault)
        from benchmarks.features import section_shown

        section_shown(vault, report, timed, ms)
    finally:
        vault.close()


def extra_benchmarks(vault):  # type: ignore[no-untyped-def]
    """Benchmarks of later features: the Today view and the anonymized PDF."""
    from benchmarks import features

    return features.benchmarks(vault, report, timed, ms)


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
    folder = vaults / f"clients-{clients}-notes-{notes_per_client}-seed-7"
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
    global current_size
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
            current_size = size
            print(
                f"\n{'measure' + (f' ({size:,} clients)' if size else ''):<50} "
                f"{'figure':>24}   budget",
                flush=True,
            )
            if not args.skip_startup:
                startup(sandbox, folder, args.startup_runs)
            if not args.skip_unlock:
                unlock_to_today(sandbox, folder, args.unlock_runs, args.watch)
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
    global current_size, SEARCH_ROUNDS
    parser = argparse.ArgumentParser()
    parser.add_argument("--in-process", required=True)
    parser.add_argument("--size", type=int, default=0)
    parser.add_argument("--search-rounds", type=int, default=SEARCH_ROUNDS)
    args = parser.parse_args(argv)
    current_size = args.size
    SEARCH_ROUNDS = args.search_rounds
    in_process(Path(args.in_process))
    if SEARCH_ROUNDS > 0:  # --search-rounds 0 leaves the searches out
        from benchmarks import search_bench

        search_bench.measure(
            Path(args.in_process), "phrase-reuse", search_bench.PHRASE_QUERIES, report
        )
    print("GROWTH " + json.dumps({k: v[current_size] for k, v in growth.items()}), flush=True)
    return 0


if __name__ == "__main__":
    if "--in-process" in sys.argv:
        sys.exit(in_process_main(sys.argv[1:]))
    sys.exit(main())
