"""Reproduce the performance budgets in DESIGN.md on synthetic data and print the figures.

    python -m benchmarks.run_all [--data-dir DIR] [--clients 10000] [--notes-per-client 20]

Without --data-dir a vault of 10,000 clients and 200,000 notes is generated first (about half a
minute). Budgets: start-up at most 2x a bare PySide6 window; note and global search p95 at most
2x the raw FTS5 queries; client list under 100 ms; Today view under 100 ms; a year's PDF under
3 s; resident memory under 250 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PASSPHRASE = "bench pass phrase lantern 42"
HERE = Path(__file__).resolve().parent
QUERIES = ["hous", "housing", "bus pass", "court", "passport", "shelter", "interpreter",
           "license restoration", "childcare subsidy", "peer support", "legal aid", "visa",
           "recovery", "résumé", "birth certificate", "protective order", "transport",
           "employer", "hearing continued", "safety"]

results: list[tuple[str, str, str]] = []


def report(name: str, value: str, budget: str = "") -> None:
    results.append((name, value, budget))
    print(f"{name:<48} {value:>22}   {budget}", flush=True)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def startup(folder: Path, runs: int = 7) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # An installed app has its bytecode compiled (pip and PyInstaller both do it); measure that,
    # even where PYTHONDONTWRITEBYTECODE is set for development.
    import advocate_app

    subprocess.run([sys.executable, "-m", "compileall", "-q",
                    str(Path(advocate_app.__file__).parent)], check=True)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for _ in range(2):  # warm the file cache for both
        subprocess.run([sys.executable, str(HERE / "startup_bare.py")], env=env, check=True)
        subprocess.run([sys.executable, str(HERE / "startup_app.py"), str(folder)], env=env,
                       check=True)

    def run(args: list[str]) -> float:
        t = time.perf_counter()
        subprocess.run([sys.executable, *args], check=True, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - t

    bare = [run([str(HERE / "startup_bare.py")]) for _ in range(runs)]
    app = [run([str(HERE / "startup_app.py"), str(folder)]) for _ in range(runs)]
    b, a = statistics.median(bare), statistics.median(app)
    report("start-up: bare PySide6 window (median)", ms(b))
    report("start-up: app to the unlock window (median)", ms(a),
           f"ratio {a / b:.2f}x (budget 2x)")


def unlock_time() -> None:
    from advocate_app.store.vault import Vault

    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = Vault.create(Path(tmp) / "v", office_name="Calibrated", user_name="U",
                                passphrase=PASSPHRASE, kdf_target_seconds=1.0,
                                check_strength=False)
        slot = vault.keys.passphrase_slots()[0]
        params = f"m={slot.kdf['memory_kib'] // 1024} MiB, t={slot.kdf['time_cost']}, " \
                 f"p={slot.kdf['parallelism']}"
        uid = vault.current_user.id
        vault.lock()
        t = time.perf_counter()
        vault.unlock(uid, PASSPHRASE)
        seconds = time.perf_counter() - t
        vault.close()
    report("unlock with calibrated Argon2id", ms(seconds), f"({params}; target about 1 s)")


def in_process(folder: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from advocate_app.store import notes
    from advocate_app.store.clients import ClientQuery
    from advocate_app.store.search import fts_query
    from advocate_app.store.search_all import search_everything
    from advocate_app.store.vault import Vault
    from advocate_app.ui.app import make_application
    from advocate_app.ui.client_list_model import ClientListModel
    from advocate_app.ui.qt import QTableView
    from advocate_app.ui.sections import ReferenceLibrary

    app = make_application([])
    vault = Vault.open(folder)
    vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
    try:
        # The client list, as the Clients section shows it.
        def show_list() -> None:
            model = ClientListModel(lambda: vault)
            view = QTableView()
            view.setModel(model)
            model.set_query(ClientQuery(status="all", user_id=vault.current_user.id))
            view.resize(600, 700)
            view.show()
            app.processEvents()
            view.close()

        show_list()  # warm
        report("client list shown (median of 10)", ms(statistics.median(timed(show_list, 10))),
               "budget 100 ms")

        model = ClientListModel(lambda: vault)
        typing = ["A", "Am", "Amb", "Ambe", "Amber", "Amber ", "Amber B"]
        per_key = []
        for _ in range(5):
            for prefix in typing:
                t = time.perf_counter()
                model.set_query(ClientQuery(text=prefix, status="all"))
                per_key.append(time.perf_counter() - t)
        report("filter as you type, per keystroke p95", ms(pct(per_key, 0.95)),
               f"p50 {ms(pct(per_key, 0.5))}")

        # Note search against the raw FTS5 query on the same database, same run.
        raw_conn = vault.engine.raw_connection()
        raw = raw_conn.driver_connection
        # The raw FTS5 query: the ranked match alone, no joins, no snippets, no Python.
        raw_sql = ("SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? "
                   "ORDER BY bm25(notes_fts) LIMIT 50")
        app_times, raw_times = [], []
        for _ in range(5):
            for q in QUERIES:
                match = fts_query(q)
                t = time.perf_counter()
                raw.execute(raw_sql, (match,)).fetchall()
                raw_times.append(time.perf_counter() - t)
                t = time.perf_counter()
                notes.search_notes(vault, q)
                app_times.append(time.perf_counter() - t)
        a95, r95 = pct(app_times, 0.95), pct(raw_times, 0.95)
        report("note search p50 / p95 (app)", f"{ms(pct(app_times, .5))} / {ms(a95)}")
        report("note search p50 / p95 (raw FTS5)", f"{ms(pct(raw_times, .5))} / {ms(r95)}",
               f"ratio {a95 / r95:.2f}x (budget 2x)")

        library = ReferenceLibrary.shared()
        raw_client_sql = ("SELECT rowid FROM clients_fts WHERE clients_fts MATCH ? "
                          "ORDER BY bm25(clients_fts) LIMIT 8")
        g_app, g_raw = [], []
        for _ in range(3):
            for q in QUERIES:
                match = fts_query(q)
                t = time.perf_counter()
                raw.execute(raw_sql, (match,)).fetchall()
                raw.execute(raw_client_sql, (match,)).fetchall()
                library.index.search(q)
                g_raw.append(time.perf_counter() - t)
                t = time.perf_counter()
                search_everything(vault, library.index, q)
                g_app.append(time.perf_counter() - t)
        a95, r95 = pct(g_app, 0.95), pct(g_raw, 0.95)
        report("global search p95 (app)", ms(a95), f"p50 {ms(pct(g_app, .5))}")
        report("global search p95 (raw queries it runs)", ms(r95),
               f"ratio {a95 / r95:.2f}x (budget 2x)")
        raw_conn.close()

        for name, fn in extra_benchmarks(vault):
            fn(name)

        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        report("peak resident memory, vault open", f"{rss_mb:.0f} MB", "budget 250 MB")
    finally:
        vault.close()


def extra_benchmarks(vault):  # type: ignore[no-untyped-def]
    """Benchmarks of later features: the Today view and the anonymized PDF."""
    from benchmarks import features

    return features.benchmarks(vault, report, timed, ms)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", help="an existing synthetic vault (made with make_vault)")
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--notes-per-client", type=int, default=20)
    parser.add_argument("--skip-startup", action="store_true")
    args = parser.parse_args(argv)
    tmp = None
    if args.data_dir:
        folder = Path(args.data_dir)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="advocate-bench-")
        folder = Path(tmp.name) / "vault"
        print(f"making a synthetic vault: {args.clients:,} clients x "
              f"{args.notes_per_client} notes…", flush=True)
        subprocess.run([sys.executable, "-m", "benchmarks.make_vault", "--data-dir",
                        str(folder), "--clients", str(args.clients), "--notes-per-client",
                        str(args.notes_per_client), "--passphrase-stdin"],
                       input=PASSPHRASE + "\n", text=True, check=True)
    print(f"\n{'measure':<48} {'figure':>22}   budget")
    if not args.skip_startup:
        startup(folder)
    unlock_time()
    in_process(folder)
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
