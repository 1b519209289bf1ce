"""The client list: a lazy table model that fetches pages in SQL, never every row.

How many clients a filter holds is counted off the GUI thread when the first page is full (a
count reads an index entry per client: at 50,000 clients, longer than the page itself);
`total_changed` tells when it is known. Whether there is more to fetch never waits for it: a
full page means there may be more.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import clients
from advocate_app.store.clients import ClientQuery, ClientRow
from advocate_app.store.vault import Vault
from advocate_app.ui.format import (
    fmt_date,
    fmt_datetime,
    local,
    short_date_format,
    short_datetime_format,
    wall_clock,
)
from advocate_app.ui.language import current_language
from advocate_app.ui.lists import AnyIndex
from advocate_app.ui.qt import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    Qt,
    Signal,
    tr,
    tr_marked,
)
from advocate_app.ui.roles import CLIENT_ID_ROLE
from advocate_app.ui.worker import LatestOnly

PAGE = 100  # the first page: more than any screen shows at once
MORE = 1000  # each later page, while scrolling: fewer round trips and repaints

COLUMNS = [
    ("alias", QT_TR_NOOP("Alias")),
    ("status", QT_TR_NOOP("Status")),
    ("intake", QT_TR_NOOP("Intake")),
    ("advocate", QT_TR_NOOP("Advocate")),
    ("last_contact", QT_TR_NOOP("Last contact")),
]
SORTABLE = {0: "alias", 2: "intake", 4: "last_contact"}
# What each column holds, for a screen reader (its accessible description).
DESCRIPTIONS = (
    QT_TR_NOOP("The name the client goes by in this app; the list can sort by it, A to Z."),
    QT_TR_NOOP("Whether the case is open or closed."),
    QT_TR_NOOP("The intake date; the list can sort by it, oldest or newest first."),
    QT_TR_NOOP("The advocate the client is assigned to."),
    QT_TR_NOOP(
        "Date of the last contact note; sorting oldest first puts clients never contacted "
        "at the top."
    ),
)

# Compared as plain ints: data() is called for every role of every painted cell, and
# headerData() for every role of every section each time the header measures itself.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_HEADER_ROLES = {
    _DISPLAY: 1,
    int(Qt.ItemDataRole.AccessibleTextRole.value): 1,
    int(Qt.ItemDataRole.AccessibleDescriptionRole.value): 2,
}
_HORIZONTAL = Qt.Orientation.Horizontal
_ROLES_USED = frozenset(
    {
        int(Qt.ItemDataRole.DisplayRole.value),
        int(Qt.ItemDataRole.AccessibleTextRole.value),
        int(CLIENT_ID_ROLE),
    }
)


class ClientListModel(QAbstractTableModel):
    total_changed = Signal()  # total() is known, or changed

    def __init__(self, vault_getter: Callable[[], Vault]) -> None:
        super().__init__()
        self._vault = vault_getter
        self._query = ClientQuery()
        self._rows: list[ClientRow] = []
        self._texts: dict[int, tuple[str, ...]] = {}  # row number -> its cells, once formatted
        self._total: int | None = 0  # None: being counted
        self._more = False  # the last page read was full: there may be more
        self._counting = LatestOnly(self)  # only the newest query's count is kept
        self._loaded = False  # no query run yet: a sort only chooses the order of the first
        # (language, titles, descriptions), translated once per language
        self._headers: tuple[str, tuple[str, ...], tuple[str, ...]] | None = None
        self._formats: _Formats | None = None  # the locale's patterns, read once per query

    # --- loading ------------------------------------------------------------------------------

    @property
    def query(self) -> ClientQuery:
        return self._query

    def set_query(self, query: ClientQuery) -> None:
        self.beginResetModel()
        self._loaded = True
        self._query = query
        self._texts = {}
        self._formats = None  # the locale may have changed since the last query
        vault = self._vault()
        self._rows = clients.list_clients(vault, query, None, PAGE)
        self._more = len(self._rows) == PAGE
        self._total = None if self._more else len(self._rows)
        self.endResetModel()
        if self._more:
            self._counting.run(lambda: clients.count_clients(vault, query), self._counted)
        else:
            self._counting.cancel()
            self.total_changed.emit()

    def _counted(self, total: int) -> None:
        self._total = max(total, len(self._rows))
        self.total_changed.emit()

    def reload(self) -> None:
        self.set_query(self._query)

    def clear(self) -> None:
        self._counting.cancel()
        self.beginResetModel()
        self._rows, self._total, self._texts, self._more = [], 0, {}, False
        self.endResetModel()

    def total(self) -> int | None:
        """How many clients the query holds; None while they are being counted."""
        return self._total

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        # Keyset paging: the next page starts after the last row's sort key, never OFFSET.
        after = self._rows[-1] if self._rows else None
        more = clients.list_clients(self._vault(), self._query, after, MORE)
        self._more = len(more) == MORE
        if not self._more and self._total is None:  # the end, before the count came back
            self._counting.cancel()
            self._total = len(self._rows) + len(more)
            self.total_changed.emit()
        if not more:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # --- the model ----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        which = _HEADER_ROLES.get(int(role))
        if which is None or orientation != _HORIZONTAL or not 0 <= section < len(COLUMNS):
            return None
        language = current_language()
        if self._headers is None or self._headers[0] != language:
            self._headers = (
                language,
                tuple(tr_marked(title) for _key, title in COLUMNS),
                tuple(tr_marked(text) for text in DESCRIPTIONS),
            )
        return self._headers[which][section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Called for every role of every cell painted (font, colors, alignment…): answer the
        # roles this model does not use at once, and format a row's texts once, not per paint.
        if role not in _ROLES_USED:
            return None
        row_number = index.row()
        if not index.isValid() or not 0 <= row_number < len(self._rows):
            return None
        if role == CLIENT_ID_ROLE:
            return self._rows[row_number].id
        texts = self._texts.get(row_number)
        if texts is None:
            if self._formats is None:
                self._formats = _Formats()
            texts = self._texts[row_number] = self._formats.row(self._rows[row_number])
        return texts[index.column()]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORTABLE.get(column)
        if key is None:
            return
        from dataclasses import replace

        query = replace(self._query, sort=key, descending=order == Qt.SortOrder.DescendingOrder)
        if self._loaded:
            self.set_query(query)
        else:  # the view setting its first order, before the section is shown: no query yet
            self._query = query

    def column_texts(self, column: int) -> list[str]:
        """The widest texts a column can show, to size it without reading any rows: sizing
        to contents would format every cell of every loaded row on each show."""
        name = COLUMNS[column][0]
        sample = datetime(2000, 12, 28, 23, 58)  # two-digit day, month and hour: the widest
        texts = [tr_marked(COLUMNS[column][1])]
        if name == "status":
            texts += [tr("Open"), tr("Closed")]
        elif name == "intake":
            texts.append(fmt_date(sample.date()))
        elif name == "last_contact":
            texts += [fmt_datetime(sample, utc=False), tr("none yet")]
        elif name == "advocate":
            texts.append("M" * 10)  # names longer than this are elided; the column can widen
        return texts

    def row_of(self, client_id: int) -> int | None:
        for i, row in enumerate(self._rows):
            if row.id == client_id:
                return i
        return None


class _Formats:
    """A row's texts as ui.format writes them (fmt_date, fmt_datetime), with the locale and its
    patterns read once rather than for every cell."""

    def __init__(self) -> None:
        self.locale = QLocale()
        self.date = short_date_format()
        self.datetime = short_datetime_format()
        self.open, self.closed, self.never = tr("Open"), tr("Closed"), tr("none yet")

    def row(self, row: ClientRow) -> tuple[str, ...]:
        intake = row.intake_date
        last = row.last_contact_at
        if last is not None:
            last = local(last)
        return (
            row.alias,
            self.open if row.status == "open" else self.closed,
            ""
            if intake is None
            else self.locale.toString(QDate(intake.year, intake.month, intake.day), self.date),
            row.assigned_name or "",
            self.never
            if last is None
            else self.locale.toString(wall_clock(last, self.datetime), self.datetime),
        )
