"""The documented escape hatch: with the recovery key, a plain sqlcipher3 connection opens
vault.db (any SQLCipher 4 tool can, given the raw key)."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from advocate_app.store import drafts
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.vault import Vault


def test_plain_sqlcipher_opens_the_vault_with_the_recovered_key(
    vault: Vault, vault_template
) -> None:
    drafts.save_draft(vault, "k", "readable through the escape hatch")
    folder = vault.folder
    vault.close()

    data_key = KeysFile.load(folder).unwrap_with_recovery_key(vault_template.recovery_key)
    conn = sqlcipher.connect(str(folder / "vault.db"))
    try:
        conn.execute(f"PRAGMA key = \"x'{bytes(data_key).hex()}'\"")
        rows = conn.execute("SELECT body FROM drafts").fetchall()
    finally:
        conn.close()
    assert rows == [("readable through the escape hatch",)]


def test_without_the_key_the_file_is_not_a_database(vault: Vault) -> None:
    path: Path = vault.db_path
    vault.close()
    conn = sqlcipher.connect(str(path))
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except sqlcipher.DatabaseError as exc:
            assert "not a database" in str(exc)
        else:  # pragma: no cover
            raise AssertionError("an unkeyed connection read the vault")
    finally:
        conn.close()
