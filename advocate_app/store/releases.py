"""Releases of information: informed, written, time-limited consent to share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import audit
from advocate_app.store.errors import InvalidInput
from advocate_app.store.models import Client, Release
from advocate_app.store.vault import Vault


@dataclass(frozen=True)
class ReleaseView:
    id: int
    client_id: int
    recipient: str
    information: str
    purpose: str
    signed_on: date
    expires_on: date
    revoked_on: date | None

    def state(self, today: date | None = None) -> str:
        """ "active", "expired" or "revoked"."""
        today = today or date.today()
        if self.revoked_on is not None:
            return "revoked"
        return "expired" if self.expires_on < today else "active"


def add_release(
    vault: Vault,
    client_id: int,
    *,
    recipient: str,
    information: str,
    purpose: str,
    signed_on: date,
    expires_on: date,
) -> int:
    recipient, information, purpose = recipient.strip(), information.strip(), purpose.strip()
    if not recipient or not information or not purpose:
        raise InvalidInput(
            QT_TR_NOOP("Say who may receive the information, what, and for what purpose.")
        )
    if expires_on < signed_on:
        raise InvalidInput(QT_TR_NOOP("A release cannot expire before it was signed."))
    if signed_on > date.today():
        raise InvalidInput(QT_TR_NOOP("The signing date cannot be in the future."))
    with vault.write() as s:
        if s.get(Client, client_id) is None:
            raise InvalidInput(QT_TR_NOOP("That client record no longer exists."))
        release = Release(
            client_id=client_id,
            recipient=recipient[:200],
            information=information[:500],
            purpose=purpose[:500],
            signed_on=signed_on,
            expires_on=expires_on,
        )
        s.add(release)
        s.flush()
        audit.record(s, vault.current_user.id, "release_added", "release", release.id)
        return release.id


def revoke_release(vault: Vault, release_id: int, on: date | None = None) -> None:
    with vault.write() as s:
        release = s.get(Release, release_id)
        if release is None:
            raise InvalidInput(QT_TR_NOOP("That release no longer exists."))
        release.revoked_on = on or date.today()
        audit.record(s, vault.current_user.id, "release_revoked", "release", release_id)


def list_releases(vault: Vault, client_id: int) -> list[ReleaseView]:
    with vault.read() as s:
        rows = s.scalars(
            select(Release)
            .where(Release.client_id == client_id)
            .order_by(Release.signed_on.desc(), Release.id.desc())
        )
        return [
            ReleaseView(
                r.id,
                r.client_id,
                r.recipient,
                r.information,
                r.purpose,
                r.signed_on,
                r.expires_on,
                r.revoked_on,
            )
            for r in rows
        ]
