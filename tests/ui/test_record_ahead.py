"""Opening a record without holding the GUI thread (ClientsSection.open_client_soon): where an
unlock or a language switch left off in a client's record. Its reads (an audited open, its
notes, what its note box reads) on a worker; the record built, hidden, when they arrive; its
first notes' cards made, a slice a turn; then shown."""

from __future__ import annotations

from itertools import pairwise

from advocate_app.store import clients
from advocate_app.store.clients import ClientFields
from advocate_app.ui.clients.detail import ClientDetail
from advocate_app.ui.qt import QTimer
from advocate_app.ui.worker import tasks_running
from tests.ui.helpers import calls_on_gui_thread, count_calls, wait_for_background_work


def test_a_restored_record_is_read_off_the_gui_thread_and_shown_on_a_later_turn(
    qtbot, unlocked, monkeypatch
) -> None:
    """Unlocking back into a client's record held the GUI thread for 120-130 ms at 50,000
    clients in one block: the audited read (an fsync), the notes, the widgets, the paint."""
    cid = clients.create_client(unlocked.vault, ClientFields(alias="Juniper"))
    section = unlocked.shell.show_section("clients")
    on_gui = calls_on_gui_thread(monkeypatch, clients, "open_client")
    section.restore_location({"client_id": cid, "tab": "needs"})
    assert section.detail is None  # nothing read or built in this turn
    assert not section.empty_text.isVisible()  # no "Select a client" while one is coming
    qtbot.waitUntil(lambda: section.detail is not None)
    assert section.detail.client_id == cid
    assert section.detail.current_tab() == "needs"
    assert section.right.currentWidget() is section.detail
    assert on_gui == [False]  # read once, on a worker: the access logged before it showed
    assert section.location() == {"client_id": cid, "tab": "needs"}


def test_a_place_on_its_way_is_still_the_place_to_come_back_to(qtbot, unlocked) -> None:
    """A lock in the turns before the record shows keeps the place (the lock saves it)."""
    cid = clients.create_client(unlocked.vault, ClientFields(alias="Juniper"))
    section = unlocked.shell.show_section("clients")
    section.restore_location({"client_id": cid, "tab": "notes"})
    assert section.location() == {"client_id": cid, "tab": "notes"}
    wait_for_background_work(qtbot)


def test_a_record_opened_while_another_is_on_its_way_wins(qtbot, unlocked) -> None:
    first = clients.create_client(unlocked.vault, ClientFields(alias="Juniper"))
    second = clients.create_client(unlocked.vault, ClientFields(alias="Willow"))
    section = unlocked.shell.show_section("clients")
    section.restore_location({"client_id": first, "tab": "notes"})
    opened = section.open_client(second)
    assert opened is not None and section.detail is opened
    wait_for_background_work(qtbot)
    qtbot.waitUntil(lambda: len(section.right.findChildren(ClientDetail)) == 1)
    assert section.detail is opened and section.detail.client_id == second
    assert section.right.currentWidget() is opened


def test_a_restored_record_that_is_gone_says_so(qtbot, unlocked) -> None:
    section = unlocked.shell.show_section("clients")
    section.restore_location({"client_id": 987654, "tab": "notes"})
    qtbot.waitUntil(lambda: section.empty_text.isVisible())
    assert "no longer exists" in section.empty_text.text()
    assert section.detail is None and section.location() == {}


def test_moving_along_the_list_opens_each_record_off_the_gui_thread(
    qtbot, unlocked, monkeypatch
) -> None:
    """Arrowing down the client list held each key for the record's opening (70-100 ms at
    50,000 clients, an fsync among it): the record shown stays until the next is read and
    built, then gives way to it."""
    from advocate_app.ui.qt import Qt

    first_id = clients.create_client(unlocked.vault, ClientFields(alias="Ash"))
    second_id = clients.create_client(unlocked.vault, ClientFields(alias="Birch"))
    section = unlocked.shell.show_section("clients")
    section.apply_filters()
    on_gui = calls_on_gui_thread(monkeypatch, clients, "open_client")
    section.table.setFocus()
    section.table.setCurrentIndex(section.model.index(0, 0))
    assert section.detail is None  # nothing read in the key's turn
    qtbot.waitUntil(lambda: section.detail is not None)
    first = section.detail
    assert first.client_id == first_id and first.isVisible()
    qtbot.keyClick(section.table, Qt.Key.Key_Down)
    assert section.detail is first and first.isVisible()  # until the next is ready
    qtbot.waitUntil(lambda: section.detail is not first)
    assert section.detail.client_id == second_id and section.detail.isVisible()
    assert on_gui == [False, False]
    # Enter on the row whose record is shown opens nothing more.
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    wait_for_background_work(qtbot)
    assert on_gui == [False, False]


def test_the_row_of_a_restored_record_is_in_view(qtbot, unlocked) -> None:
    """Unlocking back into a record far down the list: its row is shown, selected."""
    ids = [
        clients.create_client(unlocked.vault, ClientFields(alias=f"Client {n:03}"))
        for n in range(80)
    ]
    section = unlocked.shell.show_section("clients")
    section.apply_filters()
    section.restore_location({"client_id": ids[-1], "tab": "notes"})
    qtbot.waitUntil(lambda: section.detail is not None)
    table = section.table
    row = section.model.row_of(ids[-1])
    assert row is not None and table.selectionModel().isRowSelected(row)
    qtbot.waitUntil(
        lambda: table.viewport().rect().contains(table.visualRect(section.model.index(row, 0)))
    )


def test_typing_in_the_record_shown_while_the_next_is_coming_is_kept(qtbot, unlocked) -> None:
    """Between the key that moves along the list and the next record shown, the record shown
    still takes typing: when it gives way, what was typed is kept as an encrypted draft, and
    comes back with the record."""
    from advocate_app.store import drafts
    from advocate_app.ui.qt import Qt

    first_id = clients.create_client(unlocked.vault, ClientFields(alias="Ash"))
    clients.create_client(unlocked.vault, ClientFields(alias="Birch"))
    section = unlocked.shell.show_section("clients")
    section.apply_filters()
    section.table.setCurrentIndex(section.model.index(0, 0))
    qtbot.waitUntil(lambda: section.detail is not None)
    first = section.detail
    assert first.client_id == first_id
    key = first.notes.composer.draft_key
    qtbot.keyClick(section.table, Qt.Key.Key_Down)
    assert section.detail is first  # the next one is on its way
    qtbot.keyClicks(first.notes.composer.editor, "Typed as the list moved on")
    qtbot.waitUntil(lambda: section.detail is not first)
    draft = drafts.load_draft(unlocked.vault, key)
    assert draft is not None and draft.body == "Typed as the list moved on"
    section.table.setCurrentIndex(section.model.index(0, 0))
    qtbot.waitUntil(lambda: section.detail is not None and section.detail.client_id == first_id)
    assert section.detail.notes.composer.editor.toPlainText() == "Typed as the list moved on"


def test_the_note_box_reads_its_draft_and_todays_suggestions_off_the_gui_thread(
    qtbot, unlocked, monkeypatch
) -> None:
    """The note box's own reads (the draft of the note being written; needs, referrals and
    appointments for today's suggested services: about 10 ms) came on the GUI thread, in the
    record's building and on the turn after it showed. They come with the record's reads."""
    from advocate_app.store import drafts, needs, voca_fields
    from advocate_app.ui.clients.composer import new_note_draft_key

    vault = unlocked.vault
    ivy = clients.create_client(vault, ClientFields(alias="Ivy"))
    oak = clients.create_client(vault, ClientFields(alias="Oak"))
    for cid in (ivy, oak):
        needs.set_status(vault, needs.add_need(vault, cid, "transportation", "Bus"), "in_progress")
    drafts.save_draft(vault, new_note_draft_key(ivy), "Half a sentence", client_id=ivy)
    drafts_on_gui = calls_on_gui_thread(monkeypatch, drafts, "load_draft")
    suggested_on_gui = calls_on_gui_thread(monkeypatch, voca_fields, "note_suggestions")
    section = unlocked.shell.show_section("clients")
    section.restore_location({"client_id": ivy, "tab": "notes"})
    qtbot.waitUntil(lambda: section.detail is not None)
    composer = section.detail.notes.composer
    assert composer.editor.toPlainText() == "Half a sentence"  # the draft back
    wait_for_background_work(qtbot)
    section.open_client_soon(oak)
    qtbot.waitUntil(lambda: section.detail is not None and section.detail.client_id == oak)
    composer = section.detail.notes.composer
    assert composer.editor.toPlainText() == ""
    assert composer.services.ticked() == ("transportation",)  # today's work, pre-ticked
    wait_for_background_work(qtbot)
    assert drafts_on_gui and True not in drafts_on_gui
    assert suggested_on_gui and True not in suggested_on_gui


def test_a_record_on_its_way_makes_its_first_cards_while_hidden_a_slice_a_turn(
    qtbot, unlocked, monkeypatch
) -> None:
    """Made as the record showed, the first screenful of cards and the record's first paint
    kept a key waiting 25 ms (50,000 clients, unlocking back into it). They are made while it
    is hidden, as many per turn as fit in a few milliseconds, and it shows with them. Here
    each card "takes" 4 ms on a clock the panel reads: two cards a turn."""
    from advocate_app.store import notes
    from advocate_app.ui.clients import notes_panel

    vault = unlocked.vault
    cid = clients.create_client(vault, ClientFields(alias="Ines"))
    for i in range(12):
        notes.add_note(vault, cid, "contact", f"Note number {i}: called about the hearing.")
    section = unlocked.shell.show_section("clients")
    clock = [0.0]
    real_card = notes_panel.NoteCard
    made_while_hidden: list[bool] = []

    def slow_card(note, parent=None):  # type: ignore[no-untyped-def]
        clock[0] += 0.004
        made_while_hidden.append(section.detail is None)
        return real_card(note, parent)

    monkeypatch.setattr(notes_panel, "perf_counter", lambda: clock[0], raising=False)
    monkeypatch.setattr(notes_panel, "NoteCard", slow_card)
    turns: list[int] = []  # cards made so far, on every pass of the event loop while hidden
    sampler = QTimer()
    sampler.setInterval(0)
    sampler.timeout.connect(
        lambda: turns.append(len(made_while_hidden)) if section.detail is None else None
    )
    sampler.start()
    try:
        section.restore_location({"client_id": cid, "tab": "notes"})
        qtbot.waitUntil(lambda: section.detail is not None)
    finally:
        sampler.stop()
    first = made_while_hidden.count(True)
    assert first == notes_panel.UNMEASURED_FIRST_CARDS  # a tall screen's worth, hidden
    per_turn = [b - a for a, b in pairwise(turns) if b > a]
    assert per_turn and all(count <= 2 for count in per_turn), per_turn
    timeline = section.detail.notes.timeline
    qtbot.waitUntil(lambda: timeline.item(0).sizeHint().height() > 0)  # fitted once shown
    qtbot.waitUntil(lambda: len(made_while_hidden) == 12)  # the rest after, as before


def test_a_lock_while_a_record_is_on_its_way_builds_nothing_of_it(
    qtbot, unlocked, monkeypatch
) -> None:
    """The record's reads (its notes, its draft) come back on a worker, and it is built and
    shown on later turns. A lock in between locks the vault at once and takes the shell away
    on a later turn (a lock that keeps this process: closing the window, a restore). The
    record must not be built meanwhile, a survivor's words in it, in a shell that is going
    away, nor anything done on the locked vault. Here the vault is locked and the section
    kept, so that every turn of the record's way comes."""
    from advocate_app.store import drafts, notes
    from advocate_app.ui.clients import coming
    from advocate_app.ui.clients.composer import new_note_draft_key

    vault = unlocked.vault
    cid = clients.create_client(vault, ClientFields(alias="Juniper"))
    notes.add_note(vault, cid, "contact", "Canary words of a survivor.")
    drafts.save_draft(vault, new_note_draft_key(cid), "Half a canary sentence", client_id=cid)
    built_unlocked: list[bool] = []  # for each record built: was the vault unlocked?
    real_detail = coming.ClientDetail  # where the record on its way is built
    read = count_calls(monkeypatch, coming, "read_ahead")

    def counted_detail(*args, **kwargs):  # type: ignore[no-untyped-def]
        built_unlocked.append(vault.is_unlocked)
        return real_detail(*args, **kwargs)

    monkeypatch.setattr(coming, "ClientDetail", counted_detail)
    section = unlocked.shell.show_section("clients")
    section.restore_location({"client_id": cid, "tab": "notes"})
    # The reads came back (read once the list is painted; built on a later turn).
    qtbot.waitUntil(lambda: len(read) == 1 and tasks_running() == 0)
    vault.lock()
    # The record's way ends, nothing built after the lock, nothing shown (shown, it would
    # be where the person is); one built before it, hidden, is deleted.
    qtbot.waitUntil(lambda: section.location() == {})
    assert False not in built_unlocked
    assert section.detail is None
    qtbot.waitUntil(lambda: section.right.findChildren(ClientDetail) == [])


def test_where_an_unlock_left_off_the_record_is_read_once_the_list_is_painted(
    qtbot, unlocked, monkeypatch
) -> None:
    """A worker running Python beside the GUI thread makes it wait for Python's lock at each of
    its calls into Python: the client list's first paint (a call for each role of each cell)
    took 13-17 ms rather than 7-10 at 1,000 clients with the record's reads beside it."""
    from advocate_app.ui.clients import coming
    from advocate_app.ui.qt import QEvent, QObject

    cid = clients.create_client(unlocked.vault, ClientFields(alias="Juniper"))
    happened: list[str] = []
    real = coming.read_ahead

    def reading(*args: object) -> object:
        happened.append("read")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(coming, "read_ahead", reading)

    class Watch(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                happened.append("paint")
            return False

    section = unlocked.shell.show_section("clients")  # built now: its list never painted
    watch = Watch()
    section.table.viewport().installEventFilter(watch)
    section.restore_location({"client_id": cid, "tab": "notes"})
    qtbot.waitUntil(lambda: section.detail is not None)
    assert happened[0] == "paint" and happened.count("read") == 1
    assert section.detail.client_id == cid


def test_a_record_on_its_way_is_painted_on_a_turn_after_it_shows_and_then_the_office_count(
    qtbot, unlocked, monkeypatch
) -> None:
    """Shown and painted in one turn, a record kept a key waiting 17-24 ms at 1,000 clients; the
    count of every service's use over the office (for the order of the services list) ran
    beside the list's paint and the record's, and stretched both."""
    from advocate_app.store import voca_fields
    from tests.ui.helpers import count_calls

    cid = clients.create_client(unlocked.vault, ClientFields(alias="Juniper"))
    counted = count_calls(monkeypatch, voca_fields, "service_usage")
    section = unlocked.shell.show_section("clients")
    seen: list[tuple[bool, int]] = []

    def opened(_client_id: int) -> None:
        assert section.detail is not None
        seen.append((section.detail.updatesEnabled(), len(counted)))

    section.client_opened.connect(opened)
    section.restore_location({"client_id": cid, "tab": "notes"})
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(False, 0)]  # shown, its paint held for a turn, nothing counted yet
    qtbot.waitUntil(lambda: section.detail.updatesEnabled() and len(counted) == 1)
    wait_for_background_work(qtbot)
    assert len(counted) == 1


def test_a_record_on_its_way_is_first_painted_laid_out_as_it_stays(qtbot, unlocked) -> None:
    """On a narrow window the note box asks for more height once it has its width (its wrapped
    lines), and the record's layout moved over the next passes of the event loop: its first
    frame showed the box cut off, then the record jumped."""
    from advocate_app.store import notes
    from advocate_app.ui.qt import QCoreApplication, QEvent, QObject

    cid = clients.create_client(unlocked.vault, ClientFields(alias="Juniper"))
    for i in range(6):
        notes.add_note(unlocked.vault, cid, "contact", f"Called about the hearing, {i}.")
    unlocked.window.resize(853, 453)  # 1280×720 at 150%
    section = unlocked.shell.show_section("clients")
    first: list[tuple[int, int]] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not first:
                composer = section.detail.notes.composer  # type: ignore[union-attr]
                first.append((composer.y(), composer.height()))
            return False

    watch = Watch()

    def opened(_client_id: int) -> None:
        section.detail.notes.composer.installEventFilter(watch)  # type: ignore[union-attr]

    section.client_opened.connect(opened)
    section.restore_location({"client_id": cid, "tab": "notes"})
    qtbot.waitUntil(lambda: bool(first))
    wait_for_background_work(qtbot)
    for _ in range(10):  # every layout request still waiting, and what it asks for next
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()
    composer = section.detail.notes.composer
    assert first == [(composer.y(), composer.height())]


def test_the_office_count_of_services_waits_for_the_record_to_be_painted(
    qtbot, unlocked, monkeypatch
) -> None:
    """A worker running Python beside the record's first paint makes the GUI thread wait for
    Python's lock at each of its calls into Python: that paint's turn took 13-19 ms at 50,000
    clients with the count started just before it, 8-10 ms without."""
    from advocate_app.store import voca_fields
    from advocate_app.ui.qt import QEvent, QObject

    cid = clients.create_client(unlocked.vault, ClientFields(alias="Juniper"))
    painted: list[bool] = []
    record_painted_at_count: list[bool] = []
    real = voca_fields.service_usage

    def counting(*args: object, **kwargs: object) -> object:
        record_painted_at_count.append(bool(painted))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(voca_fields, "service_usage", counting)

    class Watch(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    watch = Watch()
    section = unlocked.shell.show_section("clients")
    section.client_opened.connect(lambda _cid: section.detail.installEventFilter(watch))
    section.restore_location({"client_id": cid, "tab": "notes"})
    qtbot.waitUntil(lambda: bool(record_painted_at_count))
    wait_for_background_work(qtbot)
    assert record_painted_at_count == [True]
