"""Helpers shared by several test modules (never import one test module from another)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, stdin: str = "", umask: int | None = None
            ) -> subprocess.CompletedProcess[str]:
    """`python -m advocate_app ARGS` in a child process, optionally under a given umask."""
    def set_umask() -> None:
        import os

        os.umask(umask)  # type: ignore[arg-type]

    return subprocess.run(
        [sys.executable, "-m", "advocate_app", *args],
        input=stdin, capture_output=True, text=True, timeout=180,
        preexec_fn=set_umask if umask is not None else None,
    )


def sha_map(folder: Path) -> dict[str, str]:
    """Every file below folder (but the lock files) and its SHA-256."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in ("vault.lock", "vault.throttle.json")
    }
