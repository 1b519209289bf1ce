"""Plain words on screen: no storage jargon in any string a person can see (the ui's tr()
literals, and the messages the store raises or diagnoses)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "advocate_app"
# "pages" as in database pages; a web page (the summary's HTML export) is plain words.
JARGON = re.compile(r"key slot|\bk = |<k\b|integrity|(?<!web )\bpages\b|\bkeyslot", re.IGNORECASE)


def _shown_strings() -> list[tuple[str, str]]:
    found = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.append((path.name, str(node.args[0].value)))
    for path in sorted((PACKAGE / "store").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            parts: list[ast.AST] = []
            if isinstance(node, ast.Raise) and node.exc is not None:
                parts = [node.exc]
            elif isinstance(node, ast.Dict) and path.name == "diagnose.py":
                parts = list(node.values)
            for part in parts:
                for const in ast.walk(part):
                    if isinstance(const, ast.Constant) and isinstance(const.value, str):
                        found.append((path.name, const.value))
    return found


def test_no_jargon_on_screen() -> None:
    strings = _shown_strings()
    assert len(strings) > 300  # the walk really found the app's sentences
    offending = [(name, text) for name, text in strings if JARGON.search(text)]
    assert not offending
