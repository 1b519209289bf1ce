"""Unlocking the vault: one half of Vault (see vault.py).

A passphrase or the recovery key unwraps the data key (within the guessing limit of
throttle.py); the engine opens, an older schema is migrated after a verified copy is made, the
keys file is checked against the database and put in step with its users, and the person
becomes the current user. `verify_passphrase` confirms a sensitive action under the same limit.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import crypto
from advocate_app.store.errors import (
    KeysDoNotMatchVault,
    StorageFull,
    VaultDamaged,
    WrongPassphrase,
    WrongRecoveryKey,
)
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import BACKUP_SUFFIX, UPGRADE_BACKUP_PREFIX
from advocate_app.store.throttle import UnlockThrottle

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from advocate_app.store.backup_file import BackupInfo

# SQLAlchemy, Alembic and the models are imported inside the methods, as in vault.py.


@dataclass(frozen=True)
class CurrentUser:
    """Who unlocked: their id, name and role."""

    id: str
    name: str
    role: str
    must_change_passphrase: bool

    @property
    def is_supervisor(self) -> bool:
        return self.role == "supervisor"


@dataclass(frozen=True)
class UnlockUser:
    """What the unlock screen may show before anything is decrypted."""

    id: str
    name: str


class VaultUnlock:
    """Mixed into Vault: unlocking with a passphrase, the recovery key or a data key at hand."""

    folder: Path
    keys: KeysFile
    throttle: UnlockThrottle
    user: CurrentUser | None
    unlocked_with_recovery_key: bool
    _data_key: bytearray | None

    if TYPE_CHECKING:  # provided by Vault and its other halves

        @property
        def backup_dir(self) -> Path: ...
        def write(self) -> AbstractContextManager[Session]: ...
        def read(self) -> AbstractContextManager[Session]: ...
        def lock(self) -> None: ...
        def backup_to(self, out_path: Path) -> BackupInfo: ...
        def _start_engine(self) -> None: ...
        def _require_engine(self) -> Engine: ...
        def _require_user(self) -> CurrentUser: ...
        def _unwrap_with_pending(self, user_id: str, passphrase: str) -> bytearray | None: ...
        def _upgrade_legacy_slot(
            self,
            user_id: str,
            *,
            passphrase: str | None = None,
            recovery_text: str | None = None,
        ) -> None: ...
        def _reconcile_keys(self) -> None: ...

    def users_for_unlock(self) -> list[UnlockUser]:
        return [
            UnlockUser(slot.user_id, slot.label)
            for slot in self.keys.passphrase_slots()
            if slot.user_id
        ]

    def seconds_until_next_attempt(self) -> float:
        return self.throttle.seconds_left()

    def unlock(self, user_id: str, passphrase: str) -> CurrentUser:
        self.throttle.check()
        try:
            key = self.keys.unwrap_with_passphrase(user_id, passphrase)
        except WrongPassphrase:
            pending_key = self._unwrap_with_pending(user_id, passphrase)
            if pending_key is None:
                self.throttle.failed()
                raise
            key = pending_key
        self._finish_unlock(key, user_id)
        self.unlocked_with_recovery_key = False
        self._upgrade_legacy_slot(user_id, passphrase=passphrase)
        return self._require_user()

    def unlock_with_recovery_key(self, user_id: str, recovery_text: str) -> CurrentUser:
        """Unlock with the office's recovery key, as user_id; they must then set a passphrase."""
        self.throttle.check()
        try:
            key = self.keys.unwrap_with_recovery_key(recovery_text)
        except WrongRecoveryKey:
            self.throttle.failed()
            raise
        self._finish_unlock(key, user_id)
        self.unlocked_with_recovery_key = True
        self._upgrade_legacy_slot(user_id, recovery_text=recovery_text)
        return self._require_user()

    def unlock_with_data_key(self, data_key: bytearray, user_id: str | None = None) -> None:
        """For headless tools that already hold the data key (tests, restore verification)."""
        self._finish_unlock(bytearray(data_key), user_id)

    def _finish_unlock(self, data_key: bytearray, user_id: str | None) -> None:
        self._data_key = data_key
        from sqlalchemy.exc import DatabaseError

        from advocate_app.store import audit
        from advocate_app.store.models import User
        from advocate_app.store.sessions import is_damage

        try:
            self._start_engine()
            self._migrate_if_needed()
            self._check_vault_id()
            # A read-only folder: nothing to reconcile can be written; it opens as it is.
            with contextlib.suppress(OSError, StorageFull):
                self._reconcile_keys()
            with self.read() as s:
                if user_id is not None:
                    row = s.get(User, user_id)
                    if row is None or not row.active:
                        raise WrongPassphrase()
                    self.user = CurrentUser(
                        row.id, row.name, row.role, bool(row.must_change_passphrase)
                    )
            if self.user is not None:
                with self.write() as s:
                    audit.record(s, self.user.id, "unlocked")
        except DatabaseError as exc:
            # A damaged page met while unlocking: a plain refusal, never a raw database error.
            self.lock()
            if is_damage(exc):
                raise VaultDamaged(
                    QT_TR_NOOP(
                        "Part of the vault could not be read while unlocking: it may be "
                        "damaged. "
                        "Nothing was changed. Restore the newest backup."
                    )
                ) from exc
            raise
        except BaseException:
            self.lock()
            raise
        self.throttle.succeeded()

    def _check_vault_id(self) -> None:
        from advocate_app.store.models import Meta

        with self.read() as s:
            stored_id = s.get(Meta, "vault_id")
            if stored_id is None or stored_id.value != self.keys.vault_id:
                raise KeysDoNotMatchVault(
                    QT_TR_NOOP(
                        "The keys file belongs to another vault. Nothing was changed. "
                        "Restore "
                        "this vault's own keys file or its newest backup."
                    )
                )

    def _migrate_if_needed(self) -> None:
        from advocate_app.store import migrate

        engine = self._require_engine()
        current = migrate.current_revision(engine)
        if current == migrate.head_revision():
            return
        if current is not None:
            # An upgrade never starts without a verified copy of the vault as it was.
            from datetime import UTC, datetime  # here: opening a vault needs no dates

            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
            self.backup_to(self.backup_dir / f"{UPGRADE_BACKUP_PREFIX}{stamp}{BACKUP_SUFFIX}")
        migrate.upgrade(engine)

    def verify_passphrase(self, passphrase: str) -> bool:
        """Whether the current user's passphrase is right (for confirming sensitive actions)."""
        user = self._require_user()
        self.throttle.check()  # the same guessing limit as the unlock screen
        try:
            key = self.keys.unwrap_with_passphrase(user.id, passphrase)
        except WrongPassphrase:
            self.throttle.failed()
            return False
        crypto.zero(key)
        self.throttle.succeeded()
        return True
