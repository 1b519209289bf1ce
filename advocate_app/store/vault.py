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
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import crypto
from advocate_app.store import folder as vault_folder
from advocate_app.store.errors import (
    InvalidInput,
    KeysDoNotMatchVault,
    VaultDamaged,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    VaultReadOnly,
)
from advocate_app.store.fsutil import (
    make_tree_private,
    open_private,
    private_mkdir,
)
from advocate_app.store.interrupted import finish_interrupted_rekey
from advocate_app.store.keyslots import KeysFile, clean_sign_in_label
from advocate_app.store.layout import DB_FILE_NAME
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
from advocate_app.store.throttle import UnlockThrottle, UnlockThrottled
from advocate_app.store.vault_keys import VaultKeySlots
from advocate_app.store.vault_unlock import CurrentUser, UnlockUser, VaultUnlock
from advocate_app.store.vault_upkeep import VaultUpkeep

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

__all__ = [
    "MIN_PASSPHRASE_SCORE",
    "CurrentUser",
    "UnlockThrottled",
    "UnlockUser",
    "Vault",
    "passphrase_problem",
    "passphrase_strength",
]

# SQLAlchemy, Alembic, the models and everything built on them (engine, sessions, audit,
# migrate, backup_file) are imported inside the methods that first need them, after the unlock
# window is on screen: opening the app must be nearly as quick as opening a window. Those are the
# only imports inside functions here, and all of them point down: the vault imports no module that
# uses it (backup, diagnose, restore, rekey); import-linter checks that.

_PAUSE_WAIT_SECONDS = 120.0  # how long a session waits while a re-key swaps the database


def _now_text() -> str:
    from datetime import UTC, datetime  # here: opening a vault needs no dates

    return datetime.now(UTC).isoformat(timespec="seconds")


class Vault(VaultUnlock, VaultKeySlots, VaultUpkeep):
    """One open vault folder: its lock, its key slots and, once unlocked, its database and
    sessions. Unlocking and the guessing limit (vault_unlock.py), the key slots and users
    (vault_keys.py) and the facts and upkeep (vault_upkeep.py) are its other parts."""

    def __init__(
        self,
        folder: Path,
        keys: KeysFile,
        folder_lock: FolderLock,
        throttle: UnlockThrottle | None = None,
    ) -> None:
        self.folder = folder
        self.keys = keys
        self._folder_lock = folder_lock
        self._data_key: bytearray | None = None
        self._engine: Engine | None = None
        self._write_factory: sessionmaker[Session] | None = None
        self._read_factory: sessionmaker[Session] | None = None
        self.user: CurrentUser | None = None
        self.throttle = throttle if throttle is not None else UnlockThrottle(folder)
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
        sign_in_label: str | None = None,
    ) -> tuple[Vault, str]:
        """Make a new vault; returns it unlocked as its first user (a supervisor) and the
        recovery key text, which is shown once and never stored. The unlock screen shows
        `sign_in_label` (None: the office name; "": nothing; see sign_in_label.py)."""
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
            keys.sign_in_label = clean_sign_in_label(
                office_name if sign_in_label is None else sign_in_label
            )
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
                s.add(Meta(key="created", value=_now_text()))
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

    # --- unlocking and locking ----------------------------------------------------------------

    @property
    def is_unlocked(self) -> bool:
        return self._engine is not None

    def _new_engine(self) -> Engine:
        """The engine over this vault's database, under the data key (not connected yet): the
        warm-up's rehearsal's, if it is there to take (store/engine.engine_for)."""
        from advocate_app.store.engine import engine_for

        assert self._data_key is not None
        return engine_for(self.db_path, self._data_key)

    def _start_engine(self) -> None:
        assert self._data_key is not None
        from sqlalchemy.exc import DatabaseError, OperationalError
        from sqlalchemy.orm import sessionmaker

        try:
            engine = self._new_engine()
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

    # --- pausing while a re-key swaps the database file (rekey.py) ---------------------------

    def pause_sessions(self) -> None:
        """Close every connection but keep the key: a re-key is about to replace the database
        file. Sessions asked for meanwhile by other threads wait for `resume_sessions`."""
        self._running.clear()
        self._stop_engine()

    def resume_sessions(
        self, new_key: bytearray | None = None, keys: KeysFile | None = None
    ) -> None:
        """End a pause. With `new_key` and `keys` (the re-key's files are in place) the old key
        is zeroed and the engine reopens under the new one; without them it reopens under the
        key it had, unless the vault was locked meanwhile. Waiting sessions go on either way."""
        try:
            if new_key is not None:
                assert keys is not None
                self._replace_data_key(new_key, keys)
            elif self._data_key is not None and self._engine is None:
                self._start_engine()  # the old key set is untouched and still works
        finally:
            self._running.set()

    def _stop_engine(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None
        self._write_factory = None
        self._read_factory = None

    def _replace_data_key(self, new_key: bytearray, keys: KeysFile) -> None:
        self._stop_engine()
        if self._data_key is not None:
            crypto.zero(self._data_key)
        self._data_key = new_key
        self.keys = keys
        self._start_engine()

    def lock(self) -> None:
        """Fold the WAL back into the database, dispose of every connection and zero the data
        key. Drafts are the caller's to save."""
        if self._engine is not None:
            self.checkpoint_quietly()
        self._stop_engine()
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
        from advocate_app.store.sessions import plain_errors

        with plain_errors(self._write_factory, writing=True) as session:
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        if self._read_factory is None and not self._running.is_set():
            self._running.wait(_PAUSE_WAIT_SECONDS)
        if self._read_factory is None:
            raise VaultLocked()
        from advocate_app.store.sessions import plain_errors

        with plain_errors(self._read_factory, writing=False) as session:
            yield session

    # --- vault facts and maintenance ----------------------------------------------------------

    def data_key_ref(self) -> bytearray:
        """The live data key (zeroed by `lock`), for store modules that seal it into a new key
        slot or copy the database under it; anyone else takes `data_key_copy`."""
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
