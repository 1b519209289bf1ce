"""Results of the one search box, grouped by kind; Enter opens the top result."""

from __future__ import annotations

import html
from collections.abc import Callable

from advocate_app.store.search_all import KINDS, Hit, Results
from advocate_app.ui.qt import (
    QListWidget,
    QListWidgetItem,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
)
from advocate_app.ui.widgets import add_rich_item, group_header, label
from advocate_app.ui.worker import LatestOnly

GROUP_TITLES = {
    "article": "Reference articles",
    "resource": "Resources",
    "client": "Clients",
    "note": "Notes",
}
HitRole = Qt.ItemDataRole.UserRole + 5


class SearchPage(QWidget):
    open_hit = Signal(object)

    def __init__(self, run: Callable[[str], Results]) -> None:
        super().__init__()
        self._run = run
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.heading = label("", "title", wrap=False)
        layout.addWidget(self.heading)
        self.hint = label(tr("Enter opens the first result; Escape goes back."), "hint")
        layout.addWidget(self.hint)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Search results"))
        self.list.setSpacing(2)
        layout.addWidget(self.list, 1)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.results = Results({})
        self._latest = LatestOnly(self)

    def run(self, query_text: str) -> Results:
        """Search now and show the results (used on Enter, and by tests)."""
        self._latest.cancel()
        return self.show_results(query_text, self._run(query_text))

    def run_async(self, query_text: str) -> None:
        """Search as you type: off the GUI thread, so typing never waits on the disk."""
        self._latest.run(lambda: self._run(query_text),
                         lambda results: self.show_results(query_text, results))

    def show_results(self, query_text: str, results: Results) -> Results:
        self.results = results
        self.list.clear()
        total = self.results.total()
        self.heading.setText(tr("Results for “{0}”").format(query_text.strip()[:80])
                             if total else tr("Nothing found for “{0}”").format(
                                 query_text.strip()[:80]))
        for kind in KINDS:
            hits = self.results.groups.get(kind) or []
            if not hits:
                continue
            group_header(self.list, tr(GROUP_TITLES[kind]))
            for hit in hits:
                self._add(hit)
        if total:
            self.list.setCurrentRow(1)
        return self.results

    def _add(self, hit: Hit) -> None:
        item = add_rich_item(self.list, f"<b>{html.escape(hit.title)}</b><br>{hit.snippet_html}",
                             indent=18)
        item.setData(HitRole, hit)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, hit.title)

    def _activated(self, item: QListWidgetItem) -> None:
        hit = item.data(HitRole)
        if hit is not None:
            self.open_hit.emit(hit)

    def open_first(self) -> bool:
        hit = self.results.first()
        if hit is None:
            return False
        self.open_hit.emit(hit)
        return True
