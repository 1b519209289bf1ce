"""A failed daily backup shows on Today and on Backups until one succeeds; Backups says when the
last copy outside the computer was saved and reminds after a week."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocate_app.store.backup import automatic_backups
from advocate_app.ui.qt import QFileDialog, Qt
from tests.ui.helpers import unlock, wait_for_background_work


def test_a_failed_daily_backup_shows_until_one_succeeds(
    make_controller, vault_dir: Path, qtbot
) -> None:
    (vault_dir / "backups").write_bytes(b"a file where the backups folder should be")
    controller = make_controller(vault_dir)
    controller.settings.automatic_backups = True
    unlock(qtbot, controller)
    today = controller.shell.show_section("today")
    qtbot.waitUntil(lambda: today.backup_problem.isVisible(), timeout=20000)
    assert "could not be made" in today.backup_problem.text()
    assert "Back up now" in today.backup_problem.text()  # what to do
    assert today.backup_problem.property("role") == "notice"  # calm, not an alarm
    backups = controller.shell.show_section("backups")
    backups.refresh()
    assert backups.auto_problem.isVisible()
    assert "could not be made" in backups.auto_problem.text()

    # The next unlock, with the folder put right, makes the backup and the message goes.
    controller.lock()
    (vault_dir / "backups").unlink()
    unlock(qtbot, controller)
    qtbot.waitUntil(lambda: len(automatic_backups(vault_dir / "backups")) == 1, timeout=20000)
    # The backup's outcome is recorded (on a worker thread); Today, shown, reads it again.
    wait_for_background_work(qtbot)
    today = controller.shell.show_section("today")
    qtbot.waitUntil(lambda: today.view is not None, timeout=20000)
    assert not today.backup_problem.isVisible()
    backups = controller.shell.show_section("backups")
    backups.refresh()
    assert not backups.auto_problem.isVisible()


def test_backups_says_when_the_last_outside_copy_was_made(
    unlocked, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = unlocked.shell.show_section("backups")
    section.refresh()
    assert "No copy has been saved outside this computer" in section.outside_copy.text()
    assert section.outside_copy.property("role") == "notice"
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    qtbot.mouseClick(section.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Backup saved and checked" in section.status.text(), timeout=20000)
    assert "The last copy outside this computer was saved on" in section.outside_copy.text()
    assert section.outside_copy.property("role") == "hint"
