"""Issue 16's smaller items: one neutral "Not reported" for an unknown age group; the unlock
screen selects the last person who unlocked on this computer, after a restart too, and keeps
only their id (never a name) in the settings file. And a dialog given a readable width is first
shown as tall as its lines need there (issue 21's screens)."""

from __future__ import annotations

import json
from pathlib import Path

from advocate_app.paths import config_dir
from advocate_app.settings import SETTINGS_FILE_NAME, Settings
from advocate_app.store import users
from advocate_app.store.clients import ClientFields
from advocate_app.store.vault import Vault
from advocate_app.ui.app import build_controller
from advocate_app.ui.clients.form import ClientForm
from tests.helpers import PASSPHRASE


def test_age_group_has_one_neutral_unknown_choice(qtbot) -> None:
    form = ClientForm([])
    qtbot.addWidget(form)
    texts = [form.age.itemText(i) for i in range(form.age.count())]
    assert "— not recorded —" not in texts
    assert texts.count("Not reported") == 1
    assert form.age.itemData(0) is None and texts[0] == "Not reported"
    # A record saved by an earlier version as "not_reported" shows that same choice.
    form.set_values(ClientFields(alias="Rosalind Q.", age_group="not_reported"))
    assert form.age.currentText() == "Not reported"
    form.set_values(ClientFields(alias="Rosalind Q.", age_group="18-24"))
    assert form.age.currentData() == "18-24"


def test_the_last_person_to_unlock_is_selected_after_a_restart(qtbot, vault_dir: Path) -> None:
    with Vault.open(vault_dir) as vault:
        maria = vault.users_for_unlock()[0].id
        vault.unlock(maria, PASSPHRASE)
        added = users.add_user(vault, "Ana", "advocate")  # sorts before Maria
        ana = added.user.id
    folder = config_dir()
    settings = Settings.load(folder)
    settings.last_user_id = ana
    settings.save(folder)

    controller = build_controller(vault_dir, Settings.load(folder), kdf_target_seconds=0)
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.start()
    try:
        page = controller.unlock_page
        qtbot.waitUntil(lambda: page.user_box.count() == 2)
        assert page.user_box.currentData() == ana
        # Unlock as Maria: she is the one remembered now, by id only.
        page.user_box.setCurrentIndex(page.user_box.findData(maria))
        qtbot.keyClicks(page.passphrase, PASSPHRASE)
        page.unlock_button.click()
        qtbot.waitUntil(lambda: controller.shell is not None, timeout=15000)
    finally:
        controller.shutdown()
    saved = (folder / SETTINGS_FILE_NAME).read_text(encoding="utf-8")
    assert json.loads(saved)["last_user_id"] == maria
    assert "Maria" not in saved and "Ana" not in saved

    again = build_controller(vault_dir, Settings.load(folder), kdf_target_seconds=0)
    qtbot.addWidget(again.window)
    again.window.show()
    again.start()
    try:
        qtbot.waitUntil(lambda: again.unlock_page.user_box.count() == 2)
        assert again.unlock_page.user_box.currentData() == maria
    finally:
        again.shutdown()
        Settings().save(folder)  # the other tests start from the defaults


def test_a_dialog_given_a_readable_width_is_first_shown_no_taller_than_its_lines_need(
    qtbot,
) -> None:
    """Qt sized the dialog for its own narrower width, where the first sentence took more
    lines: at the readable width, an empty band was left above it. A height the code sets
    stays."""
    from advocate_app.ui.clients.dialogs import ReleaseDialog
    from advocate_app.ui.qt import QDialog, QVBoxLayout
    from advocate_app.ui.widgets import label, readable_width

    dialog = ReleaseDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    layout = dialog.layout()
    assert layout is not None
    assert dialog.height() == max(
        layout.totalHeightForWidth(dialog.width()), dialog.minimumHeight()
    )

    tall = QDialog()
    qtbot.addWidget(tall)
    QVBoxLayout(tall).addWidget(label("A sentence long enough to wrap onto a second line. " * 3))
    readable_width(tall)
    tall.resize(tall.minimumWidth(), 600)
    tall.show()
    qtbot.waitExposed(tall)
    assert tall.height() == 600


def test_the_unlock_writes_the_last_person_on_a_worker(qtbot, vault_dir: Path, monkeypatch) -> None:
    """Two fsyncs (tens of milliseconds on a laptop's spinning disk) were on the GUI thread in
    the unlock's answer when someone other than the last person unlocked: now on a worker."""
    import threading

    from tests.ui.helpers import unlock

    written_on: list[bool] = []  # for each save: on the GUI thread?
    real_save = Settings.save

    def save(self: Settings, folder: Path | None = None) -> None:
        written_on.append(threading.current_thread() is threading.main_thread())
        real_save(self, folder)

    monkeypatch.setattr(Settings, "save", save)
    controller = build_controller(vault_dir, Settings(last_user_id="someone else"))
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.start()
    try:
        unlock(qtbot, controller)
        qtbot.waitUntil(lambda: bool(written_on))
        assert written_on == [False]
        assert controller.settings.last_user_id != "someone else"
    finally:
        controller.shutdown()
