"""The reference library screen: articles by category, a reading pane, and the shipped hotlines.

Nothing here can reach the network: the reading pane opens no links itself, only our own
`article:` links are followed, and it loads no resources (images, style sheets) of any kind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from advocate_app.library.index import ReferenceIndex
from advocate_app.library.parsing import Article
from advocate_app.library.render import ARTICLE_SCHEME
from advocate_app.library.resources import ShippedResource
from advocate_app.library.translations import ENGLISH, Shelf
from advocate_app.searchtext.marks import SearchFailed
from advocate_app.ui.qt import (
    QEvent,
    QHBoxLayout,
    QKeySequence,
    QLineEdit,
    QLocale,
    QPushButton,
    QShortcut,
    QStackedWidget,
    Qt,
    QTextDocument,
    QTreeWidgetItem,
    QUrl,
    QVBoxLayout,
    QWidget,
    tr,
)
from advocate_app.ui.reference.article_tree import ArticleTree
from advocate_app.ui.reference.article_view import (
    ArticleView,
    language_notice,
    printable_document,
)
from advocate_app.ui.reference.printing import print_document, save_document_as_pdf
from advocate_app.ui.reference.resources_pane import ResourcesPane
from advocate_app.ui.reference.rows import row_target
from advocate_app.ui.shell import Section
from advocate_app.ui.widgets import AdaptiveSplitter, label


def ui_language() -> str:
    """The interface's language as a library language code: "es" when the default locale is
    Spanish, "en" otherwise."""
    return "es" if QLocale().language() == QLocale.Language.Spanish else ENGLISH


class ReferenceSection(Section):
    """Articles grouped by category on the left, the chosen one on the right."""

    print_mark = ""  # set in the demo window: printed and saved articles carry a DEMO mark

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
        # On a narrow window the article goes below the list, rather than off the side.
        splitter = AdaptiveSplitter()
        outer.addWidget(splitter)

        # The middle column: a filter box over the articles, then the list.
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(12, 12, 6, 12)
        middle_layout.setSpacing(8)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search the reference"))
        self.search.setAccessibleName(tr("Search the reference"))
        self.search.setAccessibleDescription(
            tr(
                "Searches the titles and text of the reference articles and of the national and "
                "statewide resources; the list below shows what matches. Press Enter to open the "
                "best match."
            )
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._go_to_first_result)
        middle_layout.addWidget(self.search)
        self.result_count = label("", "hint")
        self.result_count.hide()
        middle_layout.addWidget(self.result_count)
        self.tree = ArticleTree()
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(self._activated)
        middle_layout.addWidget(self.tree, 1)
        middle.setMinimumWidth(240)
        splitter.addWidget(middle)

        # The right column: one article, the resources, or the empty state.
        self.pages = QStackedWidget()
        self.article_view = ArticleView()
        view = self.article_view
        # The controls tests and the rest of the app reach through the section.
        self.category_label, self.article_title = view.category_label, view.article_title
        self.review_notice, self.language_notice = view.review_notice, view.language_notice
        self.other_language_button, self.browser = view.other_language_button, view.browser
        self.print_button, self.pdf_button = view.print_button, view.pdf_button
        view.other_language_button.clicked.connect(self._toggle_english)
        view.print_button.clicked.connect(self.print_article)
        view.pdf_button.clicked.connect(self.save_pdf)
        view.browser.anchorClicked.connect(self._anchor_clicked)
        self.pages.addWidget(view)
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
                self.show_hotlines_button.setAccessibleDescription(
                    tr("The national and statewide hotlines are still available: this shows them.")
                )
                self.show_hotlines_button.clicked.connect(lambda: self.show_resources())
                layout.addWidget(self.show_hotlines_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(2)
        return page

    def _fill_tree(self) -> None:
        self.tree.show_listing(
            self._shelf.listing(self._language),
            with_resources=bool(self._resources),
            today=self.today(),
        )

    def _fill_results(self, text: str) -> None:
        try:
            hits = self._index.search(text, limit=40, language=self._language)
        except SearchFailed:  # logged by the store without the text
            self.tree.show_notice(tr("Search failed. Try again."))
            self.result_count.hide()
            return
        articles = sum(1 for h in hits if h.kind == "article")
        self.result_count.setText(
            tr("Articles: {0} · Resources: {1}").format(articles, len(hits) - articles)
        )
        self.result_count.setAccessibleDescription(self.result_count.text())
        self.result_count.show()
        shown = {
            h.key: found
            for h in hits
            if h.kind == "article"
            and h.key in self._articles
            and (found := self._shelf.show(h.key, self._language)) is not None
        }
        self.tree.show_results(text, hits, shown, self.today())

    # --- the public interface --------------------------------------------------------------

    def on_show(self) -> None:
        """Called when the section becomes visible: something to read, focus in the list."""
        if self.pages.currentIndex() == 2 and not self._articles:
            # Focus in the list would select its first row and hide the explanation.
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.pages.currentIndex() == 2:
            first = self.tree.first_row("article")
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
        item = self.tree.row_for("article", slug)
        if item is None and self.search.text():
            self.search.clear()  # the filter hides it: show the whole list again
            item = self.tree.row_for("article", slug)
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
        if self._current_slug != slug or self.pages.currentIndex() != 0:
            self._show_article(slug)

    def show_resources(self, name: str | None = None) -> None:
        item = self.tree.row_for("resources", "")
        if item is None and self.search.text():
            self.search.clear()
            item = self.tree.row_for("resources", "")
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
                item = self.tree.row_for("article", self._current_slug)
            elif self.pages.currentIndex() == 1:
                item = self.tree.row_for("resources", "")
            if item is not None:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
        finally:
            self.tree.blockSignals(False)

    def _go_to_first_result(self) -> None:
        first = self.tree.first_row("article", "resources")
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

    def _show_article(self, slug: str) -> None:
        article = self._shown_article(slug)
        if article is None:
            return
        self._current_slug = slug
        notice = language_notice(
            self._shelf.show(slug, self._language), english_only=slug in self._english_only
        )
        self.article_view.show_article(article, self._articles.keys(), self.today(), notice)
        self.pages.setCurrentIndex(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.article_view.set_can_print(
            self.pages.currentIndex() == 0 and self._current_slug is not None
        )

    # --- print and PDF ---------------------------------------------------------------------

    def _print_document(self, article: Article) -> QTextDocument:
        return printable_document(self, article, mark=self.print_mark)

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
