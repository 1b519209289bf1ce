"""Today is read by the unlock's own worker, once the vault is open, and shown with the unlock's
answer: the page is painted once, with its rows, and the GUI thread never waits for a query.
Whatever goes wrong with that read never stops the unlock: the page then reads for itself."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path

import pytest

from advocate_app.settings import Settings
from advocate_app.store import today as store_today
from advocate_app.store.vault import Vault
from advocate_app.ui import warmup
from advocate_app.ui.qt import QApplication, QWidget
from advocate_app.ui.today import section as today_section
from advocate_app.ui.today.section import FirstRead, TodaySection, read_first
from tests.helpers import PASSPHRASE
from tests.ui.helpers import unlock


def test_today_arrives_with_the_unlock_read_once_off_the_gui_thread(
    qtbot, make_controller, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[bool] = []  # for each read: was it on the GUI thread?
    real_compute = store_today.compute

    def compute(*args, **kwargs):  # type: ignore[no-untyped-def]
        reads.append(threading.current_thread() is threading.main_thread())
        return real_compute(*args, **kwargs)

    monkeypatch.setattr(store_today, "compute", compute)
    refreshes: list[int] = []
    real_refresh = TodaySection.refresh
    monkeypatch.setattr(
        TodaySection, "refresh", lambda self: (refreshes.append(1), real_refresh(self))
    )
    controller = make_controller(vault_dir)
    unlock(qtbot, controller)
    # Filled from the unlock's own read, a group per turn once the window is painted: no
    # second read.
    today = controller.shell.sections["today"]
    qtbot.waitUntil(lambda: today.view is not None, timeout=5000)
    assert refreshes == [] and reads == [False]
    assert controller.take_first_read() is None  # the rows live in the page only, not kept


def test_a_first_read_that_fails_leaves_the_page_to_read_for_itself(
    qtbot, make_controller, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("the first read failed")

    monkeypatch.setattr(today_section, "read_first", broken)
    controller = make_controller(vault_dir)
    unlock(qtbot, controller)
    today = controller.shell.sections["today"]
    qtbot.waitUntil(lambda: today.view is not None, timeout=10000)
    assert not today.error.isVisible()


def test_a_first_read_from_another_day_or_setting_is_read_again(
    qtbot, vault: Vault, today: date
) -> None:
    settings = Settings()
    yesterday = read_first(vault, settings, clock=lambda: today - timedelta(days=1))
    other_days = read_first(vault, Settings(no_contact_days=settings.no_contact_days + 7))
    # Each page is kept until the test ends: a page dropped here would be garbage that a
    # worker thread's collection could destroy, and widgets die on the GUI thread only.
    pages: list[TodaySection] = []
    for stale in (yesterday, other_days):
        section = TodaySection(vault, settings, clock=lambda: today)
        qtbot.addWidget(section)
        pages.append(section)
        with qtbot.waitSignal(section.shown, timeout=10000):
            section.begin_reading(stale)
            assert section.view is None  # not shown: read again, for today
        assert section.view is not None and section.view is not stale.found.view

    fresh = read_first(vault, settings, clock=lambda: today)
    section = TodaySection(vault, settings, clock=lambda: today)
    qtbot.addWidget(section)
    with qtbot.waitSignal(section.shown, timeout=5000):
        section.begin_reading(fresh)
    assert section.view is fresh.found.view  # shown as read, no second read
    assert isinstance(fresh, FirstRead)


def test_the_warm_up_waits_while_the_unlocked_window_is_first_painted(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    ran: list[str] = []
    steps = [warmup.Step("one", lambda: ran.append("one"))]
    warmup.hold_until_painted(window)
    warmup.run_steps(steps)  # would run the first step at once, were it not held
    assert ran == []  # held: the window has not been painted yet
    window.show()
    window.update()
    qtbot.waitUntil(lambda: ran == ["one"], timeout=5000)


def test_the_warm_up_goes_on_if_the_window_is_never_painted(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(warmup, "HOLD_AT_MOST_MS", 30)
    window = QWidget()  # never shown
    qtbot.addWidget(window)
    ran: list[str] = []
    warmup.hold_until_painted(window)
    warmup.run_steps([warmup.Step("one", lambda: ran.append("one"))])
    qtbot.waitUntil(lambda: ran == ["one"], timeout=5000)


def test_the_warm_up_waits_while_a_passphrase_is_checked_and_goes_on_if_it_is_wrong(
    qtbot, make_controller, vault_dir: Path
) -> None:
    controller = make_controller(vault_dir)
    page = controller.unlock_page
    qtbot.keyClicks(page.passphrase, "not the passphrase at all")
    ran: list[str] = []
    page.unlock_button.click()  # the key is derived on a worker from here
    warmup.run_steps([warmup.Step("one", lambda: ran.append("one"))])
    assert ran == []  # held while the unlock's worker needs Python
    qtbot.waitUntil(lambda: ran == ["one"], timeout=10000)  # refused: the warm-up goes on
    assert controller.shell is None


def test_the_unlock_reads_the_first_rows_and_the_rest_when_a_list_is_scrolled_to_its_end(
    qtbot, vault: Vault, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unlock reads as many rows per group as a screen can show (FIRST_ROWS); the rest,
    up to the list's limit, only if the person scrolls a list to its end, and they are added
    below the first ones: the current row stays where it is."""
    from advocate_app.store import clients, needs
    from advocate_app.store.clients import ClientFields

    monkeypatch.setattr(today_section, "FIRST_ROWS", 12)
    rosa = clients.create_client(vault, ClientFields(alias="Rosa", intake_date=today))
    for late in range(20, 0, -1):
        needs.add_need(vault, rosa, "housing", f"Step {late}", due_date=today - timedelta(late))
    first = read_first(vault, Settings(), clock=lambda: today)
    assert len(first.found.rows["overdue"]) == 12 and first.found.view.totals["overdue"] == 20

    reads: list[object] = []  # each read the page starts (on the GUI thread, at once)
    real_operation = today_section.Operation
    monkeypatch.setattr(
        today_section, "Operation", lambda *args: (reads.append(args), real_operation(*args))[1]
    )
    section = TodaySection(vault, Settings(), clock=lambda: today)
    qtbot.addWidget(section)
    section.resize(900, 600)  # each list shows fewer than 12 rows
    with qtbot.waitSignal(section.shown, timeout=5000):
        section.begin_reading(first)
        section.on_show()  # as the shell does when it shows the page
    overdue = section.overdue
    # Said as it will be once the rest are read, from the start.
    assert overdue.row_count() == 12 and overdue.title().endswith("(20)")
    assert not overdue.more.isVisibleTo(section)
    overdue.tree.setCurrentIndex(overdue.model.index(1, 0))  # the person moved down a line
    section.show()
    qtbot.waitExposed(section)
    for _turn in range(5):
        QApplication.processEvents()
    assert reads == []  # shown, painted, and nothing more read

    with qtbot.waitSignal(section.shown, timeout=10000):
        overdue.tree.scrollToBottom()
    assert len(reads) == 1
    assert [overdue.row_texts(n)[1] for n in range(20)] == [
        f"Step {n} · Housing" for n in range(20, 0, -1)
    ]
    assert overdue.tree.currentIndex().row() == 1  # kept: the rows were added, not replaced
    overdue.tree.scrollToBottom()
    for _turn in range(5):
        QApplication.processEvents()
    assert len(reads) == 1  # all there now: nothing more to read


def test_a_list_tall_enough_for_all_the_first_rows_reads_the_rest_at_once(
    qtbot, vault: Vault, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a screen where a list shows every row read with the unlock, there is no end to
    scroll to: the rest are read as soon as it is shown."""
    from advocate_app.store import clients, needs
    from advocate_app.store.clients import ClientFields

    monkeypatch.setattr(today_section, "FIRST_ROWS", 3)
    rosa = clients.create_client(vault, ClientFields(alias="Rosa", intake_date=today))
    for late in range(5, 0, -1):
        needs.add_need(vault, rosa, "housing", f"Step {late}", due_date=today - timedelta(late))
    section = TodaySection(vault, Settings(), clock=lambda: today)
    qtbot.addWidget(section)
    section.resize(900, 900)
    with qtbot.waitSignal(section.shown, timeout=5000):
        section.begin_reading(read_first(vault, Settings(), clock=lambda: today))
        section.on_show()
    assert section.overdue.row_count() == 3
    with qtbot.waitSignal(section.shown, timeout=10000):
        section.show()
    assert section.overdue.row_count() == 5


def test_after_the_unlock_each_group_is_painted_once_on_a_turn_of_its_own(
    qtbot, make_controller, vault: Vault, vault_dir: Path, today: date
) -> None:
    """The unlocked window's first paint was one block of 60-120 ms at 50,000 clients: the
    window is painted first without Today's groups, then each group once, with its rows, in
    reading order, each in a paint of its own. The warm-up waits until the last one."""
    from datetime import datetime, time

    from advocate_app.store import appointments, clients, needs
    from advocate_app.store.appointments import AppointmentFields
    from advocate_app.store.clients import ClientFields
    from advocate_app.ui.qt import QEvent, QObject
    from advocate_app.ui.shell import Shell

    rosa = clients.create_client(
        vault, ClientFields(alias="Rosa", intake_date=today - timedelta(days=90))
    )
    needs.add_need(vault, rosa, "housing", "Deposit", due_date=today - timedelta(days=2))
    needs.add_need(vault, rosa, "childcare", "Forms", due_date=today + timedelta(days=2))
    appointments.add_appointment(
        vault,
        rosa,
        AppointmentFields(
            starts_at=datetime.combine(today + timedelta(days=1), time(9, 30)),
            kind="court_hearing",
        ),
    )
    vault.close()

    controller = make_controller(vault_dir)
    paints: list[list[str]] = []  # the lists painted in each paint of the window, in order
    names: dict[object, str] = {}
    after: list[int] = []  # how many groups were painted when the warm-up went on

    class Watch(QObject):
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.UpdateRequest and watched is controller.window:
                shell = controller.shell
                paints.append(["shell" if shell is not None else "locked"])
            elif event.type() == QEvent.Type.Paint and watched in names and paints:
                paints[-1].append(names[watched])
            return False

    watch = Watch()
    QApplication.instance().installEventFilter(watch)
    try:
        page = controller.unlock_page
        qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is page)
        qtbot.keyClicks(page.passphrase, PASSPHRASE)
        controller.prepare_shell_ahead()  # as the warm-up does once done: Today built, empty
        stack = controller.window.stack

        def shells() -> list[Shell]:
            return [w for w in map(stack.widget, range(stack.count())) if isinstance(w, Shell)]

        qtbot.waitUntil(lambda: len(shells()) == 1)
        (ahead,) = shells()
        # Built ahead to the last step: Today's four groups too.
        qtbot.waitUntil(lambda: "today" in ahead.sections.built())
        section = ahead.sections.built()["today"]
        qtbot.waitUntil(lambda: hasattr(section, "quiet"))
        for group, name in zip(
            section.groups(), ("overdue", "due_soon", "upcoming", "quiet"), strict=True
        ):
            names[group.tree.viewport()] = name
        page.unlock_button.click()
        qtbot.waitUntil(lambda: controller.shell is not None, timeout=15000)
        assert controller.shell is ahead
        warmup.run_steps(
            [
                warmup.Step(
                    "after",
                    lambda: after.append(sum(len(p) - 1 for p in paints if p[0] == "shell")),
                )
            ]
        )
        with qtbot.waitSignal(section.shown, timeout=10000):
            pass
        qtbot.waitUntil(lambda: after != [], timeout=5000)
    finally:
        QApplication.instance().removeEventFilter(watch)
    shell_paints = [p[1:] for p in paints if p[0] == "shell"]
    painted = [name for p in shell_paints for name in p]
    assert painted == ["overdue", "due_soon", "upcoming", "quiet"], shell_paints  # once each
    assert all(len(p) <= 1 for p in shell_paints), shell_paints  # each in a paint of its own
    assert shell_paints[0] == [], shell_paints  # the window first, without the groups
    assert section.overdue.row_count() == 1 and section.quiet.row_count() == 1
    assert section.view is not None
    assert after == [4]  # the warm-up went on once the last group was painted


def test_the_unlocked_window_is_built_shown_and_painted_on_turns_of_their_own(
    qtbot, make_controller, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unlock's answer built the sections, showed the shell and painted the window in one
    block (30-40 ms at 50,000 clients, a key pressed meanwhile waiting for all of it). Now,
    each on a turn of its own: the sections built, the unlock page still shown; the shell's
    frame shown, the window not painting; the section shown, with the keyboard in it; and
    the window painted."""
    from advocate_app.ui.qt import QEvent, QObject

    controller = make_controller(vault_dir)
    steps: list[str] = []
    window = controller.window

    def on_unlock_page() -> bool:
        return window.stack.currentWidget() is controller.unlock_page

    def section_shown() -> bool:
        shell = controller.shell or controller.shell_coming
        return shell is not None and shell.stack.currentWidget() in shell.sections.built().values()

    real_enter = controller.enter_shell

    def enter_shell(*args: object, **kwargs: object) -> None:
        real_enter(*args, **kwargs)
        assert controller.shell is None  # the unlocked window's shell, once it is shown
        shell = controller.shell_coming
        assert shell is not None
        built = "today" in shell.sections.built()
        steps.append(f"answered: sections built {built}, unlock page shown {on_unlock_page()}")
        shell.stack.currentChanged.connect(
            lambda _index: steps.append(
                f"section shown {section_shown()}, painting {window.updatesEnabled()}"
            )
        )

    monkeypatch.setattr(controller, "enter_shell", enter_shell)
    window.stack.currentChanged.connect(
        lambda _index: steps.append(
            f"frame shown, section shown {section_shown()}, painting {window.updatesEnabled()}"
        )
    )

    class Watch(QObject):
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            # The window repaints what changed on an update request (its own Paint event comes
            # only when its own area shows: the shell may cover it whole).
            if (
                event.type() == QEvent.Type.UpdateRequest
                and watched is window
                and not on_unlock_page()
            ):
                steps.append("painted")
            return False

    watch = Watch()
    window.installEventFilter(watch)
    try:
        unlock(qtbot, controller)
        qtbot.waitUntil(lambda: "painted" in steps)
    finally:
        window.removeEventFilter(watch)
    assert steps[:4] == [
        "answered: sections built True, unlock page shown True",
        "frame shown, section shown False, painting False",  # turns after the answer's
        "section shown True, painting False",
        "painted",
    ], steps
    assert window.updatesEnabled()
    assert window.stack.currentWidget() is controller.shell
    today = controller.shell.sections["today"]
    focus = QApplication.focusWidget()
    assert focus is not None and today.isAncestorOf(focus)  # the keyboard in the section


def test_a_lock_before_the_unlocked_window_is_shown_leaves_the_unlock_page(
    qtbot, make_controller, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Locked (the window closed) in the turn the unlock answered, before the shell is shown:
    the unlock page stays, painting, and no shell is left in the window."""
    controller = make_controller(vault_dir)
    real_enter = controller.enter_shell
    locked: list[bool] = []

    def enter_shell(*args: object, **kwargs: object) -> None:
        real_enter(*args, **kwargs)
        controller.lock("test")
        locked.append(True)

    monkeypatch.setattr(controller, "enter_shell", enter_shell)
    page = controller.unlock_page
    qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is page)
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: bool(locked), timeout=15000)
    _after_the_unlocks_turns(qtbot)
    _locked_with_nothing_left(controller)


def test_a_lock_once_the_frame_is_shown_leaves_the_unlock_page_painting(
    qtbot, make_controller, vault_dir: Path
) -> None:
    """Locked on the turn after the shell's frame was shown, the window not painting: the
    unlock page comes back, the window paints again, and no shell is left."""
    from advocate_app.ui.qt import QTimer

    controller = make_controller(vault_dir)
    window = controller.window
    shown_only_the_frame: list[bool] = []

    def lock() -> None:
        shown_only_the_frame.append(controller.shell is None and not window.updatesEnabled())
        controller.lock("test")

    def frame_shown(_index: int) -> None:
        coming = controller.shell_coming
        if coming is not None and window.stack.currentWidget() is coming:
            QTimer.singleShot(0, lock)

    window.stack.currentChanged.connect(frame_shown)
    page = controller.unlock_page
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: bool(shown_only_the_frame), timeout=15000)
    assert shown_only_the_frame == [True]
    _after_the_unlocks_turns(qtbot)
    _locked_with_nothing_left(controller)


def _after_the_unlocks_turns(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Until the turns the unlock would still take (a timer each) have all come."""
    from advocate_app.ui.qt import QTimer
    from advocate_app.ui.shell_entry import TURN_OF_ITS_OWN_MS

    over: list[bool] = []

    def turn(left: int) -> None:
        if left:
            QTimer.singleShot(TURN_OF_ITS_OWN_MS, lambda: turn(left - 1))
        else:
            over.append(True)

    turn(4)
    qtbot.waitUntil(lambda: bool(over))


def _locked_with_nothing_left(controller) -> None:  # type: ignore[no-untyped-def]
    from advocate_app.ui.shell import Shell

    stack = controller.window.stack
    assert stack.currentWidget() is controller.unlock_page
    assert controller.shell is None and controller.shell_coming is None
    assert controller.vault is not None
    assert not controller.vault.is_unlocked
    assert not [w for w in map(stack.widget, range(stack.count())) if isinstance(w, Shell)]
    assert controller.window.updatesEnabled()
