"""No module reaches into another's private names, read from the source with ast.

In the store and the reports, a name with a leading underscore is used only where it is defined:
`self._x`, or `_x` of another instance of a class of the same module; never `module._x`, an
import of `_x`, or `vault._x` from outside the vault. Every test goes through public entry points
the same way (tests/test_suite_rules.py). Names that are public by convention
(SQLAlchemy's `row._mapping`, a named tuple's `_replace`) are allowed. The scan itself is in
tests/private_names.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

import advocate_app
from tests.private_names import private_reaches

PACKAGE = Path(advocate_app.__file__).resolve().parent
# Every test is held to the same rule by tests/test_suite_rules.py.
CHECKED = (PACKAGE / "store", PACKAGE / "reports")


def test_no_module_reaches_into_another_modules_private_names() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {what}"
        for folder in CHECKED
        for path in sorted(folder.rglob("*.py"))
        for line, what in private_reaches(ast.parse(path.read_text("utf-8"), str(path)))
    ]
    assert offenders == [], "use (or add) a public name instead:\n" + "\n".join(offenders)


def test_the_rule_sees_what_it_forbids() -> None:
    sample = ast.parse(
        "from advocate_app.store.keyslots import _b64, KeysFile\n"
        "from advocate_app.store import clients\n"
        "class Vault:\n"
        "    def _start(self): self._key = None\n"
        "    def twin(self, other): other._start(); return other._key\n"
        "def f(vault, row):\n"
        "    clients._list_query(1)\n"
        "    vault._data_key_ref()\n"
        "    row._mapping\n"
        "    self._own\n"
        "    vault._next_attempt_at = 0.0\n"
    )
    assert sorted(what for _line, what in private_reaches(sample)) == [
        "imports advocate_app.store.keyslots._b64",
        "reaches clients._list_query",
        "reaches vault._data_key_ref",
        "reaches vault._next_attempt_at",
    ]
