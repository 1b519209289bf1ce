"""While the person types the passphrase: load what the first unlock will need.

The unlock window needs almost nothing; the unlocked app needs the database layer, Alembic, the
reference library (Markdown parsed, search index built), the report code and the sections. Done
on demand, that is most of the wait between Enter and Today. Done here, it overlaps the typing:

1. on the GUI thread, one small step per turn of the event loop, so a key pressed meanwhile
   waits at most one step: each Qt class the ui uses (PySide makes a class and its enums on
   first touch, in Python's enum code). First, while nothing else runs Python: beside a worker
   running Python the two take turns with the GIL and each step takes twice as long.
2. pure Python (no Qt) on a worker thread: the store and reports layers and their libraries,
   the migration head, the shipped library. The GIL is handed back every millisecond, so the
   GUI thread still answers each key at once.
3. then, on the GUI thread again, a step per turn: the ui modules, Today's first, and the rest
   of the Qt classes a few at a time. Once Today's page code is loaded, a worker rehearses the
   unlock on a made-up client in memory (store/rehearsal.py), so that SQLAlchemy's first-time
   work for each of the unlock's statements is done before the key is.

No garbage collection from the first step until the imports are done: what they make is kept
for the life of the process and is set aside then (gc.freeze), so no collection ever walks it.

Nothing here touches the vault or any secret; if the person presses Enter first, whatever is
not loaded yet is loaded on demand as before.
"""

from __future__ import annotations

import gc
import importlib
import logging
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from advocate_app.ui.qt import QTimer
from advocate_app.ui.worker import run_task

if TYPE_CHECKING:
    from advocate_app.ui.qt import QWidget

log = logging.getLogger(__name__)

# Leaves first, so each step brings in little beyond itself.
PURE_MODULES = (
    "argon2",
    "cryptography.hazmat.primitives.ciphers.aead",
    "sqlalchemy",
    "sqlalchemy.orm",
    "sqlalchemy.dialects.sqlite",
    "sqlcipher3.dbapi2",
    "alembic.command",
    "alembic.config",
    "alembic.runtime.migration",
    "alembic.script",
    "advocate_app.store.models",
    "advocate_app.store.engine",
    "advocate_app.store.audit",
    "advocate_app.store.migrate",
    "advocate_app.searchtext.terms",
    "advocate_app.store.query",
    "advocate_app.library.index",
    "advocate_app.library.shipped",
    "advocate_app.store.clients",
    "advocate_app.store.notes",
    "advocate_app.store.needs",
    "advocate_app.store.appointments",
    "advocate_app.store.today",
    "advocate_app.store.search_all",
    "advocate_app.store.contacts",
    "advocate_app.store.releases",
    "advocate_app.store.users",
    "advocate_app.store.drafts",
    "advocate_app.store.resources",
    "advocate_app.store.backup",
    "advocate_app.store.diagnose",
    "advocate_app.store.restore",
    "advocate_app.store.report_settings",
    "advocate_app.store.sign_in_label",
    "advocate_app.store.sessions",
    "advocate_app.store.backup_status",
    "advocate_app.store.rehearsal",
    "advocate_app.library.render",
    "advocate_app.sizes",
)
# Not ahead of time: the report code (reportlab, PIL) is for supervisors, in a section built
# when first opened, and loading its C extensions holds the GIL long enough to delay a key.

UI_MODULES = (
    "advocate_app.ui.format",
    "advocate_app.ui.lists",
    "advocate_app.ui.data_language",
    "advocate_app.ui.dialogs",
    "advocate_app.ui.roles",
    "advocate_app.ui.needs.model",
    "advocate_app.ui.needs.delegates",
    "advocate_app.ui.needs.dialogs",
    "advocate_app.ui.needs.detail",
    "advocate_app.ui.needs.panel",
    "advocate_app.ui.appointments.model",
    "advocate_app.ui.appointments.dialog",
    "advocate_app.ui.appointments.panel",
    "advocate_app.ui.today.group",
    "advocate_app.ui.backups.texts",
    "advocate_app.ui.shell",
    "advocate_app.ui.shell_ahead",
    "advocate_app.ui.today.section",
    "advocate_app.ui.search_page",
    "advocate_app.ui.sections",
    "advocate_app.ui.clients.list_model",
    "advocate_app.ui.voca_labels",
    "advocate_app.ui.clients.funder_questions",
    "advocate_app.ui.clients.form",
    "advocate_app.ui.clients.services_picker",
    "advocate_app.ui.clients.dialogs",
    "advocate_app.ui.clients.composer",
    "advocate_app.ui.clients.notes_panel",
    "advocate_app.ui.clients.releases",
    "advocate_app.ui.clients.detail",
    "advocate_app.ui.clients.coming",
    "advocate_app.ui.clients.notes_search",
    "advocate_app.ui.clients.section",
    "advocate_app.ui.files",
    "advocate_app.ui.reference.rows",
    "advocate_app.ui.reference.article_tree",
    "advocate_app.ui.reference.reading_pane",
    "advocate_app.ui.reference.article_view",
    "advocate_app.ui.reference.printing",
    "advocate_app.ui.reference.resources_pane",
    "advocate_app.ui.reference.section",
    "advocate_app.ui.resources.section",
    "advocate_app.ui.vault.sign_in_choice",
    "advocate_app.ui.settings.sign_in_box",
    "advocate_app.ui.settings.summary_box",
    "advocate_app.ui.settings.users_dialogs",
    "advocate_app.ui.settings.users_box",
    "advocate_app.ui.settings.section",
    "advocate_app.ui.backups.restore_dialog",
    "advocate_app.ui.backups.section",
)
# Qt's print module is not among the first classes: only the Reference section (printing an
# article) needs it, and it loads just before that section's printing code.
_NOT_AHEAD = {"QtPrintSupport"}
_CLASSES_BEFORE = {"advocate_app.ui.reference.printing": ("QPrinter", "QPrintDialog")}


def _load_pure() -> None:
    # Hand the GIL back within a millisecond when the GUI thread asks (a key was pressed),
    # rather than the default five, while this thread imports.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.001)
    # Imports make a hundred thousand objects, and the cyclic garbage collector, triggered by
    # them, walks every one holding the GIL: two full collections here stopped the GUI thread
    # for 40 to 80 ms each. None while importing; then what was loaded (modules, classes,
    # functions: kept for the life of the process) is set aside, so later collections walk
    # only what the app makes afterwards. (Within warm_up the collector is off already, since
    # the first Qt classes were made; it is turned on again on the GUI thread.)
    collecting = gc.isenabled()
    gc.disable()
    try:
        _import_pure()
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
        sys.setswitchinterval(interval)


def _import_pure() -> None:
    for name in PURE_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # a trimmed build; the unlock imports what it needs itself
            log.warning("warm-up could not import %s", name)
    from advocate_app.library.shipped import shipped_library
    from advocate_app.store import migrate

    migrate.head_revision()  # reads every migration script once; cached for the unlock
    from advocate_app.store.engine import prepare_orm

    prepare_orm()  # rather than on the unlock's first query
    shipped_library()
    from advocate_app.store import pmt_form

    # The funder's form (a TOML file, 40 ms to parse on a 2-core laptop): read when a record is
    # first opened, as the first unlock does where it left off in one.
    try:
        pmt_form.current_form()
    except pmt_form.FormFileProblem:  # said where a record shows the services list
        log.warning("warm-up could not read the funder's form")


class Step(NamedTuple):
    """One turn of the event loop's worth of warm-up on the GUI thread."""

    name: str
    run: Callable[[], object]


def _ui_steps() -> list[Step]:
    """Every step on the GUI thread, in the order warm_up runs them."""
    return class_steps() + _module_steps()


def class_steps() -> list[Step]:
    """The Qt classes the ui names, but for the print module's (see _NOT_AHEAD)."""
    from advocate_app.ui import qt

    # Fetching a class from its Qt module makes the class and all its enums (0.1 to 3 ms
    # each, measured; QStyle 13 ms).
    return [
        Step(name, lambda name=name: getattr(qt, name))  # type: ignore[misc]
        for name, module in qt._WHERE.items()
        if module not in _NOT_AHEAD
    ]


def make_qt_classes() -> None:
    """All of class_steps at once, for a process nobody is looking at yet (a successor
    waiting for its turn, ui/standby.py): the warm-up's class steps then have nothing to do."""
    for step in class_steps():
        step.run()


def _module_steps() -> list[Step]:
    """The ui modules (each runs its own definitions: at most about 10 ms), then the rest of
    the Qt classes."""
    from advocate_app.ui import qt

    steps: list[Step] = []
    for name in UI_MODULES:
        steps += [
            Step(cls, lambda cls=cls: getattr(qt, cls))  # type: ignore[misc]
            for cls in _CLASSES_BEFORE.get(name, ())
        ]
        steps.append(Step(name, lambda name=name: importlib.import_module(name)))  # type: ignore[misc]
        if name == REHEARSE_AFTER:
            steps.append(Step(REHEARSAL, _Rehearsal()))
    steps.append(Step(CLEAR_BUTTON, _clear_button))
    steps.append(Step(REST_OF_QT, _RestOfQt()))
    return steps


CLEAR_BUTTON = "a search line's clear button"


def _clear_button() -> None:
    """A step: the first line with a clear button in a process loads the button's icon from
    the style (about 5 ms, once), and the first client record opened has one (search this
    client's notes): paid here, while the passphrase is typed, not in the record's building."""
    from advocate_app.ui.qt import QLineEdit

    line = QLineEdit()
    line.setClearButtonEnabled(True)
    line.deleteLater()


# Once Today's page code is loaded, the unlock is rehearsed on a worker; the steps after it wait.
REHEARSE_AFTER = "advocate_app.ui.today.section"
REHEARSAL = "a rehearsal of the unlock"


class _Rehearsal:
    """A step: rehearse the unlock on a worker thread (store/rehearsal.py), its reads and
    Today's rows and their texts, on a made-up client in memory. What the unlock's worker does
    once the key is derived then finds SQLAlchemy's first-time work for each statement, and
    the first translations and dates, done: at 50,000 clients about 20 ms less between key and
    Today. The steps after it wait until it is over: beside a worker running Python, each
    would take twice as long (the two take turns with the GIL) and keep a key waiting."""

    def __init__(self) -> None:
        self._over: bool | None = None  # None: not started yet

    def __call__(self) -> object:
        if self._over is None:
            self._over = False
            run_task(_rehearse, self._done, self._failed)
        return None if self._over else AGAIN

    def _done(self, _result: object = None) -> None:
        self._over = True

    def _failed(self, exc: BaseException) -> None:
        log.warning("the unlock's rehearsal failed (%s)", type(exc).__name__)  # speed only
        self._over = True


def _rehearse() -> None:
    from advocate_app.settings import Settings
    from advocate_app.store.rehearsal import rehearse_unlock
    from advocate_app.ui.today.section import read_first

    def going_on() -> bool:
        return not _holding  # Enter was pressed: the real unlock goes alone

    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.001)  # a key pressed meanwhile is answered within a millisecond
    try:
        vault = rehearse_unlock(going_on)
        if vault is None:
            return
        try:
            if going_on():
                read_first(vault, Settings())
        finally:
            vault.close()
    finally:
        sys.setswitchinterval(interval)


# A step that returns AGAIN has more to do: it runs again on the next turn of the event loop.
AGAIN = object()
REST_OF_QT = "the rest of the Qt classes"
# Per turn of the event loop for the rest of the Qt classes (one class takes 0.1 to 4 ms).
REST_SLICE_SECONDS = 0.003
AGAIN_GAP_MS = 15


class _RestOfQt:
    """Every class of the Qt modules loaded so far that nothing has used yet, a few per turn.

    PySide makes a class (and its enums) on first use, but the first object of a class it
    does not know makes it make every class still unmade at once: Qt's pixmap cache, 30 s
    after the first icon, passing through the idle watcher's event filter, stopped the GUI
    thread for 40 to 110 ms (about 450 classes, 90 enums). Made here, while the passphrase is
    typed, nothing is left for that moment."""

    def __init__(self) -> None:
        self._left: list[tuple[object, str]] | None = None

    def __call__(self) -> object:
        if self._left is None:  # now, after the steps before it imported their Qt modules
            self._left = [
                (module, name)
                for module_name, module in sorted(sys.modules.items())
                if module_name.startswith("PySide6.Qt")
                for name in dir(module)
                if name.startswith("Q") and name not in vars(module)
            ]
        deadline = time.perf_counter() + REST_SLICE_SECONDS
        while self._left and time.perf_counter() < deadline:
            module, name = self._left.pop()
            getattr(module, name)
        return AGAIN if self._left else None


# The GUI thread's time for each step of the last warm-up (wall seconds, name): the slowest
# are logged, and the benchmark reads them (benchmarks/unlock_app.py), and when it was done
# (time.time()).
step_times: list[tuple[float, str]] = []
done_at: float | None = None


def _load_ui(steps: list[Step], done: Callable[[], None] | None) -> None:
    """Run the steps, one per turn of the event loop, then done()."""
    if _holding or _watcher is not None:  # an unlock is under way: go on after it
        _held.append(lambda: _load_ui(steps, done))
        return
    if not steps:
        if done is not None:
            done()
        return
    step = steps[0]
    started = time.perf_counter()
    try:
        again = step.run() is AGAIN
    except Exception as exc:  # only speed is lost: what failed loads on demand, if ever
        log.warning("a warm-up step failed (%s)", type(exc).__name__)
        again = False
    if not again:
        steps.pop(0)
    step_times.append((time.perf_counter() - started, step.name))
    # A step that comes back for more leaves the event loop alone for a while between its
    # turns: if Enter was pressed meanwhile, building Today goes first.
    QTimer.singleShot(AGAIN_GAP_MS if again else 0, lambda: _load_ui(steps, done))


# While the vault's answer is turned into the unlocked window: the next step, waiting.
_held: list[Callable[[], None]] = []
HOLD_AT_MOST_MS = 2000  # a window that never paints (hidden) does not stop the warm-up


def run_steps(steps: list[Step], done: Callable[[], None] | None = None) -> None:
    """Run `steps` one per turn of the event loop, as the warm-up does, then `done`."""
    _load_ui(steps, done)


_holding = False


def hold() -> None:
    """Enter was pressed: no warm-up step until the unlocked window is painted
    (hold_until_painted) or the unlock fails (release). Once the key is derived, the unlock's
    worker needs Python for its own work (opening the vault, reading Today), and each step run
    on the GUI thread meanwhile makes it wait its turn."""
    global _holding
    _holding = True
    vault_opened()


_vault_opened = False  # a vault has been unlocked or made in this process


def vault_opened() -> None:
    """A vault is being unlocked or made: from now on what this process holds is the unlocked
    app's (a survivor's words among it), never to be set aside for good."""
    global _vault_opened
    _vault_opened = True


def set_aside_what_was_loaded() -> bool:
    """At the warm-up's end, what its GUI steps loaded (the ui modules, the Qt classes, the
    rehearsal's engine and compiled statements) is kept for good: set aside like the imports
    (gc.freeze), so no later collection walks it (a full one took 13-18 ms). Not once a vault
    has been opened: objects in a reference cycle that hold what a person typed or read would
    then never be collected. Returns whether it was set aside."""
    if _vault_opened:
        return False
    gc.freeze()
    return True


def release() -> None:
    """The unlock did not open the vault: the warm-up goes on."""
    global _holding
    _holding = False
    if _watcher is None:
        _resume()


def _resume() -> None:
    waiting = list(_held)
    _held.clear()
    for resume in waiting:
        resume()


def hold_until_painted(window: QWidget) -> None:
    """The vault has answered: no warm-up step until `window` has been painted (whatever the
    steps left would load is not needed for that paint; run first, each would delay it)."""
    global _watcher
    if _watcher is not None:
        return
    _watcher = _first_paint_class()(window)


_pieces_to_paint = 0  # pages painting their first showing over several turns (paint_in_pieces)


def paint_in_pieces() -> Callable[[], None]:
    """A page paints its first showing over several turns of the event loop (ui.today): the
    warm-up, held until the unlocked window is painted (hold_until_painted), waits for every
    piece; each of its steps run between two pieces would delay the rest. Returns what to call
    once the last piece is painted (more than once changes nothing)."""
    global _pieces_to_paint
    _pieces_to_paint += 1
    called = False

    def painted() -> None:
        nonlocal called
        global _pieces_to_paint
        if called:
            return
        called = True
        _pieces_to_paint -= 1
        if _pieces_to_paint == 0 and _watcher is not None:
            QTimer.singleShot(0, _all_pieces_painted)  # the next turn: after this one's paint

    return painted


def _all_pieces_painted() -> None:
    from advocate_app.ui.qt import is_alive

    watcher = _watcher
    if watcher is not None and not _pieces_to_paint and is_alive(watcher):
        watcher.done()


def _first_paint_class() -> type:
    global _FirstPaint
    if _FirstPaint is None:
        from advocate_app.ui.qt import QEvent, QObject  # the unlocked app's: not at start-up

        class FirstPaint(QObject):
            """Resumes the warm-up once the window has been painted (or is gone, or after
            HOLD_AT_MOST_MS)."""

            def __init__(self, window: QWidget) -> None:
                super().__init__()
                self.window: QWidget | None = window
                window.installEventFilter(self)
                window.destroyed.connect(self.gone)
                QTimer.singleShot(HOLD_AT_MOST_MS, self, self.done)

            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.UpdateRequest and not _pieces_to_paint:
                    # Seen before the paint it asks for: resume on the next turn, after it.
                    QTimer.singleShot(0, self, self.done)
                return False

            def gone(self) -> None:
                self.window = None
                self.done()

            def done(self) -> None:
                global _watcher, _holding
                if _watcher is not self:
                    return
                if self.window is not None:
                    self.window.removeEventFilter(self)
                    self.window = None
                _watcher = None
                _holding = False
                self.deleteLater()
                _resume()

        _FirstPaint = FirstPaint
    return _FirstPaint


_watcher: Any = None  # the FirstPaint holding the warm-up, if any
_FirstPaint: type | None = None


def warm_up(delay_ms: int = 150, done: Callable[[], None] | None = None) -> None:
    """Start warming up after delay_ms (time for the unlock window's first paint)."""

    def start() -> None:
        global done_at
        step_times.clear()
        done_at = None
        collecting = gc.isenabled()
        gc.disable()  # until the imports are done and set aside (see _load_pure)

        def imported() -> None:
            if collecting:
                gc.enable()
            _load_ui(_module_steps(), finished)

        def failed(exc: BaseException) -> None:
            # Only speed is lost: the unlock loads on demand whatever failed here.
            log.warning("warm-up stopped early (%s)", type(exc).__name__)
            imported()

        def finished() -> None:
            global done_at
            done_at = time.time()
            set_aside_what_was_loaded()
            slowest = sorted(step_times, reverse=True)[:3]
            log.info(
                "warm-up done; slowest steps on the GUI thread: %s",
                ", ".join(f"{name} {seconds * 1000:.1f} ms" for seconds, name in slowest),
            )
            if done is not None:
                done()

        def classes_made() -> None:
            run_task(_load_pure, lambda _r: imported(), failed)

        _load_ui(class_steps(), classes_made)

    QTimer.singleShot(delay_ms, start)


__all__ = [
    "AGAIN",
    "CLEAR_BUTTON",
    "PURE_MODULES",
    "REHEARSAL",
    "REST_OF_QT",
    "UI_MODULES",
    "Step",
    "class_steps",
    "hold",
    "hold_until_painted",
    "make_qt_classes",
    "release",
    "run_steps",
    "set_aside_what_was_loaded",
    "step_times",
    "vault_opened",
    "warm_up",
]
