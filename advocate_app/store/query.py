"""Ranked matches in the vault's FTS5 indexes: the one helper every kind of record searches with.

Each kind owns its search function and its SQL (notes.find_notes, clients.search_clients,
resources.search_resources); this module owns what they share. Rows with every term come first,
in the index's own order; when fewer than a page have them all, rows with some of the terms
follow. A term that matches nothing may first be corrected, the way the caller says. Only
double-quoted words built by advocate_app.searchtext ever reach MATCH, so an error here is the
index or the disk, never the text typed: it becomes SearchFailed, logged without the text.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from advocate_app.searchtext import terms as q
from advocate_app.searchtext.marks import SearchFailed

if TYPE_CHECKING:
    from advocate_app.store.vault import Vault

log = logging.getLogger(__name__)

Row = tuple[Any, ...]  # a row whose first value is the record's id
# (MATCH expression, ids already found, how many more are wanted) -> (rows, newest first?)
Fetch = Callable[[str, set[Any], int], tuple[list[Row], bool]]
# A query -> (the query with terms that match nothing replaced, whether a word was corrected)
Correct = Callable[[q.Query], tuple[q.Query, bool]]


@dataclass(frozen=True)
class RankedMatches:
    rows: list[Row]
    query: q.Query  # the query searched (after a correction, the corrected one)
    with_every_term: int  # the first this many rows have every term; the rest some
    newest_first: bool = False  # the fetch showed the newest of very many matches, not the best
    corrected: bool = False  # a word was corrected: `query` is not what was typed


def ranked_matches(
    query: q.Query,
    fetch: Fetch,
    limit: int,
    *,
    some_terms: bool = True,
    correct: Correct | None = None,
) -> RankedMatches:
    """Up to `limit` rows for a parsed query, best first: every term, then (with `some_terms`,
    for a query of several terms) some of them. `correct` runs only when no row has every
    term; a query it changed is searched again."""
    rows, newest = fetch(q.all_of(query, q.as_typed) or "", set(), limit)
    corrected = False
    if not rows and correct is not None:
        better, corrected = correct(query)
        if better != query:
            query = better
            rows, newest = fetch(q.all_of(query, q.as_typed) or "", set(), limit)
    complete = len(rows)
    if some_terms and len(rows) < limit and len(query.terms) > 1:
        more, more_newest = fetch(
            q.any_of(query, q.as_typed) or "", {row[0] for row in rows}, limit - len(rows)
        )
        rows = rows + more
        newest = newest or more_newest
    return RankedMatches(rows, query, complete, newest, corrected)


@contextlib.contextmanager
def index_connection(vault: Vault, what: str) -> Iterator[Any]:
    """The driver connection of one read transaction, for searching the index of `what` (our
    own word, e.g. "note"): a database error becomes SearchFailed, logged without the text."""
    from sqlalchemy.exc import DatabaseError
    from sqlcipher3 import dbapi2 as sqlcipher

    try:
        with vault.read() as s:
            yield s.connection().connection.driver_connection
    except DatabaseError as exc:
        log.error("%s search failed (%s)", what, type(exc.orig).__name__)
        raise SearchFailed from None
    except sqlcipher.Error as exc:
        log.error("%s search failed (%s)", what, type(exc).__name__)
        raise SearchFailed from None
