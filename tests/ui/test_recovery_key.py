"""The recovery key is printed, or saved only to a removable drive; never a file on this
computer (issue 12, point 7)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path, PureWindowsPath

import pytest

from advocate_app.ui import removable
from advocate_app.ui.qt import QDialog, QPrinter, Qt
from advocate_app.ui.vault import recovery_key

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def recovery_page(unlocked, vault_template):
    controller = unlocked
    controller.recovery.show_key(vault_template.recovery_key)
    controller._show(controller.recovery)
    return controller


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def _has_key(text: str, key: str) -> bool:
    """The key's groups on two lines (five, then four), in order, none split."""
    groups = key.split("-")
    lines = [line.split() for line in text.splitlines()]
    return groups[:5] in lines and groups[5:] in lines


def test_print_sends_the_key_to_the_printer(recovery_page, qtbot, tmp_path: Path,
                                            monkeypatch, vault_template) -> None:
    printed = tmp_path / "printer-output.pdf"

    class PrintDialog:  # the person picks a printer (here: Qt's PDF output) and presses Print
        def __init__(self, printer: QPrinter, _parent: object) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(printed))

        def exec(self) -> int:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(recovery_key, "QPrintDialog", PrintDialog)
    qtbot.mouseClick(recovery_page.recovery.print_button, LEFT)
    assert _has_key(_pdf_text(printed), vault_template.recovery_key)
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

    monkeypatch.setattr(recovery_key, "ask_save_path", ask_save_path)
    return offered


def test_saving_goes_to_the_removable_drive(recovery_page, qtbot, usb: Path, monkeypatch,
                                           vault_template) -> None:
    offered = _choose(monkeypatch, usb / "office-key")
    qtbot.mouseClick(recovery_page.recovery.drive_button, LEFT)
    assert offered == [str(usb / "recovery-key.pdf")]  # the dialog opens on the drive
    saved = usb / "office-key.pdf"
    assert saved.exists() and saved.stat().st_mode & 0o777 == 0o600
    assert _has_key(_pdf_text(saved), vault_template.recovery_key)
    assert "removable drive" in recovery_page.recovery.message.text()


@pytest.mark.parametrize("where", ["home", "data folder", "internal disk"])
def test_anywhere_on_this_computer_is_refused(recovery_page, qtbot, usb: Path, monkeypatch,
                                              tmp_path: Path, vault_dir: Path,
                                              where: str) -> None:
    home = tmp_path / "home" / "maria"
    home.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    target = {"home": home / "recovery-key.pdf",
              "data folder": vault_dir / "recovery-key.pdf",
              "internal disk": tmp_path / "Documents" / "recovery-key.pdf"}[where]
    target.parent.mkdir(exist_ok=True)
    _choose(monkeypatch, target)
    qtbot.mouseClick(recovery_page.recovery.drive_button, LEFT)
    assert not target.exists()
    message = recovery_page.recovery.message.text()
    assert "Nothing was saved" in message
    assert {"home": "home folder", "data folder": "vault's own folder",
            "internal disk": "not a removable drive"}[where] in message


def test_without_a_removable_drive_nothing_is_offered(recovery_page, qtbot,
                                                      monkeypatch) -> None:
    monkeypatch.setattr(removable, "removable_drives", lambda: [])
    offered = _choose(monkeypatch, None)
    qtbot.mouseClick(recovery_page.recovery.drive_button, LEFT)
    assert offered == []  # no file dialog with a default name anywhere
    assert "No removable drive" in recovery_page.recovery.message.text()


def test_removable_drives_by_platform(tmp_path: Path) -> None:
    base = tmp_path / "run-media"
    drive = base / "maria" / "SDCARD"
    drive.mkdir(parents=True)
    assert removable.on_removable_drive(drive / "k.pdf", platform="linux",
                                        is_mount=lambda p: p == drive, mount_bases=(base,))
    # A plain folder under /mnt on the system disk is not a drive.
    assert not removable.on_removable_drive(drive / "k.pdf", platform="linux",
                                            is_mount=lambda p: p == Path("/"),
                                            mount_bases=(base,))
    types = {"E:\\": removable.DRIVE_REMOVABLE, "C:\\": 3}
    assert removable.on_removable_drive(PureWindowsPath("E:/keys/k.pdf"),  # type: ignore[arg-type]
                                        platform="win32", drive_type=types.__getitem__)
    assert not removable.on_removable_drive(PureWindowsPath("C:/Users/m/k.pdf"),  # type: ignore[arg-type]
                                            platform="win32", drive_type=types.__getitem__)


def test_the_recovery_page_says_where_a_copy_may_go(recovery_page) -> None:
    page = recovery_page.recovery
    assert page.drive_button.text() == "Save to a removable drive…"
    assert "locked away" in page.drive_warning.text()
