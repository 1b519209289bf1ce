"""The note history reads like a conversation log: compact cards sized to their text, newest
first, a "Write a note" jump to the composer, a resizable composer, "Saved" shown beside the
composer (not lost by a rebuild) and the cursor back in the composer after saving."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from advocate_app.store import clients, notes
from advocate_app.ui.qt import QApplication, QEvent, QObject, Qt, QTimer
from advocate_app.ui.roles import NOTE_ID_ROLE
from tests.ui.helpers import count_calls


@pytest.fixture
def opened(qtbot, unlocked):
    vault = unlocked.vault
    cid = clients.create_client(
        vault, clients.ClientFields(alias="Rosalind Q.", intake_date=date(2026, 3, 2))
    )
    ids = [
        notes.add_note(vault, cid, "contact", text)
        for text in (
            "Short one.",
            "A longer note about the shelter intake. " * 12,
            "Newest: called back.",
        )
    ]
    unlocked.window.resize(1366, 728)
    detail = unlocked.shell.show_section("clients").open_client(cid)
    panel = detail.notes
    qtbot.waitUntil(lambda: panel.timeline.count() == 3 and panel.timeline.isVisible())
    return unlocked, detail, panel, ids


def test_newest_note_comes_first(opened) -> None:
    _controller, _detail, panel, ids = opened
    shown = [panel.timeline.item(row).data(NOTE_ID_ROLE) for row in range(3)]
    assert shown == list(reversed(ids))


def test_cards_are_sized_to_their_text(qtbot, opened) -> None:
    _controller, _detail, panel, _ids = opened
    timeline = panel.timeline
    heights = {}
    for row in range(timeline.count()):
        item = timeline.item(row)
        card = timeline.itemWidget(item)
        body = card.body_label
        qtbot.waitUntil(lambda body=body: body.width() > 100)
        # Nothing cut off...
        assert body.height() + 1 >= body.heightForWidth(body.width())
        # ...and no blank gap: the row is no taller than the card needs at its width.
        needed = card.heightForWidth(card.width())
        assert item.sizeHint().height() <= needed + 2
        heights[row] = item.sizeHint().height()
    line = panel.fontMetrics().lineSpacing()
    assert heights[0] < heights[1]  # one line versus many lines
    assert heights[0] < 6 * line  # a one-line note is a compact card


def test_write_a_note_jumps_to_the_composer(qtbot, opened) -> None:
    controller, _detail, panel, _ids = opened
    controller.window.activateWindow()
    panel.timeline.setFocus()
    qtbot.mouseClick(panel.write_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.composer.editor)


def test_the_composer_is_resizable_with_a_minimum(qtbot, opened) -> None:
    _controller, _detail, panel, _ids = opened
    splitter = panel.splitter
    assert splitter.orientation() == Qt.Orientation.Vertical
    assert splitter.widget(1) is panel.composer
    assert not splitter.childrenCollapsible()
    total = sum(splitter.sizes())
    splitter.setSizes([total - 400, 400])
    qtbot.waitUntil(lambda: panel.composer.height() >= 380)
    splitter.setSizes([total, 0])  # dragged all the way down: the composer stays usable
    qtbot.waitUntil(lambda: splitter.sizes()[1] > 0)
    assert panel.composer.height() >= panel.composer.minimumSizeHint().height()
    assert panel.composer.editor.height() >= 40


def test_saved_shows_beside_the_composer_and_the_cursor_stays(qtbot, opened) -> None:
    controller, detail, panel, _ids = opened
    controller.window.activateWindow()
    composer = panel.composer
    composer.editor.setFocus()
    qtbot.keyClicks(composer.editor, "Drove her to the clinic.")
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.timeline.count() == 4)
    section = controller.shell.sections["clients"]
    assert section.detail is detail  # not rebuilt: what the person looks at stays
    assert composer.status.text() == "Saved."
    assert composer.status.isVisible()
    assert composer.isAncestorOf(composer.status)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is composer.editor)
    assert composer.editor.toPlainText() == ""


def test_a_long_history_opens_with_the_first_cards_and_makes_the_rest_after(
    qtbot, unlocked
) -> None:
    """Opening a record makes the cards that fill the list, and no more; every note is listed
    at once with what a screen reader says of it, and the other cards follow on later turns of
    the event loop, each sized to its text. Going to an old note makes them all before
    scrolling."""

    vault = unlocked.vault
    cid = clients.create_client(vault, clients.ClientFields(alias="Ines"))
    bodies = [f"Note number {i}: called about the hearing." for i in range(20)]
    ids = [notes.add_note(vault, cid, "contact", body) for body in bodies]
    unlocked.window.resize(1366, 728)
    detail = unlocked.shell.show_section("clients").open_client(cid)
    timeline = detail.notes.timeline
    made = [timeline.itemWidget(timeline.item(row)) is not None for row in range(20)]
    first = made.count(True)
    assert 2 <= first < 20 and made == [True] * first + [False] * (20 - first)
    heights = [
        timeline.item(row).sizeHint().height() + 2 * timeline.spacing() for row in range(first)
    ]
    shown = timeline.viewport().height()
    assert sum(heights[:-1]) < shown <= sum(heights)  # the list is full, no card to spare
    spoken = [timeline.item(row).data(Qt.ItemDataRole.AccessibleTextRole) for row in range(20)]
    assert spoken == list(reversed(bodies))
    painted_with: list[int] = []  # the cards made each time the list is painted

    class PaintWatch(QObject):
        def eventFilter(self, _watched, event) -> bool:  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint:
                painted_with.append(
                    sum(timeline.itemWidget(timeline.item(r)) is not None for r in range(20))
                )
            return False

    watch = PaintWatch()
    timeline.viewport().installEventFilter(watch)
    qtbot.waitUntil(
        lambda: all(timeline.itemWidget(timeline.item(row)) is not None for row in range(20))
    )
    # Painted first with the cards that fill it: the person does not wait for the others.
    assert painted_with[0] == first
    qtbot.waitUntil(lambda: timeline.item(19).sizeHint().height() > 0)  # fitted to its card
    last = timeline.item(19)
    assert timeline.itemWidget(last).body_label.text() == bodies[0]
    assert last.sizeHint().height() == timeline.item(0).sizeHint().height()  # fitted alike
    # Going to the oldest note of a freshly listed history: every card is made first.
    detail.notes.show_note(ids[0])
    assert all(timeline.itemWidget(timeline.item(row)) is not None for row in range(20))
    assert timeline.currentItem().data(NOTE_ID_ROLE) == ids[0]


def test_saving_a_note_on_a_long_history_lists_it_once_and_makes_only_the_first_cards(
    qtbot, unlocked, monkeypatch
) -> None:
    """After a save the list is read once, the new note is first and current, and only the
    cards that fill the list are made before it is painted: making every card (to scroll to
    the note) took about 5 ms per note of the client's history, each time a note was saved."""
    vault = unlocked.vault
    cid = clients.create_client(vault, clients.ClientFields(alias="Ines"))
    for i in range(60):
        notes.add_note(vault, cid, "contact", f"Note number {i}: called about the hearing.")
    unlocked.window.resize(1366, 728)
    detail = unlocked.shell.show_section("clients").open_client(cid)
    panel = detail.notes
    timeline = panel.timeline
    qtbot.waitUntil(lambda: timeline.itemWidget(timeline.item(59)) is not None)
    listed = count_calls(monkeypatch, notes, "list_notes")
    qtbot.keyClicks(panel.composer.editor, "Drove her to the clinic.")
    qtbot.keyClick(panel.composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(listed) == 1 and timeline.count() == 61
    made = [timeline.itemWidget(timeline.item(row)) is not None for row in range(61)]
    first = made.count(True)
    assert 2 <= first < 20 and made == [True] * first + [False] * (61 - first)
    assert timeline.currentRow() == 0
    assert timeline.itemWidget(timeline.item(0)).body_label.text() == "Drove her to the clinic."
    qtbot.waitUntil(lambda: timeline.itemWidget(timeline.item(60)) is not None)  # the rest after


def test_opening_a_record_builds_only_its_notes(qtbot, unlocked) -> None:
    """Opening a record builds the Notes tab only; Releases, like the other tabs, is built
    when first shown or asked for, and then holds the client's releases."""
    from advocate_app.ui.clients.releases import ReleasesPanel

    cid = clients.create_client(unlocked.vault, clients.ClientFields(alias="Jun"))
    detail = unlocked.shell.show_section("clients").open_client(cid)
    assert not detail.findChildren(ReleasesPanel)
    assert detail.current_tab() == "notes"
    detail.show_tab("releases")
    assert detail.findChildren(ReleasesPanel) == [detail.releases]
    assert detail.releases.list.count() == 0
    assert detail.releases.add_button.isVisible()


def test_a_card_lays_its_text_out_once_per_width(qtbot, unlocked, monkeypatch) -> None:
    """A note's text (selectable, so laid out as a document, twice per question) is measured
    once for each width a layout asks about: opening a record asked about 16 times per card,
    mostly the same widths again."""
    from advocate_app.ui.clients.notes_panel import NoteBody
    from advocate_app.ui.qt import QLabel

    laid_out: list[tuple[int, int]] = []  # (card text, width) each time Qt lays it out
    real = QLabel.heightForWidth

    def counting(self: QLabel, width: int) -> int:
        if isinstance(self, NoteBody):
            laid_out.append((id(self), width))
        return real(self, width)

    monkeypatch.setattr(QLabel, "heightForWidth", counting)
    cid = clients.create_client(unlocked.vault, clients.ClientFields(alias="Kai"))
    for number in range(5):
        notes.add_note(unlocked.vault, cid, "contact", f"Called about the hearing {number}. " * 9)
    unlocked.window.resize(1366, 728)
    panel = unlocked.shell.show_section("clients").open_client(cid).notes
    qtbot.waitUntil(lambda: panel.timeline.item(4).sizeHint().height() > 0)  # cards fitted
    assert laid_out
    assert len(laid_out) == len(set(laid_out))
    card = panel.timeline.itemWidget(panel.timeline.item(0))
    assert card.body_label.heightForWidth(300) == real(card.body_label, 300)


def test_the_later_cards_stop_for_a_turn_once_it_has_taken_its_slice(
    qtbot, unlocked, monkeypatch
) -> None:
    """The cards further down are made a few per turn of the event loop, as many as fit in a
    few milliseconds (at least one): four at a time, each about 5 ms on a slow laptop, kept a
    key waiting 20 ms, and two a turn with the paint after them 11-17 ms. Here each card "takes" 4 ms on a clock the panel reads."""
    from advocate_app.ui.clients import notes_panel

    vault = unlocked.vault
    cid = clients.create_client(vault, clients.ClientFields(alias="Ines"))
    for i in range(20):
        notes.add_note(vault, cid, "contact", f"Note number {i}: called about the hearing.")
    unlocked.window.resize(1366, 728)
    clock = [0.0]
    real_card = notes_panel.NoteCard

    def slow_card(*args, **kwargs):  # type: ignore[no-untyped-def]
        clock[0] += 0.004
        return real_card(*args, **kwargs)

    monkeypatch.setattr(notes_panel, "perf_counter", lambda: clock[0], raising=False)
    monkeypatch.setattr(notes_panel, "NoteCard", slow_card)
    detail = unlocked.shell.show_section("clients").open_client(cid)
    timeline = detail.notes.timeline

    def made() -> int:
        return sum(timeline.itemWidget(timeline.item(r)) is not None for r in range(20))

    # Sampled on every pass of the event loop (a zero-interval timer fires once per pass, as
    # the timer of each turn of cards does).
    samples = [made()]
    sampler = QTimer()
    sampler.setInterval(0)
    sampler.timeout.connect(lambda: samples.append(made()))
    sampler.start()
    try:
        qtbot.waitUntil(lambda: made() == 20)
    finally:
        sampler.stop()
    first = samples[0]
    per_turn = [b - a for a, b in pairwise(samples) if b > a]
    assert first < 20
    # 4 ms a card and a 3 ms slice once the list is on screen (each turn's cards are followed
    # by the list laid out and painted again, whole): one card a turn.
    assert all(count == 1 for count in per_turn), per_turn
