"""Where the recovery key may be saved: only on a removable drive (a USB stick, an SD card),
never on this computer's own disk, its home folder or the vault's folder.

Linux: the folder's mount point is under /media, /run/media or /mnt (where desktops and people
mount removable drives). Windows: the drive's type is DRIVE_REMOVABLE. macOS: a volume under
/Volumes other than the start-up disk.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable
from pathlib import Path

LINUX_MOUNT_BASES = (Path("/media"), Path("/run/media"), Path("/mnt"))
DRIVE_REMOVABLE = 2


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def _resolved(path: Path) -> Path:
    # The file does not exist yet: resolve its folder (symlinks, "..") and keep its name.
    return path.parent.resolve() / path.name


def mount_point(path: Path, is_mount: Callable[[Path], bool] = os.path.ismount) -> Path:
    current = path
    while not is_mount(current) and current.parent != current:
        current = current.parent
    return current


def _windows_drive_type(root: str) -> int:
    return int(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))  # type: ignore[attr-defined]


def on_removable_drive(
    path: Path,
    *,
    platform: str = sys.platform,
    is_mount: Callable[[Path], bool] = os.path.ismount,
    mount_bases: tuple[Path, ...] = LINUX_MOUNT_BASES,
    drive_type: Callable[[str], int] | None = None,
) -> bool:
    if platform == "win32":
        drive = path.drive or Path(path).anchor
        if not drive:
            return False
        try:
            return (drive_type or _windows_drive_type)(drive.rstrip("\\") + "\\") == DRIVE_REMOVABLE
        except (AttributeError, OSError):
            return False
    mount = mount_point(path.parent, is_mount)
    if mount == Path(mount.anchor):
        return False  # the system disk itself
    if platform == "darwin":
        return _inside(mount, Path("/Volumes")) and mount.resolve() != Path("/")
    return any(_inside(mount, base) for base in mount_bases)


def save_location_problem(
    path: Path, *, data_dir: Path, home: Path | None = None, **checks: object
) -> str | None:
    """None if the recovery key may be written at `path`; else what is wrong, in a sentence
    (plain text: the caller translates it)."""
    target = _resolved(path)
    if _inside(target, data_dir.resolve()):
        return "data"
    if _inside(target, (home or Path.home()).resolve()):
        return "home"
    if not on_removable_drive(target, **checks):  # type: ignore[arg-type]
        return "not removable"
    return None


def removable_drives(*, platform: str = sys.platform) -> list[Path]:
    """Removable drives mounted now, for the save dialog's starting folder."""
    found: list[Path] = []
    if platform == "win32":
        for letter in "DEFGHIJKLMNOPQRSTUVWXYZ":
            root = f"{letter}:\\"
            try:
                if _windows_drive_type(root) == DRIVE_REMOVABLE:
                    found.append(Path(root))
            except (AttributeError, OSError):
                break
        return found
    bases = [Path("/Volumes")] if platform == "darwin" else list(LINUX_MOUNT_BASES)
    user = os.environ.get("USER") or os.environ.get("LOGNAME") or ""
    if user and platform != "darwin":
        bases = [base / user for base in bases[:2]] + bases
    for base in bases:
        try:
            children = sorted(base.iterdir())
        except OSError:
            continue
        for child in [base, *children]:
            if (
                child.is_dir()
                and os.path.ismount(child)
                and child not in found
                and on_removable_drive(child / "x", platform=platform)
            ):
                found.append(child)
    return found


__all__ = ["mount_point", "on_removable_drive", "removable_drives", "save_location_problem"]
