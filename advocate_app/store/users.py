"""The office's users: each has a role in the database and a key slot in the keys file.

Adding a user or an ordinary passphrase change touches one slot (keychange.py). Removing a user,
resetting someone's passphrase, or a change marked "someone else may know it" re-keys the vault
(rekey.py): that is what makes a revocation real.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import audit, crypto
from advocate_app.store.errors import InvalidInput, NotAllowed
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.models import User
from advocate_app.store.passphrases import new_temporary_passphrase
from advocate_app.store.rekey import OldBackups, RekeyResult, rekey_vault
from advocate_app.store.vault import Vault, passphrase_problem
from advocate_app.store.vocab import ROLES

__all__ = [
    "NewPassphrase",
    "OldBackups",
    "RekeyResult",
    "UserInfo",
    "add_user",
    "change_own_passphrase",
    "list_users",
    "remove_user",
    "reset_passphrase",
]


@dataclass(frozen=True)
class UserInfo:
    id: str
    name: str
    role: str
    active: bool
    must_change_passphrase: bool


def _require_supervisor(vault: Vault) -> None:
    if not vault.current_user.is_supervisor:
        raise NotAllowed(QT_TR_NOOP("Only a supervisor can manage users."))


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


def list_users(vault: Vault, *, include_removed: bool = False) -> list[UserInfo]:
    with vault.read() as s:
        query = select(User).order_by(User.name)
        if not include_removed:
            query = query.where(User.active.is_(True))
        return [
            UserInfo(u.id, u.name, u.role, u.active, u.must_change_passphrase)
            for u in s.scalars(query)
        ]


@dataclass(frozen=True)
class NewPassphrase:
    """A temporary passphrase the app made, to be shown once and read out in person."""

    user: UserInfo
    temporary_passphrase: str
    rekey: RekeyResult | None = None

    def __repr__(self) -> str:  # never print a secret into a log or a traceback
        return f"NewPassphrase(user={self.user!r}, temporary_passphrase=<hidden>)"


def _check_new_name(vault: Vault, name: str, role: str) -> str:
    name = name.strip()
    if not name:
        raise InvalidInput(QT_TR_NOOP("Enter the new user's name."))
    if len(name) > 80:
        raise InvalidInput(QT_TR_NOOP("Keep the name under 80 characters."))
    if role not in ROLES:
        raise InvalidInput(QT_TR_NOOP("Choose advocate or supervisor."))
    if any(u.name.lower() == name.lower() for u in list_users(vault)):
        raise InvalidInput(
            QT_TR_NOOP("There is already a user with that name. Add a last initial.")
        )
    return name


def add_user(vault: Vault, name: str, role: str) -> NewPassphrase:
    """A supervisor adds a user. The app makes their temporary passphrase (random words),
    which they must replace at their first unlock; nobody chooses "temp1234"."""
    _require_supervisor(vault)
    name = _check_new_name(vault, name, role)
    temporary = new_temporary_passphrase()
    user_id = str(uuid.uuid4())
    params = _slot_params(vault)
    # The user row and the key slot land together (keychange.py), and the slot is added to the
    # keys file as it is on disk now, so a slot added meanwhile by another instance stays.
    with vault.change_keys_and_users() as (keys, s):
        s.add(User(id=user_id, name=name, role=role, active=True, must_change_passphrase=True))
        audit.record(s, vault.current_user.id, "user_added", "user")
        keys.set_passphrase_slot(
            user_id=user_id,
            label=name,
            passphrase=temporary,
            data_key=vault.data_key_ref(),
            params=params,
        )
    return NewPassphrase(UserInfo(user_id, name, role, True, True), temporary)


def _choice(vault: Vault, old_backups: OldBackups | str) -> OldBackups:
    choice = OldBackups(old_backups)
    if choice is OldBackups.DELETE and not vault.current_user.is_supervisor:
        raise NotAllowed(QT_TR_NOOP("Only a supervisor can delete the office's backups."))
    return choice


def _someone_else(
    vault: Vault, user_id: str, old_backups: OldBackups | str, *, yourself: str, gone: str
) -> tuple[OldBackups, UserInfo]:
    """The checks before a supervisor re-keys the vault for another user: the backups choice is
    theirs to make, the user is not themselves (`yourself` says what to do instead) and is still
    active (`gone` otherwise)."""
    _require_supervisor(vault)
    choice = _choice(vault, old_backups)
    if user_id == vault.current_user.id:
        raise NotAllowed(yourself)
    with vault.read() as s:
        row = s.get(User, user_id)
        if row is None or not row.active:
            raise InvalidInput(gone)
        return choice, UserInfo(row.id, row.name, row.role, True, True)


def remove_user(
    vault: Vault, user_id: str, *, old_backups: OldBackups | str = OldBackups.REENCRYPT
) -> RekeyResult:
    """Remove a user and re-key the vault, so that nothing in the data folder opens with
    their passphrase or with the data key they knew (rekey.py). Copies made elsewhere before
    (a USB stick) still do: the caller says so."""
    choice, user = _someone_else(
        vault,
        user_id,
        old_backups,
        yourself=QT_TR_NOOP("You cannot remove yourself. Ask another supervisor."),
        gone=QT_TR_NOOP("That user was already removed."),
    )
    with vault.read() as s:
        supervisors = s.scalars(
            select(User).where(User.active.is_(True), User.role == "supervisor")
        ).all()
        if user.role == "supervisor" and len(supervisors) <= 1:
            raise NotAllowed(QT_TR_NOOP("The office needs at least one supervisor."))

    def change_keys(keys: KeysFile, _new_key: bytearray) -> None:
        keys.remove_user(user_id)

    def change_db(s: Session) -> None:
        row = s.get(User, user_id)
        if row is not None:
            row.active = False  # the row stays so audit events keep a name to point at

    return rekey_vault(
        vault,
        change_keys=change_keys,
        change_db=change_db,
        revoked_user_ids={user_id},
        old_backups=choice,
        reason="user_removed",
    )


def reset_passphrase(
    vault: Vault, user_id: str, *, old_backups: OldBackups | str = OldBackups.REENCRYPT
) -> NewPassphrase:
    """A supervisor gives someone a new temporary passphrase (they forgot theirs, or it may be
    known): the vault is re-keyed, so their old passphrase opens nothing in the data folder."""
    choice, info = _someone_else(
        vault,
        user_id,
        old_backups,
        yourself=QT_TR_NOOP("Change your own passphrase under My passphrase instead."),
        gone=QT_TR_NOOP("That user was removed."),
    )
    temporary = new_temporary_passphrase()
    params = _slot_params(vault)

    def change_keys(keys: KeysFile, new_key: bytearray) -> None:
        keys.set_passphrase_slot(
            user_id=user_id, label=info.name, passphrase=temporary, data_key=new_key, params=params
        )

    def change_db(s: Session) -> None:
        user = s.get(User, user_id)
        if user is not None:
            user.must_change_passphrase = True

    result = rekey_vault(
        vault,
        change_keys=change_keys,
        change_db=change_db,
        revoked_user_ids={user_id},
        old_backups=choice,
        reason="passphrase_reset",
    )
    return NewPassphrase(info, temporary, result)


def change_own_passphrase(
    vault: Vault,
    current: str | None,
    new: str,
    *,
    someone_else_may_know: bool = False,
    old_backups: OldBackups | str = OldBackups.REENCRYPT,
) -> RekeyResult | None:
    """An ordinary change rewrites the user's own key slot only (quick). With
    someone_else_may_know the vault is also re-keyed, so the old passphrase opens nothing in
    the data folder; returns what the re-key did.

    `current` may be None right after a recovery-key unlock or a first unlock with a temporary
    passphrase (the person has just proved who they are).
    """
    user = vault.current_user
    choice = _choice(vault, old_backups)
    if current is not None and not vault.verify_passphrase(current):
        raise InvalidInput(QT_TR_NOOP("Your current passphrase is not right."))
    problem = passphrase_problem(new, [user.name, vault.office_name])
    if problem:
        raise InvalidInput(problem)
    params = _slot_params(vault)
    result: RekeyResult | None = None
    if someone_else_may_know:

        def change_keys(keys: KeysFile, new_key: bytearray) -> None:
            keys.set_passphrase_slot(
                user_id=user.id, label=user.name, passphrase=new, data_key=new_key, params=params
            )

        def change_db(s: Session) -> None:
            row = s.get(User, user.id)
            if row is not None:
                row.must_change_passphrase = False

        result = rekey_vault(
            vault,
            change_keys=change_keys,
            change_db=change_db,
            revoked_user_ids={user.id},
            old_backups=choice,
            reason="passphrase_changed",
        )
    else:
        with vault.change_keys_and_users() as (keys, s):
            keys.set_passphrase_slot(
                user_id=user.id,
                label=user.name,
                passphrase=new,
                data_key=vault.data_key_ref(),
                params=params,
            )
            row = s.get(User, user.id)
            if row is not None:
                row.must_change_passphrase = False
            audit.record(s, user.id, "passphrase_changed", "user")
    vault.user = type(user)(user.id, user.name, user.role, False)
    vault.unlocked_with_recovery_key = False
    return result
