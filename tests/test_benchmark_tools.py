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
        [sys.executable, "-m", "benchmarks.make_vault", "--data-dir", str(folder),
         "--clients", "40", "--notes-per-client", "3", "--seed", "3", "--corpus", "realistic",
         "--passphrase-stdin"],
        input=PASSPHRASE + "\n", capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return folder


def test_make_vault_small(synthetic: Path) -> None:
    with Vault.open(synthetic) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        assert vault.raw_count("clients") == 40
        assert vault.raw_count("notes") == 120
        assert vault.raw_count("need_items") > 0
        assert vault.raw_count("referrals") > 0
        assert vault.integrity_problems() == []


def test_phrase_and_realistic_notes_differ() -> None:
    import random

    from benchmarks.make_vault import RealisticNotes, _note

    rng = random.Random(1)
    phrase_words = {w for _ in range(200) for w in _note(rng).split()}
    realistic = RealisticNotes(random.Random(1))
    realistic_words = {w for _ in range(200) for w in realistic().split()}
    assert len(realistic_words) > 3 * len(phrase_words)


def test_search_benchmark_runs(synthetic: Path) -> None:
    from benchmarks import search_bench

    lines: list[tuple[str, str, str]] = []
    queries = search_bench.realistic_queries(count=4)
    assert len(set(queries)) > 1
    search_bench.measure(synthetic, "realistic", queries,
                         lambda *line: lines.append(line), rounds=1,
                         memory_security_off=False)  # other tests in this process set it
    labels = [label for label, _value, _budget in lines]
    assert any("note search first page" in label for label in labels)
    assert any("Ctrl+K first page" in label for label in labels)
    assert any("ratio" in budget for _label, _value, budget in lines)
