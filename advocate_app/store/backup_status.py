"""What a person must know about backups, kept inside the vault (Meta rows; no names, no paths):
whether the last automatic backup failed (shown until one succeeds) and when the last copy
outside the computer was made ("Back up now" to a USB stick, or `advocate-app backup --out`),
with a reminder once that is a week old."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from advocate_app.store.errors import StorageFull, VaultDamaged, VaultError

if TYPE_CHECKING:
    from advocate_app.store.vault import Vault

OUTSIDE_COPY_EVERY = timedelta(days=7)
_FAILED_AT = "backup_auto_failed_at"
_FAILURE = "backup_auto_failure"
_OUTSIDE_AT = "backup_outside_copy_at"

# Why the automatic backup failed, as a code the screens turn into their own words.
NOT_WRITTEN = "not_written"  # disk full, folder not writable, a disk error
DAMAGED = "damaged"  # the vault did not pass its integrity check
OTHER = "other"


@dataclass(frozen=True)
class BackupStatus:
    automatic_failed_at: datetime | None
    automatic_failure: str | None
    last_outside_copy_at: datetime | None

    def outside_copy_due(self, now: datetime | None = None) -> bool:
        """True when no copy outside the computer was made in the last 7 days."""
        if self.last_outside_copy_at is None:
            return True
        now = now or datetime.now(UTC)
        return now - self.last_outside_copy_at > OUTSIDE_COPY_EVERY


def _parse(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def status(vault: Vault) -> BackupStatus:
    from sqlalchemy import select

    from advocate_app.store.models import Meta

    with vault.read() as s:
        rows: dict[str, str] = dict(
            s.execute(
                select(Meta.key, Meta.value).where(
                    Meta.key.in_([_FAILED_AT, _FAILURE, _OUTSIDE_AT])
                )
            ).all()
        )
    failure = rows.get(_FAILURE)
    return BackupStatus(
        automatic_failed_at=_parse(rows.get(_FAILED_AT)),
        automatic_failure=failure if failure in (NOT_WRITTEN, DAMAGED, OTHER) else None,
        last_outside_copy_at=_parse(rows.get(_OUTSIDE_AT)),
    )


def _set(vault: Vault, values: dict[str, str | None]) -> None:
    """Best effort: the vault may have been locked meanwhile, or the disk be full."""
    from advocate_app.store.models import Meta

    with contextlib.suppress(VaultError), vault.write() as s:
        for key, value in values.items():
            row = s.get(Meta, key)
            if value is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(Meta(key=key, value=value))
            else:
                row.value = value


def failure_code(exc: BaseException) -> str:
    if isinstance(exc, VaultDamaged):
        return DAMAGED
    if isinstance(exc, StorageFull):
        return NOT_WRITTEN
    return OTHER


def record_automatic_failure(
    vault: Vault, exc: BaseException, when: datetime | None = None
) -> None:
    when = when or datetime.now(UTC)
    _set(vault, {_FAILED_AT: when.isoformat(timespec="seconds"), _FAILURE: failure_code(exc)})


def record_automatic_success(vault: Vault) -> None:
    _set(vault, {_FAILED_AT: None, _FAILURE: None})


def record_outside_copy(vault: Vault, when: datetime | None = None) -> None:
    when = when or datetime.now(UTC)
    _set(vault, {_OUTSIDE_AT: when.isoformat(timespec="seconds")})


__all__ = [
    "DAMAGED",
    "NOT_WRITTEN",
    "OTHER",
    "OUTSIDE_COPY_EVERY",
    "BackupStatus",
    "failure_code",
    "record_automatic_failure",
    "record_automatic_success",
    "record_outside_copy",
    "status",
]
