"""The shell and Today's page are built while the key is derived (ui/shell_ahead.py): the
unlocked window only needs naming and filling once the vault answers."""

from __future__ import annotations

from pathlib import Path

from advocate_app.settings import Settings
from advocate_app.ui.app import build_controller
from advocate_app.ui.language import apply_language
from advocate_app.ui.qt import QApplication, Qt
from advocate_app.ui.shell import Shell
from advocate_app.ui.today.section import TodaySection
from advocate_app.ui.worker import tasks_running
from tests.helpers import FIRST_USER, OFFICE
from tests.ui.helpers import unlock


def shells_in(controller) -> list[Shell]:  # type: ignore[no-untyped-def]
    stack = controller.window.stack
    return [w for w in (stack.widget(i) for i in range(stack.count())) if isinstance(w, Shell)]


def open_controller(qtbot, vault_dir: Path):  # type: ignore[no-untyped-def]
    controller = build_controller(
        vault_dir, Settings(automatic_backups=False, language="en"), kdf_target_seconds=0
    )
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.start()
    return controller


def try_passphrase(qtbot, controller, text: str) -> None:  # type: ignore[no-untyped-def]
    page = controller.unlock_page
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, text)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tasks_running() == 0 and page.unlock_button.isEnabled())


def test_a_wrong_passphrase_keeps_the_shell_built_meanwhile_for_the_next_try(
    qtbot, vault_dir: Path
) -> None:
    controller = open_controller(qtbot, vault_dir)
    try:
        assert shells_in(controller) == []
        try_passphrase(qtbot, controller, "not the passphrase at all")
        # Built while the key was derived, hidden behind the unlock page, and nothing of the
        # vault in it: no office, no person, no rows.
        qtbot.waitUntil(lambda: len(shells_in(controller)) == 1)
        (ahead,) = shells_in(controller)
        qtbot.waitUntil(lambda: "today" in ahead.sections.built())
        assert controller.window.stack.currentWidget() is controller.unlock_page
        assert ahead.where.text() == "" and FIRST_USER not in ahead.who.text()
        today = ahead.sections.built()["today"]
        assert isinstance(today, TodaySection) and today.view is None
        assert all(group.row_count() == 0 for group in today.groups())

        unlock(qtbot, controller)
        assert controller.shell is ahead and shells_in(controller) == [ahead]
        assert ahead.where.text() == OFFICE and ahead.who.text().startswith(FIRST_USER)
        qtbot.waitUntil(lambda: today.view is not None)  # filled once unlocked
    finally:
        controller.shutdown()


def test_a_shell_built_in_another_language_is_not_used(qtbot, vault_dir: Path) -> None:
    controller = open_controller(qtbot, vault_dir)
    try:
        try_passphrase(qtbot, controller, "not the passphrase at all")
        qtbot.waitUntil(lambda: len(shells_in(controller)) == 1)
        (english,) = shells_in(controller)
        controller.switch_language("es")
        unlock(qtbot, controller)
        assert controller.shell is not english and shells_in(controller) == [controller.shell]
        assert controller.shell.sections["today"].title == "Hoy"
    finally:
        controller.shutdown()
        apply_language("en")


def test_an_advocate_never_sees_the_reports_of_a_shell_built_before_the_vault_said_who(
    qtbot, vault_dir: Path
) -> None:
    from advocate_app.store import users
    from advocate_app.store.vault import Vault
    from advocate_app.ui.roles import KEY_ROLE
    from tests.helpers import PASSPHRASE

    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        ana = users.add_user(vault, "Ana", "advocate")
    controller = open_controller(qtbot, vault_dir)
    try:
        page = controller.unlock_page
        qtbot.waitUntil(lambda: page.user_box.count() == 2)
        page.user_box.setCurrentIndex(page.user_box.findData(ana.user.id))
        try_passphrase(qtbot, controller, ana.temporary_passphrase)
        assert controller.window.stack.currentWidget() is controller.new_passphrase
        (ahead,) = shells_in(controller)
        assert "reports" in ahead.sections  # built for anyone, before the vault answered
        controller.set_new_passphrase("lantern orchard bicycle 7419")
        qtbot.waitUntil(lambda: controller.shell is not None, timeout=15000)
        shell = controller.shell
        assert shell is ahead and "reports" not in shell.sections
        keys = [shell.nav.item(row).data(KEY_ROLE) for row in range(shell.nav.count())]
        assert "reports" not in keys and keys[0] == "today"
        assert shell.who.text().startswith("Ana")
    finally:
        controller.shutdown()


def test_a_window_closed_while_the_key_is_derived_stops_building_the_shell(
    qtbot, vault_dir: Path
) -> None:
    controller = open_controller(qtbot, vault_dir)
    page = controller.unlock_page
    qtbot.keyClicks(page.passphrase, "not the passphrase at all")
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shells_in(controller)) == 1)  # the first steps have run
    controller.shutdown()  # the window closes: the vault is closed and forgotten
    assert controller.vault is None
    # The steps left are dropped with the shell (they would build sections for no vault).
    qtbot.waitUntil(lambda: shells_in(controller) == [])


def test_once_the_warm_up_is_done_the_shell_is_built_while_the_passphrase_is_typed(
    qtbot, vault_dir: Path
) -> None:
    """run_gui asks for the shell once the warm-up is done (prepare_shell_ahead): built then,
    its steps do not share the processor with the key derivation after Enter."""
    controller = open_controller(qtbot, vault_dir)
    try:
        page = controller.unlock_page
        qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is page)
        qtbot.keyClicks(page.passphrase, "half a pass")
        controller.prepare_shell_ahead()
        qtbot.waitUntil(lambda: len(shells_in(controller)) == 1)
        (ahead,) = shells_in(controller)
        qtbot.waitUntil(lambda: "today" in ahead.sections.built())
        assert controller.window.stack.currentWidget() is page
        assert ahead.where.text() == "" and FIRST_USER not in ahead.who.text()
        controller.prepare_shell_ahead()  # asked again: still the one shell
        assert shells_in(controller) == [ahead]
        unlock(qtbot, controller)
        assert controller.shell is ahead and shells_in(controller) == [ahead]
        controller.prepare_shell_ahead()  # unlocked: nothing more to build
        assert shells_in(controller) == [ahead]
    finally:
        controller.shutdown()


def test_the_clients_section_is_built_ahead_without_rows_and_shown_with_them_once_unlocked(
    qtbot, vault_dir: Path
) -> None:
    """Built while the passphrase is typed, once everything else is: clicking Clients after
    the unlock then only reads and paints its first page."""
    from advocate_app.store import clients
    from advocate_app.store.clients import ClientFields
    from advocate_app.store.vault import Vault
    from advocate_app.ui.clients.section import ClientsSection
    from tests.helpers import PASSPHRASE

    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        clients.create_client(vault, ClientFields(alias="Rosa K"))
    controller = open_controller(qtbot, vault_dir)
    try:
        page = controller.unlock_page
        qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is page)
        controller.prepare_shell_ahead()
        qtbot.waitUntil(lambda: len(shells_in(controller)) == 1)
        (ahead,) = shells_in(controller)
        qtbot.waitUntil(lambda: "clients" in ahead.sections.built())
        section = ahead.sections.built()["clients"]
        assert isinstance(section, ClientsSection)
        assert ahead.stack.indexOf(section) >= 0 and not section.isVisible()
        assert section.model.rowCount() == 0  # nothing read from the locked vault
        assert controller.window.stack.currentWidget() is page

        unlock(qtbot, controller)
        assert controller.shell is ahead
        assert ahead.show_section("clients") is section
        assert section.isVisible() and section.model.rowCount() == 1  # Rosa K, read now
    finally:
        controller.shutdown()


def test_steps_done_only_if_there_is_time_are_dropped_when_the_vault_answers_first(
    qtbot, vault_dir: Path
) -> None:
    from advocate_app.ui.shell_ahead import IfTime, ShellAhead

    done: list[str] = []
    controller = open_controller(qtbot, vault_dir)
    try:

        def preparer(_shell: Shell) -> list:  # type: ignore[type-arg]
            return [IfTime(lambda: done.append("if time")), lambda: done.append("needed")]

        ahead = ShellAhead(controller.window, controller.vault, "en", preparer)
        shell = ahead.take()  # the vault answered before any turn of the event loop
        assert done == ["needed"]
        for _turn in range(10):
            QApplication.processEvents()
        assert done == ["needed"]  # and not later either: the shell is in use

        done.clear()
        second = ShellAhead(controller.window, controller.vault, "en", preparer)
        qtbot.waitUntil(lambda: done == ["needed", "if time"])  # after the rest, on its turn
        assert second.take() is second.shell
        assert done == ["needed", "if time"]
        for ahead_shell in (shell, second.shell):
            controller.window.stack.removeWidget(ahead_shell)
    finally:
        controller.shutdown()


def test_no_shell_is_built_ahead_away_from_the_unlock_window(qtbot, tmp_path: Path) -> None:
    """On the first-run page there is no vault to unlock: nothing is built."""
    controller = open_controller(qtbot, tmp_path / "no vault yet")
    try:
        assert controller.window.stack.currentWidget() is not controller.unlock_page
        controller.prepare_shell_ahead()
        for _turn in range(5):
            QApplication.processEvents()
        assert shells_in(controller) == []
    finally:
        controller.shutdown()
