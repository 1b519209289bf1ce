"""A client's notes: the timeline (newest first), the composer with autosaved drafts, and search
within this client's notes."""

from __future__ import annotations

import html

from advocate_app.store import drafts, notes, voca_fields
from advocate_app.store.errors import VaultError
from advocate_app.store.notes import NoteView
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import NOTE_KINDS
from advocate_app.ui.clients.services_picker import SHORTCUT as SERVICES_SHORTCUT
from advocate_app.ui.clients.services_picker import ServicesPicker
from advocate_app.ui.format import fmt_datetime
from advocate_app.ui.qt import (
    QComboBox,
    QEvent,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPlainTextEdit,
    QPushButton,
    QShortcut,
    QSize,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
    tr_marked,
)
from advocate_app.ui.roles import NOTE_ID_ROLE
from advocate_app.ui.widgets import add_rich_item, label, set_message, status_line
from advocate_app.ui.worker import LatestOnly

AUTOSAVE_MS = 2500


class NoteCard(QFrame):
    edit_requested = Signal(int)

    def __init__(self, note: NoteView, parent: QWidget | None = None) -> None:
        # Made inside its parent (the timeline's viewport), children inside it: under the app's
        # style sheet a built card moved into a parent is restyled again, and opening a record
        # made one card per note.
        super().__init__(parent)
        self.note_id = note.id
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 6)
        layout.setSpacing(2)
        head = QHBoxLayout()
        author = note.author_name or tr("former user")
        meta = f"{tr_marked(NOTE_KINDS.get(note.kind, note.kind))} · {author}"
        meta += f" · {fmt_datetime(note.created_at)}"
        if note.edited_at:
            meta += " · " + tr("edited {0}").format(fmt_datetime(note.edited_at))
        head.addWidget(label(meta, "hint", wrap=False))
        head.addStretch(1)
        edit = QPushButton(tr("Edit"), self)
        edit.setAccessibleName(tr("Edit this note"))
        edit.clicked.connect(lambda: self.edit_requested.emit(self.note_id))
        head.addWidget(edit)
        layout.addLayout(head)
        body = label(note.body)
        body.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout.addWidget(body)
        self.body_label = body


class NoteEditor(QPlainTextEdit):
    """The note text: asks for no more than its minimum height, so an opened services list
    gets its rows first; any height left over still goes to the text."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(self.minimumHeight(), 90))


class Composer(QWidget):
    """Write a note; Ctrl+Enter saves. Typing is kept as an encrypted draft every few seconds,
    with the services ticked (Ctrl+G opens them)."""

    saved = Signal(int)

    def __init__(self, vault: Vault, client_id: int) -> None:
        super().__init__()
        self.vault = vault
        self.client_id = client_id
        self.editing_note_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.mode = label(tr("New note"), "subtitle", wrap=False)
        row.addWidget(self.mode)
        row.addStretch(1)
        kind_label = QLabel(tr("&Kind"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Kind of note"))
        self.kind.setAccessibleDescription(
            tr("What the note records: a contact, a referral, court advocacy and so on.")
        )
        for code, text in NOTE_KINDS.items():
            self.kind.addItem(tr_marked(text), code)
        kind_label.setBuddy(self.kind)
        row.addWidget(kind_label)
        row.addWidget(self.kind)
        layout.addLayout(row)
        self.editor = NoteEditor()
        self.editor.setAccessibleName(tr("Note text"))
        self.editor.setAccessibleDescription(
            tr(
                "Saved as a draft while you type. Notes can be subpoenaed: write facts, not opinions. Ctrl+Enter saves."
            )
        )
        self.editor.setPlaceholderText(tr("What happened, what was done, what comes next."))
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(90)
        layout.addWidget(self.editor)
        # One folded line until opened: the services go to the funder's quarterly figures.
        self.services = ServicesPicker(voca_fields.service_usage(vault))
        self.services.changed.connect(self._changed)
        layout.addWidget(self.services)
        self._suggested: set[str] = set()
        layout.addWidget(
            label(
                tr(
                    "Notes can be subpoenaed. Record facts and services, not opinions, guesses or "
                    "safety-plan details."
                ),
                "hint",
            )
        )
        buttons = QHBoxLayout()
        self.status = status_line("", "hint", wrap=False)
        self.cancel = QPushButton(tr("Cancel edit"))
        self.cancel.setVisible(False)
        self.cancel.clicked.connect(self.cancel_edit)
        self.save_button = QPushButton(tr("Save note (Ctrl+Enter)"))
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        # Ctrl+Enter saves: handled on the editor itself so it works wherever focus lands.
        self.editor.installEventFilter(self)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft)
        self._dirty = False
        self.editor.textChanged.connect(self._changed)
        if not self.restore_draft():
            self.suggest_services()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.editor
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.save()
            return True
        return super().eventFilter(watched, event)

    @property
    def draft_key(self) -> str:
        if self.editing_note_id is not None:
            return f"note:edit:{self.editing_note_id}"
        return f"note:new:client={self.client_id}"

    def _changed(self) -> None:
        self._dirty = True
        self._autosave.start()

    def save_draft(self) -> None:
        if not self._dirty:
            return
        body = self.editor.toPlainText()
        try:
            drafts.save_draft(
                self.vault,
                self.draft_key,
                body,
                client_id=self.client_id,
                services=self.services.ticked(),
            )
        except VaultError as exc:
            self.status.setText(exc.message)
            return
        self._dirty = False
        if body.strip():
            self.status.setText(tr("Draft kept"))
        # An empty draft leaves the status alone: it may be saying why nothing was saved.

    def restore_draft(self) -> bool:
        """The draft's text and ticked services, if there is one (True)."""
        draft = drafts.load_draft(self.vault, self.draft_key)
        if draft is None:
            return False
        self.editor.blockSignals(True)
        self.editor.setPlainText(draft.body)
        self.editor.blockSignals(False)
        self.services.set_ticked(draft.services)
        # What was suggested before the draft was kept is not suggested again over its ticks.
        self._suggested = set(voca_fields.note_suggestions(self.vault, self.client_id))
        self.status.setText(tr("Your unsaved draft was restored."))
        return True

    def suggest_services(self) -> None:
        """Pre-tick what today's work suggests (needs, referrals, accompanied appointments),
        once each: a suggestion the advocate unticked stays unticked."""
        if self.editing_note_id is not None:
            return
        fresh = set(voca_fields.note_suggestions(self.vault, self.client_id)) - self._suggested
        if fresh:
            self._suggested |= fresh
            self.services.tick(fresh)

    def open_services(self) -> None:
        self.services.open_and_focus()

    def start_edit(self, note: NoteView) -> None:
        self.save_draft()
        self.editing_note_id = note.id
        self.mode.setText(tr("Editing a note"))
        self.cancel.setVisible(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(note.kind)))
        self.editor.blockSignals(True)
        self.editor.setPlainText(note.body)
        self.editor.blockSignals(False)
        self.services.set_ticked(voca_fields.note_services(self.vault, note.id))
        self.restore_draft()
        self.editor.setFocus()

    def cancel_edit(self) -> None:
        if self.editing_note_id is not None:
            drafts.delete_draft(self.vault, self.draft_key)
        self._reset_to_new()

    def _reset_to_new(self) -> None:
        self.editing_note_id = None
        self.mode.setText(tr("New note"))
        self.cancel.setVisible(False)
        self.editor.blockSignals(True)
        self.editor.clear()
        self.editor.blockSignals(False)
        self.services.set_ticked(())
        self._dirty = False
        if not self.restore_draft():
            self.suggest_services()

    def save(self) -> None:
        body = self.editor.toPlainText()
        kind = self.kind.currentData()
        ticked = self.services.ticked()
        if not body.strip():
            set_message(self.status, tr("Write something before saving."), "error")
            self.editor.setFocus()
            return
        try:
            if self.editing_note_id is None:
                note_id = notes.add_note(self.vault, self.client_id, kind, body, services=ticked)
            else:
                note_id = self.editing_note_id
                notes.edit_note(self.vault, note_id, kind, body, services=ticked)
        except VaultError as exc:
            # The text stays in the editor (and in the draft) whatever went wrong.
            self._dirty = True
            self.save_draft()
            set_message(self.status, exc.message, "error")
            self.editor.setFocus()
            return
        self._autosave.stop()
        drafts.delete_draft(self.vault, self.draft_key)
        self._dirty = False
        set_message(self.status, tr("Saved."), "ok")
        self._reset_to_new()
        self.saved.emit(note_id)
        # The advocate keeps typing where they were: never into the global search.
        self.editor.setFocus()


class NotesPanel(QWidget):
    changed = Signal()

    def __init__(self, vault: Vault, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.client_id = client_id
        layout = QVBoxLayout(self)
        search_row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search this client's notes"))
        self.search.setAccessibleName(tr("Search this client's notes"))
        self.search.setAccessibleDescription(
            tr("Type words to show only the notes that contain them; Escape clears.")
        )
        self.search.setClearButtonEnabled(True)
        search_row.addWidget(self.search, 1)
        self.write_button = QPushButton(tr("&Write a note"))
        self.write_button.setAccessibleDescription(tr("Moves the cursor to the new note box"))
        self.write_button.clicked.connect(self.focus_composer)
        search_row.addWidget(self.write_button)
        layout.addLayout(search_row)
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        self.timeline = QListWidget()
        self.timeline.setAccessibleName(tr("Notes, newest first"))
        self.timeline.setAccessibleDescription(
            tr("One entry per saved note with its date, kind and author. Each has an edit button.")
        )
        self.timeline.setSpacing(3)
        self.timeline.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timeline.setMinimumHeight(90)
        self.timeline.viewport().installEventFilter(self)
        history_layout.addWidget(self.timeline, 1)
        self.empty = label(tr("No notes yet. Write the first one below."), "hint")
        history_layout.addWidget(self.empty)
        self.composer = Composer(vault, client_id)
        self.composer.saved.connect(self._after_save)
        # The person drags the line between the history and the composer; neither side can be
        # squeezed away.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(history)
        self.splitter.addWidget(self.composer)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([640, 240])  # the history gets most of the height at first
        self.splitter.handle(1).setAccessibleName(tr("Resize the note box"))
        layout.addWidget(self.splitter, 1)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._latest = LatestOnly(self)
        self._search_timer.timeout.connect(self._search_async)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self._fitted_width = -1
        self._sizes_before_services: list[int] = []
        self.composer.services.toggle.toggled.connect(self._make_room_for_services)
        services_key = QShortcut(QKeySequence(SERVICES_SHORTCUT), self)
        services_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        services_key.activated.connect(self.composer.open_services)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Cards are measured when the list is on screen, once per width: the sizes a hidden list
        # passes through while its record is being built would be measured for nothing.
        if (
            watched is self.timeline.viewport()
            and (
                event.type() == QEvent.Type.Show
                or (event.type() == QEvent.Type.Resize and self.timeline.isVisible())
            )
            and self._fitted_width != self._card_width()
        ):
            self.fit_cards()
        return False

    def _card_width(self) -> int:
        return self.timeline.viewport().width() - 2 * self.timeline.spacing()

    def fit_cards(self) -> None:
        """Size each card to its text at the list's width: no blank gaps, nothing cut off."""
        width = self._card_width()
        if width <= 0:
            return
        self._fitted_width = width
        for row in range(self.timeline.count()):
            item = self.timeline.item(row)
            card = self.timeline.itemWidget(item)
            if card is None:
                continue
            height = card.heightForWidth(width) if card.hasHeightForWidth() else -1
            if height <= 0:
                height = card.sizeHint().height()
            item.setSizeHint(QSize(width, height))

    def _search_async(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.refresh()
            return
        client_id = self.client_id
        self._latest.run(
            lambda: notes.search_notes(self.vault, text, client_id=client_id), self._show_hits
        )

    def _show_hits(self, hits: list[notes.NoteHit]) -> None:
        self.timeline.clear()
        for hit in hits:
            self._add_hit(hit)
        self.empty.setText(tr("No notes match.") if not hits else "")
        self.empty.setVisible(not hits)

    def refresh(self) -> None:
        text = self.search.text().strip()
        if text:
            self._latest.cancel()
            self._show_hits(notes.search_notes(self.vault, text, client_id=self.client_id))
            return
        self._latest.cancel()
        self.timeline.clear()
        timeline = notes.list_notes(self.vault, self.client_id)
        viewport = self.timeline.viewport()
        for note in timeline:
            card = NoteCard(note, viewport)
            card.edit_requested.connect(self.edit_note)
            item = QListWidgetItem()
            item.setData(NOTE_ID_ROLE, note.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, note.body[:200])
            self.timeline.addItem(item)
            self.timeline.setItemWidget(item, card)
        if self.timeline.isVisible():  # else they are fitted when the list is shown
            self.fit_cards()
        else:
            self._fitted_width = -1
        self.empty.setText(tr("No notes yet. Write the first one below."))
        self.empty.setVisible(not timeline)

    def _add_hit(self, hit: notes.NoteHit) -> None:
        item = add_rich_item(
            self.timeline,
            f"{html.escape(fmt_datetime(hit.created_at))} · "
            f"{html.escape(tr_marked(NOTE_KINDS.get(hit.kind, hit.kind)))}<br>{hit.snippet_html}",
        )
        item.setData(NOTE_ID_ROLE, hit.note_id)

    def show_note(self, note_id: int) -> None:
        self.search.clear()
        self.refresh()
        for row in range(self.timeline.count()):
            item = self.timeline.item(row)
            if item.data(NOTE_ID_ROLE) == note_id:
                self.timeline.setCurrentItem(item)
                self.timeline.scrollToItem(item)
                return

    def edit_note(self, note_id: int) -> None:
        note = notes.get_note(self.vault, note_id)
        if note is not None:
            self.composer.start_edit(note)

    def _after_save(self, note_id: int) -> None:
        self.refresh()
        self.show_note(note_id)
        self.changed.emit()
        self.composer.editor.setFocus()

    def _make_room_for_services(self, shown: bool) -> None:
        """Opening the services list takes its height from the history, not from the note
        box; closing it gives the height back."""
        if not shown:
            if self._sizes_before_services:
                self.splitter.setSizes(self._sizes_before_services)
                self._sizes_before_services = []
            return
        history, composer = self.splitter.sizes()
        tree = self.composer.services.tree
        spare = max(0, history - self.timeline.minimumHeight() - 60)
        grow = min(tree.maximumHeight(), spare)
        if grow > 0:
            self._sizes_before_services = [history, composer]
            self.splitter.setSizes([history - grow, composer + grow])

    def focus_composer(self) -> None:
        self.composer.editor.setFocus()
