"""The Qt binding itself must be sound for a working day: PySide6 6.12.0 takes a reference from
None on every call that returns nothing, and on Python 3.11 the process aborts once None's count
runs out (a few thousand calls in a small program; an afternoon of typing in the app)."""

from __future__ import annotations

import sys

from advocate_app.ui.qt import QLabel


def test_qt_calls_leave_none_alone(qapp) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("Saved")  # returns nothing: the call that leaked
    # Other objects come and go meanwhile; a leak of one per call would be 2,000.
    assert abs(sys.getrefcount(None) - before) < 200
