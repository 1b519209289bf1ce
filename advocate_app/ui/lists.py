"""The pieces every list of a client's records shares: the pane that shows either the list or
what to do when it is empty, and the row delegate that gives rows room to breathe."""

from __future__ import annotations

from advocate_app.ui.qt import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTreeView,
    QWidget,
)
from advocate_app.ui.widgets import label

AnyIndex = QModelIndex | QPersistentModelIndex


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
                    QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text)
                size.setHeight(max(size.height(), box.height() + 4))
        return QSize(size.width(), size.height() + self.PADDING)
