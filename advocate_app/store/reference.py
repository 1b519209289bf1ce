"""The offline reference library: articles, the shipped resource directory, rendering and search.

Articles are Markdown files with YAML front matter under `assets/reference/`. They are public
text, so the search index lives in an in-memory FTS5 database with no key. Rendering never
produces a link or image that could make Qt load anything: only `article:` links between our
own articles survive.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
import threading
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from sqlcipher3 import dbapi2 as sqlcipher

from advocate_app.store import query as q
from advocate_app.store import search as fts
from advocate_app.store.vocab import RESOURCE_CATEGORIES

MAX_ARTICLE_BYTES = 512 * 1024  # our longest article is ~15 kB; anything huge is not ours
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# `t-visa.md`, `./t-visa.md` or `t-visa.md#section`: a link to another article.
_ARTICLE_LINK = re.compile(r"(?:\./)?(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md(?:#[\w.-]*)?")
ARTICLE_SCHEME = "article"

_SHORT_CELL = 24  # table columns whose cells all fit in this many characters never wrap

log = logging.getLogger(__name__)


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
    language: str = "en"  # "en" or "es": which Snowball stemmer indexes it

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
        language=_language(meta, name),
    )


LANGUAGES = {"en": "english", "es": "spanish"}


def _language(meta: dict[str, Any], name: str) -> str:
    value = meta.get("language", "en")
    if value not in LANGUAGES:
        raise ValueError(f"{name}: “language” must be en or es.")
    return str(value)


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
    matched: float = 1.0  # share of the searched terms this hit has (0–1)
    in_title: bool = False  # every term found in the title


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
# made of quoted words by advocate_app.store.query. Columns hold Snowball stems (see query.py);
# the original text is kept in Python for titles and snippets.
_TABLE = "reference_fts"
_VOCAB = "reference_vocab"
_COLUMNS = ("title", "headings", "tags", "summary", "body")
# Title ≫ headings ≫ body: a word in the title says what the whole article is about.
_BM25 = f"bm25({_TABLE}, 12.0, 5.0, 4.0, 2.0, 1.0)"
_SQL_INSERT = f"INSERT INTO {_TABLE}(rowid, {', '.join(_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)"  # noqa: S608
_SQL_MATCHING = f"SELECT rowid FROM {_TABLE} WHERE {_TABLE} MATCH ?"  # noqa: S608
_SQL_RANKED = (
    f"SELECT rowid, {_BM25} FROM {_TABLE} WHERE {_TABLE} MATCH ?"  # noqa: S608
)
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


class ReferenceIndex:
    """Full-text search over the articles and the shipped resources, built once in memory."""

    def __init__(
        self, articles: Sequence[Article], resources: Sequence[ShippedResource] = (),
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
            body = plain_text(_without_title_heading(a)) + "\n" + "\n".join(a.sources)
            headings = "\n".join(_HEADING.findall(a.body_markdown))
            self._docs.append(_Doc("article", a.slug, a.title,
                                   _clean_row(a.title, headings, " ".join(a.tags), a.summary,
                                              body),
                                   a.summary, language=LANGUAGES.get(a.language, "english")))
        for r in resources:
            numbers = _resource_numbers(r)
            self._docs.append(_Doc("resource", r.name, r.name,
                                   _clean_row(r.name, "", r.category_label, numbers, r.notes),
                                   numbers or r.notes))
        # Every word as written (folded), for typo correction and names typed without their
        # apostrophe: the vocabulary a person sees, not the stems.
        self._words: Counter[str] = Counter()
        rows = []
        for rowid, doc in enumerate(self._docs):
            spans = tuple(q.spans(t, doc.language) for t in doc.texts)
            self._docs[rowid] = _Doc(doc.kind, doc.key, doc.title, doc.texts, doc.fallback, spans,
                                     doc.language)
            for words in spans:
                self._words.update(f for _a, _b, f, _s in words)
            rows.append((rowid, *(" ".join(st for *_x, st in words) for words in spans)))
        with self._db:
            self._db.executemany(_SQL_INSERT, rows)

    def close(self) -> None:
        self._db.close()

    def search(self, text: str, limit: int = 20) -> list[ReferenceHit]:
        """Hits for what a person typed, best first (typos corrected); never raises for any
        input. A broken index raises SearchFailed (logged without the text)."""
        return self.search_results(text, limit).hits

    def search_results(self, text: str, limit: int = 20, *,
                       correct: bool = True) -> ReferenceResults:
        try:
            with self._lock:
                return self._search(text, limit, correct)
        except sqlcipher.Error as exc:
            log.error("the reference search failed (%s)", type(exc).__name__)
            raise fts.SearchFailed from None

    def _matching(self, expression: str) -> set[int]:
        return {row[0] for row in self._db.execute(_SQL_MATCHING, (expression,))}

    def _search(self, text: str, limit: int, correct: bool) -> ReferenceResults:
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
        total = len(self._docs)
        weights = [1.0 if len(s) <= total * _COMMON_SHARE else 0.5 for s in found]
        any_expr = q.any_of(query, q.snowball)
        assert any_expr is not None
        scores = dict(self._db.execute(_SQL_RANKED, (any_expr,)).fetchall())
        title_terms = [self._matching(f"title : ({q.term_expression(t, q.snowball)})")
                       for t in query.terms]
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
            return (-(coverage ** _COORD) * -scores.get(rowid, 0.0) * prior,
                    self._docs[rowid].kind != "article")

        candidates = sorted(set().union(*found), key=rank)[:limit]
        hits = []
        for rowid in candidates:
            doc = self._docs[rowid]
            share = sum(1 for s in found if rowid in s) / len(found)
            hits.append(ReferenceHit(doc.kind, doc.key, doc.title,
                                     self._snippet(doc, query), -scores.get(rowid, 0.0),
                                     share, rowid in in_title))
        if corrected:
            return ReferenceResults(hits, query.text, " ".join(q.words(text)))
        return ReferenceResults(hits)

    def _correct(self, term: q.Term) -> q.Term | None:
        word = term.typed[0]
        split = q.split_words(word, self._words.__contains__)
        if split is not None:  # "obrien": the words "o" "brien", side by side
            return q.Term(term.typed, (*term.forms, split), term.prefix)
        if term.prefix and any(w.startswith(word) for w in self._words):
            return None
        better = q.closest_word(word, self._words)
        if better is None:
            return None
        return q.parse(better, self._synonyms, prefix_last=False).terms[0]

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


def _without_title_heading(article: Article) -> str:
    # The first "# Title" line repeats the title column; indexing it twice skews bm25.
    first, _, rest = article.body_markdown.lstrip().partition("\n")
    return rest if first.startswith("# ") else article.body_markdown


def _shorten(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (fts.ELLIPSIS if len(parts) > words else "")
