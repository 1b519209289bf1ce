"""Lists whose long rows wrap to the list's width (the trainer reads them on a projector)."""

from __future__ import annotations

from advocate_app.ui.qt import (
    QEvent,
    QListView,
    QListWidget,
    QModelIndex,
    QObject,
    QPainter,
    QPalette,
    QPersistentModelIndex,
    QRect,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTimer,
)


class WrappingDelegate(QStyledItemDelegate):
    """Rows whose text wraps to the list's width, measured and drawn the same way.

    Qt's own word-wrapping rows are measured and painted by different code paths and, at some
    widths, draw "3. The legal …" over an empty second line; a trainer reads these on a
    projector, so the row height and the drawn text come from one measurement here.
    """

    PAD_X, PAD_Y = 6, 5

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def _text_width(self) -> int:
        return max(40, self.view.viewport().width() - 2 * self.PAD_X - 2 * self.view.spacing())

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        bounds = opt.fontMetrics.boundingRect(
            QRect(0, 0, self._text_width(), 100_000), int(Qt.TextFlag.TextWordWrap), opt.text
        )
        return QSize(self._text_width() + 2 * self.PAD_X, bounds.height() + 2 * self.PAD_Y)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = self.view.style()
        # Selection, hover and focus from the style; the text ourselves.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, self.view)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        painter.drawText(
            opt.rect.adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y),
            int(
                Qt.TextFlag.TextWordWrap
                | Qt.AlignmentFlag.AlignLeft
                | Qt.AlignmentFlag.AlignVCenter
            ),
            text,
        )
        painter.restore()


class RelayoutOnWidthChange(QObject):
    """Lays the rows out again when the list's usable width changes.

    A scroll bar appearing narrows the viewport without resizing the list itself, so Qt keeps
    the row positions measured at the old width: a title that now wraps is drawn over the row
    below it. Heights only grow as the width shrinks, so this settles after one pass.
    """

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view
        self.width = view.viewport().width()
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.view.viewport().width() != self.width:
            self.width = self.view.viewport().width()
            QTimer.singleShot(0, self, self.view.doItemsLayout)
        return False


def wrap_items(view: QListWidget) -> None:
    """Long titles wrap onto a second line instead of scrolling sideways or being cut."""
    view.setItemDelegate(WrappingDelegate(view))
    view.relayout_on_width_change = RelayoutOnWidthChange(view)  # type: ignore[attr-defined]
    view.setSpacing(1)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setUniformItemSizes(False)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
