"""Every section, a client's tabs and the main dialogs at 1280×720 and 1366×768, at 100%, 150%
and 200% scaling, and at 1024×768 at 125%: nothing squashed below its minimum size, no label cut off, and the window
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
    # 819×614 logical pixels: near the window's narrowest (760), where the client list and a
    # record go one above the other.
    ((1024, 768), "1.25", "en,es"),
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


LONG_OFFICE = "Rural Women's Crisis and Recovery Center of Eastern North Carolina"
LONG_USER = "Guadalupe Hernández-Martínez"


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    from advocate_app.ui.qt import QApplication

    for _ in range(5):
        QApplication.processEvents()


def test_the_unlocked_window_at_its_narrowest_keeps_the_lock_button_in_view(
    qtbot, unlocked
) -> None:
    """1024×768 at 125% leaves 819 logical pixels; the window may be 760 wide. The top bar
    (the office's name, the search line, who is signed in, Lock) must fit there: otherwise the
    whole page, navigation included, scrolls sideways and the Lock button is out of sight."""
    window = unlocked.window
    shell = unlocked.shell
    shell.set_identity(LONG_OFFICE, LONG_USER, "Supervisor")
    window.resize(window.minimumWidth(), 600)
    qtbot.waitUntil(lambda: window.width() == window.minimumWidth())
    _settle(qtbot)
    assert not window.page_area.horizontalScrollBar().isVisible()
    assert shell.width() <= window.page_area.viewport().width()
    lock = shell.lock_button
    assert lock.isVisible()
    right_edge = lock.mapTo(window, lock.rect().topRight())
    assert window.rect().contains(right_edge)
    # The office's and the person's names are cut to fit, never lost: in full for a screen
    # reader and in the tooltip.
    assert shell.where.text() == LONG_OFFICE
    assert shell.where.toolTip() == LONG_OFFICE
    assert shell.who.text().startswith(LONG_USER)


def test_a_short_office_name_is_shown_whole_with_no_tooltip(qtbot, unlocked) -> None:
    window = unlocked.window
    shell = unlocked.shell
    shell.set_identity("Riverbend", "Ana", "Advocate")
    window.resize(window.minimumWidth(), 600)
    qtbot.waitUntil(lambda: window.width() == window.minimumWidth())
    _settle(qtbot)
    assert shell.where.width() >= shell.where.sizeHint().width()
    assert shell.where.toolTip() == ""


def test_a_wide_section_once_opened_does_not_make_the_others_scroll_sideways(
    qtbot, unlocked
) -> None:
    """The section area is as wide as the section shown needs, not the widest ever built (a
    stack of pages asks for the largest of them all): after a wide one, Today fits again."""
    shell = unlocked.shell
    wide = shell.show_section("reports")
    wide.setMinimumWidth(1000)  # wider than any window here
    _settle(qtbot)
    reports_needs = shell.stack.minimumSizeHint().width()
    assert reports_needs == 1000
    shell.show_section("today")
    _settle(qtbot)
    today_needs = shell.sections["today"].minimumSizeHint().width()
    assert today_needs < reports_needs
    assert shell.stack.minimumSizeHint().width() == today_needs
    shell.show_section("reports")
    _settle(qtbot)
    assert shell.stack.minimumSizeHint().width() == reports_needs


def test_a_clients_record_on_a_narrow_window_goes_below_the_list_not_off_the_side(
    qtbot, unlocked
) -> None:
    """Side by side, the client list and a record need about 700 pixels (850 in Spanish): on a
    narrower section the record goes below the list, and the section scrolls down, never
    sideways; with room again, they are side by side."""
    from advocate_app.store import clients
    from advocate_app.ui.qt import Qt

    client_id = clients.create_client(unlocked.vault, clients.ClientFields(alias="Rosa K"))
    window = unlocked.window
    shell = unlocked.shell
    section = shell.show_section("clients")
    detail = section.open_client(client_id)  # type: ignore[attr-defined]
    detail.show_tab("needs")  # the widest tab
    window.resize(window.minimumWidth(), 600)
    qtbot.waitUntil(lambda: window.width() == window.minimumWidth())
    _settle(qtbot)
    assert not shell.section_scroll.horizontalScrollBar().isVisible()
    assert not window.page_area.horizontalScrollBar().isVisible()
    assert detail.isVisible() and section.table.isVisible()
    record_right = detail.mapTo(shell.section_scroll, detail.rect().topRight())
    assert record_right.x() <= shell.section_scroll.viewport().width()
    splitter = detail.parentWidget().parentWidget()
    assert splitter.orientation() == Qt.Orientation.Vertical
    window.resize(1400, 800)
    qtbot.waitUntil(lambda: window.width() == 1400)
    _settle(qtbot)
    assert splitter.orientation() == Qt.Orientation.Horizontal
    assert not shell.section_scroll.horizontalScrollBar().isVisible()


def test_a_page_column_is_as_wide_as_its_rows_need_in_a_narrow_window(qtbot) -> None:
    """The unlock page's three buttons in Spanish need about 530 pixels; in a window 853 wide
    (1280×720 at 150%) its column was held to its share, 483, by a fixed least width, and
    "Usar la clave de recuperación" was cut at both ends."""
    from advocate_app.ui.qt import QPushButton, QVBoxLayout, QWidget
    from advocate_app.ui.widgets import Page, button_row

    window = QWidget()
    qtbot.addWidget(window)
    page = Page("Desbloquear")
    QVBoxLayout(window).addWidget(page)
    buttons = [
        QPushButton("Usar la clave de recuperación"),
        QPushButton("Probar la demostración"),
        QPushButton("Desbloquear"),
    ]
    page.body.addLayout(button_row(*buttons))
    page.finish()
    window.resize(853, 453)
    window.show()
    qtbot.waitExposed(window)
    needed = sum(button.sizeHint().width() for button in buttons)
    assert needed > 483  # more than the column's share of this window
    for button in buttons:
        assert button.width() >= button.sizeHint().width(), button.text()
