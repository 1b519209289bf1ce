"""The reference screen, driven as an advocate would: pick an article, follow a link, save a PDF,
look up a hotline number."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocate_app.library.parsing import load_articles
from advocate_app.library.resources import load_shipped_resources
from advocate_app.ui.qt import (
    QFileDialog,
    QGuiApplication,
    QSettings,
    Qt,
    QTreeWidgetItem,
    QUrl,
)
from advocate_app.ui.reference.section import ReferenceSection

ASSETS = Path(__file__).resolve().parents[2] / "assets"


def _shown_section(qtbot, **options) -> ReferenceSection:  # type: ignore[no-untyped-def]
    """The section over the shipped library, on screen as when it is opened; `options` are
    ReferenceSection's (today, translations, language)."""
    articles, errors = load_articles(ASSETS / "reference")
    assert errors == []
    resources = load_shipped_resources(ASSETS / "resources" / "shipped.toml")
    widget = ReferenceSection(articles, resources, **options)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.on_show()
    return widget


@pytest.fixture
def section(qtbot) -> ReferenceSection:
    return _shown_section(qtbot)


def _item(section: ReferenceSection, text: str) -> QTreeWidgetItem:
    found = section.tree.findItems(text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert found, text
    return found[0]


def _click(qtbot, section: ReferenceSection, item: QTreeWidgetItem) -> None:
    section.tree.scrollToItem(item)
    rect = section.tree.visualItemRect(item)
    qtbot.mouseClick(section.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_first_article_is_shown_when_the_section_opens(section: ReferenceSection) -> None:
    assert section.pages.currentIndex() == 0
    assert section.article_title.text()
    assert section.browser.toPlainText().strip()
    assert section.tree.hasFocus()


def test_clicking_an_article_shows_it(qtbot, section: ReferenceSection) -> None:
    _click(qtbot, section, _item(section, "Driver's license and ID"))
    assert section.article_title.text() == "Driver's license and ID"
    assert section.category_label.text() == "Needs and services"
    assert "Traffickers often take or destroy identity documents" in section.browser.toPlainText()
    assert section.location() == {"slug": "needs-license-id"}


def test_arrow_keys_move_through_articles(qtbot, section: ReferenceSection) -> None:
    section.open_article("t-visa")
    section.tree.setFocus()
    qtbot.keyClick(section.tree, Qt.Key.Key_Down)
    assert section.article_title.text() == "The U visa"
    qtbot.keyClick(section.tree, Qt.Key.Key_Up)
    assert section.article_title.text() == "The T visa"


def test_typing_a_search_and_enter_opens_the_best_match(qtbot, section: ReferenceSection) -> None:
    section.search.setFocus()
    qtbot.keyClicks(section.search, "lisence")
    # The typo is corrected to "license", which several articles mention; the one about it
    # comes first.
    assert section.result_count.text().startswith("Articles: ")
    assert section.result_count.text() != "Articles: 0 · Resources: 0"
    qtbot.keyClick(section.search, Qt.Key.Key_Return)
    assert section.article_title.text() == "Driver's license and ID"
    assert section.tree.hasFocus()
    # Clearing the search brings back the whole list with the article still selected.
    section.search.clear()
    assert section.tree.currentItem().text(0) == "Driver's license and ID"
    assert section.tree.findItems("Federal law", Qt.MatchFlag.MatchExactly)


def test_a_search_with_no_match_says_so(qtbot, section: ReferenceSection) -> None:
    qtbot.keyClicks(section.search, "zzqqxx")
    assert section.tree.topLevelItem(0).text(0).startswith("Nothing matches")
    assert section.result_count.isVisible()


def test_internal_link_navigates(qtbot, section: ReferenceSection) -> None:
    section.open_article("u-visa")
    # The reading pane really carries the link a person would click.
    assert 'href="article:t-visa"' in section.browser.toHtml()
    section.browser.anchorClicked.emit(QUrl("article:t-visa"))
    assert section.article_title.text() == "The T visa"
    assert section.location() == {"slug": "t-visa"}
    assert section.tree.currentItem().text(0) == "The T visa"


def test_other_links_are_ignored(qtbot, section: ReferenceSection) -> None:
    section.open_article("hotlines")
    for url in (
        "https://example.org",
        "file:///etc/passwd",
        "mailto:a@example.org",
        "article:no-such-article",
        "javascript:alert(1)",
    ):
        section.browser.anchorClicked.emit(QUrl(url))
        assert section.location() == {"slug": "hotlines"}


def test_reading_pane_never_follows_links_itself(section: ReferenceSection) -> None:
    assert not section.browser.openLinks()
    assert not section.browser.openExternalLinks()


def test_save_as_pdf_writes_a_pdf(
    qtbot, section: ReferenceSection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A folder Qt remembered earlier must be gone after the dialog.
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.setValue("FileDialog/lastVisited", "file:///home/someone/private")
    settings.sync()
    asked: list[str] = []

    def fake_dialog(parent, caption, directory, filter_):
        asked.append(directory)
        return str(tmp_path / "t-visa"), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    section.open_article("t-visa")
    qtbot.mouseClick(section.pdf_button, Qt.MouseButton.LeftButton)
    pdf = tmp_path / "t-visa.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 2000
    assert asked and asked[0].endswith("t-visa.pdf")
    settings.sync()
    assert QSettings(QSettings.Scope.UserScope, "QtProject").value("FileDialog/lastVisited") is None


def test_pdf_text_has_the_title_and_sources(
    qtbot, section: ReferenceSection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pypdf = pytest.importorskip("pypdf")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "out.pdf"), "")
    )
    section.open_article("hotlines")
    section.save_pdf()
    pages = pypdf.PdfReader(tmp_path / "out.pdf").pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert "Hotlines (24/7)" in text
    assert "1-888-373-7888" in text
    assert "Sources" in text


def test_cancelled_save_writes_nothing(
    qtbot, section: ReferenceSection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    section.open_article("t-visa")
    section.save_pdf()
    assert list(tmp_path.iterdir()) == []


def test_resources_list_the_trafficking_hotline(qtbot, section: ReferenceSection) -> None:
    _click(qtbot, section, _item(section, "National and statewide resources"))
    assert section.pages.currentIndex() == 1
    pane = section.resources_pane
    phones = [pane.list.topLevelItem(i).text(1) for i in range(pane.list.topLevelItemCount())]
    assert "1-888-373-7888" in phones
    assert not section.print_button.isEnabled()


def test_copy_phone_number(qtbot, section: ReferenceSection) -> None:
    section.show_resources("National Sexual Assault Hotline (RAINN)")
    pane = section.resources_pane
    assert pane.copy_button.isEnabled()
    qtbot.mouseClick(pane.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "1-800-656-4673"
    assert "1-800-656-4673" in pane.copied.text()
    # An entry without a confirmed number cannot be copied.
    pane.select("NC Coalition Against Human Trafficking (NCCAHT)")
    assert not pane.copy_button.isEnabled()
    assert section.location() == {
        "view": "resources",
        "resource": "NC Coalition Against Human Trafficking (NCCAHT)",
    }


def test_search_finds_a_resource_by_text_number(qtbot, section: ReferenceSection) -> None:
    qtbot.keyClicks(section.search, "988")
    item = _item(section, "988 Suicide & Crisis Lifeline")
    _click(qtbot, section, item)
    assert section.pages.currentIndex() == 1
    assert section.resources_pane.current_name() == "988 Suicide & Crisis Lifeline"


def test_location_round_trip(qtbot) -> None:
    articles, _ = load_articles(ASSETS / "reference")
    resources = load_shipped_resources(ASSETS / "resources" / "shipped.toml")
    first = ReferenceSection(articles, resources)
    second = ReferenceSection(articles, resources)
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    first.open_article("nc-expunction")
    second.restore_location(first.location())
    assert second.article_title.text() == first.article_title.text()
    first.show_resources("Emergency (911)")
    second.restore_location(first.location())
    assert second.resources_pane.current_name() == "Emergency (911)"
    second.restore_location({"slug": "no-such-article"})
    assert second.resources_pane.current_name() == "Emergency (911)"
    second.restore_location({})


def test_empty_state_when_no_articles_load(qtbot) -> None:
    resources = load_shipped_resources(ASSETS / "resources" / "shipped.toml")
    widget = ReferenceSection([], resources)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.on_show()
    # on_show puts the focus in the search box (focus in the list would hide the explanation)
    qtbot.waitUntil(lambda: widget.focusWidget() is widget.search)
    assert widget.pages.currentIndex() == 2
    assert widget.empty_message.isVisible()
    assert widget.empty_message.text().startswith("The reference library could not be loaded")
    assert not widget.print_button.isEnabled()
    assert not widget.pdf_button.isEnabled()
    qtbot.mouseClick(widget.show_hotlines_button, Qt.MouseButton.LeftButton)
    assert widget.pages.currentIndex() == 1
    assert widget.resources_pane.current_name() == "National Human Trafficking Hotline"


def test_controls_have_accessible_names_and_descriptions(section: ReferenceSection) -> None:
    for control in (
        section.search,
        section.tree,
        section.browser,
        section.print_button,
        section.pdf_button,
        section.resources_pane.list,
        section.resources_pane.copy_button,
    ):
        assert control.accessibleName()
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus
        # The name is not enough: what a list's rows are and how to act on them, a search
        # field's scope, what a button does.
        assert control.accessibleDescription(), control.accessibleName()
    assert section.other_language_button.accessibleDescription()


# --- review due -------------------------------------------------------------------------------


def _section_on(qtbot, day) -> ReferenceSection:
    return _shown_section(qtbot, today=lambda: day)


def test_an_article_past_its_review_says_so_calmly(qtbot) -> None:
    import datetime as dt

    articles, _errors = load_articles(ASSETS / "reference")
    t_visa = next(a for a in articles if a.slug == "t-visa")
    section = _section_on(qtbot, t_visa.review_due_on + dt.timedelta(days=1))
    item = _item(section, t_visa.title)
    assert item.text(0) == t_visa.title  # the title itself is unchanged
    assert item.text(1) == "Review due"
    _click(qtbot, section, item)
    qtbot.waitUntil(lambda: section.current_slug() == "t-visa")
    assert section.review_notice.isVisible()
    notice = section.review_notice.text()
    assert notice.startswith("Review due:") and "check its sources" in notice
    # Search results carry the same mark.
    qtbot.keyClicks(section.search, "T visa")
    hit = _item(section, t_visa.title)
    assert hit.text(1) == "Review due"


def test_an_article_within_its_review_date_has_no_mark(qtbot) -> None:
    import datetime as dt

    articles, _errors = load_articles(ASSETS / "reference")
    t_visa = next(a for a in articles if a.slug == "t-visa")
    section = _section_on(qtbot, t_visa.review_due_on - dt.timedelta(days=1))
    item = _item(section, t_visa.title)
    assert item.text(1) == ""
    _click(qtbot, section, item)
    qtbot.waitUntil(lambda: section.current_slug() == "t-visa")
    assert not section.review_notice.isVisible()
    assert section.review_notice.text() == ""


# --- in Spanish (issue 15) ----------------------------------------------------------------------


def _spanish_section(qtbot, language: str = "es", translations=None) -> ReferenceSection:
    from advocate_app.library.translations import load_translations

    if translations is None:
        articles, _errors = load_articles(ASSETS / "reference")
        translations, problems = load_translations(ASSETS / "reference", articles)
        assert not problems
    return _shown_section(qtbot, translations=translations, language=language)


def test_in_spanish_the_list_shows_spanish_titles_and_english_ones_with_a_note(qtbot) -> None:
    section = _spanish_section(qtbot)
    assert section.tree.findItems("The T visa", Qt.MatchFlag.MatchRecursive) == []
    spanish = _item(section, "La visa T")
    assert spanish.text(1) in ("", "Review due")
    _click(qtbot, section, spanish)
    qtbot.waitUntil(lambda: section.current_slug() == "t-visa")
    assert section.article_title.text() == "La visa T"
    assert "notario" in section.browser.toPlainText().lower()
    # It says when its English source was last reviewed, and offers the English text.
    assert section.language_notice.isVisible()
    assert "English version reviewed on" in section.language_notice.text()
    assert section.other_language_button.isVisible()
    qtbot.mouseClick(section.other_language_button, Qt.MouseButton.LeftButton)
    assert section.article_title.text() == "The T visa"
    qtbot.mouseClick(section.other_language_button, Qt.MouseButton.LeftButton)
    assert section.article_title.text() == "La visa T"
    # An article with no Spanish version: in English, marked in the list and on the page.
    english_only = next(i for i in section.tree.rows() if i.text(1) == "In English")
    _click(qtbot, section, english_only)
    qtbot.waitUntil(lambda: section.language_notice.text() == "This article is not in Spanish yet.")
    assert section.language_notice.isVisible()
    assert not section.other_language_button.isVisible()


def test_a_stale_translation_is_flagged(qtbot) -> None:
    import dataclasses
    import datetime as dt

    from advocate_app.library.translations import load_translations

    articles, _ = load_articles(ASSETS / "reference")
    translations, _ = load_translations(ASSETS / "reference", articles)
    # The Spanish T visa as if written from an older English text.
    old = [
        dataclasses.replace(t, source_reviewed=dt.date(2026, 1, 1)) if t.slug == "t-visa" else t
        for t in translations
    ]
    section = _spanish_section(qtbot, translations=old)
    item = _item(section, "La visa T")
    assert item.text(1) in ("May be out of date", "Review due")
    _click(qtbot, section, item)
    qtbot.waitUntil(lambda: section.current_slug() == "t-visa")
    assert "may be out of date" in section.language_notice.text()
    assert section.other_language_button.text() == "Show the English version"


def test_the_section_switches_with_the_language(qtbot) -> None:
    section = _spanish_section(qtbot, language="en")
    _click(qtbot, section, _item(section, "The T visa"))
    qtbot.waitUntil(lambda: section.current_slug() == "t-visa")
    assert not section.language_notice.isVisible()
    assert not section.other_language_button.isVisible()
    section.set_language("es")
    assert section.article_title.text() == "La visa T"
    assert section.current_slug() == "t-visa"
    assert section.tree.currentItem().text(0) == "La visa T"  # still selected, in Spanish
    # Search lists the Spanish version; "linea" and "línea" both find the hotlines.
    for typed in ("línea", "linea"):
        section.search.setText(typed)  # QTest types ASCII only; the filter reacts the same
        assert section.tree.findItems("Líneas de ayuda (24 horas)", Qt.MatchFlag.MatchRecursive), (
            typed
        )
    section.search.clear()
    section.set_language("en")
    assert section.article_title.text() == "The T visa"
