"""Alembic environment: always runs on the vault's own keyed connection, never a URL."""

from __future__ import annotations

from alembic import context

from advocate_app.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the vault always passes one
    raise RuntimeError("migrations run only through advocate_app.store.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
