"""The one search box: Ctrl+K, type, Enter opens the top result; nothing after a lock."""

from __future__ import annotations

from advocate_app.store import clients, notes
from advocate_app.store.clients import ClientFields
from advocate_app.ui.qt import Qt
from tests.ui.helpers import wait_for_background_work


def _search(qtbot, controller, text: str):
    shell = controller.shell
    controller.window.activateWindow()
    qtbot.keyClick(controller.window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    if not shell.search.hasFocus():  # offscreen windows are not always "active"
        controller.focus_search()
    shell.search.clear()
    qtbot.keyClicks(shell.search, text)
    qtbot.waitUntil(lambda: shell.stack.currentWidget() is shell.search_page, timeout=3000)
    qtbot.waitUntil(
        lambda: (
            shell.search_page.results.total() > 0 or "Nothing" in shell.search_page.heading.text()
        ),
        timeout=3000,
    )
    return shell.search_page


def test_enter_opens_the_top_article(unlocked, qtbot) -> None:
    page = _search(qtbot, unlocked, "233733")
    first = page.results.first()
    assert first is not None and first.kind == "article" and first.target["key"] == "hotlines"
    qtbot.keyPress(unlocked.shell.search, Qt.Key.Key_Return)
    reference = unlocked.shell.sections["reference"]
    assert unlocked.shell.current_key() == "reference"
    assert unlocked.shell.stack.currentWidget() is reference
    assert reference.current_slug() == "hotlines"
    assert unlocked.shell.search.text() == ""


def test_typo_in_a_title_is_forgiven(unlocked, qtbot) -> None:
    page = _search(qtbot, unlocked, "licence")
    keys = [h.target.get("key") for h in page.results.groups["article"]]
    assert "needs-license-id" in keys[:3]


def test_clients_and_notes_are_found_and_grouped(unlocked, qtbot) -> None:
    vault = unlocked.vault
    cid = clients.create_client(vault, ClientFields(alias="Marigold"))
    notes.add_note(vault, cid, "court", "Marigold's hearing moved; transportation arranged.")
    page = _search(qtbot, unlocked, "marig")
    assert [h.title for h in page.results.groups["client"]] == ["Marigold"]
    assert page.results.groups["note"] and "<b>" in page.results.groups["note"][0].snippet_html
    note_item = page.list.item(page.list.count() - 1)  # the note, last group
    page.list.scrollToItem(note_item)
    qtbot.mouseClick(
        page.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.list.visualItemRect(note_item).center(),
    )
    section = unlocked.shell.sections["clients"]
    assert unlocked.shell.current_key() == "clients"
    assert section.detail is not None and section.detail.client_id == cid


def test_escape_returns_to_the_section(unlocked, qtbot) -> None:
    shell = unlocked.shell
    shell.show_section("settings")
    _search(qtbot, unlocked, "visa")
    qtbot.keyPress(shell.search, Qt.Key.Key_Escape)
    assert shell.search.text() == ""
    assert shell.stack.currentWidget() is shell.sections["settings"]


def test_hostile_text_in_the_box_never_raises(unlocked, qtbot) -> None:
    from tests.helpers import HOSTILE_QUERIES

    page = unlocked.shell.search_page
    for text in HOSTILE_QUERIES:
        page.run(text)
        # What the person sees: their words echoed back with results or "Nothing found",
        # never "Search failed" (which would send them to Check vault for nothing).
        shown = text.strip()[:80]
        assert page.heading.text() in (f"Results for “{shown}”", f"Nothing found for “{shown}”")
        assert not page.failed
    page.run("visa")  # and the box still searches afterwards
    assert page.results.total() > 0


def test_after_lock_the_search_shows_nothing_from_the_vault(unlocked, qtbot) -> None:
    vault = unlocked.vault
    clients.create_client(vault, ClientFields(alias="Zinnia"))
    _search(qtbot, unlocked, "zinnia")
    old_shell = unlocked.shell
    unlocked.lock()
    assert unlocked.shell is None
    assert not old_shell.isVisible()
    from advocate_app.store.search_all import search_everything

    assert search_everything(vault, None, "zinnia").total() == 0  # locked: nothing to read


def test_typing_searches_off_the_gui_thread_and_the_newest_wins(unlocked, qtbot) -> None:
    vault = unlocked.vault
    cid = clients.create_client(vault, ClientFields(alias="Sparrow"))
    notes.add_note(vault, cid, "contact", "Sparrow asked about the childcare subsidy.")
    shell = unlocked.shell
    page = shell.search_page
    page.run_async("visa")
    page.run_async("sparrow")  # overtakes the first: only its results may be shown
    qtbot.waitUntil(lambda: page.results.total() > 0, timeout=5000)
    wait_for_background_work(qtbot)  # the overtaken search has come back too, and was dropped
    assert [h.title for h in page.results.groups["client"]] == ["Sparrow"]
    assert "sparrow" in page.heading.text().lower()


def test_one_list_best_first_with_kind_labels_and_the_first_selected(unlocked, qtbot) -> None:
    vault = unlocked.vault
    cid = clients.create_client(vault, ClientFields(alias="Kestrel"))
    notes.add_note(vault, cid, "contact", "Kestrel asked about the T visa interview.")
    page = _search(qtbot, unlocked, "T visa")
    first = page.results.first()
    assert first is not None and first.target.get("key") == "t-visa"
    assert "note" in {h.kind for h in page.results.hits}
    assert page.list.currentRow() == 0
    labels = [
        page.list.item(i).data(Qt.ItemDataRole.AccessibleTextRole) for i in range(page.list.count())
    ]
    assert labels[0] == "Article: The T visa"
    assert any(text.startswith("Note: Kestrel") for text in labels)
    qtbot.keyPress(unlocked.shell.search, Qt.Key.Key_Return)
    assert unlocked.shell.sections["reference"].current_slug() == "t-visa"


def test_a_typo_is_corrected_and_the_original_can_be_searched(unlocked, qtbot) -> None:
    page = _search(qtbot, unlocked, "safty plan")
    assert page.correction.isVisible()
    assert "Showing results for" in page.correction.text()
    assert "safety plan" in page.correction.text() and "safty plan" in page.correction.text()
    assert page.results.first().target.get("key") == "safety-planning"
    page.correction.linkActivated.emit("as-typed")  # "search instead for safty plan"
    assert not page.correction.isVisible()
    assert not page.results.corrected and "safty plan" in page.heading.text()


def test_a_failing_search_says_so(unlocked, qtbot, monkeypatch) -> None:
    from advocate_app.searchtext.marks import SearchFailed
    from advocate_app.store import search_all

    def broken(*_args, **_kwargs):
        raise SearchFailed

    monkeypatch.setattr(search_all.notes, "find_notes", broken)
    page = unlocked.shell.search_page
    page.run("visa")
    assert page.failed and page.heading.text() == "Search failed"
    page.run_async("court")
    qtbot.waitUntil(lambda: page.heading.text() == "Search failed" and page.failed, timeout=5000)
