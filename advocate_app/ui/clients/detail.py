"""The selected client's record: a header with the safe-contact line, then tabs for notes,
needs, appointments, the profile and releases."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import clients, notes, users, voca_fields
from advocate_app.store.errors import VaultError
from advocate_app.store.notes import NoteView
from advocate_app.store.vault import Vault
from advocate_app.ui.appointments.panel import AppointmentsPanel
from advocate_app.ui.clients.composer import ComposerAhead, read_composer_ahead
from advocate_app.ui.clients.dialogs import CloseDialog, DestroyDialog
from advocate_app.ui.clients.form import ClientForm
from advocate_app.ui.clients.notes_panel import NotesPanel
from advocate_app.ui.clients.releases import ReleasesPanel
from advocate_app.ui.clients.services_picker import UsageSource
from advocate_app.ui.needs.panel import NeedsPanel
from advocate_app.ui.qt import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
    tr_marked,
)
from advocate_app.ui.widgets import inform, label, set_message

# Tabs after Notes: key, title, factory(vault, client_id).
TabFactory = Callable[[Vault, int], QWidget]
EXTRA_TABS: list[tuple[str, str, TabFactory]] = [
    ("needs", QT_TR_NOOP("Needs"), NeedsPanel),
    ("appointments", QT_TR_NOOP("Appointments"), AppointmentsPanel),
]


class ReadAhead(NamedTuple):
    """What a record shows as it opens, read before it is built: the record (an audited
    open), its notes, and what its note box reads (the draft, today's suggestions)."""

    record: clients.ClientRecord
    timeline: list[NoteView]
    composer: ComposerAhead


def read_ahead(vault: Vault, client_id: int) -> ReadAhead | VaultError:
    """A record's reads, for a worker thread: the access is logged before the record is
    shown, as when it is read on the GUI thread. A record that cannot be read comes back as
    the error to say where it would have shown."""
    try:
        return ReadAhead(
            clients.open_client(vault, client_id),
            notes.list_notes(vault, client_id),
            read_composer_ahead(vault, client_id),
        )
    except VaultError as exc:
        return exc


class ClientDetail(QWidget):
    """The selected client: header, then tabs."""

    changed = Signal()
    # A note was saved: the client list's dates change, but this record must not be rebuilt (the
    # person is looking at "Saved" and typing on in the composer).
    notes_changed = Signal()
    destroyed_record = Signal()

    def __init__(
        self,
        vault: Vault,
        client_id: int,
        parent: QWidget | None = None,
        service_usage: UsageSource | None = None,
        read: ReadAhead | None = None,
    ) -> None:
        """service_usage: see Composer (the Clients section reads it once for every record).
        read: the record and its notes, read already (read_ahead); read here if not given."""
        super().__init__(parent)
        self.vault = vault
        self.client_id = client_id
        record = clients.open_client(vault, client_id) if read is None else read.record  # audited
        self.alias = record.fields.alias
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        head = QHBoxLayout()
        self.title = label(record.fields.alias, "title", wrap=False)
        status = tr("Open") if record.status == "open" else tr("Closed")
        if record.status == "closed" and record.closing_reason:
            status += f" — {record.closing_reason}"
        self.status = label(status, "hint", wrap=False)
        head.addWidget(self.title)
        head.addSpacing(12)
        head.addWidget(self.status)
        head.addStretch(1)
        layout.addLayout(head)
        safe = self._safe_contact_line(record.fields)
        if safe:
            layout.addWidget(label(safe, "hint"))
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(tr("This client's record"))
        self.tabs.setAccessibleDescription(
            tr(
                "Notes, needs, appointments, profile and releases of this client; Ctrl+Tab "
                "moves to the next tab."
            )
        )
        self.tabs.setDocumentMode(True)
        # Every tab's title stays in view: the tabs not built yet hold nothing to keep the
        # record wide enough for them, and the bar would hide some behind scroll arrows.
        self.tabs.setUsesScrollButtons(False)
        self.tab_keys: list[str] = []
        # Built when first shown (or asked for): opening a record builds only its Notes tab,
        # and most visits never look at the others. key -> its page, its builder, its widget.
        self._pages: dict[str, QWidget] = {}
        self._builders: dict[str, Callable[[], QWidget]] = {}
        self._built: dict[str, QWidget] = {}
        # Made in the tab widget's own page stack, where addTab puts it: a built panel moved
        # there would be restyled again under the app's style sheet.
        pages = self.tabs.findChild(QStackedWidget, "qt_tabwidget_stackedwidget")
        self.notes = NotesPanel(
            vault,
            client_id,
            pages,
            service_usage,
            None if read is None else read.timeline,
            None if read is None else read.composer,
        )
        self.notes.changed.connect(self.notes_changed)
        self._add_tab("notes", tr("Notes"), lambda: self.notes)
        for key, title, factory in EXTRA_TABS:
            self._add_tab(key, tr_marked(title), partial(factory, vault, client_id))
        self._status = record.status
        self._fields = record.fields
        self._add_tab("profile", tr("Profile"), self._profile_tab)
        self._add_tab("releases", tr("Releases"), partial(ReleasesPanel, vault, client_id))
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._tab_shown)

    # Made with the Profile tab, on first use; asking for one builds the tab.
    _PROFILE_PARTS = frozenset(
        {
            "profile_form",
            "profile_message",
            "reporting",
            "close_button",
            "reopen_button",
            "destroy_button",
        }
    )

    def __getattr__(self, name: str) -> object:
        built = self.__dict__.get("_built")
        if name in ClientDetail._PROFILE_PARTS and built is not None and "profile" not in built:
            self.widget_for("profile")
            return object.__getattribute__(self, name)  # a closed client has no close_button
        if name == "releases" and built is not None:  # the Releases tab, built on first use
            return self.widget_for("releases")
        raise AttributeError(name)

    def _tab_shown(self, index: int) -> None:
        if 0 <= index < len(self.tab_keys):
            self.widget_for(self.tab_keys[index])
        # Back from the Needs or Appointments tab: what was done there may suggest a service.
        self.notes.composer.suggest_services()

    def _add_tab(self, key: str, title: str, build: Callable[[], QWidget]) -> None:
        self.tab_keys.append(key)
        self._builders[key] = build
        if key == "notes":  # built at once, so the tab is the widget itself
            page = self._built[key] = build()
        else:
            page = QWidget()
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 0, 0, 0)
        self._pages[key] = page
        self.tabs.addTab(page, title)

    def widget_for(self, key: str) -> QWidget | None:
        """The tab's widget (NotesPanel, NeedsPanel…), built now if it was not yet."""
        if key not in self.tab_keys:
            return None
        widget = self._built.get(key)
        if widget is None:
            widget = self._built[key] = self._builders[key]()
            layout = self._pages[key].layout()
            assert layout is not None
            layout.addWidget(widget)
        return widget

    def show_tab(self, key: str) -> QWidget | None:
        widget = self.widget_for(key)
        if widget is not None:
            self.tabs.setCurrentWidget(self._pages[key])
        return widget

    def current_tab(self) -> str:
        return self.tab_keys[self.tabs.currentIndex()]

    @staticmethod
    def _safe_contact_line(values: clients.ClientFields) -> str:
        parts = []
        if values.contact_method:
            parts.append(tr("Contact: {0}").format(values.contact_method))
        if values.safe_times:
            parts.append(tr("Safe times: {0}").format(values.safe_times))
        if values.ok_to_leave_message is not None:
            parts.append(tr("Messages OK") if values.ok_to_leave_message else tr("No messages"))
        return " · ".join(parts)

    def _profile_tab(self) -> QWidget:
        status = self._status
        self.profile_form = ClientForm(users.list_users(self.vault))
        self.profile_form.set_values(self._fields)
        self.reporting = voca_fields.get_reporting_fields(self.vault, self.client_id)
        self.profile_form.set_reporting(self.reporting)
        page = QWidget()
        layout = QVBoxLayout(page)
        scroll = QScrollArea()
        scroll.setAccessibleName(tr("Profile"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.profile_form)
        layout.addWidget(scroll, 1)
        self.profile_message = label("", "hint")
        layout.addWidget(self.profile_message)
        row = QHBoxLayout()
        save = QPushButton(tr("Save changes"))
        save.setProperty("role", "primary")
        save.clicked.connect(self.save_profile)
        row.addWidget(save)
        if status == "open":
            self.close_button = QPushButton(tr("Close client…"))
            self.close_button.setAccessibleDescription(
                tr(
                    "Asks for a reason, then moves the client to the closed list. Nothing is "
                    "deleted and the client can be reopened."
                )
            )
            self.close_button.clicked.connect(self.close_client)
            row.addWidget(self.close_button)
        else:
            self.reopen_button = QPushButton(tr("Reopen client"))
            self.reopen_button.setAccessibleDescription(
                tr("Moves the client back to the open list.")
            )
            self.reopen_button.clicked.connect(self.reopen_client)
            row.addWidget(self.reopen_button)
        row.addStretch(1)
        self.destroy_button = QPushButton(tr("Destroy record…"))
        self.destroy_button.setToolTip(tr("Only at the client's request"))
        self.destroy_button.setAccessibleDescription(
            tr(
                "Only at the client's request: deletes this client's notes, needs, appointments "
                "and releases for good, after you type the alias to confirm. Backups made before "
                "keep them until they are replaced."
            )
        )
        self.destroy_button.clicked.connect(self.destroy_record)
        row.addWidget(self.destroy_button)
        layout.addLayout(row)
        return page

    def save_profile(self) -> None:
        try:
            clients.update_client(self.vault, self.client_id, self.profile_form.values())
            answers = self.profile_form.reporting()
            if answers != self.reporting:
                voca_fields.set_reporting_fields(self.vault, self.client_id, answers)
                self.reporting = answers
        except VaultError as exc:
            set_message(self.profile_message, exc.message, "error")
            return
        self.title.setText(self.profile_form.alias.text().strip())
        set_message(self.profile_message, tr("Saved."), "ok")
        self.changed.emit()

    def close_client(self) -> None:
        dialog = CloseDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            clients.close_client(self.vault, self.client_id, dialog.reason.currentText())
            self.changed.emit()

    def reopen_client(self) -> None:
        try:
            clients.reopen_client(self.vault, self.client_id)
        except VaultError as exc:
            set_message(self.profile_message, exc.message, "error")
            return
        self.changed.emit()

    def destroy_record(self) -> None:
        dialog = DestroyDialog(self.alias, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            clients.destroy_client(self.vault, self.client_id, dialog.typed.text())
        except VaultError as exc:
            set_message(self.profile_message, exc.message, "error")
            return
        self.destroyed_record.emit()
        inform(
            self,
            tr("Record destroyed"),
            tr(
                "The record was destroyed. Backups made before now still hold it until they are "
                "replaced."
            ),
        )

    def collect_drafts(self) -> None:
        self.notes.composer._dirty = True
        self.notes.composer.save_draft()
        needs_panel = self._built.get("needs")  # a tab never built holds nothing unsaved
        if isinstance(needs_panel, NeedsPanel):
            needs_panel.save_pending()
