"""The synthetic vault generator used by the benchmarks makes a vault the app can open."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from advocate_app.store.vault import Vault

PASSPHRASE = "bench pass phrase lantern 42"


def test_make_vault_small(tmp_path: Path) -> None:
    folder = tmp_path / "synthetic"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.make_vault", "--data-dir", str(folder),
         "--clients", "40", "--notes-per-client", "3", "--seed", "3", "--passphrase-stdin"],
        input=PASSPHRASE + "\n", capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    with Vault.open(folder) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        assert vault.raw_count("clients") == 40
        assert vault.raw_count("notes") == 120
        assert vault.raw_count("need_items") > 0
        assert vault.raw_count("referrals") > 0
        assert vault.integrity_problems() == []


def test_realistic_corpus_and_search_benchmark_run(tmp_path: Path) -> None:
    from benchmarks import search_bench

    folder = tmp_path / "realistic"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.make_vault", "--data-dir", str(folder),
         "--clients", "30", "--notes-per-client", "3", "--corpus", "realistic",
         "--passphrase-stdin"],
        input=PASSPHRASE + "\n", capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    lines: list[tuple[str, str, str]] = []
    queries = search_bench.realistic_queries(count=4)
    assert len(set(queries)) > 1
    search_bench.measure(folder, "realistic", queries,
                         lambda *line: lines.append(line), rounds=1,
                         memory_security_off=False)  # other tests in this process set it
    labels = [label for label, _value, _budget in lines]
    assert any("note search first page" in label for label in labels)
    assert any("Ctrl+K first page" in label for label in labels)
    assert any("ratio" in budget for _label, _value, budget in lines)
