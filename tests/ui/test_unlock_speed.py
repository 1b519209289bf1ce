"""What makes the first unlock quick without making typing slow: the warm-up while the
passphrase is typed, no application-wide event filter on the locked window, and the daily
backup on a lowered-priority thread after Today is shown. No timings here (see benchmarks/)."""

from __future__ import annotations

import os
import sys
import threading

from advocate_app.ui import warmup


def test_the_warm_up_loads_what_the_first_unlock_needs(qapp, qtbot, monkeypatch) -> None:
    from advocate_app.store import pmt_form

    # The funder's form too (a record's services list), on the worker: 40 ms to parse.
    form_read_on: list[bool] = []  # for each read: on the GUI thread?
    real_form = pmt_form.current_form

    def current_form():  # type: ignore[no-untyped-def]
        form_read_on.append(threading.current_thread() is threading.main_thread())
        return real_form()

    monkeypatch.setattr(pmt_form, "current_form", current_form)
    finished: list[bool] = []
    warmup.warm_up(delay_ms=0, done=lambda: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished), timeout=60000)
    for name in (*warmup.PURE_MODULES, *warmup.UI_MODULES):
        assert name in sys.modules, name
    from advocate_app.library import shipped as library

    assert library.is_loaded() and library.shipped_library().articles  # loaded, not loading
    assert form_read_on[:1] == [False]


def test_a_failing_step_neither_ends_the_warm_up_nor_leaves_the_collector_off(
    qapp, qtbot, monkeypatch
) -> None:
    """The collector is off from the first step until the imports are set aside: a step that
    fails (a trimmed build) must not leave it off for the life of the process."""
    import gc

    def fails() -> None:
        raise ImportError("a trimmed build")

    real = warmup.class_steps
    monkeypatch.setattr(warmup, "class_steps", lambda: [warmup.Step("gone", fails), *real()])
    finished: list[bool] = []
    warmup.warm_up(delay_ms=0, done=lambda: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished), timeout=60000)
    assert gc.isenabled()


def test_the_pure_half_never_imports_qt_modules_of_its_own(qapp) -> None:
    """The worker thread imports only store and reports code: no Qt class is created off the
    GUI thread (the import-linter contracts keep Qt out of those layers)."""
    for name in warmup.PURE_MODULES:
        assert not name.startswith(("advocate_app.ui", "PySide6")), name


def test_a_locked_window_has_no_application_wide_event_filter(
    make_controller, vault_dir, qtbot
) -> None:
    from tests.ui.helpers import unlock

    controller = make_controller(vault_dir)
    seen: list[int] = []
    real = type(controller.idle).eventFilter

    def counting(self, watched, event):  # type: ignore[no-untyped-def]
        seen.append(int(event.type().value))
        return real(self, watched, event)

    type(controller.idle).eventFilter = counting  # type: ignore[method-assign]
    try:
        page = controller.unlock_page
        qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is page)
        qtbot.keyClicks(page.passphrase, "typing on the locked window")
        assert seen == []  # no Python call for every event while locked
        page.passphrase.clear()
        unlock(qtbot, controller)
        # Unlocking counts as activity: watched from a few seconds later (idle.UNWATCHED_MS).
        assert controller.idle.watch_again.isActive()
        controller.idle.watch_again.start(0)
        qtbot.waitUntil(lambda: not controller.idle.watch_again.isActive())
        qtbot.keyClicks(controller.shell.search, "x")
        assert seen  # unlocked: activity restarts the idle timer
        controller.lock()
        seen.clear()
        qtbot.keyClicks(controller.unlock_page.passphrase, "y")
        assert seen == []
    finally:
        type(controller.idle).eventFilter = real  # type: ignore[method-assign]


def test_the_daily_backup_copies_on_a_lowered_thread_after_today(
    make_controller, vault_dir, qtbot, monkeypatch
) -> None:
    """Off the GUI thread, after Today; its copy at a lowered priority (its bookkeeping in
    Python is not: see tests/store/test_backup_batches.py)."""
    from advocate_app.store import backup, backup_write
    from advocate_app.ui import auto_backup
    from advocate_app.ui.worker import tasks_running
    from tests.ui.helpers import unlock

    ran: list[tuple[bool, object, bool]] = []
    real = backup_write.copy_database

    def spy(*args, **kw):  # type: ignore[no-untyped-def]
        lowered = (
            not hasattr(os, "getpriority")
            or os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) >= 10
        )
        ran.append((threading.current_thread() is threading.main_thread(), None, lowered))
        return real(*args, **kw)

    monkeypatch.setattr(backup_write, "copy_database", spy)
    # Long enough that the test looks before it fires even on a busy machine (at 50 ms the
    # backup thread sometimes started while unlock() was still returning).
    monkeypatch.setattr(auto_backup, "AUTO_BACKUP_DELAY_MS", 1000)
    controller = make_controller(vault_dir)
    controller.settings.automatic_backups = True
    unlock(qtbot, controller)
    assert controller.shell.current_key() == "today"
    assert ran == []  # not before Today is on screen
    qtbot.waitUntil(lambda: bool(ran) and tasks_running() == 0, timeout=30000)
    assert ran[0][0] is False  # never on the GUI thread
    assert ran[0][2], "the backup thread should run at a lowered priority (nice 10)"
    assert len(backup.automatic_backups(vault_dir / "backups")) == 1


def test_unlocking_builds_only_today_and_the_rest_on_first_use(unlocked, qtbot) -> None:
    shell = unlocked.shell
    # Clients too if the key left time for it (ui/shell_ahead.py's IfTime): not the others.
    assert set(shell.sections.built()) - {"clients"} == {"today"}
    assert list(shell.sections)[:2] == ["today", "clients"]  # every entry is in the navigation
    assert shell.nav.count() == len(shell.sections)
    section = shell.show_section("clients")
    assert shell.stack.currentWidget() is section
    assert set(shell.sections.built()) == {"today", "clients"}
    # Back where the person was after a lock, even in a section not built yet after unlock.
    unlocked.lock()
    from tests.ui.helpers import unlock

    unlock(qtbot, unlocked)
    assert unlocked.shell.current_key() == "clients"
    assert unlocked.shell.stack.currentWidget() is unlocked.shell.sections["clients"]


def test_a_today_count_that_stopped_early_says_so(qapp, qtbot) -> None:
    from advocate_app.ui.today.group import TodayGroup

    headers = [("Client", "The client's alias."), ("Need", "The need.")]
    group = TodayGroup("Overdue", headers, 1, "Nothing overdue.")
    qtbot.addWidget(group)
    rows = [([f"Client {i}", "Housing"], i, {"tab": "needs"}) for i in range(3)]
    group.set_rows(rows, 1000, more_than=True)
    assert group.title() == "Overdue (1000+)"
    assert group.more.text() == "Showing the first 3 of more than 1000."
    group.set_rows(rows, 3)
    assert group.title() == "Overdue (3)" and group.more.isHidden()
    header = group.tree.header()
    assert header.sectionSize(0) >= group.tree.fontMetrics().horizontalAdvance("Client 2")


_TO_THE_UNLOCK_WINDOW = """
import json, sys
from pathlib import Path
from advocate_app.ui.app import make_application, open_main_window
app = make_application([])
controller = open_main_window(Path(sys.argv[1]))
app.processEvents()
assert controller.window.stack.currentWidget() is controller.unlock_page
print(json.dumps(sorted(sys.modules)))
controller.vault.close()
"""


def test_the_way_to_the_unlock_window_imports_no_database_code(vault_dir, tmp_path) -> None:
    """Start-up (and the fresh process after every lock) shows the unlock window without the
    database layer: SQLAlchemy and the backup and restore code load while the passphrase is
    typed (the warm-up), not before the window appears; nor the parsers of the shipped files."""
    from tests.helpers import fresh_python_json

    modules = fresh_python_json(_TO_THE_UNLOCK_WINDOW, str(vault_dir), home=tmp_path / "home")
    heavy = [
        name
        for name in modules
        if name.split(".")[0] in ("sqlalchemy", "alembic", "reportlab", "markdown", "tomllib")
        or name
        in (
            "advocate_app.store.engine",
            "advocate_app.store.backup",
            "advocate_app.store.restore",
            "advocate_app.store.models",
        )
    ]
    assert heavy == []
