"""The offline reference library: articles, the shipped resource directory, rendering and search.

Articles are Markdown files with YAML front matter under `assets/reference/`. They are public
text, so the search index lives in an in-memory FTS5 database with no key. Rendering never
produces a link or image that could make Qt load anything: only `article:` links between our
own articles survive.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import threading
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from rapidfuzz import fuzz
from sqlcipher3 import dbapi2 as sqlcipher

from advocate_app.store import search as fts
from advocate_app.store.vocab import RESOURCE_CATEGORIES

MAX_ARTICLE_BYTES = 512 * 1024  # our longest article is ~15 kB; anything huge is not ours
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# `t-visa.md`, `./t-visa.md` or `t-visa.md#section`: a link to another article.
_ARTICLE_LINK = re.compile(r"(?:\./)?(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md(?:#[\w.-]*)?")
ARTICLE_SCHEME = "article"

_SHORT_CELL = 24  # table columns whose cells all fit in this many characters never wrap

FUZZY_THRESHOLD = 70.0  # per-word fuzz.ratio: "lisence"→"license" is 71, unrelated words ≤67
FUZZY_MIN_WORD = 3
FUZZY_SHORT_WORD = 5
FUZZY_SHORT_THRESHOLD = 80.0
FUZZY_MAX_CHARS = 200


# ---------------------------------------------------------------------------------------------
# Articles


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    category: str
    tags: tuple[str, ...]
    summary: str
    sources: tuple[str, ...]
    last_reviewed: dt.date
    body_markdown: str
    # When the article is due for its next review (front matter `next_review`). Older files
    # without it are due REVIEW_INTERVAL_MONTHS after `last_reviewed`: see review_due_on().
    next_review: dt.date | None = None

    @property
    def review_due_on(self) -> dt.date:
        """The day from which the article counts as due for review."""
        if self.next_review is not None:
            return self.next_review
        return add_months(self.last_reviewed, REVIEW_INTERVAL_MONTHS)

    def review_due(self, today: dt.date) -> bool:
        """True once `today` has reached the review date: the library then says "review due"."""
        return today >= self.review_due_on

    def months_past_review(self, today: dt.date) -> int:
        """Whole months `today` lies after the review date (0 when not yet due)."""
        due = self.review_due_on
        if today <= due:
            return 0
        months = (today.year - due.year) * 12 + (today.month - due.month)
        while months > 0 and add_months(due, months) > today:
            months -= 1
        return months


def too_long_past_review(
    articles: Iterable[Article], today: dt.date, months: int
) -> list[Article]:
    """Articles whose review date lies more than `months` calendar months before `today`.

    `make package` refuses to build an installer while any shipped article is in this list
    (see packaging/build.py). `today` is a parameter so tests never depend on the real date.
    """
    return [a for a in articles if today > add_months(a.review_due_on, months)]


# An article written without `next_review` is due this many months after `last_reviewed`.
REVIEW_INTERVAL_MONTHS = 12


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole calendar months; the 31st becomes the month's last day if need be."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has a 28th")  # pragma: no cover


def _markdown() -> MarkdownIt:
    # Raw HTML off: a `<script>` or `<img>` in a file becomes visible text, never markup.
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def _split_front_matter(text: str) -> tuple[str, str] | None:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return "".join(lines[1:i]), "".join(lines[i + 1 :])
    return None


def _text(meta: dict[str, Any], key: str, name: str) -> str:
    value = meta.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name}: the front matter needs a “{key}” written as text.")
    return value.strip()


def _text_list(meta: dict[str, Any], key: str, name: str, *, at_least: int) -> tuple[str, ...]:
    value = meta.get(key, [])
    if not isinstance(value, list) or not all(
        isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
    ):
        raise ValueError(f"{name}: “{key}” in the front matter must be a list of words or lines.")
    items = tuple(str(v).strip() for v in value if str(v).strip())
    if len(items) < at_least:
        raise ValueError(f"{name}: the front matter needs at least {at_least} “{key}” entry.")
    return items


def _date(meta: dict[str, Any], key: str, name: str) -> dt.date:
    value = meta.get(key)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{name}: “{key}” must be a date written as YYYY-MM-DD.")


def _review_date(meta: dict[str, Any], name: str) -> dt.date:
    return _date(meta, "last_reviewed", name)


def _next_review_date(meta: dict[str, Any], name: str, reviewed: dt.date) -> dt.date | None:
    value = meta.get("next_review")
    if value is None:
        return None
    month = re.fullmatch(r"\s*(\d{4})-(\d{2})\s*", value) if isinstance(value, str) else None
    if month and 1 <= int(month.group(2)) <= 12:
        # "2027-11" (a month, as a review plan often says): due from the first of that month.
        due = dt.date(int(month.group(1)), int(month.group(2)), 1)
    else:
        due = _date(meta, "next_review", name)
    if due <= reviewed:
        raise ValueError(f"{name}: “next_review” must come after “last_reviewed”.")
    return due


def parse_article(slug: str, text: str, name: str | None = None) -> Article:
    """One article from its file text; ValueError with a sentence naming the file if it is bad."""
    name = name or f"{slug}.md"
    if not SLUG_PATTERN.fullmatch(slug):
        raise ValueError(
            f"{name}: the file name must be lowercase letters, digits and dashes, ending in .md."
        )
    parts = _split_front_matter(text)
    if parts is None:
        raise ValueError(f"{name}: the file must start with front matter between two “---” lines.")
    front, body = parts
    try:
        meta = yaml.safe_load(front)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" near line {mark.line + 2}" if mark is not None else ""
        raise ValueError(f"{name}: the front matter is not valid YAML{where}.") from None
    except ValueError:  # YAML reads 2027-13-01 as a date and the calendar refuses it
        raise ValueError(
            f"{name}: the front matter has a date that does not exist; write dates as YYYY-MM-DD."
        ) from None
    if not isinstance(meta, dict):
        raise ValueError(f"{name}: the front matter must be a list of “key: value” lines.")
    if not body.strip():
        raise ValueError(f"{name}: the article has no text after the front matter.")
    reviewed = _review_date(meta, name)
    return Article(
        slug=slug,
        title=_text(meta, "title", name),
        category=_text(meta, "category", name),
        tags=_text_list(meta, "tags", name, at_least=0),
        summary=_text(meta, "summary", name),
        sources=_text_list(meta, "sources", name, at_least=1),
        last_reviewed=reviewed,
        body_markdown=body.lstrip("\n"),
        next_review=_next_review_date(meta, name, reviewed),
    )


def load_articles(folder: Path) -> tuple[list[Article], list[str]]:
    """Every article in `folder`, sorted by slug, and one sentence per file that was skipped."""
    articles: list[Article] = []
    errors: list[str] = []
    try:
        paths = sorted(p for p in folder.iterdir() if p.suffix == ".md" and p.is_file())
    except OSError:
        return [], [f"The reference folder {folder.name} could not be read."]
    for path in paths:
        try:
            if path.stat().st_size > MAX_ARTICLE_BYTES:
                raise ValueError(f"{path.name}: the file is too large to be an article.")
            text = path.read_text(encoding="utf-8")
            articles.append(parse_article(path.stem, text, path.name))
        except UnicodeDecodeError:
            errors.append(f"{path.name}: the file is not UTF-8 text.")
        except OSError:
            errors.append(f"{path.name}: the file could not be read.")
        except ValueError as exc:
            errors.append(str(exc))
    return articles, errors


def _link_targets(tokens: Iterable[Token]) -> Iterable[str]:
    for token in tokens:
        if token.children:
            yield from _link_targets(token.children)
        if token.type == "link_open":
            yield str(token.attrGet("href") or "")


def article_link_slug(href: str) -> str | None:
    """The slug when `href` points at another article (`t-visa.md`), otherwise None."""
    match = _ARTICLE_LINK.fullmatch(href)
    return match.group("slug") if match else None


def linked_slugs(article: Article) -> list[str]:
    """Slugs this article links to, in order (whether or not they exist)."""
    tokens = _markdown().parse(article.body_markdown)
    return [s for s in (article_link_slug(h) for h in _link_targets(tokens)) if s]


def external_links(article: Article) -> list[str]:
    """Link targets that are not articles: they render as plain text, never as links."""
    tokens = _markdown().parse(article.body_markdown)
    return [h for h in _link_targets(tokens) if article_link_slug(h) is None]


def plain_text(markdown: str) -> str:
    """The words of a Markdown text without its markup, for the search index."""
    out: list[str] = []

    def walk(tokens: Sequence[Token]) -> None:
        for token in tokens:
            if token.children:
                walk(token.children)
            elif token.type in ("text", "code_inline", "code_block", "fence"):
                out.append(token.content)
            elif token.type in ("softbreak", "hardbreak"):
                out.append(" ")
            if token.type.endswith("_close") and token.block:
                out.append("\n")

    walk(_markdown().parse(markdown))
    return re.sub(r"[ \t]+", " ", "".join(out)).strip()


# ---------------------------------------------------------------------------------------------
# Rendering

_CSS = """
body { font-size: medium; }
h1 { font-size: x-large; font-weight: 600; margin-top: 0; margin-bottom: 12px; }
h2 { font-size: large; font-weight: 600; margin-top: 20px; margin-bottom: 8px; }
h3, h4, h5, h6 { font-size: medium; font-weight: 600; margin-top: 16px; margin-bottom: 6px; }
p { margin-top: 0; margin-bottom: 10px; line-height: 130%; }
li { margin-bottom: 4px; line-height: 130%; }
ul, ol { margin-top: 0; margin-bottom: 10px; }
table { border-collapse: collapse; margin-top: 6px; margin-bottom: 14px; }
th, td { border: 1px solid #8a8a8a; padding: 6px; vertical-align: top; }
th { font-weight: 600; text-align: left; }
code, pre { font-family: monospace; }
blockquote { margin-left: 16px; }
p.reviewed { margin-top: 12px; }
"""


def _render_link_open(self, tokens: Sequence[Token], idx: int, options, env) -> str:
    token = tokens[idx]
    slug = article_link_slug(str(token.attrGet("href") or ""))
    allowed = env.setdefault("_links", [])
    if slug is not None and slug in env["known_slugs"]:
        allowed.append(True)
        return f'<a href="{ARTICLE_SCHEME}:{html.escape(slug)}">'
    # Anything else (http, mailto, file, a missing article…) stays plain text.
    allowed.append(False)
    return ""


def _render_link_close(self, tokens: Sequence[Token], idx: int, options, env) -> str:
    stack = env.setdefault("_links", [])
    return "</a>" if stack and stack.pop() else ""


def _render_image(self, tokens: Sequence[Token], idx: int, options, env) -> str:
    # Never an <img>: that could make Qt load a file or a remote address. Alt text only.
    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env)
    return html.escape(alt, quote=False)


def _render_table_open(self, tokens: Sequence[Token], idx: int, options, env) -> str:
    # QTextDocument honours these attributes more reliably than CSS borders.
    _set_column_widths(tokens, idx)
    return '<table border="1" cellspacing="0" cellpadding="6" width="100%">\n'


def _set_column_widths(tokens: Sequence[Token], start: int) -> None:
    """Give wordy columns more room: Qt otherwise splits a table's width nearly evenly."""
    lengths: dict[int, list[int]] = {}
    headers: dict[int, Token] = {}
    column = 0
    for i in range(start + 1, len(tokens)):
        token = tokens[i]
        if token.type == "table_close":
            break
        if token.type == "tr_open":
            column = 0
        elif token.type in ("th_open", "td_open"):
            if token.type == "th_open":
                headers.setdefault(column, token)
            inline = tokens[i + 1] if i + 1 < len(tokens) else None
            text = inline.content if inline is not None and inline.type == "inline" else ""
            lengths.setdefault(column, []).append(len(text))
            column += 1
    if not headers or len(headers) != len(lengths):
        return
    # Widths in characters of a ~95-character reading column: short columns (a statute, a
    # phone number) get exactly their room so they never wrap, wordy ones share the rest.
    budget = 95.0
    short = {c: max(v) * 1.2 + 3.0 for c, v in lengths.items() if max(v) <= _SHORT_CELL}
    wordy = {c: min(max(sum(v) / len(v), 10.0), 70.0) for c, v in lengths.items()
             if c not in short}
    rest = budget - sum(short.values())
    if wordy and rest >= 20.0 * len(wordy):
        chars = dict(short)
        chars.update({c: rest * w / sum(wordy.values()) for c, w in wordy.items()})
    else:
        both = {**short, **wordy}
        chars = {c: budget * w / sum(both.values()) for c, w in both.items()}
    total = sum(chars.values())
    for c, token in headers.items():
        token.attrSet("width", f"{round(100 * chars[c] / total)}%")


def _renderer() -> MarkdownIt:
    md = _markdown()
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule("link_close", _render_link_close)
    md.add_render_rule("image", _render_image)
    md.add_render_rule("table_open", _render_table_open)
    return md


def render_html(
    article: Article,
    known_slugs: Iterable[str],
    *,
    sources_label: str = "Sources",
    reviewed_label: str = "Last reviewed: {0}",
    reviewed_date_text: str | None = None,
    title_heading: bool = True,
) -> str:
    """A small HTML document for QTextBrowser or printing.

    The ui passes translated labels and the date in the user's locale; the defaults are English
    and ISO dates so the store stays free of Qt. With `title_heading=False` the article's own
    first "# Title" is left out, for a screen that already shows the title above the text.
    Pass no `known_slugs` to get no links at all (for print, where a link goes nowhere).
    """
    env: dict[str, Any] = {"known_slugs": frozenset(known_slugs)}
    has_heading = article.body_markdown.lstrip().startswith("# ")
    markdown = _without_title_heading(article) if has_heading else article.body_markdown
    body = _renderer().render(markdown, env)
    parts = [
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">",
        f"<title>{html.escape(article.title)}</title>",
        f"<style>{_CSS}</style></head><body>",
    ]
    if title_heading and has_heading:
        parts.append(_renderer().render(article.body_markdown.lstrip().partition("\n")[0], env))
    elif title_heading:
        parts.append(f"<h1>{html.escape(article.title)}</h1>")
    parts.append(body)
    parts.append(f"<h2>{html.escape(sources_label)}</h2><ul>")
    parts.extend(f"<li>{html.escape(source)}</li>" for source in article.sources)
    parts.append("</ul>")
    date_text = reviewed_date_text or article.last_reviewed.isoformat()
    parts.append(
        f'<p class="reviewed"><i>{html.escape(reviewed_label.format(date_text))}</i></p>'
    )
    parts.append("</body></html>")
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------
# Shipped resources


class ResourceFileError(ValueError):
    """The shipped resource directory is damaged; the message names the entry."""


@dataclass(frozen=True)
class ShippedResource:
    name: str
    category: str  # a key of vocab.RESOURCE_CATEGORIES
    hours: str
    languages: str
    county: str
    notes: str
    source: str
    phone: str | None = None
    text: str | None = None
    tty: str | None = None

    @property
    def category_label(self) -> str:
        return RESOURCE_CATEGORIES[self.category]


_RESOURCE_REQUIRED = ("name", "category", "hours", "languages", "county", "notes", "source")
_RESOURCE_OPTIONAL = ("phone", "text", "tty")


def load_shipped_resources(path: Path) -> list[ShippedResource]:
    """The national and statewide directory shipped with the app, in file order."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        raise ResourceFileError(f"{path.name}: the resource directory could not be read.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ResourceFileError(f"{path.name}: the resource directory is not valid TOML "
                                f"({exc}).") from None
    entries = data.get("resource", [])
    if not isinstance(entries, list):
        raise ResourceFileError(f"{path.name}: entries must be written as [[resource]] tables.")
    resources: list[ShippedResource] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        where = f"{path.name}, resource {number}"
        if not isinstance(entry, dict):
            raise ResourceFileError(f"{where}: an entry must be a [[resource]] table.")
        unknown = set(entry) - set(_RESOURCE_REQUIRED) - set(_RESOURCE_OPTIONAL)
        if unknown:
            raise ResourceFileError(f"{where}: unknown field {sorted(unknown)[0]!r}.")
        values: dict[str, str | None] = {}
        for key in _RESOURCE_REQUIRED:
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                raise ResourceFileError(f"{where}: “{key}” is missing or empty.")
            values[key] = value.strip()
        for key in _RESOURCE_OPTIONAL:
            value = entry.get(key)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise ResourceFileError(f"{where}: “{key}” must be text when present.")
            values[key] = value.strip() if isinstance(value, str) else None
        if values["category"] not in RESOURCE_CATEGORIES:
            raise ResourceFileError(
                f"{where}: category {values['category']!r} is not one of "
                f"{', '.join(RESOURCE_CATEGORIES)}."
            )
        name = str(values["name"])
        if name in seen:
            raise ResourceFileError(f"{where}: the name {name!r} is used twice.")
        seen.add(name)
        resources.append(ShippedResource(**values))  # type: ignore[arg-type]
    return resources


# ---------------------------------------------------------------------------------------------
# Search


@dataclass(frozen=True)
class ReferenceHit:
    kind: Literal["article", "resource"]
    key: str  # the article's slug or the resource's name
    title: str
    snippet_html: str  # escaped, matches in <b>: safe as Qt rich text
    score: float  # higher is better within one search; the list order is the ranking


def _fold(text: str) -> str:
    """Lowercase without accents, as the unicode61 tokenizer sees words."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
# made safe by search.fts_query.
_TABLE = "reference_fts"
_BM25 = f"bm25({_TABLE}, 10.0, 4.0, 2.0, 1.0)"  # title, tags, summary, body
_SQL_INSERT = f"INSERT INTO {_TABLE} VALUES (?, ?, ?, ?, ?, ?)"  # noqa: S608
_SQL_IN_TITLE = f"SELECT rowid FROM {_TABLE} WHERE {_TABLE} MATCH ?"  # noqa: S608
_SQL_SEARCH = (
    f"SELECT rowid, kind, key, title, {_BM25}, "  # noqa: S608
    f"{fts.snippet_sql(_TABLE, -1)}, {fts.snippet_sql(_TABLE, 2)} "
    f"FROM {_TABLE} WHERE {_TABLE} MATCH ? ORDER BY {_BM25} LIMIT ?"
)


class ReferenceIndex:
    """Full-text search over the articles and the shipped resources, built once in memory."""

    def __init__(
        self, articles: Sequence[Article], resources: Sequence[ShippedResource] = ()
    ) -> None:
        # Public text only, so no key; :memory: keeps nothing on disk. Any thread may search
        # (the global search runs off the GUI thread), one at a time.
        self._db = sqlcipher.connect(":memory:", check_same_thread=False)
        self._lock = threading.Lock()
        self._db.execute(
            f"CREATE VIRTUAL TABLE {_TABLE} USING fts5("
            "title, tags, summary, body, kind UNINDEXED, key UNINDEXED, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        rows: list[tuple[str, str, str, str, str, str]] = []
        # (kind, key, title, fallback snippet, folded title words) for typo-tolerant titles.
        self._titles: list[tuple[str, str, str, str, list[str]]] = []
        for a in articles:
            body = plain_text(_without_title_heading(a)) + "\n" + "\n".join(a.sources)
            rows.append(_clean_row(a.title, " ".join(a.tags), a.summary, body, "article", a.slug))
            self._titles.append(("article", a.slug, a.title, a.summary, self._words(a.title)))
        for r in resources:
            numbers = _resource_numbers(r)
            rows.append(_clean_row(r.name, r.category_label, numbers, r.notes, "resource", r.name))
            self._titles.append(
                ("resource", r.name, r.name, numbers or r.notes, self._words(r.name))
            )
        with self._db:
            self._db.executemany(_SQL_INSERT, rows)

    @staticmethod
    def _words(text: str) -> list[str]:
        return fts.tokens(_fold(text))

    def close(self) -> None:
        self._db.close()

    def search(self, text: str, limit: int = 20) -> list[ReferenceHit]:
        """Hits for what a person typed, best first; never raises for any input."""
        try:
            with self._lock:
                return self._search(text, limit)
        except Exception:  # a search box must never crash the screen
            return []

    def _search(self, text: str, limit: int) -> list[ReferenceHit]:
        if not isinstance(text, str) or limit <= 0:
            return []
        query = fts.fts_query(text)
        hits: list[ReferenceHit] = []
        if query is not None:
            hits = self._fts(text, query, limit)
        seen = {(h.kind, h.key) for h in hits}
        if len(hits) < limit:
            for hit in self._fuzzy(text):
                if (hit.kind, hit.key) not in seen:
                    hits.append(hit)
                    seen.add((hit.kind, hit.key))
        return hits[:limit]

    def _in_title(self, query: str) -> set[int]:
        return {row[0] for row in self._db.execute(_SQL_IN_TITLE, (f"title : ({query})",))}

    def _fts(self, text: str, query: str, limit: int) -> list[ReferenceHit]:
        whole_words = fts.fts_query(text, prefix=False)
        # "T visa": a title with the word "t" beats one where "t" only starts "The".
        in_title_exact = self._in_title(whole_words) if whole_words else set()
        in_title = self._in_title(query)
        rows = self._db.execute(_SQL_SEARCH, (query, max(limit * 4, 200))).fetchall()

        # Title matches first, then articles, then resources: the list reads grouped by kind.
        def tier(row: tuple[Any, ...]) -> int:
            if row[0] in in_title_exact:
                return 0
            if row[0] in in_title:
                return 1
            return 2 if row[1] == "article" else 3

        rows.sort(key=lambda row: (tier(row), row[4]))
        hits = []
        for _rowid, kind, key, title, rank, best, summary in rows[:limit]:
            snippet = best if fts.plain_snippet(best) != title else summary
            hits.append(ReferenceHit(kind, key, title, fts.snippet_to_html(snippet), -rank))
        return hits

    def _fuzzy(self, text: str) -> list[ReferenceHit]:
        words = [w for w in fts.tokens(_fold(text[:FUZZY_MAX_CHARS])) if len(w) >= FUZZY_MIN_WORD]
        if not words:
            return []
        scored: list[tuple[float, int, ReferenceHit]] = []
        for order, (kind, key, title, fallback, title_words) in enumerate(self._titles):
            if not title_words:
                continue
            # Each typed word against its closest title word; the mean must clear the bar.
            score = sum(_word_score(w, title_words) for w in words) / len(words)
            if score >= FUZZY_THRESHOLD:
                snippet = html.escape(_shorten(fallback))
                scored.append((score, order, ReferenceHit(kind, key, title, snippet, score / 100)))
        scored.sort(key=lambda s: (-s[0], s[1]))
        return [hit for _score, _order, hit in scored]


def _word_score(word: str, title_words: Sequence[str]) -> float:
    best = max(fuzz.ratio(word, tw) for tw in title_words)
    # One wrong letter in a short word is another word ("cafe"/"safe"): ask for more there.
    if len(word) < FUZZY_SHORT_WORD and best < FUZZY_SHORT_THRESHOLD:
        return 0.0
    return best


def _clean_row(*values: str) -> tuple[str, str, str, str, str, str]:
    # The snippet markers must come only from snippet(), never from the text itself.
    a, b, c, d, e, f = (v.replace(fts.MARK_START, " ").replace(fts.MARK_END, " ") for v in values)
    return a, b, c, d, e, f


def _without_title_heading(article: Article) -> str:
    # The first "# Title" line repeats the title column; indexing it twice skews bm25.
    first, _, rest = article.body_markdown.lstrip().partition("\n")
    return rest if first.startswith("# ") else article.body_markdown


def _shorten(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (fts.ELLIPSIS if len(parts) > words else "")
