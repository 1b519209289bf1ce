"""The daily automatic backup: the part of AppController that, shortly after the first unlock
of each day, makes a verified backup in the data folder on the low-priority thread, and shows
its outcome on Today and Backups (a damaged vault found meanwhile goes to the damaged screen)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from advocate_app.settings import Settings
from advocate_app.store.errors import VaultDamaged, VaultError
from advocate_app.store.vault import Vault
from advocate_app.ui.operation import Operation
from advocate_app.ui.qt import QTimer

if TYPE_CHECKING:  # the unlocked app's: not imported on the way to the unlock window
    from advocate_app.ui.shell import Shell

log = logging.getLogger(__name__)

AUTO_BACKUP_DELAY_MS = 2000


class AutoBackupMixin:
    """Mixed into AppController, whose state it reads (declared here for the type checker)."""

    vault: Vault | None
    shell: Shell | None
    settings: Settings

    # Provided by AppController (declared here for the type checker, never defined twice).
    lock: Callable[[str], None]
    _show_damaged: Callable[[BaseException | None], None]

    def _auto_backup(self, vault: Vault) -> None:
        """The first unlock of each day makes a verified backup in the data folder."""
        from advocate_app.store.backup import auto_backup_if_due
        from advocate_app.store.errors import StorageFull

        def show_outcome(succeeded: bool) -> None:
            # A failure stays on Today and on Backups until a backup succeeds (it is kept in
            # the vault by store.backup_status).
            # Only sections already built: building one here would stall the first minute.
            built = self.shell.sections.built() if self.shell else {}
            backups = built.get("backups")
            if backups is not None and hasattr(backups, "refresh"):
                backups.refresh()
            today = built.get("today")
            if today is not None and hasattr(today, "refresh"):
                # Refreshing Today reads and lays out every row again on the GUI thread (tens
                # of milliseconds at 10,000 clients): only when its line about the daily
                # backup changes, a problem to show or one to take away.
                problem = getattr(today, "backup_problem", None)
                if not succeeded or problem is None or not problem.isHidden():
                    today.refresh()

        def damaged(exc: VaultDamaged) -> None:
            self.lock("damaged")
            self._show_damaged(exc)

        def not_made(exc: VaultError) -> None:
            log.warning("the automatic backup was not made (%s)", type(exc).__name__)
            if self.vault is not None and self.vault.is_unlocked:
                show_outcome(succeeded=False)

        # No parent: a damaged vault found after a lock still takes the window to the
        # damaged screen.
        operation = (
            Operation(None, lambda: auto_backup_if_due(vault, keep))
            .low_priority()
            .success(lambda _info: show_outcome(succeeded=True))
            .on(VaultDamaged, damaged)
            .on((StorageFull, VaultError), not_made)
        )

        keep = self.settings.backups_to_keep
        shell = self.shell
        if shell is None:
            return
        # Shortly after Today is on screen, on the low-priority thread: the person never waits
        # for it (and a lock before it starts stops this timer with the shell's other timers).
        timer = QTimer(shell)
        timer.setSingleShot(True)
        timer.setInterval(AUTO_BACKUP_DELAY_MS)
        timer.timeout.connect(lambda: operation.run_in_background())
        timer.start()
