"""The demo window: the separate demo vault, opened and unlocked for the trainer, with the
Trainer section first.

Nothing on this path opens the real vault's folder: the demo vault lives in
`paths.demo_data_dir()` (or a folder given by the caller), and `open_demo_vault` refuses any
folder that is not a demo vault. The DEMO banner, with the fixed passphrase, is on the window
whatever page it shows, and it has no close button.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.demo.engine import (
    DEMO_PASSPHRASE,
    DemoSession,
    open_demo_vault,
)
from advocate_app.demo.scenario import load_scenarios
from advocate_app.i18n import QT_TR_NOOP, Marked
from advocate_app.paths import assets_dir, demo_data_dir
from advocate_app.settings import Settings
from advocate_app.store import clients
from advocate_app.store.errors import VaultError
from advocate_app.store.vault import Vault
from advocate_app.ui.controller import AppController
from advocate_app.ui.demo.presenter import set_presenter_mode
from advocate_app.ui.demo.section import TrainerSection
from advocate_app.ui.language import SPANISH, current_language
from advocate_app.ui.operation import Operation
from advocate_app.ui.qt import (
    QApplication,
    QDialog,
    QEvent,
    QGuiApplication,
    QLabel,
    QObject,
    Qt,
    QWidget,
    is_alive,
    tr,
)
from advocate_app.ui.widgets import label

if TYPE_CHECKING:
    from advocate_app.demo.scenario import Scenario
    from advocate_app.ui.shell import Shell

log = logging.getLogger(__name__)

TRAINER_KEY = "trainer"


def demo_banner_text() -> str:
    return tr("DEMO — fictional training cases. Nothing here is real. Demo passphrase: {0}").format(
        DEMO_PASSPHRASE
    )


class DemoRuntime:
    """What outlives one unlocked shell: the scenarios and the trainer's session.

    The shell (and the Trainer section in it) is rebuilt after every lock; the session, and so
    where each scenario stands, is kept here.
    """

    def __init__(
        self,
        controller: AppController,
        vault: Vault,
        scenarios: list[Scenario],
        problems: list[object],
    ) -> None:
        self.controller = controller
        self.scenarios = scenarios
        self.problems = problems
        self.session = DemoSession(vault, scenarios)
        self.trainer: TrainerSection | None = None

    # --- the sections -----------------------------------------------------------------------------

    def build_sections(self, controller: AppController, shell: Shell) -> None:
        from advocate_app.ui.sections import build_sections

        trainer = TrainerSection(
            self.session,
            problems=self.problems,
            presenter_scale=controller.settings.presenter_font_scale,
        )
        shell.add_section(TRAINER_KEY, trainer)  # first in the navigation
        build_sections(controller, shell)
        reference = shell.sections.get("reference")
        if reference is not None:
            reference.print_mark = tr("DEMO — printed from the training demo")  # type: ignore[attr-defined]
        self.trainer = trainer
        trainer.open_client.connect(lambda client_id: self._open_client(shell, client_id))
        trainer.changed.connect(lambda: self._refresh_clients(shell))
        trainer.reset_demo_requested.connect(self.reset_whole_demo)

    def _open_client(self, shell: Shell, client_id: int) -> None:
        section = shell.show_section("clients")
        section.open_client(client_id)  # type: ignore[attr-defined]

    def _refresh_clients(self, shell: Shell) -> None:
        """After a step the scenario's client is a new record: show the new one in its place."""
        section = shell.sections.get("clients")
        if section is None or not self.session.vault.is_unlocked:
            return
        section.apply_filters()  # type: ignore[attr-defined]
        detail = section.detail  # type: ignore[attr-defined]
        if detail is None:
            return
        ids = {s.client.alias.casefold(): s.id for s in self.scenarios}
        scenario_id = ids.get(detail.alias.casefold())
        if scenario_id is None:
            return  # a client typed in by hand: untouched by stepping
        new_id = self.session.client_id(scenario_id)
        if new_id == detail.client_id and clients.alias_of(self.session.vault, new_id):
            detail.changed.emit()  # same id reused: the section reloads the record
        else:
            section.open_client(new_id, detail.current_tab())  # type: ignore[attr-defined]

    # --- reset the whole demo ---------------------------------------------------------------------

    def reset_whole_demo(self) -> None:
        controller = self.controller
        vault = controller.vault
        if vault is None:
            return
        folder = vault.folder
        controller.lock("demo reset")
        controller.message.show_message(
            tr("Resetting the demo"), tr("Making a fresh demo vault…"), []
        )
        controller.window.stack.setCurrentWidget(controller.message)
        vault.close()
        controller.vault = None

        def work() -> tuple[Vault, DemoSession]:
            fresh = open_demo_vault(folder, reset=True)
            try:
                return fresh, DemoSession(fresh, self.scenarios)
            except BaseException:
                fresh.close()
                raise

        def done(result: tuple[Vault, DemoSession]) -> None:
            fresh, session = result
            if not controller.window.isVisible():  # closed meanwhile: nothing to show it in
                fresh.close()
                return
            controller.vault, self.session = fresh, session
            controller.enter_shell()

        def failed(exc: Exception) -> None:
            # Any failure, not only a VaultError: the window shows "Resetting" until told.
            text = (
                exc.message
                if isinstance(exc, VaultError)
                else tr("Something went wrong while resetting the demo.")
            )
            controller.message.show_message(
                tr("The demo could not be reset"),
                text + " " + tr("Close this window and open the demo again."),
                [(tr("Close"), controller.window.close)],
            )
            if not isinstance(exc, VaultError):
                log.error("demo reset failed: %s", type(exc).__name__)

        # No parent: done must run even if the window is gone, to close the fresh vault.
        Operation(None, work).success(done).on(Exception, failed).run_in_background()


def load_shipped_scenarios() -> tuple[list[Scenario], list[object]]:
    scenarios, errors = load_scenarios(assets_dir() / "scenarios")
    if current_language() == SPANISH:
        # A scenario with a Spanish version (assets/scenarios/es/, the same id, steps and codes)
        # shows in Spanish; the others stay in English.
        spanish, spanish_errors = load_scenarios(assets_dir() / "scenarios" / "es")
        errors = [*errors, *spanish_errors]
        by_id = {scenario.id: scenario for scenario in spanish}
        scenarios = [by_id.get(scenario.id, scenario) for scenario in scenarios]
    # Kept as errors, not text: each is read in the language shown (a switch rebuilds the
    # Trainer section).
    problems: list[object] = list(errors)
    for error in errors:
        log.warning("scenario skipped: %s", error)
    # Two files with the same client alias cannot share the demo vault; keep the first.
    seen: set[str] = set()
    kept = []
    for scenario in scenarios:
        alias = scenario.client.alias.casefold()
        if alias in seen:
            problems.append(
                Marked(QT_TR_NOOP("{0}: the client alias is used by another scenario"), scenario.id)
            )
            continue
        seen.add(alias)
        kept.append(scenario)
    return kept, problems


def _state_passphrase_on_unlock(controller: AppController) -> None:
    # After a lock the trainer types the fixed phrase; the page says what it is. Called again
    # after a language switch, which builds a new unlock page.
    page = controller.unlock_page
    if page.findChild(QLabel, "DemoPassphrase") is not None:
        return
    page.title_label.setText(tr("Unlock the demo"))
    hint = label(tr("Demo passphrase: {0}").format(DEMO_PASSPHRASE), "subtitle")
    hint.setObjectName("DemoPassphrase")
    hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    hint.setAccessibleName(tr("Demo passphrase"))
    page.body.insertWidget(page.body.indexOf(page.title_label) + 1, hint)
    page.toggle.setVisible(False)  # the demo's recovery key was never kept: nothing to type


def _follow_language(controller: AppController) -> None:
    """After the controller rebuilt its pages in the new language: the demo's own texts."""
    banner = controller.window.banner
    if banner is not None:
        banner.setText(demo_banner_text())
    if controller.vault is not None:
        _state_passphrase_on_unlock(controller)


class _DemoDialogMarker(QObject):
    """Every dialog opened from the demo window says DEMO in its title bar: the banner is on
    the main window, and a dialog (add a user, confirm a reset…) is a window of its own."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QDialog)
            and is_alive(self._window)
            and self._opened_from_demo(watched)
        ):
            title = watched.windowTitle()
            if not title.startswith("DEMO"):
                watched.setWindowTitle(f"DEMO — {title}" if title else "DEMO")
        return False

    def _opened_from_demo(self, dialog: QWidget) -> bool:
        # isAncestorOf stops at window boundaries, and a dialog is a window: walk the parents.
        parent = dialog.parentWidget()
        while parent is not None:
            if parent is self._window:
                return True
            parent = parent.parentWidget()
        return False


def build_demo_controller(
    folder: Path | None = None, *, settings: Settings | None = None
) -> AppController:
    """A window on the demo vault, unlocked as the Trainer, showing the Trainer section.

    If the demo vault cannot be opened (already open elsewhere, or the folder holds something
    else), the window shows why instead; the real vault is never opened as a fallback.
    """
    folder = Path(folder) if folder is not None else demo_data_dir()
    runtime: list[DemoRuntime] = []  # filled in below, before the shell is first built
    controller = AppController(
        folder,
        settings or Settings.load(),
        demo_banner=demo_banner_text(),
        kdf_target_seconds=0,
        sections_factory=lambda c, shell: runtime[0].build_sections(c, shell),
    )
    if controller.window.banner is not None:
        # In presenter mode the banner's text is larger than a projector's width: wrap it.
        controller.window.banner.setWordWrap(True)
    controller.window.setWindowTitle("Companion — DEMO")
    marker = _DemoDialogMarker(controller.window)
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(marker)
    try:
        vault = open_demo_vault(folder)
    except VaultError as exc:
        controller.message.show_message(
            tr("The demo cannot be opened"), exc.message, [(tr("Close"), controller.window.close)]
        )
        controller.window.stack.setCurrentWidget(controller.message)
        return controller
    try:
        scenarios, problems = load_shipped_scenarios()
        runtime.append(DemoRuntime(controller, vault, scenarios, problems))
    except BaseException:
        vault.close()
        raise
    controller.vault = vault
    _state_passphrase_on_unlock(controller)
    # Connected after the controller's own slot: its pages are rebuilt by then.
    controller.window.language_changed.connect(lambda: _follow_language(controller))
    controller.enter_shell()  # the Trainer section is first, so it is the one shown
    return controller


# --- "Try the demo" from the real window ------------------------------------------------------

_demo_windows: list[AppController] = []


def demo_window_open() -> bool:
    """Whether a demo window opened from the real window is showing (it comes back after the
    real window's lock starts a fresh process)."""
    return any(c.window.isVisible() for c in _demo_windows)


def launch_demo_window(
    parent_controller: AppController, folder: Path | None = None
) -> AppController:
    """Open the demo in its own window; the real window stays exactly as it is (locked).

    A second press brings the open demo window to the front instead of opening another.
    """
    for existing in _demo_windows:
        if existing.window.isVisible():
            if QGuiApplication.platformName() != "offscreen":  # it cannot raise, and says so
                existing.window.raise_()
            existing.window.activateWindow()
            return existing
    controller = build_demo_controller(folder, settings=parent_controller.settings)
    for shortcut in (controller.lock_shortcut, controller.search_shortcut):
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    _demo_windows.append(controller)

    # The real window's Ctrl+L and Ctrl+K work in every window of the application, so with the
    # demo open Qt finds two matches and runs neither: send each press to the window in front.
    def front() -> AppController | None:
        active = QApplication.activeWindow()
        for candidate in (controller, parent_controller):
            window = candidate.window
            if active is not None and (active is window or window.isAncestorOf(active)):
                return candidate
        return None

    def ambiguous_lock() -> None:
        target = front()
        if target is not None:
            target.lock("shortcut")

    def ambiguous_search() -> None:
        target = front()
        if target is not None:
            target.focus_search()

    routes = [
        (shortcut.activatedAmbiguously, slot)
        for c in (controller, parent_controller)
        for shortcut, slot in (
            (c.lock_shortcut, ambiguous_lock),
            (c.search_shortcut, ambiguous_search),
        )
    ]
    for signal, slot in routes:
        signal.connect(slot)

    def closed() -> None:
        set_presenter_mode(False)  # the real window goes back to its normal text size
        for signal, slot in routes:
            signal.disconnect(slot)
        if controller in _demo_windows:
            _demo_windows.remove(controller)

    controller.window.closing.connect(closed)
    controller.window.show()  # a new window opens in front
    controller.window.activateWindow()
    return controller


__all__ = [
    "DemoRuntime",
    "build_demo_controller",
    "demo_banner_text",
    "demo_window_open",
    "launch_demo_window",
]
