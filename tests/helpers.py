"""Helpers shared by several test modules: the one place a test imports shared code from.

Never import one test module (or a conftest) from another: a check in tests/test_suite_rules.py
keeps it so. Fixtures live in conftest.py; the constants and plain functions they and the
tests share live here. Qt helpers for the ui tests are in tests/ui/helpers.py.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

# No app import at module level: conftest imports this module before it points the app's
# folders (XDG_*, TMPDIR) into the test sandbox.

# The vault every test starts from (conftest's vault_template) is made with these.
PASSPHRASE = "plum tractor quietly 42 harbor"
OFFICE = "Riverbend Advocacy Office"
FIRST_USER = "Maria"

# Files beside the vault that change without any record changing (the lock, the unlock throttle).
_NOT_DATA = ("vault.lock", "vault.throttle.json")

# Text that breaks naive full-text queries (FTS5 syntax, quotes, control characters, huge input).
HOSTILE_QUERIES = [
    '"',
    '""',
    '"unbalanced',
    "unbalanced'",
    "'",
    "*",
    "**",
    "a*",
    "*a",
    "AND",
    "AND(",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(a b)",
    "NEAR(",
    "-",
    "--",
    "-a",
    "a -b",
    "^",
    "^a",
    ":",
    "body:",
    "notes_fts:",
    "col:x",
    "(",
    ")",
    "()",
    "(a OR",
    "a OR b)",
    "{a b}",
    "[a]",
    "a AND (b OR",
    "'; DROP TABLE notes; --",
    "\\",
    "%",
    "_",
    "\x00",
    "\x02\x03",
    "😀",
    "🏠 housing",
    "naïve café",
    "O'Brien",
    "d’Arc",
    "\n\t\r",
    " " * 50,
    "a" * 10_000,
    "word " * 2_000,
    "x" * 300 + "*",
    '"a" NEAR/2 "b"',
    "+a",
    "a+b",
    "@",
    "#",
]


class NetworkBlocked(RuntimeError):
    """Raised by the suite's socket guard (conftest) when anything tries to reach a network."""


@dataclass
class VaultTemplate:
    """The ready vault made once per session (conftest's vault_template) and copied per test."""

    folder: Path
    recovery_key: str
    user_id: str


def run_cli(
    *args: str, stdin: str = "", umask: int | None = None, process: bool = False
) -> subprocess.CompletedProcess[str]:
    """`advocate-app ARGS` with `stdin` as standard input, optionally under a given umask.

    By default in this process (`advocate_app.cli.main`, the function the installed command
    and `python -m advocate_app` call): the same parsing, exit codes and messages, without
    paying a Python start-up per command. `process=True` runs `python -m advocate_app` in a
    child process instead, for tests about the process itself (the entry point, another
    process holding the vault, what a fresh process does with its umask or log file)."""
    if process:
        return _run_cli_process(*args, stdin=stdin, umask=umask)
    import contextlib
    import io

    from advocate_app import cli

    out, err = io.StringIO(), io.StringIO()
    old_umask = os.umask(umask if umask is not None else 0o077)
    if umask is None:
        os.umask(old_umask)
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(list(args))
            except SystemExit as exc:  # argparse: --help, --version, a usage error
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
                if isinstance(exc.code, str):
                    print(exc.code, file=sys.stderr)
    finally:
        sys.stdin = old_stdin
        os.umask(old_umask)  # main() makes the umask private: the next test gets its own back
    return subprocess.CompletedProcess(
        ["advocate-app", *args], code, out.getvalue(), err.getvalue()
    )


def _run_cli_process(
    *args: str, stdin: str = "", umask: int | None = None
) -> subprocess.CompletedProcess[str]:
    def set_umask() -> None:
        os.umask(umask)  # type: ignore[arg-type]

    return subprocess.run(
        [sys.executable, "-m", "advocate_app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
        preexec_fn=set_umask if umask is not None else None,
    )


def sha_map(folder: Path) -> dict[str, str]:
    """Every file below folder (but the lock and throttle files) and its SHA-256."""
    return _digests(folder, _NOT_DATA)


def sha_map_with_throttle(folder: Path) -> dict[str, str]:
    """Every file below folder but the lock file, the unlock throttle included, and its SHA-256:
    for checks that nothing at all was written (a wrong passphrase counts)."""
    return _digests(folder, ("vault.lock",))


def _digests(folder: Path, skip: tuple[str, ...]) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(Path(folder).rglob("*"))
        if p.is_file() and p.name not in skip
    }


def scan_for(strings: list[str], roots: list[Path]) -> list[tuple[Path, str]]:
    """Every file below roots whose bytes or name hold one of strings (UTF-8, UTF-16-LE or
    lower case): the canary scan of the no-plaintext tests."""
    hits = []
    needles = [
        (variant, s)
        for s in strings
        for variant in (s.encode("utf-8"), s.encode("utf-16-le"), s.lower().encode("utf-8"))
    ]
    for root in roots:
        if not root.exists():
            continue
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                path = Path(dirpath) / name
                try:
                    data = path.read_bytes()
                except OSError:
                    continue
                for needle, s in needles:
                    if needle in data or needle in name.encode("utf-8"):
                        hits.append((path, s))
    return hits


def data_key_with_recovery(folder: Path, recovery_key: str) -> bytearray:
    """The vault's raw data key, unwrapped with its recovery key (to read it without a user)."""
    from advocate_app.store.keyslots import KeysFile

    return KeysFile.load(Path(folder)).unwrap_with_recovery_key(recovery_key)


def copy_vault(source: Path, dest: Path) -> Path:
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("vault.lock"))
    return dest


def kill_rounds(default: int) -> int:
    """How many kill points a kill-injection test walks (ADVOCATE_KILL_ROUNDS raises it)."""
    return int(os.environ.get("ADVOCATE_KILL_ROUNDS", default))


class Spy:
    """What a wrapped function was called with and returned (see spy_on)."""

    def __init__(self) -> None:
        self.calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
        self.returned: list[Any] = []


def spy_on(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> Spy:
    """Wrap owner.name (a module's function, looked up at call time by the app) so a test can
    wait until the app really called it and see what it returned; the function still runs.
    Calls may come from a worker thread: list.append is atomic."""
    real = getattr(owner, name)
    spy = Spy()

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        spy.calls.append((args, kwargs))
        result = real(*args, **kwargs)
        spy.returned.append(result)
        return result

    monkeypatch.setattr(owner, name, wrapper)
    return spy


# The reports' tests: a period with no one in it, and a mid-sized office's counts.
NO_ONE_SERVED: dict[str, Any] = {
    "individuals_served": 0,
    "individuals_new": 0,
    "individuals_continuing": 0,
    "anonymous_contacts": 0,
    "trafficking_type": {},
    "age_group": {},
    "needs": {},
    "needs_opened": {},
    "referrals": {},
    "appointments": {},
}
SUMMARY_OFFICE = "Piedmont Survivor Services"


def office_counts(**changes: Any) -> Any:
    """The SummaryCounts of a mid-sized office (52 people served, every table filled) for the
    second quarter of fiscal 2026; `changes` replace fields (`**NO_ONE_SERVED` empties it)."""
    from dataclasses import replace

    from advocate_app.reports.periods import fiscal_quarter
    from advocate_app.store.summary import SummaryCounts

    q2 = fiscal_quarter(2026, 2)
    counts = SummaryCounts(
        office_name=SUMMARY_OFFICE,
        period_label=q2.label,
        period_start=q2.start,
        period_end=q2.end,
        is_demo=False,
        individuals_served=52,
        individuals_new=19,
        individuals_continuing=33,
        anonymous_contacts=24,
        trafficking_type={"sex": 30, "labor": 14, "both": 5, "not_identified": 3},
        age_group={"13-17": 4, "18-24": 17, "25-59": 29, "60+": 2},
        needs={
            "housing": {"in_progress": 13, "met": 18, "declined": 4},
            "transportation": {"met": 22, "declined": 12, "not_needed": 3},
            "employment": {"in_progress": 2},
            "childcare": {"met": 3},
        },
        needs_opened={"housing": 14, "transportation": 12, "employment": 2, "childcare": 3},
        referrals={"housing": 16, "legal": 12, "hotline": 2, "other": 6},
        appointments={
            "court_hearing": {"accompanied": 15, "not_accompanied": 11},
            "medical": {"accompanied": 3},
            "dmv": {"accompanied": 14},
        },
        voca_services={"A": 20, "B": 15, "C": 12, "D": 0, "E": 3},
    )
    return replace(counts, **changes)


def run_cli_as(
    *args: str,
    data_dir: Path,
    passphrase: str = PASSPHRASE,
    user: str | None = None,
    process: bool = False,
) -> subprocess.CompletedProcess[str]:
    """`run_cli(ARGS --data-dir DIR [--user NAME] --passphrase-stdin)` with the passphrase
    typed on standard input, as a person at the office's computer would."""
    who = ("--user", user) if user else ()
    return run_cli(
        *args,
        "--data-dir",
        str(data_dir),
        *who,
        "--passphrase-stdin",
        stdin=passphrase + "\n",
        process=process,
    )


def fresh_python_json(code: str, *args: str, home: Path) -> Any:
    """Run `code` in a fresh Python (offscreen, its own HOME and XDG folders, no bytecode
    written) and return the JSON of its last line of output."""
    import json

    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ADVOCATE_APP"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home),
        XDG_DATA_HOME=str(home),
        XDG_CACHE_HOME=str(home),
        XDG_STATE_HOME=str(home),
        QT_QPA_PLATFORM="offscreen",
    )
    result = subprocess.run(
        [sys.executable, "-B", "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])
