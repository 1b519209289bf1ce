"""The summary for a screen reader: the PDF states its language and title and reads in order;
the same summary saved as an HTML page (real tables) or plain text shows the same cells."""

from __future__ import annotations

import io
import re
from datetime import date
from html import unescape
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from advocate_app.reports.anonymize import HIDDEN_MARKER, PublishedSummary, publish
from advocate_app.reports.formats import format_for_path, summary_bytes
from advocate_app.reports.periods import fiscal_quarter
from advocate_app.reports.table_text import table_text
from advocate_app.store import vocab
from tests.helpers import office_counts

Q2 = fiscal_quarter(2026, 2)


def _summary(is_demo: bool = False) -> PublishedSummary:
    counts = office_counts(is_demo=is_demo)
    return publish(counts, k=11, generated_on=date(2026, 4, 2))


def _pdf(summary: PublishedSummary) -> PdfReader:
    return PdfReader(io.BytesIO(summary_bytes(summary, "pdf")))


def _pdf_text(summary: PublishedSummary) -> str:
    return "\n".join(page.extract_text() for page in _pdf(summary).pages)


_VOID = {"meta", "br", "link", "img", "hr", "input"}


class _Page(HTMLParser):
    """The parts of an HTML page a screen reader relies on."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.title = ""
        self.captions: list[str] = []
        self.tables: list[list[list[tuple[str, str | None, str]]]] = []  # (tag, scope, text)
        self.tags: list[str] = []
        self._stack: list[tuple[str, str | None, list[str]]] = []  # open elements, their text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag == "table":
            self.tables.append([])
        if tag == "tr":
            self.tables[-1].append([])
        if tag not in _VOID:
            self._stack.append((tag, dict(attrs).get("scope"), []))

    def handle_data(self, data: str) -> None:
        for _, _, text in self._stack:
            text.append(data)

    def handle_endtag(self, tag: str) -> None:
        opened, scope, parts = self._stack.pop()
        assert opened == tag, f"<{opened}> closed by </{tag}>"
        text = "".join(parts).strip()
        if tag == "title":
            self.title = text
        elif tag == "caption":
            self.captions.append(text)
        elif tag in ("th", "td"):
            self.tables[-1][-1].append((tag, scope, text))


def _page(summary: PublishedSummary) -> _Page:
    page = _Page()
    page.feed(summary_bytes(summary, "html").decode("utf-8"))
    page.close()
    return page


def test_the_pdf_states_its_language_title_and_subject() -> None:
    summary = _summary()
    reader = _pdf(summary)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-US"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert reader.metadata is not None
    assert reader.metadata.title == "Anonymized summary"
    assert reader.metadata.subject == f"Anonymized counts for {Q2.label}"
    assert not reader.metadata.author


def test_the_pdf_text_comes_out_in_reading_order() -> None:
    summary = _summary()
    text = _pdf_text(summary)
    headings = [
        "Anonymized summary",
        summary.office_name,
        "What this report contains",
        "It holds no client-identifying information",
        "How small numbers are hidden",
        *(t.title for t in summary.tables),
    ]
    places = [text.find(h) for h in headings]
    assert -1 not in places, [h for h, p in zip(headings, places, strict=True) if p < 0]
    assert places == sorted(places)
    # Within a table, a row reads as its label followed by its cells.
    trafficking = summary.table("trafficking_type")
    start = text.index(trafficking.title)
    assert text.index("Sex trafficking", start) < text.index(trafficking.cells[0][0], start + 1)


def test_the_html_page_is_real_tables_with_captions_and_scoped_headers() -> None:
    summary = _summary()
    page = _page(summary)
    assert page.lang == "en-US"
    assert "Anonymized summary" in page.title and Q2.label in page.title
    assert "script" not in page.tags and "img" not in page.tags
    assert page.captions == [t.title for t in summary.tables]
    for table, rows in zip(summary.tables, page.tables, strict=True):
        header, *body = rows
        corner, *columns = header
        assert corner[:2] == ("th", "col") or corner == ("td", None, "")
        assert all(tag == "th" and scope == "col" for tag, scope, _ in columns)
        assert [text for _, _, text in columns] == list(table_text(table).header[1:])
        for row in body:
            assert row[0][:2] == ("th", "row")
            assert all(tag == "td" for tag, _, _ in row[1:])
    html = unescape(summary_bytes(summary, "html").decode("utf-8"))
    for table in summary.tables:
        assert table.note in html


def _number_cells(rows: list[list[tuple[str, str | None, str]]]) -> list[str]:
    return [
        text.removesuffix("hidden") for row in rows for tag, _, text in row if tag == "td" and text
    ]


def test_html_and_text_show_the_numbers_the_pdf_shows_in_the_same_order() -> None:
    summary = _summary()
    pdf_tokens = _pdf_text(summary).split()
    page = _page(summary)
    cells = [
        token for rows in page.tables for cell in _number_cells(rows) for token in cell.split()
    ]
    assert len(cells) > 40
    # Every cell of every HTML table is in the PDF's text, in the same order.
    position = 0
    for token in cells:
        assert token in pdf_tokens[position:], f"{token!r} not in the PDF after {position}"
        position = pdf_tokens.index(token, position) + 1
    text = summary_bytes(summary, "txt").decode("utf-8")
    for table in summary.tables:
        for row in table_text(table).rows:
            assert re.search(r"\s*\|\s*".join(re.escape(c) for c in row if c), text), row


def test_a_hidden_cell_shows_the_same_marker_everywhere() -> None:
    summary = _summary()
    hidden = sum(
        1 for t in summary.tables for row in table_text(t).rows for c in row if c == HIDDEN_MARKER
    )
    hidden += sum(
        1 for t in summary.tables if (r := table_text(t).total_row) for c in r if c == HIDDEN_MARKER
    )
    assert hidden >= 3  # this office has small counts
    page = _page(summary)
    in_html = sum(
        1
        for rows in page.tables
        for row in rows
        for tag, _, text in row
        if tag == "td" and text == f"{HIDDEN_MARKER}hidden"
    )
    assert in_html == hidden  # the marker, and the word a screen reader says for it
    html = summary_bytes(summary, "html").decode("utf-8")
    text = summary_bytes(summary, "txt").decode("utf-8")
    for document in (html, text):
        assert f"“{HIDDEN_MARKER}”: hidden to protect privacy" in document
        assert "&lt;11" not in document and "<11" not in document
    assert text.count(HIDDEN_MARKER) >= hidden


@pytest.mark.parametrize("fmt", ["html", "txt"])
def test_a_demo_summary_says_demo_in_every_format(fmt: str) -> None:
    assert "DEMO — fictional data" in summary_bytes(_summary(is_demo=True), fmt).decode("utf-8")
    assert "DEMO" not in summary_bytes(_summary(), fmt).decode("utf-8")


def test_the_file_name_suffix_chooses_the_format() -> None:
    from pathlib import Path

    assert format_for_path(Path("s.HTML")) == "html"
    assert format_for_path(Path("s.htm")) == "html"
    assert format_for_path(Path("s.txt")) == "txt"
    assert format_for_path(Path("s.pdf")) == "pdf"
    assert format_for_path(Path("summary")) == "pdf"
    with pytest.raises(ValueError, match="pdf, html or txt"):
        summary_bytes(_summary(), "docx")


def test_office_names_with_markup_are_escaped() -> None:
    summary = _summary()
    from dataclasses import replace

    odd = replace(summary, office_name="<b>R&D</b> office")
    html = summary_bytes(odd, "html").decode("utf-8")
    assert "<b>R&D</b>" not in html and "&lt;b&gt;R&amp;D&lt;/b&gt; office" in html
    assert vocab.NEED_CATEGORIES["housing"] in html
