"""Nothing readable outside the vault: canary strings written through the store appear in no
file in the vault folder, the config folder or the temp folder."""

from __future__ import annotations

import os
from pathlib import Path

from advocate_app.store import drafts, users
from advocate_app.store.vault import Vault

CANARIES = ["CANARY-ZEBRA-7731", "Canary Quokka Alias", "canary@secret-note.example"]


def scan_for(strings: list[str], roots: list[Path]) -> list[tuple[Path, str]]:
    hits = []
    needles = [
        (variant, s)
        for s in strings
        for variant in (s.encode("utf-8"), s.encode("utf-16-le"), s.lower().encode("utf-8"))
    ]
    for root in roots:
        if not root.exists():
            continue
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                path = Path(dirpath) / name
                try:
                    data = path.read_bytes()
                except OSError:
                    continue
                for needle, s in needles:
                    if needle in data or needle in name.encode("utf-8"):
                        hits.append((path, s))
    return hits


def test_canaries_never_reach_any_file(vault: Vault, sandbox: Path) -> None:
    for i, canary in enumerate(CANARIES):
        drafts.save_draft(vault, f"note:new:client={i}", f"{canary} and more text")
    users.add_user(vault, "Jo", "advocate")
    vault.checkpoint()
    assert drafts.load_draft(vault, "note:new:client=0") is not None
    hits = scan_for(CANARIES, [vault.folder, sandbox])
    assert hits == []


def test_the_scanner_does_find_plaintext(tmp_path: Path) -> None:
    (tmp_path / "leak.txt").write_text("xx CANARY-ZEBRA-7731 xx")
    assert scan_for(CANARIES, [tmp_path])
