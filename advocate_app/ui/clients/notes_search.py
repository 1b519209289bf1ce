"""Searching every note from the Clients section: the matching notes replace the client list
while the search box holds words (ClientsSection's part; it provides the widgets named below)."""

from __future__ import annotations

import html
from collections.abc import Callable

from advocate_app.store import notes
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import NOTE_KINDS
from advocate_app.ui.format import fmt_datetime
from advocate_app.ui.qt import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    Qt,
    QTableView,
    tr,
    tr_marked,
)
from advocate_app.ui.roles import HIT_ROLE
from advocate_app.ui.widgets import add_rich_item
from advocate_app.ui.worker import LatestOnly


class AllNotesSearch:
    """The notes-search half of ClientsSection."""

    vault: Vault
    list_stack: QStackedWidget
    table: QTableView
    notes_search: QLineEdit
    count_label: QLabel
    _latest: LatestOnly
    _results: QListWidget | None
    # Provided by ClientsSection (declared here for the type checker, never defined twice):
    # opens the client at the note.
    open_note: Callable[[int, int], None]

    @property
    def results(self) -> QListWidget:
        """The matching notes, in place of the client list while a search is shown."""
        if self._results is None:
            results = self._results = QListWidget(self.list_stack)
            results.setAccessibleName(tr("Notes that match"))
            results.setAccessibleDescription(
                tr("One row per matching note, with its client and date. Enter opens the note.")
            )
            results.setSpacing(2)
            self.list_stack.addWidget(results)
            results.itemActivated.connect(self._open_hit)
            results.itemClicked.connect(self._open_hit)
        return self._results

    def run_notes_search_async(self) -> None:
        """As you type: the search runs off the GUI thread; only the newest one is shown."""
        text = self.notes_search.text()
        if not text.strip():
            self._latest.cancel()
            self.list_stack.setCurrentWidget(self.table)
            return
        self._latest.run(
            lambda: notes.search_notes(self.vault, text), lambda hits: self._show_hits(hits)
        )

    def run_notes_search(self) -> None:
        text = self.notes_search.text()
        if not text.strip():
            self.list_stack.setCurrentWidget(self.table)
            return
        self._latest.cancel()
        self._show_hits(notes.search_notes(self.vault, text))

    def _show_hits(self, hits: list[notes.NoteHit]) -> None:
        self.results.clear()
        for hit in hits:
            item = add_rich_item(
                self.results,
                f"<b>{html.escape(hit.alias)}</b> · {html.escape(fmt_datetime(hit.created_at))}"
                f" · {html.escape(tr_marked(NOTE_KINDS.get(hit.kind, hit.kind)))}"
                f"<br>{hit.snippet_html}",
            )
            item.setData(HIT_ROLE, (hit.client_id, hit.note_id))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, hit.alias)
        if not hits:
            self.results.addItem(QListWidgetItem(tr("No notes match.")))
        self.list_stack.setCurrentWidget(self.results)
        self.count_label.setText(
            tr("1 note matches") if len(hits) == 1 else tr("{0} notes match").format(len(hits))
        )

    def _open_hit(self, item: QListWidgetItem) -> None:
        data = item.data(HIT_ROLE)
        if not data:
            return
        client_id, note_id = data
        self.open_note(client_id, note_id)
