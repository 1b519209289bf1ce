"""No module reaches into another's private names, read from the source with ast.

In the store and the reports, a name with a leading underscore is used only where it is defined:
`self._x`, or `_x` of another instance of a class of the same module; never `module._x`, an
import of `_x`, or `vault._x` from outside the vault. The store's and reports' tests (and the
demo's) go through public entry points the same way. Names that are public by convention
(SQLAlchemy's `row._mapping`, a named tuple's `_replace`) are allowed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import advocate_app

PACKAGE = Path(advocate_app.__file__).resolve().parent
TESTS = Path(__file__).resolve().parent.parent
CHECKED = (
    PACKAGE / "store",
    PACKAGE / "reports",
    TESTS / "store",
    TESTS / "reports",
    TESTS / "demo",
)
PUBLIC_BY_CONVENTION = {"_mapping", "_asdict", "_replace", "_fields", "_make"}


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _defined_in(tree: ast.Module) -> set[str]:
    """Every name the module itself defines: functions, classes, assigned names and its own
    attributes (`self._x = ...`; `other._x = ...` is a reach, not a definition)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                names.add(node.attr)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def private_reaches(tree: ast.Module) -> list[tuple[int, str]]:
    defined = _defined_in(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found += [
                (node.lineno, f"imports {node.module}.{alias.name}")
                for alias in node.names
                if _private(alias.name)
            ]
        elif isinstance(node, ast.Attribute) and _private(node.attr):
            owner = node.value
            if isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
                continue
            if node.attr in defined or node.attr in PUBLIC_BY_CONVENTION:
                continue
            found.append((node.lineno, f"reaches {ast.unparse(owner)}.{node.attr}"))
    return found


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
