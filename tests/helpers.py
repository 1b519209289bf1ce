"""Helpers shared by several test modules (never import one test module from another)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from advocate_app.store.keyslots import KeysFile

# Files beside the vault that change without any record changing (the lock, the unlock throttle).
_NOT_DATA = ("vault.lock", "vault.throttle.json")


def run_cli(*args: str, stdin: str = "", umask: int | None = None
            ) -> subprocess.CompletedProcess[str]:
    """`python -m advocate_app ARGS` in a child process, optionally under a given umask."""
    def set_umask() -> None:
        os.umask(umask)  # type: ignore[arg-type]

    return subprocess.run(
        [sys.executable, "-m", "advocate_app", *args],
        input=stdin, capture_output=True, text=True, timeout=180,
        preexec_fn=set_umask if umask is not None else None,
    )


def sha_map(folder: Path) -> dict[str, str]:
    """Every file below folder (but the lock and throttle files) and its SHA-256."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(Path(folder).rglob("*"))
        if p.is_file() and p.name not in _NOT_DATA
    }


def data_key_with_recovery(folder: Path, recovery_key: str) -> bytearray:
    return KeysFile.load(Path(folder)).unwrap_with_recovery_key(recovery_key)


def copy_vault(source: Path, dest: Path) -> Path:
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("vault.lock"))
    return dest


def kill_rounds(default: int) -> int:
    """How many kill points a kill-injection test walks (ADVOCATE_KILL_ROUNDS raises it)."""
    return int(os.environ.get("ADVOCATE_KILL_ROUNDS", default))
