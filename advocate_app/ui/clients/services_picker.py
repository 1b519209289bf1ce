"""The note composer's "Services given" row: the VOCA services (PMT) in plain words, grouped as
the federal form groups them, the office's most used first in each group. Folded to one line
until opened (Ctrl+G, or a click); pre-ticked from what the advocate did, unticked freely.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from advocate_app.store.pmt_form import current_form
from advocate_app.ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QSizePolicy,
    Qt,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
)
from advocate_app.ui.voca_labels import item_label
from advocate_app.ui.widgets import label

SHORTCUT = "Ctrl+G"
VISIBLE_ROWS = 7
MIN_ROWS = 3
CODE_ROLE = Qt.ItemDataRole.UserRole
# Where to read how often each service was given lately, when the list is first made.
UsageSource = Callable[[], Mapping[str, int]]


class ServicesPicker(QWidget):
    """Tick the services given. `changed` is emitted when a person ticks or unticks one."""

    changed = Signal()

    def __init__(self, usage: Mapping[str, int] | UsageSource | None = None) -> None:
        """usage: how often each service was given lately (the most used first in each
        group), or where to read it when the list is first made."""
        super().__init__()
        form = current_form()
        self._usage = usage
        self._outer = outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        row = QHBoxLayout()
        self.toggle = QToolButton()
        self.toggle.setText(tr("Services given"))
        self.toggle.setAccessibleName(tr("Services given"))
        self.toggle.setToolTip(
            tr("Services given with this note, for the funder's report ({0})").format(SHORTCUT)
        )
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._shown)
        row.addWidget(self.toggle)
        self.summary = label("", "hint", wrap=False)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.summary, 1)
        outer.addLayout(row)
        # The list itself is made when first opened (or asked for): most notes are saved with it
        # folded, and it took a tenth of a record's opening. Until then the ticks are kept here.
        self._tree: QTreeWidget | None = None
        self._items: dict[str, QTreeWidgetItem] = {}
        self._offered = {
            service.code: service
            for group in form.service_groups
            for service in form.composer_services_of(group.code)
        }
        self._ticked: set[str] = set()
        self._quiet = False
        # Never taller than its seven rows: spare height goes to the note text, not to gaps.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._update_summary()

    @property
    def tree(self) -> QTreeWidget:
        """The list of services, made now if it has not been."""
        if self._tree is None:
            self._tree = self._make_tree()
        return self._tree

    def _make_tree(self) -> QTreeWidget:
        form = current_form()
        usage = dict((self._usage() if callable(self._usage) else self._usage) or {})
        tree = QTreeWidget(self)
        tree.setVisible(False)  # until _shown: made while folded, it stays folded
        tree.setHeaderHidden(True)
        tree.setRootIsDecorated(False)
        tree.setItemsExpandable(False)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setAccessibleName(tr("Services given"))
        tree.setAccessibleDescription(
            tr(
                "Optional, for the funder's quarterly report. Arrow keys move, Space ticks or "
                "unticks. Grouped as the federal form groups them, the most used first."
            )
        )
        order = {s.code: n for n, s in enumerate(form.services)}
        for group in form.service_groups:
            head = QTreeWidgetItem([item_label("service_groups", group)])
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            tree.addTopLevelItem(head)
            members = sorted(
                form.composer_services_of(group.code),
                key=lambda s: (-usage.get(s.code, 0), order[s.code]),
            )
            for service in members:
                entry = QTreeWidgetItem([item_label("services", service)])
                entry.setData(0, CODE_ROLE, service.code)
                entry.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                checked = service.code in self._ticked
                entry.setCheckState(
                    0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                )
                head.addChild(entry)
                self._items[service.code] = entry
        tree.expandAll()
        tree.setIndentation(12)
        # Up to seven rows when there is room; three on a small screen at 150% (it scrolls).
        line, frame = tree.sizeHintForRow(0), 2 * tree.frameWidth() + 4
        tree.setMinimumHeight(line * MIN_ROWS + frame)
        tree.setMaximumHeight(line * VISIBLE_ROWS + frame)
        tree.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tree.itemChanged.connect(self._item_changed)
        self._outer.addWidget(tree)
        return tree

    # --- showing ------------------------------------------------------------------------------

    def _shown(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if shown or self._tree is not None:
            self.tree.setVisible(shown)

    def open_and_focus(self) -> None:
        """The shortcut: open the list and put the cursor on the first service."""
        self.toggle.setChecked(True)
        current = self.tree.currentItem()  # made by the toggle
        if current is None or current.childCount():
            first = next(iter(self._items.values()), None)
            if first is not None:
                self.tree.setCurrentItem(first)
        self.tree.setFocus()

    def is_open(self) -> bool:
        return self.toggle.isChecked()

    # --- values -------------------------------------------------------------------------------

    def _item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        code = item.data(0, CODE_ROLE)
        if code is not None:
            if item.checkState(0) == Qt.CheckState.Checked:
                self._ticked.add(code)
            else:
                self._ticked.discard(code)
        self._update_summary()
        if not self._quiet:
            self.changed.emit()

    def _update_summary(self) -> None:
        ticked = self.ticked()
        if not ticked:
            self.summary.setText(tr("none ticked"))
        else:
            names = [item_label("services", self._offered[c]) for c in ticked]
            self.summary.setText(tr("Ticked ({0}): {1}").format(len(ticked), "; ".join(names)))
        self.summary.setToolTip(self.summary.text())
        self.toggle.setAccessibleDescription(
            tr("{0}. Shows or hides the services to tick ({1}).").format(
                self.summary.text(), SHORTCUT
            )
        )

    def ticked(self) -> tuple[str, ...]:
        """The ticked codes, in the form's order."""
        return tuple(s.code for s in current_form().services if s.code in self._ticked)

    def set_ticked(self, codes: Iterable[str]) -> None:
        """Exactly these ticked (a person's own change is what emits `changed`)."""
        self._ticked = {code for code in codes if code in self._offered}
        self._quiet = True
        try:
            for code, entry in self._items.items():
                entry.setCheckState(
                    0, Qt.CheckState.Checked if code in self._ticked else Qt.CheckState.Unchecked
                )
        finally:
            self._quiet = False
        self._update_summary()

    def tick(self, codes: Iterable[str]) -> None:
        """Tick these too (suggestions); nothing is unticked."""
        self.set_ticked(set(self.ticked()) | set(codes))
