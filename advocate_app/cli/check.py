"""`advocate-app check`: both integrity checks and a verdict (healthy, damaged, incomplete,
cannot use the folder), reading only: no file in the vault's folder is created, changed or
removed, not even the lock file or the unlock throttle."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.cli.common import (
    EXIT_DAMAGED,
    EXIT_FOLDER,
    EXIT_OK,
    MUST_CHANGE,
    CliError,
    choose_user,
    data_dir,
    read_passphrase,
    when_text,
)

if TYPE_CHECKING:  # imported when the command runs (start-up time)
    from advocate_app.store.diagnose import Diagnosis


def cmd_check(args: argparse.Namespace) -> int:
    """A diagnosis that only reads: no file in the folder is created, changed or removed."""
    import os

    from advocate_app.store import crypto
    from advocate_app.store.diagnose import Problem, diagnose
    from advocate_app.store.keyslots import KeysFile
    from advocate_app.store.lockfile import reading

    folder = data_dir(args)
    if folder.exists() and not folder.is_dir():
        raise CliError(
            f"{folder} is a file, not a folder: give the vault's folder with --data-dir."
        )
    if folder.is_dir() and not os.access(folder, os.R_OK | os.X_OK):
        print(
            f"Cannot read: the folder {folder} cannot be read by this account. Check its "
            "permissions (or run as the person who uses the app), then check again."
        )
        return EXIT_FOLDER
    found = diagnose(folder)
    if found.kind is Problem.NO_VAULT:
        print(
            f"No vault: there is no vault in {folder}. If one should be there, its files were "
            "moved or deleted: restore the newest backup with `advocate-app restore FILE`. "
            "Otherwise give the right folder with --data-dir."
        )
        return EXIT_DAMAGED
    if found.kind is Problem.RESTORE_INTERRUPTED:
        print(
            f"Incomplete: {found.message} To finish it, start the app or run any other "
            "advocate-app command on this folder (for example `advocate-app backup`). "
            "Nothing was changed."
        )
        return EXIT_DAMAGED
    if found.kind is Problem.SETUP_INCOMPLETE:
        print(f"Incomplete: {found.message}")
        return EXIT_DAMAGED
    problem_exit = _unusable_exit(found)
    if problem_exit is not None:
        return problem_exit
    keys = KeysFile.load(folder)
    # From the keys file, not the database: opening the vault would write its lock file.
    slots = [(str(s.user_id), str(s.label)) for s in keys.passphrase_slots() if s.user_id]
    user_id = choose_user(slots, getattr(args, "user", None))
    passphrase = read_passphrase(args, "Passphrase: ")
    data_key = keys.unwrap_with_passphrase(user_id, passphrase)
    try:
        with reading(folder):
            found = diagnose(folder, data_key=data_key)
            if found.can_open and _must_change(folder, data_key, user_id):
                raise CliError(MUST_CHANGE)
    finally:
        crypto.zero(data_key)
    problem_exit = _unusable_exit(found)
    if problem_exit is not None:
        return problem_exit
    print("Healthy: both integrity checks passed. Nothing was changed.")
    return EXIT_OK


def _unusable_exit(found: Diagnosis) -> int | None:
    """Print why a diagnosed vault cannot be used and return check's exit code; None if usable."""
    from advocate_app.store.diagnose import Problem

    if found.kind in (Problem.READ_ONLY, Problem.UNREADABLE):
        print(f"Cannot use the folder: {found.message}")
        return EXIT_FOLDER
    if not found.can_open:
        print(f"Damaged: {found.message} {_backup_advice(found)} Nothing was changed.")
        return EXIT_DAMAGED
    return None


def _backup_advice(diagnosis: Diagnosis) -> str:
    newest = diagnosis.newest_backup
    if newest is None:
        return (
            "No intact backup was found in the vault's backups folder: restore a copy made "
            "elsewhere (a USB stick) with `advocate-app restore FILE`."
        )
    return (
        f"The newest backup that checks out is {newest.path} (made "
        f"{when_text(newest.created)}): restore it with `advocate-app restore FILE`."
    )


def _must_change(folder: Path, data_key: bytearray, user_id: str) -> bool:
    """Whether user_id still has a temporary passphrase, read without writing a byte."""
    from advocate_app.store.engine import read_only_connection

    with read_only_connection(folder, data_key) as conn:
        row = conn.execute(
            "SELECT must_change_passphrase FROM users WHERE id = ?", (user_id,)
        ).fetchone()
    return bool(row and row[0])
