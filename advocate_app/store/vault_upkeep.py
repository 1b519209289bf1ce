"""Vault facts and upkeep: one half of Vault (see vault.py).

What the vault says about itself (office name, demo or not, schema revision), folding the
write-ahead log back into the database, both integrity checks, a verified backup of it as it is
now, and the audit line for an action.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store.errors import VaultError, VaultLocked
from advocate_app.store.keyslots import KeysFile

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from advocate_app.store.backup_file import BackupInfo

# SQLAlchemy, Alembic, the models and what is built on them are imported inside the methods,
# as in vault.py: opening the app must not wait for them.


class VaultUpkeep:
    """Mixed into Vault: its facts and its maintenance."""

    folder: Path
    keys: KeysFile
    _data_key: bytearray | None

    if TYPE_CHECKING:  # provided by Vault

        @property
        def db_path(self) -> Path: ...
        def write(self) -> AbstractContextManager[Session]: ...
        def read(self) -> AbstractContextManager[Session]: ...
        def _require_engine(self) -> Engine: ...

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
            assert conn is not None  # a pooled connection is open until closed below
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
            raise VaultError(QT_TR_NOOP("The vault is busy; try again in a moment."))

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
        from advocate_app.store.wal import only_needs_checkpoint

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
        from advocate_app.store.backup_write import create_backup

        revision = migrate.current_revision(self._require_engine())
        info = create_backup(
            self.db_path, self.keys, self._data_key, out_path, schema_revision=revision
        )
        self.checkpoint_quietly()
        return info

    def raw_count(self, table: str) -> int:
        """Row count of one of our own tables (tests and diagnostics; the name is checked)."""
        if not table.isidentifier():
            raise ValueError("not a table name")
        from sqlalchemy import text

        with self.read() as s:
            return int(s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())  # noqa: S608
