"""The recovery key is printed, or saved only to a removable drive; never a file on this
computer (issue 12, point 7)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path, PureWindowsPath

import pytest

from advocate_app.store.vault import Vault
from advocate_app.ui import qt, removable
from advocate_app.ui.controller import AppController
from advocate_app.ui.qt import QDialog, QPrinter, Qt
from advocate_app.ui.vault import recovery_key as recovery_key_page
from tests.helpers import FIRST_USER, OFFICE, PASSPHRASE, spy_on

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def new_office(make_controller, tmp_path: Path, qtbot, monkeypatch) -> tuple[AppController, str]:
    """An office just set up, as the set-up page does it: the recovery key page on screen, and
    the key the new vault was made with."""
    controller = make_controller(tmp_path / "office")
    made = spy_on(monkeypatch, Vault, "create")
    controller.create_vault(OFFICE, FIRST_USER, PASSPHRASE)
    qtbot.waitUntil(
        lambda: controller.window.stack.currentWidget() is controller.recovery, timeout=15000
    )
    _vault, key = made.returned[0]
    return controller, key


@pytest.fixture
def recovery_page(new_office: tuple[AppController, str]) -> AppController:
    return new_office[0]


@pytest.fixture
def recovery_key(new_office: tuple[AppController, str]) -> str:
    return new_office[1]


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _has_key(text: str, key: str) -> bool:
    """The key's groups on two lines (five, then four), in order, none split."""
    groups = key.split("-")
    lines = [line.split() for line in text.splitlines()]
    return groups[:5] in lines and groups[5:] in lines


def test_print_sends_the_key_to_the_printer(
    recovery_page, qtbot, tmp_path: Path, monkeypatch, recovery_key
) -> None:
    printed = tmp_path / "printer-output.pdf"

    class PrintDialog:  # the person picks a printer (here: Qt's PDF output) and presses Print
        def __init__(self, printer: QPrinter, _parent: object) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(printed))

        def exec(self) -> int:
            return QDialog.DialogCode.Accepted

    # Qt's print module is imported where it is used, through ui.qt (not at start-up).
    monkeypatch.setattr(qt, "QPrintDialog", PrintDialog, raising=False)
    qtbot.mouseClick(recovery_page.recovery.print_button, LEFT)
    assert _has_key(_pdf_text(printed), recovery_key)
    assert "printer" in recovery_page.recovery.message.text()


@pytest.fixture
def usb(tmp_path: Path, monkeypatch) -> Path:
    """A pretend USB drive mounted at <tmp>/media/maria/USB."""
    base = tmp_path / "media"
    drive = base / "maria" / "USB"
    drive.mkdir(parents=True)
    real = removable.on_removable_drive

    def on_removable_drive(path: Path, **_kw: object) -> bool:
        return real(path, platform="linux", is_mount=lambda p: p == drive, mount_bases=(base,))

    monkeypatch.setattr(removable, "on_removable_drive", on_removable_drive)
    monkeypatch.setattr(removable, "removable_drives", lambda: [drive])
    return drive


def _choose(monkeypatch, path: Path | None) -> list[str]:
    offered: list[str] = []

    def ask_save_path(_parent, _title, default_name, _filter):  # type: ignore[no-untyped-def]
        offered.append(default_name)
        return path

    monkeypatch.setattr(recovery_key_page, "ask_save_path", ask_save_path)
    return offered


def test_saving_goes_to_the_removable_drive(
    recovery_page, qtbot, usb: Path, monkeypatch, recovery_key
) -> None:
    offered = _choose(monkeypatch, usb / "office-key")
    qtbot.mouseClick(recovery_page.recovery.drive_button, LEFT)
    assert offered == [str(usb / "recovery-key.pdf")]  # the dialog opens on the drive
    saved = usb / "office-key.pdf"
    assert saved.exists() and saved.stat().st_mode & 0o777 == 0o600
    assert _has_key(_pdf_text(saved), recovery_key)
    assert "removable drive" in recovery_page.recovery.message.text()


@pytest.mark.parametrize("where", ["home", "data folder", "internal disk"])
def test_anywhere_on_this_computer_is_refused(
    recovery_page, qtbot, usb: Path, monkeypatch, tmp_path: Path, where: str
) -> None:
    home = tmp_path / "home" / "maria"
    home.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    target = {
        "home": home / "recovery-key.pdf",
        "data folder": recovery_page.data_dir / "recovery-key.pdf",
        "internal disk": tmp_path / "Documents" / "recovery-key.pdf",
    }[where]
    target.parent.mkdir(exist_ok=True)
    _choose(monkeypatch, target)
    qtbot.mouseClick(recovery_page.recovery.drive_button, LEFT)
    assert not target.exists()
    message = recovery_page.recovery.message.text()
    assert "Nothing was saved" in message
    assert {
        "home": "home folder",
        "data folder": "vault's own folder",
        "internal disk": "not a removable drive",
    }[where] in message


def test_without_a_removable_drive_nothing_is_offered(recovery_page, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(removable, "removable_drives", lambda: [])
    offered = _choose(monkeypatch, None)
    qtbot.mouseClick(recovery_page.recovery.drive_button, LEFT)
    assert offered == []  # no file dialog with a default name anywhere
    assert "No removable drive" in recovery_page.recovery.message.text()


def test_removable_drives_by_platform(tmp_path: Path) -> None:
    base = tmp_path / "run-media"
    drive = base / "maria" / "SDCARD"
    drive.mkdir(parents=True)
    assert removable.on_removable_drive(
        drive / "k.pdf", platform="linux", is_mount=lambda p: p == drive, mount_bases=(base,)
    )
    # A plain folder under /mnt on the system disk is not a drive.
    assert not removable.on_removable_drive(
        drive / "k.pdf", platform="linux", is_mount=lambda p: p == Path("/"), mount_bases=(base,)
    )
    types = {"E:\\": removable.DRIVE_REMOVABLE, "C:\\": 3}
    assert removable.on_removable_drive(
        PureWindowsPath("E:/keys/k.pdf"),  # type: ignore[arg-type]
        platform="win32",
        drive_type=types.__getitem__,
    )
    assert not removable.on_removable_drive(
        PureWindowsPath("C:/Users/m/k.pdf"),  # type: ignore[arg-type]
        platform="win32",
        drive_type=types.__getitem__,
    )


def test_the_recovery_page_says_where_a_copy_may_go(recovery_page) -> None:
    page = recovery_page.recovery
    assert page.drive_button.text() == "Save to a removable drive…"
    assert "locked away" in page.drive_warning.text()
