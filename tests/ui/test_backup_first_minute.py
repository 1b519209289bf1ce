"""The first minute after unlock, while the daily backup runs: the GUI thread does no more for
it than a status line. No timings here (benchmarks/unlock_app.py --backup measures stalls)."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocate_app.store.backup import automatic_backups
from advocate_app.ui import auto_backup
from tests.ui.helpers import unlock, wait_for_background_work


def test_a_daily_backup_that_succeeds_does_not_lay_out_today_again(
    make_controller, vault_dir: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Today's rows are read and laid out again only when its line about the backup changes."""
    monkeypatch.setattr(auto_backup, "AUTO_BACKUP_DELAY_MS", 200)
    controller = make_controller(vault_dir)
    controller.settings.automatic_backups = True
    unlock(qtbot, controller)
    today = controller.shell.sections.built()["today"]
    refreshes: list[bool] = []
    real = today.refresh
    monkeypatch.setattr(today, "refresh", lambda: (refreshes.append(True), real())[1])
    qtbot.waitUntil(lambda: len(automatic_backups(vault_dir / "backups")) == 1, timeout=30000)
    wait_for_background_work(qtbot)
    assert refreshes == []
    assert today.backup_problem.isHidden()


def test_yesterdays_failed_backup_leaves_today_once_a_backup_succeeds(
    make_controller, vault_dir: Path, vault_template, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from advocate_app.store import backup_status
    from advocate_app.store.errors import StorageFull
    from advocate_app.store.vault import Vault
    from tests.helpers import PASSPHRASE

    vault = Vault.open(vault_dir)
    vault.unlock(vault_template.user_id, PASSPHRASE)
    backup_status.record_automatic_failure(vault, StorageFull())
    vault.close()
    monkeypatch.setattr(auto_backup, "AUTO_BACKUP_DELAY_MS", 1000)
    controller = make_controller(vault_dir)
    controller.settings.automatic_backups = True
    unlock(qtbot, controller)
    today = controller.shell.sections.built()["today"]
    qtbot.waitUntil(lambda: not today.backup_problem.isHidden(), timeout=20000)
    qtbot.waitUntil(lambda: len(automatic_backups(vault_dir / "backups")) == 1, timeout=30000)
    qtbot.waitUntil(lambda: today.backup_problem.isHidden(), timeout=20000)
