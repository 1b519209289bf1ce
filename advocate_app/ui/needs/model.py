"""A client's needs as a tree model: category rows holding need rows, with every status in
words.

Status is always written out; nothing here is colored by status. "Declined by client" looks
exactly like every other status: it is the survivor's choice, never a failure or late.
"""

from __future__ import annotations

from datetime import date

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import needs
from advocate_app.store.errors import VaultError
from advocate_app.store.needs import NeedView
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import NEED_CATEGORIES, NEED_PRIORITIES, NEED_STATUSES
from advocate_app.ui.data_language import need_label
from advocate_app.ui.format import fmt_date
from advocate_app.ui.lists import AnyIndex, column_header
from advocate_app.ui.qt import (
    QAbstractItemModel,
    QFont,
    QModelIndex,
    QObject,
    Qt,
    Signal,
    tr,
    tr_marked,
)
from advocate_app.ui.roles import NEED_CATEGORY_ROLE, NEED_ID_ROLE, NEED_STATUS_ROLE


def status_text(code: str) -> str:
    return tr_marked(NEED_STATUSES.get(code, code))


def priority_text(code: str | None) -> str:
    return tr_marked(NEED_PRIORITIES[code]) if code in NEED_PRIORITIES else ""


def due_text(need: NeedView, on: date) -> str:
    """The due date in words; "overdue" is said, never only colored, and never for a settled
    need (declined, met, not needed)."""
    if need.due_date is None:
        return ""
    text = fmt_date(need.due_date)
    if need.is_overdue(on):
        return tr("{0} · overdue").format(text)
    return text


# --- the needs model ----------------------------------------------------------------------------


class NeedsModel(QAbstractItemModel):
    """A client's needs as a two-level tree: category rows, each holding its need rows.

    Internal id 0 marks a category row; a need row's internal id is its category row + 1.
    Setting the status column's EditRole to a status code saves it at once.
    """

    COL_NEED, COL_STATUS, COL_PRIORITY, COL_NEXT, COL_DUE = range(5)
    HEADERS = (
        QT_TR_NOOP("Need"),
        QT_TR_NOOP("Status"),
        QT_TR_NOOP("Priority"),
        QT_TR_NOOP("Next step"),
        QT_TR_NOOP("Due"),
    )
    # What each column holds, for a screen reader (its accessible description).
    DESCRIPTIONS = (
        QT_TR_NOOP("The need, grouped under its category."),
        QT_TR_NOOP("Where the need stands; it can be changed right here."),
        QT_TR_NOOP("The client's own priority for this need."),
        QT_TR_NOOP("The next thing to do for this need."),
        QT_TR_NOOP("Date the need is due; an overdue one says so."),
    )

    failed = Signal(str)  # a sentence to show when a save did not work
    need_saved = Signal(int)  # a need was changed and saved

    def __init__(self, vault: Vault, client_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.client_id = client_id
        self.today = date.today()
        self._groups: list[tuple[str, list[NeedView]]] = []

    # loading

    def reload(self) -> None:
        self.beginResetModel()
        self.today = date.today()
        grouped: dict[str, list[NeedView]] = {}
        for need in needs.list_needs(self.vault, self.client_id):
            grouped.setdefault(need.category, []).append(need)
        self._groups = list(grouped.items())  # list_needs is in category order already
        self.endResetModel()

    def need_count(self) -> int:
        return sum(len(items) for _category, items in self._groups)

    def all_needs(self) -> list[NeedView]:
        return [need for _category, items in self._groups for need in items]

    # lookups

    def need_at(self, index: AnyIndex) -> NeedView | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        group = index.internalId() - 1
        if group >= len(self._groups):
            return None
        items = self._groups[group][1]
        return items[index.row()] if index.row() < len(items) else None

    def category_at(self, index: AnyIndex) -> str | None:
        if not index.isValid():
            return None
        group = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self._groups[group][0] if group < len(self._groups) else None

    def index_for_need(self, need_id: int, column: int = 0) -> QModelIndex:
        for group, (_category, items) in enumerate(self._groups):
            for row, need in enumerate(items):
                if need.id == need_id:
                    return self.createIndex(row, column, group + 1)
        return QModelIndex()

    def replace_need(self, need: NeedView) -> None:
        """Show a saved need without reloading the whole list."""
        index = self.index_for_need(need.id)
        if not index.isValid():
            self.reload()
            return
        self._groups[index.internalId() - 1][1][index.row()] = need
        self.dataChanged.emit(
            index.siblingAtColumn(0), index.siblingAtColumn(len(self.HEADERS) - 1)
        )

    # QAbstractItemModel

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        if parent.internalId() == 0:
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: AnyIndex | None = None) -> QModelIndex:  # type: ignore[override]
        if index is None:  # QObject.parent(), which this name hides
            return QObject.parent(self)  # type: ignore[return-value]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1]) if parent.row() < len(self._groups) else 0
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and section == self.COL_PRIORITY
        ):
            return tr("The client's own priority")
        return column_header(self.HEADERS, self.DESCRIPTIONS, section, orientation, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != 0 and index.column() == self.COL_STATUS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._category_data(index, role)
        need = self.need_at(index)
        if need is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._need_text(need, column)
        if role == Qt.ItemDataRole.EditRole and column == self.COL_STATUS:
            return need.status
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_NEED:  # the whole name, and the note line if there is one
                parts = [
                    need_label(need.category, need.label),
                    need.note_line,
                    need.resource_name or "",
                ]
                return "\n".join(p for p in parts if p)
            if column == self.COL_NEXT:
                return need.next_step or None
            if column == self.COL_STATUS:
                return tr("F2 or Enter to change; Alt+1 to Alt+5 to set directly")
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._need_text(need, column)
            return text or tr("none")
        if role == NEED_ID_ROLE:
            return need.id
        if role == NEED_STATUS_ROLE:
            return need.status
        if role == NEED_CATEGORY_ROLE:
            return need.category
        return None

    def _category_data(self, index: AnyIndex, role: int) -> object:
        if index.row() >= len(self._groups):
            return None
        category, items = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return tr("{0} ({1})").format(
                tr_marked(NEED_CATEGORIES.get(category, category)), len(items)
            )
        if role == Qt.ItemDataRole.FontRole and index.column() == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == NEED_CATEGORY_ROLE:
            return category
        return None

    def _need_text(self, need: NeedView, column: int) -> str:
        if column == self.COL_NEED:
            return need_label(need.category, need.label)
        if column == self.COL_STATUS:
            return status_text(need.status)
        if column == self.COL_PRIORITY:
            return priority_text(need.priority)
        if column == self.COL_NEXT:
            return need.next_step
        if column == self.COL_DUE:
            return due_text(need, self.today)
        return ""

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or index.column() != self.COL_STATUS
            or not isinstance(value, str)
        ):
            return False
        need = self.need_at(index)
        if need is None:
            return False
        if value == need.status:
            return True
        try:
            saved = needs.update_need(self.vault, need.id, status=value)
        except VaultError as exc:
            self.failed.emit(exc.message)
            return False
        self.replace_need(saved)
        self.need_saved.emit(saved.id)
        return True
