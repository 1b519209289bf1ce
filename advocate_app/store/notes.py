"""Notes: a per-client timeline, edits marked (no hidden revisions), and full-text search."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.searchtext import marks
from advocate_app.searchtext import terms as q
from advocate_app.store import audit
from advocate_app.store.checks import check_plausible_date
from advocate_app.store.errors import InvalidInput
from advocate_app.store.models import Client, Note, NoteService, User, utcnow
from advocate_app.store.query import index_connection, ranked_matches
from advocate_app.store.vault import Vault
from advocate_app.store.voca_fields import check_services, record_note_services
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
        raise InvalidInput(QT_TR_NOOP("Choose what kind of note this is."))
    body = body.strip()
    if not body:
        raise InvalidInput(QT_TR_NOOP("The note is empty."))
    if len(body) > NOTE_MAX_CHARS:
        raise InvalidInput(
            QT_TR_NOOP(
                "This note is longer than {0} characters. Keep notes short and "
                "factual; split it if you must."
            ),
            f"{NOTE_MAX_CHARS:,}",
        )
    return body


def add_note(
    vault: Vault,
    client_id: int,
    kind: str,
    body: str,
    at: datetime | None = None,
    services: Iterable[str] = (),
) -> int:
    """Save a note, with the VOCA services it records (codes of store.pmt_form), at once."""
    body = _check(kind, body)
    services = check_services(services)
    check_plausible_date(at, QT_TR_NOOP("The note's date"))
    user = vault.current_user
    when = at or utcnow()
    with vault.write() as s:
        if s.get(Client, client_id) is None:
            raise InvalidInput(QT_TR_NOOP("That client record no longer exists."))
        note = Note(client_id=client_id, author_id=user.id, kind=kind, body=body, created_at=when)
        s.add(note)
        s.flush()
        if services:
            record_note_services(s, note, services)
        s.execute(
            update(Client)
            .where(Client.id == client_id)
            .where((Client.last_contact_at.is_(None)) | (Client.last_contact_at < when))
            .values(last_contact_at=when)
        )
        audit.record(s, user.id, "note_added", "note", note.id)
        return note.id


def edit_note(
    vault: Vault, note_id: int, kind: str, body: str, services: Iterable[str] | None = None
) -> None:
    """Replace the text and mark the note edited. No earlier version is kept. `services`, when
    given, replaces the VOCA services the note records, in the same transaction."""
    body = _check(kind, body)
    codes = None if services is None else check_services(services)
    with vault.write() as s:
        note = s.get(Note, note_id)
        if note is None:
            raise InvalidInput(QT_TR_NOOP("That note no longer exists."))
        if codes is not None:
            before = set(
                s.scalars(select(NoteService.service).where(NoteService.note_id == note_id))
            )
            if before != set(codes):
                record_note_services(s, note, codes)
                audit.record(s, vault.current_user.id, "note_services_set", "note", note_id)
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
            select(Note, User.name)
            .outerjoin(User, User.id == Note.author_id)
            .where(Note.client_id == client_id)
            .order_by(Note.created_at.desc(), Note.id.desc())
            .limit(limit)
        )
        return [
            NoteView(n.id, n.client_id, name, n.created_at, n.kind, n.body, n.edited_at)
            for n, name in rows
        ]


def get_note(vault: Vault, note_id: int) -> NoteView | None:
    with vault.read() as s:
        row = s.execute(
            select(Note, User.name)
            .outerjoin(User, User.id == Note.author_id)
            .where(Note.id == note_id)
        ).first()
        if row is None:
            return None
        n, name = row
        return NoteView(n.id, n.client_id, name, n.created_at, n.kind, n.body, n.edited_at)


@dataclass(frozen=True)
class NoteSearch:
    hits: list[NoteHit]
    # So many notes matched that the first page shows the newest of them (by when they were
    # recorded), not the best: call again with full_ranking=True for the ranked page.
    newest_first: bool = False
    searched_for: str = ""  # after a typo was corrected: the terms searched
    typed: str = ""  # … and what the person typed
    with_every_term: int = 0  # the first this many hits have every term; the rest some


# Ranking reads every matching row (BM25 needs them all). Up to this many matches the first page
# is ranked at once; beyond it (0.5% of the benchmark's 200,000 notes) the newest matches show
# first, which FTS5 reads in rowid order and stops early, while the full ranking runs.
NEWEST_FIRST_OVER = 1_000

_CLIENT_FILTER = "AND rowid IN (SELECT id FROM notes WHERE client_id = :client_id) "
_SQL_FIRST = (
    "SELECT rowid FROM notes_fts WHERE notes_fts MATCH :match "
    "{client} ORDER BY rowid DESC LIMIT :cap"
)
_SQL_RANKED = (
    "SELECT rowid FROM notes_fts WHERE notes_fts MATCH :match "
    "{client} ORDER BY bm25(notes_fts) LIMIT :limit"
)
_SQL_ANY = "SELECT 1 FROM notes_fts WHERE notes_fts MATCH :match LIMIT 1"
_SQL_DETAILS = (
    "SELECT n.id, n.client_id, c.alias, n.created_at, n.kind, n.body "
    "FROM notes n JOIN clients c ON c.id = n.client_id WHERE n.id IN ({ids})"
)
_SQL_WORD = "SELECT 1 FROM notes_fts_vocab WHERE term = :term"
_SQL_SPELLED = (
    "SELECT highlight(notes_fts, 0, char(2), char(3)) FROM notes_fts "
    "WHERE notes_fts MATCH :match LIMIT 1"
)
_SQL_VOCAB = "SELECT term, doc FROM notes_fts_vocab WHERE term >= :low AND term < :high"


def search_notes(
    vault: Vault, text_: str, *, client_id: int | None = None, limit: int = 50
) -> list[NoteHit]:
    """Ranked note matches with highlighted snippets; never raises for any text typed."""
    return find_notes(vault, text_, client_id=client_id, limit=limit, full_ranking=True).hits


def find_notes(
    vault: Vault,
    text_: str,
    *,
    client_id: int | None = None,
    limit: int = 50,
    full_ranking: bool = False,
    correct: bool = True,
    snippet_words: int = 14,
) -> NoteSearch:
    """One page of notes for what a person typed.

    Notes with every term come first, ranked by BM25; when fewer than a page have them all,
    notes with some of the terms follow. Ids are found first from the index alone; bodies are
    read and highlighted only for the page returned. A term that matches no note is corrected
    against the index's own words. Raises SearchFailed (logged without the text) if the index
    cannot be read.
    """
    query = q.parse(text_)
    if not query:
        return NoteSearch([])
    with index_connection(vault, "note") as conn:
        return _find(conn, query, text_, client_id, limit, full_ranking, correct, snippet_words)


def _find(
    conn: Any,
    query: q.Query,
    typed: str,
    client_id: int | None,
    limit: int,
    full_ranking: bool,
    correct: bool,
    snippet_words: int,
) -> NoteSearch:
    params: dict[str, object] = {"limit": limit, "cap": NEWEST_FIRST_OVER}
    client = ""
    if client_id is not None:
        client = _CLIENT_FILTER
        params["client_id"] = client_id
    first = _SQL_FIRST.format(client=client)
    ranked = _SQL_RANKED.format(client=client)

    def page(match: str, exclude: set[int], want: int) -> tuple[list[tuple[Any, ...]], bool]:
        if full_ranking:
            rows = conn.execute(ranked, {**params, "match": match, "limit": want + len(exclude)})
            return [r for r in rows if r[0] not in exclude][:want], False
        # Ids alone, newest first, up to the cap: reading them is cheap; only when fewer match
        # is the ranking (BM25 over every match) run, and then it is cheap too.
        rows = conn.execute(first, {**params, "match": match}).fetchall()
        if len(rows) >= NEWEST_FIRST_OVER:
            return [r for r in rows if r[0] not in exclude][:want], True
        if not rows:
            return [], False
        rows = conn.execute(ranked, {**params, "match": match, "limit": want + len(exclude)})
        return [r for r in rows if r[0] not in exclude][:want], False

    found = ranked_matches(
        query, page, limit, correct=(lambda qq: _corrected(conn, qq)) if correct else None
    )
    hits = _details(conn, [r[0] for r in found.rows], found.query, snippet_words)
    if found.corrected:
        return NoteSearch(
            hits,
            found.newest_first,
            found.query.text,
            " ".join(q.words(typed)),
            found.with_every_term,
        )
    return NoteSearch(hits, found.newest_first, with_every_term=found.with_every_term)


def _corrected(conn: Any, query: q.Query) -> tuple[q.Query, bool]:
    """The query with each term that matches no note replaced by the closest word the notes
    hold ("safty" → "safety", "obrien" → "o brien"); and whether anything changed."""
    changed = False
    for i, term in enumerate(query.terms):
        if len(term.typed) > 1:
            continue
        if conn.execute(_SQL_ANY, {"match": q.term_expression(term, q.as_typed)}).fetchone():
            continue
        word = term.typed[0]
        split = q.split_words(
            word,
            lambda w: conn.execute(_SQL_WORD, {"term": q.stem(w, "porter")}).fetchone() is not None,
        )
        if split is not None:
            query = query.replaced(i, q.Term(term.typed, (*term.forms, split), term.prefix))
            continue
        # The index holds porter stems: compare stems, then show the word as a note spells it.
        better = q.closest_word(q.stem(word, "porter"), _vocabulary_near(conn, word))
        if better is not None:
            shown = _spelled(conn, better) or better
            query = query.replaced(i, q.Term((shown,), ((shown,), (better,))))
            changed = True
    return query, changed


def _spelled(conn: Any, stemmed: str) -> str | None:
    """How a note spells an indexed stem ("safeti" → "safety"), read from one note."""
    row = conn.execute(_SQL_SPELLED, {"match": f'"{stemmed}"'}).fetchone()
    if row is None:
        return None
    marked = row[0].split(marks.MARK_START, 1)[-1].split(marks.MARK_END, 1)[0]
    words = q.words(marked)
    return words[0] if words else None


def _vocabulary_near(conn: Any, word: str) -> dict[str, int]:
    """Indexed words (porter stems) sharing the first letter with `word`, and how many notes
    hold each: a typo rarely changes the first letter, and this reads a slice of the
    vocabulary instead of all of it."""
    low = word[0]
    high = chr(ord(low) + 1)
    return {t: d for t, d in conn.execute(_SQL_VOCAB, {"low": low, "high": high})}


def _details(conn: Any, ids: list[int], query: q.Query, snippet_words: int) -> list[NoteHit]:
    if not ids:
        return []
    id_list = ",".join(str(int(i)) for i in ids)  # integers we just read, not user text
    found = {r[0]: r for r in conn.execute(_SQL_DETAILS.format(ids=id_list))}
    hits = []
    mark = q.Highlighter(query, "porter")
    for i in ids:
        if i not in found:
            continue
        nid, cid, alias, created, kind, body = found[i]
        marked = mark(body, snippet_words)
        snippet = (
            marks.snippet_to_html(marked)
            if marked is not None
            else html.escape(" ".join(body.split()[:snippet_words]))
        )
        hits.append(NoteHit(nid, cid, alias, _as_datetime(created), kind, snippet))
    return hits


def _as_datetime(value: object) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))
