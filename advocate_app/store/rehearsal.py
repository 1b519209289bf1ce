"""A dress rehearsal of the unlock, in memory, while the passphrase is typed.

The first time a process runs a statement, SQLAlchemy works out and keeps a good deal about it
in Python: the statement's structure and cache key, the ORM's context for it, its compiled SQL
and its columns' converters. At 50,000 clients that first-time work was about 40 ms of the wait
between the key and Today, and none of it depends on the data or on the key. So the warm-up
(ui/warmup.py) runs the unlock's own steps once, beforehand, on a vault whose database is an
empty one in memory holding one made-up client; then the first vault unlocked takes over its
engine, with the statements compiled (store/engine.engine_for), pointed at its own file.

Nothing here reaches a disk or any vault folder: no key is derived, no lock or throttle file is
read or written, and the made-up rows are invented words, never anyone's data. The rehearsal
vault is dropped at the end with everything it held.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.store.vault import Vault

if TYPE_CHECKING:
    from sqlalchemy import Engine

REHEARSAL_USER = "rehearsal-user"
_REHEARSAL_VAULT_ID = "rehearsal-vault"


class _NoThrottle:
    """The rehearsal's guessing limit: there is no file to keep it in, and nothing to limit."""

    def check(self) -> None:
        pass

    def failed(self) -> None:
        pass

    def succeeded(self) -> None:
        pass

    def seconds_left(self) -> float:
        return 0.0


class _RehearsalKeys:
    """What the unlock reads from a keys file: only the vault id."""

    vault_id = _REHEARSAL_VAULT_ID


class RehearsalVault(Vault):
    """A vault with no folder, no keys file and no lock, whose database is in memory."""

    def __init__(self, on: date) -> None:
        super().__init__(
            Path("/nonexistent/rehearsal"),  # never opened: every use of it is overridden
            _RehearsalKeys(),  # type: ignore[arg-type]
            None,  # type: ignore[arg-type]  # no folder, so no folder lock
            throttle=_NoThrottle(),  # type: ignore[arg-type]  # nothing to limit, no file
        )
        self._on = on

    def _new_engine(self) -> Engine:
        from advocate_app.store.engine import make_memory_engine

        engine = make_memory_engine()
        _fill(engine, self._on)
        return engine

    def _reconcile_keys(self) -> None:
        # Its read only: the real one takes a lock file in the vault folder.
        from sqlalchemy import select

        from advocate_app.store.models import User

        with self.read() as s:
            set(s.scalars(select(User.id).where(User.active.is_(True))))

    def open_as(self, user_id: str) -> None:
        """What Vault.unlock does once the key is derived (a made-up key: nothing is keyed)."""
        self._finish_unlock(bytearray(32), user_id)

    def close(self) -> None:
        """Lock it (there is no folder lock to release) and hand its engine to the first vault
        unlocked in this process (store/engine.rehearsal_over)."""
        from advocate_app.store.engine import rehearsal_over

        engine = self._engine
        self.lock()
        if engine is not None:
            rehearsal_over(engine)


def _fill(engine: Engine, on: date) -> None:
    """The schema at its newest, and one made-up client of the rehearsal's user with a need
    overdue, one due this week, an appointment tomorrow and no contact for a long while, so
    that every group of Today has a row to convert."""
    from sqlalchemy import insert

    from advocate_app.store import migrate
    from advocate_app.store.models import (
        Appointment,
        Base,
        Client,
        Meta,
        NeedItem,
        User,
    )

    Base.metadata.create_all(engine)
    long_ago = datetime.combine(on - timedelta(days=400), datetime.min.time())
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL)"
        )
        conn.exec_driver_sql(
            "INSERT INTO alembic_version (version_num) VALUES (?)", (migrate.head_revision(),)
        )
        conn.execute(
            insert(Meta),
            [
                {"key": "vault_id", "value": _REHEARSAL_VAULT_ID},
                {"key": "office_name", "value": "Rehearsal"},
            ],
        )
        conn.execute(
            insert(User).values(id=REHEARSAL_USER, name="Rehearsal", role="advocate", active=True)
        )
        conn.execute(
            insert(Client).values(
                id=1,
                alias="Rehearsal",
                alias_sort="rehearsal",
                intake_date=on - timedelta(days=400),
                assigned_user_id=REHEARSAL_USER,
                status="open",
                created_at=long_ago,
                last_contact_at=long_ago,
            )
        )
        conn.execute(
            insert(NeedItem),
            [
                {"client_id": 1, "category": "housing", "label": "Rehearsal", "due_date": day}
                for day in (on - timedelta(days=3), on + timedelta(days=2))
            ],
        )
        conn.execute(
            insert(Appointment).values(
                client_id=1,
                starts_at=datetime.combine(on + timedelta(days=1), datetime.min.time()),
                kind="court",
                place="Rehearsal",
            )
        )


def rehearse_unlock(
    going_on: Callable[[], bool] = lambda: True, on: date | None = None
) -> RehearsalVault | None:
    """Unlock a rehearsal vault as Vault.unlock does once the key is derived, then read what
    the unlock's worker reads (the office, the demo flag, the saved place, the backup status,
    Today's groups). Returns the vault, still unlocked, for the caller's own rehearsal of what
    it does with those rows (then close it); None if `going_on` said to stop between steps
    (the person pressed Enter: the real unlock has the processor to itself). Then what opening
    a client's record reads, as the unlock does when it returns to one (the client list's first
    page, the record, its notes, the services today's work suggests)."""
    from advocate_app.store import backup_status, clients, drafts, notes, today, voca_fields

    on = on or datetime.now(UTC).astimezone().date()
    vault = RehearsalVault(on)
    steps: list[Callable[[], object]] = [
        lambda: vault.open_as(REHEARSAL_USER),
        lambda: vault.office_name,
        lambda: vault.is_demo,
        lambda: drafts.load_draft(vault, "rehearsal"),
        lambda: backup_status.status(vault),
        lambda: today.compute(vault, REHEARSAL_USER, on, 30),
        lambda: clients.list_clients(
            vault, clients.ClientQuery(mine_only=True, user_id=REHEARSAL_USER), None, 50
        ),
        lambda: clients.open_client(vault, 1),
        lambda: notes.list_notes(vault, 1),
        lambda: voca_fields.note_suggestions(vault, 1, on),
    ]
    try:
        for step in steps:
            if not going_on():
                vault.close()
                return None
            step()
    except BaseException:
        vault.close()
        raise
    return vault


__all__ = ["REHEARSAL_USER", "RehearsalVault", "rehearse_unlock"]
