"""The Backups section and the damaged-vault screen, driven as a person would."""

from __future__ import annotations

import errno
import os
from datetime import datetime
from pathlib import Path

import pytest

from advocate_app.store import backup_file as backup_module
from advocate_app.store.backup import auto_backup_if_due
from advocate_app.store.diagnose import Problem, diagnose
from advocate_app.store.layout import KEYS_FILE_NAME
from advocate_app.store.restore import RestoreRequest
from advocate_app.store.vault import CurrentUser, Vault
from advocate_app.ui import files
from advocate_app.ui.backups.section import BackupSection
from advocate_app.ui.qt import QFileDialog, Qt
from advocate_app.ui.vault.damaged import DamagedPage
from tests.helpers import PASSPHRASE, sha_map_with_throttle, spy_on
from tests.ui.helpers import wait_for_background_work

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def forgotten(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the calls that erase Qt's remembered file-dialog folders."""
    calls: list[int] = []
    real = files.forget_file_dialog_folders

    def spy() -> None:
        calls.append(1)
        real()

    monkeypatch.setattr(files, "forget_file_dialog_folders", spy)
    return calls


@pytest.fixture
def usb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forgotten: list[int]) -> Path:
    """An empty folder "on a USB stick", the one the person picks in the folder dialog."""
    folder = tmp_path / "usb"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    return folder


@pytest.fixture
def section(qtbot, vault: Vault) -> BackupSection:  # type: ignore[no-untyped-def]
    auto_backup_if_due(vault)
    widget = BackupSection(vault)
    qtbot.addWidget(widget)
    widget.resize(1000, 760)
    widget.show()
    return widget


def test_the_section_explains_and_lists_the_automatic_backups(
    section: BackupSection, vault: Vault
) -> None:
    assert section.title == "Backups"
    assert section.backup_list.topLevelItemCount() == 1
    item = section.backup_list.topLevelItem(0)
    assert item.text(1).endswith("B")  # a size such as "193.5 kB"
    assert item.text(2) == "Daily"
    assert not section.empty.isVisible()
    assert section.folder_label.text() == str(vault.backup_dir)
    assert section.backup_button.text() == "Back up now…"
    assert section.restore_file_button.isVisible()  # a supervisor may restore


def test_back_up_now_writes_a_verified_backup_named_by_date(
    qtbot, section: BackupSection, usb: Path, forgotten: list[int]
) -> None:
    qtbot.mouseClick(section.backup_button, LEFT)
    qtbot.waitUntil(lambda: "Backup saved and checked" in section.status.text(), timeout=20000)
    name = f"advocate-backup-{datetime.now().astimezone().date().isoformat()}.acbackup"
    assert (usb / name).exists()
    assert name in section.status.text()
    assert section.status.property("role") == "ok"
    assert not section.progress.isVisible()
    assert section.backup_button.isEnabled()
    assert forgotten  # Qt's record of the chosen folder was erased


def test_back_up_now_says_plainly_when_the_stick_is_full(
    qtbot, section: BackupSection, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    def full(*_a: object, **_k: object) -> str:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backup_module.tempfile, "mkdtemp", full)
    qtbot.mouseClick(section.backup_button, LEFT)
    qtbot.waitUntil(lambda: section.status.property("role") == "error", timeout=20000)
    assert "full" in section.status.text()
    assert list(usb.iterdir()) == []
    assert section.backup_button.isEnabled()


def test_cancelling_the_folder_choice_changes_nothing(
    qtbot,
    section: BackupSection,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
    forgotten: list[int],
) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    qtbot.mouseClick(section.backup_button, LEFT)
    assert section.status.text() == ""
    assert not section.progress.isVisible()
    assert forgotten


def test_restore_asks_for_confirmation_and_the_passphrase_then_hands_over(
    qtbot, section: BackupSection, vault: Vault
) -> None:  # type: ignore[no-untyped-def]
    before = sha_map_with_throttle(vault.folder)
    section.backup_list.setCurrentItem(section.backup_list.topLevelItem(0))
    qtbot.mouseClick(section.restore_selected_button, LEFT)
    dialog = section.restore_dialog
    assert dialog is not None and dialog.isVisible()
    info = dialog.info
    assert dialog.made_on.text() and dialog.size_label.text().endswith("B")
    assert dialog.restore_button.text() == "Restore this backup"
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.made_on)))
    assert "before-restore-" in texts and "not deleted" in texts

    qtbot.keyClicks(dialog.secret, "not my passphrase")
    qtbot.mouseClick(dialog.restore_button, LEFT)
    qtbot.waitUntil(lambda: "does not open this backup" in dialog.message.text(), timeout=20000)
    assert dialog.isVisible()

    dialog.secret.clear()
    qtbot.keyClicks(dialog.secret, PASSPHRASE)
    with qtbot.waitSignal(section.restore_requested, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.restore_button, LEFT)
    request = blocker.args[0]
    assert isinstance(request, RestoreRequest)
    assert request.path == info.path
    assert request.credentials.passphrase == PASSPHRASE
    assert request.credentials.user_id == vault.current_user.id
    assert not request.allow_other_vault
    assert PASSPHRASE not in repr(request)
    # the section itself never replaces the vault
    assert sha_map_with_throttle(vault.folder) == before


def test_restore_from_a_file_that_is_not_a_backup_is_refused(
    qtbot,
    section: BackupSection,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
    forgotten: list[int],
) -> None:
    other = tmp_path / "letter.acbackup"
    other.write_text("Dear supervisor,")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    qtbot.mouseClick(section.restore_file_button, LEFT)
    assert section.restore_dialog is None
    assert "not an Advocate Companion backup" in section.status.text()
    assert section.status.property("role") == "error"
    assert forgotten


def test_an_advocate_cannot_restore(qtbot, vault: Vault) -> None:  # type: ignore[no-untyped-def]
    me = vault.current_user
    vault.user = CurrentUser(me.id, me.name, "advocate", False)
    widget = BackupSection(vault)
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.restore_file_button.isVisible()
    assert not widget.restore_selected_button.isVisible()
    assert widget.supervisor_only.isVisible()
    # Nor send a copy out of the vault folder: the store refuses it, so the button is not there.
    assert not widget.backup_button.isVisible()
    assert "Only a supervisor" in widget.status.text()
    assert widget.empty.isVisible()  # no automatic backup yet: the empty state says why


# --- the damaged-vault screen -----------------------------------------------------------------


def test_the_damaged_screen_names_the_problem_and_offers_the_newest_backup(
    qtbot, vault_dir: Path, vault_template
) -> None:  # type: ignore[no-untyped-def]
    with Vault.open(vault_dir) as vault:
        vault.unlock(vault_template.user_id, PASSPHRASE)
        newest = auto_backup_if_due(vault)
    (vault_dir / KEYS_FILE_NAME).unlink()
    found = diagnose(vault_dir)
    assert found.kind is Problem.KEYS_MISSING
    before = sha_map_with_throttle(vault_dir)

    page = DamagedPage(found)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    assert page.what.text() == found.message
    assert "Nothing was deleted or overwritten" in page.untouched.text()
    assert page.folder_label.text() == str(vault_dir)
    assert "newest backup that checks out" in page.backup_text.text()
    assert page.restore_button.isVisible() and page.restore_button.isEnabled()
    assert page.restore_button.text() == "Restore the newest backup…"

    with qtbot.waitSignal(page.close_requested, timeout=2000):
        qtbot.mouseClick(page.close_button, LEFT)

    qtbot.mouseClick(page.restore_button, LEFT)
    dialog = page.restore_dialog
    assert dialog is not None and dialog.info.path == newest.path
    dialog.use_recovery.setChecked(True)
    qtbot.keyClicks(dialog.secret, vault_template.recovery_key)
    with qtbot.waitSignal(page.restore_requested, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.restore_button, LEFT)
    request = blocker.args[0]
    assert request.credentials.recovery_key == vault_template.recovery_key
    assert request.path == newest.path
    assert sha_map_with_throttle(vault_dir) == before  # the page never touches a file


def test_the_damaged_screen_without_a_backup_points_to_a_file(qtbot, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    db = vault_dir / "vault.db"
    db.write_bytes(db.read_bytes()[:-700])
    page = DamagedPage(diagnose(vault_dir))
    qtbot.addWidget(page)
    page.show()
    assert "shorter than it should be" in page.what.text()
    assert not page.restore_button.isVisible()
    assert page.choose_button.isVisible()
    assert "Choose a backup file" in page.backup_text.text()


def test_locking_while_a_backup_runs_is_harmless(qtbot, vault: Vault, usb: Path) -> None:
    from shiboken6 import delete

    from advocate_app.ui.worker import tasks_running

    widget = BackupSection(vault)
    widget.show()
    qtbot.mouseClick(widget.backup_button, LEFT)
    delete(widget)  # what the controller does to the shell when the app locks
    qtbot.waitUntil(lambda: tasks_running() == 0, timeout=20000)
    assert len(list(usb.glob("*.acbackup"))) == 1  # the backup itself still finished


def test_first_unlock_of_the_day_makes_one_automatic_backup(
    make_controller, vault_dir, qtbot, monkeypatch
) -> None:
    from advocate_app.store.backup import automatic_backups
    from tests.ui.helpers import unlock

    controller = make_controller(vault_dir)
    controller.settings.automatic_backups = True
    unlock(qtbot, controller)
    qtbot.waitUntil(lambda: len(automatic_backups(vault_dir / "backups")) == 1, timeout=20000)
    controller.lock()
    from advocate_app.store import backup as backups

    asked = spy_on(monkeypatch, backups, "auto_backup_if_due")
    unlock(qtbot, controller)
    # The second unlock asks again whether a backup is due (after a short delay, off the GUI
    # thread): wait until it has asked and its answer has come back, then look.
    qtbot.waitUntil(lambda: bool(asked.returned), timeout=20000)
    wait_for_background_work(qtbot)
    assert asked.returned == [None]  # not due: nothing was made
    assert len(automatic_backups(vault_dir / "backups")) == 1  # once a day, not per unlock
