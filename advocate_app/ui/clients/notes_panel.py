"""A client's notes: the timeline (newest first), the composer with autosaved drafts, and search
within this client's notes."""

from __future__ import annotations

import html
from time import perf_counter

from advocate_app.store import notes
from advocate_app.store.notes import NoteView
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import NOTE_KINDS
from advocate_app.ui.clients.composer import Composer, ComposerAhead
from advocate_app.ui.clients.services_picker import SHORTCUT as SERVICES_SHORTCUT
from advocate_app.ui.clients.services_picker import UsageSource
from advocate_app.ui.format import fmt_datetime
from advocate_app.ui.qt import (
    QEvent,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
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
from advocate_app.ui.widgets import add_rich_item, label
from advocate_app.ui.worker import LatestOnly

# Cards made when a record opens: as many as fill the timeline when it is first shown (each card
# is a set of widgets: about 5 ms apiece on a slow laptop), at least MIN_FIRST_CARDS; for a record
# opened ahead (ClientsSection.open_client_soon), a screenful made before it shows, a slice a
# turn (make_first_cards), while the turn has taken less than LATER_SLICE_SECONDS. The rest are
# made on later turns of the event loop, one card at least per turn, more while the turn has
# taken less than SHOWN_SLICE_SECONDS (four cards a turn kept a key waiting 20 ms): a card made
# in a list on screen has the whole list laid out and painted again after the turn (Qt's
# setItemWidget), and a 6 ms slice and that paint kept a key waiting 11-17 ms at 50,000 clients
# (3 ms: 8-15).
MIN_FIRST_CARDS = 2
UNMEASURED_FIRST_CARDS = 8  # a tall screen's worth, when the list has no width yet
LATER_SLICE_SECONDS = 0.006
SHOWN_SLICE_SECONDS = 0.003
# Each later batch waits for a timer, not a zero-delay turn: Qt handles those with the events
# already waiting, in the same pass (a batch after the list's paint was still in it).
LATER_TURN_MS = 1


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
        body = NoteBody(note.body)
        layout.addWidget(body)
        self.body_label = body


class NoteBody(QLabel):
    """A note's text, wrapped and selectable by mouse and keyboard. Selectable text is laid out
    as a text document, and Qt lays the whole document out twice each time a layout asks how
    tall the text is at a width (about 16 questions per card while a record opens, most of them
    repeated): the answers are kept, per width, until the font or style changes. The text is
    set once: a card is rebuilt when its note changes."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # nothing typed by a person is rich text
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._heights: dict[int, int] = {}

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _RESIZING_CHANGES:
            self._heights.clear()
        super().changeEvent(event)


# What changes how tall a text is at a given width.
_RESIZING_CHANGES = frozenset(
    {
        QEvent.Type.FontChange,
        QEvent.Type.StyleChange,
        QEvent.Type.ContentsRectChange,
        QEvent.Type.LayoutDirectionChange,
    }
)


class NotesPanel(QWidget):
    changed = Signal()

    def __init__(
        self,
        vault: Vault,
        client_id: int,
        parent: QWidget | None = None,
        service_usage: UsageSource | None = None,
        listed: list[NoteView] | None = None,
        composer_ahead: ComposerAhead | None = None,
    ) -> None:
        """listed: the client's notes, read already (off the GUI thread: see
        ClientsSection.open_client_soon); read here if not given. composer_ahead: likewise,
        what the note box reads."""
        super().__init__(parent)
        self.vault = vault
        self.client_id = client_id
        # Made inside their parents, from the top down: under the app's style sheet a built
        # subtree moved into a parent is restyled again (the splitter and its two panes, 3-5 ms
        # of each record's build).
        layout = QVBoxLayout(self)
        search_row = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search this client's notes"))
        self.search.setAccessibleName(tr("Search this client's notes"))
        self.search.setAccessibleDescription(
            tr("Type words to show only the notes that contain them; Escape clears.")
        )
        self.search.setClearButtonEnabled(True)
        search_row.addWidget(self.search, 1)
        self.write_button = QPushButton(tr("&Write a note"), self)
        self.write_button.setAccessibleDescription(tr("Moves the cursor to the new note box"))
        self.write_button.clicked.connect(self.focus_composer)
        search_row.addWidget(self.write_button)
        layout.addLayout(search_row)
        # The person drags the line between the history and the composer; neither side can be
        # squeezed away.
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        history = QWidget(self.splitter)
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        self.timeline = QListWidget(history)
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
        self.composer = Composer(vault, client_id, service_usage, composer_ahead, self.splitter)
        self.composer.saved.connect(self._after_save)
        self.splitter.addWidget(history)
        self.splitter.addWidget(self.composer)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([640, 240])  # the history gets most of the height at first
        self.splitter.handle(1).setAccessibleName(tr("Resize the note box"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._latest = LatestOnly(self)
        self._search_timer.timeout.connect(self._search_async)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self._fitted_width = -1
        # Notes listed whose cards are still to be made, oldest last (see refresh).
        self._unmade: list[tuple[QListWidgetItem, NoteView]] = []
        self._more_coming = False  # a turn of the event loop will make the next cards
        self._sizes_before_services: list[int] = []
        self.composer.services.toggle.toggled.connect(self._make_room_for_services)
        services_key = QShortcut(QKeySequence(SERVICES_SHORTCUT), self)
        services_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        services_key.activated.connect(self.composer.open_services)
        self.refresh(listed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Cards are measured when the list is on screen, once per width: the sizes a hidden list
        # passes through while its record is being built would be measured for nothing. The
        # first ones are made then too, as many as the list shows (it may grow as the record's
        # layout settles).
        if watched is not self.timeline.viewport():
            return False
        if event.type() == QEvent.Type.Show or (
            event.type() == QEvent.Type.Resize and self.timeline.isVisible()
        ):
            if self._fitted_width != self._card_width():
                self.fit_cards()
            if self._unmade:
                self._fill_view()
        elif event.type() == QEvent.Type.Paint and self._unmade and not self._more_coming:
            # The cards further down, once the list is painted with the first ones: a turn of
            # the event loop asked for before it would come first (Qt paints after the other
            # events waiting), and the person would wait for them all.
            self._more_coming = True
            QTimer.singleShot(LATER_TURN_MS, self, self._make_more_cards)
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
            if card is not None:  # not made yet: fitted when made
                self._fit(item, card, width)

    @staticmethod
    def _fit(item: QListWidgetItem, card: QWidget, width: int) -> None:
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
        self._unmade = []
        self.timeline.clear()
        for hit in hits:
            self._add_hit(hit)
        self.empty.setText(tr("No notes match.") if not hits else "")
        self.empty.setVisible(not hits)

    def refresh(self, listed: list[NoteView] | None = None) -> None:
        """The timeline again (or the notes that match the search line); `listed`: the
        client's notes, read already."""
        text = self.search.text().strip()
        if text:
            self._latest.cancel()
            self._show_hits(notes.search_notes(self.vault, text, client_id=self.client_id))
            return
        self._latest.cancel()
        self._unmade = []  # the cards of the notes listed before are not made any more
        self.timeline.clear()
        timeline = notes.list_notes(self.vault, self.client_id) if listed is None else listed
        # Every note is in the list at once (its entry, and what a screen reader says of it);
        # its card, a set of widgets, is made now only for the first screenful, the rest a few
        # at a time on later turns of the event loop: most visits read the newest notes.
        for note in timeline:
            item = QListWidgetItem()
            item.setData(NOTE_ID_ROLE, note.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, note.body[:200])
            self.timeline.addItem(item)
            self._unmade.append((item, note))
        if self.timeline.isVisible():
            self.fit_cards()
            self._fill_view()
        else:  # they are fitted, and the first ones made, when the list is shown
            self._fitted_width = -1
        self.empty.setText(tr("No notes yet. Write the first one below."))
        self.empty.setVisible(not timeline)

    def _fill_view(self) -> None:
        """The cards of the notes the list shows, fitted to its width (at least
        MIN_FIRST_CARDS); the rest are made once it is painted, a few per turn of the event
        loop (eventFilter)."""
        if self._fitted_width <= 0:  # no width to measure the cards at: a screenful's worth
            self._make_cards(UNMEASURED_FIRST_CARDS, later=False)
            return
        height = self.timeline.viewport().height()
        made = self.timeline.count() - len(self._unmade)
        step = 2 * self.timeline.spacing()
        filled = sum(self.timeline.item(row).sizeHint().height() + step for row in range(made))
        while self._unmade and (made < MIN_FIRST_CARDS or filled < height):
            item = self._unmade[0][0]
            self._make_cards(1, later=False)
            filled += item.sizeHint().height() + step
            made += 1

    def make_first_cards(self, count: int = UNMEASURED_FIRST_CARDS) -> bool:
        """For a record not shown yet: the first `count` cards, or as many of them as a turn
        of the event loop makes in LATER_SLICE_SECONDS (one at least), fitted when the list is
        shown. Returns whether some of them are still to be made."""
        made = self._make_slice(LATER_SLICE_SECONDS, count)
        return bool(self._unmade) and made < count

    def _make_slice(self, seconds: float, count: int | None = None) -> int:
        """Cards not made yet, one at least, more while this turn has taken less than
        `seconds` (and fewer than `count` are made in all); returns how many are made."""
        started = perf_counter()
        made = self.timeline.count() - len(self._unmade)
        while self._unmade and (count is None or made < count):
            self._make_cards(1, later=False)
            made += 1
            if perf_counter() - started >= seconds:
                break
        return made

    def _make_cards(self, count: int, *, later: bool = True) -> None:
        """The next `count` cards not made yet, fitted at once if the list has been."""
        made, self._unmade = self._unmade[:count], self._unmade[count:]
        viewport = self.timeline.viewport()
        width = self._fitted_width
        for item, note in made:
            card = NoteCard(note, viewport)
            card.edit_requested.connect(self.edit_note)
            self.timeline.setItemWidget(item, card)
            if width > 0:
                self._fit(item, card, width)
        if self._unmade and later and not self._more_coming:
            self._more_coming = True
            QTimer.singleShot(LATER_TURN_MS, self, self._make_more_cards)

    def _make_more_cards(self) -> None:
        self._more_coming = False
        self._make_slice(SHOWN_SLICE_SECONDS)
        if self._unmade:
            self._more_coming = True
            QTimer.singleShot(LATER_TURN_MS, self, self._make_more_cards)

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
                # The cards down to this one, sized: the scroll lands where its card will stay
                # (the cards below it do not move it). A note just saved is the first.
                made = self.timeline.count() - len(self._unmade)
                if row >= made:
                    self._make_cards(row + 1 - made, later=False)
                self.timeline.setCurrentItem(item)
                self.timeline.scrollToItem(item)
                return

    def edit_note(self, note_id: int) -> None:
        note = notes.get_note(self.vault, note_id)
        if note is not None:
            self.composer.start_edit(note)

    def _after_save(self, note_id: int) -> None:
        self.show_note(note_id)  # listed again, with the saved note
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
