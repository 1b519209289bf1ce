"""The note composer's "Services given" row: the VOCA services (PMT) in plain words, grouped as
the federal form groups them, the office's most used first in each group. Folded to one line
until opened (Ctrl+G, or a click); pre-ticked from what the advocate did, unticked freely.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

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


class ServicesPicker(QWidget):
    """Tick the services given. `changed` is emitted when a person ticks or unticks one."""

    changed = Signal()

    def __init__(self, usage: Mapping[str, int] | None = None) -> None:
        super().__init__()
        form = current_form()
        usage = usage or {}
        outer = QVBoxLayout(self)
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
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(tr("Services given"))
        self.tree.setAccessibleDescription(
            tr(
                "Optional, for the funder's quarterly report. Arrow keys move, Space ticks or "
                "unticks. Grouped as the federal form groups them, the most used first."
            )
        )
        self._items: dict[str, QTreeWidgetItem] = {}
        order = {s.code: n for n, s in enumerate(form.services)}
        for group in form.service_groups:
            head = QTreeWidgetItem([item_label("service_groups", group)])
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.tree.addTopLevelItem(head)
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
                entry.setCheckState(0, Qt.CheckState.Unchecked)
                head.addChild(entry)
                self._items[service.code] = entry
        self.tree.expandAll()
        self.tree.setIndentation(12)
        # Up to seven rows when there is room; three on a small screen at 150% (it scrolls).
        line, frame = self.tree.sizeHintForRow(0), 2 * self.tree.frameWidth() + 4
        self.tree.setMinimumHeight(line * MIN_ROWS + frame)
        self.tree.setMaximumHeight(line * VISIBLE_ROWS + frame)
        # Never taller than its seven rows: spare height goes to the note text, not to gaps.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.tree.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.tree.itemChanged.connect(self._item_changed)
        self._quiet = False
        outer.addWidget(self.tree)
        self._shown(False)
        self._update_summary()

    # --- showing ------------------------------------------------------------------------------

    def _shown(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.tree.setVisible(shown)

    def open_and_focus(self) -> None:
        """The shortcut: open the list and put the cursor on the first service."""
        self.toggle.setChecked(True)
        current = self.tree.currentItem()
        if current is None or current.childCount():
            first = next(iter(self._items.values()), None)
            if first is not None:
                self.tree.setCurrentItem(first)
        self.tree.setFocus()

    def is_open(self) -> bool:
        return self.toggle.isChecked()

    # --- values -------------------------------------------------------------------------------

    def _item_changed(self, _item: QTreeWidgetItem, _column: int) -> None:
        self._update_summary()
        if not self._quiet:
            self.changed.emit()

    def _update_summary(self) -> None:
        ticked = self.ticked()
        if not ticked:
            self.summary.setText(tr("none ticked"))
        else:
            names = [self._items[c].text(0) for c in ticked]
            self.summary.setText(tr("Ticked ({0}): {1}").format(len(ticked), "; ".join(names)))
        self.summary.setToolTip(self.summary.text())
        self.toggle.setAccessibleDescription(
            tr("{0}. Shows or hides the services to tick ({1}).").format(
                self.summary.text(), SHORTCUT
            )
        )

    def ticked(self) -> tuple[str, ...]:
        """The ticked codes, in the form's order."""
        form = current_form()
        return tuple(
            s.code
            for s in form.services
            if s.code in self._items and self._items[s.code].checkState(0) == Qt.CheckState.Checked
        )

    def set_ticked(self, codes: Iterable[str]) -> None:
        """Exactly these ticked (a person's own change is what emits `changed`)."""
        wanted = set(codes)
        self._quiet = True
        try:
            for code, entry in self._items.items():
                entry.setCheckState(
                    0, Qt.CheckState.Checked if code in wanted else Qt.CheckState.Unchecked
                )
        finally:
            self._quiet = False
        self._update_summary()

    def tick(self, codes: Iterable[str]) -> None:
        """Tick these too (suggestions); nothing is unticked."""
        self.set_ticked(set(self.ticked()) | set(codes))
