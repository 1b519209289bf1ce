"""The reference library's list: articles grouped by category (with the national resources on
top), or the results of a search grouped as articles and resources; each row quietly marked
"Review due", "In English" or "May be out of date" where that applies."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date

from advocate_app.library.index import ReferenceHit
from advocate_app.library.parsing import Article
from advocate_app.library.translations import Shown
from advocate_app.ui.qt import (
    QAbstractItemView,
    QHeaderView,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
    tr,
)
from advocate_app.ui.reference.rows import mark_row, row_target


class ArticleTree(QTreeWidget):
    """Column 0: the titles; column 1: a quiet mark beside an article that needs one.

    Each row knows what it opens (`row_target`): ("article", slug), ("resources", name or "")
    or ("group", caption).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setAccessibleName(tr("Reference articles"))
        self.setAccessibleDescription(
            tr(
                "Articles grouped by topic, with the national and statewide resources first. "
                "Use the arrow keys to read an article beside the list; press Enter to move "
                "into its text."
            )
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(False)
        self.setStyleSheet("QTreeWidget::item { padding: 3px 0px; }")

    # --- filling -----------------------------------------------------------------------------

    def show_listing(self, listing: Iterable[Shown], *, with_resources: bool, today: date) -> None:
        """Every article by category (categories and titles in alphabetical order)."""
        self.clear()
        if with_resources:
            item = QTreeWidgetItem([tr("National and statewide resources")])
            item.setToolTip(0, tr("Hotlines and statewide organizations, with phone numbers"))
            mark_row(item, "resources", "")
            self._add_group(item)
        by_category: dict[str, list[Shown]] = {}
        for shown in listing:
            by_category.setdefault(shown.article.category, []).append(shown)
        for category in sorted(by_category, key=str.casefold):
            group = QTreeWidgetItem([category])
            mark_row(group, "group", category)
            self._add_group(group)
            for shown in sorted(by_category[category], key=lambda s: s.article.title.casefold()):
                article = shown.article
                child = QTreeWidgetItem([article.title])
                mark_row(child, "article", article.slug)
                child.setToolTip(0, f"{article.title}\n\n{article.summary}")
                group.addChild(child)
                mark_review(child, article, today)
                mark_language(child, shown)
        self.expandAll()

    def show_results(
        self, text: str, hits: list[ReferenceHit], shown_articles: dict[str, Shown], today: date
    ) -> None:
        """Search results, articles first as the index ranks them; `shown_articles` has the
        version shown of each article among the hits (for the marks)."""
        self.clear()
        if not hits:
            self.show_notice(tr("Nothing matches “{0}”").format(text.strip()[:60]))
            return
        groups: dict[str, QTreeWidgetItem] = {}
        for hit in hits:
            if hit.kind not in groups:
                caption = tr("Articles") if hit.kind == "article" else tr("Resources")
                group = QTreeWidgetItem([caption])
                mark_row(group, "group", caption)
                _bold(group)
                groups[hit.kind] = group
            child = QTreeWidgetItem([hit.title])
            # The snippet is escaped with only <b> added: safe as a rich-text tooltip.
            child.setToolTip(0, f"<qt><b>{html.escape(hit.title)}</b><br>{hit.snippet_html}</qt>")
            kind = "article" if hit.kind == "article" else "resources"
            mark_row(child, kind, hit.key)
            groups[hit.kind].addChild(child)
            shown = shown_articles.get(hit.key) if kind == "article" else None
            if shown is not None:
                mark_review(child, shown.article, today)
                mark_language(child, shown)
        for kind in ("article", "resource"):
            if kind in groups:
                self.addTopLevelItem(groups[kind])
        for group in groups.values():
            group.setFirstColumnSpanned(True)
        self.expandAll()

    def show_notice(self, text: str) -> None:
        """One row that cannot be chosen: nothing matched, or the search failed."""
        self.clear()
        row = QTreeWidgetItem([text])
        row.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addTopLevelItem(row)

    def _add_group(self, item: QTreeWidgetItem) -> None:
        _bold(item)
        self.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)

    # --- finding rows ------------------------------------------------------------------------

    def rows(self) -> list[QTreeWidgetItem]:
        """Every row, top to bottom: each group followed by its children."""
        found: list[QTreeWidgetItem] = []
        for row in range(self.topLevelItemCount()):
            top = self.topLevelItem(row)
            if top is None:
                continue
            found.append(top)
            found.extend(
                child for i in range(top.childCount()) if (child := top.child(i)) is not None
            )
        return found

    def row_for(self, kind: str, key: str) -> QTreeWidgetItem | None:
        """The row that opens (kind, key), if it is in the list."""
        return next((i for i in self.rows() if row_target(i) == (kind, key)), None)

    def first_row(self, *kinds: str) -> QTreeWidgetItem | None:
        """The first row that opens one of these kinds ("article", "resources")."""
        return next((i for i in self.rows() if row_target(i)[0] in kinds), None)


def mark_review(item: QTreeWidgetItem, article: Article, today: date) -> None:
    """ "Review due" beside an article whose review date has passed."""
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


def mark_language(item: QTreeWidgetItem, shown: Shown | None) -> None:
    """ "In English" or "May be out of date" beside an article read in Spanish."""
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


def _bold(item: QTreeWidgetItem) -> None:
    font = item.font(0)
    font.setBold(True)
    item.setFont(0, font)
