"""The vault's key slots kept in step with its users: one half of Vault (see vault.py).

Users live in the database, their key slots in the keys file; a change to both is written as a
pending keys file, committed in the database, then renamed into place (keychange.py). After an
unlock, an interrupted change is finished or dropped, so there is no user without a key slot and
no key slot without a user; a slot made by an earlier version is rewritten while its secret is
at hand.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import crypto
from advocate_app.store.errors import KeysDoNotMatchVault, VaultError
from advocate_app.store.keychange import (
    discard_pending,
    keys_lock,
    promote_pending,
    read_pending,
    slot_user_ids,
    write_pending,
)
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import PENDING_KEYS_NAME

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from sqlalchemy.orm import Session


class VaultKeySlots:
    """Mixed into Vault: everything that changes users and key slots together."""

    folder: Path
    keys: KeysFile

    if TYPE_CHECKING:  # provided by Vault

        def write(self) -> AbstractContextManager[Session]: ...
        def read(self) -> AbstractContextManager[Session]: ...
        def _require_user(self) -> object: ...
        def data_key_ref(self) -> bytearray: ...

    def _unwrap_with_pending(self, user_id: str, passphrase: str) -> bytearray | None:
        """A change interrupted after its commit, before its rename: the new slot is still
        in the pending keys file (the unlock then reconciles the two)."""
        pending = read_pending(self.folder)
        if pending is None or pending.vault_id != self.keys.vault_id:
            return None
        try:
            return pending.unwrap_with_passphrase(user_id, passphrase)
        except VaultError:
            return None

    def _upgrade_legacy_slot(
        self, user_id: str, *, passphrase: str | None = None, recovery_text: str | None = None
    ) -> None:
        """A format 1 slot (made by an earlier version) becomes format 2 while its secret is at
        hand, so a later re-key can carry it over. Failing to write it changes nothing."""
        if passphrase is not None:
            slot = self.keys.slot_for_user(user_id)
            if slot is None or not slot.is_legacy:
                return
        elif not any(s.kind == "recovery" and s.is_legacy for s in self.keys.slots):
            return
        try:
            with keys_lock(self.folder):
                keys = KeysFile.load(self.folder)
                if passphrase is not None:
                    slot = keys.slot_for_user(user_id)
                    if slot is None or not slot.is_legacy:
                        return
                    keys.set_passphrase_slot(
                        user_id=user_id,
                        label=slot.label,
                        passphrase=passphrase,
                        data_key=self.data_key_ref(),
                        params=crypto.Argon2Params(
                            int(slot.kdf["memory_kib"]),
                            int(slot.kdf["time_cost"]),
                            int(slot.kdf["parallelism"]),
                        ),
                    )
                elif recovery_text is not None:
                    keys.set_recovery_slot(
                        crypto.parse_recovery_key(recovery_text), self.data_key_ref()
                    )
                keys.save(self.folder)
                self.keys = keys
        except (VaultError, OSError, KeyError, TypeError, ValueError):
            return

    @contextlib.contextmanager
    def change_keys_and_users(self) -> Iterator[tuple[KeysFile, Session]]:
        """Users (database) and key slots (keys file) changed in one crash-safe step.

        Yields a fresh copy of the keys file, read under the keys lock, and one write session.
        On leaving: the new keys file is written whole as the pending file, the database
        commits, then the pending file is renamed over the keys file. See keychange.py.
        """
        self._require_user()
        with keys_lock(self.folder):
            keys = KeysFile.load(self.folder)  # another instance may have added a slot
            if keys.vault_id != self.keys.vault_id:
                raise KeysDoNotMatchVault(
                    QT_TR_NOOP(
                        "The keys file was replaced by one of another vault while the app "
                        "was "
                        "open. Nothing was changed. Lock the app and open it again."
                    )
                )
            committed = False
            try:
                with self.write() as session:
                    yield keys, session
                    session.flush()
                    write_pending(self.folder, keys)
                committed = True
            finally:
                if not committed:
                    discard_pending(self.folder)
            self.keys = keys
            promote_pending(self.folder)

    def _reconcile_keys(self) -> None:
        """After an unlock: finish or drop an interrupted change of users and key slots, so
        there is no user without a key slot and no key slot without a user."""
        from sqlalchemy import select

        from advocate_app.store import audit
        from advocate_app.store.models import User

        with keys_lock(self.folder):
            with self.read() as s:
                active = set(s.scalars(select(User.id).where(User.active.is_(True))))
            pending = read_pending(self.folder)
            if pending is not None:
                if pending.vault_id == self.keys.vault_id and slot_user_ids(pending) == active:
                    promote_pending(self.folder)  # the database holds the change: finish it
                else:
                    discard_pending(self.folder)  # the database never got it: drop it
            elif self.folder.joinpath(PENDING_KEYS_NAME).exists():
                discard_pending(self.folder)  # not whole, so never the point of a commit
            elif slot_user_ids(self.keys) == active:
                return  # the usual case: nothing to do, nothing written
            keys = KeysFile.load(self.folder)
            slotted = slot_user_ids(keys)
            orphans = slotted - active
            ghosts = active - slotted
            if orphans:
                for user_id in orphans:
                    keys.remove_user(user_id)
                keys.save(self.folder)
            if ghosts:
                # Nobody can ever unlock as them: show them as removed (their records stay).
                with self.write() as s:
                    for user_id in ghosts:
                        row = s.get(User, user_id)
                        if row is not None:
                            row.active = False
                            audit.record(s, None, "user_removed_without_key_slot", "user")
            self.keys = keys
