"""Starting the GUI: the QApplication, the theme, error handling and the sections."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

# Importing the GUI makes what lives as long as the process: modules, classes, PySide's types
# and their enums. The cyclic garbage collector, set off again and again by these hundreds of
# thousands of new objects, would walk them all for nothing (2% of start-up, measured; issue
# 21): paused while they load, then set aside for good (gc.freeze), as the warm-up does for
# the unlocked app's modules.
_collecting = gc.isenabled()
gc.disable()
try:
    from advocate_app.paths import assets_dir
    from advocate_app.settings import Settings
    from advocate_app.ui import qt
    from advocate_app.ui.clipboard import watch_copies
    from advocate_app.ui.controller import AppController
    from advocate_app.ui.errors import install_excepthook
    from advocate_app.ui.qt import (
        QApplication,
        QByteArray,
        QCoreApplication,
        QGuiApplication,
        QLocale,
        QTimer,
    )
    from advocate_app.ui.restart import take_resume_state
    from advocate_app.ui.standby import Successor, SuccessorGone, announce_shown, wait_for_turn
    from advocate_app.ui.theme import (
        FUSION_ARGUMENTS,
        apply_theme,
        check_system_theme,
        fusion_chosen_at_start,
    )
finally:
    gc.freeze()
    if _collecting:
        gc.enable()


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # Qt 6's default rounding policy is already PassThrough: no call (and no enum) for it.
        # Qt reads options from the second argument on: the first is the program's name.
        args = list(argv if argv is not None else sys.argv[:1]) or ["advocate-app"]
        app = QApplication([*args, *FUSION_ARGUMENTS])
        fusion_chosen_at_start()
    if QLocale.system().name() in ("C", "POSIX"):
        # No locale configured (a bare Linux session): US English rather than raw C formats.
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    app.setApplicationName("Companion")
    app.setApplicationDisplayName("Companion")
    app.setDesktopFileName("org.advocatecompanion.AdvocateCompanion")
    apply_theme(app)
    watch_copies()
    # What the first window does not need for its first paint, each on a turn of its own after
    # it: the Qt namespace, asking the system for its theme (the first window is drawn in the
    # one it asked for last time), and the window icon (the SVG icon engine is a plugin to
    # load, and PySide makes QIcon with a 151-member enum).
    after_first_window_up([_make_qt_namespace, check_system_theme, lambda: _set_icon(app)])
    return app


def _make_qt_namespace() -> None:
    # PySide builds it, with its hundred-odd enums, on first touch: on a turn of its own, before
    # asking the system for its theme (whose answer is one of them) and before any key comes.
    qt.Qt  # noqa: B018


def _set_icon(app: QApplication) -> None:
    icon = assets_dir() / "icons" / "advocate-companion.svg"
    if icon.exists():
        app.setWindowIcon(qt.QIcon(str(icon)))


# How often to look whether a window is up yet, and for how long at most (a test's window that
# is never shown, a display that never exposes it). Each step then on a 1 ms timer: zero-delay
# calls are posted, and Qt runs those posted meanwhile in the same pass (one long turn).
WINDOW_UP_POLL_MS = 1
STEP_AFTER_MS = 1
WINDOW_UP_AT_MOST_MS = 2000


def after_first_window_up(steps: list[Callable[[], object]]) -> None:
    """Run `steps`, one per turn of the event loop, from the turn after a window of this
    application is first exposed (Qt paints a window as it is exposed). A step queued at once
    would run before that paint: Qt delivers what is queued before it handles the display's
    expose."""
    poll = QTimer(QCoreApplication.instance())
    poll.setInterval(WINDOW_UP_POLL_MS)
    since = time.monotonic()

    def look() -> None:
        up = any(window.isExposed() for window in QGuiApplication.topLevelWindows())
        if up or (time.monotonic() - since) * 1000 > WINDOW_UP_AT_MOST_MS:
            poll.stop()
            poll.deleteLater()
            QTimer.singleShot(STEP_AFTER_MS, next_step)

    def next_step() -> None:
        if steps:
            steps.pop(0)()
            QTimer.singleShot(STEP_AFTER_MS, next_step)

    poll.timeout.connect(look)
    poll.start()


def _build_sections(controller: AppController, shell: object) -> None:
    # Imported on first unlock: the sections pull in the database, Markdown and search code.
    from advocate_app.ui.sections import build_sections

    build_sections(controller, shell)  # type: ignore[arg-type]


def _prepare_sections(controller: AppController, shell: object) -> list[Callable[[], object]]:
    from advocate_app.ui.sections import prepare_sections

    return prepare_sections(controller, shell)  # type: ignore[arg-type]


def _read_first_page(vault: object, settings: Settings) -> object:
    # On the unlock's worker, once the vault is open: Today, shown with the unlock's answer.
    from advocate_app.ui.today.section import read_first

    return read_first(vault, settings)  # type: ignore[arg-type]


def build_controller(
    data_dir: Path, settings: Settings | None = None, **kwargs: object
) -> AppController:
    controller = AppController(
        data_dir,
        settings or Settings.load(),
        sections_factory=_build_sections,
        shell_preparer=_prepare_sections,
        first_reader=_read_first_page,
        **kwargs,  # type: ignore[arg-type]
    )
    return controller


def open_main_window(data_dir: Path) -> AppController:
    """The real window as `advocate-app` shows it, at the unlock window or the first-run page."""

    def launch_demo() -> None:
        from advocate_app.ui.demo.app import launch_demo_window

        launch_demo_window(controller)

    def demo_window_open() -> bool:
        demo_app = sys.modules.get("advocate_app.ui.demo.app")  # never imported: never opened
        return bool(demo_app is not None and demo_app.demo_window_open())

    # A lock hands over to a successor started ahead of time (ui/standby.py), or else replaces
    # this process.
    successor = Successor()
    controller = build_controller(
        data_dir,
        demo_launcher=launch_demo,
        fresh_process_on_lock=successor.replace,
        prepare_fresh_process=successor.start,
        demo_window_open=demo_window_open,
    )
    controller.successor = successor
    resume = take_resume_state()
    if resume is not None and resume.geometry:
        # Before showing, so the fresh window appears where the old one was.
        controller.window.restoreGeometry(QByteArray.fromBase64(resume.geometry.encode("ascii")))
    controller.window.show()
    controller.start()
    if resume is not None:
        controller.resume(resume)
    # A successor that took over: the process that locked may end once this window is up.
    QTimer.singleShot(0, announce_shown)
    # After the window shows: connecting to the buses is not on the way to the unlock window.
    QTimer.singleShot(0, controller.listen_to_session_events)
    return controller


def run_gui(
    *, data_dir: Path, demo: bool = False, smoke_test: bool = False, explicit_data_dir: bool = False
) -> int:
    if not (demo or smoke_test):
        try:
            # A successor started ahead of time waits here, before it connects to the display,
            # until the process that started it locks (ui/standby.py).
            wait_for_turn()
        except SuccessorGone:
            return 0
    app = make_application()
    install_excepthook()
    if smoke_test:
        from advocate_app.ui.smoke import run_smoke_test

        return run_smoke_test(app, demo=demo)
    if demo:
        # Always the separate demo folder: --data-dir names the real vault, which demo mode
        # never opens.
        from advocate_app.ui.demo.app import build_demo_controller

        demo_controller = build_demo_controller()
        demo_controller.window.show()
        return app.exec()

    controller = open_main_window(data_dir)
    start_warm_up(controller.prepare_shell_ahead)
    return app.exec()


def start_warm_up(then: Callable[[], None] | None = None) -> None:
    """Load what the first unlock needs while the passphrase is typed (see ui.warmup); then,
    if given, `then()` (the shell built ahead, still while the passphrase is typed)."""
    from advocate_app.ui.warmup import warm_up

    # A worker thread running Python (unlocking, a backup, a search) hands the GIL to the GUI
    # thread within 1 ms when a key or a paint needs it, rather than within 5: the event loop
    # never waits long on background work.
    sys.setswitchinterval(0.001)
    warm_up(done=then)
