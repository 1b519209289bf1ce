"""`advocate-app init`: set up a new vault for an office, headless, and print its recovery key."""

from __future__ import annotations

import argparse

from advocate_app.cli.common import EXIT_OK, CliError, data_dir, read_passphrase
from advocate_app.store.vault import Vault


def cmd_init(args: argparse.Namespace) -> int:
    from advocate_app.store.folder import restore_pending
    from advocate_app.store.restore import finish_interrupted_restore

    folder = data_dir(args)
    if folder.exists() and not folder.is_dir():
        raise CliError(
            f"{folder} is a file, not a folder. Choose a folder for the vault (a new "
            "or an empty one) with --data-dir. Nothing was changed."
        )
    if restore_pending(folder):
        # Never set up over a restore that was cut off: finish it, then refuse.
        finish_interrupted_restore(folder)
        raise CliError(
            "There is already a vault in that folder: a restore that had been "
            "interrupted was finished just now. Nothing else was changed."
        )
    if Vault.exists(folder):
        raise CliError("There is already a vault in that folder; nothing was changed.")
    passphrase = read_passphrase(args, "New passphrase: ", confirm=True)
    vault, recovery = Vault.create(
        folder,
        office_name=args.office,
        user_name=args.user,
        passphrase=passphrase,
        kdf_target_seconds=args.kdf_seconds,
    )
    vault.close()
    print(f"Created a vault for {args.office} in {folder}.")
    print("Write the recovery key down and keep it somewhere safe; it is shown only this once.")
    print(f"Recovery key: {recovery}")
    return EXIT_OK
