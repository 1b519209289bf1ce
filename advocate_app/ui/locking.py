"""Locking, and the fresh process after a lock: the part of AppController that hides
everything, keeps unsaved text and the person's place as encrypted drafts, forgets the key,
and (for the real window) hands over to a fresh process. Closing the window is the same path."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from advocate_app.settings import Settings
from advocate_app.store.errors import (
    VaultError,
)
from advocate_app.store.vault import Vault
from advocate_app.ui.clipboard import clear_if_unchanged
from advocate_app.ui.idle import IdleWatcher
from advocate_app.ui.main_window import MainWindow
from advocate_app.ui.qt import (
    QApplication,
    QDialog,
    QThreadPool,
    QTimer,
)
from advocate_app.ui.restart import ResumeState
from advocate_app.ui.worker import tasks_running, wait_for_low_priority_work

if TYPE_CHECKING:  # the unlocked app's: not imported on the way to the unlock window
    from advocate_app.ui.shell import Shell

log = logging.getLogger(__name__)

# Locks that stay in this process: the window is closing, or the vault is being replaced.
_IN_PROCESS_LOCKS = frozenset({"closing", "restore", "damaged", "demo reset"})
# Where the person was (section, record ids, a tab), kept as an encrypted draft of the user who
# locked: ids are not content, but they stay inside the vault all the same.
PLACE_DRAFT_KEY = "place:after-lock"
# How long after an unlock the fresh process for the next lock is started, once nothing else
# runs (ui/standby.py): after Today and the first minute's work, never beside them.
PREPARE_FRESH_PROCESS_AFTER_MS = 3_000


class LockingMixin:
    """Mixed into AppController, whose state it reads (declared here for the type checker)."""

    vault: Vault | None
    shell: Shell | None
    # Built and filled by an unlock, not shown yet (AppController.enter_shell, in turns).
    shell_coming: Shell | None
    window: MainWindow
    settings: Settings
    idle: IdleWatcher
    _last_location: dict[str, object]
    _last_user_id: str | None
    _fresh_process_on_lock: Callable[[ResumeState], None] | None
    _prepare_fresh_process: Callable[[], None] | None
    prepare_fresh_process_after_ms: int
    _demo_window_open: Callable[[], bool] | None

    # Provided by AppController (declared here for the type checker, never defined twice).
    start: Callable[[], None]
    _show_unlock: Callable[[], None]

    def _save_place(self, vault: Vault, place: dict[str, object]) -> None:
        from advocate_app.store import drafts

        state = place.get("state")
        client_id = state.get("client_id") if isinstance(state, dict) else None
        try:
            drafts.save_draft(
                vault,
                PLACE_DRAFT_KEY,
                json.dumps(place) if place else "",
                client_id=client_id if isinstance(client_id, int) else None,
            )
        except (VaultError, TypeError, ValueError):
            log.warning("where the person was could not be kept")

    def _take_saved_place(self, vault: Vault) -> dict[str, object]:
        """The place saved by the last lock of this user, read once."""
        from advocate_app.store import drafts

        try:
            draft = drafts.load_draft(vault, PLACE_DRAFT_KEY)
            if draft is None:
                return {}
            drafts.delete_draft(vault, PLACE_DRAFT_KEY)
            place = json.loads(draft.body)
        except (VaultError, ValueError):
            return {}
        return place if isinstance(place, dict) else {}

    def lock(self, reason: str = "") -> None:
        """Hide everything at once, keep unsaved text as drafts, forget the key.

        For the real window, the process then ends and a fresh one shows the unlock window in
        the same place: nothing typed or shown survives in this process's memory.
        """
        vault = self.vault
        if vault is None or not vault.is_unlocked:
            return
        fresh_process = self._fresh_process_on_lock is not None and reason not in _IN_PROCESS_LOCKS
        self.idle.stop()
        shell = self.shell
        coming, self.shell_coming = self.shell_coming, None
        for built in (shell, coming):
            # Nothing scheduled inside a shell may run against a locked vault.
            for timer in built.findChildren(QTimer) if built is not None else []:
                timer.stop()
        if shell is not None:
            shell.setEnabled(False)
            try:
                shell.collect_drafts()
            except VaultError:
                log.warning("a draft could not be saved before locking")
            self._last_location = shell.location()
            self._save_place(vault, self._last_location)
        # Close every dialog first, so nothing shows over the unlock screen.
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self._show_unlock()
        for gone in (shell, coming):
            if gone is not None:
                self.window.stack.removeWidget(gone)
                gone.hide()
                # Deleted once any dialog's event loop has returned.
                QTimer.singleShot(0, gone.deleteLater)
        self.shell = None
        if fresh_process and tasks_running() == 0:
            # The fresh process finds one tidy file. Not while a backup or an export reads:
            # the checkpoint would wait for it with the window not yet repainted.
            try:
                vault.checkpoint()
            except VaultError:
                log.info("no checkpoint before the fresh start (the vault was busy)")
        vault.lock()
        clear_if_unchanged()
        log.info("locked (%s)", reason or "request")
        if fresh_process:
            # After the unlock window has been painted, and after any nested event loop (a
            # dialog's) has returned.
            QTimer.singleShot(0, self._start_fresh_process)

    def _prepare_fresh_process_when_idle(
        self, after_ms: int = PREPARE_FRESH_PROCESS_AFTER_MS
    ) -> None:
        """Start the process that will take over after the next lock, once this unlock's own
        work is over (Today's reads, the warm-up, a backup)."""
        if self._prepare_fresh_process is None:
            return

        def attempt() -> None:
            vault = self.vault
            if vault is None or not vault.is_unlocked or self._prepare_fresh_process is None:
                return  # locked meanwhile: the next unlock tries again
            if tasks_running() or QThreadPool.globalInstance().activeThreadCount():
                QTimer.singleShot(1_000, attempt)
                return
            self._prepare_fresh_process()

        QTimer.singleShot(self.prepare_fresh_process_after_ms, attempt)

    def _start_fresh_process(self) -> None:
        relaunch = self._fresh_process_on_lock
        vault = self.vault
        if relaunch is None or vault is None or vault.is_unlocked:
            return  # unlocked again meanwhile: this lock is over
        # A backup or an export still running finishes its file before the process ends.
        QThreadPool.globalInstance().waitForDone(60_000)
        state = ResumeState(
            geometry=bytes(self.window.saveGeometry().toBase64().data()).decode("ascii"),
            user_id=self._last_user_id or "",
            demo_open=bool(self._demo_window_open and self._demo_window_open()),
        )
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and isinstance(widget, MainWindow) and widget.isVisible():
                widget.close()  # the demo window: its controller keeps its drafts
        self._save_window_position()
        vault.close()
        self.vault = None
        try:
            relaunch(state)
        except OSError:
            log.warning("a fresh process could not be started; locked in this one")
        # Still here: stay locked in this process.
        self.start()

    def _save_window_position(self) -> None:
        geometry = bytes(self.window.saveGeometry().toBase64().data()).decode("ascii")
        if geometry != self.settings.window_geometry:
            self.settings.window_geometry = geometry  # window position only: not sensitive
            try:
                self.settings.save()
            except OSError:
                log.warning("the window position could not be saved")

    def shutdown(self) -> None:
        self._save_window_position()
        if self.vault is None:
            return
        # A backup or an export still running finishes before the vault is closed.
        QThreadPool.globalInstance().waitForDone(60_000)
        wait_for_low_priority_work(60_000)
        if self.vault.is_unlocked:
            self.lock("closing")
        self.vault.close()
        self.vault = None
