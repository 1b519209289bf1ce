"""Clients: create, edit, close, list (paged, for a lazy list), find by alias, open (audited) and
destroy."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    delete,
    false,
    func,
    inspect,
    literal,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, QueryableAttribute, Session

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.searchtext import marks
from advocate_app.store import audit, summary_ledger
from advocate_app.store.client_search import ClientHit, search_clients
from advocate_app.store.errors import InvalidInput, NotAllowed
from advocate_app.store.models import AuditEvent, Base, Client, Note, User, utcnow
from advocate_app.store.sorting import sort_fold
from advocate_app.store.vault import Vault
from advocate_app.store.voca_fields import ReportingFields, reporting_columns
from advocate_app.store.vocab import AGE_GROUPS, TRAFFICKING_TYPES

ALIAS_MAX = 60


@dataclass
class ClientFields:
    """What a person fills in on the client form. Only the alias is required."""

    alias: str = ""
    intake_date: date | None = None
    age_group: str | None = None
    trafficking_type: str | None = None
    preferred_language: str | None = None
    interpreter_needed: bool = False
    contact_method: str | None = None
    safe_times: str | None = None
    ok_to_leave_message: bool | None = None
    code_word: str | None = None
    assigned_user_id: str | None = None


@dataclass(frozen=True)
class ClientRecord:
    id: int
    fields: ClientFields
    status: str
    closing_reason: str | None
    closed_on: date | None
    assigned_name: str | None
    last_contact_at: datetime | None


@dataclass(frozen=True)
class ClientRow:
    """One line of the client list."""

    id: int
    alias: str
    status: str
    intake_date: date | None
    assigned_name: str | None
    last_contact_at: datetime | None


@dataclass(frozen=True)
class ClientQuery:
    text: str = ""
    mine_only: bool = False
    status: str = "open"  # "open", "closed" or "all"
    sort: str = "alias"  # "alias", "intake", "last_contact"
    descending: bool = False
    user_id: str | None = field(default=None, compare=True)


_FIELD_NAMES = [f.name for f in fields(ClientFields)]


def _clean(values: ClientFields) -> ClientFields:
    alias = " ".join(values.alias.split())
    if not alias:
        raise InvalidInput(
            QT_TR_NOOP("Enter an alias: a code or first-name alias, not a legal name.")
        )
    if len(alias) > ALIAS_MAX:
        raise InvalidInput(QT_TR_NOOP("Keep the alias under {0} characters."), ALIAS_MAX)
    if values.age_group is not None and values.age_group not in AGE_GROUPS:
        raise InvalidInput(QT_TR_NOOP("Choose an age group from the list."))
    if values.trafficking_type is not None and values.trafficking_type not in TRAFFICKING_TYPES:
        raise InvalidInput(QT_TR_NOOP("Choose a trafficking type from the list."))
    if values.intake_date is not None and values.intake_date > date.today():
        raise InvalidInput(QT_TR_NOOP("The intake date cannot be in the future."))

    def opt(value: str | None, limit: int) -> str | None:
        if value is None:
            return None
        value = value.strip()
        return value[:limit] or None

    return ClientFields(
        alias=alias,
        intake_date=values.intake_date,
        age_group=values.age_group,
        trafficking_type=values.trafficking_type,
        preferred_language=opt(values.preferred_language, 60),
        interpreter_needed=bool(values.interpreter_needed),
        contact_method=opt(values.contact_method, 200),
        safe_times=opt(values.safe_times, 200),
        ok_to_leave_message=values.ok_to_leave_message,
        code_word=opt(values.code_word, 60),
        assigned_user_id=values.assigned_user_id or None,
    )


def _alias_taken() -> InvalidInput:
    return InvalidInput(
        QT_TR_NOOP(
            "Another open client already has this alias. Add a letter or number to tell them apart."
        )
    )


def create_client(
    vault: Vault, values: ClientFields, reporting: ReportingFields | None = None
) -> int:
    """A new client record, with its optional funder-report answers saved in the same
    transaction: when the answers are refused, no record is left behind."""
    values = _clean(values)
    user = vault.current_user
    with vault.write() as s:
        if _open_alias_exists(s, values.alias, None):
            raise _alias_taken()
        client = Client(status="open", **{n: getattr(values, n) for n in _FIELD_NAMES})
        for name, value in reporting_columns(reporting or ReportingFields()).items():
            setattr(client, name, value)
        if client.assigned_user_id is None:
            client.assigned_user_id = user.id
        s.add(client)
        try:
            s.flush()
        except IntegrityError as exc:  # a race with another window: same message
            raise _alias_taken() from exc
        audit.record(s, user.id, "client_created", "client", client.id)
        return client.id


def _open_alias_exists(s, alias: str, except_id: int | None) -> bool:  # type: ignore[no-untyped-def]
    query = select(Client.id).where(
        func.lower(Client.alias) == alias.lower(), Client.status == "open"
    )
    if except_id is not None:
        query = query.where(Client.id != except_id)
    return s.scalars(query.limit(1)).first() is not None


def _existing(s: Session, client_id: int) -> Client:
    client = s.get(Client, client_id)
    if client is None:
        raise InvalidInput(QT_TR_NOOP("That client record no longer exists."))
    return client


def update_client(vault: Vault, client_id: int, values: ClientFields) -> None:
    values = _clean(values)
    with vault.write() as s:
        client = _existing(s, client_id)
        if client.status == "open" and _open_alias_exists(s, values.alias, client_id):
            raise _alias_taken()
        for name in _FIELD_NAMES:
            setattr(client, name, getattr(values, name))
        try:
            s.flush()
        except IntegrityError as exc:  # a race with another window: same message
            raise _alias_taken() from exc
        audit.record(s, vault.current_user.id, "client_edited", "client", client_id)


def close_client(vault: Vault, client_id: int, reason: str, on: date | None = None) -> None:
    with vault.write() as s:
        client = _existing(s, client_id)
        client.status = "closed"
        client.closing_reason = reason.strip()[:200] or None
        client.closed_on = on or date.today()
        audit.record(s, vault.current_user.id, "client_closed", "client", client_id)


def reopen_client(vault: Vault, client_id: int) -> None:
    with vault.write() as s:
        client = _existing(s, client_id)
        if _open_alias_exists(s, client.alias, client_id):
            raise InvalidInput(
                QT_TR_NOOP("Another open client has this alias; change one of them first.")
            )
        client.status = "open"
        client.closing_reason = None
        client.closed_on = None
        audit.record(s, vault.current_user.id, "client_reopened", "client", client_id)


def open_client(vault: Vault, client_id: int) -> ClientRecord:
    """Read a client record for display; every open is an audit event."""
    with vault.write() as s:
        client = _existing(s, client_id)
        audit.record(s, vault.current_user.id, "client_opened", "client", client_id)
        assigned = s.get(User, client.assigned_user_id) if client.assigned_user_id else None
        return ClientRecord(
            id=client.id,
            fields=ClientFields(**{n: getattr(client, n) for n in _FIELD_NAMES}),
            status=client.status,
            closing_reason=client.closing_reason,
            closed_on=client.closed_on,
            assigned_name=assigned.name if assigned else None,
            last_contact_at=client.last_contact_at,
        )


def alias_of(vault: Vault, client_id: int) -> str | None:
    with vault.read() as s:
        return s.scalars(select(Client.alias).where(Client.id == client_id)).first()


# --- the list ---------------------------------------------------------------------------------


# A filter by alias words: when the words match more clients than this, a page reads the list's
# own index in its order and checks each entry against the matches (a membership probe), until
# the page is full; when they match fewer, the matching clients are read one by one and sorted.
# SQLite cannot tell the two apart (FTS5 gives it no estimate of how many rows match), and it
# always read them one by one: at 50,000 clients a one-letter filter ("A", 3,900 matches) took
# 55 ms, most of it decrypting the table's pages one lookup at a time; the index read takes
# 2-4 ms, and at worst (few matches, the whole index read) about 10 ms. Below this many matches
# reading them one by one costs less than that worst case.
FEW_MATCHES = 500


def _alias_words(query: ClientQuery) -> str | None:
    """The FTS5 expression for the filter's words, or None when it has none."""
    if not query.text.strip():
        return None
    return marks.fts_query(query.text[:ALIAS_MAX]) or ""


def _many_match(s: Session, words: str | None) -> bool:
    """Whether the filter's words match more than FEW_MATCHES clients (counted in the FTS
    index alone: a millisecond or two for a one-letter prefix at 50,000 clients)."""
    if not words:
        return False
    found = s.execute(
        text(
            "SELECT count(*) FROM (SELECT 1 FROM clients_fts WHERE clients_fts MATCH :alias_match "
            "LIMIT :over)"
        ),
        {"alias_match": words, "over": FEW_MATCHES + 1},
    ).scalar_one()
    return int(found) > FEW_MATCHES


def _filters(query: ClientQuery, many: bool = False) -> list[ColumnElement[bool]]:
    """The list's WHERE terms; many: the alias words match many clients (see FEW_MATCHES).

    With alias words, the terms are spelled to choose the plan: "+" before a column keeps
    SQLite from reading an index for that term. Few matches: the matches are looked up one by
    one (the status and advocate terms only check them; read from their indexes, SQLite went
    through every client of the advocate for a word that matched none, 30 ms at 50,000). Many:
    an index of the list's order is read and each entry checked against the matches."""
    words = _alias_words(query)
    few = words is not None and not many

    def column(attribute: InstrumentedAttribute[Any], plain: bool) -> ColumnElement[Any]:
        return attribute.expression if plain else literal_column(f"+clients.{attribute.key}")

    where: list[ColumnElement[bool]] = []
    if query.status in ("open", "closed"):
        where.append(column(Client.status, not few) == query.status)
    if query.mine_only and query.user_id:
        where.append(column(Client.assigned_user_id, not few) == query.user_id)
    if words is not None:
        # Words of the alias by prefix, through the FTS index: never a scan of the table.
        if not words:
            return [false()]
        where.append(
            column(Client.id, not many).in_(
                text(
                    "SELECT rowid FROM clients_fts WHERE clients_fts MATCH :alias_match"
                ).bindparams(alias_match=words)
            )
        )
    return where


def _list_query(query: ClientQuery, many: bool = False) -> Select:  # type: ignore[type-arg]
    return (
        select(
            Client.id,
            Client.alias,
            Client.status,
            Client.intake_date,
            User.name,
            Client.last_contact_at,
        )
        .outerjoin(User, User.id == Client.assigned_user_id)
        .where(*_filters(query, many))
    )


def count_clients(vault: Vault, query: ClientQuery) -> int:
    """How many clients the list holds: counted in an index of the filter, no row read (with
    alias words that match few clients, those few are looked up: see _filters)."""
    with vault.read() as s:
        many = _many_match(s, _alias_words(query))
        return int(
            s.execute(
                select(func.count()).select_from(Client).where(*_filters(query, many))
            ).scalar_one()
        )


def _sort_column(sort: str) -> ColumnElement[Any] | QueryableAttribute[Any]:
    if sort == "intake":
        return Client.intake_date
    if sort == "last_contact":
        return Client.last_contact_at
    return Client.alias_sort


def sort_key(row: ClientRow, sort: str) -> object:
    """The value a row is ordered by in the list (None sorts first ascending, last descending)."""
    if sort == "intake":
        return row.intake_date
    if sort == "last_contact":
        return row.last_contact_at
    return sort_fold(row.alias)


def list_clients(
    vault: Vault, query: ClientQuery, after: ClientRow | None = None, limit: int = 200
) -> list[ClientRow]:
    """One page of the list in SQL, the page after the row `after` (keyset paging).

    Rows are ordered by the sort key, then the id, both in the chosen direction; the next page
    continues from the last row's (key, id), never with OFFSET, so every page costs the same
    at any depth: an index range that starts where the previous page stopped. Indexes on
    (assigned user, status, key), (status, key), (assigned user, key) and (key) serve every
    filter and order without sorting the matching rows.

    Dates may be missing (NULL). SQLite puts NULLs first when ascending and last when
    descending, so the list is two segments, each one plain index range: the rows without a
    value (by id) and the rows with one (by key, id).
    """
    key = _sort_column(query.sort)
    desc = query.descending
    nullable = query.sort in ("intake", "last_contact")
    # Segments in list order: (is the NULL segment?)
    segments = [False] if not nullable else ([False, True] if desc else [True, False])
    start = 0
    after_key: object = None
    if after is not None:
        after_key = sort_key(after, query.sort)
        start = segments.index(nullable and after_key is None)
    rows: list[ClientRow] = []
    with vault.read() as s:
        base = _list_query(query, _many_match(s, _alias_words(query)))
        for position in range(start, len(segments)):
            if len(rows) >= limit:
                break
            null_segment = segments[position]
            stmt = base
            if nullable:
                stmt = stmt.where(key.is_(None) if null_segment else key.is_not(None))
            if after is not None and position == start:
                if null_segment:
                    stmt = stmt.where(Client.id < after.id if desc else Client.id > after.id)
                else:
                    # (key, id) after (k, i), spelled so that SQLite starts an index range at k:
                    # with a row value, (key COLLATE NOCASE, id) > (k, i), it scanned the index
                    # from its first entry and skipped every row of the pages before.
                    k = literal(after_key, key.type)
                    stmt = stmt.where(
                        and_(key <= k, or_(key < k, Client.id < after.id))
                        if desc
                        else and_(key >= k, or_(key > k, Client.id > after.id))
                    )
            order = [Client.id] if null_segment else [key, Client.id]
            stmt = stmt.order_by(*(c.desc() if desc else c.asc() for c in order))
            rows.extend(ClientRow(*row) for row in s.execute(stmt.limit(limit - len(rows))))
    return rows


def all_clients(vault: Vault, query: ClientQuery) -> list[ClientRow]:
    """Every row of the list, page by page (for tools and the demo, not the ui)."""
    rows: list[ClientRow] = []
    while True:
        page = list_clients(vault, query, rows[-1] if rows else None, 1000)
        rows.extend(page)
        if len(page) < 1000:
            return rows


# --- destroying a record ----------------------------------------------------------------------


# Which audit record_kind names rows of which table (only tables with a client_id column).
_AUDIT_KIND_OF_TABLE = {
    "notes": "note",
    "need_items": "need",
    "appointments": "appointment",
    "releases": "release",
    "referrals": "referral",
}


def destroy_client(vault: Vault, client_id: int, typed_confirmation: str) -> None:
    """At the survivor's request: remove every row that names them, then purge the WAL.

    The typed confirmation must be the client's alias. The audit log keeps only "a record was
    destroyed", with the user and the day: no record id, no time, no trail of earlier events.
    """
    user = vault.current_user
    with vault.write() as s:
        client = _existing(s, client_id)
        if typed_confirmation.strip().casefold() != client.alias.casefold():
            raise NotAllowed(QT_TR_NOOP("Type the client's alias exactly to confirm."))
        # Every table with a client_id column, children first (needs history before needs…).
        tables = [
            t
            for t in reversed(Base.metadata.sorted_tables)
            if "client_id" in t.c and t.name != "clients"
        ]
        # The audit events of the client and of everything that was theirs (notes, needs,
        # appointments, releases…) would still draw a dated timeline of one person: they go,
        # replaced by one entry that says only that a record was destroyed, and on which day.
        pointers: list[tuple[str, list[int]]] = [("client", [client_id])]
        for table in tables:
            kind = _AUDIT_KIND_OF_TABLE.get(table.name)
            if kind is not None:
                ids = list(s.scalars(select(table.c.id).where(table.c.client_id == client_id)))
                pointers.append((kind, ids))
        for kind, ids in pointers:
            for start in range(0, len(ids), 500):
                s.execute(
                    delete(AuditEvent).where(
                        AuditEvent.record_kind == kind,
                        AuditEvent.record_id.in_(ids[start : start + 500]),
                    )
                )
        for table in tables:
            s.execute(delete(table).where(table.c.client_id == client_id))
        s.execute(delete(Note).where(Note.client_id == client_id))
        s.execute(delete(Client).where(Client.id == client_id))
        summary_ledger.forget_client(s, client_id)
        s.add(
            AuditEvent(
                user_id=user.id,
                action="record_destroyed",
                record_kind=None,
                record_id=None,
                at=datetime.combine(utcnow().date(), time()),
            )
        )
    # Merge the FTS segments so no stale page keeps a word, then fold the WAL into the file.
    with vault.write() as s:
        s.execute(text("INSERT INTO notes_fts(notes_fts) VALUES('optimize')"))
        s.execute(text("INSERT INTO clients_fts(clients_fts) VALUES('optimize')"))
    vault.checkpoint()


def fts_integrity_ok(vault: Vault) -> bool:
    """FTS5's own 'integrity-check' on both indexes (raises inside SQLite when broken)."""
    from sqlalchemy.exc import DatabaseError

    try:
        with vault.write() as s:
            for fts in ("notes_fts", "clients_fts"):
                s.execute(text(f"INSERT INTO {fts}({fts}, rank) VALUES('integrity-check', 1)"))
    except DatabaseError:
        return False
    return True


def table_names_with_client_id(vault: Vault) -> list[str]:
    with vault.read() as s:
        insp = inspect(s.connection())
        return [
            t
            for t in insp.get_table_names()
            if any(c["name"] == "client_id" for c in insp.get_columns(t))
        ]


__all__ = [
    "ClientFields",
    "ClientHit",
    "ClientQuery",
    "ClientRecord",
    "ClientRow",
    "all_clients",
    "close_client",
    "count_clients",
    "create_client",
    "destroy_client",
    "list_clients",
    "open_client",
    "reopen_client",
    "search_clients",
    "sort_key",
    "update_client",
]
