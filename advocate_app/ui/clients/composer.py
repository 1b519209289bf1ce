"""The note box under a client's timeline: write a note or edit one, kept as an encrypted draft
while typing, with the services it records."""

from __future__ import annotations

from typing import NamedTuple

from advocate_app.store import drafts, notes, voca_fields
from advocate_app.store.errors import VaultError
from advocate_app.store.notes import NoteView
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import NOTE_KINDS
from advocate_app.ui.clients.services_picker import ServicesPicker, UsageSource
from advocate_app.ui.qt import (
    QComboBox,
    QEvent,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QObject,
    QPlainTextEdit,
    QPushButton,
    QSize,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
    tr_marked,
)
from advocate_app.ui.widgets import WrappingPane, label, set_message, status_line

AUTOSAVE_MS = 2500
SUGGEST_AFTER_MS = 1  # a timer, not a zero-delay turn: those run before the record's paint


def new_note_draft_key(client_id: int) -> str:
    """Where the note being written for a client is kept as a draft."""
    return f"note:new:client={client_id}"


class ComposerAhead(NamedTuple):
    """What a new note box reads as it opens, read before it is made (off the GUI thread: see
    read_ahead): the draft of the note being written, and what today's work suggests ticking."""

    draft: drafts.DraftInfo | None
    suggestions: tuple[str, ...]


def read_composer_ahead(vault: Vault, client_id: int) -> ComposerAhead:
    return ComposerAhead(
        drafts.load_draft(vault, new_note_draft_key(client_id)),
        voca_fields.note_suggestions(vault, client_id),
    )


class NoteEditor(QPlainTextEdit):
    """The note text: asks for no more than its minimum height, so an opened services list
    gets its rows first; any height left over still goes to the text."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(self.minimumHeight(), 90))


class Composer(WrappingPane):
    """Write a note; Ctrl+Enter saves. Typing is kept as an encrypted draft every few seconds,
    with the services ticked (Ctrl+G opens them). A pane of the notes' splitter: as tall as its
    wrapped words need (three lines of advice in Spanish at 150% on a laptop)."""

    saved = Signal(int)

    def __init__(
        self,
        vault: Vault,
        client_id: int,
        service_usage: UsageSource | None = None,
        ahead: ComposerAhead | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """service_usage: where to read how often each service was given lately (the picker
        lists the most used first), once its list is made; from the vault if not given.
        ahead: the draft and the suggestions, read already; read here if not given."""
        super().__init__(parent)
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
        self.services = ServicesPicker(service_usage or (lambda: voca_fields.service_usage(vault)))
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
        if ahead is not None:  # nothing left to read
            if not self.restore_draft(ahead):
                self.suggest_services(ahead.suggestions)
        elif not self.restore_draft():
            # What today's work suggests takes three reads (about 9 ms): on a timer, once the
            # record is painted, not in its opening.
            QTimer.singleShot(SUGGEST_AFTER_MS, self, self._suggest_once_shown)

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
        return new_note_draft_key(self.client_id)

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

    def restore_draft(self, ahead: ComposerAhead | None = None) -> bool:
        """The draft's text and ticked services, if there is one (True). ahead: the new note's
        draft and today's suggestions, read already."""
        draft = drafts.load_draft(self.vault, self.draft_key) if ahead is None else ahead.draft
        if draft is None:
            return False
        self.editor.blockSignals(True)
        self.editor.setPlainText(draft.body)
        self.editor.blockSignals(False)
        self.services.set_ticked(draft.services)
        # What was suggested before the draft was kept is not suggested again over its ticks.
        self._suggested = set(
            voca_fields.note_suggestions(self.vault, self.client_id)
            if ahead is None
            else ahead.suggestions
        )
        self.status.setText(tr("Your unsaved draft was restored."))
        return True

    def _suggest_once_shown(self) -> None:
        try:
            self.suggest_services()
        except VaultError:  # locked meanwhile: the record is going away
            return

    def suggest_services(self, suggestions: tuple[str, ...] | None = None) -> None:
        """Pre-tick what today's work suggests (needs, referrals, accompanied appointments),
        once each: a suggestion the advocate unticked stays unticked. suggestions: read
        already."""
        if self.editing_note_id is not None:
            return
        if suggestions is None:
            suggestions = voca_fields.note_suggestions(self.vault, self.client_id)
        fresh = set(suggestions) - self._suggested
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
