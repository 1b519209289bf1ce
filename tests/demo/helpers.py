"""Helpers of the demo tests: the shipped scenarios' folder, the demo's today, and a
table-by-table dump of a vault to compare two states of the demo vault (see test_engine.py).
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text

from advocate_app.store.vault import Vault

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "scenarios"
TODAY = date(2024, 6, 15)

# When a row that a step rewrites was written: differs legitimately between two writes of the
# same content. Every other column is compared, including notes.created_at (the note's date as
# the scenario gives it) and the timestamps of rows no step rewrites (users, meta, templates).
WRITE_TIMES = {
    "clients": {"created_at"},
    "need_items": {"created_at", "updated_at"},
    "need_status_changes": {"changed_at"},
    "appointments": {"created_at"},
    "referrals": {"created_at"},
    "resources": {"created_at", "updated_at"},
}
SKIPPED_TABLES = {"audit_events", "alembic_version"}

# --------------------------------------------------------------------------- the dump


# The tables to dump and how their rows point at each other, by schema (the text of its
# CREATE statements): inspecting every table on every dump cost more than reading the rows.
_LAYOUTS: dict[str, tuple[list[str], dict[str, bool], dict[str, dict[str, str]]]] = {}


def _layout(conn: Any) -> tuple[list[str], dict[str, bool], dict[str, dict[str, str]]]:
    schema = "\n".join(
        str(sql)
        for (sql,) in conn.execute(text("SELECT sql FROM sqlite_master ORDER BY type, name"))
    )
    if schema in _LAYOUTS:
        return _LAYOUTS[schema]
    insp = inspect(conn)
    names = [
        n
        for n in insp.get_table_names()
        if n not in SKIPPED_TABLES and "_fts" not in n and not n.startswith("sqlite_")
    ]
    int_pk: dict[str, bool] = {}
    fks: dict[str, dict[str, str]] = {}
    for name in names:
        columns = insp.get_columns(name)
        pk = insp.get_pk_constraint(name)["constrained_columns"]
        int_pk[name] = pk == ["id"] and any(
            c["name"] == "id" and "INT" in str(c["type"]).upper() for c in columns
        )
        refs = {
            fk["constrained_columns"][0]: fk["referred_table"]
            for fk in insp.get_foreign_keys(name)
            if len(fk["constrained_columns"]) == 1
        }
        # destroy_client finds rows by a column named client_id, with or without an FK.
        if "client_id" in {c["name"] for c in columns}:
            refs.setdefault("client_id", "clients")
        fks[name] = refs
    _LAYOUTS[schema] = (names, int_pk, fks)
    return _LAYOUTS[schema]


def dump(vault: Vault) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every content table, ids replaced by the content they point at."""
    with vault.read() as s:
        conn = s.connection()
        names, int_pk, fks = _layout(conn)
        raw: dict[str, list[dict[str, Any]]] = {
            name: [dict(r._mapping) for r in conn.execute(text(f'SELECT * FROM "{name}"'))]
            for name in names
        }

    by_id = {n: {row["id"]: row for row in rows} for n, rows in raw.items() if int_pk[n]}
    memo: dict[tuple[str, int], tuple[Any, ...]] = {}

    def content(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
        out = []
        for column in sorted(row):
            value = row[column]
            if column == "id" and int_pk[table]:
                continue
            if column in WRITE_TIMES.get(table, ()):
                continue
            target = fks[table].get(column)
            if target is not None and value is not None and int_pk.get(target):
                value = resolve(target, value)
            out.append((column, value))
        return tuple(out)

    def resolve(table: str, row_id: int) -> tuple[Any, ...]:
        key = (table, row_id)
        if key not in memo:
            row = by_id[table].get(row_id)
            # A dangling pointer is itself a difference worth seeing.
            memo[key] = ("missing", table) if row is None else (table, content(table, row))
        return memo[key]

    return {
        name: sorted((content(name, row) for row in rows), key=repr) for name, rows in raw.items()
    }


def assert_same(actual: dict[str, Any], expected: dict[str, Any], where: str) -> None:
    assert actual.keys() == expected.keys(), where
    for table in expected:
        assert actual[table] == expected[table], f"{where}: table {table} differs"


def hash_folder(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
