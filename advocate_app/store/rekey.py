"""Re-keying the vault: what makes removing a user (or resetting a passphrase) real.

A removed user knew a passphrase that unwrapped the data key, and may have kept the data key
itself. So revocation makes a fresh random data key, re-encrypts the database with it, seals it
to every remaining key slot (slots hold public keys, see keyslots.py: nobody's passphrase is
needed) and leaves nothing in the data folder that the old secret opens: no `.prev` keys file,
the automatic backups re-encrypted or deleted (the supervisor's choice), and the revoked slots
taken out of any `before-restore-*` keys file. Copies made elsewhere (a USB stick) are out of
reach and still open with the old passphrase; the app says so.

Why a new file and renames rather than `PRAGMA rekey`: rekey rewrites every page of the live
file in place, with the old key in the journal and the new key in the file, so a crash part-way
needs both keys to recover and the keys file cannot change at the same instant. Here the live
vault is never touched until a staging folder holds a verified database under the new key, the
new keys file, the re-encrypted backups and a READY mark. From then on every step is a rename or
a delete that can be repeated; whoever opens the folder next (`finish_interrupted_rekey` in
interrupted.py, run by `Vault.open`) completes it. A crash before READY leaves the old key set,
whole; after READY, the new one. Never a vault nobody can open.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import sessionmaker

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import audit, crypto
from advocate_app.store.backup_file import BackupInvalid
from advocate_app.store.backup_write import copy_database, reencrypt_backup
from advocate_app.store.engine import check_database_file, connect_keyed, make_engine
from advocate_app.store.errors import KeysDoNotMatchVault, StorageFull, VaultDamaged, VaultError
from advocate_app.store.fsutil import fsync_dir, make_tree_private, open_private, private_mkdir
from advocate_app.store.interrupted import roll_forward_rekey
from advocate_app.store.keychange import keys_lock
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import (
    ASIDE_DIR_NAME,
    BACKUP_DIR_NAME,
    BACKUP_SUFFIX,
    BEFORE_RESTORE_PREFIX,
    DB_FILE_NAME,
    KEYS_FILE_NAME,
    REKEY_READY_FILE,
    REKEY_STAGING_PREFIX,
    SHM_SUFFIX,
    WAL_SUFFIX,
)
from advocate_app.store.models import User
from advocate_app.store.passphrases import new_temporary_passphrase

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.store.vault import Vault


class OldBackups(StrEnum):
    """What happens to the backups in the data folder that were made under the old key."""

    REENCRYPT = "reencrypt"  # re-encrypted under the new key, with the new key slots
    DELETE = "delete"


@dataclass(frozen=True)
class RekeyResult:
    backups_reencrypted: int = 0
    backups_deleted: int = 0
    # Slots made by an earlier version cannot be re-sealed without their secret: such users get
    # a new temporary passphrase and such a recovery slot a new recovery key, each shown once.
    temporary_passphrases: dict[str, str] = field(default_factory=dict)  # name -> passphrase
    new_recovery_key: str | None = None

    def __repr__(self) -> str:  # never print a secret into a log or a traceback
        return (
            f"RekeyResult(reencrypted={self.backups_reencrypted}, "
            f"deleted={self.backups_deleted}, temporary=<{len(self.temporary_passphrases)}>, "
            f"new_recovery_key={'<set>' if self.new_recovery_key else None})"
        )


KeysChange = Callable[[KeysFile, bytearray], None]
DatabaseChange = Callable[["Session"], None]


def _fsync_path(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _write_json(path: Path, doc: dict[str, object]) -> None:
    with open_private(path) as fh:
        fh.write(json.dumps(doc, sort_keys=True).encode("utf-8"))
        fh.flush()
        os.fsync(fh.fileno())


def _slot_params(slot: object) -> crypto.Argon2Params:
    kdf = getattr(slot, "kdf", {}) or {}
    try:
        return crypto.Argon2Params(
            int(kdf["memory_kib"]), int(kdf["time_cost"]), int(kdf["parallelism"])
        )
    except (KeyError, TypeError, ValueError):
        return crypto.Argon2Params()


def _stage_database(
    vault: Vault, staging: Path, old_key: bytearray, new_key: bytearray, change_db: DatabaseChange
) -> None:
    """A verified copy of the live database under new_key, with the change applied to it."""
    staged = staging / DB_FILE_NAME
    copy_database(vault.db_path, old_key, staged, target_key=new_key)
    engine = make_engine(staged, new_key, pool_size=1)
    try:
        with sessionmaker(engine, expire_on_commit=False).begin() as session:
            change_db(session)
    finally:
        engine.dispose()
    conn = connect_keyed(staged, new_key, check=False)
    try:
        # One self-contained file: the rename moves everything.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    for suffix in (WAL_SUFFIX, SHM_SUFFIX):
        leftover = staging / (DB_FILE_NAME + suffix)
        if leftover.exists() and leftover.stat().st_size:
            raise VaultError(
                QT_TR_NOOP("The re-encrypted copy was not complete; nothing was changed.")
            )
        leftover.unlink(missing_ok=True)
    if check_database_file(staged, new_key):
        raise VaultDamaged(
            QT_TR_NOOP(
                "The vault's keys were not changed because the vault file is damaged. "
                "Nothing "
                "was changed. Restore the newest backup."
            )
        )
    _fsync_path(staged)


def _stage_backups(
    folder: Path,
    staging: Path,
    old_key: bytearray,
    new_key: bytearray,
    keys: KeysFile,
    choice: OldBackups,
    revoked: set[str],
) -> tuple[list[str], list[str]]:
    """(names re-encrypted into staging/backups, names to delete)."""

    backup_dir = folder / BACKUP_DIR_NAME
    try:
        names = sorted(
            p.name
            for p in backup_dir.iterdir()
            if p.is_file() and p.name.endswith(BACKUP_SUFFIX) and not p.name.startswith(".")
        )
    except OSError:
        return [], []
    if choice is OldBackups.DELETE:
        return [], names
    replace: list[str] = []
    delete: list[str] = []
    private_mkdir(staging / BACKUP_DIR_NAME)
    for name in names:
        try:
            reencrypt_backup(
                backup_dir / name, old_key, new_key, keys, staging / BACKUP_DIR_NAME / name
            )
            replace.append(name)
        except (BackupInvalid, KeysDoNotMatchVault, VaultDamaged):
            # Not under this vault's current key (an older set-up, a damaged file): it cannot
            # be carried over, and it may still hold a revoked slot.
            delete.append(name)
    return replace, delete


def _stage_asides(
    folder: Path, staging: Path, old_key: bytearray, new_key: bytearray, keys: KeysFile
) -> None:
    """A vault kept aside by a restore whose database is under the old key gets a copy under the
    new key, with the new key slots (the rest only lose the revoked slots at roll-forward)."""

    for aside in sorted(folder.glob(BEFORE_RESTORE_PREFIX + "*")):
        if not aside.is_dir() or aside.is_symlink() or not (aside / DB_FILE_NAME).is_file():
            continue
        target = staging / ASIDE_DIR_NAME / aside.name
        private_mkdir(target)
        try:
            copy_database(aside / DB_FILE_NAME, old_key, target / DB_FILE_NAME, target_key=new_key)
        except (KeysDoNotMatchVault, VaultDamaged, VaultError):
            shutil.rmtree(target, ignore_errors=True)  # under another key: slots stripped only
            continue
        _fsync_path(target / DB_FILE_NAME)
        with open_private(target / KEYS_FILE_NAME) as fh:
            fh.write(keys.to_bytes())
            fh.flush()
            os.fsync(fh.fileno())


def rekey_vault(
    vault: Vault,
    *,
    change_keys: KeysChange,
    change_db: DatabaseChange,
    revoked_user_ids: set[str],
    old_backups: OldBackups,
    reason: str,
) -> RekeyResult:
    """Replace the data key. `change_keys(keys, new_key)` changes the slots (remove one, give
    one a new passphrase: any new slot is made with new_key); `change_db(session)` makes the
    matching change to the users table. Both land together, or neither does."""
    user = vault.current_user
    folder = vault.folder
    old_key = vault.data_key_ref()
    new_key = bytearray(secrets.token_bytes(crypto.DATA_KEY_BYTES))
    temporaries: dict[str, tuple[str, str]] = {}  # user id -> (name, passphrase)
    new_recovery: str | None = None
    with keys_lock(folder):
        keys = KeysFile.load(folder)  # another instance may have changed it since we read it
        if keys.vault_id != vault.keys.vault_id:
            raise KeysDoNotMatchVault(
                QT_TR_NOOP(
                    "The keys file was replaced by one of another vault while the app was "
                    "open. "
                    "Nothing was changed. Lock the app and open it again."
                )
            )
        change_keys(keys, new_key)
        for slot in keys.reseal(new_key):
            if slot.kind == "recovery":
                secret = crypto.new_recovery_secret()
                keys.set_recovery_slot(secret, new_key)
                new_recovery = crypto.format_recovery_key(secret)
            elif slot.kind == "passphrase" and slot.user_id:
                temporary = new_temporary_passphrase()
                keys.set_passphrase_slot(
                    user_id=str(slot.user_id),
                    label=str(slot.label),
                    passphrase=temporary,
                    data_key=new_key,
                    params=_slot_params(slot),
                )
                temporaries[str(slot.user_id)] = (str(slot.label), temporary)

        def change_everything(session: Session) -> None:
            change_db(session)
            for user_id in temporaries:
                row = session.get(User, user_id)
                if row is not None:
                    row.must_change_passphrase = True
            audit.record(session, user.id, reason, "user")
            audit.record(session, user.id, "vault_rekeyed")

        staging = folder / f"{REKEY_STAGING_PREFIX}{secrets.token_hex(6)}"
        stopped = False
        try:
            private_mkdir(staging)
            # Backups and kept-aside copies first: they are files nobody writes, so the app
            # keeps working meanwhile.
            replace, delete = _stage_backups(
                folder, staging, old_key, new_key, keys, old_backups, revoked_user_ids
            )
            _stage_asides(folder, staging, old_key, new_key, keys)
            # Then the live database: no connection may stay open on the file about to be
            # replaced; sessions asked for meanwhile wait (Vault.read/write) until it is back.
            vault.pause_sessions()
            stopped = True
            _stage_database(vault, staging, old_key, new_key, change_everything)
            with open_private(staging / KEYS_FILE_NAME) as fh:
                fh.write(keys.to_bytes())
                fh.flush()
                os.fsync(fh.fileno())
            _write_json(
                staging / REKEY_READY_FILE,
                {"replace": replace, "delete": delete, "revoked": sorted(revoked_user_ids)},
            )
            fsync_dir(staging)
            fsync_dir(folder)
        except BaseException as exc:
            shutil.rmtree(staging, ignore_errors=True)
            crypto.zero(new_key)
            if stopped:
                vault.resume_sessions()  # the old key set is untouched and still works
            if isinstance(exc, OSError):
                raise StorageFull() from exc
            raise
        # The point of no return: from here a crash is finished by finish_interrupted_rekey.
        try:
            roll_forward_rekey(folder, staging)
        except OSError as exc:
            vault.lock()
            vault.resume_sessions()
            raise VaultError(
                QT_TR_NOOP(
                    "The vault's keys were changed but the last step could not be "
                    "written. Nothing "
                    "was lost: open the app again once the disk is available, and the change will "
                    "be completed."
                )
            ) from exc
        vault.resume_sessions(new_key, keys)
    with contextlib.suppress(OSError):
        make_tree_private(folder)
    return RekeyResult(
        backups_reencrypted=len(replace),
        backups_deleted=len(delete),
        temporary_passphrases={name: phrase for name, phrase in temporaries.values()},
        new_recovery_key=new_recovery,
    )
