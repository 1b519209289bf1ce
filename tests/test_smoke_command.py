"""`advocate-app --smoke-test` (also run inside the frozen bundle by the packaging test)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _run(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    extra = ["--data-dir", str(data_dir)] if data_dir else []
    return subprocess.run(
        [sys.executable, "-m", "advocate_app", *extra, *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def test_smoke_test_passes_quietly(tmp_path: Path) -> None:
    result = _run("--smoke-test", data_dir=tmp_path / "real")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("ok: ") for line in lines)
    assert any("summary PDF" in line for line in lines)
    assert not (tmp_path / "real").exists()  # the smoke test never touches --data-dir


def test_demo_smoke_test_never_opens_the_real_vault(vault_dir: Path) -> None:
    before = {p.name: p.read_bytes() for p in vault_dir.iterdir()}
    result = _run("--demo", "--smoke-test", data_dir=vault_dir)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert sum("demo scenario" in line for line in result.stdout.splitlines()) >= 6
    after = {p.name: p.read_bytes() for p in vault_dir.iterdir()}
    assert before == after
