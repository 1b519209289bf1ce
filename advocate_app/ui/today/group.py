"""One group of the Today page (overdue needs, due soon, court dates, no recent contact): its
rows, each opening a client at the right place, or what to do while there are none."""

from __future__ import annotations

from typing import Any

from advocate_app.ui.lists import ListPane, RoomyDelegate
from advocate_app.ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QGroupBox,
    QHeaderView,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QShowEvent,
    Qt,
    QTimer,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
)
from advocate_app.ui.roles import CLIENT_ID_ROLE, PLACE_ROLE
from advocate_app.ui.widgets import label

Row = tuple[list[str], int, dict[str, object]]  # the texts, the client, where to open it
AnyIndex = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_ACCESSIBLE_TEXT = Qt.ItemDataRole.AccessibleTextRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_OTHER_ROLES = frozenset({_ACCESSIBLE_TEXT, _TOOLTIP, CLIENT_ID_ROLE, PLACE_ROLE})


class TodayRows(QAbstractTableModel):
    """A group's rows as Qt reads them: only the rows on screen are ever asked for, so a
    hundred rows cost no more to show than ten."""

    def __init__(self, headers: list[tuple[str, str]], tip: str) -> None:
        super().__init__()
        self.headers = headers  # (title, description), already translated
        self.tip = tip
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> bool:
        """Show `rows`; returns whether the list was replaced. The same rows change nothing,
        and more rows after the same first ones are added below them, so a place in the list
        (the current row, the scroll position) is kept."""
        old = self.rows
        if rows == old:
            return False
        if old and len(rows) > len(old) and rows[: len(old)] == old:
            self.beginInsertRows(QModelIndex(), len(old), len(rows) - 1)
            self.rows = rows
            self.endInsertRows()
            return False
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()
        return True

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        # Asked for every role of every cell painted: the common answers first, as plain ints.
        if role != _DISPLAY and role not in _OTHER_ROLES:
            return None
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self.rows):
            return None
        texts, client_id, place = self.rows[row]
        if role in (_DISPLAY, _ACCESSIBLE_TEXT):
            column = index.column()
            return texts[column] if column < len(texts) else ""
        if role == _TOOLTIP:
            return self.tip
        if role == CLIENT_ID_ROLE:
            return client_id
        return place  # PLACE_ROLE

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        title, description = self.headers[section]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return title
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return description
        return None


class TodayGroup(QGroupBox):
    """One group of rows with its empty state; a row opens with Enter or a double-click.
    `headers`: each column's (title, what it holds, for a screen reader)."""

    # The list was scrolled to the end of rows that are only the first ones (see
    # today.section's FIRST_ROWS), or all of them fit: the rest are wanted. Once per set_rows.
    more_wanted = Signal()

    def __init__(
        self,
        title: str,
        headers: list[tuple[str, str]],
        stretch_column: int,
        empty_text: str,
        description: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.base_title = title
        self.setTitle(title)
        layout = QVBoxLayout(self)
        self.model = TodayRows(headers, tr("Enter or double-click to open this client"))
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(title)
        self.tree.setAccessibleDescription(description)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setItemDelegate(RoomyDelegate(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(False)
        # Widths are set from the rows' own texts when they arrive (never ResizeToContents,
        # which measures every row again after each one is added).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        self.stretch_column = stretch_column
        self._more_to_come = False  # the rows shown are the first ones only
        self._first_row_wanted = False  # see start_at_first_row
        # Not Qt's canFetchMore/fetchMore: QTreeView asks for more as soon as it lays out.
        bar = self.tree.verticalScrollBar()
        bar.valueChanged.connect(self._want_more_at_the_end)
        bar.rangeChanged.connect(self._want_more_at_the_end)
        self.stack = ListPane(self.tree, empty_text)
        self.stack.show_rows(True)  # until the rows arrive: the list, not "nothing here"
        self.empty = self.stack.empty
        layout.addWidget(self.stack, 1)
        self.more = label("", "hint")
        self.more.setVisible(False)
        layout.addWidget(self.more)

    def set_rows(
        self,
        rows: list[Row],
        total: int,
        more_than: bool = False,
        listed: int | None = None,
        *,
        first_row_later: bool = False,
    ) -> None:
        """The rows shown and how many there are; more_than: at least `total` (a count that
        stopped early, see store.today.COUNT_LIMIT); listed: how many rows the list will hold
        once the rest of a first read arrive (its first rows only: see today.section);
        first_row_later: keyboard focus is put on the first row by start_at_first_row (a
        group filled before it is painted: about a millisecond each, on another turn)."""
        replaced = self.model.set_rows(rows)
        self._more_to_come = listed is not None and len(rows) < listed
        self._fit_columns([texts for texts, _c, _p in rows])
        count = tr("{0}+").format(total) if more_than else str(total)
        self.setTitle(tr("{0} ({1})").format(self.base_title, count) if total else self.base_title)
        self.stack.show_rows(bool(rows))
        self._first_row_wanted = bool(rows and replaced)
        if not first_row_later:
            self.start_at_first_row()
        shown = max(len(rows), listed or 0)
        self.more.setVisible(more_than or total > shown)
        self.more.setText(
            tr("Showing the first {0} of more than {1}.").format(shown, total)
            if more_than
            else tr("Showing the first {0} of {1}.").format(shown, total)
        )

    def start_at_first_row(self) -> None:
        """Keyboard focus starts on the first line of new rows, without highlighting it."""
        if self._first_row_wanted:
            self._first_row_wanted = False
            self.tree.selectionModel().setCurrentIndex(
                self.tree.model().index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Once laid out: a list that shows all its rows has no end to scroll to.
        QTimer.singleShot(0, self, self._want_more_at_the_end)

    def _want_more_at_the_end(self, *_args: object) -> None:
        bar = self.tree.verticalScrollBar()
        if self._more_to_come and self.tree.isVisible() and bar.value() >= bar.maximum():
            self._more_to_come = False
            self.more_wanted.emit()

    def _fit_columns(self, rows: list[list[str]]) -> None:
        """Each column as wide as its widest text (header included), measured once."""
        metrics = self.tree.fontMetrics()
        header = self.tree.header()
        pad = 3 * metrics.averageCharWidth()
        for column in range(self.model.columnCount()):
            if column == self.stretch_column:
                continue
            texts = {row[column] for row in rows if column < len(row)}
            texts.add(self.model.headers[column][0])
            header.resizeSection(column, max(metrics.horizontalAdvance(t) for t in texts) + pad)

    def row_count(self) -> int:
        return self.model.rowCount()

    def row_texts(self, row: int) -> list[str]:
        return list(self.model.rows[row][0]) if 0 <= row < len(self.model.rows) else []
