"""The key slots file (`vault.keys.json`): one wrapped copy of the data key per secret.

Each slot's header (everything but the nonce and the wrapped key) is bound to its ciphertext as
AES-GCM associated data, so an altered header cannot unwrap. A plain checksum over the slots tells
accidental damage apart from a wrong passphrase before any key is derived.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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

KEYS_FILE_NAME = "vault.keys.json"
FORMAT_NAME = "advocate-companion-keys"
FORMAT_VERSION = 1


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

    def header(self) -> dict[str, Any]:
        return {
            "slot_id": self.slot_id,
            "kind": self.kind,
            "kdf": self.kdf,
            "user_id": self.user_id,
            "label": self.label,
        }

    def to_json(self) -> dict[str, Any]:
        return {**self.header(), "nonce": self.nonce, "wrapped_key": self.wrapped_key}


@dataclass
class KeysFile:
    vault_id: str
    slots: list[Slot] = field(default_factory=list)

    # --- reading and writing ----------------------------------------------------------------

    @classmethod
    def load(cls, folder: Path) -> KeysFile:
        path = folder / KEYS_FILE_NAME
        if not path.exists():
            raise KeysFileMissing(
                f"The keys file ({KEYS_FILE_NAME}) is missing from the vault folder, so the vault "
                "cannot be opened. Restore it from a backup; the vault itself was not changed."
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
        if isinstance(version, int) and version > FORMAT_VERSION:
            raise KeysFileTooNew(
                "This vault's keys file was written by a newer version of Advocate Companion. "
                "Install that version (or newer) to open it; nothing was changed."
            )
        if version != FORMAT_VERSION:
            raise _damaged()
        try:
            slots = [Slot(**slot) for slot in doc["slots"]]
            keys = cls(vault_id=str(doc["vault_id"]), slots=slots)
            checksum = doc["checksum"]
        except (KeyError, TypeError) as exc:
            raise _damaged() from exc
        if not isinstance(checksum, str) or checksum != keys._checksum():
            raise KeysFileDamaged(
                "The keys file has been altered or damaged, so it cannot be trusted. Restore it "
                "from a backup; the vault itself was not changed."
            )
        return keys

    def document(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "slots": [slot.to_json() for slot in self.slots],
            "checksum": self._checksum(),
        }

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
        return json.dumps(
            {"format": FORMAT_NAME, "version": FORMAT_VERSION, "vault_id": self.vault_id,
             "slot": slot.header()},
            sort_keys=True,
        ).encode("utf-8")

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
            slot_id=str(uuid.uuid4()),
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
        nonce, wrapped = crypto.wrap_key(wrapping, data_key, self._aad(slot))
        slot.nonce, slot.wrapped_key = _b64(nonce), _b64(wrapped)
        self.slots = [s for s in self.slots if s.user_id != user_id] + [slot]
        return slot

    def set_recovery_slot(self, recovery_secret: bytes, data_key: bytearray) -> Slot:
        salt = secrets.token_bytes(16)
        slot = Slot(
            slot_id=str(uuid.uuid4()),
            kind="recovery",
            kdf={"name": "hkdf-sha256", "salt": _b64(salt)},
            nonce="",
            wrapped_key="",
        )
        wrapping = crypto.derive_recovery_key(recovery_secret, salt)
        nonce, wrapped = crypto.wrap_key(wrapping, data_key, self._aad(slot))
        slot.nonce, slot.wrapped_key = _b64(nonce), _b64(wrapped)
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
            nonce, wrapped = _unb64(slot.nonce), _unb64(slot.wrapped_key)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise _damaged() from exc
        if slot.kdf.get("name") != "argon2id":
            raise _damaged()
        wrapping = crypto.derive_passphrase_key(passphrase, salt, params)
        try:
            key = crypto.unwrap_key(wrapping, nonce, wrapped, self._aad(slot))
        except (ValueError, TypeError) as exc:  # a nonce of the wrong length, and the like
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
                nonce, wrapped = _unb64(slot.nonce), _unb64(slot.wrapped_key)
                key = crypto.unwrap_key(
                    crypto.derive_recovery_key(secret, salt), nonce, wrapped, self._aad(slot)
                )
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise _damaged() from exc
            if key is not None:
                return key
        raise WrongRecoveryKey(
            "That recovery key is well formed but does not belong to this vault. Check that it is "
            "the key printed for this office's vault."
        )


def _damaged() -> KeysFileDamaged:
    return KeysFileDamaged(
        "The keys file is damaged or incomplete, so the vault cannot be opened with it. Restore "
        "it from a backup; the vault itself was not changed."
    )


__all__ = ["KEYS_FILE_NAME", "KeysFile", "RecoveryKeyTypo", "Slot"]
