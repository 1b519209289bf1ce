"""Fuzzing the files a person can hand the app: random bytes (and random zips, truncated and
bit-flipped real backups, odd key-slot documents) as a backup or as a keys file are refused
with a VaultError, never a traceback, and nothing in the vault folder changes."""

from __future__ import annotations

import base64
import io
import json
import shutil
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocate_app.store.backup_file import BackupInvalid, check_backup_file, read_backup_info
from advocate_app.store.diagnose import Problem, diagnose
from advocate_app.store.errors import VaultError
from advocate_app.store.keyslots import KeysFile, Slot
from advocate_app.store.layout import KEYS_FILE_NAME
from advocate_app.store.restore import BackupCredentials, restore_backup, verify_backup_with
from advocate_app.store.vault import Vault
from advocate_app.store.wal import read_wal
from tests.helpers import sha_map_with_throttle

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory, vault_template):  # type: ignore[no-untyped-def]
    """A vault folder, one real backup of it and a scratch folder, shared by the examples
    (hypothesis runs many examples per test; function fixtures would not reset between)."""
    root = tmp_path_factory.mktemp("fuzz")
    folder = root / "vault"
    shutil.copytree(vault_template.folder, folder, ignore=shutil.ignore_patterns("vault.lock"))
    with Vault.open(folder) as vault:
        key = KeysFile.load(folder).unwrap_with_recovery_key(vault_template.recovery_key)
        vault.unlock_with_data_key(key)
        good = vault.backup_to(root / "good.acbackup").path
    scratch = root / "scratch"
    scratch.mkdir()
    return {
        "folder": folder,
        "good": good,
        "scratch": scratch,
        "recovery": BackupCredentials(recovery_key=vault_template.recovery_key),
        "before": sha_map_with_throttle(folder),
    }


def _refused_everywhere(place, data: bytes) -> None:  # type: ignore[no-untyped-def]
    path = place["scratch"] / "candidate.acbackup"
    path.write_bytes(data)
    for check in (read_backup_info, check_backup_file):
        try:
            check(path)
        except BackupInvalid as exc:
            assert "Nothing was changed" in exc.message
    with pytest.raises(VaultError):
        restore_backup(place["folder"], path, place["recovery"])
    assert sha_map_with_throttle(place["folder"]) == place["before"]
    assert not list(place["folder"].glob(".restore-*"))


@FUZZ
@given(data=st.binary(max_size=2048) | st.binary(max_size=2048).map(lambda b: b"PK\x03\x04" + b))
def test_random_bytes_are_refused_as_a_backup(place, data: bytes) -> None:  # type: ignore[no-untyped-def]
    _refused_everywhere(place, data)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10**6) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_manifests = st.fixed_dictionaries(
    {},
    optional={
        "format": st.sampled_from(["advocate-companion-backup", "zip"]) | _json_values,
        "version": st.integers(-2, 3) | _json_values,
        "created": st.sampled_from(["2024-05-01T10:00:00+00:00", "yesterday"]),
        "vault_id": st.text(max_size=36) | _json_values,
        "schema_revision": st.sampled_from(["0001", "0003", None]) | _json_values,
        "db_salt": st.none() | st.text(max_size=32),
    },
)


@FUZZ
@given(manifest=_manifests, db=st.binary(max_size=8192), keys=_json_values, extra=st.booleans())
def test_random_zips_are_refused_as_a_backup(
    place,
    manifest,
    db: bytes,
    keys,  # type: ignore[no-untyped-def]
    extra: bool,
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("vault.db", db)
        zf.writestr("vault.keys.json", json.dumps(keys))
        if extra:
            zf.writestr("../../escape.txt", b"never unpacked anywhere")
    _refused_everywhere(place, buffer.getvalue())
    assert not (place["folder"].parent / "escape.txt").exists()


@FUZZ
@given(
    cut=st.floats(0.0, 0.999),
    flips=st.lists(st.tuples(st.floats(0, 0.9999), st.integers(1, 255)), max_size=4),
)
def test_truncated_or_bit_flipped_backups_never_pass_as_good(
    place,
    cut: float,  # type: ignore[no-untyped-def]
    flips,
) -> None:
    good = place["good"].read_bytes()
    data = bytearray(good)
    for where, mask in flips:
        data[int(where * len(data))] ^= mask
    if not flips:
        data = data[: int(cut * len(data))]
    path = place["scratch"] / "damaged.acbackup"
    path.write_bytes(bytes(data))
    try:
        verify_backup_with(path, place["recovery"])
    except VaultError as exc:
        assert exc.message
    else:
        # Only bytes nothing reads (zip timestamps, padding) may change and still verify.
        assert flips and len(data) == len(good)
    assert sha_map_with_throttle(place["folder"]) == place["before"]


@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes_are_refused_as_a_keys_file(place, data: bytes) -> None:  # type: ignore[no-untyped-def]
    folder = place["folder"]
    keys_path = folder / KEYS_FILE_NAME
    original = keys_path.read_bytes()
    try:
        keys_path.write_bytes(data)
        try:
            with Vault.open(folder):
                pass
        except VaultError as exc:
            assert exc.message
        found = diagnose(folder, find_backup=False)
        assert found.kind in {
            Problem.KEYS_DAMAGED,
            Problem.KEYS_TOO_NEW,
            Problem.KEYS_UNSAFE,
            Problem.KEYS_FROM_ANOTHER_VAULT,
            Problem.HEALTHY,
        }
        if found.kind is not Problem.HEALTHY:
            assert found.is_damaged
    finally:
        keys_path.write_bytes(original)


_b64 = st.binary(max_size=48).map(lambda b: base64.b64encode(b).decode())
_kdfs = (
    st.fixed_dictionaries(
        {},
        optional={
            "name": st.sampled_from(["argon2id", "hkdf-sha256", "scrypt"]),
            "salt": _b64 | _json_values,
            # Small numbers only: in-bounds Argon2 parameters would each cost a second.
            "memory_kib": st.integers(-5, 4096) | _json_values,
            "time_cost": st.integers(-1, 2) | _json_values,
            "parallelism": st.integers(-1, 3) | _json_values,
        },
    )
    | _json_values
)
_slots = st.builds(
    Slot,
    slot_id=st.text(max_size=8),
    kind=st.sampled_from(["passphrase", "recovery", "biometric"]),
    kdf=_kdfs,
    nonce=_b64 | st.text(max_size=8),
    wrapped_key=_b64 | st.text(max_size=8),
    user_id=st.none() | st.text(max_size=8) | st.integers(),
    label=st.text(max_size=12) | st.integers(),
)


@FUZZ
@given(slots=st.lists(_slots, max_size=3), use_passphrase=st.booleans())
def test_odd_key_slots_inside_a_backup_are_refused_cleanly(
    place,
    slots,  # type: ignore[no-untyped-def]
    use_passphrase: bool,
) -> None:
    with zipfile.ZipFile(place["good"]) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    vault_id = json.loads(members["manifest.json"])["vault_id"]
    members["vault.keys.json"] = KeysFile(vault_id=vault_id, slots=slots).to_bytes()
    path = place["scratch"] / "odd-keys.acbackup"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    credentials = (
        BackupCredentials(passphrase="any passphrase at all")
        if use_passphrase
        else place["recovery"]
    )
    with pytest.raises(VaultError):
        verify_backup_with(path, credentials)
    with pytest.raises(VaultError):
        restore_backup(place["folder"], path, credentials)
    assert sha_map_with_throttle(place["folder"]) == place["before"]


@FUZZ
@given(data=st.binary(max_size=16384))
def test_random_bytes_as_a_write_ahead_log_are_read_safely(place, data: bytes) -> None:  # type: ignore[no-untyped-def]
    path = place["scratch"] / "vault.db-wal"
    path.write_bytes(data)
    summary = read_wal(path)
    assert summary is None or summary.page_size >= 512
