"""The audit log: who, when, what kind of action, which record id. Never any content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from advocate_app.store.models import AuditEvent


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    user_id: str | None
    action: str
    record_kind: str | None
    record_id: int | None


def record(
    session: Session,
    user_id: str | None,
    action: str,
    record_kind: str | None = None,
    record_id: int | None = None,
) -> None:
    session.add(
        AuditEvent(user_id=user_id, action=action, record_kind=record_kind, record_id=record_id)
    )


def recent(session: Session, limit: int = 200) -> list[AuditEntry]:
    rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit))
    return [AuditEntry(r.at, r.user_id, r.action, r.record_kind, r.record_id) for r in rows]
