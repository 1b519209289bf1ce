"""Referrals: recorded when a client's need is linked to a resource or organization."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from advocate_app.store.models import Referral
from advocate_app.store.vault import Vault


@dataclass(frozen=True)
class ReferralView:
    id: int
    client_id: int
    need_item_id: int | None
    resource_name: str
    resource_category: str
    referred_on: date


def record(
    session: Session,
    vault: Vault,
    *,
    client_id: int,
    need_item_id: int | None,
    resource_name: str,
    on: date | None = None,
) -> None:
    """Add a referral inside the caller's transaction. A name that is not in the directory
    (a free-text organization) counts under "other"."""
    from advocate_app.store.resources import category_of

    found = category_of(vault, resource_name)
    resource_id, category = found if found is not None else (None, "other")
    session.add(
        Referral(
            client_id=client_id,
            need_item_id=need_item_id,
            resource_id=resource_id,
            resource_name=resource_name[:200],
            resource_category=category,
            referred_on=on or date.today(),
        )
    )


def list_referrals(vault: Vault, client_id: int) -> list[ReferralView]:
    with vault.read() as s:
        rows = s.scalars(
            select(Referral)
            .where(Referral.client_id == client_id)
            .order_by(Referral.referred_on.desc(), Referral.id.desc())
        )
        return [
            ReferralView(
                r.id,
                r.client_id,
                r.need_item_id,
                r.resource_name,
                r.resource_category,
                r.referred_on,
            )
            for r in rows
        ]
