"""Results of the one search box: one list, best first whatever the kind (the kind shown as a
label); the first result is selected so Enter opens it."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from advocate_app.searchtext.marks import SearchFailed
from advocate_app.store.search_all import Hit, Results
from advocate_app.ui.qt import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
)
from advocate_app.ui.roles import HIT_ROLE
from advocate_app.ui.widgets import add_rich_item, label, status_line
from advocate_app.ui.worker import LatestOnly

log = logging.getLogger(__name__)

# How a search runs: (text, correct typos, rank every note).
Runner = Callable[[str, bool, bool], Results]


def kind_label(kind: str) -> str:
    labels = {
        "article": tr("Article"),
        "resource": tr("Resource"),
        "client": tr("Client"),
        "note": tr("Note"),
    }
    return labels.get(kind, "")


class SearchPage(QWidget):
    open_hit = Signal(object)

    def __init__(self, run: Runner) -> None:
        super().__init__()
        self._run = run
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.heading = label("", "title", wrap=False)
        layout.addWidget(self.heading)
        # "Showing results for safety plan — search instead for safty plan": the links carry
        # no text, only which of the two to run, so nothing typed becomes markup.
        self.correction = QLabel()
        self.correction.setTextFormat(Qt.TextFormat.RichText)
        self.correction.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.correction.setOpenExternalLinks(False)
        self.correction.setAccessibleName(tr("Spelling correction"))
        self.correction.linkActivated.connect(self._correction_link)
        self.correction.setVisible(False)
        layout.addWidget(self.correction)
        self.status = status_line("", "hint")
        self.status.setVisible(False)
        layout.addWidget(self.status)
        self.hint = label(tr("Enter opens the selected result; Escape goes back."), "hint")
        layout.addWidget(self.hint)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Search results"))
        self.list.setAccessibleDescription(
            tr(
                "One row per record found, best match first, its kind named at the start. "
                "Enter opens the record."
            )
        )
        self.list.setSpacing(2)
        layout.addWidget(self.list, 1)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.results = Results()
        self.failed = False
        self._text = ""
        self._latest = LatestOnly(self)

    # --- running ---------------------------------------------------------------------------

    def run(self, query_text: str, *, correct: bool = True) -> Results:
        """Search now and show the results (used on Enter, and by tests)."""
        self._latest.cancel()
        try:
            results = self._run(query_text, correct, False)
        except SearchFailed:
            self.show_failure(query_text)
            return self.results
        return self.show_results(query_text, results, correct=correct)

    def run_async(self, query_text: str, *, correct: bool = True) -> None:
        """Search as you type: off the GUI thread, so typing never waits on the disk."""
        self._latest.run(
            lambda: self._run(query_text, correct, False),
            lambda results: self.show_results(query_text, results, correct=correct),
            on_error=lambda _exc: self.show_failure(query_text),
        )

    def _rank_fully(self, query_text: str, correct: bool) -> None:
        # Many notes matched: the newest are shown; rank them all and show the ranked page.
        self._latest.run(
            lambda: self._run(query_text, correct, True),
            lambda results: self.show_results(query_text, results, correct=correct, final=True),
            on_error=lambda _exc: self.show_failure(query_text),
        )

    # --- showing -----------------------------------------------------------------------------

    def show_failure(self, query_text: str) -> None:
        # The store logged what failed (never the text typed); say so plainly.
        self.failed = True
        self.results = Results()
        self.list.clear()
        self.correction.setVisible(False)
        self.heading.setText(tr("Search failed"))
        self.status.setText(
            tr(
                "The search could not be completed. Try again; if it keeps "
                "failing, make a backup in Backups: it reads the whole vault "
                "and says if any part of it is damaged."
            )
        )
        self.status.setVisible(True)

    def show_results(
        self, query_text: str, results: Results, *, correct: bool = True, final: bool = False
    ) -> Results:
        self.failed = False
        self._text = query_text
        self.results = results
        self.list.clear()
        shown = query_text.strip()[:80]
        self.heading.setText(
            tr("Results for “{0}”").format(shown)
            if results.total()
            else tr("Nothing found for “{0}”").format(shown)
        )
        if results.corrected:
            self.correction.setText(
                tr("Showing results for {0} — search instead for {1}").format(
                    f'<a href="corrected"><b>{html.escape(results.searched_for[:80])}</b></a>',
                    f'<a href="as-typed">{html.escape(results.typed[:80])}</a>',
                )
            )
        self.correction.setVisible(results.corrected)
        pending = results.newest_notes_first and not final
        self.status.setText(
            tr("Many notes match: the newest are shown while all are ranked…") if pending else ""
        )
        self.status.setVisible(pending)
        for hit in results.hits:
            self._add(hit)
        if results.total():
            self.list.setCurrentRow(0)
        if pending:
            self._rank_fully(query_text, correct)
        return self.results

    def _add(self, hit: Hit) -> None:
        kind = html.escape(kind_label(hit.kind))
        item = add_rich_item(
            self.list,
            f"<b>{html.escape(hit.title)}</b> · <i>{kind}</i><br>{hit.snippet_html}",
            indent=10,
        )
        item.setData(HIT_ROLE, hit)
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole,
            tr("{0}: {1}").format(kind_label(hit.kind), hit.title),
        )

    def _correction_link(self, which: str) -> None:
        if which == "as-typed":
            self.run(self._text, correct=False)
        else:
            self.run(self._text)

    def _activated(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if hit is not None:
            self.open_hit.emit(hit)

    def selected_hit(self) -> Hit | None:
        item = self.list.currentItem()
        hit = item.data(HIT_ROLE) if item is not None else None
        return hit if isinstance(hit, Hit) else self.results.first()

    def open_first(self) -> bool:
        """Enter in the box: open the selected result (the best one unless the person moved)."""
        hit = self.selected_hit()
        if hit is None:
            return False
        self.open_hit.emit(hit)
        return True
