"""Keyboard-only use and where the cursor lands: after unlocking, after saving a note, after a
recovery-key typo; Enter on the forms; Ctrl+digits, F1 and Ctrl+/."""

from __future__ import annotations

from advocate_app.ui.qt import QApplication, Qt
from advocate_app.ui.vault.pages import UnlockPage
from advocate_app.ui.vault.recovery_key import RecoveryKeyPage

CTRL = Qt.KeyboardModifier.ControlModifier
KEY = "AAAA-BBBB-0C1D-EEEE-FFFF-GGGG-H0J1-KKKK-MMMM"


def focused():
    return QApplication.focusWidget()


def _shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def test_recovery_check_numbers_groups_and_reads_o_as_zero(qtbot) -> None:
    page = _shown(qtbot, RecoveryKeyPage())
    page.show_key(KEY)
    lines = page.key_label.text().split("\n")
    # Group 7 ("H0J1") sits under the number 7.
    numbers, groups = lines[2], lines[3]
    assert groups.index("H0J1") == numbers.index("7") - 1
    first, second = page.group_fields
    first.setFocus()
    qtbot.keyClicks(first, "OCID")  # as handwritten: O for zero, I for one
    second.setFocus()
    qtbot.keyClicks(second, "hOjl")
    assert page.continue_button.isEnabled()
    with qtbot.waitSignal(page.confirmed):
        qtbot.keyClick(second, Qt.Key.Key_Return)  # Enter submits the check


def test_a_recovery_typo_keeps_the_cursor_on_the_wrong_group(qtbot) -> None:
    page = _shown(qtbot, RecoveryKeyPage())
    page.show_key(KEY)
    first, second = page.group_fields
    first.setFocus()
    qtbot.keyClicks(first, "0C2D")  # a typo in group 3
    second.setFocus()
    qtbot.keyClicks(second, "H0J1")
    assert not page.continue_button.isEnabled()
    assert "Group 3" in page.message.text()
    assert page.message.property("role") == "error"  # readable error text, not a grey hint
    qtbot.waitUntil(lambda: focused() is first)
    assert first.isVisible()


def test_a_wrong_recovery_key_at_unlock_keeps_the_cursor_in_that_field(qtbot) -> None:
    page = _shown(qtbot, UnlockPage())
    page.toggle.click()
    assert page.using_recovery_key
    qtbot.keyClicks(page.recovery_key, "ABCD")
    page.show_error("That recovery key has a typo.")
    qtbot.waitUntil(lambda: focused() is page.recovery_key)
    assert page.recovery_key.isVisible()
    assert page.recovery_key.text() == "ABCD"  # kept, to correct


def test_main_tasks_by_keyboard_only(unlocked, qtbot) -> None:
    shell = unlocked.shell
    # After unlocking the cursor is in the section, never in "Search everything".
    qtbot.waitUntil(lambda: focused() is not None)
    assert focused() is not shell.search
    assert shell.stack.currentWidget().isAncestorOf(focused())

    # Ctrl+2 goes to Clients, with the cursor in it.
    qtbot.keyClick(focused(), Qt.Key.Key_2, CTRL)
    assert shell.current_key() == "clients"
    clients = shell.sections["clients"]
    assert clients.isAncestorOf(focused())

    # New client: Tab to the button, Space, type the alias, Enter creates it.
    qtbot.waitUntil(lambda: focused() is clients.new_button or True)
    clients.new_button.setFocus()
    qtbot.keyClick(clients.new_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: focused() is clients.new_form.alias)
    qtbot.keyClicks(focused(), "Keys Only")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(clients.new_form.alias, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: clients.detail is not None)

    # Ctrl+N: write a note; Ctrl+Enter saves and the cursor stays in the composer.
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    composer = clients.detail.notes.composer
    qtbot.waitUntil(lambda: focused() is composer.editor)
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return, CTRL)  # empty: a message, not nothing
    assert "Write something" in composer.status.text()
    composer.save_draft()  # the autosave does not erase the message
    assert "Write something" in composer.status.text()
    qtbot.keyClicks(composer.editor, "Called about the shelter bed.")
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return, CTRL)
    assert clients.detail.notes.timeline.count() == 1
    assert focused() is composer.editor
    assert composer.editor.toPlainText() == ""

    # F1 opens Help; Ctrl+/ lists the shortcuts; Ctrl+1 goes back to the first section.
    qtbot.keyClick(focused(), Qt.Key.Key_F1)
    assert shell.current_key() == "help"
    help_section = shell.sections["help"]
    assert "First day" in help_section.pane.toPlainText()
    qtbot.keyClick(focused(), Qt.Key.Key_Slash, CTRL)
    qtbot.waitUntil(
        lambda: (
            getattr(shell, "shortcuts_dialog", None) is not None
            and shell.shortcuts_dialog.isVisible()
        )
    )
    assert "Ctrl+K" in shell.shortcuts_dialog.pane.toPlainText()
    shell.shortcuts_dialog.reject()
    qtbot.keyClick(shell.nav, Qt.Key.Key_1, CTRL)
    assert shell.nav.currentRow() == 0
    assert focused() is not shell.search


def test_help_has_guides_version_licences_and_the_data_folder(unlocked) -> None:
    import advocate_app

    help_section = unlocked.shell.show_section("help")
    titles = [help_section.topics.item(r).text() for r in range(help_section.topics.count())]
    for words in (
        "First day",
        "Writing a note",
        "Needs",
        "court date",
        "USB",
        "summary",
        "demo",
        "Keyboard shortcuts",
        "About",
    ):
        assert any(words.lower() in t.lower() for t in titles), words
    help_section.open_topic("about")
    text = help_section.pane.toPlainText()
    assert advocate_app.__version__ in text
    assert "LGPL" in text and "SQLCipher" in text and "reportlab" in text
    assert str(unlocked.data_dir) in text


def test_dates_have_four_digit_years_and_demo_times_one_format(qapp) -> None:
    from datetime import date, datetime

    from advocate_app.ui.format import fmt_clock, fmt_date, fmt_datetime, four_digit_years
    from advocate_app.ui.qt import QLocale, QTime

    assert four_digit_years("M/d/yy") == "M/d/yyyy"
    assert four_digit_years("dd.MM.yyyy") == "dd.MM.yyyy"
    assert "2026" in fmt_date(date(2026, 3, 2))
    assert "2026" in fmt_datetime(datetime(2026, 3, 2, 15, 0))
    same = QLocale().toString(QTime(14, 0), QLocale.FormatType.ShortFormat)
    assert fmt_clock("14:00") == same
