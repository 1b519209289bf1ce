"""How the needs list edits a status in place: a list of the five statuses, in words."""

from __future__ import annotations

from advocate_app.store.vocab import NEED_STATUSES
from advocate_app.ui.lists import AnyIndex, RoomyDelegate
from advocate_app.ui.qt import (
    QAbstractItemModel,
    QComboBox,
    QStyledItemDelegate,
    Qt,
    QWidget,
    tr,
    tr_marked,
)


class StatusCombo(QComboBox):
    """Remembers whether its list was opened: a choice made there is final at once, while the
    arrow keys on the closed box only move through the statuses until Enter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.popup_used = False

    def showPopup(self) -> None:
        self.popup_used = True
        super().showPopup()


class StatusDelegate(RoomyDelegate):
    """The status column's editor: a list of the five statuses, in words. Enter saves,
    Escape cancels, and so does a choice from the opened list."""

    def createEditor(self, parent: QWidget, option: object, index: AnyIndex) -> QWidget:
        combo = StatusCombo(parent)
        combo.setAccessibleName(tr("Status"))
        combo.setAccessibleDescription(tr("Enter saves the chosen status; Escape cancels."))
        for code, text in NEED_STATUSES.items():
            combo.addItem(tr_marked(text), code)
        combo.activated.connect(lambda _i, c=combo: self._chosen(c))
        return combo

    def _chosen(self, combo: StatusCombo) -> None:
        if combo.popup_used:
            self.commitData.emit(combo)
            self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        code = index.data(Qt.ItemDataRole.EditRole)
        position = editor.findData(code)
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
