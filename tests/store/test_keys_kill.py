"""A kill at any step of a key-slot change leaves a vault that opens with the old key set or
the new one, never neither, and never a user without a slot or a slot without a user
(issue 12 point 1, issue 14 point 7). A few kill points here; `make soak` runs every one
(benchmarks/keys_kill.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks.keys_kill import Office, count_steps, kill_round, make_office


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Office:
    return make_office(tmp_path_factory.mktemp("keys-kill") / "template")


@pytest.mark.parametrize("op", ["remove", "add"])
def test_a_kill_at_any_step_leaves_one_whole_key_set(
    office: Office, tmp_path: Path, op: str
) -> None:
    steps = count_steps(office, tmp_path, op)  # a full run, checked like the others
    assert steps >= 3
    # The middle, and the step just before the last (the renames that make the change);
    # `make soak` kills at every step.
    for kill_at in sorted({steps // 2, steps - 1}):
        problems = kill_round(office, tmp_path, op, kill_at, with_passphrase=False)
        assert problems == [], f"{op} killed at step {kill_at} of {steps}"


def test_two_instances_adding_users_keep_both_slots(office: Office, tmp_path: Path) -> None:
    """Even when vault.lock was deleted and a second instance got in."""
    from advocate_app.store import users
    from advocate_app.store.keychange import slot_user_ids
    from advocate_app.store.keyslots import KeysFile
    from advocate_app.store.vault import Vault

    folder = tmp_path / "vault"
    shutil.copytree(office.folder, folder)
    first = Vault.open(folder)
    (folder / "vault.lock").unlink()
    second = Vault.open(folder)
    try:
        key = bytearray.fromhex(office.key_hex)
        first.unlock_with_data_key(key, office.supervisor)
        second.unlock_with_data_key(key, office.supervisor)
        a = users.add_user(first, "Ana", "advocate").user.id
        b = users.add_user(second, "Ben", "advocate").user.id
        on_disk = slot_user_ids(KeysFile.load(folder))
        assert {a, b} <= on_disk
        assert {u.id for u in users.list_users(first)} == on_disk
    finally:
        first.close()
        second.close()


def test_an_interrupted_change_is_reconciled_at_the_next_unlock(
    office: Office, tmp_path: Path
) -> None:
    """A ghost (a user row without a slot) and an orphan slot (a slot without a user), as an
    earlier version could leave them, are reconciled when the vault is next unlocked."""
    from advocate_app.store import users
    from advocate_app.store.keychange import slot_user_ids
    from advocate_app.store.keyslots import KeysFile
    from advocate_app.store.vault import Vault

    folder = tmp_path / "vault"
    shutil.copytree(office.folder, folder)
    keys = KeysFile.load(folder)
    keys.remove_user(office.jo)  # Jo: a user row whose slot is gone
    keys.save(folder)
    with Vault.open(folder) as vault:
        vault.unlock_with_recovery_key(office.supervisor, office.recovery_key)
        assert office.jo not in {u.id for u in users.list_users(vault)}
        assert {u.id for u in users.list_users(vault)} == slot_user_ids(vault.keys)
