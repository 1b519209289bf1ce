"""The vault: one folder holding `vault.db` (SQLCipher 4) and `vault.keys.json` (key slots).

Life cycle: `Vault.create(...)` or `Vault.open(folder)` (takes the one-writer lock, reads the key
slots, nothing decrypted yet) -> `unlock(...)` (unwraps the data key, opens the engine, migrates)
-> work through `write()` / `read()` sessions -> `lock()` (engine disposed, key zeroed) ->
`close()` (lock file released).
"""

from __future__ import annotations

import contextlib
import json
import math
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.store import crypto
from advocate_app.store import folder as vault_folder
from advocate_app.store.checks import BROKEN_TEXT
from advocate_app.store.errors import (
    InvalidInput,
    KeysDoNotMatchVault,
    StorageFull,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    VaultReadOnly,
    WrongPassphrase,
    WrongRecoveryKey,
)
from advocate_app.store.fsutil import (
    atomic_write_bytes,
    make_tree_private,
    open_private,
    private_mkdir,
)
from advocate_app.store.interrupted import finish_interrupted_rekey
from advocate_app.store.keychange import (
    discard_pending,
    keys_lock,
    promote_pending,
    read_pending,
    slot_user_ids,
    write_pending,
)
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import (
    BACKUP_SUFFIX,
    DB_FILE_NAME,
    PENDING_KEYS_NAME,
    THROTTLE_FILE_NAME,
    UPGRADE_BACKUP_PREFIX,
)
from advocate_app.store.layout import backup_dir as backup_dir_of
from advocate_app.store.layout import db_path as db_path_of
from advocate_app.store.lockfile import FolderLock
from advocate_app.store.passphrases import (
    MAX_PASSPHRASE_CHARS,
    MIN_PASSPHRASE_SCORE,
    TOO_LONG,
    passphrase_problem,
    passphrase_strength,
)
from advocate_app.store.wal import only_needs_checkpoint

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import Session, sessionmaker

    from advocate_app.store.backup_file import BackupInfo

__all__ = ["MIN_PASSPHRASE_SCORE", "CurrentUser", "UnlockUser", "Vault", "passphrase_problem",
           "passphrase_strength"]

# SQLAlchemy, Alembic, the models and everything built on them (engine, audit, migrate,
# backup_file) are imported inside the methods that first need them, after the unlock window is
# on screen: opening the app must be nearly as quick as opening a window. Those are the only
# imports inside functions here, and all of them point down: the vault imports no module that
# uses it (backup, diagnose, restore, rekey); import-linter checks that.

MAX_THROTTLE_SECONDS = 300.0
_PAUSE_WAIT_SECONDS = 120.0  # how long a session waits while a re-key swaps the database


@dataclass(frozen=True)
class CurrentUser:
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


class UnlockThrottled(VaultError):
    def __init__(self, seconds: float) -> None:
        self.seconds = max(1, round(seconds))
        super().__init__(
            f"Too many wrong tries. Wait {self.seconds} seconds, then try again."
        )


class Vault:
    def __init__(self, folder: Path, keys: KeysFile, folder_lock: FolderLock) -> None:
        self.folder = folder
        self.keys = keys
        self._folder_lock = folder_lock
        self._data_key: bytearray | None = None
        self._engine: Engine | None = None
        self._write_factory: sessionmaker[Session] | None = None
        self._read_factory: sessionmaker[Session] | None = None
        self.user: CurrentUser | None = None
        self._failed_attempts, self._next_attempt_at = _read_throttle(folder)
        self._running = threading.Event()  # cleared while a re-key swaps the database file
        self._running.set()
        self.unlocked_with_recovery_key = False

    # --- paths --------------------------------------------------------------------------------

    @property
    def db_path(self) -> Path:
        return db_path_of(self.folder)

    @property
    def backup_dir(self) -> Path:
        return backup_dir_of(self.folder)

    @staticmethod
    def exists(folder: Path) -> bool:
        """Whether folder holds a vault, whole or not: an interrupted restore counts, a set-up
        that never finished does not (it can be set up again)."""
        return vault_folder.holds_vault(Path(folder))

    # --- creating and opening -----------------------------------------------------------------

    @classmethod
    def create(
        cls,
        folder: Path,
        *,
        office_name: str,
        user_name: str,
        passphrase: str,
        kdf_target_seconds: float = 1.0,
        is_demo: bool = False,
        check_strength: bool = True,
    ) -> tuple[Vault, str]:
        """Make a new vault; returns it unlocked as its first user (a supervisor) and the
        recovery key text, which is shown once and never stored."""
        folder = Path(folder)
        office_name, user_name = office_name.strip(), user_name.strip()
        if not office_name or not user_name:
            raise InvalidInput("Enter the office name and your name.")
        if len(passphrase) > MAX_PASSPHRASE_CHARS:
            raise InvalidInput(TOO_LONG)
        if check_strength:
            problem = passphrase_problem(passphrase, [office_name, user_name])
            if problem:
                raise InvalidInput(problem)
        if folder.exists() and not folder.is_dir():
            raise InvalidInput(
                f"{folder} is a file, not a folder. Choose a folder for the vault (a new or an "
                "empty one). Nothing was changed."
            )
        if cls.exists(folder):
            raise _vault_exists()
        try:
            private_mkdir(folder)
        except OSError as exc:
            if vault_folder.is_read_only_error(exc):
                raise VaultReadOnly(folder) from exc
            raise
        vault_folder.require_writable(folder)
        lock = _acquire(folder)
        vault: Vault | None = None
        try:
            vault_folder.prepare(folder)
            if cls.exists(folder):
                raise _vault_exists()
            # Until the mark is gone, the folder holds an unfinished set-up that may be
            # discarded: the keys file and the database appear together or not at all.
            vault_folder.begin_setup(folder)
            _create_private(folder / DB_FILE_NAME)  # SQLite's WAL and SHM take its mode
            data_key = bytearray(secrets.token_bytes(crypto.DATA_KEY_BYTES))
            params, _seconds = crypto.calibrate_argon2(kdf_target_seconds)
            keys = KeysFile(vault_id=_new_id())
            user_id = _new_id()
            keys.set_passphrase_slot(
                user_id=user_id, label=user_name, passphrase=passphrase,
                data_key=data_key, params=params,
            )
            recovery_secret = crypto.new_recovery_secret()
            keys.set_recovery_slot(recovery_secret, data_key)
            vault = cls(folder, keys, lock)
            vault._data_key = data_key
            vault._start_engine()
            from advocate_app.store import audit, migrate
            from advocate_app.store.models import Meta, User

            migrate.upgrade(vault._require_engine())
            with vault.write() as s:
                s.add(Meta(key="vault_id", value=keys.vault_id))
                s.add(Meta(key="office_name", value=office_name))
                s.add(Meta(key="is_demo", value="1" if is_demo else "0"))
                s.add(Meta(key="created", value=datetime.now(UTC).isoformat(timespec="seconds")))
                s.add(User(id=user_id, name=user_name, role="supervisor", active=True,
                           must_change_passphrase=False))
                audit.record(s, user_id, "vault_created")
            keys.save(folder)
            vault.checkpoint_quietly()
            make_tree_private(folder)
            vault_folder.finish_setup(folder)
            vault.user = CurrentUser(user_id, user_name, "supervisor", False)
            return vault, crypto.format_recovery_key(recovery_secret)
        except BaseException:
            if vault is not None:
                vault.lock()
            lock.release()
            raise

    @classmethod
    def open(cls, folder: Path) -> Vault:
        """Take the one-writer lock, put the folder right (finish an interrupted restore, discard
        an unfinished set-up, remove a killed operation's temporary files) and read the key
        slots; nothing is decrypted yet."""
        folder = Path(folder)
        if not cls.exists(folder):
            raise VaultNotFound(
                "There is no vault in this folder yet. Set up this office first, or choose the "
                "folder that holds the vault."
            )
        vault_folder.require_writable(folder)
        lock = _acquire(folder)
        try:
            vault_folder.prepare(folder)
            # Vaults made before files were private, or copied in with loose modes.
            make_tree_private(folder)
            finish_interrupted_rekey(folder)
            if not (folder / DB_FILE_NAME).exists():
                raise VaultNotFound(
                    "The vault's database file (vault.db) is missing from this folder. Restore "
                    "the newest backup."
                )
            keys = KeysFile.load(folder)
            # Hostile numbers (64 GiB of memory) are refused here, before anything is derived.
            keys.check_kdf_bounds()
        except BaseException:
            lock.release()
            raise
        return cls(folder, keys, lock)

    def users_for_unlock(self) -> list[UnlockUser]:
        return [
            UnlockUser(slot.user_id, slot.label)
            for slot in self.keys.passphrase_slots()
            if slot.user_id
        ]

    # --- unlocking and locking ----------------------------------------------------------------

    @property
    def is_unlocked(self) -> bool:
        return self._engine is not None

    def seconds_until_next_attempt(self) -> float:
        # Wall-clock time, kept in a file, so a restart does not reset it; never more than the
        # longest delay, so a clock that was wrong cannot lock anyone out for longer.
        return min(MAX_THROTTLE_SECONDS, max(0.0, self._next_attempt_at - time.time()))

    def _note_failure(self) -> None:
        self._failed_attempts += 1
        # Free tries for typos, then a delay that doubles with each wrong guess (up to 5 min).
        if self._failed_attempts >= 3:
            delay = min(MAX_THROTTLE_SECONDS, 2.0 ** (self._failed_attempts - 2))
            self._next_attempt_at = time.time() + delay
        _write_throttle(self.folder, self._failed_attempts, self._next_attempt_at)

    def _note_success(self) -> None:
        if self._failed_attempts or self._next_attempt_at:
            self._failed_attempts = 0
            self._next_attempt_at = 0.0
            _write_throttle(self.folder, 0, 0.0)

    def _check_throttle(self) -> None:
        wait = self.seconds_until_next_attempt()
        if wait > 0:
            raise UnlockThrottled(wait)

    def unlock(self, user_id: str, passphrase: str) -> CurrentUser:
        self._check_throttle()
        try:
            key = self.keys.unwrap_with_passphrase(user_id, passphrase)
        except WrongPassphrase:
            key = self._unwrap_with_pending(user_id, passphrase)
            if key is None:
                self._note_failure()
                raise
        self._finish_unlock(key, user_id)
        self.unlocked_with_recovery_key = False
        self._upgrade_legacy_slot(user_id, passphrase=passphrase)
        return self._require_user()

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

    def unlock_with_recovery_key(self, user_id: str, recovery_text: str) -> CurrentUser:
        """Unlock with the office's recovery key, as user_id; they must then set a passphrase."""
        self._check_throttle()
        try:
            key = self.keys.unwrap_with_recovery_key(recovery_text)
        except WrongRecoveryKey:
            self._note_failure()
            raise
        self._finish_unlock(key, user_id)
        self.unlocked_with_recovery_key = True
        self._upgrade_legacy_slot(user_id, recovery_text=recovery_text)
        return self._require_user()

    def _upgrade_legacy_slot(self, user_id: str, *, passphrase: str | None = None,
                             recovery_text: str | None = None) -> None:
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
                        user_id=user_id, label=slot.label, passphrase=passphrase,
                        data_key=self._data_key_ref(), params=crypto.Argon2Params(
                            int(slot.kdf["memory_kib"]), int(slot.kdf["time_cost"]),
                            int(slot.kdf["parallelism"])))
                elif recovery_text is not None:
                    keys.set_recovery_slot(crypto.parse_recovery_key(recovery_text),
                                           self._data_key_ref())
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
                    "The keys file was replaced by one of another vault while the app was "
                    "open. Nothing was changed. Lock the app and open it again."
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

    def unlock_with_data_key(self, data_key: bytearray, user_id: str | None = None) -> None:
        """For headless tools that already hold the data key (tests, restore verification)."""
        self._finish_unlock(bytearray(data_key), user_id)

    def _finish_unlock(self, data_key: bytearray, user_id: str | None) -> None:
        self._data_key = data_key
        from sqlalchemy.exc import DatabaseError

        from advocate_app.store import audit
        from advocate_app.store.models import User

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
            if _is_damage(exc):
                raise VaultDamaged(
                    "Part of the vault could not be read while unlocking: it may be damaged. "
                    "Nothing was changed. Restore the newest backup."
                ) from exc
            raise
        except BaseException:
            self.lock()
            raise
        self._note_success()

    def _check_vault_id(self) -> None:
        from advocate_app.store.models import Meta

        with self.read() as s:
            stored_id = s.get(Meta, "vault_id")
            if stored_id is None or stored_id.value != self.keys.vault_id:
                raise KeysDoNotMatchVault(
                    "The keys file belongs to another vault. Nothing was changed. Restore "
                    "this vault's own keys file or its newest backup."
                )

    def _start_engine(self) -> None:
        assert self._data_key is not None
        from sqlalchemy.exc import DatabaseError, OperationalError
        from sqlalchemy.orm import sessionmaker

        from advocate_app.store.engine import make_engine

        try:
            engine = make_engine(self.db_path, self._data_key)
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except KeysDoNotMatchVault:
            raise
        except (DatabaseError, OperationalError) as exc:
            raise VaultDamaged(
                "The vault database could not be opened; it may be damaged. Nothing was changed. "
                "Restore the newest backup."
            ) from exc
        self._engine = engine
        self._write_factory = sessionmaker(engine, expire_on_commit=False)
        self._read_factory = sessionmaker(
            engine.execution_options(sqlite_begin="DEFERRED"), expire_on_commit=False
        )

    def _stop_engine(self, *, pausing: bool = False) -> None:
        """Close every connection but keep the key (a re-key is about to replace the file).
        With pausing, sessions asked for by other threads wait for `_resume`."""
        if pausing:
            self._running.clear()
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None
        self._write_factory = None
        self._read_factory = None

    def _resume(self) -> None:
        self._running.set()

    def _replace_data_key(self, new_key: bytearray, keys: KeysFile) -> None:
        """After a re-key: the old key is zeroed and the engine reopened with the new one."""
        self._stop_engine()
        if self._data_key is not None:
            crypto.zero(self._data_key)
        self._data_key = new_key
        self.keys = keys
        self._start_engine()

    def _migrate_if_needed(self) -> None:
        from advocate_app.store import migrate

        engine = self._require_engine()
        current = migrate.current_revision(engine)
        if current == migrate.head_revision():
            return
        if current is not None:
            # An upgrade never starts without a verified copy of the vault as it was.
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
            self.backup_to(self.backup_dir / f"{UPGRADE_BACKUP_PREFIX}{stamp}{BACKUP_SUFFIX}")
        migrate.upgrade(engine)

    def lock(self) -> None:
        """Fold the WAL back into the database, dispose of every connection and zero the data
        key. Drafts are the caller's to save."""
        if self._engine is not None:
            self.checkpoint_quietly()
            self._engine.dispose()
        self._engine = None
        self._write_factory = None
        self._read_factory = None
        if self._data_key is not None:
            crypto.zero(self._data_key)
        self._data_key = None
        self.user = None

    def close(self) -> None:
        self.lock()
        self._folder_lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- sessions -----------------------------------------------------------------------------

    def _require_engine(self) -> Engine:
        if self._engine is None:
            raise VaultLocked()
        return self._engine

    def _require_user(self) -> CurrentUser:
        if self.user is None:
            raise VaultLocked()
        return self.user

    @property
    def engine(self) -> Engine:
        return self._require_engine()

    @property
    def current_user(self) -> CurrentUser:
        return self._require_user()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One short transaction for one user action; commits on success, rolls back otherwise."""
        if self._write_factory is None and not self._running.is_set():
            self._running.wait(_PAUSE_WAIT_SECONDS)
        if self._write_factory is None:
            raise VaultLocked()
        from sqlalchemy.exc import DatabaseError, OperationalError, StatementError

        try:
            with self._write_factory.begin() as session:
                yield session
        except UnicodeEncodeError as exc:
            raise _broken_text() from exc
        except OperationalError as exc:
            if _is_storage_full(exc):
                raise StorageFull() from exc
            raise
        except DatabaseError as exc:
            if _is_damage(exc):
                raise VaultDamaged(DAMAGED_WHILE_WORKING) from exc
            raise
        except StatementError as exc:
            if isinstance(exc.orig, UnicodeEncodeError):
                raise _broken_text() from exc
            raise

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        if self._read_factory is None and not self._running.is_set():
            self._running.wait(_PAUSE_WAIT_SECONDS)
        if self._read_factory is None:
            raise VaultLocked()
        from sqlalchemy.exc import DatabaseError, StatementError

        try:
            with self._read_factory.begin() as session:
                yield session
        except UnicodeEncodeError as exc:
            raise _broken_text() from exc
        except DatabaseError as exc:
            if _is_damage(exc):
                raise VaultDamaged(DAMAGED_WHILE_WORKING) from exc
            raise
        except StatementError as exc:
            if isinstance(exc.orig, UnicodeEncodeError):
                raise _broken_text() from exc
            raise

    # --- vault facts and maintenance ----------------------------------------------------------

    def meta(self, key: str) -> str | None:
        from advocate_app.store.models import Meta

        with self.read() as s:
            row = s.get(Meta, key)
            return row.value if row else None

    @property
    def office_name(self) -> str:
        return self.meta("office_name") or ""

    @property
    def is_demo(self) -> bool:
        return self.meta("is_demo") == "1"

    def schema_revision(self) -> str | None:
        from advocate_app.store import migrate

        return migrate.current_revision(self._require_engine())

    def checkpoint(self, *, wait_ms: int | None = None) -> None:
        """Fold the WAL into the main file and truncate it (after destroying a record, etc.).

        wait_ms: how long to wait for readers (a backup in progress) before giving up as busy;
        None keeps the connection's own busy timeout."""
        raw = self._require_engine().raw_connection()
        try:
            conn = raw.driver_connection
            if wait_ms is not None:
                conn.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
            try:
                # Outside any transaction: a checkpoint cannot run inside one.
                busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                if wait_ms is not None:
                    conn.execute("PRAGMA busy_timeout = 30000")
        finally:
            raw.close()
        if busy:
            raise VaultError("The vault is busy; try again in a moment.")

    def checkpoint_quietly(self) -> bool:
        """checkpoint(), for moments where a busy or damaged vault must not stop anything (at
        lock and close, after a backup): it waits at most a moment for a reader (a backup still
        running) and never raises for a busy or damaged vault. Returns whether it ran."""
        from sqlalchemy.exc import SQLAlchemyError

        try:
            self.checkpoint(wait_ms=200)
        except (VaultError, SQLAlchemyError, OSError):
            return False
        except Exception as exc:  # the driver's own errors (a damaged page while folding)
            if type(exc).__module__.startswith("sqlcipher3"):
                return False
            raise
        return True

    def integrity_problems(self) -> list[str]:
        if self._data_key is None:
            raise VaultLocked()
        from advocate_app.store.engine import check_database_file

        problems = check_database_file(self.db_path, self._data_key)
        if problems and only_needs_checkpoint(self.folder, problems):
            # A partial last page from an interrupted checkpoint: finish it, not damage.
            self.checkpoint()
            problems = check_database_file(self.db_path, self._data_key)
        return problems

    def backup_to(self, out_path: Path) -> BackupInfo:
        if self._data_key is None:
            raise VaultLocked()
        from advocate_app.store import migrate
        from advocate_app.store.backup_file import create_backup

        revision = migrate.current_revision(self._require_engine())
        info = create_backup(
            self.db_path, self.keys, self._data_key, out_path, schema_revision=revision
        )
        self.checkpoint_quietly()
        return info

    def _data_key_ref(self) -> bytearray:
        """The live data key, for store modules that wrap it into a new key slot."""
        if self._data_key is None:
            raise VaultLocked()
        return self._data_key

    def data_key_copy(self) -> bytearray:
        """A copy of the data key for the documented escape hatch and for verification."""
        if self._data_key is None:
            raise VaultLocked()
        return bytearray(self._data_key)

    def record_audit(
        self, action: str, record_kind: str | None = None, record_id: int | None = None
    ) -> None:
        from advocate_app.store import audit

        user = self.user
        with self.write() as s:
            audit.record(s, user.id if user else None, action, record_kind, record_id)

    def verify_passphrase(self, passphrase: str) -> bool:
        """Whether the current user's passphrase is right (for confirming sensitive actions)."""
        user = self._require_user()
        self._check_throttle()  # the same guessing limit as the unlock screen
        try:
            key = self.keys.unwrap_with_passphrase(user.id, passphrase)
        except WrongPassphrase:
            self._note_failure()
            return False
        crypto.zero(key)
        self._note_success()
        return True

    def raw_count(self, table: str) -> int:
        """Row count of one of our own tables (tests and diagnostics; the name is checked)."""
        if not table.isidentifier():
            raise ValueError("not a table name")
        from sqlalchemy import text

        with self.read() as s:
            return int(s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())  # noqa: S608


def _create_private(path: Path) -> None:
    if not path.exists():
        with open_private(path):
            pass


def _read_throttle(folder: Path) -> tuple[int, float]:
    """(wrong tries in a row, wall-clock time before which no try is taken) from the small
    non-secret file beside the vault; (0, 0) when there is none or it is unreadable."""
    try:
        doc = json.loads((folder / THROTTLE_FILE_NAME).read_text("utf-8"))
        failures, not_before = int(doc["failures"]), float(doc["not_before"])
    except (OSError, ValueError, TypeError, KeyError):
        return 0, 0.0
    if failures < 0 or not math.isfinite(not_before):
        return 0, 0.0
    return min(failures, 1000), not_before


def _write_throttle(folder: Path, failures: int, not_before: float) -> None:
    path = folder / THROTTLE_FILE_NAME
    try:
        if failures == 0:
            path.unlink(missing_ok=True)
        else:
            # Counts and a time only: no user name or id.
            atomic_write_bytes(path, json.dumps(
                {"failures": failures, "not_before": not_before}).encode("utf-8"))
    except OSError:
        pass  # a read-only folder: the in-memory throttle still holds for this process


def _broken_text() -> InvalidInput:
    """Text with a lone surrogate reached the database: refused in plain words, never as a raw
    UnicodeEncodeError (the transaction was rolled back)."""
    return InvalidInput(BROKEN_TEXT)


def _vault_exists() -> VaultExists:
    return VaultExists(
        "There is already a vault in this folder. Open it instead, or choose another folder."
    )


def _acquire(folder: Path) -> FolderLock:
    lock = FolderLock(folder)
    try:
        lock.acquire()
    except OSError as exc:
        if vault_folder.is_read_only_error(exc):
            raise VaultReadOnly(folder) from exc
        raise
    return lock


DAMAGED_WHILE_WORKING = (
    "Part of the vault could not be read: it may be damaged. What you were typing is kept. "
    "Lock the app, then check the vault and restore the newest backup if it is damaged."
)


def _is_damage(exc: Exception) -> bool:
    """A database error that means damaged pages (not a constraint, not a busy lock)."""
    orig = getattr(exc, "orig", None)
    msg = str(orig if orig is not None else exc).lower()
    return any(m in msg for m in ("malformed", "file is not a database", "not a database",
                                  "file is encrypted"))


def _is_storage_full(exc: OperationalError) -> bool:
    msg = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    return any(m in msg for m in ("database or disk is full", "disk i/o error", "readonly",
                                  "read-only", "unable to open database file"))


def _new_id() -> str:
    import uuid  # imported when first needed: it pulls in `platform`, start-up pays for neither

    return str(uuid.uuid4())
