"""Creating, unlocking and re-keying a vault; damaged and foreign key files."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import pytest

from advocate_app.store import crypto, users
from advocate_app.store.errors import (
    KeysDoNotMatchVault,
    KeysFileDamaged,
    KeysFileMissing,
    KeysFileTooNew,
    KeysFileUnsafe,
    RecoveryKeyTypo,
    VaultInUse,
    WrongPassphrase,
    WrongRecoveryKey,
)
from advocate_app.store.keyslots import KeysFile, Slot
from advocate_app.store.layout import KEYS_FILE_NAME
from advocate_app.store.vault import UnlockThrottled, Vault, passphrase_problem
from tests.helpers import PASSPHRASE

NEW_PASSPHRASE = "lantern orchard velvet 7 canyon"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _first_user(vault: Vault) -> str:
    return vault.users_for_unlock()[0].id


def test_create_then_unlock(vault_dir: Path) -> None:
    with Vault.open(vault_dir) as vault:
        user = vault.unlock(_first_user(vault), PASSPHRASE)
        assert user.is_supervisor
        assert vault.office_name == "Riverbend Advocacy Office"
        assert vault.integrity_problems() == []


def test_wrong_passphrase_is_plain_and_changes_nothing(vault_dir: Path) -> None:
    # Only the count of wrong tries (vault.throttle.json, no names) may appear.
    skip = ("vault.lock", "vault.throttle.json")
    before = {p.name: _sha(p) for p in vault_dir.iterdir() if p.name not in skip}
    with Vault.open(vault_dir) as vault:
        with pytest.raises(WrongPassphrase, match="not right"):
            vault.unlock(_first_user(vault), PASSPHRASE + "x")
        assert not vault.is_unlocked
    after = {p.name: _sha(p) for p in vault_dir.iterdir() if p.name not in skip}
    assert before == after
    with Vault.open(vault_dir) as vault:
        vault.unlock(_first_user(vault), PASSPHRASE)


def test_repeated_wrong_guesses_are_slowed(vault_dir: Path) -> None:
    with Vault.open(vault_dir) as vault:
        now = [time.time()]
        vault.throttle.clock = lambda: now[0]
        uid = _first_user(vault)
        for _ in range(3):
            with pytest.raises(WrongPassphrase):
                vault.unlock(uid, "wrong guess")
        first_wait = vault.seconds_until_next_attempt()
        assert first_wait > 0
        with pytest.raises(UnlockThrottled, match="Wait"):
            vault.unlock(uid, PASSPHRASE)  # even the right one waits its turn
        now[0] += first_wait + 1  # the wait passes
        with pytest.raises(WrongPassphrase):
            vault.unlock(uid, "wrong again")
        assert vault.seconds_until_next_attempt() > first_wait  # the delay grows
        now[0] += vault.seconds_until_next_attempt() + 1
        vault.unlock(uid, PASSPHRASE)
        assert vault.seconds_until_next_attempt() == 0


def test_recovery_key_unlocks_and_then_a_new_passphrase(vault_dir: Path, vault_template) -> None:
    with Vault.open(vault_dir) as vault:
        vault.unlock_with_recovery_key(_first_user(vault), vault_template.recovery_key.lower())
        assert vault.unlocked_with_recovery_key
        users.change_own_passphrase(vault, None, NEW_PASSPHRASE)
    with Vault.open(vault_dir) as vault:
        with pytest.raises(WrongPassphrase):
            vault.unlock(_first_user(vault), PASSPHRASE)
        vault.unlock(_first_user(vault), NEW_PASSPHRASE)


def test_wrong_recovery_key(vault_dir: Path) -> None:
    other = crypto.format_recovery_key(crypto.new_recovery_secret())
    with Vault.open(vault_dir) as vault:
        with pytest.raises(WrongRecoveryKey, match="does not belong"):
            vault.unlock_with_recovery_key(_first_user(vault), other)


def test_passphrase_change_rewrites_only_the_keys_file(vault: Vault) -> None:
    db_before = _sha(vault.db_path)
    vault.checkpoint()
    db_before = _sha(vault.db_path)
    keys_before = _sha(vault.folder / KEYS_FILE_NAME)
    vault.keys.set_passphrase_slot(
        user_id=vault.current_user.id,
        label=vault.current_user.name,
        passphrase=NEW_PASSPHRASE,
        data_key=vault.data_key_ref(),
        params=crypto.Argon2Params(),
    )
    vault.keys.save(vault.folder)
    assert _sha(vault.db_path) == db_before
    assert _sha(vault.folder / KEYS_FILE_NAME) != keys_before
    assert not (vault.folder / (KEYS_FILE_NAME + ".prev")).exists()  # no copy of old slots


def test_change_own_passphrase_checks_current_and_strength(vault: Vault) -> None:
    from advocate_app.store.errors import InvalidInput

    with pytest.raises(InvalidInput, match="current passphrase"):
        users.change_own_passphrase(vault, "not it", NEW_PASSPHRASE)
    with pytest.raises(InvalidInput, match="easy to guess|at least"):
        users.change_own_passphrase(vault, PASSPHRASE, "password1")
    users.change_own_passphrase(vault, PASSPHRASE, NEW_PASSPHRASE)
    assert vault.verify_passphrase(NEW_PASSPHRASE)


@pytest.mark.parametrize(
    ("damage", "error", "words"),
    [
        ("truncate", KeysFileDamaged, "damaged or incomplete"),
        ("tamper", KeysFileDamaged, "altered or damaged"),
        ("newer", KeysFileTooNew, "newer version"),
        ("missing", KeysFileMissing, "missing"),
        ("weak", KeysFileUnsafe, "weaker protection"),
        ("absurd", KeysFileUnsafe, "far more memory"),
    ],
)
def test_damaged_keys_file_gives_a_specific_error(
    vault_dir: Path, damage: str, error: type[Exception], words: str
) -> None:
    path = vault_dir / KEYS_FILE_NAME
    original = path.read_bytes()
    doc = json.loads(original)
    if damage == "truncate":
        path.write_bytes(original[: len(original) // 2])
    elif damage == "tamper":
        doc["slots"][0]["label"] = "Someone else"
        path.write_text(json.dumps(doc))
    elif damage == "newer":
        doc["version"] = 99
        path.write_text(json.dumps(doc))
    elif damage == "missing":
        path.unlink()
    elif damage in ("weak", "absurd"):
        doc["slots"][0]["kdf"]["memory_kib"] = 1024 if damage == "weak" else 64 * 1024 * 1024
        # A consistent checksum: the file is well formed, only its parameters are off.
        resaved = KeysFile(vault_id=doc["vault_id"], slots=[Slot(**s) for s in doc["slots"]])
        path.write_bytes(resaved.to_bytes())

    with pytest.raises(error, match=words), Vault.open(vault_dir) as vault:
        vault.unlock(_first_user(vault), PASSPHRASE)

    # Put the right file back: the vault opens with the right secret afterwards.
    path.write_bytes(original)
    with Vault.open(vault_dir) as vault:
        vault.unlock(_first_user(vault), PASSPHRASE)


def test_keys_file_from_another_vault(vault_dir: Path, tmp_path: Path) -> None:
    other, _ = Vault.create(
        tmp_path / "other",
        office_name="Other",
        user_name="Maria",
        passphrase=PASSPHRASE,
        kdf_target_seconds=0,
    )
    other.close()
    original = (vault_dir / KEYS_FILE_NAME).read_bytes()
    (vault_dir / KEYS_FILE_NAME).write_bytes((tmp_path / "other" / KEYS_FILE_NAME).read_bytes())
    with Vault.open(vault_dir) as vault:
        with pytest.raises(KeysDoNotMatchVault, match="another vault"):
            vault.unlock(_first_user(vault), PASSPHRASE)
    (vault_dir / KEYS_FILE_NAME).write_bytes(original)
    with Vault.open(vault_dir) as vault:
        vault.unlock(_first_user(vault), PASSPHRASE)


def test_second_open_of_the_same_vault_is_refused(vault_dir: Path) -> None:
    with Vault.open(vault_dir), pytest.raises(VaultInUse, match="already open"):
        Vault.open(vault_dir)
    with Vault.open(vault_dir):
        pass  # released on close


def test_lock_zeroes_the_key_and_disposes_the_engine(vault: Vault) -> None:
    key_ref = vault.data_key_ref()
    vault.lock()
    assert not vault.is_unlocked
    assert all(b == 0 for b in key_ref)
    from advocate_app.store.errors import VaultLocked

    with pytest.raises(VaultLocked), vault.read():
        pass


def test_recovery_key_format_and_single_typo_caught() -> None:
    secret = crypto.new_recovery_secret()
    text = crypto.format_recovery_key(secret)
    groups = text.split("-")
    assert len(groups) == 9 and all(len(g) == 4 for g in groups)
    assert crypto.parse_recovery_key(text) == secret
    assert crypto.parse_recovery_key(text.lower().replace("-", " ")) == secret
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    for position in range(len(text)):
        if text[position] == "-":
            continue
        replacement = next(c for c in alphabet if c != text[position])
        typo = text[:position] + replacement + text[position + 1 :]
        with pytest.raises(RecoveryKeyTypo, match="typing mistake"):
            crypto.parse_recovery_key(typo)


def test_recovery_key_wrong_length_and_letters() -> None:
    text = crypto.format_recovery_key(crypto.new_recovery_secret())
    with pytest.raises(RecoveryKeyTypo, match="nine groups"):
        crypto.parse_recovery_key(text[:-5])
    with pytest.raises(RecoveryKeyTypo, match="never contains"):
        crypto.parse_recovery_key("U" + text[1:])


def test_passphrase_strength_uses_an_estimator() -> None:
    assert passphrase_problem("short") is not None
    assert passphrase_problem("aaaaaaaaaaaaaaaa") is not None  # long but trivially guessable
    assert passphrase_problem("password12345") is not None
    assert passphrase_problem(NEW_PASSPHRASE) is None


def test_calibration_never_goes_below_the_floor() -> None:
    params, seconds = crypto.calibrate_argon2(0)
    assert params == crypto.Argon2Params()
    assert seconds > 0
    raised, _ = crypto.calibrate_argon2(0.5)
    assert raised.time_cost >= params.time_cost
    assert raised.memory_kib >= crypto.ARGON2_FLOOR_MEMORY_KIB


def test_a_keys_file_that_cannot_be_saved_changes_nothing(vault: Vault, monkeypatch) -> None:
    from advocate_app.store.errors import StorageFull

    slots_before = list(vault.keys.slots)

    def full(*_a, **_k) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("advocate_app.store.keychange.atomic_write_bytes", full)
    with pytest.raises(StorageFull):
        users.add_user(vault, "Jo", "advocate")
    assert vault.keys.slots == slots_before
    assert [u.name for u in users.list_users(vault)] == ["Maria"]
    monkeypatch.undo()
    users.add_user(vault, "Jo", "advocate")
    assert len(vault.keys.passphrase_slots()) == 2
