"""The one search box: Ctrl+K, type, Enter opens the top result; nothing after a lock."""

from __future__ import annotations

from advocate_app.store import clients, notes
from advocate_app.store.clients import ClientFields
from advocate_app.ui.qt import Qt


def _search(qtbot, controller, text: str):
    shell = controller.shell
    controller.window.activateWindow()
    qtbot.keyClick(controller.window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    if not shell.search.hasFocus():  # offscreen windows are not always "active"
        controller.focus_search()
    shell.search.clear()
    qtbot.keyClicks(shell.search, text)
    qtbot.waitUntil(lambda: shell.stack.currentWidget() is shell.search_page, timeout=3000)
    qtbot.waitUntil(lambda: shell.search_page.results.total() > 0
                    or "Nothing" in shell.search_page.heading.text(), timeout=3000)
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
    page._activated(page.list.item(page.list.count() - 1))  # the note, last group
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
    from tests.store.test_clients_notes import HOSTILE

    page = unlocked.shell.search_page
    for text in HOSTILE:
        page.run(text)


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
    from advocate_app.ui.qt import QThreadPool

    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(50)
    assert [h.title for h in page.results.groups["client"]] == ["Sparrow"]
    assert "sparrow" in page.heading.text().lower()
