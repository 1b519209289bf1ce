"""Anonymous contacts: a hotline call or a walk-in logged without creating a client."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import audit
from advocate_app.store.errors import InvalidInput
from advocate_app.store.models import AnonymousContact
from advocate_app.store.vault import Vault
from advocate_app.store.voca_fields import check_services
from advocate_app.store.vocab import ANONYMOUS_CONTACT_KINDS, NEED_CATEGORIES

# Topics are codes only: no free text, so nothing identifying can be typed here.
CONTACT_TOPICS: dict[str, str] = {
    "information": QT_TR_NOOP("Information and referral"),
    "emotional_support": QT_TR_NOOP("Emotional support"),
    "safety": QT_TR_NOOP("Safety planning"),
    **NEED_CATEGORIES,
}


def log_contact(
    vault: Vault,
    *,
    contact_date: date,
    kind: str,
    minutes: int,
    topics: list[str],
    services: Iterable[str] = (),
) -> int:
    """Log an anonymous contact, with the VOCA services given (codes of store.pmt_form)."""
    service_codes = check_services(services)
    if kind not in ANONYMOUS_CONTACT_KINDS:
        raise InvalidInput(QT_TR_NOOP("Choose what kind of contact this was."))
    if contact_date > date.today():
        raise InvalidInput(QT_TR_NOOP("The contact date cannot be in the future."))
    if not 0 <= minutes <= 24 * 60:
        raise InvalidInput(QT_TR_NOOP("Minutes must be between 0 and 1440."))
    unknown = [t for t in topics if t not in CONTACT_TOPICS]
    if unknown:
        raise InvalidInput(QT_TR_NOOP("Choose topics from the list."))
    with vault.write() as s:
        contact = AnonymousContact(
            contact_date=contact_date,
            kind=kind,
            minutes=minutes,
            topics=",".join(sorted(set(topics))),
            services=",".join(service_codes),
            author_id=vault.current_user.id,
        )
        s.add(contact)
        s.flush()
        audit.record(s, vault.current_user.id, "anonymous_contact_logged", "contact", contact.id)
        return contact.id
