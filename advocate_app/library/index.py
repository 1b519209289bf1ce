"""The reference library's search index: articles and shipped resources, in memory.

Public text only, so the FTS5 database has no key and lives in :memory:. Words are stemmed in
Python (Snowball, English and Spanish) with the same query parsing the vault's indexes use
(advocate_app.searchtext); ranking adds to BM25 how many of the terms a document has and
whether its title says exactly what was asked.
"""

from __future__ import annotations

import bisect
import html
import logging
import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sqlcipher3 import dbapi2 as sqlcipher

from advocate_app.library.parsing import LANGUAGES, Article, plain_text, without_title_heading
from advocate_app.library.resources import ShippedResource
from advocate_app.searchtext import marks as fts
from advocate_app.searchtext import terms as q

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReferenceHit:
    kind: Literal["article", "resource"]
    key: str  # the article's slug or the resource's name
    title: str
    snippet_html: str  # escaped, matches in <b>: safe as Qt rich text
    score: float  # higher is better within one search; the list order is the ranking
    matched: float = 1.0  # share of the searched terms this hit has (0–1)
    in_title: bool = False  # every term found in the title
    language: str = "en"  # an article's language (its key is the English slug either way)


@dataclass(frozen=True)
class ReferenceResults:
    hits: list[ReferenceHit]
    searched_for: str = ""  # the terms searched after a correction ("safety plan")
    typed: str = ""  # what the person typed, when it was corrected ("safty plan")

    @property
    def corrected(self) -> bool:
        return bool(self.searched_for)


def _resource_numbers(resource: ShippedResource) -> str:
    parts = []
    if resource.phone:
        parts.append(f"Phone {resource.phone}")
    if resource.text:
        parts.append(f"Text {resource.text}")
    if resource.tty:
        parts.append(f"TTY {resource.tty}")
    return " · ".join(parts)


# The table name is ours, never user text; user text only ever arrives as a bound parameter
# made of quoted words by advocate_app.searchtext. Columns hold Snowball stems (see terms.py);
# the original text is kept in Python for titles and snippets.
_TABLE = "reference_fts"
_VOCAB = "reference_vocab"
_COLUMNS = ("title", "headings", "tags", "summary", "body")
# Title ≫ headings ≫ body: a word in the title says what the whole article is about.
_BM25 = f"bm25({_TABLE}, 12.0, 5.0, 4.0, 2.0, 1.0)"
_SQL_INSERT = f"INSERT INTO {_TABLE}(rowid, {', '.join(_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)"  # noqa: S608
_SQL_MATCHING = f"SELECT rowid FROM {_TABLE} WHERE {_TABLE} MATCH ?"  # noqa: S608
_SQL_RANKED = f"SELECT rowid, {_BM25} FROM {_TABLE} WHERE {_TABLE} MATCH ?"  # noqa: S608
_HEADING = re.compile(r"^#{2,6}\s+(.*)$", re.MULTILINE)
# A word found in many documents says little about any one: it counts half toward how many of
# the terms a document has ("make a safety plan": "make" is everywhere, "safety plan" is not).
_COMMON_SHARE = 0.2
_COORD = 1.0
# A directory entry is a few lines, so BM25's length normalisation lifts it over the article
# that explains the same thing ("233733" is in both): the article is the better first answer.
_RESOURCE_PRIOR = 0.5
# Every term in the title: the document is about exactly what was asked ("U visa").
_TITLE_BONUS = 3.0


@dataclass(frozen=True)
class _Doc:
    kind: Literal["article", "resource"]
    key: str
    title: str
    texts: tuple[str, ...]  # original text of each column, for snippets
    fallback: str  # shown when no word of the query is in the text (a synonym matched)
    spans: tuple[q.Spans, ...] = ()  # each text's words, folded and stemmed
    language: str = "english"  # the Snowball stemmer of its text
    code: str = "en"  # the article's language code


class ReferenceIndex:
    """Full-text search over the articles and the shipped resources, built once in memory."""

    def __init__(
        self,
        articles: Sequence[Article],
        resources: Sequence[ShippedResource] = (),
        synonyms: q.Synonyms | None = None,
    ) -> None:
        # Public text only, so no key; :memory: keeps nothing on disk. Any thread may search
        # (the global search runs off the GUI thread), one at a time.
        self._db = sqlcipher.connect(":memory:", check_same_thread=False)
        self._lock = threading.Lock()
        self._synonyms = synonyms if synonyms is not None else q.load_synonyms()
        self._db.execute(
            f"CREATE VIRTUAL TABLE {_TABLE} USING fts5({', '.join(_COLUMNS)}, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        self._db.execute(f"CREATE VIRTUAL TABLE {_VOCAB} USING fts5vocab({_TABLE}, 'row')")
        self._docs: list[_Doc] = []
        for a in articles:
            body = plain_text(without_title_heading(a)) + "\n" + "\n".join(a.sources)
            headings = "\n".join(_HEADING.findall(a.body_markdown))
            self._docs.append(
                _Doc(
                    "article",
                    a.slug,
                    a.title,
                    _clean_row(a.title, headings, " ".join(a.tags), a.summary, body),
                    a.summary,
                    language=LANGUAGES.get(a.language, "english"),
                    code=a.language,
                )
            )
        for r in resources:
            numbers = _resource_numbers(r)
            self._docs.append(
                _Doc(
                    "resource",
                    r.name,
                    r.name,
                    _clean_row(r.name, "", r.category_label, numbers, r.notes),
                    numbers or r.notes,
                )
            )
        # Every word as written (folded), for typo correction and names typed without their
        # apostrophe: the vocabulary a person sees, not the stems.
        self._words: Counter[str] = Counter()
        rows = []
        for rowid, doc in enumerate(self._docs):
            spans = tuple(q.spans(t, doc.language) for t in doc.texts)
            self._docs[rowid] = _Doc(
                doc.kind, doc.key, doc.title, doc.texts, doc.fallback, spans, doc.language, doc.code
            )
            for words in spans:
                self._words.update(f for _a, _b, f, _s in words)
            rows.append((rowid, *(" ".join(st for *_x, st in words) for words in spans)))
        with self._db:
            self._db.executemany(_SQL_INSERT, rows)
        # Built once: typo correction and the prefix test look these up on every search.
        self._lengths = q.by_length(self._words)
        self._sorted_words = sorted(self._words)
        # An article in each language it is written in: (slug, code) → rowid.
        self._versions = {
            (d.key, d.code): n for n, d in enumerate(self._docs) if d.kind == "article"
        }

    def close(self) -> None:
        self._db.close()

    def search(
        self, text: str, limit: int = 20, *, language: str | None = None
    ) -> list[ReferenceHit]:
        """Hits for what a person typed, best first (typos corrected); never raises for any
        input. A broken index raises SearchFailed (logged without the text). Both languages
        are searched and an article is listed once, where its best version ranks; with
        `language`, as that language's version when there is one."""
        return self.search_results(text, limit, language=language).hits

    def search_results(
        self, text: str, limit: int = 20, *, correct: bool = True, language: str | None = None
    ) -> ReferenceResults:
        try:
            with self._lock:
                return self._search(text, limit, correct, language)
        except sqlcipher.Error as exc:
            log.error("the reference search failed (%s)", type(exc).__name__)
            raise fts.SearchFailed from None

    def _matching(self, expression: str) -> set[int]:
        return {row[0] for row in self._db.execute(_SQL_MATCHING, (expression,))}

    def _search(
        self, text: str, limit: int, correct: bool, language: str | None = None
    ) -> ReferenceResults:
        if not isinstance(text, str) or limit <= 0:
            return ReferenceResults([])
        query = q.parse(text, self._synonyms)
        if not query:
            return ReferenceResults([])
        found = [self._matching(q.term_expression(t, q.snowball)) for t in query.terms]
        corrected = False
        if correct:
            for i, term in enumerate(query.terms):
                if found[i] or len(term.typed) > 1:
                    continue
                better = self._correct(term)
                if better is not None:
                    query = query.replaced(i, better)
                    found[i] = self._matching(q.term_expression(better, q.snowball))
                    corrected = corrected or better.typed != term.typed
        if not any(found):
            return ReferenceResults([])
        # Counted by article, not by version: a word in both languages of one article is in
        # one article.
        total = len({(d.kind, d.key) for d in self._docs})
        weights = [
            1.0
            if len({(self._docs[r].kind, self._docs[r].key) for r in s}) <= total * _COMMON_SHARE
            else 0.5
            for s in found
        ]
        any_expr = q.any_of(query, q.snowball)
        assert any_expr is not None
        scores = dict(self._db.execute(_SQL_RANKED, (any_expr,)).fetchall())
        title_terms = [
            self._matching(f"title : ({q.term_expression(t, q.snowball)})") for t in query.terms
        ]
        in_title = set.intersection(*title_terms) if title_terms else set()

        def rank(rowid: int) -> tuple[float, int]:
            # How many of the terms (common ones half), as a coordination factor on BM25: a
            # document with most of the words beats one with a single common word, and a title
            # that says exactly what was asked can still beat a long text that mentions more.
            have = sum(w for s, w in zip(found, weights, strict=True) if rowid in s)
            coverage = have / sum(weights)
            prior = 1.0 if self._docs[rowid].kind == "article" else _RESOURCE_PRIOR
            if rowid in in_title:
                prior *= _TITLE_BONUS
            return (
                -(coverage**_COORD) * -scores.get(rowid, 0.0) * prior,
                self._docs[rowid].kind != "article",
            )

        candidates = self._one_per_article(sorted(set().union(*found), key=rank), language, limit)
        hits = []
        for shown, rowid in candidates:  # shown: the version listed; rowid: the one that ranked
            doc = self._docs[shown]
            share = sum(1 for s in found if rowid in s) / len(found)
            hits.append(
                ReferenceHit(
                    doc.kind,
                    doc.key,
                    doc.title,
                    self._snippet(doc, query),
                    -scores.get(rowid, 0.0),
                    share,
                    rowid in in_title,
                    doc.code,
                )
            )
        if corrected:
            return ReferenceResults(hits, query.text, " ".join(q.words(text)))
        return ReferenceResults(hits)

    def _one_per_article(
        self, ranked: list[int], language: str | None, limit: int
    ) -> list[tuple[int, int]]:
        """Each article once, at its best version's place; as `language`'s version when the
        article is written in it. Pairs (the version shown, the version that ranked)."""
        out: list[tuple[int, int]] = []
        seen: set[str] = set()
        for rowid in ranked:
            doc = self._docs[rowid]
            shown = rowid
            if doc.kind == "article":
                if doc.key in seen:
                    continue
                seen.add(doc.key)
                if language is not None:
                    shown = self._versions.get((doc.key, language), rowid)
            out.append((shown, rowid))
            if len(out) >= limit:
                break
        return out

    def _correct(self, term: q.Term) -> q.Term | None:
        word = term.typed[0]
        split = q.split_words(word, self._words.__contains__)
        if split is not None:  # "obrien": the words "o" "brien", side by side
            return q.Term(term.typed, (*term.forms, split), term.prefix)
        if term.prefix and self._has_prefix(word):
            return None
        better = q.closest_word(word, self._words, self._lengths)
        if better is None:
            return None
        return q.parse(better, self._synonyms, prefix_last=False).terms[0]

    def _has_prefix(self, prefix: str) -> bool:
        at = bisect.bisect_left(self._sorted_words, prefix)
        return at < len(self._sorted_words) and self._sorted_words[at].startswith(prefix)

    def _snippet(self, doc: _Doc, query: q.Query) -> str:
        # The best column to show: the first after the title where a word of the query is.
        for n in (*range(1, len(doc.texts)), 0):
            snippet = q.highlight(doc.texts[n], query, language=doc.language, at=doc.spans[n])
            if snippet is not None and (n > 0 or len(doc.texts) == 1):
                return fts.snippet_to_html(snippet)
        return html.escape(_shorten(doc.fallback))


def _clean_row(*values: str) -> tuple[str, ...]:
    # The snippet markers must come only from the highlighter, never from the text itself.
    return tuple(v.replace(fts.MARK_START, " ").replace(fts.MARK_END, " ") for v in values)


def _shorten(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (fts.ELLIPSIS if len(parts) > words else "")
