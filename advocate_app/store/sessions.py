"""One vault session's database errors, in plain words: what Vault.read() and write() raise.

A damaged page becomes VaultDamaged, a full or read-only disk StorageFull (when writing), text
with a lone surrogate InvalidInput; anything else is raised as it is. SQLAlchemy is imported
inside the function, after the unlock window is on screen, as everywhere in the vault.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from advocate_app.store.checks import BROKEN_TEXT
from advocate_app.store.errors import InvalidInput, StorageFull, VaultDamaged

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

DAMAGED_WHILE_WORKING = (
    "Part of the vault could not be read: it may be damaged. What you were typing is kept. "
    "Lock the app, then check the vault and restore the newest backup if it is damaged."
)


@contextlib.contextmanager
def plain_errors(factory: sessionmaker[Session], *, writing: bool) -> Iterator[Session]:
    """One transaction from factory (committed on success, rolled back otherwise) whose
    database errors a person can act on are raised as VaultErrors."""
    from sqlalchemy.exc import DatabaseError, OperationalError, StatementError

    try:
        with factory.begin() as session:
            yield session
    except UnicodeEncodeError as exc:
        raise broken_text() from exc
    except OperationalError as exc:
        if writing:
            if is_storage_full(exc):
                raise StorageFull() from exc
            raise
        if is_damage(exc):
            raise VaultDamaged(DAMAGED_WHILE_WORKING) from exc
        raise
    except DatabaseError as exc:
        if is_damage(exc):
            raise VaultDamaged(DAMAGED_WHILE_WORKING) from exc
        raise
    except StatementError as exc:
        if isinstance(exc.orig, UnicodeEncodeError):
            raise broken_text() from exc
        raise


def broken_text() -> InvalidInput:
    """Text with a lone surrogate reached the database: refused in plain words, never as a raw
    UnicodeEncodeError (the transaction was rolled back)."""
    return InvalidInput(BROKEN_TEXT)


def is_damage(exc: BaseException) -> bool:
    """A database error that means damaged pages (not a constraint, not a busy lock)."""
    orig = getattr(exc, "orig", None)
    msg = str(orig if orig is not None else exc).lower()
    return any(
        m in msg
        for m in ("malformed", "file is not a database", "not a database", "file is encrypted")
    )


def is_storage_full(exc: BaseException) -> bool:
    orig = getattr(exc, "orig", None)
    msg = str(orig if orig is not None else exc).lower()
    return any(
        m in msg
        for m in (
            "database or disk is full",
            "disk i/o error",
            "readonly",
            "read-only",
            "unable to open database file",
        )
    )
