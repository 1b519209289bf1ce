"""The reference library screen: articles by category, a reading pane, and the shipped hotlines.

Nothing here can reach the network: the reading pane opens no links itself, only our own
`article:` links are followed, and it loads no resources (images, style sheets) of any kind.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from advocate_app.library.index import ReferenceIndex
from advocate_app.library.parsing import Article
from advocate_app.library.render import ARTICLE_SCHEME, render_html
from advocate_app.library.resources import ShippedResource
from advocate_app.library.translations import ENGLISH, Shelf, Shown
from advocate_app.searchtext.marks import SearchFailed
from advocate_app.ui.qt import (
    QAbstractItemView,
    QDate,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLineEdit,
    QLocale,
    QPushButton,
    QShortcut,
    QSplitter,
    QStackedWidget,
    Qt,
    QTextDocument,
    QTreeWidget,
    QTreeWidgetItem,
    QUrl,
    QVBoxLayout,
    QWidget,
    tr,
)
from advocate_app.ui.reference.printing import print_document, save_document_as_pdf
from advocate_app.ui.reference.reading_pane import ReadingPane
from advocate_app.ui.reference.resources_pane import ResourcesPane
from advocate_app.ui.reference.rows import mark_row, row_target
from advocate_app.ui.shell import Section
from advocate_app.ui.widgets import hline, label


def ui_language() -> str:
    """The interface's language as a library language code: "es" when the default locale is
    Spanish, "en" otherwise."""
    return "es" if QLocale().language() == QLocale.Language.Spanish else ENGLISH


class ReferenceSection(Section):
    print_mark = ""  # set in the demo window: printed and saved articles carry a DEMO mark

    """Articles grouped by category on the left, the chosen one on the right."""

    def __init__(
        self,
        articles: list[Article],
        resources: list[ShippedResource],
        parent: QWidget | None = None,
        *,
        index: ReferenceIndex | None = None,
        today: Callable[[], date] = date.today,
        translations: Sequence[Article] = (),
        language: str = ENGLISH,
    ) -> None:
        super().__init__(parent)
        self.title = tr("Reference")  # translated when built, after the translator is loaded
        self.today = today  # tests pass a fixed day; "review due" depends on it
        self._articles = {a.slug: a for a in articles}  # English, by slug
        # Every slug in each language: the translation where there is one, else the English.
        self._shelf = Shelf(articles, translations)
        self._language = language
        self._english_only: set[str] = set()  # translations set aside for the English text
        self._resources = list(resources)
        self._index = (
            index
            if index is not None
            else ReferenceIndex([*articles, *self._shelf.translations()], resources)
        )
        self._current_slug: str | None = None

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter)

        # The middle column: a filter box over the articles, then the list.
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(12, 12, 6, 12)
        middle_layout.setSpacing(8)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search the reference"))
        self.search.setAccessibleName(tr("Search the reference"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._go_to_first_result)
        middle_layout.addWidget(self.search)
        self.result_count = label("", "hint")
        self.result_count.hide()
        middle_layout.addWidget(self.result_count)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        # Column 1 holds a quiet "Review due" beside an article whose review date has passed.
        self.tree.setColumnCount(2)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setAccessibleName(tr("Reference articles"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(False)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 3px 0px; }")
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(self._activated)
        middle_layout.addWidget(self.tree, 1)
        middle.setMinimumWidth(240)
        splitter.addWidget(middle)

        # The right column: one article, the resources, or the empty state.
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_article_page())
        self.resources_pane = ResourcesPane(self._resources)
        resources_page = QWidget()
        resources_layout = QVBoxLayout(resources_page)
        resources_layout.setContentsMargins(6, 12, 12, 12)
        resources_layout.addWidget(self.resources_pane)
        self.pages.addWidget(resources_page)
        self.pages.addWidget(self._build_empty_page())
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 860])

        print_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        print_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        print_shortcut.activated.connect(self.print_article)

        self._fill_tree()
        self.pages.setCurrentIndex(2)
        self._update_buttons()

    # --- building ---------------------------------------------------------------------------

    def _build_article_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 12, 12, 12)
        layout.setSpacing(6)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.category_label = label("", "hint")
        self.article_title = label("", "title")
        # Said plainly, without alarm: the article is still worth reading, its facts need a check.
        self.review_notice = label("", "hint")
        self.review_notice.setAccessibleName(tr("Review due"))
        self.review_notice.hide()
        # In Spanish: the article is not translated yet, or its translation may be behind the
        # English text, and when the English source was last reviewed.
        self.language_notice = label("", "hint")
        self.language_notice.setWordWrap(True)
        self.language_notice.hide()
        titles.addWidget(self.category_label)
        titles.addWidget(self.article_title)
        titles.addWidget(self.review_notice)
        titles.addWidget(self.language_notice)
        header.addLayout(titles, 1)
        self.other_language_button = QPushButton()
        self.other_language_button.clicked.connect(self._toggle_english)
        self.other_language_button.hide()
        header.addWidget(self.other_language_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.print_button = QPushButton(tr("Print…"))
        self.print_button.setAccessibleName(tr("Print article"))
        self.print_button.clicked.connect(self.print_article)
        self.pdf_button = QPushButton(tr("Save as PDF…"))
        self.pdf_button.setAccessibleName(tr("Save article as PDF"))
        self.pdf_button.clicked.connect(self.save_pdf)
        header.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignBottom)
        header.addWidget(self.pdf_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(header)
        layout.addWidget(hline())
        self.browser = ReadingPane()
        self.browser.setAccessibleName(tr("Article text"))
        self.browser.anchorClicked.connect(self._anchor_clicked)
        layout.addWidget(self.browser, 1)
        return page

    def _build_empty_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        if self._articles:
            layout.addWidget(label(tr("Choose an article"), "subtitle"))
            layout.addWidget(
                label(
                    tr("Pick a topic from the list, or type a word in the search box above it."),
                    "hint",
                )
            )
        else:
            self.empty_message = label(
                tr(
                    "The reference library could not be loaded. Its files may be missing or damaged; "
                    "reinstalling Advocate Companion puts them back."
                )
            )
            self.empty_message.setMaximumWidth(640)
            layout.addWidget(label(tr("The reference library is not available"), "subtitle"))
            layout.addWidget(self.empty_message)
            if self._resources:
                self.show_hotlines_button = QPushButton(tr("Show national hotlines"))
                self.show_hotlines_button.setAccessibleName(tr("Show national hotlines"))
                self.show_hotlines_button.clicked.connect(lambda: self.show_resources())
                layout.addWidget(self.show_hotlines_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(2)
        return page

    def _fill_tree(self) -> None:
        self.tree.clear()
        if self._resources:
            item = QTreeWidgetItem([tr("National and statewide resources")])
            item.setToolTip(0, tr("Hotlines and statewide organizations, with phone numbers"))
            mark_row(item, "resources", "")
            self._bold(item)
            self.tree.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)
        today = self.today()
        by_category: dict[str, list[Article]] = {}
        marks: dict[str, Shown] = {}
        for shown in self._shelf.listing(self._language):
            by_category.setdefault(shown.article.category, []).append(shown.article)
            marks[shown.slug] = shown
        for category in sorted(by_category, key=str.casefold):
            group = QTreeWidgetItem([category])
            mark_row(group, "group", category)
            self._bold(group)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for article in sorted(by_category[category], key=lambda a: a.title.casefold()):
                child = QTreeWidgetItem([article.title])
                mark_row(child, "article", article.slug)
                child.setToolTip(0, f"{article.title}\n\n{article.summary}")
                group.addChild(child)
                self._mark_review(child, article, today)
                self._mark_language(child, marks[article.slug])
        self.tree.expandAll()

    @staticmethod
    def _mark_review(item: QTreeWidgetItem, article: Article, today: date) -> None:
        if not article.review_due(today):
            return
        item.setText(1, tr("Review due"))
        item.setToolTip(
            1,
            tr(
                "This article is due for review. Check its sources before "
                "relying on a fact or a phone number in it."
            ),
        )

    @staticmethod
    def _mark_language(item: QTreeWidgetItem, shown: Shown | None) -> None:
        if shown is None or item.text(1):  # "Review due" says more
            return
        if shown.untranslated:
            item.setText(1, tr("In English"))
            item.setToolTip(1, tr("This article is not in Spanish yet; it is shown in English."))
        elif shown.stale:
            item.setText(1, tr("May be out of date"))
            item.setToolTip(
                1,
                tr(
                    "The English version was reviewed after this translation was "
                    "written: it may be out of date."
                ),
            )

    def _fill_results(self, text: str) -> None:
        self.tree.clear()
        today = self.today()
        try:
            hits = self._index.search(text, limit=40, language=self._language)
        except SearchFailed:  # logged by the store without the text
            failed = QTreeWidgetItem([tr("Search failed. Try again.")])
            failed.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(failed)
            self.result_count.hide()
            return
        articles = sum(1 for h in hits if h.kind == "article")
        self.result_count.setText(
            tr("Articles: {0} · Resources: {1}").format(articles, len(hits) - articles)
        )
        self.result_count.setAccessibleDescription(self.result_count.text())
        self.result_count.show()
        if not hits:
            empty = QTreeWidgetItem([tr("Nothing matches “{0}”").format(text.strip()[:60])])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(empty)
            return
        groups: dict[str, QTreeWidgetItem] = {}
        group_spans: list[QTreeWidgetItem] = []
        for hit in hits:
            if hit.kind not in groups:
                caption = tr("Articles") if hit.kind == "article" else tr("Resources")
                group = QTreeWidgetItem([caption])
                mark_row(group, "group", caption)
                self._bold(group)
                groups[hit.kind] = group
                group_spans.append(group)
            child = QTreeWidgetItem([hit.title])
            # The snippet is escaped with only <b> added: safe as a rich-text tooltip.
            child.setToolTip(0, f"<qt><b>{html.escape(hit.title)}</b><br>{hit.snippet_html}</qt>")
            kind = "article" if hit.kind == "article" else "resources"
            mark_row(child, kind, hit.key)
            groups[hit.kind].addChild(child)
            if kind == "article" and hit.key in self._articles:
                shown = self._shelf.show(hit.key, self._language)
                assert shown is not None
                self._mark_review(child, shown.article, today)
                self._mark_language(child, shown)
        # Articles first, as the index ranks them.
        for kind in ("article", "resource"):
            if kind in groups:
                self.tree.addTopLevelItem(groups[kind])
        for group in group_spans:
            group.setFirstColumnSpanned(True)
        self.tree.expandAll()

    @staticmethod
    def _bold(item: QTreeWidgetItem) -> None:
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)

    # --- the public interface --------------------------------------------------------------

    def on_show(self) -> None:
        """Called when the section becomes visible: something to read, focus in the list."""
        if self.pages.currentIndex() == 2 and not self._articles:
            # Focus in the list would select its first row and hide the explanation.
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.pages.currentIndex() == 2:
            first = self._first_item("article")
            if first is not None:
                self.tree.setCurrentItem(first)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def location(self) -> dict[str, object]:
        if self.pages.currentIndex() == 0 and self._current_slug:
            return {"slug": self._current_slug}
        if self.pages.currentIndex() == 1:
            return {"view": "resources", "resource": self.resources_pane.current_name() or ""}
        return {}

    def restore_location(self, loc: dict) -> None:
        slug = loc.get("slug")
        if isinstance(slug, str) and slug in self._articles:
            self.open_article(slug)
        elif loc.get("view") == "resources" and self._resources:
            name = loc.get("resource")
            self.show_resources(name if isinstance(name, str) else None)

    def open_article(self, slug: str) -> None:
        """Show an article and select it in the list; an unknown slug is ignored."""
        if slug not in self._articles:
            return
        item = self._find_item("article", slug)
        if item is None and self.search.text():
            self.search.clear()  # the filter hides it: show the whole list again
            item = self._find_item("article", slug)
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
        if self._current_slug != slug or self.pages.currentIndex() != 0:
            self._show_article(slug)

    def show_resources(self, name: str | None = None) -> None:
        item = self._find_item("resources", "")
        if item is None and self.search.text():
            self.search.clear()
            item = self._find_item("resources", "")
        if item is not None:
            self.tree.setCurrentItem(item)
        self.pages.setCurrentIndex(1)
        if name:
            self.resources_pane.select(name)
        self._update_buttons()

    def language(self) -> str:
        return self._language

    def changeEvent(self, event: Any) -> None:
        # The interface language changed (a translator was installed): follow it. The language
        # is read from the default QLocale, which the language setting sets with the
        # translator, until the settings module names the current language itself.
        if event.type() == QEvent.Type.LanguageChange:
            self.set_language(ui_language())
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        """Show the library in `language` ("en" or "es"): the list, the search results and
        the open article switch at once."""
        if language == self._language:
            return
        self._language = language
        self._english_only.clear()
        self._filter(self.search.text())
        if self.pages.currentIndex() == 0 and self._current_slug:
            self._show_article(self._current_slug)

    def current_slug(self) -> str | None:
        return self._current_slug if self.pages.currentIndex() == 0 else None

    # --- reacting --------------------------------------------------------------------------

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: Any = None) -> None:
        if current is None:
            return
        kind, key = row_target(current)
        if kind == "article":
            self._show_article(key)
        elif kind == "resources":
            self.pages.setCurrentIndex(1)
            if key:
                self.resources_pane.select(key)
            self._update_buttons()

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        # Enter on an article moves into the text, so arrows then scroll what is being read.
        kind, _key = row_target(item)
        if kind == "article":
            self.browser.setFocus(Qt.FocusReason.OtherFocusReason)
        elif kind == "resources":
            self.resources_pane.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _filter(self, text: str) -> None:
        if text.strip():
            self._fill_results(text)
        else:
            self.result_count.hide()
            self._fill_tree()
            self._reselect_current()

    def _reselect_current(self) -> None:
        self.tree.blockSignals(True)
        try:
            item = None
            if self.pages.currentIndex() == 0 and self._current_slug:
                item = self._find_item("article", self._current_slug)
            elif self.pages.currentIndex() == 1:
                item = self._find_item("resources", "")
            if item is not None:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
        finally:
            self.tree.blockSignals(False)

    def _go_to_first_result(self) -> None:
        first = self._first_selectable()
        if first is not None:
            self.tree.setCurrentItem(first)
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _anchor_clicked(self, url: QUrl) -> None:
        # Only links between our own articles are followed; any other scheme is ignored.
        if url.scheme() != ARTICLE_SCHEME:
            return
        slug = url.path()
        if slug in self._articles:
            self.open_article(slug)
            self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def _shown_article(self, slug: str) -> Article | None:
        """The text shown for a slug: its version in the language, or English if asked."""
        shown = self._shelf.show(slug, self._language)
        if shown is None:
            return None
        return shown.english if slug in self._english_only else shown.article

    def _toggle_english(self) -> None:
        slug = self._current_slug
        if slug is None:
            return
        self._english_only ^= {slug}
        self._show_article(slug)

    def _show_language_notice(self, slug: str) -> None:
        shown = self._shelf.show(slug, self._language)
        notice, button = "", ""
        if shown is not None and shown.untranslated:
            notice = tr("This article is not in Spanish yet.")
        elif shown is not None and shown.source_last_reviewed is not None:
            reviewed = self._locale_date(shown.source_last_reviewed)
            if slug in self._english_only:
                notice = tr("The English version, last reviewed on {0}.").format(reviewed)
                button = tr("Show the translation")
            elif shown.stale:
                notice = tr(
                    "The English version was reviewed after this translation (last on "
                    "{0}): it may be out of date."
                ).format(reviewed)
                button = tr("Show the English version")
            else:
                notice = tr("Translated from the English version reviewed on {0}.").format(reviewed)
                button = tr("Show the English version")
        self.language_notice.setText(notice)
        self.language_notice.setAccessibleName(notice)
        self.language_notice.setVisible(bool(notice))
        self.other_language_button.setText(button)
        self.other_language_button.setAccessibleName(button)
        self.other_language_button.setVisible(bool(button))

    def _show_article(self, slug: str) -> None:
        article = self._shown_article(slug)
        if article is None:
            return
        self._current_slug = slug
        self._show_language_notice(slug)
        self.category_label.setText(article.category)
        self.article_title.setText(article.title)
        if article.review_due(self.today()):
            self.review_notice.setText(
                tr(
                    "Review due: this article was last reviewed on {0}. Laws, programs and phone "
                    "numbers may have changed since; check its sources before relying on them."
                ).format(self._locale_date(article.last_reviewed))
            )
            self.review_notice.show()
        else:
            self.review_notice.setText("")
            self.review_notice.hide()
        self.browser.setHtml(self._html(article, links=True, title_heading=False))
        self.browser.verticalScrollBar().setValue(0)
        self.pages.setCurrentIndex(0)
        self._update_buttons()

    @staticmethod
    def _locale_date(day: date) -> str:
        return QLocale().toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
        )

    def _html(self, article: Article, *, links: bool, title_heading: bool) -> str:
        date_text = self._locale_date(article.last_reviewed)
        return render_html(
            article,
            self._articles.keys() if links else (),
            sources_label=tr("Sources"),
            reviewed_label=tr("Last reviewed: {0}"),
            reviewed_date_text=date_text,
            title_heading=title_heading,
        )

    def _update_buttons(self) -> None:
        has_article = self.pages.currentIndex() == 0 and self._current_slug is not None
        self.print_button.setEnabled(has_article)
        self.pdf_button.setEnabled(has_article)

    # --- print and PDF ---------------------------------------------------------------------

    def _print_document(self, article: Article) -> QTextDocument:
        # A fresh document: the title as a heading, no links (they lead nowhere on paper).
        document = QTextDocument(self)
        document.setDocumentMargin(0)
        body = self._html(article, links=False, title_heading=True)
        if self.print_mark:
            # The demo window marks everything it prints, even public reference text.
            mark = html.escape(self.print_mark)
            body = f"<p style='font-size:16pt; font-weight:bold; color:#555555'>{mark}</p>" + body
        document.setHtml(body)
        return document

    def print_article(self) -> None:
        article = self._shown_article(self._current_slug or "")
        if article is None or self.pages.currentIndex() != 0:
            return
        print_document(self, article.title, lambda: self._print_document(article))

    def save_pdf(self) -> None:
        article = self._shown_article(self._current_slug or "")
        if article is None or self.pages.currentIndex() != 0:
            return
        save_document_as_pdf(
            self, article.title, article.slug, lambda: self._print_document(article)
        )

    # --- helpers ---------------------------------------------------------------------------

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        for row in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(row)
            if top is None:
                continue
            found.append(top)
            found.extend(
                child for i in range(top.childCount()) if (child := top.child(i)) is not None
            )
        return found

    def _find_item(self, kind: str, key: str) -> QTreeWidgetItem | None:
        for item in self._items():
            if row_target(item) == (kind, key):
                return item
        return None

    def _first_item(self, kind: str) -> QTreeWidgetItem | None:
        for item in self._items():
            if row_target(item)[0] == kind:
                return item
        return None

    def _first_selectable(self) -> QTreeWidgetItem | None:
        for item in self._items():
            if row_target(item)[0] in ("article", "resources"):
                return item
        return None
