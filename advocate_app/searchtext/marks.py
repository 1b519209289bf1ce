"""The words FTS5 sees in a text, safe MATCH expressions, and the marks around matches.

User text never reaches MATCH raw: it is split into the same word characters FTS5's unicode61
tokenizer keeps, each word is double-quoted, and each gets a prefix star so results appear as
you type. Quotes, `*`, `AND(`, `NEAR`, `-`, apostrophes and emoji therefore cannot raise an error.
"""

from __future__ import annotations

import html
import re

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
    text; the ui says "search failed". Raised by every index: the vault's and the library's."""


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


def snippet_to_html(snippet: str) -> str:
    """Escape everything, then turn the match markers into bold: safe to show as rich text."""
    escaped = html.escape(snippet.replace("\n", " "))
    return escaped.replace(MARK_START, "<b>").replace(MARK_END, "</b>")


def plain_snippet(snippet: str) -> str:
    return snippet.replace(MARK_START, "").replace(MARK_END, "")
