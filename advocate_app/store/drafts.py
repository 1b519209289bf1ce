"""Autosaved drafts: unsaved text kept inside the encrypted vault, per user and per editor.

A note's draft may carry the VOCA services ticked so far: they are kept in a second row beside
the text (key + SERVICES_SUFFIX, the codes comma-separated), written in the same transaction,
so a crash or a lock loses neither.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from advocate_app.store.models import Draft, utcnow
from advocate_app.store.vault import Vault


@dataclass(frozen=True)
class DraftInfo:
    draft_key: str
    client_id: int | None
    body: str
    updated_at: datetime
    services: tuple[str, ...] = ()  # a note's ticked VOCA services (codes), if any


SERVICES_SUFFIX = ":services"


def _put(s: Session, user_id: str, draft_key: str, body: str, client_id: int | None) -> None:
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


def save_draft(
    vault: Vault,
    draft_key: str,
    body: str,
    client_id: int | None = None,
    services: Iterable[str] | None = None,
) -> None:
    """Insert or replace; an empty body removes the draft. A broken character (a lone surrogate)
    is replaced rather than refused: a draft must never be lost over it. `services`, when given,
    replaces the ticked services kept with it (none ticked removes them)."""
    from advocate_app.store.checks import without_lone_surrogates

    body = without_lone_surrogates(body)
    user_id = vault.current_user.id
    with vault.write() as s:
        _put(s, user_id, draft_key, body, client_id)
        if services is not None:
            codes = ",".join(c for c in dict.fromkeys(services) if c and "," not in c)
            _put(s, user_id, draft_key + SERVICES_SUFFIX, codes, client_id)


def load_draft(vault: Vault, draft_key: str) -> DraftInfo | None:
    user_id = vault.current_user.id
    with vault.read() as s:
        rows = {
            row.draft_key: row
            for row in s.scalars(
                select(Draft).where(
                    Draft.user_id == user_id,
                    Draft.draft_key.in_((draft_key, draft_key + SERVICES_SUFFIX)),
                )
            )
        }
        if not rows:
            return None
        text = rows.get(draft_key)
        ticked = rows.get(draft_key + SERVICES_SUFFIX)
        services = tuple(c for c in ticked.body.split(",") if c) if ticked else ()
        latest = max(rows.values(), key=lambda r: r.updated_at)
        return DraftInfo(
            draft_key,
            latest.client_id,
            text.body if text is not None else "",
            latest.updated_at,
            services,
        )


def delete_draft(vault: Vault, draft_key: str) -> None:
    user_id = vault.current_user.id
    with vault.write() as s:
        s.execute(
            delete(Draft).where(
                Draft.user_id == user_id,
                Draft.draft_key.in_((draft_key, draft_key + SERVICES_SUFFIX)),
            )
        )
