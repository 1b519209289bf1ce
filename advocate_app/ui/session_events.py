"""Lock when the computer goes to sleep, the session is locked or the screen saver starts.

A laptop closed while unlocked must wake up locked (DESIGN.md, Locking). The idle timer alone
cannot do it: its clock stops during suspend (see idle.py for the wall-clock check at wake-up).

- Linux: logind on the system bus (`PrepareForSleep(true)` before suspend or hibernation, the
  session's `Lock` signal for `loginctl lock-session` and desktops that use it), and the desktop's
  screen saver on the session bus (`ActiveChanged(true)`, org.freedesktop.ScreenSaver and
  org.gnome.ScreenSaver).
- Windows: a native event filter for WM_POWERBROADCAST/PBT_APMSUSPEND and, after
  WTSRegisterSessionNotification, WM_WTSSESSION_CHANGE/WTS_SESSION_LOCK.

Every connection is best effort: no bus, no logind, no screen saver is silent and harmless.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

from advocate_app.ui.qt import QAbstractNativeEventFilter, QObject, Signal, Slot

log = logging.getLogger(__name__)

LOGIN1 = "org.freedesktop.login1"
LOGIN1_PATH = "/org/freedesktop/login1"
LOGIN1_MANAGER = "org.freedesktop.login1.Manager"
LOGIN1_SESSION = "org.freedesktop.login1.Session"
SCREEN_SAVER_INTERFACES = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver")

# Windows messages (winuser.h, wtsapi32.h)
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x0004
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
NOTIFY_FOR_THIS_SESSION = 0


def session_object_path(session_id: str) -> str:
    """logind's object path for a session id, escaped as sd_bus_path_encode does: every
    character but ASCII letters (and digits after the first) becomes _xx."""
    encoded = []
    for i, char in enumerate(session_id):
        if char.isascii() and (char.isalpha() or (char.isdigit() and i > 0)):
            encoded.append(char)
        else:
            encoded.extend(f"_{byte:02x}" for byte in char.encode("utf-8"))
    return f"{LOGIN1_PATH}/session/{''.join(encoded) or '_'}"


class SessionEvents(QObject):
    """Emits `lock_now(reason)` when the session says the screen should not stay readable."""

    lock_now = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.connected: list[str] = []  # what is being listened to, for the log and tests
        self._native_filter: WindowsSessionFilter | None = None

    # --- the slots the buses call ---------------------------------------------------------------

    @Slot(bool)
    def on_prepare_for_sleep(self, starting: bool) -> None:
        if starting:
            self.lock_now.emit("suspend")

    @Slot()
    def on_session_lock(self) -> None:
        self.lock_now.emit("session lock")

    @Slot(bool)
    def on_screen_saver_active(self, active: bool) -> None:
        if active:
            self.lock_now.emit("screen lock")

    # --- connecting -----------------------------------------------------------------------------

    def listen(self, window_id: int | None = None) -> list[str]:
        """Start listening on this platform; returns what could be connected (maybe nothing)."""
        try:
            if sys.platform.startswith("linux") or "bsd" in sys.platform:
                self.listen_dbus()
            elif sys.platform == "win32":
                self._listen_windows(window_id)
        except Exception as exc:  # an odd bus or API must never stop the app
            log.info("session events unavailable (%s)", type(exc).__name__)
        if self.connected:
            log.info("locking on: %s", ", ".join(self.connected))
        return self.connected

    def listen_dbus(
        self, system_bus: object | None = None, session_bus: object | None = None
    ) -> None:
        """Connect to logind (suspend, the session's lock) and the screen savers on D-Bus: the
        system and session buses by default, or the buses given (a test's private bus)."""
        from advocate_app.ui.qt import SLOT, QDBusConnection

        # A bus from Qt, or a test's stand-in with the same methods.
        system: Any = system_bus if system_bus is not None else QDBusConnection.systemBus()
        if system.isConnected():
            if system.connect(
                LOGIN1,
                LOGIN1_PATH,
                LOGIN1_MANAGER,
                "PrepareForSleep",
                self,
                SLOT("on_prepare_for_sleep(bool)"),
            ):
                self.connected.append("suspend")
            path = self._own_session_path()
            if path and system.connect(
                LOGIN1,
                path,
                LOGIN1_SESSION,
                "Lock",
                self,
                SLOT("on_session_lock()"),
            ):
                self.connected.append("session lock")
        session: Any = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        if session.isConnected():
            for interface in SCREEN_SAVER_INTERFACES:
                # Any service and path: KDE, GNOME and others each use their own.
                if session.connect(
                    "",
                    "",
                    interface,
                    "ActiveChanged",
                    self,
                    SLOT("on_screen_saver_active(bool)"),
                ):
                    self.connected.append(f"screen saver ({interface})")

    @staticmethod
    def _own_session_path() -> str | None:
        session_id = os.environ.get("XDG_SESSION_ID", "")
        if session_id:
            return session_object_path(session_id)
        return None

    def _listen_windows(self, window_id: int | None) -> None:
        from advocate_app.ui.qt import QCoreApplication

        app = QCoreApplication.instance()
        if app is None:
            return
        self._native_filter = WindowsSessionFilter(self.lock_now.emit)
        app.installNativeEventFilter(self._native_filter)
        self.connected.append("suspend")
        if window_id and register_session_notification(window_id):
            self.connected.append("session lock")

    def stop(self) -> None:
        from advocate_app.ui.qt import QCoreApplication

        app = QCoreApplication.instance()
        if self._native_filter is not None and app is not None:
            app.removeNativeEventFilter(self._native_filter)
            self._native_filter = None


class MSG(ctypes.Structure):
    """winuser.h MSG, laid out as on 64-bit and 32-bit Windows."""

    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint32),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", ctypes.c_uint32),
        ("pt_x", ctypes.c_int32),
        ("pt_y", ctypes.c_int32),
    ]


def lock_reason_for_message(message: int, wparam: int) -> str | None:
    if message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND:
        return "suspend"
    if message == WM_WTSSESSION_CHANGE and wparam == WTS_SESSION_LOCK:
        return "session lock"
    return None


class WindowsSessionFilter(QAbstractNativeEventFilter):
    """Sees every native message the application receives; never consumes one."""

    def __init__(self, on_lock: Callable[[str], None]) -> None:
        super().__init__()
        self._on_lock = on_lock

    def nativeEventFilter(self, event_type: object, message: object) -> tuple[bool, int]:
        kind = bytes(event_type) if not isinstance(event_type, bytes) else event_type  # type: ignore[call-overload]
        if kind in (b"windows_generic_MSG", b"windows_dispatcher_MSG"):
            try:
                msg = MSG.from_address(int(message))  # type: ignore[call-overload]
            except (TypeError, ValueError):
                return False, 0
            reason = lock_reason_for_message(msg.message, msg.wParam)
            if reason is not None:
                self._on_lock(reason)
        return False, 0


def register_session_notification(window_id: int) -> bool:
    """Ask Windows to send WM_WTSSESSION_CHANGE to this window (Win+L, switch user)."""
    try:
        wtsapi32 = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined]
        return bool(
            wtsapi32.WTSRegisterSessionNotification(
                ctypes.c_void_p(window_id), NOTIFY_FOR_THIS_SESSION
            )
        )
    except (AttributeError, OSError):
        return False


__all__ = [
    "SessionEvents",
    "WindowsSessionFilter",
    "lock_reason_for_message",
    "register_session_notification",
    "session_object_path",
]
