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
from tests.helpers import copy_vault
from tests.ui.layout_walk import make_vault

ROOT = Path(__file__).resolve().parents[2]


# Each run is a fresh process (about 5 s of CPU): three in `make test`, the other three in the
# slow set (`pytest -m slow`). Each walks the English and then the Spanish interface (Spanish
# runs about 25% longer): Spanish sentences are longer and wrap to more lines when scaled up.
SIZES = [
    ((1366, 768), "1", "en,es"),
    ((1280, 720), "1.5", "en,es"),
    ((1280, 720), "2", "en,es"),
    pytest.param((1280, 720), "1", "en,es", marks=pytest.mark.slow),
    pytest.param((1366, 768), "1.5", "en,es", marks=pytest.mark.slow),
    pytest.param((1366, 768), "2", "en,es", marks=pytest.mark.slow),
]


@pytest.fixture(scope="module")
def walked_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The vault every walk shows, made once (each walk gets its own copy)."""
    folder = tmp_path_factory.mktemp("layout") / "vault"
    make_vault(folder)
    return folder


@pytest.mark.parametrize(("screen", "scale", "languages"), SIZES)
def test_every_page_fits(
    tmp_path: Path, walked_vault: Path, screen: tuple[int, int], scale: str, languages: str
) -> None:
    vault = copy_vault(walked_vault, tmp_path / "vault")
    env = dict(os.environ, QT_SCALE_FACTOR=scale, LAYOUT_LANGUAGE=languages)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.ui.layout_walk",
            str(screen[0]),
            str(screen[1]),
            str(vault),
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
