"""The store-level part of the smoke test; grows as features land."""

from __future__ import annotations

from pathlib import Path

from advocate_app.store import drafts
from advocate_app.store.vault import Vault


def exercise(vault: Vault, folder: Path) -> list[str]:
    done = []
    drafts.save_draft(vault, "smoke", "draft text")
    assert drafts.load_draft(vault, "smoke") is not None
    done.append("draft saved and read back")
    assert vault.integrity_problems() == []
    done.append("integrity checks pass")
    return done


def demo_round_trip(folder: Path) -> list[str]:
    return []
