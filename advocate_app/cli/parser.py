"""The arguments of `advocate-app` and of each headless command (argparse)."""

from __future__ import annotations

import argparse
from typing import Any

DEFAULT_USER_HELP = "whose passphrase unlocks (default: the only user)"


def _command(sub: Any, name: str, **kwargs: str) -> argparse.ArgumentParser:
    """A command's parser with the options every command takes: --passphrase-stdin and
    --data-dir (also accepted after the command's name)."""
    p: argparse.ArgumentParser = sub.add_parser(name, **kwargs)
    p.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read the passphrase as one line from standard input",
    )
    p.add_argument(
        "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="the vault's folder"
    )
    return p


def _user_option(p: argparse.ArgumentParser, help: str = DEFAULT_USER_HELP) -> None:
    """--user NAME: whose passphrase is given."""
    p.add_argument("--user", help=help)


class _VersionAction(argparse.Action):
    """--version, as argparse's own, but the package metadata is read only when asked: reading
    it imports importlib.metadata and the email parser, start-up time the window should have."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(
            option_strings,
            dest=dest,
            default=argparse.SUPPRESS,
            nargs=0,
            help="show program's version number and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        from advocate_app import __version__

        print(f"{parser.prog} {__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="advocate-app",
        description="Advocate Companion: offline, encrypted notes and reference for advocates.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument("--data-dir", metavar="DIR", help="the vault's folder")
    parser.add_argument("--demo", action="store_true", help="open the separate demo vault")
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command")

    p_init = _command(sub, "init", help="set up a new vault for an office (headless)")
    p_init.add_argument("--office", required=True, help="the office's name")
    p_init.add_argument("--user", required=True, help="the first user's name (a supervisor)")
    p_init.add_argument("--kdf-seconds", type=float, default=1.0, help=argparse.SUPPRESS)

    _user_option(_command(sub, "check", help="run both integrity checks and print a verdict"))

    p_summary = _command(
        sub,
        "summary",
        help="the anonymized supervisor summary (PDF, HTML, text or JSON)",
        description="Export the anonymized summary for one standard period that has ended. "
        "Every export is recorded in the vault's export ledger and checked against "
        "the earlier ones. The threshold k is the office's setting (Settings).",
    )
    p_summary.add_argument(
        "--period",
        required=True,
        metavar="PERIOD",
        help="2026-Q2 (quarter 2 of fiscal year 2026), FY2026 (a fiscal year) or CY2025 (a "
        "calendar year); the fiscal year starts in the office's month (default October, "
        "so FY2026 is October 2025 to September 2026). Only periods that have ended.",
    )
    p_summary.add_argument(
        "--out",
        metavar="FILE",
        help="write the summary here (a PDF unless --format or the file's "
        "suffix, .html or .txt, says otherwise)",
    )
    p_summary.add_argument(
        "--format",
        choices=("pdf", "html", "txt"),
        default=None,
        help="pdf (the default), html (an accessible web page for screen "
        "readers) or txt (plain text); each is the same summary",
    )
    p_summary.add_argument(
        "--language",
        choices=("en", "es"),
        default="en",
        help="en (English, the default) or es (Spanish): the summary's "
        "words; the numbers are the same in both",
    )
    p_summary.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p_summary.add_argument(
        "--k",
        type=int,
        default=None,
        help="must equal the office's k if given (changed only in Settings)",
    )
    p_summary.add_argument(
        "--json",
        action="store_true",
        help="print the same (already suppressed) numbers as JSON; hidden counts are null",
    )
    _user_option(p_summary)

    p_voca = _command(
        sub,
        "voca",
        help="the exact VOCA quarterly figures for the PMT (supervisors)",
        description="Print the exact counts OVC's Performance Measurement Tool asks for, "
        "question by question in its order and wording, for one federal fiscal "
        "quarter: individuals served (once each), new this federal fiscal year, "
        "demographics, victimization types, special classifications, and each "
        "service as individuals and times. These are exact numbers about real "
        "people for typing into the PMT: they are not anonymized, so keep them "
        "inside the office. Supervisors only.",
    )
    p_voca.add_argument(
        "--quarter",
        required=True,
        metavar="YYYY-QN",
        help="a federal fiscal quarter, named by its federal fiscal year, as the PMT does: "
        "2026-Q3 is April–June 2026; the federal fiscal year starts October 1, so "
        "2026-Q1 is October–December 2025 (whatever the office's own fiscal year)",
    )
    p_voca.add_argument("--json", action="store_true", help="print the figures as JSON")
    _user_option(p_voca)

    p_backup = _command(
        sub,
        "backup",
        help="write a verified, encrypted backup of the vault",
        description="Write one encrypted backup file, verified by reopening it. The same "
        "passphrases and the recovery key open it.",
    )
    p_backup.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="the backup file to write, or a folder (then it is named by today's date)",
    )
    _user_option(p_backup)

    p_restore = _command(
        sub,
        "restore",
        help="replace the vault with a backup (the current one is kept aside)",
        description="Restore a backup into --data-dir. The vault must not be open. The backup "
        "is verified first; the current vault files are moved to a "
        "before-restore-<time> folder, never deleted. It first prints what will be "
        "replaced (the backup's date, notes and clients newer in the current vault, "
        "users added since) and asks, unless --yes. Exit status 1: the file is "
        "not a usable backup; 2: any other refusal; 3: the folder cannot be "
        "written. Nothing changes on refusal.",
    )
    p_restore.add_argument("file", metavar="FILE", help="the backup file (.acbackup)")
    _user_option(
        p_restore,
        "whose passphrase this is, as named in the backup (default: the backup's only user)",
    )
    p_restore.add_argument(
        "--recovery-key",
        action="store_true",
        help="type (or pipe) the office's recovery key instead of a passphrase",
    )
    p_restore.add_argument(
        "--other-vault",
        action="store_true",
        help="allow a backup of a different vault to replace this one",
    )
    p_restore.add_argument(
        "--yes",
        action="store_true",
        help="do not ask before replacing the current vault (what will be "
        "replaced is still printed)",
    )
    return parser
