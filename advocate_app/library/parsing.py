"""Reference articles: Markdown files with YAML front matter, read and checked.

An article names its title, category, tags, summary, sources and when it was last reviewed (and
when it is next due). A file that is not one of ours, or is damaged, is skipped with a reason;
nothing here touches the vault.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

MAX_ARTICLE_BYTES = 512 * 1024  # our longest article is ~15 kB; anything huge is not ours
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# `t-visa.md`, `./t-visa.md` or `t-visa.md#section`: a link to another article.
_ARTICLE_LINK = re.compile(r"(?:\./)?(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md(?:#[\w.-]*)?")


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
    # A translation (assets/reference/es/README.md): the English slug it translates (always its
    # own slug), other English slugs it carries in part, and the newest `last_reviewed` of those
    # English articles on the day it was written. None/() for an English article.
    translation_of: str | None = None
    also_from: tuple[str, ...] = ()
    source_reviewed: dt.date | None = None

    @property
    def sources_of_translation(self) -> tuple[str, ...]:
        """The English slugs this translation follows: translation_of, then also_from."""
        if self.translation_of is None:
            return ()
        return (self.translation_of, *self.also_from)

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


def too_long_past_review(articles: Iterable[Article], today: dt.date, months: int) -> list[Article]:
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


def markdown_parser() -> MarkdownIt:
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
    language = _language(meta, name)
    translation_of, also_from, source_reviewed = _translation(meta, name, slug, language)
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
        language=language,
        translation_of=translation_of,
        also_from=also_from,
        source_reviewed=source_reviewed,
    )


LANGUAGES = {"en": "english", "es": "spanish"}


def _language(meta: dict[str, Any], name: str) -> str:
    value = meta.get("language", "en")
    if value not in LANGUAGES:
        raise ValueError(f"{name}: “language” must be en or es.")
    return str(value)


def _translation(
    meta: dict[str, Any],
    name: str,
    slug: str,
    language: str,
) -> tuple[str | None, tuple[str, ...], dt.date | None]:
    """A translation names its English slug (its own), the other English slugs it carries in
    part, and the English review date it was written from; an English article names none."""
    keys = ("translation_of", "also_from", "source_reviewed")
    if language == "en":
        if any(k in meta for k in keys):
            raise ValueError(
                f"{name}: only a translation has “translation_of”, “also_from” "
                "or “source_reviewed”."
            )
        return None, (), None
    if "translation_of" not in meta:  # written in Spanish, translating nothing
        if any(k in meta for k in keys):
            raise ValueError(f"{name}: “also_from” and “source_reviewed” need “translation_of”.")
        return None, (), None
    if meta.get("translation_of") != slug:
        raise ValueError(
            f"{name}: “translation_of” must name the English article, the same slug as the file."
        )
    also_from = _text_list(meta, "also_from", name, at_least=0)
    if not all(SLUG_PATTERN.fullmatch(s) for s in also_from):
        raise ValueError(f"{name}: “also_from” must list article slugs.")
    return slug, also_from, _date(meta, "source_reviewed", name)


# A folder's notes for the people who write articles (assets/reference/es/README.md).
NOT_ARTICLES = frozenset({"README.md"})


def load_articles(folder: Path) -> tuple[list[Article], list[str]]:
    """Every article in `folder`, sorted by slug, and one sentence per file that was skipped."""
    articles: list[Article] = []
    errors: list[str] = []
    try:
        paths = sorted(
            p
            for p in folder.iterdir()
            if p.suffix == ".md" and p.is_file() and p.name not in NOT_ARTICLES
        )
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
    tokens = markdown_parser().parse(article.body_markdown)
    return [s for s in (article_link_slug(h) for h in _link_targets(tokens)) if s]


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

    walk(markdown_parser().parse(markdown))
    return re.sub(r"[ \t]+", " ", "".join(out)).strip()


def without_title_heading(article: Article) -> str:
    # The first "# Title" line repeats the title column; indexing it twice skews bm25.
    first, _, rest = article.body_markdown.lstrip().partition("\n")
    return rest if first.startswith("# ") else article.body_markdown
