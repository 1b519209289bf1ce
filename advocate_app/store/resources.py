"""The resource directory: national and statewide entries shipped with the app, and the office's
own local entries kept in the vault (editable by anyone)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.library.resources import ShippedResource, load_shipped_resources
from advocate_app.paths import assets_dir
from advocate_app.searchtext import marks
from advocate_app.searchtext import terms as q
from advocate_app.store import audit
from advocate_app.store.errors import InvalidInput
from advocate_app.store.models import Resource, utcnow
from advocate_app.store.query import index_connection, ranked_matches
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import RESOURCE_CATEGORIES


@dataclass(frozen=True)
class ResourceFields:
    name: str
    category: str
    phone: str = ""
    hours: str = ""
    languages: str = ""
    county: str = ""
    notes: str = ""


@dataclass(frozen=True)
class ResourceEntry:
    """One line of the directory. `id` is None for shipped entries (read-only)."""

    id: int | None
    fields: ResourceFields

    @property
    def local(self) -> bool:
        return self.id is not None

    @property
    def name(self) -> str:
        return self.fields.name


@dataclass(frozen=True)
class ResourceHit:
    id: int
    name: str
    snippet_html: str


@lru_cache(maxsize=1)
def shipped() -> tuple[ShippedResource, ...]:
    try:
        return tuple(load_shipped_resources(assets_dir() / "resources" / "shipped.toml"))
    except (OSError, ValueError):
        return ()


def _from_shipped(r: ShippedResource) -> ResourceEntry:
    phone = r.phone or ""
    if r.text:
        phone = f"{phone} (text {r.text})".strip()
    return ResourceEntry(
        None, ResourceFields(r.name, r.category, phone, r.hours, r.languages, r.county, r.notes)
    )


def _clean(values: ResourceFields) -> ResourceFields:
    name = " ".join(values.name.split())
    if not name:
        raise InvalidInput(QT_TR_NOOP("Enter the resource's name."))
    if values.category not in RESOURCE_CATEGORIES:
        raise InvalidInput(QT_TR_NOOP("Choose a category from the list."))

    def line(value: str, limit: int) -> str:
        return " ".join(value.split())[:limit]

    return ResourceFields(
        name[:200],
        values.category,
        line(values.phone, 60),
        line(values.hours, 200),
        line(values.languages, 200),
        line(values.county, 100),
        values.notes.strip()[:4000],
    )


def _entry(r: Resource) -> ResourceEntry:
    return ResourceEntry(
        r.id, ResourceFields(r.name, r.category, r.phone, r.hours, r.languages, r.county, r.notes)
    )


def _flush_unique_name(s: Session) -> None:
    """Write the row now, so a name another local resource has is refused in words."""
    try:
        s.flush()
    except IntegrityError as exc:
        raise InvalidInput(QT_TR_NOOP("There is already a local resource with that name.")) from exc


def add_resource(vault: Vault, values: ResourceFields) -> int:
    values = _clean(values)
    if any(s.name.casefold() == values.name.casefold() for s in shipped()):
        raise InvalidInput(
            QT_TR_NOOP("That name is already in the shipped directory; use a local name.")
        )
    with vault.write() as s:
        resource = Resource(**values.__dict__)
        s.add(resource)
        _flush_unique_name(s)
        audit.record(s, vault.current_user.id, "resource_added", "resource", resource.id)
        return resource.id


def update_resource(vault: Vault, resource_id: int, values: ResourceFields) -> None:
    values = _clean(values)
    with vault.write() as s:
        resource = s.get(Resource, resource_id)
        if resource is None:
            raise InvalidInput(QT_TR_NOOP("That resource was removed."))
        for key, value in values.__dict__.items():
            setattr(resource, key, value)
        resource.updated_at = utcnow()
        _flush_unique_name(s)
        audit.record(s, vault.current_user.id, "resource_edited", "resource", resource_id)


def delete_resource(vault: Vault, resource_id: int) -> None:
    with vault.write() as s:
        resource = s.get(Resource, resource_id)
        if resource is not None:
            s.delete(resource)
            audit.record(s, vault.current_user.id, "resource_removed", "resource", resource_id)


def local_resources(vault: Vault) -> list[ResourceEntry]:
    with vault.read() as s:
        return [_entry(r) for r in s.scalars(select(Resource).order_by(func.lower(Resource.name)))]


def directory(vault: Vault) -> list[ResourceEntry]:
    """Local entries first (the office knows its county best), then the shipped ones."""
    return local_resources(vault) + [_from_shipped(r) for r in shipped()]


def category_of(vault: Vault, name: str) -> tuple[int | None, str] | None:
    """(local id or None, category) of a directory entry with this name, if there is one."""
    wanted = " ".join(name.split()).casefold()
    with vault.read() as s:
        row = s.execute(
            select(Resource.id, Resource.category).where(func.lower(Resource.name) == wanted)
        ).first()
    if row is not None:
        return row[0], row[1]
    for r in shipped():
        if r.name.casefold() == wanted:
            return None, r.category
    return None


# Name ≫ category ≫ notes. Every name here is ours; the person's text is the bound :match.
_SQL_SEARCH = (
    "SELECT r.id, r.name, snippet(resources_fts, -1, char(2), char(3), '"
    + marks.ELLIPSIS
    + "', 10) "
    "FROM resources_fts JOIN resources r ON r.id = resources_fts.rowid "
    "WHERE resources_fts MATCH :match ORDER BY bm25(resources_fts, 10.0, 2.0, 1.0) LIMIT :limit"
)


def search_resources(vault: Vault, query_text: str, limit: int = 8) -> list[ResourceHit]:
    """The office's own entries for what a person typed, best first, with a highlighted line.
    Never raises for any text; raises SearchFailed if the index cannot be read."""
    query = q.parse(query_text)
    if not query:
        return []
    with index_connection(vault, "resource") as conn:

        def fetch(match: str, exclude: set[Any], want: int) -> tuple[list[tuple[Any, ...]], bool]:
            rows = conn.execute(_SQL_SEARCH, {"match": match, "limit": want + len(exclude)})
            return [tuple(r) for r in rows if r[0] not in exclude][:want], False

        found = ranked_matches(query, fetch, limit)
    return [ResourceHit(r[0], r[1], marks.snippet_to_html(r[2])) for r in found.rows]
