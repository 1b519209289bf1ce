"""The office's users: each has a role in the database and a key slot in the keys file."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from advocate_app.store import audit, crypto
from advocate_app.store.errors import InvalidInput, NotAllowed
from advocate_app.store.models import User
from advocate_app.store.vault import Vault, passphrase_problem
from advocate_app.store.vocab import ROLES


@dataclass(frozen=True)
class UserInfo:
    id: str
    name: str
    role: str
    active: bool
    must_change_passphrase: bool


def _require_supervisor(vault: Vault) -> None:
    if not vault.current_user.is_supervisor:
        raise NotAllowed("Only a supervisor can manage users.")


def _slot_params(vault: Vault) -> crypto.Argon2Params:
    """New slots use the same calibrated cost as the vault's first slot."""
    for slot in vault.keys.passphrase_slots():
        try:
            return crypto.Argon2Params(
                memory_kib=int(slot.kdf["memory_kib"]),
                time_cost=int(slot.kdf["time_cost"]),
                parallelism=int(slot.kdf["parallelism"]),
            )
        except (KeyError, TypeError, ValueError):
            continue
    return crypto.Argon2Params()


@contextlib.contextmanager
def _keys_change(vault: Vault) -> Iterator[None]:
    """A change to the key slots that is undone in memory if it cannot be saved (disk full),
    so a later save never writes a slot the database does not know about."""
    before = list(vault.keys.slots)
    try:
        yield
    except BaseException:
        vault.keys.slots = before
        raise


def list_users(vault: Vault, *, include_removed: bool = False) -> list[UserInfo]:
    with vault.read() as s:
        query = select(User).order_by(User.name)
        if not include_removed:
            query = query.where(User.active.is_(True))
        return [
            UserInfo(u.id, u.name, u.role, u.active, u.must_change_passphrase)
            for u in s.scalars(query)
        ]


def add_user(vault: Vault, name: str, role: str, temporary_passphrase: str) -> UserInfo:
    """A supervisor adds a user with a temporary passphrase they must change at first unlock."""
    _require_supervisor(vault)
    name = name.strip()
    if not name:
        raise InvalidInput("Enter the new user's name.")
    if len(name) > 80:
        raise InvalidInput("Keep the name under 80 characters.")
    if role not in ROLES:
        raise InvalidInput("Choose advocate or supervisor.")
    if len(temporary_passphrase) < 8:
        raise InvalidInput("A temporary passphrase needs at least 8 characters.")
    if any(u.name.lower() == name.lower() for u in list_users(vault)):
        raise InvalidInput("There is already a user with that name. Add a last initial.")
    user_id = str(uuid.uuid4())
    with vault.write() as s:
        s.add(User(id=user_id, name=name, role=role, active=True, must_change_passphrase=True))
        audit.record(s, vault.current_user.id, "user_added", "user")
        s.flush()
        # The keys file is written inside the transaction: if it fails, the user row rolls back.
        with _keys_change(vault):
            vault.keys.set_passphrase_slot(
                user_id=user_id, label=name, passphrase=temporary_passphrase,
                data_key=vault._data_key_ref(), params=_slot_params(vault),
            )
            vault.keys.save(vault.folder)
    return UserInfo(user_id, name, role, True, True)


def remove_user(vault: Vault, user_id: str) -> None:
    _require_supervisor(vault)
    if user_id == vault.current_user.id:
        raise NotAllowed("You cannot remove yourself. Ask another supervisor.")
    with vault.write() as s:
        user = s.get(User, user_id)
        if user is None or not user.active:
            raise InvalidInput("That user was already removed.")
        supervisors = s.scalars(
            select(User).where(User.active.is_(True), User.role == "supervisor")
        ).all()
        if user.role == "supervisor" and len(supervisors) <= 1:
            raise NotAllowed("The office needs at least one supervisor.")
        user.active = False  # the row stays so audit events keep a name to point at
        audit.record(s, vault.current_user.id, "user_removed", "user")
        with _keys_change(vault):
            vault.keys.remove_user(user_id)
            vault.keys.save(vault.folder)


def change_own_passphrase(vault: Vault, current: str | None, new: str) -> None:
    """Rewrites the user's key slot only; the database is not re-encrypted.

    `current` may be None right after a recovery-key unlock or a first unlock with a temporary
    passphrase (the person has just proved who they are).
    """
    user = vault.current_user
    if current is not None and not vault.verify_passphrase(current):
        raise InvalidInput("Your current passphrase is not right.")
    problem = passphrase_problem(new, [user.name, vault.office_name])
    if problem:
        raise InvalidInput(problem)
    with _keys_change(vault):
        vault.keys.set_passphrase_slot(
            user_id=user.id, label=user.name, passphrase=new,
            data_key=vault._data_key_ref(), params=_slot_params(vault),
        )
        vault.keys.save(vault.folder)
    with vault.write() as s:
        row = s.get(User, user.id)
        if row is not None:
            row.must_change_passphrase = False
        audit.record(s, user.id, "passphrase_changed", "user")
    vault.user = type(user)(user.id, user.name, user.role, False)
    vault.unlocked_with_recovery_key = False
