"""The two ways to add needs: ticked from the office's checklist, or written in one's own words."""

from __future__ import annotations

from advocate_app.store import needs
from advocate_app.store.needs import NeedView, TemplateItem
from advocate_app.store.vocab import NEED_CATEGORIES
from advocate_app.ui.data_language import need_label
from advocate_app.ui.dialogs import add_dialog_foot
from advocate_app.ui.qt import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    tr,
    tr_marked,
)
from advocate_app.ui.widgets import label


class AddFromChecklistDialog(QDialog):
    """The office's checklist by category; tick the needs this client has."""

    def __init__(
        self, template: list[TemplateItem], present: list[NeedView], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Add needs from the checklist"))
        self.resize(560, 620)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                tr(
                    "Tick the needs the client wants to work on (Space ticks the selected line). "
                    "These are suggestions; the client decides."
                )
            )
        )
        have_ids = {n.template_item_id for n in present if n.template_item_id is not None}
        have_labels = {(n.category, n.label.casefold()) for n in present}
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(tr("Checklist items"))
        self.tree.setAccessibleDescription(
            tr(
                "The office's checklist by category, one need per row. Space ticks the selected "
                "need; needs already on the client's list cannot be ticked again."
            )
        )
        self.tree.setUniformRowHeights(True)
        self._items: dict[int, QTreeWidgetItem] = {}
        groups: dict[str, QTreeWidgetItem] = {}
        for item in template:
            group = groups.get(item.category)
            if group is None:
                group = QTreeWidgetItem(
                    [tr_marked(NEED_CATEGORIES.get(item.category, item.category))]
                )
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(group)
                groups[item.category] = group
            row = QTreeWidgetItem([need_label(item.category, item.label)])
            if item.id in have_ids or (item.category, item.label.casefold()) in have_labels:
                row.setText(
                    0, tr("{0} — already on the list").format(need_label(item.category, item.label))
                )
                row.setFlags(Qt.ItemFlag.NoItemFlags)  # shown, greyed, not tickable
            else:
                row.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                row.setCheckState(0, Qt.CheckState.Unchecked)
                self._items[item.id] = row
            group.addChild(row)
        self.tree.expandAll()
        layout.addWidget(self.tree, 1)
        self.add_button = add_dialog_foot(self, layout, tr("Add needs")).ok
        self.tree.itemChanged.connect(self._update_button)
        self._update_button()
        first = next(iter(self._items.values()), None)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.tree.setFocus()

    def item_for(self, template_item_id: int) -> QTreeWidgetItem | None:
        return self._items.get(template_item_id)

    def selected_ids(self) -> list[int]:
        return [
            tid for tid, row in self._items.items() if row.checkState(0) == Qt.CheckState.Checked
        ]

    def _update_button(self, *_args: object) -> None:
        count = len(self.selected_ids())
        self.add_button.setEnabled(count > 0)
        self.add_button.setText(
            tr("Add 1 need")
            if count == 1
            else tr("Add {0} needs").format(count)
            if count
            else tr("Add needs")
        )


class AddOwnNeedDialog(QDialog):
    """A need in the advocate's (or the client's) own words."""

    def __init__(self, category: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Add a need"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.category = QComboBox()
        self.category.setAccessibleName(tr("Category"))
        self.category.setAccessibleDescription(
            tr("The group the need is listed under, and counted under in the summary.")
        )
        for code, text in NEED_CATEGORIES.items():
            self.category.addItem(tr_marked(text), code)
        if category is not None:
            self.category.setCurrentIndex(max(self.category.findData(category), 0))
        self.need = QLineEdit()
        self.need.setMaxLength(needs.LABEL_MAX)
        self.need.setAccessibleName(tr("Need"))
        self.need.setAccessibleDescription(
            tr("In a few words, what the client needs; no names or details of the case.")
        )
        self.need.setPlaceholderText(tr("In a few words, e.g. “Storage for belongings”"))
        for text, widget in ((tr("&Category"), self.category), (tr("&Need"), self.need)):
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        layout.addLayout(form)
        foot = add_dialog_foot(self, layout, tr("Add need"), on_accept=self._accept, message=True)
        self.message, self.add_button = foot.message, foot.ok
        self.need.setFocus()

    def _accept(self) -> None:
        if not self.need.text().strip():
            self.message.setText(tr("Write what the need is, in a few words."))
            return
        self.accept()
