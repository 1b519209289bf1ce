"""The `advocate-app` command: starts the app, or runs a headless job.

Passphrases are read from the terminal, or from standard input with --passphrase-stdin (one
line); never from an argument, where they would land in shell history and process lists.

One module per job: `command` (parse, dispatch, turn errors into exit codes), `parser` (the
arguments of every command), `common` (what every command shares: exit codes, reading a
passphrase, choosing the user, unlocking, the supervisor check, the terminal's yes/no question),
and one module per command group: `init`, `check`, `reports` (summary, voca), `backups`
(backup, restore).
"""

from advocate_app.cli.command import main
from advocate_app.cli.common import Terminal

__all__ = ["Terminal", "main"]
