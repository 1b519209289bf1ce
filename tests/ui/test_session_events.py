"""Locking on suspend, on the session's lock, on the screen saver, and after a sleep the idle
timer could not see. The signals are sent as the buses and Windows would send them."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from advocate_app.ui.idle import IdleWatcher
from advocate_app.ui.session_events import (
    MSG,
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    SessionEvents,
    WindowsSessionFilter,
    session_object_path,
)


def _locked(controller) -> bool:
    return (
        controller.shell is None
        and not controller.vault.is_unlocked
        and controller.window.stack.currentWidget() is controller.unlock_page
    )


@pytest.mark.parametrize(
    "send",
    [
        lambda events: events.on_prepare_for_sleep(True),
        lambda events: events.on_session_lock(),
        lambda events: events.on_screen_saver_active(True),
    ],
    ids=["suspend", "session lock", "screen saver"],
)
def test_each_session_signal_locks_the_app(unlocked, qtbot, send) -> None:
    controller = unlocked
    controller.listen_to_session_events()  # no bus here: nothing connects, and nothing breaks
    send(controller.session_events)
    assert _locked(controller)


def test_waking_up_and_the_screen_saver_ending_do_not_lock(unlocked) -> None:
    controller = unlocked
    controller.listen_to_session_events()
    controller.session_events.on_prepare_for_sleep(False)
    controller.session_events.on_screen_saver_active(False)
    assert controller.shell is not None and controller.vault.is_unlocked


def test_session_object_paths_are_escaped_as_logind_does() -> None:
    assert session_object_path("2") == "/org/freedesktop/login1/session/_32"
    assert session_object_path("c12") == "/org/freedesktop/login1/session/c12"
    assert session_object_path("a-b") == "/org/freedesktop/login1/session/a_2db"


def _message(message: int, wparam: int) -> MSG:
    return MSG(hwnd=None, message=message, wParam=wparam, lParam=0, time=0, pt_x=0, pt_y=0)


def test_windows_suspend_and_session_lock_messages_lock(qapp) -> None:
    reasons: list[str] = []
    native = WindowsSessionFilter(reasons.append)
    messages = [
        _message(WM_POWERBROADCAST, PBT_APMSUSPEND),
        _message(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK),
        _message(WM_POWERBROADCAST, 0x12),  # resume: not a reason to lock
        _message(WM_WTSSESSION_CHANGE, 0x8),  # unlock
        _message(0x0100, PBT_APMSUSPEND),
    ]  # a key press
    for msg in messages:
        assert native.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(msg)) == (
            False,
            0,
        )  # never swallowed
    # Messages of another kind (an X11 event) are not read as MSG at all.
    native.nativeEventFilter(b"xcb_generic_event_t", ctypes.addressof(messages[0]))
    assert reasons == ["suspend", "session lock"]


class _Clocks:
    def __init__(self) -> None:
        self.wall = 1_800_000_000.0
        self.mono = 5000.0

    def advance(self, wall: float, mono: float) -> None:
        self.wall += wall
        self.mono += mono


def _watcher(clocks: _Clocks, minutes: int = 5) -> IdleWatcher:
    return IdleWatcher(minutes, wall_clock=lambda: clocks.wall, monotonic_clock=lambda: clocks.mono)


def test_a_long_sleep_past_the_idle_limit_is_idle_at_wake_up(qtbot) -> None:
    clocks = _Clocks()
    watcher = _watcher(clocks)
    watcher.start()
    clocks.advance(wall=2, mono=2)
    with qtbot.assertNotEmitted(watcher.idle):
        watcher.check_clock()
    clocks.advance(wall=3600, mono=3)  # the lid was closed for an hour
    with qtbot.waitSignal(watcher.idle, timeout=1000):
        watcher.check_clock()
    assert not watcher.timer.isActive()


def test_a_short_sleep_leaves_only_the_rest_of_the_idle_time(qtbot) -> None:
    clocks = _Clocks()
    watcher = _watcher(clocks)  # 5 minutes
    watcher.start()
    clocks.advance(wall=120, mono=1)  # two minutes asleep
    with qtbot.assertNotEmitted(watcher.idle):
        watcher.check_clock()
    assert watcher.timer.isActive()
    assert watcher.timer.interval() == 300_000 - 120_000  # restarted for what is left
    clocks.advance(wall=1, mono=1)
    watcher.eventFilter(watcher, _key_press())  # activity: the full five minutes again
    assert watcher.timer.interval() == 300_000


def test_once_activity_is_seen_the_watcher_steps_aside_and_counts_that_time_as_active(
    qtbot, monkeypatch
) -> None:
    """An application-wide Python event filter is a call into Python for every event of every
    widget: once a key is seen, nothing is watched for a while (idle.UNWATCHED_MS), and that
    while counts as active, so the lock can come a little late, never early."""
    from PySide6.QtWidgets import QLineEdit

    clocks = _Clocks()
    watcher = _watcher(clocks)  # 5 minutes
    calls: list[int] = []
    real = IdleWatcher.eventFilter

    def counting(self, watched, event):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(self, watched, event)

    monkeypatch.setattr(IdleWatcher, "eventFilter", counting)
    field = QLineEdit()
    qtbot.addWidget(field)
    watcher.start()
    # Starting is activity (the unlock): not watched at first either.
    assert watcher.watch_again.isActive()
    qtbot.keyClick(field, "a")
    assert calls == []
    watcher.watch_again.start(10)
    qtbot.waitUntil(lambda: not watcher.watch_again.isActive(), timeout=2000)
    watcher.watch_again.setInterval(300)
    qtbot.keyClick(field, "a")
    assert calls and watcher.watch_again.isActive()  # seen: stepped aside
    clocks.advance(wall=200, mono=200)
    calls.clear()
    qtbot.keyClicks(field, "bcd")
    field.repaint()
    assert calls == []  # no call into Python per event meanwhile
    watcher.timer.start(1_000)  # what the five minutes would have left by now
    qtbot.waitUntil(lambda: not watcher.watch_again.isActive(), timeout=2000)
    # Watching again: the time unwatched counted as active, the full five minutes from now.
    assert watcher.timer.remainingTime() > 299_000
    clocks.advance(wall=1, mono=1)
    qtbot.keyClick(field, "e")
    assert calls  # seen again
    watcher.stop()
    assert not watcher.watch_again.isActive()


def test_a_walk_away_after_a_key_still_locks_within_the_limit_and_the_unwatched_time(
    qtbot,
) -> None:
    """The time unwatched after a key counts as active, once: it never keeps the app unlocked
    longer than the idle limit after it. A person who presses a key and walks away is locked
    out within the limit plus UNWATCHED_MS, however the keys before fell."""
    from PySide6.QtWidgets import QLineEdit

    watcher = IdleWatcher(5)
    watcher.set_interval_ms(300)  # the idle limit
    field = QLineEdit()
    qtbot.addWidget(field)
    watcher.start()
    watcher.watch_again.start(50)  # the unwatched time after the start, shortened
    qtbot.waitUntil(lambda: not watcher.watch_again.isActive(), timeout=2000)
    watcher.watch_again.setInterval(200)  # and after each key
    for key in "abc":  # a few keys, some unwatched
        qtbot.keyClick(field, key)
    assert watcher.watch_again.isActive()  # the first key seen; the others unwatched
    # The unwatched time ends: the idle time starts once more, in full, and that is the last
    # time anything puts it off.
    qtbot.waitUntil(lambda: not watcher.watch_again.isActive(), timeout=2000)
    assert watcher.timer.isActive() and watcher.timer.interval() == 300
    with qtbot.waitSignal(watcher.idle, timeout=3000):
        pass
    assert not watcher.watch_again.isActive() and not watcher.timer.isActive()


def _key_press():
    from PySide6.QtGui import QKeyEvent

    from advocate_app.ui.qt import QEvent, Qt

    return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")


def test_the_app_locks_at_wake_up_after_a_long_sleep(unlocked) -> None:
    controller = unlocked
    clocks = _Clocks()
    controller.idle.wall_clock = lambda: clocks.wall
    controller.idle.monotonic_clock = lambda: clocks.mono
    controller.idle.start()
    clocks.advance(wall=6 * 60, mono=2)  # past the default five minutes
    controller.idle.check_clock()
    assert _locked(controller)


@pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="needs dbus-daemon")
def test_real_bus_signals_arrive(qtbot, monkeypatch, qapp) -> None:
    """A private dbus-daemon stands for both buses; a second connection plays logind and the
    screen saver and sends the signals as they do."""
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    # A unix socket's path must stay under 108 bytes: pytest-xdist's tmp_path is deeper than that.
    short = Path(tempfile.mkdtemp(prefix="bus-"))
    socket = short / "bus"
    config = short / "bus.conf"
    config.write_text(
        "<!DOCTYPE busconfig PUBLIC '-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN' "
        "'http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd'><busconfig>"
        f"<type>session</type><listen>unix:path={socket}</listen>"
        "<policy context='default'><allow send_destination='*' eavesdrop='true'/>"
        "<allow eavesdrop='true'/><allow own='*'/></policy></busconfig>"
    )
    daemon = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        address = daemon.stdout.readline().strip()  # type: ignore[union-attr]
        monkeypatch.setenv("XDG_SESSION_ID", "7")
        app_bus = QDBusConnection.connectToBus(address, "i12-app")
        sender = QDBusConnection.connectToBus(address, "i12-logind")
        assert app_bus.isConnected() and sender.isConnected()
        assert sender.registerService("org.freedesktop.login1")
        events = SessionEvents()
        events.listen_dbus(system_bus=app_bus, session_bus=app_bus)
        assert "suspend" in events.connected and "session lock" in events.connected
        reasons: list[str] = []
        events.lock_now.connect(reasons.append)

        def send(path: str, interface: str, name: str, *args: object) -> None:
            message = QDBusMessage.createSignal(path, interface, name)
            message.setArguments(list(args))
            assert sender.send(message)

        send("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep", True)
        send(session_object_path("7"), "org.freedesktop.login1.Session", "Lock")
        send(session_object_path("8"), "org.freedesktop.login1.Session", "Lock")  # not ours
        send("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged", True)
        send("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", False)
        qtbot.waitUntil(lambda: len(reasons) >= 3, timeout=10_000)
        assert sorted(reasons) == ["screen lock", "session lock", "suspend"]
        QDBusConnection.disconnectFromBus("i12-app")
        QDBusConnection.disconnectFromBus("i12-logind")
    finally:
        daemon.terminate()
        daemon.wait()
        if daemon.stdout is not None:
            daemon.stdout.close()
