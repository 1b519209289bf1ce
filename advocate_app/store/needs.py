"""Each client's need items (the office's checklist they are copied from: checklist_template).

A need item is copied from the template (or written by the advocate) and then belongs to the
client: renaming or retiring a template item never changes an existing need. Every status a need
has had is kept with its day, for reports. "Declined by client" is a normal, settled outcome: it
is never overdue.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, delete, func, select
from sqlalchemy.orm import Session

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import audit, referrals

# The checklist's functions are part of this module's API (see __all__), kept in their own file.
from advocate_app.store.checklist_template import (
    TemplateItem,
    add_template_item,
    ensure_template,
    rename_template_item,
    restore_template_item,
    retire_template_item,
    template,
    template_problem,
)
from advocate_app.store.checks import check_plausible_date
from advocate_app.store.errors import InvalidInput
from advocate_app.store.models import (
    ChecklistTemplateItem,
    Client,
    NeedItem,
    NeedStatusChange,
    User,
    utcnow,
)
from advocate_app.store.need_rules import (
    CATEGORY_ORDER,
    LABEL_MAX,
    LINE_MAX,
    need_category,
    need_label,
    need_priority,
    need_status,
    one_line,
    user_id_of,
)
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import (
    NEED_CATEGORIES,
    SETTLED_STATUSES,
)

INITIAL_STATUS = "not_started"


class _Keep(enum.Enum):
    KEEP = "keep"


# update_need's default: "leave this field as it is" (None means "clear it").
KEEP = _Keep.KEEP


# --- views ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NeedView:
    id: int
    client_id: int
    category: str
    label: str
    status: str
    priority: str | None
    next_step: str
    due_date: date | None
    note_line: str
    resource_name: str | None
    template_item_id: int | None
    created_at: datetime
    updated_at: datetime

    def is_overdue(self, on: date) -> bool:
        return is_overdue(self.status, self.due_date, on)


@dataclass(frozen=True)
class StatusChange:
    status: str
    changed_on: date
    changed_at: datetime
    user_name: str | None


# --- the one definition of "overdue" ------------------------------------------------------------


def is_overdue(status: str, due_date: date | None, on: date) -> bool:
    """Past its due date and still waiting on someone. Declined, met, not needed: never."""
    return due_date is not None and due_date < on and status not in SETTLED_STATUSES


def overdue_clause(on: date) -> ColumnElement[bool]:
    """The same rule as is_overdue, as SQL over need_items."""
    return and_(
        NeedItem.due_date.is_not(None),
        NeedItem.due_date < on,
        NeedItem.status.not_in(sorted(SETTLED_STATUSES)),
    )


# --- a client's needs -------------------------------------------------------------------------


def _view(n: NeedItem) -> NeedView:
    return NeedView(
        id=n.id,
        client_id=n.client_id,
        category=n.category,
        label=n.label,
        status=n.status,
        priority=n.priority,
        next_step=n.next_step or "",
        due_date=n.due_date,
        note_line=n.note_line or "",
        resource_name=n.resource_name,
        template_item_id=n.template_item_id,
        created_at=n.created_at,
        updated_at=n.updated_at,
    )


def _require_client(s: Session, client_id: int) -> None:
    if s.get(Client, client_id) is None:
        raise InvalidInput(QT_TR_NOOP("That client record no longer exists."))


def _same_need_label(
    s: Session, client_id: int, category: str, text: str, except_id: int | None = None
) -> str | None:
    """The label of this client's need with the same name in the category, if there is one."""
    query = select(NeedItem.label).where(
        NeedItem.client_id == client_id,
        NeedItem.category == category,
        func.lower(NeedItem.label) == text.lower(),
    )
    if except_id is not None:
        query = query.where(NeedItem.id != except_id)
    return s.scalars(query.limit(1)).first()


def _insert(s: Session, need: NeedItem, user_id: str, on: date | None) -> None:
    """A new need: its row, its first status (as of `on`) and the audit line."""
    s.add(need)
    s.flush()
    _record_status(s, need, user_id, on)
    audit.record(s, user_id, "need_added", "need", need.id)


def _record_status(s: Session, need: NeedItem, user_id: str | None, on: date | None) -> None:
    s.add(
        NeedStatusChange(
            need_item_id=need.id,
            client_id=need.client_id,
            status=need.status,
            changed_on=on or date.today(),
            changed_at=utcnow(),
            user_id=user_id,
        )
    )


def add_need(
    vault: Vault,
    client_id: int,
    category: str,
    label: str,
    template_item_id: int | None = None,
    *,
    status: str = INITIAL_STATUS,
    priority: str | None = None,
    next_step: str = "",
    due_date: date | None = None,
    note_line: str = "",
    resource_name: str | None = None,
    on: date | None = None,
) -> int:
    """Add one need; its first status is recorded in the history, dated `on` (default today)."""
    category, text, status = need_category(category), need_label(label), need_status(status)
    priority = need_priority(priority)
    next_step = one_line(next_step, LINE_MAX, QT_TR_NOOP("next step"))
    note_line = one_line(note_line, LINE_MAX, QT_TR_NOOP("note"))
    resource = one_line(resource_name, LINE_MAX, QT_TR_NOOP("resource or organization")) or None
    check_plausible_date(due_date, QT_TR_NOOP("The due date"))
    user_id = user_id_of(vault)
    with vault.write() as s:
        _require_client(s, client_id)
        if template_item_id is not None and s.get(ChecklistTemplateItem, template_item_id) is None:
            raise InvalidInput(QT_TR_NOOP("That checklist item no longer exists."))
        existing = _same_need_label(s, client_id, category, text)
        if existing is not None:
            raise InvalidInput(
                QT_TR_NOOP("This client already has “{0}” under {1}."),
                existing,
                NEED_CATEGORIES[category],
            )
        now = utcnow()
        need = NeedItem(
            client_id=client_id,
            category=category,
            label=text,
            status=status,
            priority=priority,
            next_step=next_step,
            due_date=due_date,
            note_line=note_line,
            resource_name=resource,
            template_item_id=template_item_id,
            created_at=now,
            updated_at=now,
        )
        _insert(s, need, user_id, on)
        if resource:
            referrals.record(
                s, vault, client_id=client_id, need_item_id=need.id, resource_name=resource, on=on
            )
        return need.id


def add_needs_from_template(
    vault: Vault, client_id: int, template_item_ids: Iterable[int], on: date | None = None
) -> list[int]:
    """Add the chosen template items as needs; ones the client already has are skipped.

    Returns the new need ids, in template order.
    """
    wanted = list(dict.fromkeys(template_item_ids))
    if not wanted:
        return []
    user_id = user_id_of(vault)
    day = on or date.today()
    created: list[int] = []
    with vault.write() as s:
        _require_client(s, client_id)
        items = {
            t.id: t
            for t in s.scalars(
                select(ChecklistTemplateItem).where(ChecklistTemplateItem.id.in_(wanted))
            )
        }
        if len(items) != len(wanted):
            raise InvalidInput(
                QT_TR_NOOP(
                    "A checklist item you chose no longer exists. Open the "
                    "list "
                    "again and choose once more."
                )
            )
        if any(t.retired for t in items.values()):
            raise InvalidInput(
                QT_TR_NOOP(
                    "A checklist item you chose was retired meanwhile. "
                    "Open the "
                    "list again and choose once more."
                )
            )
        existing = s.execute(
            select(NeedItem.template_item_id, NeedItem.category, NeedItem.label).where(
                NeedItem.client_id == client_id
            )
        ).all()
        have_ids = {row[0] for row in existing if row[0] is not None}
        have_labels = {(row[1], row[2].casefold()) for row in existing}
        ordered = sorted(
            items.values(),
            key=lambda t: (CATEGORY_ORDER.get(t.category, len(CATEGORY_ORDER)), t.position, t.id),
        )
        now = utcnow()
        for item in ordered:
            if item.id in have_ids or (item.category, item.label.casefold()) in have_labels:
                continue
            need = NeedItem(
                client_id=client_id,
                category=item.category,
                label=item.label,
                status=INITIAL_STATUS,
                priority=None,
                next_step="",
                note_line="",
                template_item_id=item.id,
                created_at=now,
                updated_at=now,
            )
            _insert(s, need, user_id, day)
            created.append(need.id)
    return created


def update_need(
    vault: Vault,
    need_id: int,
    *,
    status: str | _Keep | None = KEEP,
    priority: str | _Keep | None = KEEP,
    next_step: str | _Keep | None = KEEP,
    due_date: date | _Keep | None = KEEP,
    note_line: str | _Keep | None = KEEP,
    resource_name: str | _Keep | None = KEEP,
    label: str | _Keep = KEEP,
    on: date | None = None,
) -> NeedView:
    """Change some fields of a need. A field left out stays as it is; None clears it.

    A status change adds a history row dated `on` (default today); setting the same status
    again adds nothing. Returns the need as saved.
    """
    values: dict[str, object] = {}
    if status is not KEEP and status is not None:
        values["status"] = need_status(status)
    if priority is not KEEP:
        values["priority"] = need_priority(priority)
    if next_step is not KEEP:
        values["next_step"] = one_line(next_step, LINE_MAX, QT_TR_NOOP("next step"))
    if due_date is not KEEP:
        check_plausible_date(due_date, QT_TR_NOOP("The due date"))
        values["due_date"] = due_date
    if note_line is not KEEP:
        values["note_line"] = one_line(note_line, LINE_MAX, QT_TR_NOOP("note"))
    if resource_name is not KEEP:
        values["resource_name"] = (
            one_line(resource_name, LINE_MAX, QT_TR_NOOP("resource or organization")) or None
        )
    if label is not KEEP:
        values["label"] = need_label(label)
    user_id = user_id_of(vault)
    with vault.write() as s:
        need = s.get(NeedItem, need_id)
        if need is None:
            raise InvalidInput(QT_TR_NOOP("That need was removed. The list will be refreshed."))
        changed = {k: v for k, v in values.items() if getattr(need, k) != v}
        if (
            "label" in changed
            and _same_need_label(s, need.client_id, need.category, str(changed["label"]), need_id)
            is not None
        ):
            raise InvalidInput(
                QT_TR_NOOP("This client already has a need with that name in this category.")
            )
        if not changed:
            return _view(need)
        for key, value in changed.items():
            setattr(need, key, value)
        need.updated_at = utcnow()
        if "status" in changed:
            _record_status(s, need, user_id, on)
            audit.record(s, user_id, "need_status_changed", "need", need_id)
        if set(changed) - {"status"}:
            audit.record(s, user_id, "need_edited", "need", need_id)
        if changed.get("resource_name"):
            # Linking a need to a resource or organization is a referral (counted in reports).
            referrals.record(
                s,
                vault,
                client_id=need.client_id,
                need_item_id=need.id,
                resource_name=str(changed["resource_name"]),
                on=on,
            )
        return _view(need)


def set_status(vault: Vault, need_id: int, status: str, on: date | None = None) -> NeedView:
    return update_need(vault, need_id, status=status, on=on)


def mark_declined(vault: Vault, need_id: int, on: date | None = None) -> NeedView:
    """The survivor decided not to pursue this: a neutral outcome, revisitable at any time."""
    return update_need(vault, need_id, status="declined", on=on)


def get_need(vault: Vault, need_id: int) -> NeedView | None:
    with vault.read() as s:
        need = s.get(NeedItem, need_id)
        return _view(need) if need is not None else None


def list_needs(vault: Vault, client_id: int) -> list[NeedView]:
    """A client's needs in category order (vocab), then template position, then as added."""
    with vault.read() as s:
        rows = list(
            s.execute(
                select(NeedItem, ChecklistTemplateItem.position)
                .outerjoin(
                    ChecklistTemplateItem, ChecklistTemplateItem.id == NeedItem.template_item_id
                )
                .where(NeedItem.client_id == client_id)
            ).all()
        )
    big = 1 << 30  # the advocate's own items come after the template's, in the order added
    rows.sort(
        key=lambda r: (
            CATEGORY_ORDER.get(r[0].category, len(CATEGORY_ORDER)),
            r[1] if r[1] is not None else big,
            r[0].id,
        )
    )
    return [_view(n) for n, _position in rows]


def status_history(vault: Vault, need_id: int) -> list[StatusChange]:
    """Oldest first: the first entry is the status the need was created with."""
    with vault.read() as s:
        rows = s.execute(
            select(NeedStatusChange, User.name)
            .outerjoin(User, User.id == NeedStatusChange.user_id)
            .where(NeedStatusChange.need_item_id == need_id)
            .order_by(NeedStatusChange.changed_at, NeedStatusChange.id)
        ).all()
    return [StatusChange(c.status, c.changed_on, c.changed_at, name) for c, name in rows]


def delete_need(vault: Vault, need_id: int) -> None:
    """Remove a need added by mistake, with its history. (Declining is not deleting.)"""
    with vault.write() as s:
        need = s.get(NeedItem, need_id)
        if need is None:
            return
        s.execute(delete(NeedStatusChange).where(NeedStatusChange.need_item_id == need_id))
        s.delete(need)
        audit.record(s, user_id_of(vault), "need_deleted", "need", need_id)


__all__ = [
    "KEEP",
    "LABEL_MAX",
    "LINE_MAX",
    "NeedView",
    "StatusChange",
    "TemplateItem",
    "add_need",
    "add_needs_from_template",
    "add_template_item",
    "delete_need",
    "ensure_template",
    "get_need",
    "is_overdue",
    "list_needs",
    "mark_declined",
    "overdue_clause",
    "rename_template_item",
    "restore_template_item",
    "retire_template_item",
    "set_status",
    "status_history",
    "template",
    "template_problem",
    "update_need",
]
