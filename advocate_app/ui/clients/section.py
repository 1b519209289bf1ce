"""The Clients section: the filtered client list in the middle, the selected record on the
right, a new client's form, and search across all notes."""

from __future__ import annotations

from advocate_app.store import clients, contacts, users, voca_fields
from advocate_app.store.clients import ClientQuery
from advocate_app.store.errors import VaultError
from advocate_app.store.vault import Vault
from advocate_app.store.voca_fields import ReportingFields
from advocate_app.ui.appointments.panel import AppointmentsPanel
from advocate_app.ui.clients.coming import SHOW_AFTER_MS, RecordComing
from advocate_app.ui.clients.detail import ClientDetail
from advocate_app.ui.clients.dialogs import AnonymousContactDialog
from advocate_app.ui.clients.form import ClientForm
from advocate_app.ui.clients.list_model import ClientListModel
from advocate_app.ui.clients.notes_search import AllNotesSearch
from advocate_app.ui.lists import SectionListPane
from advocate_app.ui.needs.panel import NeedsPanel
from advocate_app.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLineEdit,
    QListWidget,
    QModelIndex,
    QObject,
    QPushButton,
    QScrollArea,
    QShortcut,
    QStackedWidget,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
)
from advocate_app.ui.roles import CLIENT_ID_ROLE
from advocate_app.ui.shell import Section
from advocate_app.ui.widgets import AdaptiveSplitter, label, set_message
from advocate_app.ui.worker import LatestOnly


class ClientsSection(AllNotesSearch, Section):
    client_opened = Signal(int)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = tr("Clients")  # at build time, in the language then chosen
        self.vault = vault
        self.detail: ClientDetail | None = None
        # Built from the top down, each widget made inside its parent: with the app's style
        # sheet, moving a built subtree into a parent restyles every widget in it again (half
        # of this section's first show went to that).
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # The list and the record side by side; on a narrow window the record below the list
        # (the section then scrolls down, never sideways).
        splitter = AdaptiveSplitter(parent=self)
        outer.addWidget(splitter)

        # The list pane
        left = SectionListPane(
            tr("Clients"),
            tr("New client"),
            tr("Filter by alias"),
            tr("Filter clients by alias"),
            splitter,
        )
        lv = left.body
        self.new_button = left.action_button
        self.new_button.clicked.connect(self.new_client)
        self.filter = left.filter
        self.filter.setAccessibleDescription(
            tr("Shows only the clients whose alias contains what you type; the list follows.")
        )
        self.new_button.setAccessibleDescription(
            tr("Opens an empty form for a new client; only an alias is needed to start.")
        )
        filters = QHBoxLayout()
        lv.addLayout(filters)
        self.scope = QComboBox(left)
        self.scope.setAccessibleName(tr("Whose clients"))
        self.scope.setAccessibleDescription(
            tr("Choose between the clients assigned to you and every client of the office.")
        )
        self.scope.addItem(tr("My clients"), True)
        self.scope.addItem(tr("All clients"), False)
        self.status_filter = QComboBox(left)
        self.status_filter.setAccessibleName(tr("Open or closed"))
        self.status_filter.setAccessibleDescription(
            tr("Choose whether the list shows open clients, closed clients, or both.")
        )
        for code, text in (
            ("open", tr("Open")),
            ("closed", tr("Closed")),
            ("all", tr("Open and closed")),
        ):
            self.status_filter.addItem(text, code)
        filters.addWidget(self.scope)
        filters.addWidget(self.status_filter)
        self.notes_search = QLineEdit(left)
        self.notes_search.setPlaceholderText(tr("Search all notes (Ctrl+F)"))
        self.notes_search.setAccessibleName(tr("Search all notes"))
        self.notes_search.setAccessibleDescription(
            tr(
                "Searches the text of every note you may read; the matching notes replace the "
                "client list. Empty the field to see the clients again."
            )
        )
        self.notes_search.setClearButtonEnabled(True)
        lv.addWidget(self.notes_search)

        self.list_stack = QStackedWidget(left)
        lv.addWidget(self.list_stack, 1)
        self.model = ClientListModel(lambda: self.vault)
        self.table = QTableView(self.list_stack)
        self.list_stack.addWidget(self.table)
        self.table.setModel(self.model)
        self.model.total_changed.connect(self._show_count)
        self.model.modelReset.connect(self._show_count)
        self.table.setAccessibleName(tr("Client list"))
        self.table.setAccessibleDescription(
            tr(
                "One row per client: alias, status, intake, advocate and last contact. Moving to "
                "a row shows that client's record on the right; Enter opens it."
            )
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        # Never fewer than three rows in view: on a narrow window the record goes below the
        # list, which keeps this much and leaves the rest of the screen to the record.
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 4)
        header = self.table.horizontalHeader()
        # Sized before the list is ever painted, so the view need not hear of it: told, it
        # paints the columns again on a later turn of the event loop, after the first paint.
        header.blockSignals(True)
        header.setMinimumSectionSize(60)
        # Widths computed once from the widest possible texts (never ResizeToContents, which
        # reads every loaded row on each show); the person can still drag a column wider.
        metrics = self.table.fontMetrics()
        for column in range(1, self.model.columnCount()):
            widest = max(metrics.horizontalAdvance(t) for t in self.model.column_texts(column))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, widest + 4 * metrics.averageCharWidth())
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.blockSignals(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        # The list of matching notes is built on the first search: most visits never search.
        self._results: QListWidget | None = None
        self.count_label = label("", "hint", wrap=False)
        lv.addWidget(self.count_label)
        contact = QPushButton(tr("Log anonymous contact…"), left)
        contact.setAccessibleDescription(
            tr(
                "Counts a call or visit from someone who gave no name, for the summary; no "
                "client record is made."
            )
        )
        contact.clicked.connect(self.log_contact)
        lv.addWidget(contact)

        # The record pane
        self.right = QStackedWidget(splitter)
        self.empty = QWidget(self.right)
        self.right.addWidget(self.empty)
        ev = QVBoxLayout(self.empty)
        ev.addStretch(1)
        self.empty_text = label(
            tr(
                "Select a client in the list, or press New client to add one. Only an alias is "
                "needed to start."
            ),
            "hint",
        )
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        ev.addWidget(self.empty_text)
        ev.addStretch(2)
        self.new_page: QWidget | None = None  # built on first use: most unlocks never need it
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([340, 940])

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(120)
        self._filter_timer.timeout.connect(self.apply_filters)
        self.filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self.scope.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(lambda index: self._row_changed(index, None))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.run_notes_search_async)
        self._latest = LatestOnly(self)
        self.notes_search.textChanged.connect(lambda _t: self._search_timer.start())

        for seq, slot in (
            ("Ctrl+N", self.new_note),
            ("Ctrl+F", self.focus_search),
            ("Escape", self.escape),
        ):
            shortcut = QShortcut(QKeySequence(seq), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._loaded = False
        # How often each service was given lately, for the order of every record's services
        # list (the most used first): read once, on a worker once the list is first shown,
        # and kept, so the order stays put while the person works (it took 14 ms of each
        # record's opening at 50,000 clients).
        self._service_usage: dict[str, int] | None = None
        self._reading_usage = LatestOnly(self)
        self._usage_asked = False
        # A record being opened by open_client_soon (see ui.clients.coming).
        self._coming = RecordComing(
            self,
            vault,
            self.right,
            self.service_usage,
            self._show_coming,
            self._failed_to_open,
            self._count_usage,
        )
        # Until the list is first painted, a record asked for waits to be read (see
        # ui.clients.coming).
        self._list_painted = False
        self.table.viewport().installEventFilter(self)

    # --- list ---------------------------------------------------------------------------------

    def on_show(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.apply_filters()
            QTimer.singleShot(SHOW_AFTER_MS, self, self._count_usage)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._list_painted
            and event.type() == QEvent.Type.Paint
            and watched is self.table.viewport()
        ):
            self._list_painted = True
            watched.removeEventFilter(self)
            QTimer.singleShot(SHOW_AFTER_MS, self, self._coming.read_now)  # once it is painted
        return super().eventFilter(watched, event)

    def _count_usage(self) -> None:
        """The services' use counted on a worker, once the list is shown and a record on its
        way (where an unlock left off) painted: a worker running Python beside the GUI thread
        makes it wait for Python's lock at each of its calls into Python, and the list's first
        paint took 24 ms rather than 12 at 1,000 clients."""
        if self._usage_asked or self._service_usage is not None or self._coming.place:
            return
        self._usage_asked = True
        vault = self.vault
        self._reading_usage.run(
            lambda: voca_fields.service_usage(vault), self._usage_read, lambda _exc: None
        )

    def _usage_read(self, usage: dict[str, int]) -> None:
        if self._service_usage is None:
            self._service_usage = usage

    def service_usage(self) -> dict[str, int]:
        """How often each service was given lately (see __init__), read now if the worker
        has not answered yet. Asked for when a record's services list is first made, not
        when the record opens: a record opened at once (where an unlock left off) would
        otherwise wait for the office-wide count (80 ms at 50,000 clients)."""
        if self._service_usage is None:
            self._reading_usage.cancel()
            self._service_usage = voca_fields.service_usage(self.vault)
        return self._service_usage

    def current_query(self) -> ClientQuery:
        return ClientQuery(
            text=self.filter.text(),
            mine_only=bool(self.scope.currentData()),
            status=self.status_filter.currentData(),
            sort=self.model.query.sort,
            descending=self.model.query.descending,
            user_id=self.vault.current_user.id,
        )

    def apply_filters(self) -> None:
        selected = self.detail.client_id if self.detail else None
        self.model.set_query(self.current_query())
        # Rows, scroll bar and column widths settled now, not on a later turn of the event
        # loop: the list is painted once, with its scroll bar, rather than painted without it,
        # then narrowed by the bar and painted again.
        self.table.doItemsLayout()
        if selected is not None:
            self._select_row_of(selected)

    def _show_count(self) -> None:
        """The count under the list, once known: a long list is counted off the GUI thread."""
        total = self.model.total()
        if total is None:
            self.count_label.setText(tr("Counting clients…"))
            return
        self.count_label.setText(tr("{0} clients").format(total) if total != 1 else tr("1 client"))
        if total == 0 and not self.filter.text() and self.status_filter.currentData() == "open":
            self.empty_text.setText(
                tr(
                    "No clients yet. Press New client to add the first one; only an alias is "
                    "needed."
                )
            )

    def _select_row_of(self, client_id: int) -> None:
        row = self.model.row_of(client_id)
        if row is not None:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)

    def _row_in_view(self) -> None:
        """The selected row in view, where the unlock left off as when a record is opened
        from elsewhere (in the middle); a row in view already (moved to with the arrow keys)
        stays where it is."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        index = rows[0]
        if not self.table.viewport().rect().contains(self.table.visualRect(index)):
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex | None) -> None:
        if not current.isValid():
            return
        client_id = self.model.data(current, CLIENT_ID_ROLE)
        place = self._coming.place
        coming = place.get("client_id") if place else None
        if isinstance(client_id, int) and client_id != coming:
            # Moving along the list with the arrow keys: the record follows without holding
            # each key for its reads (about 70-100 ms a record at 50,000 clients).
            self.open_client_soon(client_id)

    # --- the record ---------------------------------------------------------------------------

    def open_client(self, client_id: int, tab: str | None = None) -> ClientDetail | None:
        self._cancel_coming()
        if self.detail is not None and self.detail.client_id == client_id:
            if tab:
                self.detail.show_tab(tab)
            return self.detail
        self._drop_detail()
        try:
            detail = ClientDetail(
                self.vault, client_id, self.right, self.service_usage
            )  # built in place
        except VaultError as exc:
            self._cannot_open(exc)
            return None
        self._show_detail(detail, tab)
        self._count_usage()
        return detail

    def open_client_soon(self, client_id: int, tab: str | None = None) -> None:
        """Open a record without holding the GUI thread for long (moving along the list,
        unlocking back into a record, the language switched), in steps on turns of their own
        (see ui.clients.coming); between them a key pressed meanwhile is answered. Opening
        another record meanwhile (either way) wins."""
        self._cancel_coming()
        if self.detail is not None and self.detail.client_id == client_id:
            if tab:
                self.detail.show_tab(tab)
            return
        if self.detail is None:
            self.right.setCurrentWidget(self.empty)
            self.empty_text.setVisible(False)  # not "Select a client": one is on its way
        self._coming.start(client_id, tab, wait=not self._list_painted)

    def _show_coming(self, detail: ClientDetail, tab: str | None) -> None:
        self._drop_detail()  # the record shown until now (its typing kept as a draft)
        self._show_detail(detail, tab)

    def _failed_to_open(self, exc: VaultError) -> None:
        self._drop_detail()
        self._cannot_open(exc)
        self._count_usage()

    def _cancel_coming(self) -> None:
        self._coming.cancel()
        self.empty_text.setVisible(True)

    def _cannot_open(self, exc: VaultError) -> None:
        self.empty_text.setText(exc.message)
        self.empty_text.setVisible(True)
        self.right.setCurrentWidget(self.empty)

    def _show_detail(self, detail: ClientDetail, tab: str | None) -> None:
        detail.changed.connect(self._detail_changed)
        detail.notes_changed.connect(self.apply_filters)
        detail.destroyed_record.connect(self._destroyed)
        self.detail = detail
        self.empty_text.setVisible(True)
        if self.right.indexOf(detail) < 0:  # not there already (see ui.clients.coming)
            self.right.addWidget(detail)
        self.right.setCurrentWidget(detail)
        if tab:
            detail.show_tab(tab)
        self._select_row_of(detail.client_id)
        self._row_in_view()
        # Again once the section is laid out with the record (on a narrow window the list gets
        # shorter as the record goes below it).
        QTimer.singleShot(SHOW_AFTER_MS, self, self._row_in_view)
        self.client_opened.emit(detail.client_id)

    def _drop_detail(self) -> None:
        if self.detail is not None:
            self.detail.collect_drafts()
            self.right.removeWidget(self.detail)
            self.detail.deleteLater()
            self.detail = None

    def _detail_changed(self) -> None:
        current = self.detail.client_id if self.detail else None
        tab = self.detail.current_tab() if self.detail else None
        self.apply_filters()
        if current is not None:
            self._drop_detail()
            self.open_client(current, tab)

    def _destroyed(self) -> None:
        self._drop_detail()
        self.right.setCurrentWidget(self.empty)
        self.apply_filters()
        if self.notes_search.text():
            self.run_notes_search()

    def _new_client_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(label(tr("New client"), "title"))
        self.new_form = ClientForm([])
        scroll = QScrollArea()
        scroll.setAccessibleName(tr("New client"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.new_form)
        layout.addWidget(scroll, 1)
        self.new_message = label("", "hint")
        layout.addWidget(self.new_message)
        row = QHBoxLayout()
        cancel = QPushButton(tr("Cancel"))
        cancel.clicked.connect(
            lambda: self.right.setCurrentWidget(self.detail if self.detail else self.empty)
        )
        create = QPushButton(tr("Create client"))
        create.setProperty("role", "primary")
        create.clicked.connect(self.create_client)
        # Enter in any one-line field creates the client, as a default button would.
        for field in self.new_form.findChildren(QLineEdit):
            if field.echoMode() == QLineEdit.EchoMode.Normal and field.parent() is not None:
                field.returnPressed.connect(self.create_client)
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(create)
        layout.addLayout(row)
        return page

    def new_client(self) -> None:
        if self.new_page is None:
            self.new_page = self._new_client_page()
            self.right.addWidget(self.new_page)
        self.new_form.advocate.clear()
        for user in users.list_users(self.vault):
            self.new_form.advocate.addItem(user.name, user.id)
        self.new_form.set_values(clients.ClientFields(assigned_user_id=self.vault.current_user.id))
        self.new_form.set_reporting(ReportingFields())
        self.new_message.setText("")
        self.right.setCurrentWidget(self.new_page)
        self.new_form.alias.setFocus()

    def create_client(self) -> None:
        try:  # the record and its optional answers in one transaction: both or neither
            client_id = clients.create_client(
                self.vault, self.new_form.values(), self.new_form.reporting()
            )
        except VaultError as exc:
            set_message(self.new_message, exc.message, "error")
            return
        self.filter.clear()
        self.status_filter.setCurrentIndex(0)
        self.apply_filters()
        self.open_client(client_id)

    def open_place(self, client_id: int, place: dict[str, object]) -> None:
        """Open a client where a Today row points: a need, an appointment or the notes."""
        tab = str(place.get("tab") or "notes")
        detail = self.open_client(client_id, tab)
        if detail is None:
            return
        widget = detail.widget_for(tab)
        need_id, appointment_id = place.get("need_id"), place.get("appointment_id")
        if isinstance(widget, NeedsPanel) and isinstance(need_id, int):
            widget.select_need(need_id)
        elif isinstance(widget, AppointmentsPanel) and isinstance(appointment_id, int):
            widget.select_appointment(appointment_id)
        elif tab == "notes":
            detail.notes.focus_composer()

    def open_note(self, client_id: int, note_id: int) -> None:
        detail = self.open_client(client_id, "notes")
        if detail is not None:
            detail.notes.show_note(note_id)

    # --- keyboard -----------------------------------------------------------------------------

    def new_note(self) -> None:
        if self.detail is not None:
            self.detail.show_tab("notes")
            self.detail.notes.focus_composer()

    def focus_search(self) -> None:
        if self.detail is not None and self.detail.isAncestorOf(self.focusWidget()):
            self.detail.show_tab("notes")
            self.detail.notes.search.setFocus()
        else:
            self.notes_search.setFocus()
            self.notes_search.selectAll()

    def escape(self) -> None:
        if self.notes_search.text():
            self.notes_search.clear()
        elif self.filter.text():
            self.filter.clear()
        elif self.detail is not None and self.detail.notes.search.text():
            self.detail.notes.search.clear()

    # --- anonymous contacts -------------------------------------------------------------------

    def log_contact(self) -> None:
        dialog = AnonymousContactDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            contacts.log_contact(self.vault, **dialog.values())
        except VaultError as exc:
            self.count_label.setText(exc.message)
            return
        self.count_label.setText(tr("Anonymous contact logged."))

    # --- locking ------------------------------------------------------------------------------

    def location(self) -> dict[str, object]:
        if self._coming.place:  # a record on its way (open_client_soon): where the person is
            return dict(self._coming.place)
        if self.detail is None:
            return {}
        return {"client_id": self.detail.client_id, "tab": self.detail.current_tab()}

    def restore_location(self, loc: dict[str, object]) -> None:
        client_id = loc.get("client_id")
        if isinstance(client_id, int):
            tab = loc.get("tab")
            self.open_client_soon(client_id, tab if isinstance(tab, str) else None)

    def collect_drafts(self) -> None:
        if self.detail is not None:
            self.detail.collect_drafts()
