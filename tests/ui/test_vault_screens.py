"""First run, unlock, lock and idle lock, as a person would do them."""

from __future__ import annotations

from pathlib import Path

from advocate_app.store.vault import Vault
from advocate_app.ui.qt import QDialog, Qt, QTimer
from advocate_app.ui.worker import tasks_running
from tests.helpers import PASSPHRASE
from tests.ui.helpers import click_accept, unlock

LEFT = Qt.MouseButton.LeftButton


def test_first_run_through_to_the_main_window(make_controller, tmp_path: Path, qtbot) -> None:
    controller = make_controller(tmp_path / "new-vault")
    window = controller.window
    assert window.windowTitle() == "Companion"
    assert window.stack.currentWidget() is controller.welcome
    qtbot.mouseClick(controller.welcome.setup_button, LEFT)
    setup = controller.setup
    assert window.stack.currentWidget() is setup

    qtbot.keyClicks(setup.office, "Riverbend Advocacy Office")
    qtbot.keyClicks(setup.user, "Maria")
    qtbot.keyClicks(setup.passphrase, "password")
    assert "Weak" in setup.meter.words.text() or "weak" in setup.meter.words.text()
    qtbot.mouseClick(setup.create_button, LEFT)
    assert setup.message.text()  # too weak: says why, creates nothing
    assert not Vault.exists(tmp_path / "new-vault")

    setup.passphrase.clear()
    qtbot.keyClicks(setup.passphrase, PASSPHRASE)
    qtbot.keyClicks(setup.repeat, PASSPHRASE + "x")
    qtbot.mouseClick(setup.create_button, LEFT)
    assert "not the same" in setup.message.text()
    setup.repeat.clear()
    qtbot.keyClicks(setup.repeat, PASSPHRASE)
    assert "strong" in setup.meter.words.text().lower()
    qtbot.mouseClick(setup.create_button, LEFT)

    recovery = controller.recovery
    qtbot.waitUntil(lambda: window.stack.currentWidget() is recovery, timeout=15000)
    groups = recovery.key_text().split("-")
    assert len(groups) == 9
    assert not recovery.continue_button.isEnabled()
    qtbot.keyClicks(recovery.group_fields[0], "ZZZZ" if groups[2] != "ZZZZ" else "YYYY")
    qtbot.keyClicks(recovery.group_fields[1], groups[6])
    assert not recovery.continue_button.isEnabled()
    assert "does not match" in recovery.message.text()
    recovery.group_fields[0].clear()
    qtbot.keyClicks(recovery.group_fields[0], groups[2].lower())
    assert recovery.continue_button.isEnabled()
    qtbot.mouseClick(recovery.continue_button, LEFT)
    assert controller.shell is not None
    assert window.stack.currentWidget() is controller.shell
    assert window.windowTitle() == "Companion"
    assert "Riverbend" in controller.shell.where.text()


def test_unlock_wrong_then_right(make_controller, vault_dir: Path, qtbot) -> None:
    controller = make_controller(vault_dir)
    page = controller.unlock_page
    assert controller.window.stack.currentWidget() is page
    assert page.user_box.currentText() == "Maria"
    qtbot.keyClicks(page.passphrase, "not the passphrase")
    qtbot.keyPress(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "not right" in page.message.text(), timeout=15000)
    assert page.passphrase.text() == ""
    assert controller.shell is None
    unlock(qtbot, controller)
    assert controller.vault.is_unlocked


def test_repeated_wrong_passphrases_make_the_person_wait(
    make_controller, vault_dir: Path, qtbot
) -> None:
    controller = make_controller(vault_dir)
    page = controller.unlock_page
    for attempt in range(3):
        qtbot.keyClicks(page.passphrase, f"wrong {attempt}")
        qtbot.keyPress(page.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: tasks_running() == 0 and page.message.text() != "", timeout=15000
        )  # the unlock attempt has come back
    qtbot.waitUntil(lambda: page.unlock_button.text().startswith("Wait"), timeout=5000)
    assert not page.unlock_button.isEnabled()


def test_recovery_key_unlock_asks_for_a_new_passphrase(
    make_controller, vault_dir: Path, qtbot, vault_template
) -> None:
    controller = make_controller(vault_dir)
    page = controller.unlock_page
    qtbot.mouseClick(page.toggle, LEFT)
    assert page.using_recovery_key
    qtbot.keyClicks(page.recovery_key, vault_template.recovery_key.replace("-", " "))
    qtbot.mouseClick(page.unlock_button, LEFT)
    new = controller.new_passphrase
    qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is new, timeout=15000)
    assert "recovery key" in new.reason.text()
    qtbot.keyClicks(new.passphrase, "lantern orchard velvet 7 canyon")
    qtbot.keyClicks(new.repeat, "lantern orchard velvet 7 canyon")
    qtbot.mouseClick(new.save, LEFT)
    qtbot.waitUntil(lambda: controller.shell is not None, timeout=15000)
    controller.lock()
    unlock(qtbot, controller, "lantern orchard velvet 7 canyon")


def test_ctrl_l_locks_and_hides_everything(unlocked, qtbot) -> None:
    controller = unlocked
    shell = controller.shell
    qtbot.keyClick(shell.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.shell is None
    assert controller.window.stack.currentWidget() is controller.unlock_page
    assert not controller.vault.is_unlocked
    assert shell.isHidden()
    assert controller.window.windowTitle() == "Companion"


def test_lock_closes_open_dialogs(unlocked, qtbot) -> None:
    controller = unlocked
    section = controller.shell.show_section("settings")
    seen: list[bool] = []

    def lock_while_dialog_open() -> None:
        dialogs = [w for w in controller.window.findChildren(QDialog) if w.isVisible()]
        seen.append(bool(dialogs))
        controller.lock("test")

    QTimer.singleShot(200, lock_while_dialog_open)
    section.users.add_user()  # opens a modal dialog; the lock must close it
    assert seen == [True]
    assert controller.window.stack.currentWidget() is controller.unlock_page


def test_idle_lock(unlocked, qtbot) -> None:
    controller = unlocked
    controller.idle.set_interval_ms(300)
    controller.idle.start()
    qtbot.waitUntil(lambda: controller.shell is None, timeout=5000)
    assert controller.window.stack.currentWidget() is controller.unlock_page
    assert not controller.vault.is_unlocked


def test_a_second_copy_on_the_same_vault_is_refused(
    make_controller, vault_dir: Path, qtbot
) -> None:
    first = make_controller(vault_dir)
    assert first.window.stack.currentWidget() is first.unlock_page
    second = make_controller(vault_dir)
    assert second.window.stack.currentWidget() is second.message
    assert "already open" in second.message.text.text()
    assert second.vault is None


def test_supervisor_adds_a_user_who_must_change_the_temporary_passphrase(
    unlocked, qtbot, monkeypatch
) -> None:
    controller = unlocked
    section = controller.shell.show_section("settings")

    def fill_and_accept(dialog) -> int:
        qtbot.keyClicks(dialog.name, "Jo")
        click_accept(dialog)
        return QDialog.DialogCode.Accepted

    from advocate_app.ui.settings import users_dialogs

    shown: list[str] = []

    def read_it_out(dialog) -> int:
        shown.append(dialog.secret.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(users_dialogs.AddUserDialog, "exec", fill_and_accept)
    monkeypatch.setattr(users_dialogs.ShownOnceDialog, "exec", read_it_out)
    section.users.add_user()
    qtbot.waitUntil(lambda: "was added" in section.users.users_status.text(), timeout=15000)
    assert any(
        "Jo" in section.users.user_list.item(i).text()
        for i in range(section.users.user_list.count())
    )
    # The app made the temporary passphrase: five words from its list, shown once.
    assert len(shown) == 1 and len(shown[0].split()) == 5

    controller.lock()
    page = controller.unlock_page
    page.user_box.setCurrentIndex(page.user_box.findText("Jo"))
    qtbot.keyClicks(page.passphrase, shown[0])
    qtbot.mouseClick(page.unlock_button, LEFT)
    new = controller.new_passphrase
    qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is new, timeout=15000)
    assert "temporary" in new.reason.text()


def test_a_missing_keys_file_shows_the_damaged_screen(
    make_controller, vault_dir: Path, qtbot
) -> None:
    (vault_dir / "vault.keys.json").rename(vault_dir / "elsewhere.json")
    before = {p.name: p.read_bytes() for p in vault_dir.iterdir()}
    controller = make_controller(vault_dir)
    page = controller.window.stack.currentWidget()
    assert page is controller.damaged
    from advocate_app.ui.qt import QLabel

    shown = " ".join(w.text() for w in page.findChildren(QLabel))
    assert "keys file" in shown and "Nothing was deleted" in shown
    after = {p.name: p.read_bytes() for p in vault_dir.iterdir() if p.name != "vault.lock"}
    assert after == before  # the damaged files are untouched


def test_a_damaged_database_at_unlock_shows_the_damaged_screen(
    make_controller, vault_dir: Path, qtbot
) -> None:
    db = vault_dir / "vault.db"
    db.write_bytes(db.read_bytes()[: 4096 * 3 + 100])  # truncated mid-page
    controller = make_controller(vault_dir)
    if controller.window.stack.currentWidget() is controller.unlock_page:
        qtbot.keyClicks(controller.unlock_page.passphrase, PASSPHRASE)
        qtbot.mouseClick(controller.unlock_page.unlock_button, LEFT)
    qtbot.waitUntil(
        lambda: controller.window.stack.currentWidget() is controller.damaged, timeout=15000
    )
    assert controller.vault is None  # released, so a restore can take the folder
