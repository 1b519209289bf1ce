"""The demo vault: created and marked as a demo, reset, reopened, and never a real vault.

A real vault, a folder of other files and the real default folder are refused and left exactly as
they were; a demo session never touches the real vault.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from advocate_app.demo.engine import (
    DEMO_OFFICE,
    DEMO_PASSPHRASE,
    DemoSession,
    NotADemoVault,
    open_demo_vault,
    reset_demo_vault,
)
from advocate_app.demo.scenario import Scenario
from advocate_app.store import clients, notes
from advocate_app.store.clients import ClientFields
from advocate_app.store.errors import VaultError
from advocate_app.store.vault import Vault
from tests.demo.helpers import TODAY, hash_folder
from tests.helpers import PASSPHRASE, VaultTemplate

# --------------------------------------------------------------------------- the demo vault


def test_demo_vault_is_created_marked_and_reopened(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    vault = open_demo_vault(folder)
    try:
        assert vault.is_demo and vault.office_name == DEMO_OFFICE
        assert vault.current_user.name == "Trainer" and vault.current_user.is_supervisor
        vault_id = vault.keys.vault_id
    finally:
        vault.close()
    again = open_demo_vault(folder)
    try:
        assert again.keys.vault_id == vault_id  # the same vault, opened with the fixed phrase
        assert again.is_unlocked
    finally:
        again.close()


def test_reset_makes_a_fresh_demo_vault(tmp_path: Path, scenarios: list[Scenario]) -> None:
    folder = tmp_path / "demo"
    vault = open_demo_vault(folder)
    clients.create_client(vault, ClientFields(alias="Practice client"))
    old_id = vault.keys.vault_id
    fresh = reset_demo_vault(vault)
    try:
        assert not vault.is_unlocked  # the old handle is closed
        assert fresh.keys.vault_id != old_id
        assert fresh.is_demo
        assert clients.count_clients(fresh, clients.ClientQuery(status="all")) == 0
    finally:
        fresh.close()
    again = open_demo_vault(folder, reset=True)
    try:
        assert again.is_demo
    finally:
        again.close()


def test_a_real_vault_is_refused_and_left_byte_identical(vault_dir: Path) -> None:
    before = hash_folder(vault_dir)
    for reset in (False, True):
        with pytest.raises(NotADemoVault):
            open_demo_vault(vault_dir, reset=reset)
    assert isinstance(NotADemoVault("x"), VaultError)
    assert hash_folder(vault_dir) == before  # not even a lock file was added


def test_a_vault_with_a_trainer_and_the_demo_phrase_but_not_demo_is_refused(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "lookalike"
    vault, _ = Vault.create(
        folder,
        office_name="Real office",
        user_name="Trainer",
        passphrase=DEMO_PASSPHRASE,
        kdf_target_seconds=0,
        check_strength=False,
    )
    vault.close()
    with pytest.raises(NotADemoVault):
        open_demo_vault(folder, reset=True)
    assert (folder / "vault.db").exists()


def test_a_folder_of_other_files_is_never_deleted(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "letter.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(NotADemoVault):
        open_demo_vault(folder, reset=True)
    assert (folder / "letter.txt").read_text(encoding="utf-8") == "keep me"


def test_the_real_default_folder_is_refused(monkeypatch, tmp_path: Path) -> None:
    real = tmp_path / "real-default"
    monkeypatch.setattr("advocate_app.paths.default_data_dir", lambda: real)
    with pytest.raises(NotADemoVault):
        open_demo_vault(real)
    assert not real.exists()


def test_a_session_refuses_a_real_vault(vault: Vault, scenarios: list[Scenario]) -> None:
    with pytest.raises(NotADemoVault):
        DemoSession(vault, scenarios)
    assert clients.count_clients(vault, clients.ClientQuery(status="all")) == 0


def test_a_demo_session_never_touches_the_real_vault(
    vault_dir: Path, vault_template: VaultTemplate, tmp_path: Path, scenarios: list[Scenario]
) -> None:
    # Give the real vault some content, close it, and fingerprint every file in its folder.
    real = Vault.open(vault_dir)
    real.unlock(vault_template.user_id, PASSPHRASE)
    real_client = clients.create_client(real, ClientFields(alias="Mateo R."))  # same alias!
    notes.add_note(real, real_client, "contact", "A real note that must survive.")
    real.close()
    (vault_dir / "vault.lock").unlink(missing_ok=True)
    before = hash_folder(vault_dir)

    demo = open_demo_vault(tmp_path / "demo")
    try:
        session = DemoSession(demo, scenarios, today=TODAY)
        for scenario_id in session.scenario_ids:
            session.select(scenario_id)
            session.go_to(session.current.step_count - 1)
            session.reset_scenario()
    finally:
        demo.close()
    reset_demo_vault(open_demo_vault(tmp_path / "demo")).close()

    assert hash_folder(vault_dir) == before
    real = Vault.open(vault_dir)
    try:
        real.unlock(vault_template.user_id, PASSPHRASE)
        assert not real.is_demo
        assert clients.alias_of(real, real_client) == "Mateo R."
        assert [n.body for n in notes.list_notes(real, real_client)] == [
            "A real note that must survive."
        ]
    finally:
        real.close()
