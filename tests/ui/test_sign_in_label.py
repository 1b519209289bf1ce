"""The office's name on the unlock screen (DESIGN.md, decisions 2026-11-30): shown by default,
hidden or changed by a supervisor in Settings, offered at first run, plain text whatever the keys
file holds, and never in the window title."""

from __future__ import annotations

import json
from pathlib import Path

from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import KEYS_FILE_NAME
from advocate_app.ui.qt import QAccessible, Qt
from tests.helpers import OFFICE, PASSPHRASE
from tests.ui.helpers import unlock

LEFT = Qt.MouseButton.LeftButton
WARNING = "Anyone who opens this computer can read it."


def _shown(controller) -> str:
    page = controller.unlock_page
    return page.sign_in_label.text() if page.sign_in_label.isVisibleTo(page) else ""


def _edit_keys_file(folder: Path, **changes: object) -> None:
    path = folder / KEYS_FILE_NAME
    doc = json.loads(path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            doc.pop(key, None)
        else:
            doc[key] = value
    path.write_text(json.dumps(doc), encoding="utf-8")


def test_the_unlock_screen_shows_the_office_name(make_controller, vault_dir, qtbot) -> None:
    controller = make_controller(vault_dir)
    qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is controller.unlock_page)
    assert _shown(controller) == OFFICE
    assert controller.window.windowTitle() == "Companion"
    spoken = QAccessible.queryAccessibleInterface(controller.unlock_page.sign_in_label)
    assert spoken.text(QAccessible.Text.Name) == OFFICE  # a screen reader says the words


def test_a_supervisor_edits_then_hides_it_in_settings(unlocked, qtbot) -> None:
    box = unlocked.shell.show_section("settings").sign_in_box
    assert box.isVisible()
    assert WARNING in box.choice.warning.text()
    assert box.choice.show_box.isChecked() and box.choice.text.text() == OFFICE
    box.choice.text.clear()
    qtbot.keyClicks(box.choice.text, "Front desk laptop")
    qtbot.mouseClick(box.save_button, LEFT)
    assert "Front desk laptop" in box.status.text()
    unlocked.lock("test")
    qtbot.waitUntil(lambda: unlocked.window.stack.currentWidget() is unlocked.unlock_page)
    assert _shown(unlocked) == "Front desk laptop"

    unlock(qtbot, unlocked)
    box = unlocked.shell.show_section("settings").sign_in_box
    box.choice.show_box.setChecked(False)
    assert not box.choice.text.isEnabled()
    qtbot.mouseClick(box.save_button, LEFT)
    assert "no office name" in box.status.text()
    assert KeysFile.load(unlocked.vault.folder).sign_in_label == ""
    unlocked.lock("test")
    qtbot.waitUntil(lambda: unlocked.window.stack.currentWidget() is unlocked.unlock_page)
    assert _shown(unlocked) == ""


def test_an_advocate_does_not_see_the_choice(unlocked, qtbot) -> None:
    from advocate_app.store.vault import CurrentUser

    me = unlocked.vault.current_user
    unlocked.vault.user = CurrentUser(me.id, me.name, "advocate", False)
    from advocate_app.ui.settings.section import SettingsSection

    section = SettingsSection(unlocked.vault, unlocked.settings, lambda _m: None)
    qtbot.addWidget(section)
    section.show()
    assert not section.sign_in_box.isVisible()


def test_an_old_vault_shows_nothing_until_a_supervisor_sets_it(
    make_controller, vault_dir, qtbot
) -> None:
    _edit_keys_file(vault_dir, sign_in_label=None)
    controller = make_controller(vault_dir)
    qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is controller.unlock_page)
    assert _shown(controller) == ""
    unlock(qtbot, controller)
    box = controller.shell.show_section("settings").sign_in_box
    assert not box.choice.show_box.isChecked()
    assert box.choice.text.text() == OFFICE  # offered, not shown until saved
    box.choice.show_box.setChecked(True)
    qtbot.mouseClick(box.save_button, LEFT)
    controller.lock("test")
    qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is controller.unlock_page)
    assert _shown(controller) == OFFICE


def test_hostile_label_text_is_shown_as_plain_text_and_unlock_works(
    make_controller, vault_dir, qtbot
) -> None:
    hostile = "<b>Office</b><img src='x'>\u202e<a href='https://example.org'>call</a>\n" + "Z" * 500
    _edit_keys_file(vault_dir, sign_in_label=hostile)
    controller = make_controller(vault_dir)
    qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is controller.unlock_page)
    page = controller.unlock_page
    shown = _shown(controller)
    assert shown.startswith("<b>Office</b><img src='x'>")  # the characters, never markup
    assert "\u202e" not in shown and "\n" not in shown and len(shown) <= 120
    assert page.sign_in_label.textFormat() == Qt.TextFormat.PlainText
    assert page.sign_in_label.openExternalLinks() is False
    assert controller.window.windowTitle() == "Companion"
    unlock(qtbot, controller, PASSPHRASE)
    assert controller.vault.is_unlocked


def test_a_label_that_is_not_text_shows_nothing(make_controller, vault_dir, qtbot) -> None:
    _edit_keys_file(vault_dir, sign_in_label={"text": "x"})
    controller = make_controller(vault_dir)
    qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is controller.unlock_page)
    assert _shown(controller) == ""
    unlock(qtbot, controller)


def test_first_run_offers_the_choice_and_keeps_it(make_controller, tmp_path, qtbot) -> None:
    controller = make_controller(tmp_path / "new-vault")
    qtbot.mouseClick(controller.welcome.setup_button, LEFT)
    setup = controller.setup
    assert WARNING in setup.sign_in.warning.text()
    qtbot.keyClicks(setup.office, "Riverbend")
    assert setup.sign_in.text.text() == "Riverbend"  # follows the office name…
    setup.sign_in.text.clear()
    qtbot.keyClicks(setup.sign_in.text, "Court laptop")
    qtbot.keyClicks(setup.office, " Office")
    assert setup.sign_in.text.text() == "Court laptop"  # …until the person changes it
    qtbot.keyClicks(setup.user, "Maria")
    qtbot.keyClicks(setup.passphrase, PASSPHRASE)
    qtbot.keyClicks(setup.repeat, PASSPHRASE)
    qtbot.mouseClick(setup.create_button, LEFT)
    qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is controller.recovery)
    assert KeysFile.load(tmp_path / "new-vault").sign_in_label == "Court laptop"


def test_first_run_can_leave_the_name_off(make_controller, tmp_path, qtbot) -> None:
    controller = make_controller(tmp_path / "new-vault")
    qtbot.mouseClick(controller.welcome.setup_button, LEFT)
    setup = controller.setup
    qtbot.keyClicks(setup.office, "Riverbend")
    setup.sign_in.show_box.setChecked(False)
    qtbot.keyClicks(setup.user, "Maria")
    qtbot.keyClicks(setup.passphrase, PASSPHRASE)
    qtbot.keyClicks(setup.repeat, PASSPHRASE)
    qtbot.mouseClick(setup.create_button, LEFT)
    qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is controller.recovery)
    keys = json.loads((tmp_path / "new-vault" / KEYS_FILE_NAME).read_text(encoding="utf-8"))
    assert "sign_in_label" not in keys and "Riverbend" not in json.dumps(keys)
