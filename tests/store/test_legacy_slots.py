"""Vaults made by the previous version have format 1 key slots (the data key wrapped directly).
They still open; a person's own slot becomes format 2 when they unlock; and a re-key gives any
slot it cannot carry over a new temporary passphrase (or a new recovery key), shown once."""

from __future__ import annotations

import base64
import json
import secrets
import uuid
from pathlib import Path

import pytest

from advocate_app.store import crypto, users
from advocate_app.store.errors import VaultError, WrongRecoveryKey
from advocate_app.store.keyslots import FORMAT_NAME, LEGACY_VERSION, KeysFile, Slot
from advocate_app.store.vault import Vault
from tests.helpers import PASSPHRASE

JO = "lantern orchard pebble violin 77"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _legacy_aad(keys: KeysFile, slot: Slot) -> bytes:
    """What the previous version bound a format 1 slot to (written out here, so a change to
    the keys file's own code cannot quietly change what an old vault is read as)."""
    header = {"format": FORMAT_NAME, "version": LEGACY_VERSION, "vault_id": keys.vault_id}
    return json.dumps({**header, "slot": slot.header()}, sort_keys=True).encode("utf-8")


def _legacy_slot(
    keys: KeysFile,
    data_key: bytearray,
    *,
    user_id: str | None,
    label: str,
    passphrase: str | None = None,
    recovery: bytes | None = None,
) -> Slot:
    """A slot exactly as the previous version wrote it."""
    salt = secrets.token_bytes(16)
    params = crypto.Argon2Params()
    if passphrase is not None:
        kdf = {
            "name": "argon2id",
            "memory_kib": params.memory_kib,
            "time_cost": params.time_cost,
            "parallelism": params.parallelism,
            "salt": _b64(salt),
        }
        slot = Slot(str(uuid.uuid4()), "passphrase", kdf, "", "", user_id, label)
        wrapping = crypto.derive_passphrase_key(passphrase, salt, params)
    else:
        slot = Slot(
            str(uuid.uuid4()), "recovery", {"name": "hkdf-sha256", "salt": _b64(salt)}, "", ""
        )
        wrapping = crypto.derive_recovery_key(recovery or b"", salt)
    nonce, wrapped = crypto.wrap_key(wrapping, data_key, _legacy_aad(keys, slot))
    slot.nonce, slot.wrapped_key = _b64(nonce), _b64(wrapped)
    return slot


@pytest.fixture
def old_vault(vault: Vault) -> tuple[Path, str, str, str]:
    """Maria and Jo with format 1 slots, a format 1 recovery slot; returns
    (folder, Maria's id, Jo's id, the old recovery key)."""
    jo = users.add_user(vault, "Jo", "advocate").user.id
    maria = vault.current_user.id
    key = vault.data_key_copy()
    secret = crypto.new_recovery_secret()
    keys = KeysFile(vault_id=vault.keys.vault_id)
    keys.slots = [
        _legacy_slot(keys, key, user_id=maria, label="Maria", passphrase=PASSPHRASE),
        _legacy_slot(keys, key, user_id=jo, label="Jo", passphrase=JO),
        _legacy_slot(keys, key, user_id=None, label="", recovery=secret),
    ]
    folder = vault.folder
    vault.close()
    keys.save(folder)
    assert b'"version": 1' in (folder / "vault.keys.json").read_bytes()
    return folder, maria, jo, crypto.format_recovery_key(secret)


def test_an_old_vault_opens_and_upgrades_the_slot_that_unlocks(old_vault) -> None:
    folder, maria, jo, _recovery = old_vault
    with Vault.open(folder) as vault:
        vault.unlock(maria, PASSPHRASE)
        assert not vault.keys.slot_for_user(maria).is_legacy
        assert vault.keys.slot_for_user(jo).is_legacy  # Jo's secret was not at hand
    with Vault.open(folder) as vault:
        vault.unlock(maria, PASSPHRASE)  # the upgraded slot opens
        vault.lock()
        vault.unlock(jo, JO)  # and the untouched one still does


def test_a_rekey_gives_old_slots_new_secrets_shown_once(old_vault) -> None:
    folder, maria, jo, old_recovery = old_vault
    with Vault.open(folder) as vault:
        vault.unlock(maria, PASSPHRASE)
        other = users.add_user(vault, "Kim", "advocate").user.id
        result = users.remove_user(vault, other)
        assert list(result.temporary_passphrases) == ["Jo"]
        assert result.new_recovery_key
        assert "Jo" not in repr(result) and result.new_recovery_key not in repr(result)
        temporary = result.temporary_passphrases["Jo"]
    with Vault.open(folder) as vault:
        with pytest.raises(VaultError):
            vault.unlock(jo, JO)
        assert vault.unlock(jo, temporary).must_change_passphrase
        vault.lock()
        with pytest.raises(WrongRecoveryKey):
            vault.unlock_with_recovery_key(maria, old_recovery)
        vault.unlock_with_recovery_key(maria, result.new_recovery_key)
