"""The shipped reference library: every article loads, links resolve, nothing can load a remote
resource, and search finds what an advocate would type, whatever they type."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from advocate_app.library.index import ReferenceHit, ReferenceIndex
from advocate_app.library.parsing import (
    Article,
    linked_slugs,
    load_articles,
    parse_article,
    plain_text,
)
from advocate_app.library.render import render_html
from advocate_app.library.resources import (
    ResourceFileError,
    ShippedResource,
    load_shipped_resources,
)
from advocate_app.store.vocab import RESOURCE_CATEGORIES

ASSETS = Path(__file__).resolve().parents[2] / "assets"
REFERENCE = ASSETS / "reference"
SHIPPED = ASSETS / "resources" / "shipped.toml"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    loaded, errors = load_articles(REFERENCE)
    assert errors == []
    return loaded


@pytest.fixture(scope="module")
def resources() -> list[ShippedResource]:
    return load_shipped_resources(SHIPPED)


@pytest.fixture(scope="module")
def index(articles: list[Article], resources: list[ShippedResource]):
    idx = ReferenceIndex(articles, resources)
    yield idx
    idx.close()


def _keys(hits: list[ReferenceHit]) -> list[str]:
    return [h.key for h in hits]


# --- the shipped articles ---------------------------------------------------------------------


def test_every_shipped_article_parses(articles: list[Article]) -> None:
    files = sorted(p.stem for p in REFERENCE.glob("*.md"))
    assert [a.slug for a in articles] == files
    assert len(articles) >= 37


@pytest.mark.parametrize("slug", sorted(p.stem for p in REFERENCE.glob("*.md")))
def test_article_has_what_a_reader_relies_on(articles: list[Article], slug: str) -> None:
    article = next(a for a in articles if a.slug == slug)
    assert article.title.strip()
    assert article.category.strip()
    assert article.summary.strip()
    assert len(article.sources) >= 1
    assert all(s.strip() for s in article.sources)
    assert isinstance(article.last_reviewed, dt.date)
    assert dt.date(2020, 1, 1) <= article.last_reviewed <= dt.date(2100, 1, 1)


def test_every_internal_link_resolves(articles: list[Article]) -> None:
    known = {a.slug for a in articles}
    broken = [
        (a.slug, target) for a in articles for target in linked_slugs(a) if target not in known
    ]
    assert broken == []
    # The library really is linked together, so the check above checks something.
    assert sum(len(linked_slugs(a)) for a in articles) > 50


def test_no_article_carries_images_scripts_or_raw_html(articles: list[Article]) -> None:
    for article in articles:
        body = article.body_markdown
        assert not re.search(r"!\[[^\]]*\]\(\s*https?:", body, re.I), article.slug
        assert "<script" not in body.lower(), article.slug
        # Raw HTML tags (autolinks like <https://…> are not tags, but we have none either).
        assert not re.search(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^>]*)?/?>", body), article.slug


def test_rendered_articles_have_no_web_links_and_no_images(articles: list[Article]) -> None:
    known = {a.slug for a in articles}
    for article in articles:
        page = render_html(article, known)
        assert not re.search(r'href\s*=\s*["\']?\s*https?', page, re.I), article.slug
        assert "<img" not in page.lower(), article.slug
        assert "<script" not in page.lower(), article.slug
        hrefs = re.findall(r'href="([^"]*)"', page)
        assert all(h.startswith("article:") and h[8:] in known for h in hrefs), article.slug
        assert f"Last reviewed: {article.last_reviewed.isoformat()}" in page
        assert "<h2>Sources</h2>" in page


def test_rendered_table_has_borders(articles: list[Article]) -> None:
    hotlines = next(a for a in articles if a.slug == "hotlines")
    page = render_html(hotlines, {a.slug for a in articles})
    assert '<table border="1"' in page
    assert "<td>1-888-373-7888</td>" in page


# --- rendering hostile Markdown ---------------------------------------------------------------


def _article(body: str, **changes: object) -> Article:
    fields: dict[str, object] = {
        "slug": "sample",
        "title": "Sample <b>title</b>",
        "category": "Test",
        "tags": ("a",),
        "summary": "S",
        "sources": ("Source <script>x</script>",),
        "last_reviewed": dt.date(2026, 1, 2),
        "body_markdown": body,
    }
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


def test_only_links_to_known_articles_survive_rendering() -> None:
    body = (
        "# Sample\n\n[web](https://example.org) <https://auto.example.org> "
        "[mail](mailto:a@example.org) [file](file:///etc/passwd) [js](javascript:alert(1)) "
        "[T visa](t-visa.md) [section](t-visa.md#elements) [gone](no-such-article.md) "
        "[relative](../secrets.md)\n"
    )
    page = render_html(_article(body), {"t-visa"})
    assert re.findall(r'href="([^"]*)"', page) == ["article:t-visa", "article:t-visa"]
    assert "<a" not in page.replace('<a href="article:t-visa">', "")
    # The words of every dropped link are still there as plain text.
    for word in ("web", "mail", "gone", "relative", "https://auto.example.org"):
        assert word in page


def test_images_render_as_alt_text_only() -> None:
    body = '![A *map* of routes](https://tracker.example/pixel.png "t")\n\n![local](t-visa.md)\n'
    page = render_html(_article(body), {"t-visa"})
    assert "<img" not in page
    assert "tracker.example" not in page
    assert "A map of routes" in page
    assert "local" in page


def test_raw_html_and_front_matter_text_are_escaped() -> None:
    body = "<script>alert(1)</script>\n\n<img src=https://x.example/a.png>\n\nText <b>bold</b>\n"
    page = render_html(_article(body), set())
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    assert "<img" not in page
    assert "<b>bold</b>" not in page
    assert "Sample &lt;b&gt;title&lt;/b&gt;" in page
    assert "Source &lt;script&gt;x&lt;/script&gt;" in page


def test_print_rendering_has_no_links_at_all(articles: list[Article]) -> None:
    hotlines = next(a for a in articles if a.slug == "hotlines")
    page = render_html(hotlines, ())
    assert "<a " not in page
    assert "safety planning" in page


def test_title_heading_can_be_left_out_for_the_screen(articles: list[Article]) -> None:
    t_visa = next(a for a in articles if a.slug == "t-visa")
    assert "<h1>The T visa</h1>" in render_html(t_visa, set())
    assert "<h1>" not in render_html(t_visa, set(), title_heading=False)


def test_plain_text_drops_markup() -> None:
    text = plain_text(
        "# Head\n\nSome **bold** and [a link](x.md).\n\n| a | b |\n|---|---|\n| c | d |\n"
    )
    assert "**" not in text and "](" not in text and "|" not in text
    for word in ("Head", "bold", "a link", "c", "d"):
        assert word in text


# --- loading errors ---------------------------------------------------------------------------


GOOD = """---
title: "Good"
category: "Test"
tags: [one, two]
summary: "A summary."
sources:
  - "A source"
last_reviewed: 2026-11-28
---
# Good

Body.
"""


def test_a_bad_file_is_skipped_and_named(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "no-front-matter.md").write_text("# Hello\n", encoding="utf-8")
    (tmp_path / "no-sources.md").write_text(
        GOOD.replace('  - "A source"\n', "").replace("sources:\n", "sources: []\n"),
        encoding="utf-8",
    )
    (tmp_path / "bad-yaml.md").write_text(
        GOOD.replace('title: "Good"', 'title: "Good'), encoding="utf-8"
    )
    (tmp_path / "bad-date.md").write_text(GOOD.replace("2026-11-28", "someday"), encoding="utf-8")
    (tmp_path / "latin1.md").write_bytes(GOOD.replace("Body.", "Caf\xe9").encode("latin-1"))
    (tmp_path / "Bad Name.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not an article", encoding="utf-8")
    loaded, errors = load_articles(tmp_path)
    assert [a.slug for a in loaded] == ["good"]
    assert len(errors) == 6
    for name in (
        "no-front-matter.md",
        "no-sources.md",
        "bad-yaml.md",
        "bad-date.md",
        "latin1.md",
        "Bad Name.md",
    ):
        assert sum(e.startswith(f"{name}:") for e in errors) == 1, name
    assert all(e.endswith(".") and "Traceback" not in e for e in errors)


def test_missing_folder_is_an_error_not_a_crash(tmp_path: Path) -> None:
    loaded, errors = load_articles(tmp_path / "missing")
    assert loaded == []
    assert len(errors) == 1


def test_yaml_tags_are_never_executed() -> None:
    evil = GOOD.replace("tags: [one, two]", "tags: !!python/object/apply:os.system ['true']")
    with pytest.raises(ValueError, match="sample.md"):
        parse_article("sample", evil)


# --- shipped resources ------------------------------------------------------------------------


def test_shipped_resources_load(resources: list[ShippedResource]) -> None:
    assert len(resources) >= 10
    assert all(r.category in RESOURCE_CATEGORIES for r in resources)
    nhth = next(r for r in resources if r.name == "National Human Trafficking Hotline")
    assert (nhth.phone, nhth.text, nhth.tty) == ("1-888-373-7888", "233733", "711")
    coalition = next(r for r in resources if "NCCASA" in r.name)
    assert coalition.phone is None
    assert coalition.category_label == "Coalition or network"


def test_resource_with_unknown_category_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text(
        '[[resource]]\nname = "X"\ncategory = "spa"\nhours = "h"\nlanguages = "l"\n'
        'county = "c"\nnotes = "n"\nsource = "s"\n',
        encoding="utf-8",
    )
    with pytest.raises(ResourceFileError, match="resource 1"):
        load_shipped_resources(path)


def test_resource_missing_a_field_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text('[[resource]]\nname = "X"\ncategory = "hotline"\n', encoding="utf-8")
    with pytest.raises(ResourceFileError, match="hours"):
        load_shipped_resources(path)


# --- search -----------------------------------------------------------------------------------


def test_text_number_finds_the_hotlines_article_first(index: ReferenceIndex) -> None:
    hits = index.search("233733")
    assert hits[0].kind == "article" and hits[0].key == "hotlines"
    assert "<b>233733</b>" in hits[0].snippet_html
    assert ("resource", "National Human Trafficking Hotline") in [(h.kind, h.key) for h in hits]


def test_debt_bondage_finds_the_federal_definition(index: ReferenceIndex) -> None:
    assert "federal-definition" in _keys(index.search("debt bondage"))[:3]


@pytest.mark.parametrize("typed", ["licence", "lisence", "Licence", "driver's licence"])
def test_misspelled_license_finds_the_license_article(index: ReferenceIndex, typed: str) -> None:
    assert "needs-license-id" in _keys(index.search(typed))[:3]


@pytest.mark.parametrize("typed", ["T visa", "t visa", "T-visa", "the T visa"])
def test_t_visa_comes_first(index: ReferenceIndex, typed: str) -> None:
    assert _keys(index.search(typed))[0] == "t-visa"


def test_u_visa_comes_first_for_u_visa(index: ReferenceIndex) -> None:
    assert _keys(index.search("U visa"))[0] == "u-visa"


def test_prefix_matches_as_you_type(index: ReferenceIndex) -> None:
    assert "subpoena-response" in _keys(index.search("subpoe"))[:3]


def test_phone_number_finds_the_resource(index: ReferenceIndex) -> None:
    hits = index.search("1-888-373-7888")
    assert ("resource", "National Human Trafficking Hotline") in [(h.kind, h.key) for h in hits]


def test_title_matches_come_first(index: ReferenceIndex) -> None:
    hits = index.search("housing")
    assert hits[0].key == "needs-housing"


def test_accents_are_ignored(index: ReferenceIndex) -> None:
    assert _keys(index.search("expúnction")) == _keys(index.search("expunction"))


def test_results_have_no_duplicates_and_respect_limit(index: ReferenceIndex) -> None:
    hits = index.search("trafficking", limit=5)
    assert len(hits) == 5
    everything = index.search("license", limit=100)
    pairs = [(h.kind, h.key) for h in everything]
    assert len(pairs) == len(set(pairs))


def test_snippets_are_escaped(articles: list[Article]) -> None:
    evil = _article("# Sample\n\nA <script>alert(1)</script> trap and \x02bold\x03 markers.\n")
    idx = ReferenceIndex([*articles, evil], [])
    try:
        hits = idx.search("trap")
        hit = next(h for h in hits if h.key == "sample")
        assert "<script" not in hit.snippet_html
        assert "&lt;script&gt;" in hit.snippet_html
        assert hit.snippet_html.count("<b>") == hit.snippet_html.count("</b>") == 1
    finally:
        idx.close()


def test_nothing_found_is_an_empty_list(index: ReferenceIndex) -> None:
    assert index.search("zzzqqqxxx") == []
    assert index.search("") == []
    assert index.search("   ") == []


HOSTILE = [
    '"',
    '""',
    '"""',
    "'",
    "''",
    "don't",
    "survivor's \"safe",
    "*",
    "**",
    "a*",
    "*a",
    "AND",
    "AND(",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(",
    "NEAR(a b, 2)",
    "visa NEAR/2 t",
    "-",
    "--",
    "-visa",
    "a -b",
    "^",
    "^visa",
    ":",
    "title:",
    "title:visa",
    "{title}: visa",
    "(",
    ")",
    "((((",
    "[",
    "]",
    "\\",
    "%",
    "_",
    ";",
    "; DROP TABLE reference_fts; --",
    "😀",
    "🚨 hotline 🚨",
    "\x00",
    "visa\x00visa",
    "\x02\x03",
    "\x1b[31m",
    "\t\n\r",
    "ﷺ",
    "\u202e",
    "\ufeff",
    "𝓣 𝓿𝓲𝓼𝓪",
    "x" * 10_000,
    "visa " * 2_000,
    "a" * 100_000,
    "NEAR(" * 500,
    '"' * 10_000,
    "é" * 5_000,
]


@pytest.mark.parametrize("typed", HOSTILE, ids=lambda s: repr(s[:24]))
def test_search_never_raises(index: ReferenceIndex, typed: str) -> None:
    hits = index.search(typed)
    assert isinstance(hits, list)
    assert all(isinstance(h, ReferenceHit) for h in hits)
    assert len(hits) <= 20


def test_hostile_list_is_long_enough() -> None:
    assert len(HOSTILE) >= 30


def test_search_works_from_another_thread(index: ReferenceIndex) -> None:
    import threading

    found: list[list[ReferenceHit]] = []
    worker = threading.Thread(target=lambda: found.append(index.search("T visa")))
    worker.start()
    worker.join(10)
    assert found and _keys(found[0])[0] == "t-visa"
