"""The controller: owns the vault and moves the main window between first run, unlock, the
unlocked shell and the damaged-vault screen; set-up, unlocking, restoring and the daily backup
run in the background through Operations.

Its other parts are mixins, one job each: entering the unlocked shell (ui/shell_entry.py),
locking (ui/locking.py), the damaged-vault screen and restoring a backup (ui/damaged_vault.py),
switching the interface language (ui/language_switch.py) and the daily automatic backup
(ui/auto_backup.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from advocate_app.settings import Settings
from advocate_app.store.errors import (
    KeysDoNotMatchVault,
    VaultDamaged,
    VaultError,
    VaultInUse,
    VaultReadOnly,
)
from advocate_app.store.vault import UnlockThrottled, Vault
from advocate_app.ui.auto_backup import AutoBackupMixin
from advocate_app.ui.damaged_vault import DamagedVaultMixin
from advocate_app.ui.idle import IdleWatcher
from advocate_app.ui.language import apply_language, current_language, resolve
from advocate_app.ui.language_switch import LanguageSwitchMixin
from advocate_app.ui.locking import PREPARE_FRESH_PROCESS_AFTER_MS, LockingMixin
from advocate_app.ui.main_window import MainWindow
from advocate_app.ui.operation import Operation
from advocate_app.ui.qt import (
    APPLICATION_SHORTCUT,
    QByteArray,
    QKeySequence,
    QShortcut,
    QWidget,
    set_by_value,
    tr,
)
from advocate_app.ui.restart import ResumeState
from advocate_app.ui.shell_entry import AfterUnlock, ShellEntryMixin
from advocate_app.ui.vault.pages import (
    MessagePage,
    NewPassphrasePage,
    SetupPage,
    UnlockPage,
    WelcomePage,
)

if TYPE_CHECKING:  # imported when first needed, not at start-up
    from advocate_app.ui.session_events import SessionEvents
    from advocate_app.ui.shell import Shell
    from advocate_app.ui.shell_ahead import ShellAhead
    from advocate_app.ui.standby import Successor
    from advocate_app.ui.vault.recovery_key import RecoveryKeyPage

P = TypeVar("P", bound=QWidget)


log = logging.getLogger(__name__)


class AppController(
    LockingMixin, DamagedVaultMixin, AutoBackupMixin, ShellEntryMixin, LanguageSwitchMixin
):
    """Owns the vault and decides which page the window shows."""

    def __init__(
        self,
        data_dir: Path,
        settings: Settings,
        *,
        demo_banner: str | None = None,
        kdf_target_seconds: float = 1.0,
        sections_factory: Callable[[AppController, Shell], None] | None = None,
        shell_preparer: Callable[[AppController, Shell], list[Callable[[], object]]] | None = None,
        demo_launcher: Callable[[], None] | None = None,
        fresh_process_on_lock: Callable[[ResumeState], None] | None = None,
        prepare_fresh_process: Callable[[], None] | None = None,
        demo_window_open: Callable[[], bool] | None = None,
        first_reader: Callable[[Vault, Settings], object] | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.settings = settings
        self.kdf_target_seconds = kdf_target_seconds
        self.vault: Vault | None = None
        self.shell: Shell | None = None
        self.shell_coming: Shell | None = None  # see enter_shell(in_turns=True)
        self._last_location: dict[str, object] = {}
        # Read with the unlock, on its worker (None: not read yet).
        self._after_unlock: AfterUnlock | None = None
        # Reads the first page's content on the unlock's worker, once the vault is open.
        self._first_reader = first_reader
        self._first_read: object = None
        # The last person who unlocked on this computer is preselected, even after a restart:
        # settings.json holds their user id (a random id, never a name).
        self._last_user_id: str | None = settings.last_user_id or None
        self._sections_factory = sections_factory
        # Builds Today's page ahead, while the key is derived (shell_ahead.py).
        self._shell_preparer = shell_preparer
        self._shell_ahead: ShellAhead | None = None
        self._demo_launcher = demo_launcher
        # Set for the real window: a lock ends the process and starts a fresh one (restart.py).
        self._fresh_process_on_lock = fresh_process_on_lock
        # …and may start that fresh process ahead of time, once unlocked and idle (standby.py).
        self._prepare_fresh_process = prepare_fresh_process
        self.prepare_fresh_process_after_ms = PREPARE_FRESH_PROCESS_AFTER_MS
        # The real window's successor (set by app.open_main_window), for whoever needs to know
        # whether it is ready.
        self.successor: Successor | None = None
        self._demo_window_open = demo_window_open
        # Before the first page is built: its texts are read in the chosen language.
        apply_language(resolve(settings.language))
        self.window = MainWindow(demo_banner)
        if settings.window_geometry:
            self.window.restoreGeometry(
                QByteArray.fromBase64(settings.window_geometry.encode("ascii"))
            )
            # Saved on a bigger monitor or at another scaling: keep it on this screen.
            self.window.fit_to_screen()
        self.window.closing.connect(self.shutdown)
        # A switch made in another window (the demo's, or the real one's) reaches this one too.
        self._shown_language = current_language()
        self.window.language_changed.connect(self.follow_language)

        # Pages are built when first shown: the unlock window must appear quickly.
        self._pages: dict[str, QWidget] = {}

        self.idle = IdleWatcher(settings.idle_minutes, self.window)
        self.idle.idle.connect(lambda: self.lock("idle"))  # it watches events once started
        self.session_events: SessionEvents | None = None
        self.lock_shortcut = QShortcut(QKeySequence("Ctrl+L"), self.window)
        set_by_value(self.lock_shortcut, "context", APPLICATION_SHORTCUT)
        self.lock_shortcut.activated.connect(lambda: self.lock("shortcut"))
        self.search_shortcut = QShortcut(QKeySequence("Ctrl+K"), self.window)
        set_by_value(self.search_shortcut, "context", APPLICATION_SHORTCUT)
        self.search_shortcut.activated.connect(self.focus_search)

    # --- pages, built on first use -------------------------------------------------------------

    def _page(self, name: str, build: Callable[[], P]) -> P:
        page = self._pages.get(name)
        if page is None:
            page = build()
            self._pages[name] = page
            self.window.stack.addWidget(page)
        return cast(P, page)  # built by this same build() under this name

    @property
    def welcome(self) -> WelcomePage:
        def build() -> WelcomePage:
            page = WelcomePage(
                demo_available=self._demo_launcher is not None,
                demo_reason=tr("The demo is not available in this build."),
            )
            page.add_language_choice().chosen.connect(self.switch_language)
            page.setup_requested.connect(lambda: self._show(self.setup))
            page.demo_requested.connect(self._launch_demo)
            return page

        return self._page("welcome", build)

    @property
    def setup(self) -> SetupPage:
        def build() -> SetupPage:
            page = SetupPage()
            page.add_language_choice().chosen.connect(self.switch_language)
            page.back_requested.connect(lambda: self._show(self.welcome))
            page.submitted.connect(self.create_vault)
            return page

        return self._page("setup", build)

    @property
    def recovery(self) -> RecoveryKeyPage:
        def build() -> RecoveryKeyPage:
            # Built at set-up only; its module brings Qt's print module with it.
            from advocate_app.ui.vault.recovery_key import RecoveryKeyPage

            page = RecoveryKeyPage()
            page.confirmed.connect(self.enter_shell)
            page.print_requested.connect(self.print_recovery_key)
            page.save_to_drive_requested.connect(self.save_recovery_key_to_drive)
            return page

        return self._page("recovery", build)

    @property
    def unlock_page(self) -> UnlockPage:
        def build() -> UnlockPage:
            page = UnlockPage()
            page.add_language_choice().chosen.connect(self.switch_language)
            page.demo_button.setVisible(self._demo_launcher is not None)
            page.demo_requested.connect(self._launch_demo)
            page.unlock_requested.connect(self.unlock)
            page.recovery_requested.connect(self.unlock_with_recovery)
            return page

        return self._page("unlock", build)

    @property
    def new_passphrase(self) -> NewPassphrasePage:
        def build() -> NewPassphrasePage:
            page = NewPassphrasePage()
            page.submitted.connect(self.set_new_passphrase)
            return page

        return self._page("new_passphrase", build)

    @property
    def message(self) -> MessagePage:
        return self._page("message", MessagePage)

    # --- starting -----------------------------------------------------------------------------

    def start(self) -> None:
        try:
            if any(p.name.startswith(".restore-") for p in self._folder_entries()):
                # A restore was cut off (a crash or power cut): finish it before anything.
                from advocate_app.store.restore import finish_interrupted_restore

                finish_interrupted_restore(self.data_dir)
            if not Vault.exists(self.data_dir):
                self._show(self.welcome)
                return
            self.vault = Vault.open(self.data_dir)
        except VaultInUse as exc:
            self._show_message(tr("Already open"), exc.message, [(tr("Close"), self.window.close)])
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
        self._show_message(
            tr("This folder cannot be written"),
            exc.message,
            [(tr("Try again"), self.start), (tr("Close"), self.window.close)],
        )

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
            from advocate_app.ui.session_events import SessionEvents  # once the window shows

            self.session_events = SessionEvents(self.window)
            self.session_events.lock_now.connect(self.lock)
            self.session_events.listen(int(self.window.winId()))
        return self.session_events.connected

    def _folder_entries(self) -> list[Path]:
        try:
            return list(self.data_dir.iterdir())
        except OSError:
            return []

    def _show(self, page: QWidget) -> None:
        self.window.stack.setCurrentWidget(page)
        page.setFocus()
        focus = page.focusNextPrevChild(True)
        del focus

    def _show_message(
        self, title: str, text: str, actions: list[tuple[str, Callable[[], object]]]
    ) -> None:
        self.message.show_message(title, text, actions)
        self._show(self.message)

    def _show_unlock(self) -> None:
        assert self.vault is not None
        self.unlock_page.set_users(self.vault.users_for_unlock(), self._last_user_id)
        self.unlock_page.set_sign_in_label(self.vault.keys.sign_in_label)
        self.unlock_page.reset()
        self._show(self.unlock_page)
        self.unlock_page.passphrase.setFocus()

    def _launch_demo(self) -> None:
        if self._demo_launcher is not None:
            self._demo_launcher()

    # --- set-up -------------------------------------------------------------------------------

    def create_vault(
        self, office: str, user: str, passphrase: str, sign_in: str | None = None
    ) -> None:
        target = self.kdf_target_seconds
        from advocate_app.ui import warmup  # loaded by now: run_gui started it

        warmup.vault_opened()  # the recovery key is about to be made and shown

        def work() -> tuple[Vault, str]:
            return Vault.create(
                self.data_dir,
                office_name=office,
                user_name=user,
                passphrase=passphrase,
                kdf_target_seconds=target,
                sign_in_label=sign_in,
            )

        def done(result: tuple[Vault, str]) -> None:
            self.setup.clear_secrets()
            self.vault, key_text = result
            self.recovery.show_key(key_text)
            self._show(self.recovery)

        Operation(self.setup, work).busy(self.setup.set_busy).success(done).failure(
            self.setup.show_error
        ).run_in_background()

    def print_recovery_key(self) -> None:
        from advocate_app.ui.vault import recovery_key  # Qt's print module: only from here

        recovery_key.print_recovery_key(self.recovery, self.window, self._office_name())

    def save_recovery_key_to_drive(self) -> None:
        from advocate_app.ui.vault import recovery_key

        recovery_key.save_recovery_key_to_drive(
            self.recovery, self.window, self._office_name(), self.data_dir
        )

    def _office_name(self) -> str:
        return self.vault.office_name if self.vault else ""

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
        from advocate_app.ui import warmup  # loaded by now: run_gui started it

        def work() -> AfterUnlock | None:
            fn(vault)
            if vault.unlocked_with_recovery_key or vault.current_user.must_change_passphrase:
                return None  # read once the new passphrase is chosen, by enter_shell
            # What the shell needs from the vault, read here rather than on the GUI thread.
            return AfterUnlock(
                self._take_saved_place(vault),
                vault.office_name,
                vault.is_demo,
                self._read_first_page(vault),
            )

        def done(after: AfterUnlock | None) -> None:
            # Whatever the warm-up has left is not needed for the unlocked window's first paint.
            warmup.hold_until_painted(self.window)
            self._after_unlock = after
            page.reset()
            user = vault.current_user
            if vault.unlocked_with_recovery_key:
                self.new_passphrase.prepare(
                    tr(
                        "You unlocked with the recovery key. Choose a new passphrase for {0} now; "
                        "the old one no longer matters."
                    ).format(user.name),
                    [user.name, vault.office_name],
                )
                self._show(self.new_passphrase)
            elif user.must_change_passphrase:
                self.new_passphrase.prepare(
                    tr(
                        "Welcome, {0}. You unlocked with a temporary passphrase: choose your own "
                        "now. Nobody else will know it."
                    ).format(user.name),
                    [user.name, vault.office_name],
                )
                self._show(self.new_passphrase)
            else:
                self.enter_shell(in_turns=True)

        def damaged(exc: BaseException) -> None:
            warmup.release()
            self._show_damaged(exc)

        def failed(text: str) -> None:
            warmup.release()
            page.show_error(text, vault.seconds_until_next_attempt())

        self._prepare_shell()
        warmup.hold()  # the key is derived and the vault opened without it (see warmup.hold)
        Operation(page, work).busy(page.set_busy).success(done).on(
            (VaultDamaged, KeysDoNotMatchVault), damaged
        ).failure(failed).run_in_background()

    def _read_first_page(self, vault: Vault) -> object:
        """On the unlock's worker: the first page's content, or None (the page then reads it
        itself, and says so if that fails too). Never a reason for the unlock to fail."""
        if self._first_reader is None:
            return None
        try:
            return self._first_reader(vault, self.settings)
        except Exception as exc:
            log.warning("the first page was not read with the unlock (%s)", type(exc).__name__)
            return None

    def take_first_read(self) -> object:
        """What the unlock read for the first page (once), or None."""
        first, self._first_read = self._first_read, None
        return first

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
            lambda on: page.save.setEnabled(not on)
        ).success(done).failure(page.show_error).run_in_background()
