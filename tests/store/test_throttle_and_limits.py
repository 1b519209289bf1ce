"""The unlock throttle survives a restart and guards "verify my passphrase"; hostile Argon2
parameters are refused when the keys file is read (issue 12 point 10)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from advocate_app.store.errors import KeysFileUnsafe, WrongPassphrase
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import KEYS_FILE_NAME
from advocate_app.store.vault import UnlockThrottled, Vault
from tests.helpers import FIRST_USER, PASSPHRASE


def _uid(vault: Vault) -> str:
    return vault.users_for_unlock()[0].id


def test_throttle_survives_a_restart(vault_dir: Path) -> None:
    with Vault.open(vault_dir) as vault:
        uid = _uid(vault)
        for _ in range(3):
            with pytest.raises(WrongPassphrase):
                vault.unlock(uid, "wrong guess")
        assert vault.seconds_until_next_attempt() > 0
    # A new process (a restart) still makes the guesser wait, even with the right passphrase.
    with Vault.open(vault_dir) as again:
        assert again.seconds_until_next_attempt() > 0
        with pytest.raises(UnlockThrottled):
            again.unlock(uid, PASSPHRASE)
    throttle_files = [p for p in vault_dir.iterdir() if "throttle" in p.name]
    assert len(throttle_files) == 1
    kept = throttle_files[0]
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    text = kept.read_text("utf-8")
    assert FIRST_USER not in text and uid not in text  # no names, no ids


def test_a_wrong_clock_never_locks_out_for_long(vault_dir: Path) -> None:
    with Vault.open(vault_dir) as vault:
        uid = _uid(vault)
        for _ in range(3):
            with pytest.raises(WrongPassphrase):
                vault.unlock(uid, "wrong guess")
    kept = next(p for p in vault_dir.iterdir() if "throttle" in p.name)
    doc = json.loads(kept.read_text("utf-8"))
    doc["not_before"] = doc["not_before"] + 10**9  # as if the clock had been far ahead
    kept.write_text(json.dumps(doc), "utf-8")
    with Vault.open(vault_dir) as again:
        assert 0 < again.seconds_until_next_attempt() <= 300


def test_verify_passphrase_is_throttled_too(vault: Vault) -> None:
    for _ in range(3):
        assert vault.verify_passphrase("not it") is False
    with pytest.raises(UnlockThrottled):
        vault.verify_passphrase(PASSPHRASE)


def _tamper_kdf(vault_dir: Path, **kdf: int) -> None:
    path = vault_dir / KEYS_FILE_NAME
    keys = KeysFile.load(vault_dir)
    for slot in keys.passphrase_slots():
        slot.kdf.update(kdf)
    path.write_bytes(keys.to_bytes())  # a consistent checksum: only the numbers are hostile


@pytest.mark.parametrize(
    "kdf",
    [{"memory_kib": 64 * 1024 * 1024}, {"memory_kib": 1024 * 1024 + 1}, {"time_cost": 10_000}],
)
def test_hostile_argon2_parameters_are_refused_on_read(vault_dir: Path, kdf: dict) -> None:
    _tamper_kdf(vault_dir, **kdf)
    with pytest.raises(KeysFileUnsafe, match="far more memory or time"):
        Vault.open(vault_dir)
    # Refused before anything is derived: the folder is free again for a restore.
    _tamper_kdf(vault_dir, memory_kib=64 * 1024, time_cost=3)
    Vault.open(vault_dir).close()
