"""Switching the interface language while the app runs: the part of AppController that applies
the new language, rebuilds the pages made of many strings (keeping what was typed on the set-up
page, passphrases too, in memory only; the recovery key shown once; the damaged vault's diagnosis)
and rebuilds the unlocked shell where the person was, with their unsaved text. Every open window
follows a switch made in any of them (`follow_language`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from advocate_app.settings import Settings
from advocate_app.store.vault import Vault
from advocate_app.ui.language import apply_language, current_language
from advocate_app.ui.main_window import MainWindow
from advocate_app.ui.qt import QTimer, QWidget
from advocate_app.ui.vault.pages import SetupPage

if TYPE_CHECKING:
    from advocate_app.ui.shell import Shell  # the unlocked app's: not imported at start-up
    from advocate_app.ui.vault.damaged import DamagedPage
    from advocate_app.ui.vault.recovery_key import RecoveryKeyPage


class LanguageSwitchMixin:
    """Mixed into AppController, whose state it reads (declared here for the type checker)."""

    vault: Vault | None
    shell: Shell | None
    window: MainWindow
    settings: Settings
    _pages: dict[str, QWidget]
    _shown_language: str

    # Provided by AppController (declared here for the type checker, never defined twice).
    _show: Callable[[QWidget], None]
    _show_unlock: Callable[[], None]
    _build_shell: Callable[[], Shell]

    if TYPE_CHECKING:  # AppController's own: the set-up page, built on first use

        @property
        def setup(self) -> SetupPage: ...

        @property
        def damaged(self) -> DamagedPage: ...

        @property
        def recovery(self) -> RecoveryKeyPage: ...

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
