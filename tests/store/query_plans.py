"""The query plans of the statements a store call runs (shared by the tests that keep the
client list and Today reading indexes, not tables)."""

from __future__ import annotations

from collections.abc import Callable

from advocate_app.store.vault import Vault


def plans_of(vault: Vault, action: Callable[[], object]) -> list[str]:
    """EXPLAIN QUERY PLAN of every SELECT (or WITH …) statement `action` runs, in order; each
    plan's steps joined by " | "."""
    from sqlalchemy import event

    statements: list[tuple[str, object]] = []

    def seen(_conn, _cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((statement, parameters))

    with vault.read() as s:
        engine = s.get_bind()
    event.listen(engine, "before_cursor_execute", seen)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    plans = []
    with vault.read() as s:
        for statement, parameters in statements:
            rows = s.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            plans.append(" | ".join(str(r[-1]) for r in rows))
    return plans
