"""The office's needs checklist: seeded from the shipped file, edited by supervisors; items are
retired, never deleted, so needs copied from them keep their history."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from advocate_app.i18n import QT_TR_NOOP, Marked
from advocate_app.paths import assets_dir
from advocate_app.store import audit
from advocate_app.store.checklist_file import (
    ADDED_IN_REVISION,
    TEMPLATE_REVISION,
    ChecklistFileError,
    load_default_template,
)
from advocate_app.store.errors import InvalidInput
from advocate_app.store.models import (
    ChecklistTemplateItem,
    Meta,
    utcnow,
)
from advocate_app.store.need_rules import (
    CATEGORY_ORDER,
    need_category,
    need_label,
    require_supervisor,
    user_id_of,
)
from advocate_app.store.vault import Vault

# Meta keys: whether the template was seeded, and why the shipped file could not be used then.
_SEEDED_KEY = "checklist_template_seeded"
_PROBLEM_KEY = "checklist_template_problem"
# The shipped template revision the vault's template includes (absent: revision 1, the first).
_REVISION_KEY = "checklist_template_revision"


@dataclass(frozen=True)
class TemplateItem:
    id: int
    category: str
    label: str
    position: int
    retired: bool


# --- the template -----------------------------------------------------------------------------


def default_template_path() -> Path:
    return assets_dir() / "checklists" / "default.toml"


def _problem(stored: str | None) -> Marked | str | None:
    """The stored reason, translated when shown; an older vault's English text as it is."""
    if not stored:
        return None
    error = ChecklistFileError.from_stored(stored)
    return error.marked if error is not None else stored


def ensure_template(vault: Vault, path: Path | None = None) -> Marked | str | None:
    """Seed the vault's template from the shipped file the first time it is needed.

    Returns why the file could not be used (naming the file and line; a Marked sentence read in
    the language shown, or an older vault's English text) when the built-in defaults were
    seeded instead, or None. Seeding happens once; later calls only report the
    problem recorded then, so a supervisor can be told about it. A vault seeded from an older
    shipped template gets the items added since, once (see checklist_file.ADDED_IN_REVISION).
    """
    with vault.read() as s:
        seeded = s.get(Meta, _SEEDED_KEY) is not None
        problem = s.get(Meta, _PROBLEM_KEY)
        problem_value = problem.value if problem else None
        revision = _template_revision(s)
    if seeded:
        if revision < TEMPLATE_REVISION:
            _add_shipped_items_since(vault, revision)
        return _problem(problem_value)
    # Read the file before the write transaction: a slow disk never holds the write lock.
    content, error = load_default_template(path or default_template_path())
    problem_text = error.to_stored() if error is not None else None
    with vault.write() as s:
        if s.get(Meta, _SEEDED_KEY) is not None:  # another window got there first
            row = s.get(Meta, _PROBLEM_KEY)
            return _problem(row.value if row else None)
        for category, labels in content.items():
            for position, text in enumerate(labels):
                s.add(
                    ChecklistTemplateItem(
                        category=category, label=text, position=position, retired=False
                    )
                )
        s.add(Meta(key=_SEEDED_KEY, value=utcnow().isoformat(timespec="seconds")))
        _set_template_revision(s, TEMPLATE_REVISION)
        if problem_text:
            s.add(Meta(key=_PROBLEM_KEY, value=problem_text))
        user = vault.user
        audit.record(s, user.id if user else None, "checklist_template_seeded")
    return _problem(problem_text)


def _template_revision(s: Session) -> int:
    row = s.get(Meta, _REVISION_KEY)
    try:
        return int(row.value) if row is not None else 1
    except ValueError:
        return 1  # an unreadable mark: offering the additions again adds only what is missing


def _set_template_revision(s: Session, revision: int) -> None:
    row = s.get(Meta, _REVISION_KEY)
    if row is None:
        s.add(Meta(key=_REVISION_KEY, value=str(revision)))
    else:
        row.value = str(revision)


def _add_shipped_items_since(vault: Vault, revision: int) -> None:
    """Offer a vault seeded from an older template the items shipped since, once.

    An item is added only when the category has nothing with that wording, retired items
    included: what a supervisor renamed, retired or wrote themselves stays as they left it.
    New items go after the category's existing ones.
    """
    with vault.write() as s:
        revision = _template_revision(s)  # another window may have done this meanwhile
        if revision >= TEMPLATE_REVISION:
            return
        added = 0
        for number in range(revision + 1, TEMPLATE_REVISION + 1):
            for category, labels in ADDED_IN_REVISION.get(number, {}).items():
                existing = {
                    label.casefold()
                    for label in s.scalars(
                        select(ChecklistTemplateItem.label).where(
                            ChecklistTemplateItem.category == category
                        )
                    )
                }
                last = s.scalar(
                    select(func.max(ChecklistTemplateItem.position)).where(
                        ChecklistTemplateItem.category == category
                    )
                )
                position = (last + 1) if last is not None else 0
                for text in labels:
                    if text.casefold() in existing:
                        continue
                    s.add(
                        ChecklistTemplateItem(
                            category=category, label=text, position=position, retired=False
                        )
                    )
                    existing.add(text.casefold())
                    position += 1
                    added += 1
        _set_template_revision(s, TEMPLATE_REVISION)
        if added:
            user = vault.user
            audit.record(s, user.id if user else None, "checklist_template_updated")


def template_problem(vault: Vault) -> Marked | str | None:
    """Why the shipped checklist file was not used when the template was seeded, if it wasn't."""
    return ensure_template(vault)


def template(vault: Vault, include_retired: bool = False) -> list[TemplateItem]:
    """The office's template, in category order (vocab) then position."""
    ensure_template(vault)
    with vault.read() as s:
        query = select(ChecklistTemplateItem)
        if not include_retired:
            query = query.where(ChecklistTemplateItem.retired.is_(False))
        rows = [
            TemplateItem(r.id, r.category, r.label, r.position, bool(r.retired))
            for r in s.scalars(query)
        ]
    rows.sort(key=lambda t: (CATEGORY_ORDER.get(t.category, len(CATEGORY_ORDER)), t.position, t.id))
    return rows


def _label_taken_in_template(
    s: Session, category: str, text: str, except_id: int | None = None
) -> bool:
    query = select(ChecklistTemplateItem.id).where(
        ChecklistTemplateItem.category == category,
        func.lower(ChecklistTemplateItem.label) == text.lower(),
        ChecklistTemplateItem.retired.is_(False),
    )
    if except_id is not None:
        query = query.where(ChecklistTemplateItem.id != except_id)
    return s.scalars(query.limit(1)).first() is not None


def add_template_item(vault: Vault, category: str, label: str) -> int:
    require_supervisor(vault)
    category, text = need_category(category), need_label(label)
    ensure_template(vault)
    with vault.write() as s:
        if _label_taken_in_template(s, category, text):
            raise InvalidInput(QT_TR_NOOP("This checklist already has that item in this category."))
        last = s.scalar(
            select(func.max(ChecklistTemplateItem.position)).where(
                ChecklistTemplateItem.category == category
            )
        )
        item = ChecklistTemplateItem(
            category=category,
            label=text,
            position=(last + 1) if last is not None else 0,
            retired=False,
        )
        s.add(item)
        s.flush()
        audit.record(s, user_id_of(vault), "template_item_added", "template_item", item.id)
        return item.id


def rename_template_item(vault: Vault, item_id: int, label: str) -> None:
    """Future suggestions use the new wording; clients' existing needs keep theirs."""
    require_supervisor(vault)
    text = need_label(label)
    with vault.write() as s:
        item = s.get(ChecklistTemplateItem, item_id)
        if item is None:
            raise InvalidInput(QT_TR_NOOP("That checklist item no longer exists."))
        if item.label == text:
            return
        if _label_taken_in_template(s, item.category, text, except_id=item_id):
            raise InvalidInput(QT_TR_NOOP("This checklist already has that item in this category."))
        item.label = text
        audit.record(s, user_id_of(vault), "template_item_renamed", "template_item", item_id)


def retire_template_item(vault: Vault, item_id: int) -> None:
    """No longer suggested. Clients who already have this need keep it, unchanged."""
    _set_retired(vault, item_id, True)


def restore_template_item(vault: Vault, item_id: int) -> None:
    """Suggest a retired item again (undoes retire_template_item)."""
    _set_retired(vault, item_id, False)


def _set_retired(vault: Vault, item_id: int, retired: bool) -> None:
    require_supervisor(vault)
    with vault.write() as s:
        item = s.get(ChecklistTemplateItem, item_id)
        if item is None:
            raise InvalidInput(QT_TR_NOOP("That checklist item no longer exists."))
        if bool(item.retired) == retired:
            return
        if not retired and _label_taken_in_template(s, item.category, item.label, item_id):
            raise InvalidInput(
                QT_TR_NOOP(
                    "The checklist already has an item with this name in "
                    "this "
                    "category. Rename one of them first."
                )
            )
        item.retired = retired
        audit.record(
            s,
            user_id_of(vault),
            "template_item_retired" if retired else "template_item_restored",
            "template_item",
            item_id,
        )
