"""Autosaved drafts: unsaved text kept inside the encrypted vault, per user and per editor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from advocate_app.store.models import Draft, utcnow
from advocate_app.store.vault import Vault


@dataclass(frozen=True)
class DraftInfo:
    draft_key: str
    client_id: int | None
    body: str
    updated_at: datetime


def save_draft(vault: Vault, draft_key: str, body: str, client_id: int | None = None) -> None:
    """Insert or replace; an empty body removes the draft. A broken character (a lone surrogate)
    is replaced rather than refused: a draft must never be lost over it."""
    from advocate_app.store.checks import without_lone_surrogates

    body = without_lone_surrogates(body)
    user_id = vault.current_user.id
    with vault.write() as s:
        row = s.scalars(
            select(Draft).where(Draft.user_id == user_id, Draft.draft_key == draft_key)
        ).first()
        if not body.strip():
            if row is not None:
                s.delete(row)
            return
        if row is None:
            s.add(
                Draft(
                    user_id=user_id,
                    draft_key=draft_key,
                    client_id=client_id,
                    body=body,
                    updated_at=utcnow(),
                )
            )
        else:
            row.body = body
            row.client_id = client_id
            row.updated_at = utcnow()


def load_draft(vault: Vault, draft_key: str) -> DraftInfo | None:
    user_id = vault.current_user.id
    with vault.read() as s:
        row = s.scalars(
            select(Draft).where(Draft.user_id == user_id, Draft.draft_key == draft_key)
        ).first()
        if row is None:
            return None
        return DraftInfo(row.draft_key, row.client_id, row.body, row.updated_at)


def delete_draft(vault: Vault, draft_key: str) -> None:
    user_id = vault.current_user.id
    with vault.write() as s:
        s.execute(delete(Draft).where(Draft.user_id == user_id, Draft.draft_key == draft_key))
