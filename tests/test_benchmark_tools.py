"""The synthetic vault generator used by the benchmarks makes a vault the app can open, and the
search benchmark runs on it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from advocate_app.store.vault import Vault

PASSPHRASE = "bench pass phrase lantern 42"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # One small vault for the module (making one costs a process start): the realistic corpus,
    # which goes through every path the phrase-reuse one does, plus its own word list.
    folder = tmp_path_factory.mktemp("bench") / "synthetic"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.make_vault",
            "--data-dir",
            str(folder),
            "--clients",
            "40",
            "--notes-per-client",
            "3",
            "--seed",
            "3",
            "--corpus",
            "realistic",
            "--passphrase-stdin",
        ],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return folder


def test_make_vault_small(synthetic: Path) -> None:
    with Vault.open(synthetic) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        assert vault.raw_count("clients") == 40
        assert vault.raw_count("notes") == 120
        assert vault.raw_count("need_items") > 0
        assert vault.raw_count("referrals") > 0
        assert vault.raw_count("note_services") > 0  # the VOCA services (issue 20)
        from advocate_app.reports.voca import parse_quarter, quarter_figures
        from advocate_app.store.voca_fields import get_reporting_fields

        answers = [get_reporting_fields(vault, cid) for cid in range(1, 41)]
        assert sum(a.victimization_types is not None for a in answers) > 20
        assert any(a.race_ethnicity is None for a in answers)  # some were never asked
        from datetime import date

        served = 0
        for year in range(date.today().year - 2, date.today().year + 2):
            for q in (1, 2, 3, 4):
                try:
                    period = parse_quarter(f"{year}-Q{q}")
                except ValueError:  # a quarter that has not begun
                    continue
                served += quarter_figures(vault, period).figure("individuals_served").total
        assert served > 0
        assert vault.integrity_problems() == []
        from datetime import datetime

        from advocate_app.store.notes import list_notes

        latest = max(note.created_at for cid in range(1, 41) for note in list_notes(vault, cid))
        assert latest <= datetime.now()  # no note dated in the future


def test_the_synthetic_client_list_pages_through_every_client_in_alias_order(
    synthetic: Path,
) -> None:
    """The benchmark's vault is made with bulk inserts, past the model that keeps each client's
    sort key: without it the list sorted by alias was in id order and its second page empty,
    and the full-scroll figure timed 100 clients at every size."""
    from advocate_app.store.clients import ClientQuery, list_clients
    from advocate_app.store.sorting import sort_fold

    with Vault.open(synthetic) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        query = ClientQuery(status="all", user_id=vault.current_user.id)
        rows: list = []
        while page := list_clients(vault, query, rows[-1] if rows else None, 7):
            rows.extend(page)
        assert len(rows) == 40
        keys = [(sort_fold(row.alias), row.id) for row in rows]
        assert keys == sorted(keys)


def test_phrase_and_realistic_notes_differ() -> None:
    import random

    from benchmarks.make_vault import phrase_note
    from benchmarks.realistic_notes import RealisticNotes

    rng = random.Random(1)
    phrase_words = {w for _ in range(200) for w in phrase_note(rng).split()}
    realistic = RealisticNotes(random.Random(1))
    realistic_words = {w for _ in range(200) for w in realistic().split()}
    assert len(realistic_words) > 3 * len(phrase_words)


def test_search_benchmark_runs(synthetic: Path) -> None:
    from benchmarks import search_bench

    lines: list[tuple[str, str, str]] = []
    queries = search_bench.realistic_queries(count=4)
    assert len(set(queries)) > 1
    search_bench.measure(
        synthetic,
        "realistic",
        queries,
        lambda *line: lines.append(line),
        rounds=1,
        memory_security_off=False,
    )  # other tests in this process set it
    labels = [label for label, _value, _budget in lines]
    assert any("note search first page" in label for label in labels)
    assert any("Ctrl+K first page" in label for label in labels)
    assert any("ratio" in budget for _label, _value, budget in lines)


def _env_without_bench_markers(home: Path) -> dict[str, str]:
    import os

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONDONTWRITEBYTECODE", "ADVOCATE_BENCH_HOME")
    }
    env.update(
        {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local"),
            "QT_QPA_PLATFORM": "offscreen",
        }
    )
    return env


def test_the_benchmarks_never_write_bytecode(tmp_path: Path) -> None:
    """Importing the runner turns bytecode writing off for itself and every child process."""
    code = (
        "import os, sys, benchmarks.run_all; "
        "print(sys.dont_write_bytecode, os.environ.get('PYTHONDONTWRITEBYTECODE'))"
    )
    # -B: this test itself writes no bytecode either; the variable is what children inherit.
    result = subprocess.run(
        [sys.executable, "-B", "-c", code],
        capture_output=True,
        text=True,
        env=_env_without_bench_markers(tmp_path),
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.stdout.split() == ["True", "1"], result.stderr


def test_startup_app_leaves_the_real_home_alone(tmp_path: Path, vault_dir: Path) -> None:
    """Run by hand, the start-up script saves its window settings in a temporary folder, never
    in the person's own config folder."""
    home = tmp_path / "home"
    home.mkdir()
    script = Path(__file__).resolve().parent.parent / "benchmarks" / "startup_app.py"
    result = subprocess.run(
        [sys.executable, "-B", str(script), str(vault_dir)],
        capture_output=True,
        text=True,
        env=_env_without_bench_markers(home),
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert list(home.rglob("*")) == []


@pytest.mark.parametrize("successor", [True, False], ids=["successor", "image replaced"])
def test_the_unlock_benchmark_times_a_lock_to_the_fresh_unlock_window(
    tmp_path: Path, vault_dir: Path, successor: bool
) -> None:
    """unlock_app --lock: unlock, Today, Ctrl+L; the fresh process that takes over (the
    successor started ahead, or with --no-successor the replaced image) reports its unlock
    window (run_all prints the difference as lock → unlock window shown again)."""
    import json

    from tests.helpers import PASSPHRASE as VAULT_PASSPHRASE

    home = tmp_path / "home"
    home.mkdir()
    script = Path(__file__).resolve().parent.parent / "benchmarks" / "unlock_app.py"
    more = [] if successor else ["--no-successor"]
    result = subprocess.run(
        [sys.executable, "-B", str(script), str(vault_dir), "--lock", "--key-ms", "5", *more],
        input=VAULT_PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        env=_env_without_bench_markers(home),
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 3, result.stdout
    unlocked, locking, fresh = lines
    assert unlocked["today_shown"] is True
    assert 0 < fresh["unlock_window_at"] - locking["locking_at"] < 300
    assert (fresh["fresh_pid"] != unlocked["pid"]) is successor
    assert list(home.rglob("*")) == []  # nothing in the home it was given, by either process


def test_the_unlock_benchmark_goes_back_into_a_record(synthetic: Path, capsys) -> None:
    """process_runs.unlock_into_record: on a copy of the vault, a place saved as a lock in a
    client's record keeps; the unlock goes back into the record, timed until it is painted
    (the record shown, not Today), and the vault itself is left as it was."""
    from benchmarks.process_runs import Sandbox, unlock_into_record

    before = sorted(p.name for p in synthetic.iterdir())
    sandbox = Sandbox()
    try:
        unlock_into_record(sandbox, synthetic, 1)
    finally:
        sandbox.close()
    printed = capsys.readouterr().out
    assert "unlock → the client's record painted" in printed
    assert "longest stall unlocking into the record" in printed
    assert sorted(p.name for p in synthetic.iterdir()) == before
