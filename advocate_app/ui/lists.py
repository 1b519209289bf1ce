"""The pieces the app's lists share: a section's list pane (title, main action, filter), the
stack that shows either a list or what to do while it is empty, and the row delegate that
gives rows room to breathe."""

from __future__ import annotations

from advocate_app.ui.qt import (
    QHBoxLayout,
    QLineEdit,
    QModelIndex,
    QPersistentModelIndex,
    QPushButton,
    QRect,
    QSize,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTreeView,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
    tr_marked,
)
from advocate_app.ui.widgets import WrappingPane, label

AnyIndex = QModelIndex | QPersistentModelIndex


def column_header(
    titles: tuple[str, ...] | list[str],
    descriptions: tuple[str, ...] | list[str],
    section: int,
    orientation: Qt.Orientation,
    role: int,
) -> object:
    """What a table model's headerData answers for a column: its title (shown and read aloud)
    and, for a screen reader, what the column holds. Both are QT_TR_NOOP-marked texts; None for
    any other role, so a model can answer its own extra roles after this."""
    if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(titles):
        return None
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
        return tr_marked(titles[section])
    if role == Qt.ItemDataRole.AccessibleDescriptionRole:
        return tr_marked(descriptions[section])
    return None


def set_headers(tree: QTreeWidget, columns: list[tuple[str, str]]) -> None:
    """The tree's column titles and, for a screen reader, what each column holds: one
    (title, description) pair per column, both already translated. Stored on the header item
    once, so painting the header costs nothing more."""
    tree.setHeaderLabels([title for title, _description in columns])
    header = tree.headerItem()
    for column, (_title, description) in enumerate(columns):
        header.setData(column, Qt.ItemDataRole.AccessibleDescriptionRole, description)


class SectionListPane(WrappingPane):
    """The list side of a section (Clients, Resources): its title with the main action beside
    it, then a filter box; the section adds its list and anything else to `body`. As tall as
    its wrapped lines need (WrappingPane): on a narrow window the record goes below it."""

    def __init__(
        self,
        title: str,
        action: str,
        filter_hint: str,
        filter_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(12, 12, 6, 12)
        head = QHBoxLayout()
        head.addWidget(label(title, "title", wrap=False))
        head.addStretch(1)
        self.action_button = QPushButton(action)
        self.action_button.setProperty("role", "primary")
        head.addWidget(self.action_button)
        self.body.addLayout(head)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(filter_hint)
        self.filter.setAccessibleName(filter_name)
        self.filter.setClearButtonEnabled(True)
        self.body.addWidget(self.filter)


class ListPane(QStackedWidget):
    """A list of records, or, while there are none, a hint that says what to do first.

    `empty` is the hint label and `view` the list; `show_rows(False)` brings the hint forward.
    """

    def __init__(self, view: QWidget, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty = label(empty_text, "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.addWidget(self.empty)
        self.view = view
        self.addWidget(view)

    def show_rows(self, has_rows: bool) -> None:
        self.setCurrentWidget(self.view if has_rows else self.empty)


class RoomyDelegate(QStyledItemDelegate):
    """Rows with a little air between them: long days, tired eyes."""

    PADDING = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        size = super().sizeHint(option, index)
        view = self.parent()
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if isinstance(view, QTreeView) and view.wordWrap() and isinstance(text, str) and text:
            # A long need name wraps onto more lines in its column instead of ending in "…".
            width = view.header().sectionSize(index.column()) - 16
            if index.column() == 0:
                depth = 1 if index.parent().isValid() else 0
                width -= view.indentation() * (depth + 1)
            if width > 20:
                box = option.fontMetrics.boundingRect(
                    QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text
                )
                size.setHeight(max(size.height(), box.height() + 4))
        return QSize(size.width(), size.height() + self.PADDING)
