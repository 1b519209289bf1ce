"""The warm-up's shape, which keeps every key answered while the passphrase is typed: the
worker thread imports no Qt, and each step on the GUI thread loads one thing (one Qt class, or
one ui module whose own imports were loaded by the steps before it). No timings here: the
benchmark (benchmarks/unlock_app.py) measures the stalls."""

from __future__ import annotations

import shutil

import pytest

from tests.helpers import fresh_python_json

# As the app runs it: the unlock window first, then the warm-up's two halves, recording what
# each one brings into sys.modules.
_STEPS = """
import json, sys
from pathlib import Path
from advocate_app.ui.app import make_application, open_main_window
app = make_application([])
controller = open_main_window(Path(sys.argv[1]))
app.processEvents()
from advocate_app.ui import warmup
import gc
full = []
gc.callbacks.append(lambda phase, info: full.append(info["generation"] == 2 and phase == "stop"))
before = set(sys.modules)
warmup._load_pure()
pure = sorted(set(sys.modules) - before)
collections = {"full": sum(full), "frozen": gc.get_freeze_count(), "enabled": gc.isenabled()}
from advocate_app.store.models import Base
mappers_ready = all(m.configured for m in Base.registry.mappers)
steps = []
turns = {}
for step in warmup._ui_steps():
    before = set(sys.modules)
    turns[step.name] = 1
    while step.run() is warmup.AGAIN:
        turns[step.name] += 1
        app.processEvents()  # the rehearsal's answer, from its worker
    steps.append((step.name, sorted(set(sys.modules) - before)))
left = [
    f"{name}.{cls}"
    for name, module in sorted(sys.modules.items())
    if name.startswith("PySide6.Qt")
    for cls in dir(module)
    if cls.startswith("Q") and cls not in vars(module)
]
print(json.dumps({"pure": pure, "steps": steps, "gc": collections, "left": left, "turns": turns,
                  "mappers_ready": mappers_ready}))
controller.vault.close()
"""


def _run_on_a_vault_copy(code: str, tmp_path_factory, vault_template) -> dict:  # type: ignore[no-untyped-def]
    """Run `code` in a fresh process on a copy of the template vault (its argv[1])."""
    vault_dir = tmp_path_factory.mktemp("warm") / "vault"
    shutil.copytree(vault_template.folder, vault_dir, ignore=shutil.ignore_patterns("vault.lock"))
    result: dict = fresh_python_json(code, str(vault_dir), home=tmp_path_factory.mktemp("home"))
    return result


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, vault_template) -> dict:
    """What the warm-up's worker half and each GUI step imported, in a fresh process."""
    return _run_on_a_vault_copy(_STEPS, tmp_path_factory, vault_template)


def test_the_worker_half_loads_no_qt(loaded) -> None:
    """Qt classes are made on the GUI thread only."""
    assert [name for name in loaded["pure"] if name.startswith(("PySide6", "shiboken6"))] == []
    assert [name for name in loaded["pure"] if name.startswith("advocate_app.ui")] == []


def test_the_worker_half_never_stops_everything_to_collect_garbage(loaded) -> None:
    """A full collection walks every object holding the GIL (tens of milliseconds once the
    libraries are loaded): none while importing, and what the imports made is set aside for
    good (gc.freeze), so later collections walk only what the app makes afterwards."""
    assert loaded["gc"]["full"] == 0
    assert loaded["gc"]["frozen"] > 10_000
    assert loaded["gc"]["enabled"]


def test_the_worker_half_sets_up_the_orm_before_the_unlock_needs_it(loaded) -> None:
    """The ORM sets up its mapped classes on the first query (about 20 ms): done while the
    passphrase is typed, not between the key and Today."""
    assert loaded["mappers_ready"]


def _own(name: str) -> set[str]:
    """A module and the packages it sits in."""
    parts = name.split(".")
    return {".".join(parts[:n]) for n in range(1, len(parts) + 1)}


def test_each_gui_step_loads_one_thing(loaded) -> None:
    """A step that imports a whole section at once (its dialogs, its panes, a Qt module, the
    store code behind it) keeps a key waiting; each step brings in one ui module, whose
    imports the steps before it (or the worker) already loaded, or one Qt class (and, the
    first time, the Qt module it lives in)."""
    too_much = []
    for name, new in loaded["steps"]:
        if name.startswith("Q"):  # a Qt class: at most the Qt module it lives in
            extra = sorted(new)[1:] + [m for m in new if not m.startswith("PySide6.Qt")]
        else:
            extra = sorted(set(new) - _own(name))
        if extra:
            too_much.append((name, extra))
    assert too_much == []


def test_the_steps_cover_the_sections_today_first(loaded) -> None:
    names = [name for name, _new in loaded["steps"]]
    modules = [name for name in names if name.startswith("advocate_app.")]
    assert modules.index("advocate_app.ui.today.section") < modules.index(
        "advocate_app.ui.clients.section"
    )
    for section in ("today", "clients", "reference", "resources", "settings", "backups"):
        assert f"advocate_app.ui.{section}.section" in modules


def test_the_unlock_is_rehearsed_once_todays_page_code_is_loaded(loaded) -> None:
    """The rehearsal (store/rehearsal.py) converts Today's rows with the page's own code: it
    starts right after that code is loaded, and the steps after it wait until it is over."""
    from advocate_app.ui import warmup

    names = [name for name, _new in loaded["steps"]]
    assert names[names.index(warmup.REHEARSE_AFTER) + 1] == warmup.REHEARSAL
    # The steps after it waited for it (beside it, each would take twice as long).
    assert loaded["turns"][warmup.REHEARSAL] > 1


def test_no_qt_class_is_left_for_pyside_to_make_all_at_once(loaded) -> None:
    """The first object of a class PySide does not know (Qt's pixmap cache, 30 s after start)
    makes it create every class still unmade in one go: none is left after the warm-up, and
    they were made a few per turn of the event loop, not in one."""
    from advocate_app.ui import warmup

    assert loaded["left"] == []
    assert loaded["turns"][warmup.REST_OF_QT] > 10


# The warm-up as the app runs it (warm_up, the event loop turning): at the moment the worker
# starts its imports, which of the Qt classes the ui names are still unmade, and whether a
# garbage collection ran while they were being made.
_ORDER = """
import gc, importlib, json, sys
from pathlib import Path
from advocate_app.ui.app import make_application, open_main_window
from advocate_app.ui.qt import QTimer
app = make_application([])
controller = open_main_window(Path(sys.argv[1]))
app.processEvents()
from advocate_app.ui import qt, warmup
collections = []
gc.callbacks.append(lambda phase, info: phase == "stop" and collections.append(info["generation"]))
seen = {}
real = warmup._load_pure
def load_pure():
    seen["unmade"] = [
        name for name, module in qt._WHERE.items()
        if module not in warmup._NOT_AHEAD
        and name not in vars(importlib.import_module(f"PySide6.{module}"))
    ]
    seen["collections_before"] = list(collections)
    real()
    seen["frozen_after_imports"] = gc.get_freeze_count()
warmup._load_pure = load_pure
warmup.warm_up(delay_ms=0, done=app.quit)
QTimer.singleShot(120_000, app.quit)
app.exec()
print(json.dumps(seen | {"enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}))
if controller.vault is not None:
    controller.vault.close()
"""


@pytest.fixture(scope="module")
def order(tmp_path_factory, vault_template) -> dict:
    return _run_on_a_vault_copy(_ORDER, tmp_path_factory, vault_template)


def test_the_qt_classes_are_made_before_the_worker_imports(order) -> None:
    """Making a class runs Python's enum code on the GUI thread (QStyle: eleven enums, 566
    members, 13 ms); with the import worker (or an unlock) running Python beside it, the two
    take turns with the GIL and the step takes twice as long. So the classes come first, in
    the first moments of the typing, when the GUI thread has Python to itself."""
    assert order["unmade"] == []


def test_no_collection_walks_the_new_classes_before_they_are_set_aside(order) -> None:
    """The classes made first are kept for good, like the imports: no collection while they
    are made (a full one walks every object, holding the GIL), then set aside with them."""
    assert order["collections_before"] == []
    assert order["enabled"]
    assert order["frozen"] > 10_000
    # Then what the GUI steps loaded (the ui modules, the rest of the Qt classes) too.
    assert order["frozen"] > order["frozen_after_imports"] + 10_000


_SET_ASIDE = """
import gc, json
from advocate_app.ui.app import make_application
app = make_application([])
from advocate_app.ui import warmup
frozen = []
gc.freeze = lambda: frozen.append(True)
before = warmup.set_aside_what_was_loaded()
warmup.vault_opened()
after = warmup.set_aside_what_was_loaded()
print(json.dumps({"before": before, "after": after, "frozen": len(frozen)}))
"""


def test_nothing_is_set_aside_for_good_once_a_vault_is_opened(tmp_path) -> None:
    """Set aside (gc.freeze), an object is never collected as cyclic garbage: right for the
    libraries and classes the warm-up loads, wrong for an unlocked app's objects, which hold
    what a person typed or read."""
    result = fresh_python_json(_SET_ASIDE, home=tmp_path / "home")
    assert result == {"before": True, "after": False, "frozen": 1}


def test_setting_up_an_office_counts_as_opening_a_vault(
    make_controller, tmp_path, qtbot, monkeypatch
) -> None:
    """The set-up page makes the vault and shows its recovery key without an unlock."""
    from advocate_app.ui import warmup
    from tests.helpers import FIRST_USER, OFFICE, PASSPHRASE, spy_on

    opened = spy_on(monkeypatch, warmup, "vault_opened")
    controller = make_controller(tmp_path / "office")
    controller.create_vault(OFFICE, FIRST_USER, PASSPHRASE)
    assert len(opened.calls) == 1
    qtbot.waitUntil(
        lambda: controller.window.stack.currentWidget() is controller.recovery, timeout=15000
    )


def test_the_first_clear_button_is_made_while_the_passphrase_is_typed(loaded) -> None:
    """The first line with a clear button in a process loads its icon from the style (about
    5 ms, once): it was paid by the first client record opened (search this client's notes),
    in the turn that built it, after an unlock into that record."""
    from advocate_app.ui import warmup

    names = [name for name, _new in loaded["steps"]]
    assert warmup.CLEAR_BUTTON in names
    assert names.index(warmup.CLEAR_BUTTON) < names.index(warmup.REST_OF_QT)
