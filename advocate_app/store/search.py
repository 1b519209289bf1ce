"""Turning what a person typed into a safe FTS5 query, and marking matches in snippets.

User text never reaches MATCH raw: it is split into the same word characters FTS5's unicode61
tokenizer keeps, each word is double-quoted, and each gets a prefix star so results appear as
you type. Quotes, `*`, `AND(`, `NEAR`, `-`, apostrophes and emoji therefore cannot raise an error.
"""

from __future__ import annotations

import html
import logging
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from advocate_app.store.vault import Vault

log = logging.getLogger(__name__)

MAX_TOKENS = 16
MAX_TOKEN_CHARS = 48
MAX_INPUT_CHARS = 10_000

# Word characters as unicode61 sees them: letters and digits; underscore separates.
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

# Snippet markers: control characters never typed into a note, turned into <b> after escaping.
MARK_START = "\x02"
MARK_END = "\x03"
ELLIPSIS = "…"


def token_pattern() -> re.Pattern[str]:
    return _TOKEN


class SearchFailed(Exception):
    """A search could not run (a damaged index, a locked vault). The message holds no query
    text; the ui says "search failed"."""


def tokens(text: str) -> list[str]:
    words = _TOKEN.findall(text[:MAX_INPUT_CHARS].lower())
    return [w[:MAX_TOKEN_CHARS] for w in words][:MAX_TOKENS]


def fts_query(text: str, *, prefix: bool = True) -> str | None:
    """A MATCH expression that is always valid, or None when there is nothing to look for."""
    words = tokens(text)
    if not words:
        return None
    star = "*" if prefix else ""
    return " ".join(f'"{w}"{star}' for w in words)


def snippet_sql(table: str, column: int, words: int = 14) -> str:
    """The snippet() call for a query on `table` (a name we chose, never user text)."""
    if not table.isidentifier():
        raise ValueError("not a table name")
    return f"snippet({table}, {column}, char(2), char(3), '{ELLIPSIS}', {words})"


def snippet_to_html(snippet: str) -> str:
    """Escape everything, then turn the match markers into bold: safe to show as rich text."""
    escaped = html.escape(snippet.replace("\n", " "))
    return escaped.replace(MARK_START, "<b>").replace(MARK_END, "</b>")


def plain_snippet(snippet: str) -> str:
    return snippet.replace(MARK_START, "").replace(MARK_END, "")


def ranked_matches(vault: Vault, query_text: str, *, fts: str, table: str,
                   columns: str, snippet_column: int, order: str, limit: int,
                   snippet_words: int = 10) -> list[tuple[Any, ...]]:
    """Rows of `table` (aliased `r`) whose FTS5 index `fts` matches what a person typed, best
    first, each ending with a highlighted snippet: rows with every term, then (if there are
    few) rows with some. Never raises for any text; raises SearchFailed, logged without the
    text, when the index cannot be read.

    Every name here is one of ours, fixed in code; the person's text is the bound :match.
    """
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    from advocate_app.store import query as q

    parsed = q.parse(query_text)
    if not parsed:
        return []
    for name in (fts, table):
        if not name.isidentifier():
            raise ValueError("not a table name")
    sql = (
        f"SELECT {columns}, {snippet_sql(fts, snippet_column, snippet_words)} "  # noqa: S608
        f"FROM {fts} JOIN {table} r ON r.id = {fts}.rowid "
        f"WHERE {fts} MATCH :match ORDER BY {order} LIMIT :limit"
    )
    try:
        with vault.read() as s:
            rows = [tuple(row) for row in s.execute(
                text(sql), {"match": q.all_of(parsed, q.as_typed), "limit": limit})]
            if len(rows) < limit and len(parsed.terms) > 1:
                seen = {row[0] for row in rows}
                more = s.execute(text(sql), {"match": q.any_of(parsed, q.as_typed),
                                             "limit": limit + len(rows)})
                rows += [tuple(row) for row in more if row[0] not in seen][:limit - len(rows)]
            return rows
    except DatabaseError as exc:
        log.error("search of %s failed (%s)", fts, type(exc.orig).__name__)
        raise SearchFailed from None
