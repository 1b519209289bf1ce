"""Kill injection: run an operation in a child process and kill it at the Nth file operation.

The child runs `code` (Python source) after a prelude that wraps `os.replace`, `os.rename`,
`os.fsync`, `shutil.rmtree` and `shutil.move` (and, if asked, `os.unlink`/`os.remove`): each call
is counted, and the Nth one (1-based) kills the process with SIGKILL *before* it happens, so no
`finally`, no `except` and no buffered write runs after it, as in a power cut. With `kill_at=0`
nothing is killed and the child reports how many operations it made, so a caller can walk every
step:

    total = count_steps(code, args=[str(folder)])
    for n in range(1, total + 1):
        fresh = copy_of_the_folder(...)
        result = run_killed(code, args=[str(fresh)], kill_at=n)
        assert result.killed
        ... check fresh in the parent ...

`code` sees `ARGS` (the list of strings given as `args`) and `STDIN` (the text given as `stdin`,
which is where a secret goes, never argv). POSIX only (SIGKILL). Used by tests and by
`benchmarks/crash_soak.py` (`make soak`).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OPS = ("os.replace", "os.rename", "os.fsync", "shutil.rmtree", "shutil.move")
ALL_OPS = (*DEFAULT_OPS, "os.unlink", "os.remove")
_COUNT_MARK = "KILL-HARNESS-COUNT"
_KILL_MARK = "KILL-HARNESS-KILL"

_PRELUDE = textwrap.dedent(
    """
    import os as _kh_os, shutil as _kh_shutil, signal as _kh_signal, sys as _kh_sys
    _KH_AT = int(_kh_os.environ["KILL_HARNESS_AT"])
    _KH_OPS = _kh_os.environ["KILL_HARNESS_OPS"].split(",")
    _KH_SEEN = [0]
    _KH_REPORT = _kh_os.fdopen(_kh_os.dup(2), "w")  # stderr, untouched by the operation

    def _kh_wrap(owner, name, label):
        real = getattr(owner, name)

        def counted(*args, **kwargs):
            _KH_SEEN[0] += 1
            if _KH_AT and _KH_SEEN[0] == _KH_AT:
                what = " ".join(str(a) for a in args[:2] if isinstance(a, (str, _kh_os.PathLike)))
                _KH_REPORT.write(f"KILL-HARNESS-KILL {_KH_SEEN[0]} {label} {what}\\n")
                _KH_REPORT.flush()
                _kh_os.kill(_kh_os.getpid(), _kh_signal.SIGKILL)
            return real(*args, **kwargs)

        setattr(owner, name, counted)

    for _kh_label in _KH_OPS:
        _kh_mod, _kh_name = _kh_label.split(".")
        _kh_wrap(_kh_os if _kh_mod == "os" else _kh_shutil, _kh_name, _kh_label)

    import atexit as _kh_atexit
    _kh_atexit.register(
        lambda: (_KH_REPORT.write(f"KILL-HARNESS-COUNT {_KH_SEEN[0]}\\n"), _KH_REPORT.flush()))
    ARGS = _kh_sys.argv[1:]
    STDIN = _kh_sys.stdin.read()
    """
)


@dataclass(frozen=True)
class KillResult:
    killed: bool  # the Nth operation was reached and the child died there
    steps: int | None  # operations counted when the child finished on its own
    returncode: int
    stdout: str
    stderr: str
    killed_at: str = ""  # "<n> <op> <first args>" of the operation that was not done

    def check_finished(self) -> None:
        """Raise with the child's stderr when it neither finished cleanly nor was killed."""
        if not self.killed and self.returncode != 0:
            raise AssertionError(f"the child failed (exit {self.returncode}):\n{self.stderr}")


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(REPO), *([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])]
    )
    return env


def run_killed(
    code: str,
    *,
    kill_at: int,
    args: Sequence[str] = (),
    stdin: str = "",
    ops: Sequence[str] = DEFAULT_OPS,
    timeout: float = 120.0,
) -> KillResult:
    """Run `code` in a child; kill it just before its `kill_at`-th counted operation (0: never)."""
    if os.name == "nt":  # pragma: no cover
        raise RuntimeError("kill injection needs SIGKILL (POSIX)")
    unknown = set(ops) - set(ALL_OPS)
    if unknown:
        raise ValueError(f"cannot count {sorted(unknown)}")
    env = child_env()
    env["KILL_HARNESS_AT"] = str(kill_at)
    env["KILL_HARNESS_OPS"] = ",".join(ops)
    source = _PRELUDE + "\n" + textwrap.dedent(code)
    done = subprocess.run(
        [sys.executable, "-c", source, *args],
        input=stdin,
        text=True,
        capture_output=True,
        env=env,
        timeout=timeout,
        check=False,
    )
    killed = done.returncode == -signal.SIGKILL
    steps = None
    killed_at = ""
    for line in done.stderr.splitlines():
        if line.startswith(_COUNT_MARK):
            steps = int(line.split()[1])
        elif line.startswith(_KILL_MARK):
            killed_at = line[len(_KILL_MARK) :].strip()
    return KillResult(killed, steps, done.returncode, done.stdout, done.stderr, killed_at)


def count_steps(
    code: str,
    *,
    args: Sequence[str] = (),
    stdin: str = "",
    ops: Sequence[str] = DEFAULT_OPS,
    timeout: float = 120.0,
) -> int:
    """How many counted operations `code` makes when nothing kills it (it must succeed)."""
    result = run_killed(code, kill_at=0, args=args, stdin=stdin, ops=ops, timeout=timeout)
    result.check_finished()
    if result.steps is None:
        raise AssertionError(f"the child did not report its steps:\n{result.stderr}")
    return result.steps


def spread(total: int, rounds: int) -> list[int]:
    """`rounds` kill points spread over 1..total (every step when rounds >= total)."""
    if total <= 0:
        return []
    if rounds >= total:
        return list(range(1, total + 1))
    if rounds <= 1:
        return [total]
    return sorted({1 + round(i * (total - 1) / (rounds - 1)) for i in range(rounds)})


__all__ = [
    "ALL_OPS",
    "DEFAULT_OPS",
    "KillResult",
    "child_env",
    "count_steps",
    "run_killed",
    "spread",
]
