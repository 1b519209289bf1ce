"""The SQLCipher engine: SQLAlchemy over keyed `sqlcipher3` connections.

The data key goes in as a raw key (`x'…'`), hex we made ourselves from random bytes, so no KDF runs
per connection and no text a person typed is ever formatted into SQL. Every new connection sets the
pragmas DESIGN.md requires and then reads them back: a connection that does not hold them is
refused rather than used.
"""

from __future__ import annotations

import contextlib
import re
import secrets
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store.errors import KeysDoNotMatchVault, VaultDamaged
from advocate_app.store.layout import DB_FILE_NAME, WAL_FILE_NAME

# pragma -> value to set, value expected when read back
REQUIRED_PRAGMAS: dict[str, tuple[str, str]] = {
    # SQLCipher's own default (DESIGN.md, decided 2026-11-29): wiping every freed buffer made
    # reads several times slower and still left Python's and Qt's copies; locking ends the
    # process instead, which clears them all (ui/restart.py).
    "cipher_memory_security": ("OFF", "0"),
    "temp_store": ("2", "2"),  # memory: a file temp store would write plaintext
    "journal_mode": ("WAL", "wal"),
    "synchronous": ("FULL", "2"),
    "foreign_keys": ("ON", "1"),
    "secure_delete": ("ON", "1"),
}

_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class PragmaNotHeld(RuntimeError):
    pass


def raw_key_pragma(data_key: bytes | bytearray) -> str:
    hexkey = bytes(data_key).hex()
    if not _HEX64.match(hexkey):  # our own random bytes, never text a person typed
        raise ValueError("the data key must be 32 bytes")
    return f"PRAGMA key = \"x'{hexkey}'\""


def connect_keyed(
    db_path: Path, data_key: bytes | bytearray, *, check: bool = True, immutable: bool = False
) -> Any:
    """One keyed sqlcipher3 connection with the required pragmas set and verified.

    immutable: open the file read-only as a file that cannot change (SQLite's `mode=ro` and
    `immutable=1`: no lock, no -wal or -shm, no write of any kind). Only right for a file with no
    write-ahead log beside it and no other process writing; used by diagnosis.
    """
    if immutable:
        uri = Path(db_path).resolve().as_uri() + "?mode=ro&immutable=1"
        conn = sqlcipher.connect(
            uri, uri=True, check_same_thread=False, isolation_level=None, timeout=30.0
        )
        check = False
    else:
        conn = sqlcipher.connect(
            str(db_path), check_same_thread=False, isolation_level=None, timeout=30.0
        )
    try:
        # SQLCipher would print a line to stderr for every page that fails its check; the
        # app reports damage in its own words instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(raw_key_pragma(data_key))
        # A wrong key only shows on the first read, so read at once.
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError as exc:
            raise KeysDoNotMatchVault(
                QT_TR_NOOP(
                    "The keys file does not open this vault's database: either the "
                    "database is "
                    "damaged or the keys file belongs to another vault. Nothing was changed. Restore "
                    "the matching keys file or the newest backup."
                )
            ) from exc
        if check:
            apply_pragmas(conn)
        return conn
    except BaseException:
        conn.close()
        raise


def apply_pragmas(conn: Any) -> None:
    for name, (value, _expected) in REQUIRED_PRAGMAS.items():
        conn.execute(f"PRAGMA {name} = {value}")
    conn.execute("PRAGMA busy_timeout = 30000")
    for name, (_value, expected) in REQUIRED_PRAGMAS.items():
        row = conn.execute(f"PRAGMA {name}").fetchone()
        got = str(row[0]).lower() if row else ""
        if got != expected.lower():
            raise PragmaNotHeld(f"PRAGMA {name} is {got!r}, expected {expected!r}")


def read_pragmas(conn: Any) -> dict[str, str]:
    return {
        name: str(conn.execute(f"PRAGMA {name}").fetchone()[0]).lower() for name in REQUIRED_PRAGMAS
    }


def prepare_orm() -> None:
    """Set up every mapped class now (the ORM otherwise does it on the first query of the
    process, about 20 ms: between the key and Today). No database is touched."""
    from sqlalchemy.orm import configure_mappers

    import advocate_app.store.models  # noqa: F401 (the mapped classes)

    configure_mappers()


def make_engine(db_path: Path, data_key: bytearray, *, pool_size: int = 4) -> Engine:
    """An engine whose every pooled connection is keyed and holds the required pragmas.

    `data_key` is kept by reference: zeroing it (on lock) leaves the engine unable to make new
    connections, and the vault disposes the engine at the same moment.
    """

    def creator() -> Any:
        return connect_keyed(db_path, data_key)

    return _engine(creator, pool_size=pool_size, **_POOL)


# The unlock's rehearsal (store/rehearsal.py) runs on an engine over a database in memory;
# once it is over, the first vault unlocked in this process takes that same engine, pointed at
# its own file. SQLAlchemy keeps what it has worked out for each statement (the compiled SQL, its
# columns' converters) per engine and per dialect: on a new engine all of it would be done again,
# about 20 ms of the unlock's worker at 50,000 clients.
_POOL = {
    "poolclass": QueuePool,
    "max_overflow": 16,
    "pool_timeout": 60,
    # The connection used last comes back first: its page cache is warm (each connection keeps
    # its own, decrypted), where a rotation would keep every one cold.
    "pool_use_lifo": True,
}


class _Target:
    """Where a rehearsed engine's connections go: the rehearsal's database in memory, then a
    vault's file under its data key (kept by reference, as make_engine keeps it)."""

    def __init__(self) -> None:
        # Shared by every connection of the rehearsal, and gone when the last one closes.
        self.memory_uri = f"file:advocate-rehearsal-{secrets.token_hex(8)}?mode=memory&cache=shared"
        self.vault: tuple[Path, bytearray] | None = None

    def connect(self) -> Any:
        if self.vault is not None:
            return connect_keyed(*self.vault)
        conn = sqlcipher.connect(
            self.memory_uri, uri=True, check_same_thread=False, isolation_level=None
        )
        conn.execute("PRAGMA temp_store = 2")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn


_rehearsed_lock = threading.Lock()
_rehearsed: dict[str, tuple[Engine, _Target]] = {}  # "ready": the rehearsal's, over
# The rehearsal's engines still in use, by the engine itself (never by id(): an id can be
# reused by a later object, which would then be pointed at the wrong database).
_targets: dict[Engine, _Target] = {}


def make_memory_engine() -> Engine:
    """An engine like make_engine's over an empty database in memory, unkeyed: for the
    warm-up's rehearsal of the unlock (store/rehearsal.py). Nothing it does reaches a disk.
    Hand it to the first unlock with rehearsal_over once the rehearsal is done with it."""
    target = _Target()
    engine = _engine(target.connect, pool_size=4, **_POOL)
    with _rehearsed_lock:
        _targets[engine] = target
    return engine


def rehearsal_over(engine: Engine) -> None:
    """The rehearsal is done with `engine` (made by make_memory_engine): its connections and
    the database in memory are dropped, and the first vault unlocked takes it (engine_for)."""
    engine.dispose()
    with _rehearsed_lock:
        target = _targets.pop(engine, None)
        if target is not None:
            _rehearsed["ready"] = (engine, target)


def engine_for(db_path: Path, data_key: bytearray) -> Engine:
    """make_engine, or the rehearsal's engine pointed at this vault if it is there to take."""
    with _rehearsed_lock:
        ready = _rehearsed.pop("ready", None)
    if ready is None:
        return make_engine(db_path, data_key)
    engine, target = ready
    target.vault = (db_path, data_key)
    return engine


def _engine(creator: Callable[[], Any], **pool: Any) -> Engine:
    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher,
        creator=creator,
        hide_parameters=True,  # otherwise error text would carry note content
        **pool,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the write lock up front: a deferred transaction that reads and then writes
        # can fail at once with "database is locked" instead of waiting for busy_timeout.
        mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        conn.exec_driver_sql("BEGIN" if mode == "DEFERRED" else "BEGIN IMMEDIATE")

    return engine


def integrity_problems(run: Callable[[str], list[tuple[Any, ...]]]) -> list[str]:
    """Problems reported by both integrity checks ("ok" and empty lists mean healthy)."""
    problems: list[str] = []
    for row in run("PRAGMA cipher_integrity_check"):
        problems.append(str(row[0]))
    for row in run("PRAGMA integrity_check"):
        if str(row[0]).lower() != "ok":
            problems.append(str(row[0]))
    return problems


def check_database_file(db_path: Path, data_key: bytearray) -> list[str]:
    """Run cipher_integrity_check and integrity_check on a separate connection."""
    try:
        conn = connect_keyed(db_path, data_key, check=False)
    except KeysDoNotMatchVault:
        raise
    except sqlcipher.DatabaseError as exc:
        raise VaultDamaged(
            QT_TR_NOOP(
                "The vault database could not be read. Restore the newest backup; the "
                "damaged file "
                "was left as it is."
            )
        ) from exc
    try:
        return integrity_problems(lambda sql: conn.execute(sql).fetchall())
    except sqlcipher.DatabaseError as exc:
        return [f"database error during check: {exc}"]
    finally:
        conn.close()


@contextlib.contextmanager
def read_only_connection(folder: Path, data_key: bytearray) -> Iterator[Any]:
    """A keyed connection to the folder's vault.db that can write nothing there. With no
    write-ahead log beside vault.db the file itself is opened read-only and immutable (no lock,
    no -shm, nothing written); with one, vault.db and its log are copied to a temporary folder
    (encrypted pages only) and the copy is opened, since even a read-only connection may
    replay a log. For a folder no other process is writing to (diagnosis, a restore's preview).
    """
    folder = Path(folder)
    wal = folder / WAL_FILE_NAME
    try:
        has_log = wal.stat().st_size > 0
    except FileNotFoundError:
        has_log = False
    quiet_sqlcipher()
    if not has_log:
        conn = connect_keyed(folder / DB_FILE_NAME, data_key, check=False, immutable=True)
        try:
            yield conn
        finally:
            conn.close()
        return
    work = Path(tempfile.mkdtemp(prefix="advocate-check-"))
    try:
        for name in (DB_FILE_NAME, WAL_FILE_NAME):
            source = folder / name
            if source.is_file():
                shutil.copyfile(source, work / name)
        conn = connect_keyed(work / DB_FILE_NAME, data_key, check=False)
        try:
            yield conn
        finally:
            conn.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def quiet_sqlcipher() -> None:
    """SQLCipher logs every failed page to stderr; a person at a terminal needs one sentence."""
    with contextlib.suppress(Exception):
        conn = sqlcipher.connect(":memory:")
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
        finally:
            conn.close()
