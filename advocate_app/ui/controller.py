"""The controller: owns the vault and moves the main window between first run, unlock, the
unlocked shell and the damaged-vault screen; set-up, unlocking, restoring and the daily backup
run in the background through Operations. Locking is in ui/locking.py."""

from __future__ import annotations

import contextlib
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
from advocate_app.store.vocab import ROLES
from advocate_app.ui.idle import IdleWatcher
from advocate_app.ui.language import apply_language, current_language, resolve
from advocate_app.ui.locking import LockingMixin
from advocate_app.ui.main_window import MainWindow
from advocate_app.ui.operation import Operation
from advocate_app.ui.qt import (
    QByteArray,
    QKeySequence,
    QShortcut,
    Qt,
    QTimer,
    QWidget,
    tr,
    tr_marked,
)
from advocate_app.ui.restart import ResumeState
from advocate_app.ui.session_events import SessionEvents
from advocate_app.ui.shell import Shell
from advocate_app.ui.vault.pages import (
    MessagePage,
    NewPassphrasePage,
    SetupPage,
    UnlockPage,
    WelcomePage,
)
from advocate_app.ui.widgets import set_message

if TYPE_CHECKING:  # imported when first needed, not at start-up
    from advocate_app.store.restore import RestoreRequest, RestoreResult
    from advocate_app.ui.vault.damaged import DamagedPage
    from advocate_app.ui.vault.recovery_key import RecoveryKeyPage

P = TypeVar("P", bound=QWidget)

log = logging.getLogger(__name__)

AUTO_BACKUP_DELAY_MS = 2000


class AppController(LockingMixin):
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
        # The last person who unlocked on this computer is preselected, even after a restart:
        # settings.json holds their user id (a random id, never a name).
        self._last_user_id: str | None = settings.last_user_id or None
        self._sections_factory = sections_factory
        self._demo_launcher = demo_launcher
        # Set for the real window: a lock ends the process and starts a fresh one (restart.py).
        self._fresh_process_on_lock = fresh_process_on_lock
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
        self.lock_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_shortcut.activated.connect(lambda: self.lock("shortcut"))
        self.search_shortcut = QShortcut(QKeySequence("Ctrl+K"), self.window)
        self.search_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
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
        except VaultInUse as exc:
            self._show_message(tr("Already open"), exc.message, [(tr("Close"), self.window.close)])
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
    def damaged(self) -> DamagedPage:
        def build() -> DamagedPage:
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
        self.damaged.show_diagnosis(diagnose(self.data_dir, error=error))
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
                    show_error = getattr(page, "show_error", None)
                    if callable(show_error):
                        show_error(exc.message)
                    return
                self.lock("restore")
            self.vault.close()
            self.vault = None
        self._show_message(
            tr("Restoring the backup…"),
            tr(
                "Checking the backup and putting it in place. The current vault "
                "is kept aside in a folder named before-restore."
            ),
            [],
        )
        folder = self.data_dir

        def done(result: RestoreResult) -> None:
            self.start()
            kept = result.kept_aside
            if kept is not None and self.window.stack.currentWidget() is self.unlock_page:
                set_message(
                    self.unlock_page.message,
                    tr(
                        "The backup was restored. The vault as it was is kept in {0}. Unlock to "
                        "continue."
                    ).format(kept.name),
                    "ok",
                )

        def failed(text: str) -> None:
            page = self.window.stack.currentWidget()
            show_error = getattr(page, "show_error", None)
            if callable(show_error):
                show_error(text)

        # Whatever happened, start again from the folder as it now is (busy(False) runs first).
        Operation(
            self.window,
            lambda: restore_backup(
                folder,
                request.path,
                request.credentials,
                authorization=authorization,
                allow_other_vault=request.allow_other_vault,
            ),
        ).busy(lambda on: None if on else self.start()).success(done).failure(
            failed
        ).run_in_background()

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

        def done(_user: object) -> None:
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
                self.enter_shell()

        Operation(page, lambda: fn(vault)).busy(page.set_busy).success(done).on(
            (VaultDamaged, KeysDoNotMatchVault), self._show_damaged
        ).failure(
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
            lambda on: page.save.setEnabled(not on)
        ).success(done).failure(page.show_error).run_in_background()

    # --- the unlocked shell -------------------------------------------------------------------

    def enter_shell(self) -> None:
        vault = self.vault
        assert vault is not None and vault.is_unlocked
        user = vault.current_user
        self._last_user_id = user.id
        demo = vault.is_demo  # a query: read once
        if not demo and self.settings.last_user_id != user.id:
            self.settings.last_user_id = user.id
            with contextlib.suppress(OSError):  # a convenience: unlocking never fails for it
                self.settings.save()
        shell = self._build_shell()
        place = self._take_saved_place(vault) or self._last_location
        if place:
            shell.restore_location(place)
        elif shell.nav.count():
            shell.nav.setCurrentRow(0)
        self._last_location = {}
        shell.focus_section()  # where the person left off, never the global search
        self.idle.set_minutes(self.settings.idle_minutes)
        self.idle.start()
        if not demo and self.settings.automatic_backups:
            self._auto_backup(vault)

    def _build_shell(self) -> Shell:
        vault = self.vault
        assert vault is not None and vault.is_unlocked
        user = vault.current_user
        shell = Shell(vault.office_name, user.name, tr_marked(ROLES.get(user.role, user.role)))
        shell.lock_requested.connect(lambda: self.lock("button"))
        if self._sections_factory is not None:
            self._sections_factory(self, shell)
        self.shell = shell
        self.window.stack.addWidget(shell)
        self.window.stack.setCurrentWidget(shell)
        return shell

    # --- the interface language ---------------------------------------------------------------

    def switch_language(self, language: str) -> None:
        """Show the whole app in `language` now, and keep the choice for the next start.

        Qt tells every widget (LanguageChange), and every open window follows
        (`follow_language`): the demo window too, whichever window the switch came from.
        """
        self.settings.language = language
        self.settings.save()
        if language == current_language():
            return
        apply_language(language)
        self.follow_language()

    def follow_language(self) -> None:
        """Rebuild this window's pages in the language now installed (once per switch).

        Pages built from many strings are rebuilt rather than retranslated: the pages before
        the vault opens, keeping what was typed on them (passphrases too, in memory only), and
        the shell, which keeps the person's place and their unsaved text (the same drafts a
        lock keeps).
        """
        if self._shown_language == current_language() or not self.window.isVisible():
            return
        self._shown_language = current_language()
        current = self.window.stack.currentWidget()
        shown = next((name for name, page in self._pages.items() if page is current), None)
        # What was typed on the set-up page survives the rebuild, widget to widget.
        old_setup = self._pages.get("setup")
        typed = (
            [old_setup.office, old_setup.user, old_setup.passphrase, old_setup.repeat]
            if isinstance(old_setup, SetupPage)
            else None
        )
        diagnosis = getattr(self._pages.get("damaged"), "diagnosis", None)
        old_recovery = self._pages.get("recovery")  # the key is shown once: carried over
        for name in [n for n in self._pages if n != "message"]:
            page = self._pages.pop(name)
            self.window.stack.removeWidget(page)
            page.deleteLater()
        if typed is not None:
            fields = (self.setup.office, self.setup.user, self.setup.passphrase, self.setup.repeat)
            for old, new in zip(typed, fields, strict=True):
                new.setText(old.text())
                old.clear()
        if diagnosis is not None:  # the damaged screen says again what is wrong, translated
            self.damaged.show_diagnosis(diagnosis)
        if old_recovery is not None:
            self.recovery.take_over(old_recovery)  # type: ignore[arg-type]
        if shown is not None and shown != "message":
            page = getattr(self, {"unlock": "unlock_page"}.get(shown, shown))
            if shown == "unlock" and self.vault is not None:
                self._show_unlock()
            else:
                self._show(page)
        shell = self.shell
        if shell is not None and self.vault is not None and self.vault.is_unlocked:
            shell.collect_drafts()
            place = shell.location()
            self.window.stack.removeWidget(shell)
            shell.hide()
            QTimer.singleShot(0, shell.deleteLater)
            new_shell = self._build_shell()
            if place:
                new_shell.restore_location(place)
            elif new_shell.nav.count():
                new_shell.nav.setCurrentRow(0)
            new_shell.focus_section()

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
        operation = (
            Operation(None, lambda: auto_backup_if_due(vault, keep))
            .low_priority()
            .success(lambda _info: show_outcome())
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

    def focus_search(self) -> None:
        if self.shell is not None and self.window.stack.currentWidget() is self.shell:
            self.shell.search.setFocus()
            self.shell.search.selectAll()
