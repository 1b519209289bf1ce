"""Resources: the directory of places to refer to. Shipped national and statewide entries are
read-only; the office's own local entries live in the vault and anyone can edit them."""

from __future__ import annotations

from advocate_app.store import resources
from advocate_app.store.errors import VaultError
from advocate_app.store.resources import ResourceEntry, ResourceFields
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import RESOURCE_CATEGORIES
from advocate_app.ui.clipboard import copy_text
from advocate_app.ui.lists import SectionListPane
from advocate_app.ui.qt import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    tr,
    tr_marked,
)
from advocate_app.ui.roles import RESOURCE_ROLE
from advocate_app.ui.shell import Section
from advocate_app.ui.widgets import AdaptiveSplitter, confirm, label, set_message, status_line


class ResourcesSection(Section):
    def __init__(self, vault: Vault) -> None:
        super().__init__()
        self.title = tr("Resources")  # at build time, in the language then chosen
        self.vault = vault
        self.current: ResourceEntry | None = None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # On a narrow window the resource goes below the list, rather than off the side.
        splitter = AdaptiveSplitter()
        outer.addWidget(splitter)

        left = SectionListPane(
            tr("Resources"),
            tr("Add a local resource"),
            tr("Filter by name, county or category"),
            tr("Filter resources"),
        )
        lv = left.body
        self.add_button = left.action_button
        self.add_button.setAccessibleDescription(
            tr("Opens an empty form for one of your office's own local resources.")
        )
        self.add_button.clicked.connect(self.new_resource)
        self.filter = left.filter
        self.filter.setAccessibleDescription(
            tr("Shows only the resources whose name, county or category contains what you type.")
        )
        self.filter.textChanged.connect(lambda _t: self.refresh())
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Resource directory"))
        self.list.setAccessibleDescription(
            tr(
                "One entry per resource: its name, then category and phone. Moving to an entry "
                "shows it beside the list; entries that come with the app cannot be changed."
            )
        )
        # Each entry is two lines (name, then category and phone): alternate shading and a
        # gap keep one entry from running into the next.
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(lambda item, _prev: self._show(item))
        lv.addWidget(self.list, 1)
        lv.addWidget(
            label(
                tr(
                    "Local entries are your office's own; national and statewide "
                    "ones come with the app."
                ),
                "hint",
            )
        )
        splitter.addWidget(left)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(16, 12, 16, 12)
        self.heading = label(tr("Choose a resource, or add your office's own."), "subtitle")
        rv.addWidget(self.heading)
        form = QFormLayout()
        self.name = QLineEdit()
        self.category = QComboBox()
        for code, text in RESOURCE_CATEGORIES.items():
            self.category.addItem(tr_marked(text), code)
        self.phone = QLineEdit()
        self.hours = QLineEdit()
        self.languages = QLineEdit()
        self.county = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(140)
        for text, widget in (
            (tr("&Name"), self.name),
            (tr("&Category"), self.category),
            (tr("&Phone"), self.phone),
            (tr("&Hours"), self.hours),
            (tr("&Languages"), self.languages),
            (tr("C&ounty"), self.county),
            (tr("No&tes"), self.notes),
        ):
            widget.setAccessibleName(text.replace("&", ""))
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        self.name.setAccessibleDescription(tr("The organization or program, as people know it."))
        self.category.setAccessibleDescription(
            tr("The kind of help it gives; the directory can be filtered by it.")
        )
        self.phone.setAccessibleDescription(
            tr("The number to call; Copy phone number puts it on the clipboard.")
        )
        self.hours.setAccessibleDescription(tr("When it is open or answers, in a few words."))
        self.languages.setAccessibleDescription(tr("The languages its staff speak."))
        self.county.setAccessibleDescription(
            tr("Where it serves; the directory can be filtered by it.")
        )
        self.notes.setAccessibleDescription(
            tr(
                "What an advocate should know before referring someone; seen by everyone in the "
                "office. Never a client's name."
            )
        )
        rv.addLayout(form)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(tr("Copy phone number"))
        self.copy_button.setAccessibleDescription(
            tr("Copies the phone number; the clipboard is cleared again after a short time.")
        )
        self.copy_button.clicked.connect(self.copy_phone)
        self.save_button = QPushButton(tr("Save resource"))
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        self.remove_button = QPushButton(tr("Remove…"))
        self.remove_button.setAccessibleDescription(
            tr("Removes this local resource after asking; needs that name it keep the name.")
        )
        self.remove_button.clicked.connect(self.remove)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.save_button)
        rv.addLayout(buttons)
        self.message = status_line("", "hint")
        rv.addWidget(self.message)
        rv.addStretch(1)
        splitter.addWidget(right)
        splitter.setSizes([420, 780])
        self._set_editable(False)

    def on_show(self) -> None:
        self.refresh()

    def refresh(self, select_name: str | None = None) -> None:
        wanted = self.filter.text().strip().casefold()
        self.list.blockSignals(True)
        self.list.clear()
        for entry in resources.directory(self.vault):
            f = entry.fields
            haystack = " ".join(
                (f.name, f.county, RESOURCE_CATEGORIES.get(f.category, ""), f.notes)
            ).casefold()
            if wanted and wanted not in haystack:
                continue
            where = tr("local") if entry.local else f.county
            category = tr_marked(RESOURCE_CATEGORIES[f.category])
            item = QListWidgetItem(
                f"{f.name}\n{category} · {where}" + (f" · {f.phone}" if f.phone else "")
            )
            item.setData(RESOURCE_ROLE, entry)
            self.list.addItem(item)
            if select_name and f.name == select_name:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is not None:
            self._show(self.list.currentItem())

    def select(self, name: str) -> None:
        self.filter.clear()
        self.refresh(select_name=name)

    def _set_editable(self, editable: bool) -> None:
        for widget in (self.name, self.phone, self.hours, self.languages, self.county):
            widget.setReadOnly(not editable)
        self.notes.setReadOnly(not editable)
        # Read-only fields look read-only (theme.py styles them), not like empty boxes to type in.
        fields: list[QWidget] = [
            self.name,
            self.phone,
            self.hours,
            self.languages,
            self.county,
            self.notes,
        ]
        for field in fields:
            field.setProperty("readOnlyLook", not editable)
            field.style().unpolish(field)
            field.style().polish(field)
        self.category.setEnabled(editable)
        self.save_button.setVisible(editable)
        self.remove_button.setVisible(editable and self.current is not None and self.current.local)

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        entry: ResourceEntry = item.data(RESOURCE_ROLE)
        self.current = entry
        f = entry.fields
        self.heading.setText(
            f.name if entry.local else tr("{0} (comes with the app)").format(f.name)
        )
        self.name.setText(f.name)
        self.category.setCurrentIndex(max(0, self.category.findData(f.category)))
        self.phone.setText(f.phone)
        self.hours.setText(f.hours)
        self.languages.setText(f.languages)
        self.county.setText(f.county)
        self.notes.setPlainText(f.notes)
        self.copy_button.setEnabled(bool(f.phone))
        self._set_editable(entry.local)
        self.message.setText("")

    def new_resource(self) -> None:
        self.current = None
        self.list.clearSelection()
        self.heading.setText(tr("New local resource"))
        for widget in (self.name, self.phone, self.hours, self.languages, self.county):
            widget.clear()
        self.notes.clear()
        self.category.setCurrentIndex(0)
        self._set_editable(True)
        self.name.setFocus()

    def _fields(self) -> ResourceFields:
        return ResourceFields(
            self.name.text(),
            self.category.currentData(),
            self.phone.text(),
            self.hours.text(),
            self.languages.text(),
            self.county.text(),
            self.notes.toPlainText(),
        )

    def save(self) -> None:
        try:
            if self.current is None:
                resources.add_resource(self.vault, self._fields())
            elif self.current.id is not None:
                resources.update_resource(self.vault, self.current.id, self._fields())
        except VaultError as exc:
            set_message(self.message, exc.message, "error")
            return
        name = " ".join(self.name.text().split())
        self.refresh(select_name=name)
        set_message(self.message, tr("Saved."), "ok")

    def remove(self) -> None:
        if self.current is None or self.current.id is None:
            return
        if not confirm(
            self,
            tr("Remove resource"),
            tr("Remove this local resource? Needs that name it keep the name."),
            tr("Remove resource"),
        ):
            return
        resources.delete_resource(self.vault, self.current.id)
        self.current = None
        self.refresh()
        self.new_resource()

    def copy_phone(self) -> None:
        if self.phone.text():
            copy_text(self.phone.text())
            set_message(
                self.message,
                tr("Copied {0}. It is cleared from the clipboard in a minute.").format(
                    self.phone.text()
                ),
                "ok",
            )

    def location(self) -> dict[str, object]:
        return {"name": self.current.name} if self.current else {}

    def restore_location(self, loc: dict[str, object]) -> None:
        name = loc.get("name")
        if isinstance(name, str):
            self.select(name)
