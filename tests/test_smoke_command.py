"""`advocate-app --smoke-test` (also run inside the frozen bundle by the packaging test)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _run(
    *args: str, data_dir: Path | None = None, scenarios: str = ""
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ADVOCATE_SMOKE_SCENARIOS": scenarios}
    extra = ["--data-dir", str(data_dir)] if data_dir else []
    return subprocess.run(
        [sys.executable, "-m", "advocate_app", *extra, *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def test_smoke_test_passes_quietly_and_never_opens_the_real_vault(vault_dir: Path) -> None:
    """The whole stack, then two demo scenarios there and back (all nine: the slow test below)."""
    before = {p.name: p.read_bytes() for p in vault_dir.iterdir()}
    result = _run("--demo", "--smoke-test", data_dir=vault_dir, scenarios="2")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("ok: ") for line in lines)
    assert any("summary PDF" in line for line in lines)
    assert sum("demo scenario" in line for line in lines) == 2
    after = {p.name: p.read_bytes() for p in vault_dir.iterdir()}
    assert before == after  # the smoke test never touches --data-dir


@pytest.mark.slow
def test_demo_smoke_test_plays_every_scenario(vault_dir: Path) -> None:
    result = _run("--demo", "--smoke-test", data_dir=vault_dir)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert sum("demo scenario" in line for line in result.stdout.splitlines()) >= 6
