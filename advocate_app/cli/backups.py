"""`advocate-app backup` (one verified, encrypted backup file) and `advocate-app restore` (a
backup in place of the vault, which is kept aside: what will be replaced is printed first, and
a person at a terminal is asked)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.cli.common import (
    EXIT_DAMAGED,
    EXIT_OK,
    CliError,
    Terminal,
    data_dir,
    open_unlocked,
    read_passphrase,
    when_text,
)
from advocate_app.sizes import size_text
from advocate_app.store.errors import KeysDoNotMatchVault, VaultDamaged

if TYPE_CHECKING:  # imported when the command runs (start-up time)
    from advocate_app.store.restore import RestorePreview


def cmd_backup(args: argparse.Namespace) -> int:
    from advocate_app.store import backup_status
    from advocate_app.store.backup import backup_to_folder, backup_vault

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise CliError(f"{out} already exists; choose another name. Nothing was changed.")
    if not out.exists() and not out.parent.is_dir():
        raise CliError(f"The folder {out.parent} does not exist. Nothing was changed.")
    try:
        vault = open_unlocked(args)
    except (KeysDoNotMatchVault, VaultDamaged) as exc:
        print(f"advocate-app: {exc.message}", file=sys.stderr)
        return EXIT_DAMAGED
    try:
        if out.is_dir():
            info = backup_to_folder(vault, out)  # remembered as the latest outside copy
        else:
            info = backup_vault(vault, out)
            backup_status.record_outside_copy(vault, info.created)
    except VaultDamaged as exc:
        print(f"advocate-app: {exc.message}", file=sys.stderr)
        return EXIT_DAMAGED
    finally:
        vault.close()
    print(
        f"Wrote a verified backup to {info.path} ({size_text(info.size_bytes)}, made "
        f"{when_text(info.created)})."
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from advocate_app.store.backup_file import BackupDamaged, BackupIncomplete, NotABackup
    from advocate_app.store.lockfile import reading
    from advocate_app.store.restore import (
        BackupCredentials,
        BackupUserAmbiguous,
        authorize_restore,
        read_restorable_info,
        restore_backup,
        restore_preview,
    )

    folder = data_dir(args)
    terminal: Terminal = args.terminal
    try:
        # The file is checked before anyone is asked for a secret.
        info = read_restorable_info(Path(args.file))
        if args.recovery_key:
            secret = read_passphrase(args, "Recovery key: ")
            credentials = BackupCredentials(recovery_key=secret)
        else:
            secret = read_passphrase(args, "Passphrase (as it was when the backup was made): ")
            credentials = BackupCredentials(passphrase=secret, user_name=args.user)
        with reading(folder):  # refused at once while the app has the vault open
            preview = restore_preview(folder, Path(args.file), credentials)
            # Who may replace the vault here is settled before anything is described or asked
            # (after the backup's own checks, so their refusals come first).
            authorization = authorize_restore(folder, credentials)
        if preview.has_current_vault:
            for line in describe_restore(folder, preview):
                print(line)
            if not args.yes:
                if not terminal.can_ask():
                    raise CliError(
                        "Nothing was changed. To restore without being asked, run "
                        "the same command with --yes."
                    )
                if not terminal.ask_yes(
                    "Replace the current vault with this backup? Type yes to go on: "
                ):
                    raise CliError("Nothing was changed.")
        result = restore_backup(
            folder,
            Path(args.file),
            credentials,
            authorization=authorization,
            allow_other_vault=args.other_vault,
        )
    except (NotABackup, BackupIncomplete, BackupDamaged) as exc:
        print(f"advocate-app: {exc.message}", file=sys.stderr)
        return EXIT_DAMAGED
    except BackupUserAmbiguous as exc:
        raise CliError(f"{exc.message} Use --user NAME.") from exc
    print(f"Restored the backup made {when_text(info.created)} into {folder}.")
    if result.kept_aside is not None:
        print(f"The vault as it was is kept in {result.kept_aside}; nothing was deleted.")
    return EXIT_OK


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def describe_restore(folder: Path, preview: RestorePreview) -> list[str]:
    """What a restore will replace, in plain sentences (counts, staff names; no client text)."""
    info = preview.backup
    lines = [f"This replaces the vault in {folder} with the backup made {when_text(info.created)}."]
    notes, clients = preview.newer_notes, preview.newer_clients
    if notes is None or clients is None:
        lines.append(
            "What the current vault holds that is newer than the backup could not be "
            "counted (this passphrase does not open it, or it is damaged)."
        )
    elif notes or clients:
        lines.append(
            f"The current vault holds {_plural(notes, 'note', 'notes')} and "
            f"{_plural(clients, 'client', 'clients')} newer than the backup: they will "
            "not be in the restored vault."
        )
    else:
        lines.append("The current vault holds no note or client newer than the backup.")
    added = preview.users_added_since
    if added:
        lines.append(
            "Users added since the backup will not be able to unlock the restored "
            f"vault: {', '.join(added)}."
        )
    changed = preview.passphrases_changed_since
    if changed:
        lines.append(
            f"{_plural(changed, 'passphrase was', 'passphrases were')} changed since "
            "the backup: the restored vault opens with the passphrases as they were "
            "then."
        )
    lines.append(
        "The current vault is not deleted: it is kept in a before-restore folder "
        "inside the vault folder."
    )
    return lines
