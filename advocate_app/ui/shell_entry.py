"""Entering the unlocked shell: the part of AppController that builds the unlocked window's
shell (or takes the one built ahead while the key was derived, ui/shell_ahead.py), fills it
with what the unlock's worker read, and shows it, after an unlock in turns of the event loop
of their own so that a key pressed meanwhile waits for one part at most."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from advocate_app.settings import Settings
from advocate_app.store.vault import Vault
from advocate_app.ui.idle import IdleWatcher
from advocate_app.ui.language import current_language
from advocate_app.ui.main_window import MainWindow
from advocate_app.ui.qt import QTimer, QWidget, is_alive, tr_marked
from advocate_app.ui.worker import run_task

if TYPE_CHECKING:  # the unlocked app's: not imported on the way to the unlock window
    from advocate_app.ui.shell import Shell
    from advocate_app.ui.shell_ahead import ShellAhead


@dataclass(frozen=True)
class AfterUnlock:
    """Read from the vault by the unlock's worker, for the shell that follows."""

    place: dict[str, object]  # where the person was when they last locked ({} for nowhere)
    office_name: str
    is_demo: bool
    # What the first page shows, read by first_reader (None: the page reads it itself).
    first_read: object = None


# A step on a turn of the event loop of its own: a timer. A zero-delay single shot is a posted
# call, which Qt may run in the same pass as the one that posted it (no key or paint between).
TURN_OF_ITS_OWN_MS = 1


class ShellEntryMixin:
    """Mixed into AppController, whose state it reads (declared here for the type checker)."""

    vault: Vault | None
    settings: Settings
    window: MainWindow
    idle: IdleWatcher
    shell: Shell | None
    shell_coming: Shell | None
    _after_unlock: AfterUnlock | None
    _first_read: object
    _last_user_id: str | None
    _last_location: dict[str, object]
    _pages: dict[str, QWidget]
    _sections_factory: Callable[[Any, Shell], None] | None
    _shell_preparer: Callable[[Any, Shell], list[Callable[[], object]]] | None
    _shell_ahead: ShellAhead | None

    # Provided by AppController and its other mixins (declared here, never defined twice).
    lock: Callable[[str], None]
    _take_saved_place: Callable[[Vault], dict[str, object]]
    _auto_backup: Callable[[Vault], None]
    _prepare_fresh_process_when_idle: Callable[[], None]

    def enter_shell(self, in_turns: bool = False) -> None:
        """The unlocked window: the shell built (or the one built ahead taken) and shown.

        in_turns (right after an unlock, the person waiting): a turn of the event loop for
        each part, so that a key pressed meanwhile waits for one part at most (all in one,
        it was a block of 30-40 ms at 50,000 clients): with the answer, the sections are
        finished and Today filled, the unlock page still shown; then the window stops
        painting and shows the shell's frame (the navigation, the search line); then the
        section (Today, or where the person left off), and the keyboard focus in it; then the
        window paints (Today paints its groups on the turns after, see ui/today). The
        settings file, when the person unlocking is not the one before, is written on a
        worker meanwhile."""
        vault = self.vault
        assert vault is not None and vault.is_unlocked
        user = vault.current_user
        self._last_user_id = user.id
        after, self._after_unlock = self._after_unlock, None
        self._first_read = after.first_read if after is not None else None
        demo = after.is_demo if after is not None else vault.is_demo  # a query: read once
        if not demo and self.settings.last_user_id != user.id:
            self.settings.last_user_id = user.id
            if in_turns:  # two fsyncs: on a worker, not in the turns below
                run_task(self._save_settings, lambda _r: None, lambda _e: None)
            else:
                self._save_settings()
        shell = self._build_shell(
            after.office_name if after is not None else vault.office_name, show=not in_turns
        )
        self._first_read = None  # Today's rows, if the sections did not take them: not kept
        place = after.place if after is not None else self._take_saved_place(vault)
        if not in_turns:
            self._show_shell(shell, vault, place, demo)
            return

        def still_wanted() -> bool:  # not locked or closed meanwhile (the lock took the shell)
            return self.shell_coming is shell and self.vault is vault and vault.is_unlocked

        def paint() -> None:
            if is_alive(self.window):
                self.window.setUpdatesEnabled(True)  # painted on the next turn

        def show_section() -> None:
            QTimer.singleShot(TURN_OF_ITS_OWN_MS, paint)  # first, whatever happens next
            if still_wanted():
                self._show_shell(shell, vault, place, demo)

        def show_frame() -> None:
            if not still_wanted():
                return
            self.window.setUpdatesEnabled(False)
            QTimer.singleShot(TURN_OF_ITS_OWN_MS, show_section)  # first: it paints again
            self.window.stack.setCurrentWidget(shell)

        shell.frame_first()
        QTimer.singleShot(TURN_OF_ITS_OWN_MS, show_frame)

    def _save_settings(self) -> None:
        with contextlib.suppress(OSError):  # a convenience: unlocking never fails for it
            self.settings.save()

    def _show_shell(self, shell: Shell, vault: Vault, place: dict[str, object], demo: bool) -> None:
        self.shell, self.shell_coming = shell, None
        self.window.stack.setCurrentWidget(shell)
        place = place or self._last_location
        if place:
            shell.restore_location(place)
        elif shell.nav.count():
            shell.nav.setCurrentRow(0)
        shell.show_section_held()  # its frame shown on a turn before (see enter_shell)
        self._last_location = {}
        shell.focus_section()  # where the person left off, never the global search
        self.idle.set_minutes(self.settings.idle_minutes)
        self.idle.start()
        if not demo and self.settings.automatic_backups:
            self._auto_backup(vault)
        self._prepare_fresh_process_when_idle()

    def prepare_shell_ahead(self) -> None:
        """Build the unlocked window's shell now, while the unlock window waits for a
        passphrase (run_gui calls it once the warm-up is done). Left until Enter, its steps
        share the processor with the key derivation, each taking two or three times as long
        on the GUI thread. Nothing in it comes from the vault (see ui/shell_ahead.py)."""
        vault = self.vault
        page = self._pages.get("unlock")
        if (
            vault is not None
            and not vault.is_unlocked
            and page is not None
            and self.window.stack.currentWidget() is page
        ):
            self._prepare_shell()

    def _prepare_shell(self) -> None:
        """Build the shell ahead, at the latest while the key is derived (kept for a second
        attempt)."""
        vault = self.vault
        if vault is None or self._sections_factory is None or self._shell_ahead is not None:
            return
        preparer = self._shell_preparer
        from advocate_app.ui.shell_ahead import ShellAhead  # after Enter: not at start-up

        self._shell_ahead = ShellAhead(
            self.window,
            vault,
            current_language(),
            (lambda shell: preparer(self, shell)) if preparer is not None else None,
            wanted=lambda: self.vault is vault,
        )

    def _build_shell(self, office_name: str | None = None, show: bool = True) -> Shell:
        """The shell with its sections, shown (show=False: in the window's stack, hidden, as
        shell_coming until _show_shell; a lock meanwhile removes it as it does a shown one)."""
        vault = self.vault
        assert vault is not None and vault.is_unlocked
        if office_name is None:
            office_name = vault.office_name
        user = vault.current_user
        from advocate_app.store.vocab import ROLES  # the unlocked app's: not at start-up
        from advocate_app.ui.shell import Shell

        ahead, self._shell_ahead = self._shell_ahead, None
        if ahead is not None and (ahead.vault is not vault or ahead.language != current_language()):
            ahead.discard()  # built for a vault since replaced, or in another language
            ahead = None
        role = tr_marked(ROLES.get(user.role, user.role))
        if ahead is not None:
            shell = ahead.take()
            shell.set_identity(office_name, user.name, role)
        else:
            shell = Shell(office_name, user.name, role)
        shell.lock_requested.connect(lambda: self.lock("button"))
        if self._sections_factory is not None:
            self._sections_factory(self, shell)
        if self.window.stack.indexOf(shell) < 0:
            self.window.stack.addWidget(shell)
        if show:
            self.shell = shell
            self.window.stack.setCurrentWidget(shell)
        else:
            self.shell_coming = shell
        return shell

    def focus_search(self) -> None:
        if self.shell is not None and self.window.stack.currentWidget() is self.shell:
            self.shell.search.setFocus()
            self.shell.search.selectAll()


__all__ = ["TURN_OF_ITS_OWN_MS", "AfterUnlock", "ShellEntryMixin"]
