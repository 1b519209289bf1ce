"""The private-name scan, read from the source with ast, shared by two rules: the store's and the
reports' modules use another module's private names nowhere (tests/store/test_private_names.py),
and no test reaches a private name of the app (tests/test_suite_rules.py).

A name with a leading underscore is used only where it is defined: `self._x`, or `_x` of another
instance of a class of the same module; never `module._x`, an import of `_x`, or `vault._x` from
outside the vault. Names that are public by convention (SQLAlchemy's `row._mapping`, a named
tuple's `_replace`) are allowed.
"""

from __future__ import annotations

import ast

PUBLIC_BY_CONVENTION = {"_mapping", "_asdict", "_replace", "_fields", "_make"}
# Calls that replace or remove an attribute named by a string: monkeypatch.setattr(obj, "_x", v),
# monkeypatch.setattr("pkg.mod._x", v), mock.patch("pkg.mod._x"), patch.object(obj, "_x").
PATCHING_CALLS = {"setattr", "delattr", "patch", "object"}


def is_private(name: str) -> bool:
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
    """(line, what) for every import of a private name and every `owner._x` where the owner is
    not self/cls and the module does not define `_x` itself."""
    defined = _defined_in(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found += [
                (node.lineno, f"imports {node.module}.{alias.name}")
                for alias in node.names
                if is_private(alias.name)
            ]
        elif isinstance(node, ast.Attribute) and is_private(node.attr):
            owner = node.value
            if isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
                continue
            if node.attr in defined or node.attr in PUBLIC_BY_CONVENTION:
                continue
            found.append((node.lineno, f"reaches {ast.unparse(owner)}.{node.attr}"))
    return found


def _call_name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def patched_private_names(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, what) for every monkeypatch/mock target that names a private attribute, as a dotted
    string ("pkg.mod._x") or as the attribute-name argument (setattr(obj, "_x", ...))."""
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and _call_name(node.func) in PATCHING_CALLS):
            continue
        strings = [
            (i, arg.value)
            for i, arg in enumerate(node.args)
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
        ]
        for i, text in strings:
            if i == 0 and "." in text and any(is_private(part) for part in text.split(".")):
                found.append((node.lineno, f"patches {text}"))
            elif i == 1 and is_private(text):
                found.append((node.lineno, f"patches {ast.unparse(node.args[0])}.{text}"))
    return found
