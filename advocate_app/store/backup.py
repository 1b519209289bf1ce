"""Backups of the vault: "Back up now", the automatic daily backup, and the backups folder.

Three kinds live in the vault's `backups/` folder or wherever a person saves one:
`automatic-<UTC stamp>.acbackup` (the first unlock of each day; the newest N are kept),
`before-upgrade-<UTC stamp>.acbackup` (taken before a schema upgrade; never rotated) and
`advocate-backup-<date>.acbackup` ("Back up now", usually on a USB stick). File names come from
dates only, never from anything a person typed. The file itself is backup_file.py's business.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import time
from datetime import UTC, date, datetime
from pathlib import Path

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import backup_status, crypto, migrate
from advocate_app.store.backup_file import (
    BackupInfo,
    BackupInvalid,
    BackupNotWritten,
    read_backup_info,
)
from advocate_app.store.backup_write import Progress, create_backup, on_lowered_thread
from advocate_app.store.errors import NotAllowed, VaultError
from advocate_app.store.fsutil import fsync_dir
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import (
    AUTO_BACKUP_PREFIX,
    BACKUP_SUFFIX,
    BACKUP_WORK_PREFIX,
    MANUAL_BACKUP_PREFIX,
    TEMP_SUFFIX,
    UPGRADE_BACKUP_PREFIX,
    VERIFY_WORK_PREFIX,
)
from advocate_app.store.vault import Vault

DEFAULT_KEEP = 14

# Our own names only: rotation never touches a file it did not name this way.
_STAMP = r"(\d{8})-(\d{6})"
_AUTO_NAME = re.compile(
    rf"^{re.escape(AUTO_BACKUP_PREFIX)}{_STAMP}(?:-(\d{{1,3}}))?{re.escape(BACKUP_SUFFIX)}$"
)
_STAMPED_NAME = re.compile(
    rf"^({re.escape(AUTO_BACKUP_PREFIX)}|{re.escape(UPGRADE_BACKUP_PREFIX)}){_STAMP}"
    rf"(?:-\d{{1,3}})?{re.escape(BACKUP_SUFFIX)}$"
)
_STALE_SECONDS = 3600


def require_backup_allowed(vault: Vault, out_path: Path) -> None:
    """A copy of the office's records leaving the data folder (a USB stick, another disk) is a
    supervisor's call; anyone may write one inside it (the automatic backups)."""
    user = vault.current_user
    if user.is_supervisor:
        return
    try:
        inside = Path(out_path).resolve().is_relative_to(vault.folder.resolve())
    except OSError:
        inside = False
    if not inside:
        raise NotAllowed(
            QT_TR_NOOP(
                "Only a supervisor can save a backup outside the vault's "
                "folder. "
                "Ask a supervisor; the automatic backups are still made every day."
            )
        )


def backup_vault(
    vault: Vault,
    out_path: Path,
    *,
    progress: Progress | None = None,
    sequence: int | None = None,
    lowered: bool = False,
) -> BackupInfo:
    """A verified backup of an unlocked vault at out_path; then the WAL is folded back into the
    database, so a lost -wal file could cost as little as SQLite allows.

    Everything needed is taken at the start (a copy of the data key, the key slots, the schema
    revision), so the vault may be locked while this runs on a worker thread. With lowered,
    the copy, zip and checks run at a lower priority (backup_write.on_lowered_thread), in
    large steps (backup_write.LOWERED_CHUNK).
    """
    require_backup_allowed(vault, Path(out_path))
    data_key = vault.data_key_copy()
    try:
        keys = KeysFile.from_document(vault.keys.document())
        revision = migrate.current_revision(vault.engine)

        def write() -> BackupInfo:
            return create_backup(
                vault.db_path,
                keys,
                data_key,
                Path(out_path),
                schema_revision=revision,
                progress=progress,
                sequence=sequence,
                large_steps=lowered,
            )

        info = on_lowered_thread(write) if lowered else write()
    finally:
        crypto.zero(data_key)
    vault.checkpoint_quietly()
    return info


def default_backup_name(day: date | None = None) -> str:
    """The suggested name of a "Back up now" file: the date only, nothing typed."""
    day = day or datetime.now().astimezone().date()
    return f"{MANUAL_BACKUP_PREFIX}{day.isoformat()}{BACKUP_SUFFIX}"


def free_backup_path(folder: Path, day: date | None = None) -> Path:
    """`advocate-backup-<date>.acbackup` in folder, or `…-2`, `…-3` when that is taken."""
    first = Path(folder) / default_backup_name(day)
    if not first.exists():
        return first
    stem = first.name[: -len(BACKUP_SUFFIX)]
    for n in range(2, 1000):
        candidate = first.with_name(f"{stem}-{n}{BACKUP_SUFFIX}")
        if not candidate.exists():
            return candidate
    raise BackupNotWritten(
        QT_TR_NOOP("That folder already holds too many backups from today. Choose another folder.")
    )


def backup_to_folder(
    vault: Vault, folder: Path, *, day: date | None = None, progress: Progress | None = None
) -> BackupInfo:
    """ "Back up now": a verified backup in folder (a USB stick, typically), named by date. It
    counts as the latest copy outside the computer (see backup_status)."""
    folder = Path(folder)
    require_backup_allowed(vault, folder / default_backup_name(day))
    if not folder.is_dir():
        raise BackupNotWritten(
            QT_TR_NOOP(
                "That folder does not exist any more (was the USB stick "
                "removed?). Nothing was changed; choose the folder again."
            )
        )
    info = backup_vault(vault, free_backup_path(folder, day), progress=progress)
    backup_status.record_outside_copy(vault, info.created)
    return info


# --- the backups folder -----------------------------------------------------------------------


def _stamp_of(name: str) -> datetime | None:
    match = _STAMPED_NAME.match(name)
    if not match:
        return None
    try:
        return datetime.strptime(match.group(2) + match.group(3), "%Y%m%d%H%M%S").replace(
            tzinfo=UTC
        )
    except ValueError:
        return None


def stamped_backups(backup_dir: Path) -> list[tuple[datetime, Path]]:
    """Automatic and before-upgrade backups by the time in their names, oldest first."""
    found: list[tuple[datetime, Path]] = []
    try:
        entries = list(Path(backup_dir).iterdir())
    except OSError:
        return []
    for path in entries:
        stamp = _stamp_of(path.name)
        if stamp is not None and path.is_file():
            found.append((stamp, path))
    return sorted(found)


def _creation_order(path: Path, stamp: datetime) -> tuple[int, int, datetime]:
    """Sort key: unreadable files first, then older backups without a sequence (by the time in
    their names), then by sequence, the order in which they were made."""
    try:
        sequence = read_backup_info(path).sequence
    except BackupInvalid:
        return (0, 0, stamp)
    return (1, 0, stamp) if sequence is None else (2, sequence, stamp)


def automatic_backups(backup_dir: Path) -> list[Path]:
    """This vault's automatic backups, oldest first in the order they were made (the sequence
    in their manifests; the clock may have been set backwards since)."""
    found = [
        (stamp, path) for stamp, path in stamped_backups(backup_dir) if _AUTO_NAME.match(path.name)
    ]
    return [path for stamp, path in sorted(found, key=lambda sp: _creation_order(sp[1], sp[0]))]


def next_sequence(backup_dir: Path) -> int:
    """One more than the highest sequence among the automatic backups in backup_dir."""
    highest = 0
    for _stamp, path in stamped_backups(backup_dir):
        if not _AUTO_NAME.match(path.name):
            continue
        with contextlib.suppress(BackupInvalid):
            highest = max(highest, read_backup_info(path).sequence or 0)
    return highest + 1


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Readable backups in a folder, newest first (files that are not backups are skipped)."""
    infos: list[BackupInfo] = []
    try:
        entries = sorted(Path(backup_dir).glob(f"*{BACKUP_SUFFIX}"))
    except OSError:
        return []
    for path in entries:
        if path.name.startswith("."):
            continue
        try:
            infos.append(read_backup_info(path))
        except BackupInvalid:
            continue
    return sorted(infos, key=lambda info: info.created, reverse=True)


def rotate_automatic_backups(backup_dir: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete the oldest automatic backups so that exactly `keep` remain (when there are that
    many). Before-upgrade backups and every other file are never touched."""
    keep = max(1, keep)
    autos = automatic_backups(backup_dir)
    removed: list[Path] = []
    for path in autos[: max(0, len(autos) - keep)]:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    if removed:
        with contextlib.suppress(OSError):
            fsync_dir(Path(backup_dir))
    return removed


def _clean_stale_temporaries(backup_dir: Path) -> None:
    """Leftovers of a backup interrupted by a crash (our own dot-names only, over an hour old)."""
    now = time.time()
    try:
        entries = list(Path(backup_dir).iterdir())
    except OSError:
        return
    for path in entries:
        name = path.name
        ours = (name.startswith((BACKUP_WORK_PREFIX, VERIFY_WORK_PREFIX)) and path.is_dir()) or (
            name.startswith(".") and name.endswith(TEMP_SUFFIX) and BACKUP_SUFFIX in name
        )
        if not ours:
            continue
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime < _STALE_SECONDS:
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink()


def automatic_backup_due(backup_dir: Path, now: datetime | None = None) -> bool:
    """True when no automatic backup was made on today's (local) date."""
    now = (now or datetime.now(UTC)).astimezone()
    today = now.date()
    for stamp, path in stamped_backups(backup_dir):
        if _AUTO_NAME.match(path.name) and stamp.astimezone(now.tzinfo).date() == today:
            return False
    return True


def _auto_path(backup_dir: Path, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    path = backup_dir / f"{AUTO_BACKUP_PREFIX}{stamp}{BACKUP_SUFFIX}"
    n = 2
    while path.exists():
        path = backup_dir / f"{AUTO_BACKUP_PREFIX}{stamp}-{n}{BACKUP_SUFFIX}"
        n += 1
    return path


def auto_backup_if_due(
    vault: Vault,
    keep: int = DEFAULT_KEEP,
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> BackupInfo | None:
    """At the first unlock of a day, a verified backup into the vault's `backups/` folder, then
    the oldest automatic ones beyond `keep` are deleted. Returns None when one was already made
    today. A failure raises before anything is rotated, so good backups are never pushed out by
    a bad one. Nobody waits for it: its copy, zip and checks run lowered (backup_vault)."""
    now = now or datetime.now(UTC)
    backup_dir = vault.backup_dir
    if not automatic_backup_due(backup_dir, now):
        return None
    _clean_stale_temporaries(backup_dir)
    try:
        info = backup_vault(
            vault,
            _auto_path(backup_dir, now),
            progress=progress,
            sequence=next_sequence(backup_dir),
            lowered=True,
        )
    except VaultError as exc:
        # Shown on the Backups screen and on Today until a backup succeeds.
        backup_status.record_automatic_failure(vault, exc, now)
        raise
    rotate_automatic_backups(backup_dir, keep)
    backup_status.record_automatic_success(vault)
    return info
