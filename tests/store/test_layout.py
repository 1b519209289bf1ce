"""One module names the vault's files: no other store module spells one of those names out."""

from __future__ import annotations

import ast
from pathlib import Path

from advocate_app.store import layout

STORE = Path(layout.__file__).parent

# Every name layout.py defines for a file or folder of the vault folder.
NAMES = {
    value
    for key, value in vars(layout).items()
    if key.isupper() and isinstance(value, str) and len(value) > 2
}


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_the_names_are_the_ones_the_vault_folder_uses() -> None:
    assert {
        "vault.db",
        "vault.keys.json",
        "vault.lock",
        "backups",
        ".acbackup",
        ".setup-incomplete",
        ".restore-",
        ".rekey-",
    } <= NAMES
    assert layout.db_path(Path("office")) == Path("office") / "vault.db"


def test_no_other_store_module_writes_a_vault_file_name_literally() -> None:
    spelled = {}
    for path in sorted(STORE.glob("*.py")):
        if path.name == "layout.py":
            continue
        found = _string_constants(path) & NAMES
        if found:
            spelled[path.name] = sorted(found)
    assert spelled == {}
