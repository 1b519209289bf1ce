"""Small helpers shared by several test modules (never import one test module from another)."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from advocate_app.store.keyslots import KeysFile


def sha_map(folder: Path) -> dict[str, str]:
    """Every file under folder (the lock file aside) with its SHA-256."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(Path(folder).rglob("*")) if p.is_file() and p.name != "vault.lock"
    }


def data_key_with_recovery(folder: Path, recovery_key: str) -> bytearray:
    return KeysFile.load(Path(folder)).unwrap_with_recovery_key(recovery_key)


def copy_vault(source: Path, dest: Path) -> Path:
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("vault.lock"))
    return dest


def kill_rounds(default: int) -> int:
    """How many kill points a kill-injection test walks (ADVOCATE_KILL_ROUNDS raises it)."""
    return int(os.environ.get("ADVOCATE_KILL_ROUNDS", default))
