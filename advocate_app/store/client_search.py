"""The search box's clients: aliases that hold every word typed, best first (re-exported by
store.clients, where the rest of a client's life is)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from advocate_app.searchtext import marks
from advocate_app.searchtext import terms as q
from advocate_app.store.query import index_connection, ranked_matches
from advocate_app.store.vault import Vault


@dataclass(frozen=True)
class ClientHit:
    client_id: int
    alias: str
    snippet_html: str  # escaped, the typed words in <b>; "· closed" after a closed client's alias


_SQL_SEARCH = (
    "SELECT rowid FROM clients_fts WHERE clients_fts MATCH :match "
    "ORDER BY bm25(clients_fts) LIMIT :limit"
)
_SQL_SEARCH_ROWS = "SELECT id, alias, status FROM clients WHERE id IN ({ids})"
_SQL_ALIAS_WORD = "SELECT 1 FROM clients_fts_vocab WHERE term = :term"


def search_clients(vault: Vault, query_text: str, limit: int = 10) -> list[ClientHit]:
    """Clients whose alias has every word typed (prefix for the last), best first, closed ones
    last; "OBrien" finds "O'Brien". Raises SearchFailed (logged without the text) if the index
    is unreadable."""
    query = q.parse(query_text, q.Synonyms(), prefix_last=True)  # aliases: no synonyms
    if not query:
        return []
    with index_connection(vault, "client") as conn:

        def fetch(match: str, exclude: set[Any], want: int) -> tuple[list[tuple[Any, ...]], bool]:
            rows = conn.execute(_SQL_SEARCH, {"match": match, "limit": want})
            return [r for r in rows if r[0] not in exclude], False

        found = ranked_matches(
            query,
            fetch,
            limit,
            some_terms=False,
            correct=lambda typed: (_alias_words_split(conn, typed), False),
        )
        ids = [r[0] for r in found.rows]
        if not ids:
            return []
        rows = {
            r[0]: r
            for r in conn.execute(_SQL_SEARCH_ROWS.format(ids=",".join(str(int(i)) for i in ids)))
        }
    ordered = sorted((rows[i] for i in ids if i in rows), key=lambda r: r[2] == "closed")
    hits = []
    for cid, alias, status in ordered:
        marked = q.highlight(alias, found.query, language="english", words_shown=8)
        snippet = marks.snippet_to_html(marked if marked is not None else alias)
        if status == "closed":
            snippet += " · closed"
        hits.append(ClientHit(cid, alias, snippet))
    return hits


def _alias_words_split(conn: Any, query: q.Query) -> q.Query:
    """ "OBrien": the alias holds the words "o" and "brien"; each typed word that the index
    holds split in two is searched that way too."""
    terms = list(query.terms)
    for i, term in enumerate(terms):
        word = term.typed[0]
        if len(term.typed) > 1 or len(word) < 3:
            continue
        split = q.split_words(
            word, lambda w: conn.execute(_SQL_ALIAS_WORD, {"term": w}).fetchone() is not None
        )
        if split is not None:
            terms[i] = q.Term(term.typed, (*term.forms, split), term.prefix)
    return q.Query(tuple(terms))


__all__ = ["ClientHit", "search_clients"]
