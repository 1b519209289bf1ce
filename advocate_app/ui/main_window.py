"""The one main window and the controller that moves it between locked and unlocked states."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from advocate_app.settings import Settings
from advocate_app.store.errors import KeysDoNotMatchVault, VaultDamaged, VaultError, VaultInUse
from advocate_app.store.vault import UnlockThrottled, Vault
from advocate_app.store.vocab import ROLES
from advocate_app.ui.clipboard import clear_if_unchanged
from advocate_app.ui.files import ask_save_path
from advocate_app.ui.idle import IdleWatcher
from advocate_app.ui.pages import (
    MessagePage,
    NewPassphrasePage,
    RecoveryKeyPage,
    SetupPage,
    UnlockPage,
    WelcomePage,
)
from advocate_app.ui.qt import (
    QApplication,
    QByteArray,
    QDialog,
    QKeySequence,
    QMainWindow,
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
from advocate_app.ui.shell import DemoBanner, Shell
from advocate_app.ui.widgets import set_message
from advocate_app.ui.worker import run_task, wait_for_low_priority_work

log = logging.getLogger(__name__)

AUTO_BACKUP_DELAY_MS = 2000
WINDOW_TITLE = "Companion"  # neutral on purpose: never an office, a client or "trafficking"


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
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.resize(1200, 800)
        self.setMinimumSize(900, 600)

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
        self.window = MainWindow(demo_banner)
        if settings.window_geometry:
            self.window.restoreGeometry(QByteArray.fromBase64(
                settings.window_geometry.encode("ascii")))
        self.window.closing.connect(self.shutdown)

        # Pages are built when first shown: the unlock window must appear quickly.
        self._pages: dict[str, QWidget] = {}

        self.idle = IdleWatcher(settings.idle_minutes, self.window)
        self.idle.idle.connect(lambda: self.lock("idle"))  # it watches events once started
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
            page.save_pdf_requested.connect(self.save_recovery_key_pdf)
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
        except VaultError as exc:
            # The keys file is missing, damaged or from another vault, or the database is gone.
            self._show_damaged(exc)
            return
        self._show_unlock()

    def _folder_entries(self) -> list[Path]:
        try:
            return list(self.data_dir.iterdir())
        except OSError:
            return []

    @property
    def damaged(self) -> QWidget:
        def build() -> QWidget:
            from advocate_app.ui.damaged_page import DamagedPage

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

    def restore_from_backup(self, request: object) -> None:
        """Put a backup in place of the current vault, which is kept aside (never deleted)."""
        from advocate_app.store.restore import authorize_restore_from_vault, restore_backup

        authorization = getattr(request, "authorization", None)
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

        def done(result: object) -> None:
            self.start()
            kept = getattr(result, "kept_aside", None)
            if kept is not None and self.window.stack.currentWidget() is self.unlock_page:
                set_message(self.unlock_page.message, tr(
                    "The backup was restored. The vault as it was is kept in {0}. Unlock to "
                    "continue.").format(Path(kept).name), "ok")

        def failed(exc: BaseException) -> None:
            self.start()
            if not isinstance(exc, VaultError):
                raise exc
            page = self.window.stack.currentWidget()
            if hasattr(page, "show_error"):
                page.show_error(exc.message)

        run_task(lambda: restore_backup(folder, request.path, request.credentials,  # type: ignore[attr-defined]
                                        authorization=authorization,
                                        allow_other_vault=request.allow_other_vault),  # type: ignore[attr-defined]
                 done, failed)

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
        self.setup.set_busy(True)
        target = self.kdf_target_seconds

        def work() -> tuple[Vault, str]:
            return Vault.create(self.data_dir, office_name=office, user_name=user,
                                passphrase=passphrase, kdf_target_seconds=target)

        def done(result: tuple[Vault, str]) -> None:
            self.setup.set_busy(False)
            self.setup.clear_secrets()
            self.vault, key_text = result
            self.recovery.show_key(key_text)
            self._show(self.recovery)

        def failed(exc: BaseException) -> None:
            self.setup.set_busy(False)
            if isinstance(exc, VaultError):
                self.setup.show_error(exc.message)
            else:
                raise exc

        run_task(work, done, failed)

    def _recovery_document(self) -> QTextDocument:
        import html

        key = html.escape(self.recovery.key_text())
        office = html.escape(self.vault.office_name if self.vault else "")
        doc = QTextDocument()
        doc.setHtml(
            f"<h2>Advocate Companion — recovery key</h2><p>Office: {office}</p>"
            f"<p style='font-family:monospace; font-size:20pt'>{key}</p>"
            "<p>This key opens the office's encrypted records if every passphrase is "
            "forgotten. Keep it locked away from the computer. Anyone who has it can open "
            "the vault.</p>"
        )
        return doc

    def print_recovery_key(self) -> None:
        from advocate_app.ui.qt import QPrintDialog, QPrinter  # Qt's print module: only here

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._recovery_document().print_(printer)

    def save_recovery_key_pdf(self) -> None:
        path = ask_save_path(self.window, tr("Save the recovery key as PDF"),
                             "recovery-key.pdf", tr("PDF files (*.pdf)"))
        if path is None:
            return
        from advocate_app.ui.qt import QPrinter  # Qt's print module: only here

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setDocName("Recovery key")
        self._recovery_document().print_(printer)
        self.recovery.message.setText(tr("Saved. Print it, then delete the file from this "
                                         "computer."))

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
        self.unlock_page.set_busy(True)

        def done(_user: object) -> None:
            self.unlock_page.set_busy(False)
            self.unlock_page.reset()
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

        def failed(exc: BaseException) -> None:
            self.unlock_page.set_busy(False)
            if isinstance(exc, (VaultDamaged, KeysDoNotMatchVault)):
                self._show_damaged(exc)
            elif isinstance(exc, VaultError):
                self.unlock_page.show_error(exc.message, vault.seconds_until_next_attempt())
            else:
                raise exc

        run_task(lambda: fn(vault), done, failed)

    def set_new_passphrase(self, passphrase: str) -> None:
        vault = self.vault
        if vault is None:
            return
        self.new_passphrase.save.setEnabled(False)

        def done(_r: object) -> None:
            self.new_passphrase.save.setEnabled(True)
            self.new_passphrase.prepare("", [])
            self.enter_shell()

        def failed(exc: BaseException) -> None:
            self.new_passphrase.save.setEnabled(True)
            if isinstance(exc, VaultError):
                self.new_passphrase.show_error(exc.message)
            else:
                raise exc

        from advocate_app.store import users as store_users

        run_task(lambda: store_users.change_own_passphrase(vault, None, passphrase), done, failed)

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
        if self._last_location:
            shell.restore_location(self._last_location)
        elif shell.nav.count():
            shell.nav.setCurrentRow(0)
        self._last_location = {}
        self.idle.set_minutes(self.settings.idle_minutes)
        self.idle.start()
        if not vault.is_demo and self.settings.automatic_backups:
            self._auto_backup(vault)

    def _auto_backup(self, vault: Vault) -> None:
        """The first unlock of each day makes a verified backup in the data folder."""
        from advocate_app.store.backup import auto_backup_if_due
        from advocate_app.store.errors import StorageFull

        def done(_info: object) -> None:
            # Only if already built: building it here would stall the first minute.
            section = self.shell.sections.built().get("backups") if self.shell else None
            if section is not None and hasattr(section, "refresh"):
                section.refresh()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, VaultDamaged):
                self.lock("damaged")
                self._show_damaged(exc)
            elif isinstance(exc, (StorageFull, VaultError)):
                log.warning("the automatic backup was not made (%s)", type(exc).__name__)
            else:
                raise exc

        keep = self.settings.backups_to_keep
        shell = self.shell
        if shell is None:
            return
        # Shortly after Today is on screen, on the low-priority thread: the person never waits
        # for it (and a lock before it starts stops this timer with the shell's other timers).
        timer = QTimer(shell)
        timer.setSingleShot(True)
        timer.setInterval(AUTO_BACKUP_DELAY_MS)
        timer.timeout.connect(lambda: run_task(lambda: auto_backup_if_due(vault, keep), done,
                                               failed, low_priority=True))
        timer.start()

    def focus_search(self) -> None:
        if self.shell is not None and self.window.stack.currentWidget() is self.shell:
            self.shell.search.setFocus()
            self.shell.search.selectAll()

    def lock(self, reason: str = "") -> None:
        """Hide everything at once, keep unsaved text as drafts, forget the key."""
        vault = self.vault
        if vault is None or not vault.is_unlocked:
            return
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
        vault.lock()
        clear_if_unchanged()
        log.info("locked (%s)", reason or "request")

    def shutdown(self) -> None:
        geometry = bytes(self.window.saveGeometry().toBase64()).decode("ascii")
        if geometry != self.settings.window_geometry:
            self.settings.window_geometry = geometry  # window position only: not sensitive
            try:
                self.settings.save()
            except OSError:
                log.warning("the window position could not be saved")
        if self.vault is None:
            return
        # A backup or an export still running finishes before the vault is closed.
        QThreadPool.globalInstance().waitForDone(60_000)
        wait_for_low_priority_work(60_000)
        if self.vault.is_unlocked:
            self.lock("closing")
        self.vault.close()
        self.vault = None
