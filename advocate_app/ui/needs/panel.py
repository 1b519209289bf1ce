"""A client's needs tab: the checklist by category beside the selected need, and the keyboard
and menu actions that change a status.

Status is always written out in words; nothing here is colored by status. "Declined by client"
looks exactly like every other status: it is the survivor's choice, never a failure or late.
"""

from __future__ import annotations

from advocate_app.store import needs
from advocate_app.store.errors import VaultError
from advocate_app.store.needs import NeedView
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import NEED_STATUSES
from advocate_app.ui.lists import ListPane, RoomyDelegate
from advocate_app.ui.needs.delegates import StatusDelegate
from advocate_app.ui.needs.detail import NeedDetail
from advocate_app.ui.needs.dialogs import AddFromChecklistDialog, AddOwnNeedDialog
from advocate_app.ui.needs.model import NeedsModel
from advocate_app.ui.qt import (
    QAbstractItemView,
    QAction,
    QCompleter,
    QDialog,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QMenu,
    QModelIndex,
    QObject,
    QPoint,
    QPushButton,
    Qt,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
    tr_marked,
)
from advocate_app.ui.widgets import (
    AdaptiveSplitter,
    WrappingPane,
    confirm,
    label,
    primary_button,
    status_line,
)

# Keyboard shortcuts for setting a status, in vocabulary order (Alt+1 … Alt+5): Ctrl+1 …
# Ctrl+9 switch sections everywhere.
STATUS_SHORTCUTS = {code: f"Alt+{i}" for i, code in enumerate(NEED_STATUSES, start=1)}


class NeedsPanel(QWidget):
    """A client's needs: the checklist by category on the left, the selected need on the right.

    Keyboard: arrows move; F2 or Enter opens the status list; Alt+1 … Alt+5 set a status
    directly; Delete removes a need added by mistake (declining is not removing).
    """

    changed = Signal()  # something was saved (for the client header, the Today view, …)

    def __init__(self, vault: Vault, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.client_id = client_id
        self.add_dialog: QDialog | None = None
        self.model = NeedsModel(vault, client_id, self)
        self.model.failed.connect(self._show_error)
        self.model.need_saved.connect(self._need_saved)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        buttons = QHBoxLayout()
        self.add_checklist_button = primary_button(tr("Add from checklist…"))
        self.add_checklist_button.setDefault(False)
        self.add_checklist_button.setAutoDefault(False)
        self.add_checklist_button.clicked.connect(self.open_add_from_checklist)
        self.add_checklist_button.setAccessibleDescription(
            tr("Opens the office's needs checklist to add several needs at once.")
        )
        self.add_own_button = QPushButton(tr("Add my own…"))
        self.add_own_button.setAccessibleDescription(
            tr("Adds a need in your own words, under a category you choose.")
        )
        self.add_own_button.clicked.connect(self.open_add_own)
        self.remove_button = QPushButton(tr("Remove…"))
        self.remove_button.setToolTip(
            tr(
                "Remove a need added by mistake (Delete). If the "
                "client chose not to pursue it, mark it declined."
            )
        )
        self.remove_button.setAccessibleDescription(
            tr(
                "Removes the selected need added by mistake, after asking. If the client chose "
                "not to pursue it, mark it declined instead."
            )
        )
        self.remove_button.clicked.connect(self.remove_current)
        buttons.addWidget(self.add_checklist_button)
        buttons.addWidget(self.add_own_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        outer.addLayout(buttons)

        # The list and the selected need stack on a narrow screen: both stay readable.
        splitter = AdaptiveSplitter(self.fontMetrics().averageCharWidth() * 90)
        self.splitter = splitter
        left = WrappingPane()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("Needs"))
        self.view.setAccessibleDescription(
            tr(
                "This client's needs by category: each row shows the need, its status and its "
                "due date; the selected need's details are beside the list. Enter or F2 changes "
                "the status; Delete removes a need added by mistake."
            )
        )
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.view.setItemDelegate(RoomyDelegate(self.view))
        self.view.setItemDelegateForColumn(NeedsModel.COL_STATUS, StatusDelegate(self.view))
        self.view.setAllColumnsShowFocus(True)
        # Long need names wrap onto more lines instead of ending in "…" (full text in the
        # tooltip as well).
        self.view.setWordWrap(True)
        self.view.setUniformRowHeights(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setMinimumHeight(self.fontMetrics().height() * 5)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        # The need's name gets the room; the next step is shown in full on the right.
        header = self.view.header()
        header.setStretchLastSection(False)
        # The need's name takes what the other columns leave, but never less than about 20
        # letters beside the tree's indentation (long Spanish headers, a narrow pane): below that
        # the list scrolls sideways instead of cutting the names to a few letters.
        header.setSectionResizeMode(NeedsModel.COL_NEED, QHeaderView.ResizeMode.Interactive)
        self._need_min_width = (
            self.fontMetrics().averageCharWidth() * 20 + 2 * self.view.indentation()
        )
        header.sectionResized.connect(self._fit_need_column)
        self.view.viewport().installEventFilter(self)
        header.setSectionResizeMode(NeedsModel.COL_NEXT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(NeedsModel.COL_NEXT, self.fontMetrics().averageCharWidth() * 14)
        header.sectionResized.connect(lambda *_a: self.view.doItemsLayout())
        for column in (NeedsModel.COL_STATUS, NeedsModel.COL_PRIORITY, NeedsModel.COL_DUE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list_stack = ListPane(
            self.view,
            tr(
                "No needs are recorded for this client yet. Use “Add from checklist…” to pick "
                "from the office's suggestions, or “Add my own…” to write one in your own "
                "words."
            ),
        )
        self.empty = self.list_stack.empty
        left_layout.addWidget(self.list_stack, 1)
        self.keys_hint = label(
            tr("F2 or Enter: change status · Alt+1 to Alt+5: set status · Delete: remove"), "hint"
        )
        left_layout.addWidget(self.keys_hint)
        splitter.addWidget(left)
        self.detail = NeedDetail()
        # Suggest names from the resource directory; picking one records a referral.
        from advocate_app.store.resources import directory

        names = [entry.name for entry in directory(vault)]
        completer = QCompleter(names, self.detail.resource)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.detail.resource.setCompleter(completer)
        self.detail.resource.setPlaceholderText(
            tr("A resource from the directory, or any organization")
        )
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        outer.addWidget(splitter, 1)
        self.message = status_line("", "error")
        outer.addWidget(self.message)

        self.status_actions: dict[str, QAction] = {}
        for code, text in NEED_STATUSES.items():
            action = QAction(tr("Mark “{0}”").format(tr_marked(text)), self)
            action.setShortcut(QKeySequence(STATUS_SHORTCUTS[code]))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, c=code: self.set_current_status(c))
            self.view.addAction(action)
            self.status_actions[code] = action
        self.change_action = QAction(tr("Change status…"), self)
        self.change_action.setShortcuts([QKeySequence(Qt.Key.Key_F2)])
        self.change_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.change_action.triggered.connect(self.edit_current_status)
        self.view.addAction(self.change_action)
        self.remove_action = QAction(tr("Remove…"), self)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_current)
        self.view.addAction(self.remove_action)

        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.detail.status.activated.connect(self._detail_status_chosen)
        self.detail.save_button.clicked.connect(self.save_pending)
        self.refresh()

    # --- public -----------------------------------------------------------------------------

    def set_client(self, client_id: int) -> None:
        self.save_pending()
        self.client_id = client_id
        self.model.client_id = client_id
        self.refresh()

    def refresh(self) -> None:
        """Reload from the vault, keeping the selected need when it still exists."""
        self.save_pending()
        current = self.current_need()
        self._reload_list()
        if current is not None and self.model.index_for_need(current.id).isValid():
            self.select_need(current.id)
        elif self.model.need_count():
            self.select_need(self.model.all_needs()[0].id)
        else:
            self.detail.show_need(None, [])

    def select_need(self, need_id: int) -> bool:
        """Select and show one need (e.g. from the Today view). False if it is gone."""
        index = self.model.index_for_need(need_id)
        if not index.isValid():  # added elsewhere since the list was loaded?
            self._reload_list()
            index = self.model.index_for_need(need_id)
            if not index.isValid():
                return False
        self.view.expand(index.parent())
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus()
        return True

    def _reload_list(self) -> None:
        self.model.reload()
        for row in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)
        self.view.expandAll()
        has_needs = self.model.need_count() > 0
        self.list_stack.show_rows(has_needs)
        self.remove_button.setEnabled(has_needs)
        self.keys_hint.setVisible(has_needs)

    def current_need(self) -> NeedView | None:
        return self.model.need_at(self.view.currentIndex())

    def save_pending(self) -> bool:
        """Save the detail form's edits, if any. True when nothing is left unsaved."""
        need = self.detail.need
        if need is None or not self.detail.dirty:
            return True
        try:
            saved = needs.update_need(self.vault, need.id, **self.detail.values())
        except VaultError as exc:
            self._show_error(exc.message)
            return False
        self.detail.dirty = False
        self.detail.save_button.setEnabled(False)
        self.detail.need = saved
        self.detail.saved_label.setText(tr("Saved."))
        self.model.replace_need(saved)
        self._need_saved(saved.id, refresh_detail=False)
        return True

    def set_current_status(self, status: str) -> None:
        index = self.view.currentIndex()
        if self.model.need_at(index) is None:
            self._show_error(tr("Select a need first."))
            return
        self.model.setData(index.siblingAtColumn(NeedsModel.COL_STATUS), status)

    def edit_current_status(self) -> None:
        index = self.view.currentIndex()
        if self.model.need_at(index) is None:
            return
        status_index = index.siblingAtColumn(NeedsModel.COL_STATUS)
        self.view.setCurrentIndex(status_index)
        self.view.edit(status_index)

    def open_add_from_checklist(self) -> None:
        self.save_pending()
        try:
            template = needs.template(self.vault)
        except VaultError as exc:
            self._show_error(exc.message)
            return
        dialog = AddFromChecklistDialog(template, self.model.all_needs(), self)
        dialog.accepted.connect(lambda: self._add_from_checklist(dialog.selected_ids()))
        dialog.finished.connect(dialog.deleteLater)
        self.add_dialog = dialog
        dialog.open()

    def open_add_own(self) -> None:
        self.save_pending()
        category = self.model.category_at(self.view.currentIndex())
        dialog = AddOwnNeedDialog(category, self)
        dialog.accepted.connect(
            lambda: self._add_own(dialog.category.currentData(), dialog.need.text())
        )
        dialog.finished.connect(dialog.deleteLater)
        self.add_dialog = dialog
        dialog.open()

    def remove_current(self) -> None:
        need = self.current_need()
        if need is None:
            self._show_error(tr("Select a need first."))
            return
        if not confirm(
            self,
            tr("Remove need"),
            tr(
                "Remove “{0}” and its status history? Use this for a need added by mistake. "
                "If the client chose not to pursue it, mark it “Declined by client” "
                "instead."
            ).format(need.label),
            tr("Remove need"),
        ):
            return
        try:
            needs.delete_need(self.vault, need.id)
        except VaultError as exc:
            self._show_error(exc.message)
            return
        self.detail.need = None
        self.refresh()
        self.changed.emit()

    # --- internals --------------------------------------------------------------------------

    def _add_from_checklist(self, template_item_ids: list[int]) -> None:
        self.add_dialog = None
        if not template_item_ids:
            return
        try:
            created = needs.add_needs_from_template(self.vault, self.client_id, template_item_ids)
        except VaultError as exc:
            self._show_error(exc.message)
            return
        self.refresh()
        if created:
            self.select_need(created[0])
        self.changed.emit()

    def _add_own(self, category: str, text: str) -> None:
        self.add_dialog = None
        try:
            need_id = needs.add_need(self.vault, self.client_id, category, text)
        except VaultError as exc:
            self._show_error(exc.message)
            return
        self.refresh()
        self.select_need(need_id)
        self.changed.emit()

    def _activated(self, index: QModelIndex) -> None:
        if self.model.need_at(index) is not None:
            self.edit_current_status()
        elif index.isValid():  # a category row: open or close it
            category_index = index.siblingAtColumn(0)
            self.view.setExpanded(category_index, not self.view.isExpanded(category_index))

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        previous_need = self.model.need_at(previous)
        if previous_need is not None and self.detail.need is not None:
            self.save_pending()  # moving on never loses what was typed
        need = self.model.need_at(current)
        self.message.setText("")
        self.detail.show_need(need, needs.status_history(self.vault, need.id) if need else [])

    def _detail_status_chosen(self, _row: int) -> None:
        need = self.detail.need
        code = self.detail.status.currentData()
        if need is None or code == need.status:
            return
        index = self.model.index_for_need(need.id, NeedsModel.COL_STATUS)
        self.model.setData(index, code)

    def _need_saved(self, need_id: int, refresh_detail: bool = True) -> None:
        self.message.setText("")
        if self.detail.need is not None and self.detail.need.id == need_id:
            index = self.model.index_for_need(need_id)
            saved = self.model.need_at(index)
            history = needs.status_history(self.vault, need_id)
            if refresh_detail and saved is not None and not self.detail.dirty:
                self.detail.show_need(saved, history)
            else:
                if saved is not None:
                    self.detail.status.setCurrentIndex(
                        max(self.detail.status.findData(saved.status), 0)
                    )
                self.detail.show_history(history)
        self.changed.emit()

    def _fit_need_column(self, *_args: object) -> None:
        header = self.view.header()
        others = sum(
            header.sectionSize(column)
            for column in range(header.count())
            if column != NeedsModel.COL_NEED and not header.isSectionHidden(column)
        )
        wanted = max(self._need_min_width, self.view.viewport().width() - others)
        if header.sectionSize(NeedsModel.COL_NEED) != wanted:
            header.blockSignals(True)
            header.resizeSection(NeedsModel.COL_NEED, wanted)
            header.blockSignals(False)
            self.view.doItemsLayout()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_need_column()
        return super().eventFilter(watched, event)

    def _context_menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        if self.model.need_at(index) is None:
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        for action in self.status_actions.values():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.change_action)
        menu.addAction(self.remove_action)
        menu.popup(self.view.viewport().mapToGlobal(point))

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
