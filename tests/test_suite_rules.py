"""Rules of the test suite itself, read from its source with ast: helpers are shared through
tests/helpers.py, tests/ui/helpers.py and conftest fixtures, never by importing another test
module or a conftest; no test waits a fixed time (a sleep passes when the event it waits
for is merely late): it waits on a signal or a real condition instead; and no test reaches a
private name of the app (an import of `_x`, `module._x`, `obj._x` for any obj but self, or a
monkeypatch/mock target naming `._x`): it goes through public entry points, as a person or
another module would, so a refactoring behind them breaks no test."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.private_names import patched_private_names, private_reaches

TESTS = Path(__file__).resolve().parent
# A module other test code must not import: a test module, or a conftest (pytest loads it).
_NOT_IMPORTABLE = re.compile(r"(^|\.)(test_\w+|conftest)$")

# Private names a test may reach anyway, each because nothing public can do the job:
ALLOWED_PRIVATE = {
    # os._exit is the standard library's documented way to end a process at once (public despite
    # the underscore): the lock child calls it as the app does, and the lock-restart tests
    # replace it to see the app end without ending pytest itself.
    "os._exit",
}


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


def _private_uses(tree: ast.Module) -> list[tuple[int, str]]:
    return sorted(private_reaches(tree) + patched_private_names(tree))


def test_no_test_reaches_a_private_name() -> None:
    offenders = [
        f"{path.relative_to(TESTS.parent)}:{line}: {what}"
        for path, tree in _sources()
        for line, what in _private_uses(tree)
        if what.split(" ", 1)[1] not in ALLOWED_PRIVATE
    ]
    assert offenders == [], "go through a public entry point (or add one) instead:\n" + "\n".join(
        offenders
    )


def test_the_private_name_rule_sees_what_it_forbids() -> None:
    sample = ast.parse(
        "from advocate_app.ui.demo.app import _load, build\n"
        "from advocate_app.demo import engine\n"
        "class Helper:\n"
        "    def __init__(self): self._own = 1\n"
        "def test_x(monkeypatch, section, row):\n"
        "    engine.DemoSession._write\n"
        "    section._drop_detail()\n"
        "    row._mapping, self._own, section.__class__\n"
        "    monkeypatch.setattr(engine.DemoSession, '_write', None)\n"
        "    monkeypatch.setattr('advocate_app.demo.engine._CACHE', None)\n"
        "    mock.patch('advocate_app.store.vault.Vault._key')\n"
        "    patch.object(engine, '_hidden')\n"
        "    monkeypatch.setattr(engine, 'DEMO_OFFICE', 'x')\n"
        "    monkeypatch.setattr(os, '_exit', print)\n"
    )
    found = [what for _line, what in _private_uses(sample)]
    assert sorted(found) == [
        "imports advocate_app.ui.demo.app._load",
        "patches advocate_app.demo.engine._CACHE",
        "patches advocate_app.store.vault.Vault._key",
        "patches engine.DemoSession._write",
        "patches engine._hidden",
        "patches os._exit",
        "reaches engine.DemoSession._write",
        "reaches section._drop_detail",
    ]
    assert sorted(w for w in found if w.split(" ", 1)[1] not in ALLOWED_PRIVATE) == sorted(
        set(found) - {"patches os._exit"}
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
