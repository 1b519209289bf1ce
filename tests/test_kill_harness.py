"""The kill-injection helper itself: it counts, kills before the Nth operation, and reports."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.kill_harness import count_steps, run_killed, spread

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")

CODE = """
import os
from pathlib import Path
folder = Path(ARGS[0])
for i in range(3):
    (folder / f"tmp{i}").write_text(STDIN)
    os.replace(folder / f"tmp{i}", folder / f"file{i}")
print("DONE")
"""


def test_counts_and_kills_before_the_nth_operation(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert count_steps(CODE, args=[str(tmp_path / "a")], stdin="x") == 3
    result = run_killed(CODE, kill_at=2, args=[str(tmp_path / "b")], stdin="x")
    assert result.killed and "DONE" not in result.stdout
    assert "os.replace" in result.killed_at
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == ["file0", "tmp1"]


def test_spread_covers_both_ends() -> None:
    assert spread(5, 10) == [1, 2, 3, 4, 5]
    picks = spread(10, 3)
    assert picks[0] == 1 and picks[-1] == 10 and len(picks) == 3
    assert spread(0, 3) == []
