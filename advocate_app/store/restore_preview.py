"""What restoring a backup would replace, read before anything changes.

The confirmation a supervisor sees: whether the folder holds a vault now and, when the same
credentials open it, how many notes and clients are newer than the backup and which users were
added or changed their passphrase since. Counts only: nothing here reads client content.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from advocate_app.store import crypto
from advocate_app.store.backup_access import (
    BackupCredentials,
    backup_user_id,
    check_backup_access,
    unwrap_backup_key,
)
from advocate_app.store.backup_file import BackupInfo, read_backup_keys
from advocate_app.store.engine import read_only_connection
from advocate_app.store.errors import VaultError
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.layout import DB_FILE_NAME


@dataclass(frozen=True)
class RestorePreview:
    """What restoring this backup into this folder would replace. Counts are None when the
    current vault could not be read with the credentials given for the backup."""

    backup: BackupInfo
    has_current_vault: bool
    newer_notes: int | None = None  # written or edited after the backup was made
    newer_clients: int | None = None  # added after the backup was made
    users_added_since: tuple[str, ...] = ()  # names on the unlock screen (staff, not clients)
    passphrases_changed_since: int = 0


def restore_preview(
    folder: Path, backup_path: Path, credentials: BackupCredentials
) -> RestorePreview:
    """Check that the credentials open the backup (a refusal otherwise), then read, without
    changing anything, what in the current vault is newer than the backup."""
    folder = Path(folder)
    info = check_backup_access(Path(backup_path), credentials)
    backup_keys = read_backup_keys(Path(backup_path))
    try:
        current_keys: KeysFile | None = KeysFile.load(folder)
    except (VaultError, OSError):
        current_keys = None
    has_db = (folder / DB_FILE_NAME).exists()
    if current_keys is None and not has_db:
        return RestorePreview(info, has_current_vault=False)
    added: tuple[str, ...] = ()
    changed = 0
    newer_notes = newer_clients = None
    if current_keys is not None:
        backup_slots = {s.user_id: s for s in backup_keys.passphrase_slots() if s.user_id}
        current_slots = [s for s in current_keys.passphrase_slots() if s.user_id]
        added = tuple(str(s.label) for s in current_slots if s.user_id not in backup_slots)
        changed = sum(
            1
            for s in current_slots
            if s.user_id in backup_slots and backup_slots[s.user_id].slot_id != s.slot_id
        )
        if has_db:
            same_person = credentials
            if not credentials.recovery_key:
                # The same person's slot in the current vault (users are matched by id).
                same_person = BackupCredentials(
                    passphrase=credentials.passphrase,
                    user_id=backup_user_id(backup_keys, credentials),
                )
            newer_notes, newer_clients = _count_newer(
                folder, current_keys, same_person, info.created
            )
    return RestorePreview(info, True, newer_notes, newer_clients, added, changed)


def _count_newer(
    folder: Path, keys: KeysFile, credentials: BackupCredentials, since: datetime
) -> tuple[int | None, int | None]:
    try:
        data_key = unwrap_backup_key(keys, credentials)
    except VaultError:
        return None, None  # these credentials do not open the current vault
    # As SQLAlchemy stores a DateTime in SQLite (UTC here), so the text compares in time order.
    cutoff = since.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    try:
        with read_only_connection(folder, data_key) as conn:
            notes = conn.execute(
                "SELECT count(*) FROM notes WHERE created_at > ? OR edited_at > ?", (cutoff, cutoff)
            ).fetchone()[0]
            clients = conn.execute(
                "SELECT count(*) FROM clients WHERE created_at > ?", (cutoff,)
            ).fetchone()[0]
    except Exception:  # a damaged current vault: nothing to count, the restore may go on
        return None, None
    finally:
        crypto.zero(data_key)
    return int(notes), int(clients)
