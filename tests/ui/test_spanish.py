"""The interface in Spanish: the .ts is complete and current, every page and dialog shows
Spanish, and switching language at run time keeps the person's place and unsaved text."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from advocate_app.settings import Settings
from advocate_app.ui.app import build_controller
from advocate_app.ui.controller import AppController
from advocate_app.ui.language import ENGLISH, SPANISH, apply_language, current_language
from advocate_app.ui.qt import tr
from tests.helpers import PASSPHRASE
from tests.ui.helpers import TS, english_left, english_sources, ts_messages, unlock

ROOT = Path(__file__).resolve().parents[2]


def test_ts_has_no_unfinished_or_obsolete_entries() -> None:
    messages = ts_messages()
    assert len(messages) > 700
    bad = [
        m.findtext("source")
        for m in messages
        if (
            m.find("translation") is not None
            and m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
        )
    ]
    assert bad == []
    for message in messages:
        translation = message.find("translation")
        forms = translation.findall("numerusform")
        texts = [f.text for f in forms] if forms else [translation.text]
        assert all(t and t.strip() for t in texts), message.findtext("source")


def test_ts_holds_every_string_of_the_code(tmp_path: Path) -> None:
    """lupdate over today's code adds nothing: no tr() literal is missing from the .ts."""
    copy = tmp_path / "advocate_es.ts"
    shutil.copyfile(TS, copy)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "advocate_app").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [
            str(lupdate),
            *sources,
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            "es",
            "-ts",
            str(copy),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    unfinished = [
        m.findtext("source")
        for m in ET.parse(copy).getroot().iter("message")  # noqa: S314
        if m.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == [], "run `make ts` and translate the new strings in the .ts"


def test_tr_context_and_plurals_agree_with_lupdate(qapp) -> None:
    """The runtime asks Qt for what lupdate extracted: empty context, numerus by count."""
    from advocate_app.ui.qt import tr

    apply_language(SPANISH)
    try:
        assert tr("Clients") == "Clientes"
        assert tr("No contact in %n day(s)", None, 1) == "Sin contacto desde hace 1 día"
        assert tr("No contact in %n day(s)", None, 30) == "Sin contacto desde hace 30 días"
    finally:
        apply_language(ENGLISH)
    assert tr("No contact in %n day(s)", None, 1) == "No contact in 1 day"
    assert tr("No contact in %n day(s)", None, 30) == "No contact in 30 days"


def test_store_messages_and_passphrase_feedback_are_translated(qapp) -> None:
    from advocate_app.store.errors import VaultReadOnly, WrongPassphrase
    from advocate_app.store.passphrases import passphrase_problem

    apply_language(SPANISH)
    try:
        assert WrongPassphrase().message.startswith("Esa frase de contraseña")
        folder_message = VaultReadOnly("/media/usb").message
        assert "/media/usb" in folder_message and folder_message.startswith("No se puede")
        problem = passphrase_problem("password1234")
        assert problem is not None and problem.startswith("Esta frase de contraseña")
        assert "password" not in problem.replace("password1234", "")
    finally:
        apply_language(ENGLISH)
    assert WrongPassphrase().message.startswith("That passphrase")
    assert str(VaultReadOnly("/x")).startswith("This folder cannot be written: /x.")


@pytest.fixture
def spanish() -> Iterator[None]:
    yield
    apply_language(ENGLISH)


def _seed(folder: Path) -> int:
    from advocate_app.store import appointments, clients, needs, notes
    from advocate_app.store.vault import Vault

    vault = Vault.open(folder)
    vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
    client_id = clients.create_client(
        vault, clients.ClientFields(alias="Rosa M.", intake_date=date(2026, 3, 2))
    )
    needs.add_need(vault, client_id, "housing", "Emergency shelter", next_step="Call")
    notes.add_note(vault, client_id, "contact", "Phone call.")
    appointments.add_appointment(
        vault,
        client_id,
        appointments.AppointmentFields(
            kind="court_hearing", starts_at=datetime.now() + timedelta(days=3)
        ),
    )
    vault.close()
    return client_id


def _controller(qtbot, folder: Path, language: str) -> AppController:
    controller = build_controller(
        folder, Settings(automatic_backups=False, language=language), kdf_target_seconds=0
    )
    qtbot.addWidget(controller.window)
    controller.window.resize(1366, 768)
    controller.window.show()
    controller.start()
    return controller


def test_every_page_reads_in_spanish(qtbot, vault_dir: Path, spanish: None) -> None:
    client_id = _seed(vault_dir)
    english = english_sources()
    controller = _controller(qtbot, vault_dir, SPANISH)
    assert current_language() == SPANISH
    window = controller.window
    missed = english_left(window, "unlock", english)
    unlock(qtbot, controller)
    shell = controller.shell
    assert shell is not None
    for row in range(shell.nav.count()):
        shell.nav.setCurrentRow(row)
        key = shell.current_key()
        missed += english_left(window, f"section {key}", english)
        if key == "clients":
            detail = shell.sections["clients"].open_client(client_id)
            for index, tab in enumerate(detail.tab_keys):
                detail.tabs.setCurrentIndex(index)
                missed += english_left(window, f"client {tab}", english)
    from advocate_app.ui.clients import dialogs as client_dialogs
    from advocate_app.ui.settings import users_dialogs

    for dialog in (
        client_dialogs.DestroyDialog("Rosa M.", window),
        users_dialogs.AddUserDialog(window),
    ):
        dialog.show()
        missed += english_left(dialog, f"dialog {type(dialog).__name__}", english)
        dialog.reject()
    controller.shutdown()
    assert missed == []


def test_every_dialog_and_page_reads_in_spanish(
    qtbot, vault_dir: Path, tmp_path: Path, spanish: None
) -> None:
    """The dialogs a person opens (adding needs, an appointment, a release, an anonymous
    contact, a restore), the recovery key and its printout, the damaged-vault and message
    pages: nothing visible is left in English. (The demo window and presenter mode are walked
    in test_spanish_windows.py, after a switch.)"""
    from advocate_app.store import backup
    from advocate_app.store.crypto import format_recovery_key, new_recovery_secret
    from advocate_app.store.diagnose import Diagnosis, Problem
    from advocate_app.store.errors import WrongPassphrase
    from advocate_app.ui.backups.restore_dialog import open_restore_dialog
    from advocate_app.ui.clients import dialogs as client_dialogs
    from advocate_app.ui.qt import QDialog
    from advocate_app.ui.vault.recovery_key import recovery_document

    client_id = _seed(vault_dir)
    english = english_sources()
    controller = _controller(qtbot, vault_dir, SPANISH)
    unlock(qtbot, controller)
    window = controller.window
    assert controller.shell is not None and controller.vault is not None
    detail = controller.shell.sections["clients"].open_client(client_id)
    missed: list[str] = []

    def walk(dialog: QDialog, where: str) -> None:
        qtbot.waitUntil(dialog.isVisible)
        missed.extend(english_left(dialog, where, english))
        dialog.reject()

    needs_panel = detail.show_tab("needs")
    needs_panel.open_add_from_checklist()
    walk(needs_panel.add_dialog, "add needs from the checklist")
    needs_panel.open_add_own()
    walk(needs_panel.add_dialog, "add a need")
    appointments_panel = detail.show_tab("appointments")
    appointments_panel.open_add()
    walk(appointments_panel.dialog, "add an appointment")
    for dialog in (
        client_dialogs.ReleaseDialog(window),
        client_dialogs.AnonymousContactDialog(window),
        client_dialogs.CloseDialog(window),
    ):
        dialog.show()
        walk(dialog, type(dialog).__name__)
    (tmp_path / "usb-stick").mkdir()
    made = backup.backup_to_folder(controller.vault, tmp_path / "usb-stick")
    restore = open_restore_dialog(
        window,
        made.path,
        preferred_user_id=None,
        current_vault_id=None,
        on_request=lambda _request: None,
    )
    walk(restore, "restore a backup")

    key = format_recovery_key(new_recovery_secret())
    page = controller.recovery
    page.show_key(key)
    controller.window.stack.setCurrentWidget(page)
    missed += english_left(page, "recovery key", english)
    printout = recovery_document(key, "Oficina del Valle").toPlainText()
    missed += [f"printout: {line!r}" for line in printout.splitlines() if line.strip() in english]
    assert "Oficina: Oficina del Valle" in printout

    damaged = controller.damaged
    damaged.show_diagnosis(Diagnosis(Problem.KEYS_MISSING, vault_dir))
    controller.window.stack.setCurrentWidget(damaged)
    missed += english_left(damaged, "damaged vault", english)
    message = controller.message
    message.show_message(
        tr("Already open"), WrongPassphrase().message, [(tr("Close"), lambda: None)]
    )
    controller.window.stack.setCurrentWidget(message)
    missed += english_left(message, "message page", english)
    controller.shutdown()
    assert missed == []


def test_first_screens_offer_the_language_and_switch_at_once(
    qtbot, tmp_path: Path, spanish: None
) -> None:
    controller = _controller(qtbot, tmp_path / "new", ENGLISH)
    welcome = controller.welcome
    assert controller.window.stack.currentWidget() is welcome
    assert welcome.title_label.text() == "Welcome to Advocate Companion"
    chooser = welcome.language_choice
    chooser.setCurrentIndex(chooser.findData(SPANISH))
    chooser.activated.emit(chooser.currentIndex())
    page = controller.window.stack.currentWidget()
    assert page.title_label.text() == "Le damos la bienvenida a Advocate Companion"
    assert controller.settings.language == SPANISH
    assert page.language_choice.currentData() == SPANISH
    # On the set-up page, the names typed so far stay through a switch.
    page.setup_button.click()
    setup = controller.window.stack.currentWidget()
    setup.office.setText("Oficina del Valle")
    controller.switch_language(ENGLISH)
    setup = controller.window.stack.currentWidget()
    assert setup is controller.setup and setup.office.text() == "Oficina del Valle"
    assert setup.language_choice.currentData() == ENGLISH
    controller.shutdown()


def test_switching_language_keeps_the_place_and_the_typed_note(
    qtbot, vault_dir: Path, spanish: None
) -> None:
    client_id = _seed(vault_dir)
    controller = _controller(qtbot, vault_dir, ENGLISH)
    unlock(qtbot, controller)
    shell = controller.shell
    assert shell is not None
    section = shell.show_section("clients")
    detail = section.open_client(client_id, "notes")
    detail.show_tab("notes")
    panel = detail.widget_for("notes")
    panel.composer.editor.setPlainText("Met at the clinic; she asked about the T visa.")
    assert shell.nav.currentItem().text() == "Clients"

    controller.switch_language(SPANISH)

    new_shell = controller.shell
    assert new_shell is not None and new_shell is not shell
    assert controller.window.stack.currentWidget() is new_shell
    assert new_shell.current_key() == "clients"
    assert new_shell.nav.currentItem().text() == "Clientes"
    new_section = new_shell.sections["clients"]
    qtbot.waitUntil(lambda: new_section.detail is not None)  # read on a worker
    new_detail = new_section.detail
    assert new_detail.client_id == client_id
    assert new_detail.current_tab() == "notes"
    editor = new_detail.widget_for("notes").composer.editor
    assert editor.toPlainText() == "Met at the clinic; she asked about the T visa."
    assert new_detail.tabs.tabText(new_detail.tab_keys.index("notes")) != "Notes"
    controller.shutdown()


def test_checklist_items_and_shipped_resources_show_in_spanish(qapp, spanish: None) -> None:
    """The display only: stored English labels are looked up; an office's own wording stays."""
    from advocate_app.library.shipped import shipped_library
    from advocate_app.ui.data_language import need_label, resource_field

    resource = shipped_library().resources[0] if hasattr(shipped_library(), "resources") else None
    assert need_label("housing", "Emergency shelter") == "Emergency shelter"
    apply_language(SPANISH)
    assert need_label("housing", "Emergency shelter") not in ("", "Emergency shelter")
    assert need_label("housing", "Our own wording") == "Our own wording"
    if resource is not None:
        assert resource_field(resource.name, "hours", resource.hours) != resource.hours


def test_the_farmworker_scenario_shows_in_spanish(qapp, spanish: None) -> None:
    from advocate_app.ui.demo.app import load_shipped_scenarios

    english = {s.id: s.title for s in load_shipped_scenarios()[0]}
    apply_language(SPANISH)
    spanish_titles = {s.id: s.title for s in load_shipped_scenarios()[0]}
    assert spanish_titles.keys() == english.keys()
    assert spanish_titles["h2a-farmworker"] == "Deuda de reclutamiento en una granja"
    assert english["h2a-farmworker"] != spanish_titles["h2a-farmworker"]
