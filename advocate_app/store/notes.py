"""Notes: a per-client timeline, edits marked (no hidden revisions), and full-text search."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text, update
from sqlalchemy.exc import OperationalError

from advocate_app.store import audit, search
from advocate_app.store.checks import check_plausible_date
from advocate_app.store.errors import InvalidInput
from advocate_app.store.models import Client, Note, User, utcnow
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import NOTE_KINDS

NOTE_MAX_CHARS = 20_000


@dataclass(frozen=True)
class NoteView:
    id: int
    client_id: int
    author_name: str | None
    created_at: datetime
    kind: str
    body: str
    edited_at: datetime | None


@dataclass(frozen=True)
class NoteHit:
    note_id: int
    client_id: int
    alias: str
    created_at: datetime
    kind: str
    snippet_html: str


def _check(kind: str, body: str) -> str:
    if kind not in NOTE_KINDS:
        raise InvalidInput("Choose what kind of note this is.")
    body = body.strip()
    if not body:
        raise InvalidInput("The note is empty.")
    if len(body) > NOTE_MAX_CHARS:
        raise InvalidInput(
            f"This note is longer than {NOTE_MAX_CHARS:,} characters. Keep notes short and "
            "factual; split it if you must."
        )
    return body


def add_note(vault: Vault, client_id: int, kind: str, body: str,
             at: datetime | None = None) -> int:
    body = _check(kind, body)
    check_plausible_date(at, "the note's date")
    user = vault.current_user
    when = at or utcnow()
    with vault.write() as s:
        if s.get(Client, client_id) is None:
            raise InvalidInput("That client record no longer exists.")
        note = Note(client_id=client_id, author_id=user.id, kind=kind, body=body,
                    created_at=when)
        s.add(note)
        s.flush()
        s.execute(
            update(Client).where(Client.id == client_id)
            .where((Client.last_contact_at.is_(None)) | (Client.last_contact_at < when))
            .values(last_contact_at=when)
        )
        audit.record(s, user.id, "note_added", "note", note.id)
        return note.id


def edit_note(vault: Vault, note_id: int, kind: str, body: str) -> None:
    """Replace the text and mark the note edited. No earlier version is kept."""
    body = _check(kind, body)
    with vault.write() as s:
        note = s.get(Note, note_id)
        if note is None:
            raise InvalidInput("That note no longer exists.")
        if note.body == body and note.kind == kind:
            return
        note.body = body
        note.kind = kind
        note.edited_at = utcnow()
        audit.record(s, vault.current_user.id, "note_edited", "note", note_id)


def list_notes(vault: Vault, client_id: int, limit: int = 500) -> list[NoteView]:
    """Newest first."""
    with vault.read() as s:
        rows = s.execute(
            select(Note, User.name).outerjoin(User, User.id == Note.author_id)
            .where(Note.client_id == client_id)
            .order_by(Note.created_at.desc(), Note.id.desc()).limit(limit)
        )
        return [NoteView(n.id, n.client_id, name, n.created_at, n.kind, n.body, n.edited_at)
                for n, name in rows]


def get_note(vault: Vault, note_id: int) -> NoteView | None:
    with vault.read() as s:
        row = s.execute(
            select(Note, User.name).outerjoin(User, User.id == Note.author_id)
            .where(Note.id == note_id)
        ).first()
        if row is None:
            return None
        n, name = row
        return NoteView(n.id, n.client_id, name, n.created_at, n.kind, n.body, n.edited_at)


def search_notes(vault: Vault, text_: str, *, client_id: int | None = None,
                 limit: int = 50) -> list[NoteHit]:
    """Ranked (BM25) note matches with highlighted snippets; never raises for any input."""
    match = search.fts_query(text_)
    if match is None:
        return []
    # Two steps, so the costly parts run only for the hits shown: first the best `limit`
    # note ids by BM25 (the index alone), then their details and snippets. Only fixed names
    # are formatted into the SQL; the person's text is the bound :match parameter.
    rank_sql = "SELECT rowid FROM notes_fts WHERE notes_fts MATCH :match "
    params: dict[str, object] = {"match": match, "limit": limit}
    if client_id is not None:
        rank_sql += "AND rowid IN (SELECT id FROM notes WHERE client_id = :client_id) "
        params["client_id"] = client_id
    rank_sql += "ORDER BY bm25(notes_fts) LIMIT :limit"
    detail_sql = (
        "SELECT n.id, n.client_id, c.alias, n.created_at, n.kind, "  # noqa: S608
        f"{search.snippet_sql('notes_fts', 0)} "
        "FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid "
        "JOIN clients c ON c.id = n.client_id "
        "WHERE notes_fts MATCH :match AND notes_fts.rowid IN ({ids})"
    )
    try:
        with vault.read() as s:
            ids = [int(r[0]) for r in s.execute(text(rank_sql), params)]
            if not ids:
                return []
            id_list = ",".join(str(i) for i in ids)  # integers we just read, not user text
            found = {r[0]: r for r in s.execute(text(detail_sql.format(ids=id_list)),
                                                {"match": match})}
    except OperationalError:
        # fts_query only emits quoted words, so this cannot come from the person's text; an
        # unusable index is reported by the integrity check, not as a search error.
        return []
    rows = [found[i] for i in ids if i in found]
    return [
        NoteHit(r[0], r[1], r[2], _as_datetime(r[3]), r[4], search.snippet_to_html(r[5]))
        for r in rows
    ]


def _as_datetime(value: object) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))
