"""The shipped hotlines and services: a list, the chosen one's details, and its phone to copy."""

from __future__ import annotations

from typing import Any

from advocate_app.library.resources import (
    ShippedResource,
)
from advocate_app.ui.clipboard import copy_text
from advocate_app.ui.data_language import resource_field
from advocate_app.ui.lists import set_headers
from advocate_app.ui.qt import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    tr,
    tr_marked,
)
from advocate_app.ui.reference.rows import mark_row, row_target
from advocate_app.ui.widgets import add_heading, label


class ResourcesPane(QWidget):
    """The national and statewide lines shipped with the app, with their details."""

    def __init__(self, resources: list[ShippedResource], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._resources = {r.name: r for r in resources}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        add_heading(
            layout,
            tr("National and statewide resources"),
            tr(
                "Lines and organizations that serve the whole country or all of North Carolina. "
                "Your office adds its local resources inside the vault."
            ),
            "hint",
        )

        self.list = QTreeWidget()
        self.list.setAccessibleName(tr("Resources"))
        self.list.setAccessibleDescription(
            tr(
                "One row for each line or organization, with its phone number, text number and "
                "hours. Choose a row to read all its details below the list."
            )
        )
        self.list.setColumnCount(4)
        set_headers(
            self.list,
            [
                (tr("Name"), tr("The line or organization.")),
                (tr("Phone"), tr("The number to call.")),
                (tr("Text"), tr("The number to text, if it takes text messages.")),
                (tr("Hours"), tr("When someone answers.")),
            ],
        )
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for r in resources:
            item = QTreeWidgetItem([r.name, r.phone or "", r.text or "", r.hours])
            mark_row(item, "resources", r.name)
            self.list.addTopLevelItem(item)
        header = self.list.header()
        header.setStretchLastSection(True)
        for column in range(self.list.columnCount()):
            self.list.resizeColumnToContents(column)
        self.list.currentItemChanged.connect(self._current_changed)
        # As tall as its rows: the details below matter more than empty list space.
        rows = max(1, len(resources))
        frame = self.list.frameWidth() * 2
        row_height = self.list.sizeHintForRow(0) if resources else self.list.fontMetrics().height()
        self.list.setMaximumHeight(
            self.list.header().sizeHint().height() + rows * row_height + frame + 4
        )
        layout.addWidget(self.list)

        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 4, 0, 0)
        self.name = label("", "subtitle")
        details_layout.addWidget(self.name)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._fields: dict[str, Any] = {}
        for key, caption in (
            ("category", tr("Kind")),
            ("phone", tr("Phone")),
            ("text", tr("Text")),
            ("tty", tr("TTY")),
            ("hours", tr("Hours")),
            ("languages", tr("Languages")),
            ("county", tr("Area served")),
            ("notes", tr("Notes")),
            ("source", tr("Source")),
        ):
            value = label("")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption_label = label(caption, wrap=False)
            caption_label.setBuddy(value)
            form.addRow(caption_label, value)
            self._fields[key] = (caption_label, value)
        details_layout.addLayout(form)

        buttons = QHBoxLayout()
        self.copy_button = QPushButton(tr("Copy phone number"))
        self.copy_button.setAccessibleName(tr("Copy phone number"))
        self.copy_button.setAccessibleDescription(
            tr(
                "Copies the phone number of the resource chosen in the list. The clipboard is "
                "cleared again after a short while."
            )
        )
        self.copy_button.clicked.connect(self.copy_phone)
        buttons.addWidget(self.copy_button)
        self.copied = label("", "hint")
        buttons.addWidget(self.copied, 1)
        details_layout.addLayout(buttons)
        layout.addWidget(details)
        layout.addStretch(1)

        first = self.list.topLevelItem(0) if resources else None
        if first is not None:
            self.list.setCurrentItem(first)
        else:
            self._show(None)

    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return row_target(item)[1] if item is not None else None

    def select(self, name: str) -> bool:
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item is not None and row_target(item)[1] == name:
                self.list.setCurrentItem(item)
                return True
        return False

    def copy_phone(self) -> None:
        name = self.current_name()
        resource = self._resources.get(name) if name else None
        if resource is None or not resource.phone:
            return
        # Public numbers, but the clipboard is shared with every program: clear it later anyway.
        copy_text(resource.phone)
        self.copied.setText(tr("Copied {0}").format(resource.phone))

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: Any = None) -> None:
        name = row_target(current)[1] or None
        self._show(self._resources.get(name) if name else None)

    def _show(self, resource: ShippedResource | None) -> None:
        self.copied.setText("")
        if resource is None:
            self.name.setText(tr("No resources are listed."))
            for caption_label, value in self._fields.values():
                caption_label.hide()
                value.hide()
            self.copy_button.setEnabled(False)
            return
        self.name.setText(resource_field(resource.name, "name", resource.name))
        values = {
            "category": tr_marked(resource.category_label),
            "phone": resource.phone or "",
            "text": resource.text or "",
            "tty": resource.tty or "",
            "hours": resource_field(resource.name, "hours", resource.hours),
            "languages": resource_field(resource.name, "languages", resource.languages),
            "county": resource_field(resource.name, "county", resource.county),
            "notes": resource_field(resource.name, "notes", resource.notes),
            "source": resource.source,
        }
        for key, (caption_label, value) in self._fields.items():
            text = values[key]
            value.setText(text)
            caption_label.setVisible(bool(text))
            value.setVisible(bool(text))
        self.copy_button.setEnabled(bool(resource.phone))
        self.copy_button.setToolTip(
            "" if resource.phone else tr("This entry has no confirmed phone number.")
        )
