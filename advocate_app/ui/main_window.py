"""The one main window and the controller that moves it between locked and unlocked states."""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.settings import Settings
from advocate_app.store.errors import (
    KeysDoNotMatchVault,
    VaultDamaged,
    VaultError,
    VaultInUse,
    VaultReadOnly,
)
from advocate_app.store.vault import UnlockThrottled, Vault
from advocate_app.store.vocab import ROLES
from advocate_app.ui.clipboard import clear_if_unchanged
from advocate_app.ui.files import ask_save_path
from advocate_app.ui.idle import IdleWatcher
from advocate_app.ui.operation import Operation
from advocate_app.ui.qt import (
    QApplication,
    QByteArray,
    QDialog,
    QKeySequence,
    QMainWindow,
    QRect,
    QScrollArea,
    QShortcut,
    QStackedWidget,
    Qt,
    QTextDocument,
    QThreadPool,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
)
from advocate_app.ui.restart import ResumeState
from advocate_app.ui.session_events import SessionEvents
from advocate_app.ui.shell import DemoBanner, Shell
from advocate_app.ui.vault.pages import (
    MessagePage,
    NewPassphrasePage,
    RecoveryKeyPage,
    SetupPage,
    UnlockPage,
    WelcomePage,
)
from advocate_app.ui.widgets import set_message
from advocate_app.ui.worker import tasks_running, wait_for_low_priority_work

if TYPE_CHECKING:  # the restore module is imported when a restore starts, not at start-up
    from advocate_app.store.restore import RestoreRequest, RestoreResult

log = logging.getLogger(__name__)

# Locks that stay in this process: the window is closing, or the vault is being replaced.
_IN_PROCESS_LOCKS = frozenset({"closing", "restore", "damaged", "demo reset"})
# Where the person was (section, record ids, a tab), kept as an encrypted draft of the user who
# locked: ids are not content, but they stay inside the vault all the same.
PLACE_DRAFT_KEY = "place:after-lock"

AUTO_BACKUP_DELAY_MS = 2000
WINDOW_TITLE = "Companion"  # neutral on purpose: never an office, a client or "trafficking"

PREFERRED_SIZE = (1200, 800)
# Small enough for 1280×720 at 150% scaling (853×480 logical) minus a task bar.
MINIMUM_SIZE = (760, 420)


def fit_to_screen(wanted: QRect, available: QRect) -> QRect:
    """The window's geometry moved and shrunk so that all of it lies on the available screen."""
    width = min(wanted.width(), available.width())
    height = min(wanted.height(), available.height())
    x = min(max(wanted.x(), available.x()), available.x() + available.width() - width)
    y = min(max(wanted.y(), available.y()), available.y() + available.height() - height)
    return QRect(x, y, width, height)


def scrolling(widget: QWidget) -> QScrollArea:
    """Wrap a page so that a screen too small for it scrolls instead of squashing it."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self, demo_banner: str | None = None) -> None:
        super().__init__()
        self.setWindowTitle(WINDOW_TITLE)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = DemoBanner(demo_banner) if demo_banner else None
        if self.banner is not None:
            layout.addWidget(self.banner)
        self.stack = QStackedWidget()
        layout.addWidget(scrolling(self.stack), 1)
        self.setCentralWidget(central)
        self.setMinimumSize(*MINIMUM_SIZE)
        self.fit_to_screen(QRect(0, 0, *PREFERRED_SIZE), centre=True)

    def fit_to_screen(self, wanted: QRect | None = None, *, centre: bool = False) -> None:
        """Never larger than the available screen; restored positions are pulled back onto it."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None or self.isMaximized() or self.isFullScreen():
            return
        available = screen.availableGeometry()
        wanted = wanted if wanted is not None else self.geometry()
        if centre:
            wanted = QRect(0, 0, wanted.width(), wanted.height())
            wanted.moveCenter(available.center())
        fitted = fit_to_screen(wanted, available)
        # 1280×720 at 200% leaves 640×360: the minimum never exceeds the screen either.
        self.setMinimumSize(min(MINIMUM_SIZE[0], available.width()),
                            min(MINIMUM_SIZE[1], available.height()))
        self.resize(max(fitted.width(), min(MINIMUM_SIZE[0], available.width())),
                    max(fitted.height(), min(MINIMUM_SIZE[1], available.height())))
        self.move(fitted.topLeft())

    def closeEvent(self, event) -> None:
        self.closing.emit()
        super().closeEvent(event)


class AppController:
    """Owns the vault and decides which page the window shows."""

    def __init__(
        self,
        data_dir: Path,
        settings: Settings,
        *,
        demo_banner: str | None = None,
        kdf_target_seconds: float = 1.0,
        sections_factory: Callable[[AppController, Shell], None] | None = None,
        demo_launcher: Callable[[], None] | None = None,
        fresh_process_on_lock: Callable[[ResumeState], None] | None = None,
        demo_window_open: Callable[[], bool] | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.settings = settings
        self.kdf_target_seconds = kdf_target_seconds
        self.vault: Vault | None = None
        self.shell: Shell | None = None
        self._last_location: dict[str, object] = {}
        self._last_user_id: str | None = None
        self._sections_factory = sections_factory
        self._demo_launcher = demo_launcher
        # Set for the real window: a lock ends the process and starts a fresh one (restart.py).
        self._fresh_process_on_lock = fresh_process_on_lock
        self._demo_window_open = demo_window_open
        self.window = MainWindow(demo_banner)
        if settings.window_geometry:
            self.window.restoreGeometry(QByteArray.fromBase64(
                settings.window_geometry.encode("ascii")))
            # Saved on a bigger monitor or at another scaling: keep it on this screen.
            self.window.fit_to_screen()
        self.window.closing.connect(self.shutdown)

        # Pages are built when first shown: the unlock window must appear quickly.
        self._pages: dict[str, QWidget] = {}

        self.idle = IdleWatcher(settings.idle_minutes, self.window)
        self.idle.idle.connect(lambda: self.lock("idle"))  # it watches events once started
        self.session_events: SessionEvents | None = None
        self.lock_shortcut = QShortcut(QKeySequence("Ctrl+L"), self.window)
        self.lock_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_shortcut.activated.connect(lambda: self.lock("shortcut"))
        self.search_shortcut = QShortcut(QKeySequence("Ctrl+K"), self.window)
        self.search_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.search_shortcut.activated.connect(self.focus_search)

    # --- pages, built on first use -------------------------------------------------------------

    def _page(self, name: str, build: Callable[[], QWidget]) -> QWidget:
        page = self._pages.get(name)
        if page is None:
            page = build()
            self._pages[name] = page
            self.window.stack.addWidget(page)
        return page

    @property
    def welcome(self) -> WelcomePage:
        def build() -> WelcomePage:
            page = WelcomePage(demo_available=self._demo_launcher is not None,
                               demo_reason=tr("The demo is not available in this build."))
            page.setup_requested.connect(lambda: self._show(self.setup))
            page.demo_requested.connect(self._launch_demo)
            return page

        return self._page("welcome", build)  # type: ignore[return-value]

    @property
    def setup(self) -> SetupPage:
        def build() -> SetupPage:
            page = SetupPage()
            page.back_requested.connect(lambda: self._show(self.welcome))
            page.submitted.connect(self.create_vault)
            return page

        return self._page("setup", build)  # type: ignore[return-value]

    @property
    def recovery(self) -> RecoveryKeyPage:
        def build() -> RecoveryKeyPage:
            page = RecoveryKeyPage()
            page.confirmed.connect(self.enter_shell)
            page.print_requested.connect(self.print_recovery_key)
            page.save_to_drive_requested.connect(self.save_recovery_key_to_drive)
            return page

        return self._page("recovery", build)  # type: ignore[return-value]

    @property
    def unlock_page(self) -> UnlockPage:
        def build() -> UnlockPage:
            page = UnlockPage()
            page.demo_button.setVisible(self._demo_launcher is not None)
            page.demo_requested.connect(self._launch_demo)
            page.unlock_requested.connect(self.unlock)
            page.recovery_requested.connect(self.unlock_with_recovery)
            return page

        return self._page("unlock", build)  # type: ignore[return-value]

    @property
    def new_passphrase(self) -> NewPassphrasePage:
        def build() -> NewPassphrasePage:
            page = NewPassphrasePage()
            page.submitted.connect(self.set_new_passphrase)
            return page

        return self._page("new_passphrase", build)  # type: ignore[return-value]

    @property
    def message(self) -> MessagePage:
        return self._page("message", MessagePage)  # type: ignore[return-value]

    # --- starting -----------------------------------------------------------------------------

    def start(self) -> None:
        try:
            if any(p.name.startswith(".restore-") for p in self._folder_entries()):
                # A restore was cut off (a crash or power cut): finish it before anything.
                from advocate_app.store.restore import finish_interrupted_restore

                finish_interrupted_restore(self.data_dir)
        except VaultInUse as exc:
            self._show_message(tr("Already open"), exc.message,
                               [(tr("Close"), self.window.close)])
            return
        except VaultReadOnly as exc:
            self._show_read_only(exc)
            return
        except VaultError as exc:
            self._show_damaged(exc)
            return
        if not Vault.exists(self.data_dir):
            self._show(self.welcome)
            return
        try:
            self.vault = Vault.open(self.data_dir)
        except VaultInUse as exc:
            self._show_message(tr("Already open"), exc.message,
                               [(tr("Close"), self.window.close)])
            return
        except VaultReadOnly as exc:
            self._show_read_only(exc)
            return
        except VaultError as exc:
            # The keys file is missing, damaged or from another vault, or the database is gone.
            self._show_damaged(exc)
            return
        self._show_unlock()

    def _show_read_only(self, exc: VaultReadOnly) -> None:
        """Not damage: the files may be perfect, but nothing could be saved in this folder."""
        self._show_message(tr("This folder cannot be written"), exc.message,
                           [(tr("Try again"), self.start), (tr("Close"), self.window.close)])

    def resume(self, state: ResumeState) -> None:
        """Come back as the process this one replaced left things: the same user preselected,
        and the demo window again if it was open (the geometry is set before the window shows,
        in app.open_main_window)."""
        if state.user_id:
            self._last_user_id = state.user_id
            if self.vault is not None and self.window.stack.currentWidget() is self.unlock_page:
                self.unlock_page.set_users(self.vault.users_for_unlock(), state.user_id)
        if state.demo_open:
            self._launch_demo()
            self.window.activateWindow()  # the unlock window stays the one typed into

    def listen_to_session_events(self) -> list[str]:
        """Lock on suspend, on the session's lock and when the screen saver starts."""
        if self.session_events is None:
            self.session_events = SessionEvents(self.window)
            self.session_events.lock_now.connect(self.lock)
            self.session_events.listen(int(self.window.winId()))
        return self.session_events.connected

    def _folder_entries(self) -> list[Path]:
        try:
            return list(self.data_dir.iterdir())
        except OSError:
            return []

    @property
    def damaged(self) -> QWidget:
        def build() -> QWidget:
            from advocate_app.ui.vault.damaged import DamagedPage

            page = DamagedPage()
            page.restore_requested.connect(self.restore_from_backup)
            page.close_requested.connect(self.window.close)
            return page

        return self._page("damaged", build)

    def _show_damaged(self, error: BaseException | None = None) -> None:
        """Say what is wrong and offer the newest backup; the damaged files are left alone."""
        from advocate_app.store.diagnose import diagnose

        if self.vault is not None:
            self.vault.close()  # release vault.lock so a restore can take it
            self.vault = None
        self.damaged.show_diagnosis(diagnose(self.data_dir, error=error))  # type: ignore[attr-defined]
        self._show(self.damaged)

    def restore_from_backup(self, request: RestoreRequest) -> None:
        """Put a backup in place of the current vault, which is kept aside (never deleted)."""
        from advocate_app.store.restore import authorize_restore_from_vault, restore_backup

        authorization = request.authorization
        if self.vault is not None:
            if self.vault.is_unlocked:
                # A supervisor of the vault now open, not merely a user of the backup.
                try:
                    authorization = authorize_restore_from_vault(self.vault)
                except VaultError as exc:
                    page = self.window.stack.currentWidget()
                    if hasattr(page, "show_error"):
                        page.show_error(exc.message)
                    return
                self.lock("restore")
            self.vault.close()
            self.vault = None
        self._show_message(tr("Restoring the backup…"),
                           tr("Checking the backup and putting it in place. The current vault "
                              "is kept aside in a folder named before-restore."), [])
        folder = self.data_dir

        def done(result: RestoreResult) -> None:
            self.start()
            kept = result.kept_aside
            if kept is not None and self.window.stack.currentWidget() is self.unlock_page:
                set_message(self.unlock_page.message, tr(
                    "The backup was restored. The vault as it was is kept in {0}. Unlock to "
                    "continue.").format(kept.name), "ok")

        def failed(text: str) -> None:
            page = self.window.stack.currentWidget()
            if hasattr(page, "show_error"):
                page.show_error(text)

        # Whatever happened, start again from the folder as it now is (busy(False) runs first).
        Operation(self.window, lambda: restore_backup(
            folder, request.path, request.credentials, authorization=authorization,
            allow_other_vault=request.allow_other_vault)).busy(
            lambda on: None if on else self.start()).success(done).failure(
            failed).run_in_background()

    def _show(self, page: QWidget) -> None:
        self.window.stack.setCurrentWidget(page)
        page.setFocus()
        focus = page.focusNextPrevChild(True)
        del focus

    def _show_message(self, title: str, text: str,
                      actions: list[tuple[str, Callable[[], None]]]) -> None:
        self.message.show_message(title, text, actions)
        self._show(self.message)

    def _show_unlock(self) -> None:
        assert self.vault is not None
        self.unlock_page.set_users(self.vault.users_for_unlock(), self._last_user_id)
        self.unlock_page.reset()
        self._show(self.unlock_page)
        self.unlock_page.passphrase.setFocus()

    def _launch_demo(self) -> None:
        if self._demo_launcher is not None:
            self._demo_launcher()

    # --- set-up -------------------------------------------------------------------------------

    def create_vault(self, office: str, user: str, passphrase: str) -> None:
        target = self.kdf_target_seconds

        def work() -> tuple[Vault, str]:
            return Vault.create(self.data_dir, office_name=office, user_name=user,
                                passphrase=passphrase, kdf_target_seconds=target)

        def done(result: tuple[Vault, str]) -> None:
            self.setup.clear_secrets()
            self.vault, key_text = result
            self.recovery.show_key(key_text)
            self._show(self.recovery)

        Operation(self.setup, work).busy(self.setup.set_busy).success(done).failure(
            self.setup.show_error).run_in_background()

    def _recovery_document(self) -> QTextDocument:
        import html

        groups = [html.escape(g) for g in self.recovery.key_text().split("-")]
        # Two lines of groups, as on the screen: never broken at a hyphen, where a reader
        # could not tell whether the hyphen is part of the key.
        lines = "<br>".join("&nbsp;&nbsp;".join(part) for part in (groups[:5], groups[5:]))
        office = html.escape(self.vault.office_name if self.vault else "")
        doc = QTextDocument()
        doc.setHtml(
            f"<h2>Advocate Companion — recovery key</h2><p>Office: {office}</p>"
            f"<p style='font-family:monospace; font-size:20pt; white-space:pre'>{lines}</p>"
            "<p>This key opens the office's encrypted records if every passphrase is "
            "forgotten. Keep it locked away from the computer. Anyone who has it can open "
            "the vault.</p>"
        )
        return doc

    def print_recovery_key(self) -> None:
        from advocate_app.ui.qt import QPrintDialog, QPrinter  # Qt's print module: only here

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName("Recovery key")
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._recovery_document().print_(printer)
            set_message(self.recovery.message, tr(
                "Sent to the printer. Keep the paper locked away from this computer."), "ok")

    def save_recovery_key_to_drive(self) -> None:
        """Only onto a removable drive, never a default file on this computer."""
        from advocate_app.ui import removable

        page = self.recovery
        drives = removable.removable_drives()
        if not drives:
            set_message(page.message, tr(
                "No removable drive was found. Plug in a USB drive or an SD card and try "
                "again, or print the key."), "error")
            return
        path = ask_save_path(self.window, tr("Save the recovery key to a removable drive"),
                             str(drives[0] / "recovery-key.pdf"), tr("PDF files (*.pdf)"))
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        problem = removable.save_location_problem(path, data_dir=self.data_dir)
        if problem is not None:
            set_message(page.message, {
                "data": tr("That is the vault's own folder. Choose a removable drive: the key "
                           "must never be kept next to the vault. Nothing was saved."),
                "home": tr("That is in your home folder on this computer. Choose a removable "
                           "drive. Nothing was saved."),
            }.get(problem, tr("That is not a removable drive. Choose a USB drive or an SD "
                              "card, or print the key. Nothing was saved.")), "error")
            return
        from advocate_app.ui.qt import QPrinter  # Qt's print module: only here

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setDocName("Recovery key")
        self._recovery_document().print_(printer)
        if not path.exists():
            set_message(page.message, tr(
                "The file could not be written to that drive. Check that it is not full or "
                "write-protected, or print the key."), "error")
            return
        with contextlib.suppress(OSError):
            path.chmod(0o600)  # where the drive's file system keeps modes at all
        set_message(page.message, tr(
            "Saved to the removable drive. Keep the drive locked away: anyone with this file "
            "can open the vault."), "ok")

    # --- unlocking ----------------------------------------------------------------------------

    def unlock(self, user_id: str, passphrase: str) -> None:
        self._run_unlock(lambda v: v.unlock(user_id, passphrase))

    def unlock_with_recovery(self, user_id: str, recovery_text: str) -> None:
        self._run_unlock(lambda v: v.unlock_with_recovery_key(user_id, recovery_text))

    def _run_unlock(self, fn: Callable[[Vault], object]) -> None:
        vault = self.vault
        if vault is None:
            return
        wait = vault.seconds_until_next_attempt()
        if wait > 0:
            self.unlock_page.show_error(UnlockThrottled(wait).message, wait)
            return
        page = self.unlock_page

        def done(_user: object) -> None:
            page.reset()
            user = vault.current_user
            if vault.unlocked_with_recovery_key:
                self.new_passphrase.prepare(tr(
                    "You unlocked with the recovery key. Choose a new passphrase for {0} now; "
                    "the old one no longer matters.").format(user.name),
                    [user.name, vault.office_name])
                self._show(self.new_passphrase)
            elif user.must_change_passphrase:
                self.new_passphrase.prepare(tr(
                    "Welcome, {0}. You unlocked with a temporary passphrase: choose your own "
                    "now. Nobody else will know it.").format(user.name),
                    [user.name, vault.office_name])
                self._show(self.new_passphrase)
            else:
                self.enter_shell()

        Operation(page, lambda: fn(vault)).busy(page.set_busy).success(done).on(
            (VaultDamaged, KeysDoNotMatchVault), self._show_damaged).failure(
            lambda text: page.show_error(text, vault.seconds_until_next_attempt())
        ).run_in_background()

    def set_new_passphrase(self, passphrase: str) -> None:
        vault = self.vault
        if vault is None:
            return
        page = self.new_passphrase

        def done(_r: object) -> None:
            page.prepare("", [])
            self.enter_shell()

        from advocate_app.store import users as store_users

        Operation(page, lambda: store_users.change_own_passphrase(vault, None, passphrase)).busy(
            lambda on: page.save.setEnabled(not on)).success(done).failure(
            page.show_error).run_in_background()

    # --- the unlocked shell -------------------------------------------------------------------

    def enter_shell(self) -> None:
        vault = self.vault
        assert vault is not None and vault.is_unlocked
        user = vault.current_user
        self._last_user_id = user.id
        shell = Shell(vault.office_name, user.name, tr(ROLES.get(user.role, user.role)))
        shell.lock_requested.connect(lambda: self.lock("button"))
        if self._sections_factory is not None:
            self._sections_factory(self, shell)
        self.shell = shell
        self.window.stack.addWidget(shell)
        self.window.stack.setCurrentWidget(shell)
        place = self._take_saved_place(vault) or self._last_location
        if place:
            shell.restore_location(place)
        elif shell.nav.count():
            shell.nav.setCurrentRow(0)
        self._last_location = {}
        shell.focus_section()  # where the person left off, never the global search
        self.idle.set_minutes(self.settings.idle_minutes)
        self.idle.start()
        if not vault.is_demo and self.settings.automatic_backups:
            self._auto_backup(vault)

    def _save_place(self, vault: Vault, place: dict[str, object]) -> None:
        from advocate_app.store import drafts

        state = place.get("state")
        client_id = state.get("client_id") if isinstance(state, dict) else None
        try:
            drafts.save_draft(vault, PLACE_DRAFT_KEY, json.dumps(place) if place else "",
                              client_id=client_id if isinstance(client_id, int) else None)
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

    def _auto_backup(self, vault: Vault) -> None:
        """The first unlock of each day makes a verified backup in the data folder."""
        from advocate_app.store.backup import auto_backup_if_due
        from advocate_app.store.errors import StorageFull

        def show_outcome() -> None:
            # A failure stays on Today and on Backups until a backup succeeds (it is kept in
            # the vault by store.backup_status).
            # Only sections already built: building one here would stall the first minute.
            built = self.shell.sections.built() if self.shell else {}
            for name in ("backups", "today"):
                section = built.get(name)
                if section is not None and hasattr(section, "refresh"):
                    section.refresh()

        def damaged(exc: VaultDamaged) -> None:
            self.lock("damaged")
            self._show_damaged(exc)

        def not_made(exc: VaultError) -> None:
            log.warning("the automatic backup was not made (%s)", type(exc).__name__)
            if self.vault is not None and self.vault.is_unlocked:
                show_outcome()

        # No parent: a damaged vault found after a lock still takes the window to the
        # damaged screen.
        operation = Operation(None, lambda: auto_backup_if_due(vault, keep)).low_priority(
            ).success(lambda _info: show_outcome()).on(VaultDamaged, damaged).on(
            (StorageFull, VaultError), not_made)

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

    def focus_search(self) -> None:
        if self.shell is not None and self.window.stack.currentWidget() is self.shell:
            self.shell.search.setFocus()
            self.shell.search.selectAll()

    def lock(self, reason: str = "") -> None:
        """Hide everything at once, keep unsaved text as drafts, forget the key.

        For the real window, the process then ends and a fresh one shows the unlock window in
        the same place: nothing typed or shown survives in this process's memory.
        """
        vault = self.vault
        if vault is None or not vault.is_unlocked:
            return
        fresh_process = (self._fresh_process_on_lock is not None
                         and reason not in _IN_PROCESS_LOCKS)
        self.idle.stop()
        shell = self.shell
        if shell is not None:
            # Nothing scheduled inside the shell may run against a locked vault.
            for timer in shell.findChildren(QTimer):
                timer.stop()
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
        if shell is not None:
            self.window.stack.removeWidget(shell)
            shell.hide()
            self.shell = None
            # Deleted once any dialog's event loop has returned.
            QTimer.singleShot(0, shell.deleteLater)
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

    def _start_fresh_process(self) -> None:
        relaunch = self._fresh_process_on_lock
        vault = self.vault
        if relaunch is None or vault is None or vault.is_unlocked:
            return  # unlocked again meanwhile: this lock is over
        # A backup or an export still running finishes its file before the process ends.
        QThreadPool.globalInstance().waitForDone(60_000)
        state = ResumeState(
            geometry=bytes(self.window.saveGeometry().toBase64()).decode("ascii"),
            user_id=self._last_user_id or "",
            demo_open=bool(self._demo_window_open and self._demo_window_open()),
        )
        for widget in QApplication.topLevelWidgets():
            if (widget is not self.window and isinstance(widget, MainWindow)
                    and widget.isVisible()):
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
        geometry = bytes(self.window.saveGeometry().toBase64()).decode("ascii")
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
