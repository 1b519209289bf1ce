"""The `advocate-app` command: starts the app, or runs a headless job.

Passphrases are read from the terminal, or from standard input with --passphrase-stdin (one
line); never from an argument, where they would land in shell history and process lists.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app import __version__
from advocate_app.hardening import disable_core_dumps, private_files
from advocate_app.logs import setup_logging
from advocate_app.paths import default_data_dir
from advocate_app.sizes import size_text
from advocate_app.store.errors import (
    KeysDoNotMatchVault,
    VaultDamaged,
    VaultError,
    VaultReadOnly,
)
from advocate_app.store.vault import Vault

if TYPE_CHECKING:  # imported when a command needs them (start-up time)
    from advocate_app.store.diagnose import Diagnosis
    from advocate_app.store.keyslots import KeysFile
    from advocate_app.store.restore import RestorePreview

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_DAMAGED = 1  # damaged or incomplete (a file missing, a restore or set-up not finished)
EXIT_USAGE = 2  # wrong passphrase, wrong arguments, a refusal
EXIT_FOLDER = 3  # the vault's folder cannot be read or written (permissions, read-only disk)


MUST_CHANGE = (
    "This passphrase is a temporary one. Start the app, unlock with it and choose "
    "your own passphrase first; until then no command accepts it."
)


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def _read_passphrase(args: argparse.Namespace, prompt: str, *, confirm: bool = False) -> str:
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


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if args.data_dir else default_data_dir()


def _pick_user(vault: Vault, name: str | None) -> str:
    users = vault.users_for_unlock()
    if name:
        matches = [u for u in users if u.name.casefold() == name.casefold()]
        if not matches:
            raise CliError("No user by that name in this vault.")
        return matches[0].id
    if len(users) == 1:
        return users[0].id
    raise CliError("This vault has several users: say which with --user NAME.")


def open_unlocked(args: argparse.Namespace) -> Vault:
    """Open the vault in --data-dir and unlock it with the passphrase of --user."""
    vault = Vault.open(_data_dir(args))
    try:
        user_id = _pick_user(vault, getattr(args, "user", None))
        passphrase = _read_passphrase(args, "Passphrase: ")
        user = vault.unlock(user_id, passphrase)
        if user.must_change_passphrase:
            raise CliError(MUST_CHANGE)
    except BaseException:
        vault.close()
        raise
    return vault


# --- commands ---------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from advocate_app.store.folder import restore_pending
    from advocate_app.store.restore import finish_interrupted_restore

    folder = _data_dir(args)
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
    passphrase = _read_passphrase(args, "New passphrase: ", confirm=True)
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


def _backup_advice(diagnosis: Diagnosis) -> str:
    newest = diagnosis.newest_backup
    if newest is None:
        return (
            "No intact backup was found in the vault's backups folder: restore a copy made "
            "elsewhere (a USB stick) with `advocate-app restore FILE`."
        )
    return (
        f"The newest backup that checks out is {newest.path} (made "
        f"{_when_text(newest.created)}): restore it with `advocate-app restore FILE`."
    )


def cmd_check(args: argparse.Namespace) -> int:
    """A diagnosis that only reads: no file in the folder is created, changed or removed."""
    import os

    from advocate_app.store import crypto
    from advocate_app.store.diagnose import Problem, diagnose
    from advocate_app.store.keyslots import KeysFile
    from advocate_app.store.lockfile import reading

    folder = _data_dir(args)
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
    user_id = _pick_slot_user(keys, getattr(args, "user", None))
    passphrase = _read_passphrase(args, "Passphrase: ")
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


def _must_change(folder: Path, data_key: bytearray, user_id: str) -> bool:
    """Whether user_id still has a temporary passphrase, read without writing a byte."""
    from advocate_app.store.engine import read_only_connection

    with read_only_connection(folder, data_key) as conn:
        row = conn.execute(
            "SELECT must_change_passphrase FROM users WHERE id = ?", (user_id,)
        ).fetchone()
    return bool(row and row[0])


def _pick_slot_user(keys: KeysFile, name: str | None) -> str:
    slots = [s for s in keys.passphrase_slots() if s.user_id]
    if name:
        matches = [s for s in slots if str(s.label).casefold() == name.casefold()]
        if not matches:
            raise CliError("No user by that name in this vault.")
        return str(matches[0].user_id)
    if len(slots) == 1:
        return str(slots[0].user_id)
    raise CliError("This vault has several users: say which with --user NAME.")


def cmd_summary(args: argparse.Namespace) -> int:
    from advocate_app.reports.formats import format_for_path
    from advocate_app.reports.output_file import OutputExists, OutputProblem
    from advocate_app.reports.periods import parse_period, require_complete
    from advocate_app.reports.summary import export_file, export_summary
    from advocate_app.store import report_settings

    if not args.json and not args.out:
        raise CliError(
            "Say where to write the summary with --out FILE.pdf (or .html, .txt), or use --json."
        )
    if args.format and not args.out:
        raise CliError("--format says how to write the file given with --out FILE.")
    vault = open_unlocked(args)
    try:
        if not vault.current_user.is_supervisor:
            raise CliError("Only a supervisor can make the summary.")
        office_k = report_settings.summary_k(vault)
        if args.k is not None and args.k != office_k:
            raise CliError(
                f"This office's summaries use k = {office_k}; --k {args.k} was refused. Reports "
                "with different thresholds can be combined to uncover hidden counts, so k is "
                "changed only in Settings, by a supervisor. Leave out --k."
            )
        try:
            period = require_complete(
                parse_period(args.period, report_settings.fiscal_year_start_month(vault)),
                date.today(),
            )
        except ValueError as exc:
            raise CliError(str(exc)) from exc
        try:
            if args.out:
                out = Path(args.out)
                summary = export_file(
                    vault,
                    period,
                    out,
                    args.format or format_for_path(out),
                    overwrite=args.force,
                    language=args.language,
                )
            else:
                summary = export_summary(vault, period, language=args.language)
        except OutputExists as exc:
            raise CliError(f"{exc} Use --force to replace it. Nothing was written.") from exc
        except OutputProblem as exc:
            raise CliError(f"{exc} Nothing was written.") from exc
        except OSError as exc:
            raise CliError(
                f"The summary could not be written ({exc.strerror or 'error'}). "
                "Nothing was written; choose another place."
            ) from exc
        if args.json:
            print(summary.to_json())
    finally:
        vault.close()
    if args.out and not args.json:
        print(f"Wrote the anonymized summary for {period.label} (k = {office_k}).")
    return EXIT_OK


def _voca_text(figures: object) -> str:
    """The figures as plain text, question by question in the PMT's order."""
    from advocate_app.reports.voca import VocaFigures

    assert isinstance(figures, VocaFigures)
    lines = [f"VOCA quarterly figures for {figures.period.label}"]
    if not figures.complete:
        lines.append("This quarter is not over: the figures will still change.")
    lines.append(
        f"Form: {figures.form.name}, federal FY{figures.form.federal_fiscal_year} "
        f"(checked {figures.form.checked_on})."
    )
    if not figures.form.in_force_confirmed:
        lines.append(
            "Compare with the form in the PMT before typing: this version of the "
            "questions could not be confirmed as the one in force (see "
            "assets/voca)."
        )
    for f in figures.figures:
        lines.append("")
        lines.append(f"{f.question.pmt}: {f.total}")
        for r in f.rows:
            name = f"{r.pmt_code}. {r.pmt}" if r.pmt_code else r.pmt
            indent = "  " if r.is_group or not r.pmt_code else "    "
            if r.times is None:
                lines.append(f"{indent}{name}: {r.individuals}")
            else:
                lines.append(f"{indent}{name}: {r.individuals} individuals, {r.times} times")
    return "\n".join(lines)


def cmd_voca(args: argparse.Namespace) -> int:
    from advocate_app.reports.voca import parse_quarter, quarter_figures

    try:
        period = parse_quarter(args.quarter)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    vault = open_unlocked(args)
    try:
        if not vault.current_user.is_supervisor:
            raise CliError("Only a supervisor can see the VOCA quarterly figures.")
        figures = quarter_figures(vault, period)
    finally:
        vault.close()
    print(figures.to_json() if args.json else _voca_text(figures))
    return EXIT_OK


def _when_text(created: datetime) -> str:
    return created.astimezone().strftime("%Y-%m-%d %H:%M")


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
        f"{_when_text(info.created)})."
    )
    return EXIT_OK


def _can_ask() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _ask_yes(prompt: str) -> bool:
    try:
        return input(prompt).strip().casefold() in ("yes", "y")
    except EOFError:
        return False


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _describe_restore(folder: Path, preview: RestorePreview) -> list[str]:
    """What a restore will replace, in plain sentences (counts, staff names; no client text)."""
    info = preview.backup
    lines = [
        f"This replaces the vault in {folder} with the backup made {_when_text(info.created)}."
    ]
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

    folder = _data_dir(args)
    try:
        # The file is checked before anyone is asked for a secret.
        info = read_restorable_info(Path(args.file))
        if args.recovery_key:
            secret = _read_passphrase(args, "Recovery key: ")
            credentials = BackupCredentials(recovery_key=secret)
        else:
            secret = _read_passphrase(args, "Passphrase (as it was when the backup was made): ")
            credentials = BackupCredentials(passphrase=secret, user_name=args.user)
        with reading(folder):  # refused at once while the app has the vault open
            preview = restore_preview(folder, Path(args.file), credentials)
            # Who may replace the vault here is settled before anything is described or asked
            # (after the backup's own checks, so their refusals come first).
            authorization = authorize_restore(folder, credentials)
        if preview.has_current_vault:
            for line in _describe_restore(folder, preview):
                print(line)
            if not args.yes:
                if not _can_ask():
                    raise CliError(
                        "Nothing was changed. To restore without being asked, run "
                        "the same command with --yes."
                    )
                if not _ask_yes("Replace the current vault with this backup? Type yes to go on: "):
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
    print(f"Restored the backup made {_when_text(info.created)} into {folder}.")
    if result.kept_aside is not None:
        print(f"The vault as it was is kept in {result.kept_aside}; nothing was deleted.")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from advocate_app.ui.app import run_gui

    return run_gui(
        data_dir=_data_dir(args),
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="advocate-app",
        description="Advocate Companion: offline, encrypted notes and reference for advocates.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="the vault's folder")
    parser.add_argument("--demo", action="store_true", help="open the separate demo vault")
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--passphrase-stdin",
            action="store_true",
            help="read the passphrase as one line from standard input",
        )
        p.add_argument(
            "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="the vault's folder"
        )

    p_init = sub.add_parser("init", help="set up a new vault for an office (headless)")
    common(p_init)
    p_init.add_argument("--office", required=True, help="the office's name")
    p_init.add_argument("--user", required=True, help="the first user's name (a supervisor)")
    p_init.add_argument("--kdf-seconds", type=float, default=1.0, help=argparse.SUPPRESS)

    p_check = sub.add_parser("check", help="run both integrity checks and print a verdict")
    common(p_check)
    p_check.add_argument("--user", help="whose passphrase unlocks (default: the only user)")
    p_summary = sub.add_parser(
        "summary",
        help="the anonymized supervisor summary (PDF, HTML, text or JSON)",
        description="Export the anonymized summary for one standard period that has ended. "
        "Every export is recorded in the vault's export ledger and checked against "
        "the earlier ones. The threshold k is the office's setting (Settings).",
    )
    common(p_summary)
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
    p_summary.add_argument("--user", help="whose passphrase unlocks (default: the only user)")

    p_voca = sub.add_parser(
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
    common(p_voca)
    p_voca.add_argument(
        "--quarter",
        required=True,
        metavar="YYYY-QN",
        help="a federal fiscal quarter, named by its federal fiscal year, as the PMT does: "
        "2026-Q3 is April–June 2026; the federal fiscal year starts October 1, so "
        "2026-Q1 is October–December 2025 (whatever the office's own fiscal year)",
    )
    p_voca.add_argument("--json", action="store_true", help="print the figures as JSON")
    p_voca.add_argument("--user", help="whose passphrase unlocks (default: the only user)")

    p_backup = sub.add_parser(
        "backup",
        help="write a verified, encrypted backup of the vault",
        description="Write one encrypted backup file, verified by reopening it. The same "
        "passphrases and the recovery key open it.",
    )
    common(p_backup)
    p_backup.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="the backup file to write, or a folder (then it is named by today's date)",
    )
    p_backup.add_argument("--user", help="whose passphrase unlocks (default: the only user)")

    p_restore = sub.add_parser(
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
    common(p_restore)
    p_restore.add_argument("file", metavar="FILE", help="the backup file (.acbackup)")
    p_restore.add_argument(
        "--user",
        help="whose passphrase this is, as named in the backup (default: the backup's only user)",
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


def main(argv: Sequence[str] | None = None) -> int:
    disable_core_dumps()
    private_files()  # before anything is written: vault, backups, log, PDFs
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        setup_logging()
        return cmd_gui(args)
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
