"""`advocate-app` itself: parse the arguments, start the GUI or run one headless command, and
turn what went wrong into a sentence on standard error and an exit code (never a traceback)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from advocate_app.cli.backups import cmd_backup, cmd_restore
from advocate_app.cli.check import cmd_check
from advocate_app.cli.common import EXIT_FOLDER, EXIT_USAGE, CliError, Terminal, data_dir
from advocate_app.cli.init import cmd_init
from advocate_app.cli.parser import build_parser
from advocate_app.cli.reports import cmd_summary, cmd_voca
from advocate_app.hardening import disable_core_dumps, private_files
from advocate_app.logs import setup_logging
from advocate_app.store.errors import VaultError, VaultReadOnly

log = logging.getLogger(__name__)


def cmd_gui(args: argparse.Namespace) -> int:
    from advocate_app.ui.app import run_gui

    return run_gui(
        data_dir=data_dir(args),
        demo=args.demo,
        smoke_test=args.smoke_test,
        explicit_data_dir=args.data_dir is not None,
    )


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "check": cmd_check,
    "summary": cmd_summary,
    "voca": cmd_voca,
    "backup": cmd_backup,
    "restore": cmd_restore,
}


def main(argv: Sequence[str] | None = None, *, terminal: Terminal | None = None) -> int:
    """Run `advocate-app ARGV` and return its exit code.

    `terminal` is where a yes/no question is asked (restore, before replacing a vault); by
    default the real terminal, asked only when standard input and output are both one.
    """
    disable_core_dumps()
    private_files()  # before anything is written: vault, backups, log, PDFs
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        setup_logging()
        return cmd_gui(args)
    args.terminal = terminal or Terminal()
    try:
        setup_logging()
        return COMMANDS[args.command](args)
    except CliError as exc:
        print(f"advocate-app: {exc}", file=sys.stderr)
        return exc.code
    except VaultReadOnly as exc:
        print(f"advocate-app: {exc.message}", file=sys.stderr)
        return EXIT_FOLDER
    except VaultError as exc:
        print(f"advocate-app: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_USAGE
    except Exception:
        log.exception("unexpected error in a headless command")
        print(
            "advocate-app: something unexpected went wrong; nothing saved was lost. "
            "The log has details for support.",
            file=sys.stderr,
        )
        return EXIT_USAGE
