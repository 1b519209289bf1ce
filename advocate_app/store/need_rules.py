"""What a need and a checklist item may hold: one line each, a known category, status and
priority; who may change the office's checklist."""

from __future__ import annotations

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store.errors import InvalidInput, NotAllowed
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import NEED_CATEGORIES, NEED_PRIORITIES, NEED_STATUSES

LABEL_MAX = 120
LINE_MAX = 200
# Categories in the order of the vocabulary, for lists grouped by category.
CATEGORY_ORDER = {code: i for i, code in enumerate(NEED_CATEGORIES)}


def one_line(value: str | None, limit: int, what: str) -> str:
    text = " ".join((value or "").split())
    if len(text) > limit:
        raise InvalidInput(QT_TR_NOOP("Keep the {0} under {1} characters."), what, limit)
    return text


def need_label(value: str) -> str:
    text = one_line(value, LABEL_MAX, QT_TR_NOOP("need's name"))
    if not text:
        raise InvalidInput(QT_TR_NOOP("Write what the need is, in a few words."))
    return text


def need_category(value: str) -> str:
    if value not in NEED_CATEGORIES:
        raise InvalidInput(QT_TR_NOOP("Choose a need category from the list."))
    return value


def need_status(value: str) -> str:
    if value not in NEED_STATUSES:
        raise InvalidInput(QT_TR_NOOP("Choose a status from the list."))
    return value


def need_priority(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if value not in NEED_PRIORITIES:
        raise InvalidInput(QT_TR_NOOP("Choose high, medium or low priority, or none."))
    return value


def require_supervisor(vault: Vault) -> None:
    if not vault.current_user.is_supervisor:
        raise NotAllowed(QT_TR_NOOP("Only a supervisor can change the checklist templates."))


def user_id_of(vault: Vault) -> str:
    return vault.current_user.id
