"""The office's needs checklist, edited by a supervisor: add, rename, retire (and bring back).

Edits shape what is suggested from now on. Clients' existing needs keep their own wording, and
retiring an item never removes it from anyone's list.
"""

from __future__ import annotations

from collections.abc import Callable

from advocate_app.store import needs
from advocate_app.store.errors import VaultError
from advocate_app.store.needs import TemplateItem
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import NEED_CATEGORIES
from advocate_app.ui.dialogs import add_dialog_foot
from advocate_app.ui.qt import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    tr,
    tr_marked,
)
from advocate_app.ui.roles import NEED_CATEGORY_ROLE, TEMPLATE_ITEM_ROLE
from advocate_app.ui.widgets import label, status_line


class ItemTextDialog(QDialog):
    """Asks for an item's wording; the button names the action."""

    def __init__(
        self, title: str, prompt: str, action: str, text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.text = QLineEdit(text)
        self.text.setMaxLength(needs.LABEL_MAX)
        self.text.setAccessibleName(prompt)
        self.text.setAccessibleDescription(
            tr(
                "A few words, the same for every client; clients' existing needs keep their "
                "wording."
            )
        )
        lab = QLabel(prompt)
        lab.setBuddy(self.text)
        form.addRow(lab, self.text)
        layout.addLayout(form)
        foot = add_dialog_foot(self, layout, action, on_accept=self._accept, message=True)
        self.ok, self.message = foot.ok, foot.message
        self.text.selectAll()
        self.text.setFocus()

    def _accept(self) -> None:
        if not self.text.text().strip():
            self.message.setText(tr("Write the item in a few words."))
            return
        self.accept()


class ChecklistTemplateDialog(QDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.prompt: ItemTextDialog | None = None
        self.setWindowTitle(tr("Office needs checklist"))
        self.resize(620, 680)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                tr(
                    "These are the needs suggested when an advocate adds needs from the checklist. "
                    "Changes apply from now on: clients' existing needs keep their wording, and "
                    "retiring an item never removes it from anyone's list."
                )
            )
        )
        problem = needs.template_problem(vault)
        if problem:
            layout.addWidget(
                label(
                    tr(
                        "When this checklist was first set up, the checklist file could not be used "
                        "({0}), so the built-in list was used. Edit the items here."
                    ).format(problem),
                    "error",
                )
            )
        self.is_supervisor = vault.current_user.is_supervisor
        if not self.is_supervisor:
            layout.addWidget(label(tr("Only a supervisor can change the checklist."), "hint"))

        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(tr("Checklist items by category"))
        self.tree.setAccessibleDescription(
            tr(
                "The office's suggested needs, grouped by category. Select an item to rename, "
                "retire or bring it back with the buttons below."
            )
        )
        self.tree.setUniformRowHeights(True)
        layout.addWidget(self.tree, 1)
        self.show_retired = QCheckBox(tr("Show retired items"))
        self.show_retired.toggled.connect(lambda _on: self.reload())
        layout.addWidget(self.show_retired)

        row = QHBoxLayout()
        self.add_button = QPushButton(tr("Add item…"))
        self.add_button.setAccessibleDescription(
            tr("Adds an item to the selected category, suggested from now on.")
        )
        self.add_button.clicked.connect(self.ask_add)
        self.rename_button = QPushButton(tr("Rename…"))
        self.rename_button.clicked.connect(self.ask_rename)
        self.retire_button = QPushButton(tr("Retire"))
        self.retire_button.setToolTip(tr("Stop suggesting this item. Clients who have it keep it."))
        self.retire_button.setAccessibleDescription(
            tr("Stop suggesting this item. Clients who have it keep it.")
        )
        self.retire_button.clicked.connect(self.retire_selected)
        self.restore_button = QPushButton(tr("Bring back"))
        self.restore_button.clicked.connect(self.restore_selected)
        for button in (
            self.add_button,
            self.rename_button,
            self.retire_button,
            self.restore_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = status_line("", "hint")
        layout.addWidget(self.status)
        add_dialog_foot(self, layout, None, cancel=tr("Close"))
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.reload()

    # --- content ----------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        current_category = self.selected_category()
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for code, text in NEED_CATEGORIES.items():
            group = QTreeWidgetItem([tr_marked(text)])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setData(0, NEED_CATEGORY_ROLE, code)
            self.tree.addTopLevelItem(group)
            groups[code] = group
        chosen: QTreeWidgetItem | None = None
        for item in needs.template(self.vault, include_retired=self.show_retired.isChecked()):
            text = item.label if not item.retired else tr("{0} (retired)").format(item.label)
            row = QTreeWidgetItem([text])
            row.setData(0, TEMPLATE_ITEM_ROLE, item)
            row.setData(0, NEED_CATEGORY_ROLE, item.category)
            groups[item.category].addChild(row)
            if item.id == select_id:
                chosen = row
        self.tree.expandAll()
        if chosen is None and current_category in groups:
            chosen = groups[current_category]
        chosen = chosen or self.tree.topLevelItem(0)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self._update_buttons()

    def selected_item(self) -> TemplateItem | None:
        current = self.tree.currentItem()
        value = current.data(0, TEMPLATE_ITEM_ROLE) if current else None
        return value if isinstance(value, TemplateItem) else None

    def selected_category(self) -> str | None:
        current = self.tree.currentItem()
        return current.data(0, NEED_CATEGORY_ROLE) if current else None

    def find_item(self, text: str) -> QTreeWidgetItem | None:
        for top in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(top)
            if group is None:
                continue
            for row in range(group.childCount()):
                child = group.child(row)
                if child is not None and child.text(0) == text:
                    return child
        return None

    def _update_buttons(self) -> None:
        item = self.selected_item()
        self.add_button.setEnabled(self.is_supervisor and self.selected_category() is not None)
        self.rename_button.setEnabled(self.is_supervisor and item is not None)
        self.retire_button.setEnabled(self.is_supervisor and item is not None and not item.retired)
        self.restore_button.setEnabled(self.is_supervisor and item is not None and item.retired)

    # --- actions ----------------------------------------------------------------------------

    def ask_add(self) -> None:
        category = self.selected_category()
        if category is None:
            return
        self._ask(
            tr("Add a checklist item"),
            tr("New item under {0}").format(tr_marked(NEED_CATEGORIES[category])),
            tr("Add item"),
            "",
            lambda text: self.add_item(category, text),
        )

    def ask_rename(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        self._ask(
            tr("Rename a checklist item"),
            tr("New wording"),
            tr("Rename item"),
            item.label,
            lambda text: self.rename_item(item.id, text),
        )

    def _ask(
        self, title: str, prompt: str, action: str, text: str, then: Callable[[str], object]
    ) -> None:
        dialog = ItemTextDialog(title, prompt, action, text, self)
        dialog.accepted.connect(lambda: then(dialog.text.text()))
        dialog.finished.connect(dialog.deleteLater)
        self.prompt = dialog
        dialog.open()

    def add_item(self, category: str, text: str) -> bool:
        return self._run(
            lambda: needs.add_template_item(self.vault, category, text),
            tr("Added. It is suggested from now on."),
            None,
        )

    def rename_item(self, item_id: int, text: str) -> bool:
        return self._run(
            lambda: needs.rename_template_item(self.vault, item_id, text),
            tr("Renamed. Clients who already have it keep the old wording."),
            item_id,
        )

    def retire_selected(self) -> bool:
        item = self.selected_item()
        if item is None:
            return False
        return self._run(
            lambda: needs.retire_template_item(self.vault, item.id),
            tr("Retired. It is no longer suggested; clients who have it keep it."),
            item.id,
        )

    def restore_selected(self) -> bool:
        item = self.selected_item()
        if item is None:
            return False
        return self._run(
            lambda: needs.restore_template_item(self.vault, item.id),
            tr("Brought back. It is suggested again."),
            item.id,
        )

    def _run(self, action: Callable[[], object], done: str, item_id: int | None) -> bool:
        """Do one store action; select the item it concerns (or the one it created)."""
        self.prompt = None
        try:
            result = action()
        except VaultError as exc:
            self.status.setProperty("role", "error")
            self.status.setText(exc.message)
            self._restyle()
            return False
        self.status.setProperty("role", "ok")
        self.status.setText(done)
        self._restyle()
        self.reload(select_id=result if isinstance(result, int) else item_id)
        return True

    def _restyle(self) -> None:
        style = self.status.style()
        style.unpolish(self.status)
        style.polish(self.status)


__all__ = ["ChecklistTemplateDialog", "ItemTextDialog"]
