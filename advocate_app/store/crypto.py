"""Key derivation, key wrapping and the recovery key.

Passphrases go through Argon2id (RFC 9106's second recommended option as the floor: m=64 MiB,
t=3, p=4), raised at creation until an unlock takes about a second. The derived key wraps the
vault's random data key with AES-256-GCM. The recovery key is 160 random bits, so a fast KDF
(HKDF-SHA256) is enough for it.
"""

from __future__ import annotations

import hashlib
import secrets
import time
import unicodedata
from dataclasses import dataclass

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store.errors import KeysFileUnsafe, RecoveryKeyTypo

DATA_KEY_BYTES = 32

ARGON2_FLOOR_MEMORY_KIB = 64 * 1024
ARGON2_FLOOR_TIME = 3
ARGON2_FLOOR_PARALLELISM = 4
# Beyond these a slot is refused when the keys file is read: a hostile keys file must not make
# the app allocate 64 GiB or spin for an hour. 1 GiB is 16 times the floor.
ARGON2_MAX_MEMORY_KIB = 1024 * 1024
ARGON2_MAX_TIME = 64
ARGON2_MAX_PARALLELISM = 16


@dataclass(frozen=True)
class Argon2Params:
    memory_kib: int = ARGON2_FLOOR_MEMORY_KIB
    time_cost: int = ARGON2_FLOOR_TIME
    parallelism: int = ARGON2_FLOOR_PARALLELISM

    def check_bounds(self) -> None:
        below = (
            self.memory_kib < ARGON2_FLOOR_MEMORY_KIB
            or self.time_cost < ARGON2_FLOOR_TIME
            or self.parallelism < ARGON2_FLOOR_PARALLELISM
        )
        above = (
            self.memory_kib > ARGON2_MAX_MEMORY_KIB
            or self.time_cost > ARGON2_MAX_TIME
            or self.parallelism > ARGON2_MAX_PARALLELISM
        )
        if below:
            raise KeysFileUnsafe(
                QT_TR_NOOP(
                    "The keys file asks for weaker protection than this app allows, so it "
                    "was not "
                    "used. It may have been altered. Restore the keys file from a backup."
                )
            )
        if above:
            raise KeysFileUnsafe(
                QT_TR_NOOP(
                    "The keys file asks for far more memory or time than any real vault "
                    "uses, so it "
                    "was not used. It may have been altered. Restore the keys file from a backup."
                )
            )


def normalize_passphrase(passphrase: str) -> bytes:
    # The same passphrase typed on another keyboard or OS must give the same bytes.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_passphrase_key(passphrase: str, salt: bytes, params: Argon2Params) -> bytes:
    params.check_bounds()
    from argon2.low_level import Type, hash_secret_raw  # imported on first unlock, not at start

    return hash_secret_raw(
        secret=normalize_passphrase(passphrase),
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def calibrate_argon2(target_seconds: float = 1.0) -> tuple[Argon2Params, float]:
    """Raise the time cost from the floor until one derivation takes about target_seconds.

    Returns the parameters and the measured seconds for one derivation with them.
    """
    floor = Argon2Params()
    salt = secrets.token_bytes(16)
    started = time.perf_counter()
    derive_passphrase_key("calibration", salt, floor)
    elapsed = time.perf_counter() - started
    if target_seconds <= elapsed:
        return floor, elapsed
    per_pass = elapsed / floor.time_cost
    time_cost = min(ARGON2_MAX_TIME, max(floor.time_cost, round(target_seconds / per_pass)))
    params = Argon2Params(time_cost=time_cost)
    return params, per_pass * time_cost


def derive_recovery_key(secret: bytes, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"advocate-app recovery slot"
    ).derive(secret)


def wrap_key(wrapping_key: bytes, data_key: bytes | bytearray, aad: bytes) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    return nonce, AESGCM(wrapping_key).encrypt(nonce, bytes(data_key), aad)


def unwrap_key(wrapping_key: bytes, nonce: bytes, wrapped: bytes, aad: bytes) -> bytearray | None:
    """The data key, or None when the wrapping key (so the passphrase) is wrong."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return bytearray(AESGCM(wrapping_key).decrypt(nonce, wrapped, aad))
    except InvalidTag:
        return None


# --- sealing the data key to a slot's public key ---------------------------------------------
#
# A slot holds an X25519 key pair: the private half wrapped by the slot's secret (passphrase or
# recovery key), and the data key sealed to the public half. A re-key (revocation) then seals a
# fresh data key to every remaining slot without knowing anybody's passphrase, and nothing a
# revoked person kept (the old data key, their old private half) opens the new one.

SLOT_PRIVATE_BYTES = 32
_SEAL_INFO = b"advocate-app sealed data key"


def new_slot_keypair() -> tuple[bytearray, bytes]:
    """(private key, public key), raw 32 bytes each."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
        PublicFormat,
    )

    private = X25519PrivateKey.generate()
    raw = bytearray(private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))
    return raw, private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _seal_wrapping(shared: bytes, ephemeral_public: bytes, public: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + public, info=_SEAL_INFO
    ).derive(shared)


def seal_key(public: bytes, data_key: bytes | bytearray, aad: bytes) -> bytes:
    """ephemeral public key (32) + nonce (12) + AES-256-GCM of the data key."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    nonce, wrapped = wrap_key(_seal_wrapping(shared, ephemeral_public, public), data_key, aad)
    return ephemeral_public + nonce + wrapped


def open_sealed_key(private: bytes | bytearray, sealed: bytes, aad: bytes) -> bytearray | None:
    """The data key, or None when this private key does not open it."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    if len(sealed) < 32 + 12 + 16:
        return None
    key = X25519PrivateKey.from_private_bytes(bytes(private))
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    ephemeral_public, nonce, wrapped = sealed[:32], sealed[32:44], sealed[44:]
    shared = key.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    return unwrap_key(_seal_wrapping(shared, ephemeral_public, public), nonce, wrapped, aad)


def zero(buffer: bytearray) -> None:
    for i in range(len(buffer)):
        buffer[i] = 0


# --- the recovery key -------------------------------------------------------------------------

# Crockford's base32: no I, L, O or U, so a handwritten copy is hard to misread.
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {ch: i for i, ch in enumerate(_CROCKFORD)}
_DECODE.update({"O": 0, "I": 1, "L": 1})
RECOVERY_SECRET_BYTES = 20  # 160 bits
_GROUP = 4
_DATA_CHARS = 32  # 160 bits / 5 bits per character


def canonical_recovery_text(text: str) -> str:
    """What was typed, as the key is printed: upper case, O read as 0, I and L as 1."""
    return "".join("0" if ch == "O" else "1" if ch in "IL" else ch for ch in text.strip().upper())


def _b32(value: int, chars: int) -> str:
    out = []
    for _ in range(chars):
        out.append(_CROCKFORD[value & 31])
        value >>= 5
    return "".join(reversed(out))


def _check_group(secret: bytes) -> str:
    digest = hashlib.sha256(b"advocate-app recovery check" + secret).digest()
    return _b32(int.from_bytes(digest[:3], "big") >> 4, _GROUP)  # 20 bits


def new_recovery_secret() -> bytes:
    return secrets.token_bytes(RECOVERY_SECRET_BYTES)


def format_recovery_key(secret: bytes) -> str:
    """Eight groups of four characters, then a ninth check group: XXXX-XXXX-...-CCCC."""
    text = _b32(int.from_bytes(secret, "big"), _DATA_CHARS) + _check_group(secret)
    return "-".join(text[i : i + _GROUP] for i in range(0, len(text), _GROUP))


def parse_recovery_key(text: str) -> bytes:
    """The 160-bit secret from what a person typed; RecoveryKeyTypo names what is wrong."""
    cleaned = "".join(ch for ch in text.upper() if not ch.isspace() and ch != "-")
    expected = _DATA_CHARS + _GROUP
    if len(cleaned) != expected:
        raise RecoveryKeyTypo(
            QT_TR_NOOP(
                "A recovery key has {0} letters and digits in nine groups; this one has "
                "{1}. Check that no group is missing or doubled."
            ),
            expected,
            len(cleaned),
        )
    bad = sorted({ch for ch in cleaned if ch not in _DECODE})
    if bad:
        raise RecoveryKeyTypo(
            "A recovery key never contains "
            + ", ".join(repr(ch) for ch in bad)
            + ". Compare those characters with the printed copy."
        )
    value = 0
    for ch in cleaned[:_DATA_CHARS]:
        value = (value << 5) | _DECODE[ch]
    secret = value.to_bytes(RECOVERY_SECRET_BYTES, "big")
    typed_check = "".join(_CROCKFORD[_DECODE[ch]] for ch in cleaned[_DATA_CHARS:])
    if typed_check != _check_group(secret):
        raise RecoveryKeyTypo(
            QT_TR_NOOP(
                "The recovery key has a typing mistake: its last group (the check group) "
                "does not "
                "match the others. Compare each group with the printed copy, one character at a time."
            )
        )
    return secret
