"""The Clients section, driven as an advocate would."""

from __future__ import annotations

from pathlib import Path

from advocate_app.store import clients, drafts
from advocate_app.store.clients import ClientFields
from advocate_app.ui.clients.list_model import PAGE, ClientListModel
from advocate_app.ui.qt import QDialog, QLabel, Qt
from advocate_app.ui.roles import NOTE_ID_ROLE
from tests.ui.helpers import calls_on_gui_thread, count_calls, unlock

LEFT = Qt.MouseButton.LeftButton


def test_client_note_search_edit_destroy(unlocked, qtbot, monkeypatch) -> None:
    controller = unlocked
    section = controller.shell.show_section("clients")
    assert "No clients yet" in section.empty_text.text()

    qtbot.mouseClick(section.new_button, LEFT)
    qtbot.keyClicks(section.new_form.alias, "Rosa K")
    qtbot.keyPress(section.new_form.alias, Qt.Key.Key_Return)
    assert section.detail is not None and section.detail.alias == "Rosa K"
    assert section.model.rowCount() == 1

    composer = section.detail.notes.composer
    qtbot.keyClicks(composer.editor, "Went with her to the DMV about license restoration.")
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert composer.editor.toPlainText() == ""
    assert section.detail.notes.timeline.count() == 1

    qtbot.keyClicks(section.notes_search, "restor")
    section.run_notes_search()
    assert section.list_stack.currentWidget() is section.results
    hit = section.results.item(0)
    label = section.results.itemWidget(hit)
    assert "<b>restoration</b>" in label.text() and "Rosa K" in label.text()
    section.results.scrollToItem(hit)
    qtbot.mouseClick(
        section.results.viewport(),
        Qt.MouseButton.LeftButton,
        pos=section.results.visualItemRect(hit).center(),
    )
    assert section.detail.current_tab() == "notes"

    notes_panel = section.detail.notes
    note_id = notes_panel.timeline.item(0).data(NOTE_ID_ROLE)
    notes_panel.edit_note(note_id)
    composer = notes_panel.composer
    composer.editor.selectAll()
    qtbot.keyClicks(composer.editor, "Went with her to the DMV about fees.")
    qtbot.mouseClick(composer.save_button, LEFT)
    card = notes_panel.timeline.itemWidget(notes_panel.timeline.item(0))
    assert "fees" in card.body_label.text()
    assert "edited" in card.findChildren(QLabel)[0].text()  # the line above the text

    def confirm_destroy(dialog) -> int:
        assert not dialog.ok.isEnabled()
        qtbot.keyClicks(dialog.typed, "rosa k")
        assert dialog.ok.isEnabled()
        return QDialog.DialogCode.Accepted

    from advocate_app.ui import widgets
    from advocate_app.ui.clients import dialogs as client_dialogs

    monkeypatch.setattr(client_dialogs.DestroyDialog, "exec", confirm_destroy)
    monkeypatch.setattr(widgets, "inform", lambda *a, **k: None)
    monkeypatch.setattr("advocate_app.ui.clients.detail.inform", lambda *a, **k: None)
    section.detail.destroy_record()
    assert section.detail is None
    assert section.model.rowCount() == 0
    section.notes_search.clear()
    qtbot.keyClicks(section.notes_search, "fees")
    section.run_notes_search()
    assert "No notes match" in section.results.item(0).text()


def test_filter_as_you_type_and_lazy_model(unlocked, qtbot, qtmodeltester) -> None:
    vault = unlocked.vault
    for i in range(450):
        clients.create_client(vault, ClientFields(alias=f"C{i:03d}"))
    section = unlocked.shell.show_section("clients")
    section.apply_filters()
    model = section.model
    assert model.rowCount() == PAGE  # one page, not every row
    assert model.canFetchMore()
    # A full first page: the clients are counted off the GUI thread, and the count follows.
    qtbot.waitUntil(lambda: model.total() == 450, timeout=5000)
    assert section.count_label.text() == "450 clients"
    model.fetchMore()  # later pages are larger (fewer round trips while scrolling)
    assert model.rowCount() == 450 and not model.canFetchMore()
    qtbot.keyClicks(section.filter, "C44")
    qtbot.waitUntil(lambda: model.total() == 10, timeout=3000)
    fresh = ClientListModel(lambda: vault)
    from advocate_app.store.clients import ClientQuery

    fresh.set_query(ClientQuery(status="all"))
    qtmodeltester.check(fresh, force_py=True)


def test_idle_lock_keeps_the_draft(unlocked, qtbot) -> None:
    controller = unlocked
    vault = controller.vault
    cid = clients.create_client(vault, ClientFields(alias="Lupe"))
    section = controller.shell.show_section("clients")
    section.apply_filters()
    section.open_client(cid)
    qtbot.keyClicks(section.detail.notes.composer.editor, "Half-typed note about bus passes")
    controller.idle.set_interval_ms(300)
    controller.idle.start()
    qtbot.waitUntil(lambda: controller.shell is None, timeout=5000)
    unlock(qtbot, controller)
    section = controller.shell.sections["clients"]
    assert controller.shell.current_key() == "clients"
    qtbot.waitUntil(lambda: section.detail is not None)  # read on a worker (open_client_soon)
    assert section.detail.client_id == cid
    assert section.detail.notes.composer.editor.toPlainText() == "Half-typed note about bus passes"
    assert "restored" in section.detail.notes.composer.status.text()
    section.detail.notes.composer.save()
    assert drafts.load_draft(vault, f"note:new:client={cid}") is None


def test_alias_must_be_unique_says_so(unlocked, qtbot) -> None:
    clients.create_client(unlocked.vault, ClientFields(alias="Star"))
    section = unlocked.shell.show_section("clients")
    qtbot.mouseClick(section.new_button, LEFT)
    qtbot.keyClicks(section.new_form.alias, "star")
    qtbot.keyPress(section.new_form.alias, Qt.Key.Key_Return)
    assert "already has this alias" in section.new_message.text()


def test_after_lock_nothing_of_the_vault_is_visible(unlocked, qtbot, vault_dir: Path) -> None:
    clients.create_client(unlocked.vault, ClientFields(alias="Hidden Alias"))
    section = unlocked.shell.show_section("clients")
    section.apply_filters()
    unlocked.lock()
    texts = [
        w.text() for w in unlocked.window.findChildren(type(section.count_label)) if w.isVisible()
    ]
    assert not any("Hidden Alias" in t for t in texts)


def test_today_is_home_and_opens_the_client_at_the_need(unlocked, qtbot) -> None:
    from datetime import date, timedelta

    from advocate_app.store import needs

    controller = unlocked
    vault = controller.vault
    assert controller.shell.current_key() == "today"
    cid = clients.create_client(vault, ClientFields(alias="Wren"))
    need_id = needs.add_need(
        vault, cid, "license_id", "Birth certificate", due_date=date.today() - timedelta(days=2)
    )
    declined = needs.add_need(
        vault, cid, "housing", "Emergency shelter", due_date=date.today() - timedelta(days=5)
    )
    needs.mark_declined(vault, declined)
    today = controller.shell.show_section("today")
    with qtbot.waitSignal(today.shown, timeout=10000):
        today.on_show()
    assert [today.overdue.row_texts(r)[0] for r in range(today.overdue.row_count())] == [
        "Wren"
    ]  # declined is never overdue
    opened: list[tuple[int, dict]] = []
    today.open_client.connect(lambda c, place: opened.append((c, place)))
    from advocate_app.store import today as today_store

    view = today_store.compute(vault, vault.current_user.id, date.today(), 30)
    assert [row.need_id for row in view.overdue] == [need_id]  # declined is never overdue
    today.open_client.emit(cid, dict(view.overdue[0].open_at))
    section = controller.shell.sections["clients"]
    assert controller.shell.current_key() == "clients"
    qtbot.waitUntil(lambda: section.detail is not None)  # read on a worker (open_client_soon)
    assert section.detail.client_id == cid
    assert section.detail.current_tab() == "needs"


def test_search_within_one_client(unlocked, qtbot) -> None:
    vault = unlocked.vault
    cid = clients.create_client(vault, ClientFields(alias="Heron"))
    other = clients.create_client(vault, ClientFields(alias="Egret"))
    from advocate_app.store import notes

    notes.add_note(vault, cid, "contact", "Discussed the bus schedule.")
    notes.add_note(vault, cid, "contact", "Childcare form started.")
    notes.add_note(vault, other, "contact", "Bus pass given.")
    section = unlocked.shell.show_section("clients")
    section.apply_filters()
    panel = section.open_client(cid).notes
    qtbot.keyClicks(panel.search, "bus")
    qtbot.waitUntil(
        lambda: (
            panel.timeline.count() == 1
            and "<b>bus</b>" in panel.timeline.itemWidget(panel.timeline.item(0)).text()
        ),
        timeout=5000,
    )
    panel.search.clear()
    qtbot.waitUntil(lambda: panel.timeline.count() == 2, timeout=5000)


def test_keyboard_ctrl_n_ctrl_f_escape(unlocked, qtbot) -> None:
    from advocate_app.ui.qt import QGuiApplication

    cid = clients.create_client(unlocked.vault, ClientFields(alias="Kestrel"))
    section = unlocked.shell.show_section("clients")
    section.apply_filters()
    section.open_client(cid)
    unlocked.window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None, timeout=3000)
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: section.detail.notes.composer.editor.hasFocus(), timeout=3000)
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: section.notes_search.hasFocus(), timeout=3000)
    qtbot.keyClicks(section.notes_search, "bus")
    qtbot.keyClick(section.notes_search, Qt.Key.Key_Escape)
    assert section.notes_search.text() == ""


def test_the_services_order_is_read_once_for_every_record_and_follows_use(
    unlocked, qtbot, monkeypatch
) -> None:
    """The services list puts the most used first: that use is counted over the whole office
    (14 ms of each record's opening at 50,000 clients), so the section counts it once, on a
    worker, and every record uses it: the order stays put while the person works."""
    from advocate_app.store import notes, voca_fields
    from advocate_app.ui.worker import tasks_running

    vault = unlocked.vault
    rosa = clients.create_client(vault, ClientFields(alias="Rosa K"))
    ines = clients.create_client(vault, ClientFields(alias="Ines M"))
    from advocate_app.store.pmt_form import current_form

    form = current_form()
    least_first = list(reversed(form.composer_services_of(form.service_groups[0].code)))
    favourite = least_first[0].code  # last in the form's own order: first only by use
    for _ in range(3):
        notes.add_note(vault, rosa, "contact", "Safety planning call.", services=[favourite])
    counted = count_calls(monkeypatch, voca_fields, "service_usage")
    section = unlocked.shell.show_section("clients")
    qtbot.waitUntil(lambda: len(counted) == 1 and tasks_running() == 0)  # once it is shown
    for client_id in (rosa, ines, rosa):
        detail = section.open_client(client_id)
        assert detail is not None
        tree = detail.notes.composer.services.tree
        assert tree.topLevelItem(0).child(0).data(0, Qt.ItemDataRole.UserRole) == favourite
    assert len(counted) == 1


def test_todays_suggested_services_are_read_after_the_record_opens(
    unlocked, qtbot, monkeypatch
) -> None:
    """What today's work suggests (needs, referrals, accompanied appointments: three reads) is
    pre-ticked on a turn after the record's opening, not in it."""
    from advocate_app.store import needs, voca_fields

    vault = unlocked.vault
    ivy = clients.create_client(vault, ClientFields(alias="Ivy"))
    needs.set_status(vault, needs.add_need(vault, ivy, "transportation", "Bus pass"), "in_progress")
    read = count_calls(monkeypatch, voca_fields, "note_suggestions")
    section = unlocked.shell.show_section("clients")
    detail = section.open_client(ivy)
    assert detail is not None and read == []  # not while opening
    composer = detail.notes.composer
    qtbot.waitUntil(lambda: composer.services.ticked() == ("transportation",))
    assert read == [1]


def test_a_record_opened_before_the_services_use_is_counted_does_not_wait_for_it(
    unlocked, qtbot, monkeypatch
) -> None:
    """Where an unlock left off in a record, the record opens as the Clients section is first
    shown, before its worker has counted the services' use (80 ms at 50,000 clients): the
    record no longer waits for the count; the services list, made when opened, reads it."""
    from advocate_app.store import voca_fields
    from advocate_app.ui.worker import tasks_running

    rosa = clients.create_client(unlocked.vault, ClientFields(alias="Rosa K"))
    on_gui = calls_on_gui_thread(monkeypatch, voca_fields, "service_usage")
    section = unlocked.shell.show_section("clients")
    detail = section.open_client(rosa)  # at once, as restoring a place does
    assert detail is not None
    assert True not in on_gui  # nothing counted on the GUI thread to open the record
    qtbot.waitUntil(lambda: tasks_running() == 0)
    assert detail.notes.composer.services.tree.topLevelItemCount() > 0
    assert on_gui == [False]  # counted once, by the section's worker
