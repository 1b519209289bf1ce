"""A client's needs checklist and appointments, shown as tabs of the client's detail view.

Status is always written out in words; nothing here is colored by status. "Declined by client"
looks exactly like every other status: it is the survivor's choice, never a failure or late.
"""

from __future__ import annotations

from datetime import date, datetime

from advocate_app.store import appointments, needs
from advocate_app.store.appointments import AppointmentFields, AppointmentView
from advocate_app.store.errors import VaultError
from advocate_app.store.needs import NeedView, TemplateItem
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import (
    APPOINTMENT_KINDS,
    NEED_CATEGORIES,
    NEED_PRIORITIES,
    NEED_STATUSES,
)
from advocate_app.ui.format import short_date_format, short_datetime_format
from advocate_app.ui.qt import (
    QAbstractItemModel,
    QAbstractItemView,
    QAbstractTableModel,
    QAction,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDate,
    QDateEdit,
    QDateTime,
    QDialog,
    QDialogButtonBox,
    QFont,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QLocale,
    QMenu,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPushButton,
    QRect,
    QResizeEvent,
    QScrollArea,
    QSize,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTableView,
    QTime,
    QTimeEdit,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
)
from advocate_app.ui.widgets import AdaptiveSplitter, confirm, label, primary_button

NEED_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 3
APPOINTMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 4

AnyIndex = QModelIndex | QPersistentModelIndex

# Keyboard shortcuts for setting a status, in vocabulary order (Alt+1 … Alt+5): Ctrl+1 …
# Ctrl+9 switch sections everywhere.
STATUS_SHORTCUTS = {code: f"Alt+{i}" for i, code in enumerate(NEED_STATUSES, start=1)}


# --- small conversions --------------------------------------------------------------------------


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def short_date(value: date) -> str:
    """A date in the user's locale, short form."""
    return QLocale().toString(to_qdate(value), short_date_format())


def short_datetime(value: datetime) -> str:
    qdt = QDateTime(to_qdate(value.date()), QTime(value.hour, value.minute))
    return QLocale().toString(qdt, short_datetime_format())


def status_text(code: str) -> str:
    return tr(NEED_STATUSES.get(code, code))


def priority_text(code: str | None) -> str:
    return tr(NEED_PRIORITIES[code]) if code in NEED_PRIORITIES else ""


def due_text(need: NeedView, on: date) -> str:
    """The due date in words; "overdue" is said, never only colored, and never for a settled
    need (declined, met, not needed)."""
    if need.due_date is None:
        return ""
    text = short_date(need.due_date)
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
    HEADERS = ("Need", "Status", "Priority", "Next step", "Due")

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
        self.dataChanged.emit(index.siblingAtColumn(0),
                              index.siblingAtColumn(len(self.HEADERS) - 1))

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

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section == self.COL_PRIORITY:
            return tr("The client's own priority")
        return None

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
                parts = [need.label, need.note_line, need.resource_name or ""]
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
        if role == STATUS_ROLE:
            return need.status
        if role == CATEGORY_ROLE:
            return need.category
        return None

    def _category_data(self, index: AnyIndex, role: int) -> object:
        if index.row() >= len(self._groups):
            return None
        category, items = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return tr("{0} ({1})").format(tr(NEED_CATEGORIES.get(category, category)),
                                          len(items))
        if role == Qt.ItemDataRole.FontRole and index.column() == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == CATEGORY_ROLE:
            return category
        return None

    def _need_text(self, need: NeedView, column: int) -> str:
        if column == self.COL_NEED:
            return need.label
        if column == self.COL_STATUS:
            return status_text(need.status)
        if column == self.COL_PRIORITY:
            return priority_text(need.priority)
        if column == self.COL_NEXT:
            return need.next_step
        if column == self.COL_DUE:
            return due_text(need, self.today)
        return ""

    def setData(self, index: AnyIndex, value: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or index.column() != self.COL_STATUS
                or not isinstance(value, str)):
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
        for code, text in NEED_STATUSES.items():
            combo.addItem(tr(text), code)
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

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


# --- dialogs ------------------------------------------------------------------------------------


class AddFromChecklistDialog(QDialog):
    """The office's checklist by category; tick the needs this client has."""

    def __init__(self, template: list[TemplateItem], present: list[NeedView],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Add needs from the checklist"))
        self.resize(560, 620)
        layout = QVBoxLayout(self)
        layout.addWidget(label(tr(
            "Tick the needs the client wants to work on (Space ticks the selected line). "
            "These are suggestions; the client decides.")))
        have_ids = {n.template_item_id for n in present if n.template_item_id is not None}
        have_labels = {(n.category, n.label.casefold()) for n in present}
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(tr("Checklist items"))
        self.tree.setUniformRowHeights(True)
        self._items: dict[int, QTreeWidgetItem] = {}
        groups: dict[str, QTreeWidgetItem] = {}
        for item in template:
            group = groups.get(item.category)
            if group is None:
                group = QTreeWidgetItem([tr(NEED_CATEGORIES.get(item.category, item.category))])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(group)
                groups[item.category] = group
            row = QTreeWidgetItem([item.label])
            row.setData(0, Qt.ItemDataRole.UserRole, item.id)
            if item.id in have_ids or (item.category, item.label.casefold()) in have_labels:
                row.setText(0, tr("{0} — already on the list").format(item.label))
                row.setFlags(Qt.ItemFlag.NoItemFlags)  # shown, greyed, not tickable
            else:
                row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                             | Qt.ItemFlag.ItemIsUserCheckable)
                row.setCheckState(0, Qt.CheckState.Unchecked)
                self._items[item.id] = row
            group.addChild(row)
        self.tree.expandAll()
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox()
        self.add_button = buttons.addButton(tr("Add needs"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.tree.itemChanged.connect(self._update_button)
        self._update_button()
        first = next(iter(self._items.values()), None)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.tree.setFocus()

    def item_for(self, template_item_id: int) -> QTreeWidgetItem | None:
        return self._items.get(template_item_id)

    def selected_ids(self) -> list[int]:
        return [tid for tid, row in self._items.items()
                if row.checkState(0) == Qt.CheckState.Checked]

    def _update_button(self, *_args: object) -> None:
        count = len(self.selected_ids())
        self.add_button.setEnabled(count > 0)
        self.add_button.setText(tr("Add 1 need") if count == 1 else
                                tr("Add {0} needs").format(count) if count else tr("Add needs"))


class AddOwnNeedDialog(QDialog):
    """A need in the advocate's (or the client's) own words."""

    def __init__(self, category: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Add a need"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.category = QComboBox()
        self.category.setAccessibleName(tr("Category"))
        for code, text in NEED_CATEGORIES.items():
            self.category.addItem(tr(text), code)
        if category is not None:
            self.category.setCurrentIndex(max(self.category.findData(category), 0))
        self.need = QLineEdit()
        self.need.setMaxLength(needs.LABEL_MAX)
        self.need.setAccessibleName(tr("Need"))
        self.need.setPlaceholderText(tr("In a few words, e.g. “Storage for belongings”"))
        for text, widget in ((tr("&Category"), self.category), (tr("&Need"), self.need)):
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        layout.addLayout(form)
        self.message = label("", "error")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.add_button = buttons.addButton(tr("Add need"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.need.setFocus()

    def _accept(self) -> None:
        if not self.need.text().strip():
            self.message.setText(tr("Write what the need is, in a few words."))
            return
        self.accept()


# --- the needs panel ----------------------------------------------------------------------------


class NeedDetail(QGroupBox):
    """The selected need: the client's priority, next step, due date, note, resource, history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Selected need"), parent)
        outer = QVBoxLayout(self)
        self.stack = QStackedWidget()
        self.empty = label(tr("Select a need to see its next step, due date and history."),
                           "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.stack.addWidget(self.empty)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = label("", "subtitle")
        layout.addWidget(self.title)
        self.category = label("", "hint")
        layout.addWidget(self.category)
        form = QFormLayout()
        self.status = QComboBox()
        self.status.setAccessibleName(tr("Status"))
        for code, text in NEED_STATUSES.items():
            self.status.addItem(tr(text), code)
        self.priority = QComboBox()
        self.priority.setAccessibleName(tr("Client's priority"))
        self.priority.addItem(tr("Not set"), None)
        for code, text in NEED_PRIORITIES.items():
            self.priority.addItem(tr(text), code)
        self.next_step = QLineEdit()
        self.next_step.setMaxLength(needs.LINE_MAX)
        self.next_step.setAccessibleName(tr("Next step"))
        self.has_due = QCheckBox(tr("Due by"))
        self.has_due.setAccessibleName(tr("Has a due date"))
        self.due = QDateEdit()
        self.due.setDisplayFormat(short_date_format())
        self.due.setCalendarPopup(True)
        self.due.setAccessibleName(tr("Due date"))
        self.due.setDate(QDate.currentDate())
        self.due.setEnabled(False)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        self.note_line = QLineEdit()
        self.note_line.setMaxLength(needs.LINE_MAX)
        self.note_line.setAccessibleName(tr("Note"))
        self.note_line.setPlaceholderText(tr("One line; details belong in a note"))
        self.resource = QLineEdit()
        self.resource.setMaxLength(needs.LINE_MAX)
        self.resource.setAccessibleName(tr("Resource or referral"))
        self.resource.setPlaceholderText(tr("Organization or program"))
        for text, widget in ((tr("S&tatus"), self.status),
                             (tr("Client's p&riority"), self.priority),
                             (tr("Ne&xt step"), self.next_step)):
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        due_label = QLabel(tr("D&ue date"))
        due_label.setBuddy(self.has_due)
        form.addRow(due_label, due_row)
        for text, widget in ((tr("N&ote"), self.note_line),
                             (tr("Re&source or referral"), self.resource)):
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.save_button = QPushButton(tr("Save changes"))
        self.save_button.setEnabled(False)
        row.addWidget(self.save_button)
        self.saved_label = label("", "hint", wrap=False)
        row.addWidget(self.saved_label, 1)
        layout.addLayout(row)
        history_label = QLabel(tr("Status &history"))
        self.history = QListWidget()
        self.history.setAccessibleName(tr("Status history"))
        self.history.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        history_label.setBuddy(self.history)
        layout.addWidget(history_label)
        # Never a 70-pixel sliver: at least four lines of history are always visible.
        self.history.setMinimumHeight(self.fontMetrics().height() * 6)
        layout.addWidget(self.history, 1)
        # On a small screen the form scrolls; it never squashes its rows into each other.
        self.scroll = QScrollArea()
        self.scroll.setWidget(page)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setMinimumHeight(self.fontMetrics().height() * 8)
        self.stack.addWidget(self.scroll)
        outer.addWidget(self.stack)

        self.need: NeedView | None = None
        self.dirty = False
        self.has_due.toggled.connect(self.due.setEnabled)
        for signal in (self.next_step.textEdited, self.note_line.textEdited,
                       self.resource.textEdited, self.priority.activated,
                       self.has_due.toggled, self.due.dateChanged):
            signal.connect(self._mark_dirty)
        for field in (self.next_step, self.note_line, self.resource):
            field.returnPressed.connect(self.save_button.click)

    def _mark_dirty(self, *_args: object) -> None:
        if self.need is None:
            return
        self.dirty = True
        self.save_button.setEnabled(True)
        self.saved_label.setText("")

    def show_need(self, need: NeedView | None, history: list[needs.StatusChange]) -> None:
        self.need = need
        self.dirty = False
        self.save_button.setEnabled(False)
        self.saved_label.setText("")
        if need is None:
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentIndex(1)
        self.title.setText(need.label)
        self.category.setText(tr(NEED_CATEGORIES.get(need.category, need.category)))
        self.status.setCurrentIndex(max(self.status.findData(need.status), 0))
        self.priority.setCurrentIndex(max(self.priority.findData(need.priority), 0))
        for field, text in ((self.next_step, need.next_step), (self.note_line, need.note_line),
                            (self.resource, need.resource_name or "")):
            field.setText(text)
            field.setCursorPosition(0)  # show the start of a long line, not its end
        self.has_due.blockSignals(True)
        self.due.blockSignals(True)
        self.has_due.setChecked(need.due_date is not None)
        self.due.setEnabled(need.due_date is not None)
        self.due.setDate(to_qdate(need.due_date) if need.due_date else QDate.currentDate())
        self.has_due.blockSignals(False)
        self.due.blockSignals(False)
        self.show_history(history)

    def show_history(self, history: list[needs.StatusChange]) -> None:
        self.history.clear()
        for change in reversed(history):  # newest first
            text = tr("{0} — {1}").format(short_date(change.changed_on),
                                          status_text(change.status))
            if change.user_name:
                text += tr(" ({0})").format(change.user_name)
            self.history.addItem(text)

    def values(self) -> dict[str, object]:
        return {
            "priority": self.priority.currentData(),
            "next_step": self.next_step.text(),
            "due_date": from_qdate(self.due.date()) if self.has_due.isChecked() else None,
            "note_line": self.note_line.text(),
            "resource_name": self.resource.text(),
        }


class _WrappingPane(QWidget):
    """A splitter pane whose minimum height counts its wrapped lines at its present width.

    QSplitter asks only minimumSizeHint(), which a layout with wrapped labels computes for
    one line each; when narrow, the wrapped hint then squeezes the list below its minimum.
    """

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth() and self.width() > 0:
            hint.setHeight(max(hint.height(), layout.totalMinimumHeightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.updateGeometry()  # the wrapped lines, hence the minimum, follow the width


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
        self.add_own_button = QPushButton(tr("Add my own…"))
        self.add_own_button.clicked.connect(self.open_add_own)
        self.remove_button = QPushButton(tr("Remove…"))
        self.remove_button.setToolTip(tr("Remove a need added by mistake (Delete). If the "
                                         "client chose not to pursue it, mark it declined."))
        self.remove_button.clicked.connect(self.remove_current)
        buttons.addWidget(self.add_checklist_button)
        buttons.addWidget(self.add_own_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        outer.addLayout(buttons)

        # The list and the selected need stack on a narrow screen: both stay readable.
        splitter = AdaptiveSplitter(self.fontMetrics().averageCharWidth() * 90)
        self.splitter = splitter
        left = _WrappingPane()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.list_stack = QStackedWidget()
        self.empty = label(tr(
            "No needs are recorded for this client yet. Use “Add from checklist…” to pick "
            "from the office's suggestions, or “Add my own…” to write one in your own "
            "words."), "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.list_stack.addWidget(self.empty)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("Needs"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
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
        header.setSectionResizeMode(NeedsModel.COL_NEED, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NeedsModel.COL_NEXT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(NeedsModel.COL_NEXT, self.fontMetrics().averageCharWidth() * 14)
        header.sectionResized.connect(lambda *_a: self.view.doItemsLayout())
        for column in (NeedsModel.COL_STATUS, NeedsModel.COL_PRIORITY, NeedsModel.COL_DUE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list_stack.addWidget(self.view)
        left_layout.addWidget(self.list_stack, 1)
        self.keys_hint = label(tr(
            "F2 or Enter: change status · Alt+1 to Alt+5: set status · Delete: remove"),
            "hint")
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
        self.detail.resource.setPlaceholderText(tr("A resource from the directory, or any "
                                                   "organization"))
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        outer.addWidget(splitter, 1)
        self.message = label("", "error")
        outer.addWidget(self.message)

        self.status_actions: dict[str, QAction] = {}
        for code, text in NEED_STATUSES.items():
            action = QAction(tr("Mark “{0}”").format(tr(text)), self)
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
        self.list_stack.setCurrentWidget(self.view if has_needs else self.empty)
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
            saved = needs.update_need(self.vault, need.id, **self.detail.values())  # type: ignore[arg-type]
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
        dialog.accepted.connect(lambda: self._add_own(dialog.category.currentData(),
                                                      dialog.need.text()))
        dialog.finished.connect(dialog.deleteLater)
        self.add_dialog = dialog
        dialog.open()

    def remove_current(self) -> None:
        need = self.current_need()
        if need is None:
            self._show_error(tr("Select a need first."))
            return
        if not confirm(self, tr("Remove need"), tr(
                "Remove “{0}” and its status history? Use this for a need added by mistake. "
                "If the client chose not to pursue it, mark it “Declined by client” "
                "instead.").format(need.label), tr("Remove need")):
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
            created = needs.add_needs_from_template(self.vault, self.client_id,
                                                    template_item_ids)
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
                        max(self.detail.status.findData(saved.status), 0))
                self.detail.show_history(history)
        self.changed.emit()

    def _context_menu(self, point: object) -> None:
        index = self.view.indexAt(point)  # type: ignore[arg-type]
        if self.model.need_at(index) is None:
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        for action in self.status_actions.values():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.change_action)
        menu.addAction(self.remove_action)
        menu.popup(self.view.viewport().mapToGlobal(point))  # type: ignore[arg-type]

    def _show_error(self, text: str) -> None:
        self.message.setText(text)


# --- appointments -------------------------------------------------------------------------------


class AppointmentsModel(QAbstractTableModel):
    COL_WHEN, COL_KIND, COL_PLACE, COL_ACCOMPANIED, COL_OUTCOME = range(5)
    HEADERS = ("When", "What", "Where", "Advocate goes", "Outcome")

    def __init__(self, vault: Vault, client_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.client_id = client_id
        self._rows: list[AppointmentView] = []

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = appointments.list_appointments(self.vault, self.client_id)
        self.endResetModel()

    def appointment_at(self, row: int) -> AppointmentView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_for(self, appointment_id: int) -> int:
        for row, appointment in enumerate(self._rows):
            if appointment.id == appointment_id:
                return row
        return -1

    def first_upcoming_row(self, now: datetime) -> int:
        for row, appointment in enumerate(self._rows):
            if appointment.starts_at >= now.replace(hour=0, minute=0, second=0, microsecond=0):
                return row
        return len(self._rows) - 1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return tr(self.HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        appointment = self.appointment_at(index.row()) if index.isValid() else None
        if appointment is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            column = index.column()
            if column == self.COL_WHEN:
                return short_datetime(appointment.starts_at)
            if column == self.COL_KIND:
                return tr(APPOINTMENT_KINDS.get(appointment.kind, appointment.kind))
            if column == self.COL_PLACE:
                return appointment.place
            if column == self.COL_ACCOMPANIED:
                return tr("Yes") if appointment.accompanied else tr("No")
            if column == self.COL_OUTCOME:
                if appointment.outcome:
                    return appointment.outcome
                if appointment.starts_at < datetime.now():
                    return tr("Not recorded yet")
                return ""
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_OUTCOME:
            return appointment.outcome
        if role == APPOINTMENT_ID_ROLE:
            return appointment.id
        return None


class AppointmentDialog(QDialog):
    """Add or edit an appointment or court date."""

    def __init__(self, existing: AppointmentView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Edit appointment") if existing else tr("Add an appointment"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.date = QDateEdit()
        self.date.setDisplayFormat(short_date_format())
        self.date.setCalendarPopup(True)
        self.date.setAccessibleName(tr("Date"))
        self.time = QTimeEdit()
        self.time.setAccessibleName(tr("Time"))
        self.time.setDisplayFormat(QLocale().timeFormat(QLocale.FormatType.ShortFormat))
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Kind"))
        for code, text in APPOINTMENT_KINDS.items():
            self.kind.addItem(tr(text), code)
        self.place = QLineEdit()
        self.place.setMaxLength(appointments.PLACE_MAX)
        self.place.setAccessibleName(tr("Place"))
        self.place.setPlaceholderText(tr("e.g. District Court, Courtroom 2"))
        self.accompanied = QCheckBox(tr("The advocate goes with the client"))
        self.outcome = QLineEdit()
        self.outcome.setMaxLength(appointments.OUTCOME_MAX)
        self.outcome.setAccessibleName(tr("Outcome"))
        self.outcome.setPlaceholderText(tr("Afterwards: what happened, in a few words"))
        for text, widget in ((tr("&Date"), self.date), (tr("&Time"), self.time),
                             (tr("&Kind"), self.kind), (tr("&Place"), self.place)):
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        form.addRow("", self.accompanied)
        outcome_label = QLabel(tr("&Outcome"))
        outcome_label.setBuddy(self.outcome)
        form.addRow(outcome_label, self.outcome)
        layout.addLayout(form)
        self.message = label("", "error")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            tr("Save appointment") if existing else tr("Add appointment"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if existing is not None:
            self.date.setDate(to_qdate(existing.starts_at.date()))
            self.time.setTime(QTime(existing.starts_at.hour, existing.starts_at.minute))
            self.kind.setCurrentIndex(max(self.kind.findData(existing.kind), 0))
            self.place.setText(existing.place)
            self.accompanied.setChecked(existing.accompanied)
            self.outcome.setText(existing.outcome or "")
        else:
            self.date.setDate(QDate.currentDate())
            self.time.setTime(QTime(9, 0))
        self.date.setFocus()

    def fields(self) -> AppointmentFields:
        day = from_qdate(self.date.date())
        moment = self.time.time()
        return AppointmentFields(
            starts_at=datetime(day.year, day.month, day.day, moment.hour(), moment.minute()),
            kind=self.kind.currentData(),
            place=self.place.text(),
            accompanied=self.accompanied.isChecked(),
            outcome=self.outcome.text() or None,
        )


class AppointmentsPanel(QWidget):
    """A client's appointments and court dates, oldest first, with the next one selected."""

    changed = Signal()

    def __init__(self, vault: Vault, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.client_id = client_id
        self.dialog: AppointmentDialog | None = None
        self.model = AppointmentsModel(vault, client_id, self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        buttons = QHBoxLayout()
        self.add_button = primary_button(tr("Add appointment…"))
        self.add_button.setDefault(False)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.open_add)
        self.edit_button = QPushButton(tr("Edit…"))
        self.edit_button.setToolTip(tr("Change the time or record the outcome (Enter)"))
        self.edit_button.clicked.connect(self.open_edit)
        self.remove_button = QPushButton(tr("Remove…"))
        self.remove_button.clicked.connect(self.remove_current)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        outer.addLayout(buttons)
        self.stack = QStackedWidget()
        self.empty = label(tr(
            "No appointments or court dates yet. Use “Add appointment…” to record one; "
            "court dates in the next two weeks also appear on the Today page."), "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack.addWidget(self.empty)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Appointments"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(len(AppointmentsModel.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AppointmentsModel.COL_PLACE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AppointmentsModel.COL_OUTCOME,
                                    QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.open_edit())
        self.stack.addWidget(self.table)
        outer.addWidget(self.stack, 1)
        self.message = label("", "error")
        outer.addWidget(self.message)
        remove = QAction(tr("Remove…"), self)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_current)
        self.table.addAction(remove)
        self.refresh()

    def set_client(self, client_id: int) -> None:
        self.client_id = client_id
        self.model.client_id = client_id
        self.refresh()

    def refresh(self) -> None:
        current = self.current_appointment()
        self.model.reload()
        has_rows = self.model.rowCount() > 0
        self.stack.setCurrentWidget(self.table if has_rows else self.empty)
        self.edit_button.setEnabled(has_rows)
        self.remove_button.setEnabled(has_rows)
        if current is not None and self.model.row_for(current.id) >= 0:
            self.select_appointment(current.id)
        elif has_rows:
            self._select_row(self.model.first_upcoming_row(datetime.now()))

    def select_appointment(self, appointment_id: int) -> bool:
        row = self.model.row_for(appointment_id)
        if row < 0:
            self.model.reload()
            self.stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty)
            row = self.model.row_for(appointment_id)
            if row < 0:
                return False
        self._select_row(row)
        self.table.setFocus()
        return True

    def current_appointment(self) -> AppointmentView | None:
        index = self.table.currentIndex()
        return self.model.appointment_at(index.row()) if index.isValid() else None

    def open_add(self) -> None:
        self._open_dialog(None)

    def open_edit(self) -> None:
        appointment = self.current_appointment()
        if appointment is None:
            self.message.setText(tr("Select an appointment first."))
            return
        self._open_dialog(appointment)

    def remove_current(self) -> None:
        appointment = self.current_appointment()
        if appointment is None:
            self.message.setText(tr("Select an appointment first."))
            return
        if not confirm(self, tr("Remove appointment"), tr(
                "Remove this appointment from the client's record?"), tr("Remove appointment")):
            return
        try:
            appointments.delete_appointment(self.vault, appointment.id)
        except VaultError as exc:
            self.message.setText(exc.message)
            return
        self.refresh()
        self.changed.emit()

    def _open_dialog(self, existing: AppointmentView | None) -> None:
        dialog = AppointmentDialog(existing, self)
        dialog.accepted.connect(lambda: self._save(dialog, existing))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _save(self, dialog: AppointmentDialog, existing: AppointmentView | None) -> None:
        self.dialog = None
        try:
            if existing is None:
                appointment_id = appointments.add_appointment(self.vault, self.client_id,
                                                              dialog.fields())
            else:
                appointments.update_appointment(self.vault, existing.id, dialog.fields())
                appointment_id = existing.id
        except VaultError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText("")
        self.model.reload()
        self.stack.setCurrentWidget(self.table)
        self.edit_button.setEnabled(True)
        self.remove_button.setEnabled(True)
        self.select_appointment(appointment_id)
        self.changed.emit()

    def _select_row(self, row: int) -> None:
        if row < 0:
            return
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)


__all__ = [
    "AddFromChecklistDialog",
    "AddOwnNeedDialog",
    "AppointmentDialog",
    "AppointmentsModel",
    "AppointmentsPanel",
    "NeedsModel",
    "NeedsPanel",
    "StatusDelegate",
]
