"""Nothing readable outside the vault: canary strings written through the store appear in no
file in the vault folder, the config folder or the temp folder."""

from __future__ import annotations

from pathlib import Path

from advocate_app.store import drafts, users
from advocate_app.store.vault import Vault
from tests.helpers import scan_for

CANARIES = ["CANARY-ZEBRA-7731", "Canary Quokka Alias", "canary@secret-note.example"]


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
