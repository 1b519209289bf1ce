"""What every headless command shares: the exit codes, the error a command refuses with, reading
a passphrase, the vault's folder, choosing whose passphrase unlocks, the supervisor check,
dates as printed, and the terminal a yes/no question is asked at."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from advocate_app.paths import default_data_dir
from advocate_app.store.vault import Vault

EXIT_OK = 0
EXIT_DAMAGED = 1  # damaged or incomplete (a file missing, a restore or set-up not finished)
EXIT_USAGE = 2  # wrong passphrase, wrong arguments, a refusal
EXIT_FOLDER = 3  # the vault's folder cannot be read or written (permissions, read-only disk)


MUST_CHANGE = (
    "This passphrase is a temporary one. Start the app, unlock with it and choose "
    "your own passphrase first; until then no command accepts it."
)


class CliError(Exception):
    """A refusal: printed after "advocate-app: " and the command exits with `code`."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


class Terminal:
    """Where a command asks a person a yes/no question (restore, before replacing a vault).

    The real one asks only when both standard input and output are a terminal. `main()` takes
    another as its `terminal` argument: a test's answers, or a wrapper's.
    """

    def can_ask(self) -> bool:
        return sys.stdin.isatty() and sys.stdout.isatty()

    def ask_yes(self, prompt: str) -> bool:
        try:
            return input(prompt).strip().casefold() in ("yes", "y")
        except EOFError:
            return False


def read_passphrase(args: argparse.Namespace, prompt: str, *, confirm: bool = False) -> str:
    """The passphrase (or recovery key) from standard input with --passphrase-stdin, else
    typed at the terminal without echo; `confirm` asks for it twice."""
    if args.passphrase_stdin:
        try:
            line = sys.stdin.readline()
        except UnicodeDecodeError as exc:
            raise CliError(
                "What came on standard input is not UTF-8 text, so it cannot be a "
                "passphrase. Send the passphrase as one line of UTF-8 text (or type "
                "it at the terminal without --passphrase-stdin). Nothing was "
                "changed."
            ) from exc
        if not line:
            raise CliError("No passphrase on standard input.")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CliError("No terminal to ask for the passphrase: use --passphrase-stdin.")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Type it again: ") != first:
        raise CliError("The two passphrases differ. Nothing was created.")
    return first


def data_dir(args: argparse.Namespace) -> Path:
    """--data-dir, or the default folder of the real vault."""
    return Path(args.data_dir) if args.data_dir else default_data_dir()


def choose_user(users: Iterable[tuple[str, str]], name: str | None) -> str:
    """The id of the user named `name` (any case) among (id, name) pairs; without a name, the
    only one. Refused when there is no such user or when several could be meant."""
    candidates = list(users)
    if name:
        for user_id, user_name in candidates:
            if user_name.casefold() == name.casefold():
                return user_id
        raise CliError("No user by that name in this vault.")
    if len(candidates) == 1:
        return candidates[0][0]
    raise CliError("This vault has several users: say which with --user NAME.")


def open_unlocked(args: argparse.Namespace) -> Vault:
    """Open the vault in --data-dir and unlock it with the passphrase of --user."""
    vault = Vault.open(data_dir(args))
    try:
        users = [(u.id, u.name) for u in vault.users_for_unlock()]
        user_id = choose_user(users, getattr(args, "user", None))
        passphrase = read_passphrase(args, "Passphrase: ")
        user = vault.unlock(user_id, passphrase)
        if user.must_change_passphrase:
            raise CliError(MUST_CHANGE)
    except BaseException:
        vault.close()
        raise
    return vault


def require_supervisor(vault: Vault, refusal: str) -> None:
    """Refuse with `refusal` unless the person who unlocked is a supervisor."""
    if not vault.current_user.is_supervisor:
        raise CliError(refusal)


def when_text(created: datetime) -> str:
    """A moment as printed: local time, to the minute."""
    return created.astimezone().strftime("%Y-%m-%d %H:%M")
