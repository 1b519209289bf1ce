"""Rules of the test suite itself, read from its source with ast: helpers are shared through
tests/helpers.py, tests/ui/helpers.py and conftest fixtures, never by importing another test
module or a conftest; and no test waits a fixed time (a sleep passes when the event it waits
for is merely late): it waits on a signal or a real condition instead."""

from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
# A module other test code must not import: a test module, or a conftest (pytest loads it).
_NOT_IMPORTABLE = re.compile(r"(^|\.)(test_\w+|conftest)$")


def _sources() -> list[tuple[Path, ast.Module]]:
    return [
        (path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        for path in sorted(TESTS.rglob("*.py"))
    ]


def _imported_modules(tree: ast.Module) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            found.append((node.lineno, module))
            if not node.module:  # `from . import test_x`
                found += [(node.lineno, "." + alias.name) for alias in node.names]
    return found


def _fixed_waits(tree: ast.Module) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        name = owner.id if isinstance(owner, ast.Name) else ""
        call = f"{name}.{node.func.attr}"
        if call in ("time.sleep", "qtbot.wait", "QTest.qWait") or node.func.attr == "qWait":
            found.append((node.lineno, call))
    return found


def test_no_test_module_or_conftest_is_imported_by_another() -> None:
    offenders = [
        f"{path.relative_to(TESTS.parent)}:{line}: imports {module}"
        for path, tree in _sources()
        for line, module in _imported_modules(tree)
        if module.startswith(("tests.", ".")) and _NOT_IMPORTABLE.search(module)
    ]
    assert offenders == [], "share helpers through tests/helpers.py instead:\n" + "\n".join(
        offenders
    )


def test_no_test_waits_a_fixed_time() -> None:
    offenders = [
        f"{path.relative_to(TESTS.parent)}:{line}: {call}(...)"
        for path, tree in _sources()
        for line, call in _fixed_waits(tree)
    ]
    assert offenders == [], "wait on a signal (qtbot.waitSignal/waitUntil) instead:\n" + "\n".join(
        offenders
    )


def test_the_rules_see_what_they_forbid() -> None:
    """The scans themselves: each finds the thing it forbids in a sample."""
    sample = ast.parse(
        "from tests.store.test_backup_restore import sha_map\n"
        "from .conftest import unlock\n"
        "from . import test_cli\n"
        "import tests.test_cli\n"
        "from tests.helpers import PASSPHRASE\n"
        "def test_x(qtbot):\n"
        "    time.sleep(1)\n"
        "    qtbot.wait(50)\n"
        "    qtbot.waitUntil(lambda: True)\n"
    )
    bad = [
        m
        for _line, m in _imported_modules(sample)
        if m.startswith(("tests.", ".")) and _NOT_IMPORTABLE.search(m)
    ]
    assert bad == ["tests.store.test_backup_restore", ".conftest", ".test_cli", "tests.test_cli"]
    assert [call for _line, call in _fixed_waits(sample)] == ["time.sleep", "qtbot.wait"]
