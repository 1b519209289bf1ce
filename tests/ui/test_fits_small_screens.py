"""Every section, a client's tabs and the main dialogs at 1280×720 and 1366×768, at 100%, 150%
and 200% scaling: nothing squashed below its minimum size, no label cut off, and the window
no larger than the screen. QT_SCALE_FACTOR must be set before QApplication exists, so each
size runs in its own process (tests/ui/layout_walk.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from advocate_app.ui.main_window import fit_to_screen
from advocate_app.ui.qt import QRect

ROOT = Path(__file__).resolve().parents[2]


# Each run is a fresh process (about 5 s of CPU): three in `make test`, the other three in the
# slow set (`pytest -m slow`).
SIZES = [
    ((1366, 768), "1"),
    ((1280, 720), "1.5"),
    ((1280, 720), "2"),
    pytest.param((1280, 720), "1", marks=pytest.mark.slow),
    pytest.param((1366, 768), "1.5", marks=pytest.mark.slow),
    pytest.param((1366, 768), "2", marks=pytest.mark.slow),
]


@pytest.mark.parametrize(("screen", "scale"), SIZES)
def test_every_page_fits(
    tmp_path: Path, screen: tuple[int, int], scale: str, language: str = ""
) -> None:
    env = dict(os.environ, QT_SCALE_FACTOR=scale, LAYOUT_LANGUAGE=language)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.ui.layout_walk",
            str(screen[0]),
            str(screen[1]),
            str(tmp_path / "vault"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    assert result.stdout.strip().endswith("OK")


def test_every_page_fits_in_spanish(tmp_path: Path) -> None:
    """Spanish runs about 25% longer than English: the same walk at 1366×768."""
    test_every_page_fits(tmp_path, (1366, 768), "1", language="es")


def test_a_saved_position_from_a_big_monitor_comes_back_on_the_screen() -> None:
    laptop = QRect(0, 0, 1366, 728)
    fitted = fit_to_screen(QRect(1900, 300, 1800, 1200), laptop)
    assert laptop.contains(fitted)
    assert (fitted.width(), fitted.height()) == (1366, 728)
    small = fit_to_screen(QRect(-50, -20, 800, 500), laptop)
    assert (small.x(), small.y(), small.width(), small.height()) == (0, 0, 800, 500)


def test_the_window_opens_no_larger_than_the_screen(qtbot) -> None:
    from advocate_app.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    assert window.width() <= available.width()
    assert window.height() <= available.height()
    assert window.minimumWidth() <= available.width()
