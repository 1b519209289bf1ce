"""The vault: one folder holding `vault.db` (SQLCipher 4) and `vault.keys.json` (key slots).

Life cycle: `Vault.create(...)` or `Vault.open(folder)` (takes the one-writer lock, reads the key
slots, nothing decrypted yet) -> `unlock(...)` (unwraps the data key, opens the engine, migrates)
-> work through `write()` / `read()` sessions -> `lock()` (engine disposed, key zeroed) ->
`close()` (lock file released).
"""

from __future__ import annotations

import contextlib
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import crypto
from advocate_app.store import folder as vault_folder
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
    make_tree_private,
    open_private,
    private_mkdir,
)
from advocate_app.store.interrupted import finish_interrupted_rekey
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import BACKUP_SUFFIX, DB_FILE_NAME, UPGRADE_BACKUP_PREFIX
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
from advocate_app.store.sessions import is_damage, plain_errors
from advocate_app.store.throttle import (
    MAX_THROTTLE_SECONDS,
    next_delay,
    read_throttle,
    write_throttle,
)
from advocate_app.store.vault_keys import VaultKeySlots
from advocate_app.store.vault_upkeep import VaultUpkeep

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

__all__ = [
    "MIN_PASSPHRASE_SCORE",
    "CurrentUser",
    "UnlockUser",
    "Vault",
    "passphrase_problem",
    "passphrase_strength",
]

# SQLAlchemy, Alembic, the models and everything built on them (engine, audit, migrate,
# backup_file) are imported inside the methods that first need them, after the unlock window is
# on screen: opening the app must be nearly as quick as opening a window. Those are the only
# imports inside functions here, and all of them point down: the vault imports no module that
# uses it (backup, diagnose, restore, rekey); import-linter checks that.

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
            QT_TR_NOOP("Too many wrong tries. Wait {0} seconds, then try again."), self.seconds
        )


class Vault(VaultKeySlots, VaultUpkeep):
    """One open vault folder: its lock, its key slots and, once unlocked, its database. The key
    slots and users (vault_keys.py) and the facts and upkeep (vault_upkeep.py) are its other two
    halves."""

    def __init__(self, folder: Path, keys: KeysFile, folder_lock: FolderLock) -> None:
        self.folder = folder
        self.keys = keys
        self._folder_lock = folder_lock
        self._data_key: bytearray | None = None
        self._engine: Engine | None = None
        self._write_factory: sessionmaker[Session] | None = None
        self._read_factory: sessionmaker[Session] | None = None
        self.user: CurrentUser | None = None
        self._failed_attempts, self._next_attempt_at = read_throttle(folder)
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
            raise InvalidInput(QT_TR_NOOP("Enter the office name and your name."))
        if len(passphrase) > MAX_PASSPHRASE_CHARS:
            raise InvalidInput(TOO_LONG, f"{MAX_PASSPHRASE_CHARS:,}")
        if check_strength:
            problem = passphrase_problem(passphrase, [office_name, user_name])
            if problem:
                raise InvalidInput(problem)
        if folder.exists() and not folder.is_dir():
            raise InvalidInput(
                QT_TR_NOOP(
                    "{0} is a file, not a folder. Choose a folder for the vault (a new or "
                    "an empty one). Nothing was changed."
                ),
                folder,
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
                user_id=user_id,
                label=user_name,
                passphrase=passphrase,
                data_key=data_key,
                params=params,
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
                s.add(
                    User(
                        id=user_id,
                        name=user_name,
                        role="supervisor",
                        active=True,
                        must_change_passphrase=False,
                    )
                )
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
                QT_TR_NOOP(
                    "There is no vault in this folder yet. Set up this office first, or "
                    "choose the "
                    "folder that holds the vault."
                )
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
                    QT_TR_NOOP(
                        "The vault's database file (vault.db) is missing from this "
                        "folder. Restore "
                        "the newest backup."
                    )
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
        delay = next_delay(self._failed_attempts)
        if delay:
            self._next_attempt_at = time.time() + delay
        write_throttle(self.folder, self._failed_attempts, self._next_attempt_at)

    def _note_success(self) -> None:
        if self._failed_attempts or self._next_attempt_at:
            self._failed_attempts = 0
            self._next_attempt_at = 0.0
            write_throttle(self.folder, 0, 0.0)

    def _check_throttle(self) -> None:
        wait = self.seconds_until_next_attempt()
        if wait > 0:
            raise UnlockThrottled(wait)

    def unlock(self, user_id: str, passphrase: str) -> CurrentUser:
        self._check_throttle()
        try:
            key = self.keys.unwrap_with_passphrase(user_id, passphrase)
        except WrongPassphrase:
            pending_key = self._unwrap_with_pending(user_id, passphrase)
            if pending_key is None:
                self._note_failure()
                raise
            key = pending_key
        self._finish_unlock(key, user_id)
        self.unlocked_with_recovery_key = False
        self._upgrade_legacy_slot(user_id, passphrase=passphrase)
        return self._require_user()

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
        self._note_success()

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
                QT_TR_NOOP(
                    "The vault database could not be opened; it may be damaged. Nothing "
                    "was changed. "
                    "Restore the newest backup."
                )
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
        with plain_errors(self._write_factory, writing=True) as session:
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        if self._read_factory is None and not self._running.is_set():
            self._running.wait(_PAUSE_WAIT_SECONDS)
        if self._read_factory is None:
            raise VaultLocked()
        with plain_errors(self._read_factory, writing=False) as session:
            yield session

    # --- vault facts and maintenance ----------------------------------------------------------

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


def _create_private(path: Path) -> None:
    if not path.exists():
        with open_private(path):
            pass


def _vault_exists() -> VaultExists:
    return VaultExists(
        QT_TR_NOOP(
            "There is already a vault in this folder. Open it instead, or choose another folder."
        )
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


def _new_id() -> str:
    import uuid  # imported when first needed: it pulls in `platform`, start-up pays for neither

    return str(uuid.uuid4())
