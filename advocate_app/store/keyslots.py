"""The key slots file (`vault.keys.json`): one way into the data key per secret.

Format 2 (this version writes only these): a slot holds an X25519 key pair. Its private half is
wrapped with AES-256-GCM by the key derived from the slot's secret (Argon2id for a passphrase,
HKDF for the recovery key); the data key is sealed to its public half. So a re-key seals a new
data key to every remaining slot without anybody's passphrase (see rekey.py). Format 1 slots
(no public key) wrap the data key directly; they are still read, and a person's own slot is
upgraded the next time they unlock.

Each slot's header (everything but the ciphertexts) is bound to them as AES-GCM associated data,
so an altered header cannot unwrap. A plain checksum over the slots tells accidental damage
apart from a wrong passphrase before any key is derived.

The file may also hold the office's sign-in label: plain text the unlock screen shows before
anything is decrypted (DESIGN.md, decisions 2026-11-30). It is outside the checksum and cleaned
whenever it is read, so a damaged or hostile label is shown as plain text or not at all and
never stops an unlock.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import crypto
from advocate_app.store.errors import (
    KeysFileDamaged,
    KeysFileMissing,
    KeysFileTooNew,
    RecoveryKeyTypo,
    StorageFull,
    WrongPassphrase,
    WrongRecoveryKey,
)
from advocate_app.store.fsutil import atomic_write_bytes
from advocate_app.store.layout import KEYS_FILE_NAME

FORMAT_NAME = "advocate-companion-keys"
FORMAT_VERSION = 2
LEGACY_VERSION = 1
SIGN_IN_LABEL_MAX = 120  # as long as the office name typed at first run


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass
class Slot:
    slot_id: str
    kind: str  # "passphrase" or "recovery"
    kdf: dict[str, Any]
    nonce: str
    wrapped_key: str
    user_id: str | None = None  # passphrase slots belong to one user
    label: str = ""  # the user's display name, shown on the unlock screen (staff, never clients)
    public_key: str = ""  # format 2: the X25519 public half; "" for a format 1 slot
    sealed_key: str = ""  # format 2: the data key sealed to public_key

    @property
    def is_legacy(self) -> bool:
        """A format 1 slot: it wraps the data key itself and cannot be re-sealed."""
        return not self.public_key

    def header(self) -> dict[str, Any]:
        head = {
            "slot_id": self.slot_id,
            "kind": self.kind,
            "kdf": self.kdf,
            "user_id": self.user_id,
            "label": self.label,
        }
        if self.public_key:
            head["public_key"] = self.public_key
        return head

    def to_json(self) -> dict[str, Any]:
        doc = {**self.header(), "nonce": self.nonce, "wrapped_key": self.wrapped_key}
        if self.sealed_key:
            doc["sealed_key"] = self.sealed_key
        return doc


def clean_sign_in_label(value: object) -> str:
    """One line of plain text of at most SIGN_IN_LABEL_MAX characters. Anything else (not a
    string, control or direction characters, line breaks, a long text) is dropped or cut: the
    label is shown before unlock, so it must never be an error or break the screen."""
    if not isinstance(value, str):
        return ""
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in value)
    return " ".join(text.split())[:SIGN_IN_LABEL_MAX].strip()


@dataclass
class KeysFile:
    vault_id: str
    slots: list[Slot] = field(default_factory=list)
    sign_in_label: str = ""  # shown on the unlock screen; "" shows nothing

    # --- reading and writing ----------------------------------------------------------------

    @classmethod
    def load(cls, folder: Path) -> KeysFile:
        path = folder / KEYS_FILE_NAME
        if not path.exists():
            raise KeysFileMissing(
                QT_TR_NOOP(
                    "The keys file ({0}) is missing from the vault folder, so the vault "
                    "cannot be opened. Restore it from a backup; the vault itself was not "
                    "changed."
                ),
                KEYS_FILE_NAME,
            )
        try:
            raw = path.read_bytes()
            doc = json.loads(raw.decode("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _damaged() from exc
        return cls.from_document(doc)

    @classmethod
    def from_document(cls, doc: Any) -> KeysFile:
        if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
            raise _damaged()
        version = doc.get("version")
        if (
            isinstance(version, int)
            and not isinstance(version, bool)
            and (version > FORMAT_VERSION)
        ):
            raise KeysFileTooNew(
                QT_TR_NOOP(
                    "This vault's keys file was written by a newer version of Advocate "
                    "Companion. "
                    "Install that version (or newer) to open it; nothing was changed."
                )
            )
        if version not in (LEGACY_VERSION, FORMAT_VERSION) or isinstance(version, bool):
            raise _damaged()
        try:
            slots = [Slot(**slot) for slot in doc["slots"]]
            keys = cls(vault_id=str(doc["vault_id"]), slots=slots)
            checksum = doc["checksum"]
        except (KeyError, TypeError) as exc:
            raise _damaged() from exc
        keys.sign_in_label = clean_sign_in_label(doc.get("sign_in_label", ""))
        if not isinstance(checksum, str) or checksum != keys._checksum():
            raise KeysFileDamaged(
                QT_TR_NOOP(
                    "The keys file has been altered or damaged, so it cannot be trusted. "
                    "Restore it "
                    "from a backup; the vault itself was not changed."
                )
            )
        return keys

    def document(self) -> dict[str, Any]:
        legacy_only = all(slot.is_legacy for slot in self.slots)
        doc: dict[str, Any] = {
            "format": FORMAT_NAME,
            "version": LEGACY_VERSION if legacy_only and self.slots else FORMAT_VERSION,
            "vault_id": self.vault_id,
            "slots": [slot.to_json() for slot in self.slots],
            "checksum": self._checksum(),
        }
        label = clean_sign_in_label(self.sign_in_label)
        if label:  # hidden means absent: nobody reading the file learns the office's name
            doc["sign_in_label"] = label
        return doc

    def to_bytes(self) -> bytes:
        return json.dumps(self.document(), indent=2, sort_keys=True).encode("utf-8")

    def save(self, folder: Path) -> None:
        try:
            atomic_write_bytes(folder / KEYS_FILE_NAME, self.to_bytes())
        except OSError as exc:
            # Disk full or a read-only folder: the old keys file is still whole (atomic write).
            raise StorageFull() from exc

    def _checksum(self) -> str:
        body = json.dumps(
            {"vault_id": self.vault_id, "slots": [s.to_json() for s in self.slots]},
            sort_keys=True,
        ).encode("utf-8")
        return hashlib.sha256(body).hexdigest()

    def _aad(self, slot: Slot) -> bytes:
        version = LEGACY_VERSION if slot.is_legacy else FORMAT_VERSION
        return json.dumps(
            {
                "format": FORMAT_NAME,
                "version": version,
                "vault_id": self.vault_id,
                "slot": slot.header(),
            },
            sort_keys=True,
        ).encode("utf-8")

    def _fill_sealed_slot(self, slot: Slot, wrapping: bytes, data_key: bytearray) -> None:
        """Give slot a fresh key pair: the private half wrapped by `wrapping`, the data key
        sealed to the public half."""
        private, public = crypto.new_slot_keypair()
        try:
            slot.public_key = _b64(public)
            aad = self._aad(slot)
            nonce, wrapped = crypto.wrap_key(wrapping, private, aad)
            slot.nonce, slot.wrapped_key = _b64(nonce), _b64(wrapped)
            slot.sealed_key = _b64(crypto.seal_key(public, data_key, aad))
        finally:
            crypto.zero(private)

    def reseal(self, new_data_key: bytearray) -> list[Slot]:
        """Seal new_data_key to every format 2 slot (no secret needed). Returns the format 1
        slots, which cannot be carried over and are left out of this file."""
        legacy = [slot for slot in self.slots if slot.is_legacy]
        self.slots = [slot for slot in self.slots if not slot.is_legacy]
        for slot in self.slots:
            slot.sealed_key = _b64(
                crypto.seal_key(_unb64(slot.public_key), new_data_key, self._aad(slot))
            )
        return legacy

    def _open_slot(self, slot: Slot, wrapping: bytes) -> bytearray | None:
        """The data key through one slot, or None when `wrapping` is not this slot's key."""
        nonce, wrapped = _unb64(slot.nonce), _unb64(slot.wrapped_key)
        aad = self._aad(slot)
        if slot.is_legacy:
            return crypto.unwrap_key(wrapping, nonce, wrapped, aad)
        private = crypto.unwrap_key(wrapping, nonce, wrapped, aad)
        if private is None:
            return None
        try:
            key = crypto.open_sealed_key(private, _unb64(slot.sealed_key), aad)
        finally:
            crypto.zero(private)
        if key is None:  # the secret is right but the sealed key does not open: damage
            raise _damaged()
        return key

    # --- slots --------------------------------------------------------------------------------

    def passphrase_slots(self) -> list[Slot]:
        return [s for s in self.slots if s.kind == "passphrase"]

    def slot_for_user(self, user_id: str) -> Slot | None:
        for slot in self.passphrase_slots():
            if slot.user_id == user_id:
                return slot
        return None

    def set_passphrase_slot(
        self,
        *,
        user_id: str,
        label: str,
        passphrase: str,
        data_key: bytearray,
        params: crypto.Argon2Params,
    ) -> Slot:
        """Add or replace the user's slot. Only this file changes: the database is not rewritten."""
        salt = secrets.token_bytes(16)
        slot = Slot(
            slot_id=_new_id(),
            kind="passphrase",
            kdf={
                "name": "argon2id",
                "memory_kib": params.memory_kib,
                "time_cost": params.time_cost,
                "parallelism": params.parallelism,
                "salt": _b64(salt),
            },
            nonce="",
            wrapped_key="",
            user_id=user_id,
            label=label,
        )
        wrapping = crypto.derive_passphrase_key(passphrase, salt, params)
        self._fill_sealed_slot(slot, wrapping, data_key)
        self.slots = [s for s in self.slots if s.user_id != user_id] + [slot]
        return slot

    def set_recovery_slot(self, recovery_secret: bytes, data_key: bytearray) -> Slot:
        salt = secrets.token_bytes(16)
        slot = Slot(
            slot_id=_new_id(),
            kind="recovery",
            kdf={"name": "hkdf-sha256", "salt": _b64(salt)},
            nonce="",
            wrapped_key="",
        )
        wrapping = crypto.derive_recovery_key(recovery_secret, salt)
        self._fill_sealed_slot(slot, wrapping, data_key)
        self.slots = [s for s in self.slots if s.kind != "recovery"] + [slot]
        return slot

    def remove_user(self, user_id: str) -> None:
        self.slots = [s for s in self.slots if s.user_id != user_id]

    def check_kdf_bounds(self) -> None:
        """KeysFileUnsafe when any passphrase slot asks for too little or absurdly much work."""
        for slot in self.passphrase_slots():
            try:
                params = crypto.Argon2Params(
                    memory_kib=int(slot.kdf["memory_kib"]),
                    time_cost=int(slot.kdf["time_cost"]),
                    parallelism=int(slot.kdf["parallelism"]),
                )
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise _damaged() from exc
            params.check_bounds()

    def unwrap_with_passphrase(self, user_id: str, passphrase: str) -> bytearray:
        slot = self.slot_for_user(user_id)
        if slot is None:
            raise WrongPassphrase()
        try:
            params = crypto.Argon2Params(
                memory_kib=int(slot.kdf["memory_kib"]),
                time_cost=int(slot.kdf["time_cost"]),
                parallelism=int(slot.kdf["parallelism"]),
            )
            salt = _unb64(slot.kdf["salt"])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise _damaged() from exc
        if slot.kdf.get("name") != "argon2id":
            raise _damaged()
        wrapping = crypto.derive_passphrase_key(passphrase, salt, params)
        try:
            key = self._open_slot(slot, wrapping)
        except (ValueError, TypeError, AttributeError) as exc:  # a nonce of the wrong length…
            raise _damaged() from exc
        if key is None:
            raise WrongPassphrase()
        return key

    def unwrap_with_recovery_key(self, recovery_text: str) -> bytearray:
        secret = crypto.parse_recovery_key(recovery_text)  # RecoveryKeyTypo on a typo
        for slot in self.slots:
            if slot.kind != "recovery":
                continue
            try:
                salt = _unb64(slot.kdf["salt"])
                key = self._open_slot(slot, crypto.derive_recovery_key(secret, salt))
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise _damaged() from exc
            if key is not None:
                return key
        raise WrongRecoveryKey(
            QT_TR_NOOP(
                "That recovery key is well formed but does not belong to this vault. "
                "Check that it is "
                "the key printed for this office's vault."
            )
        )


def _damaged() -> KeysFileDamaged:
    return KeysFileDamaged(
        QT_TR_NOOP(
            "The keys file is damaged or incomplete, so the vault cannot be opened with "
            "it. Restore "
            "it from a backup; the vault itself was not changed."
        )
    )


__all__ = ["SIGN_IN_LABEL_MAX", "KeysFile", "RecoveryKeyTypo", "Slot", "clean_sign_in_label"]


def _new_id() -> str:
    import uuid  # imported when first needed: it pulls in `platform`, start-up pays for neither

    return str(uuid.uuid4())
