"""Today reads indexes only while it scans: an owner index, and status in the waiting index.

Revision ID: 0011
Revises: 0010

Each Today group scans an index in date order and asks, for every entry, whether its client is
one of mine and open. That question read the client's own row: at 50,000 clients, hundreds of
pages, each decrypted, and more than the page cache holds, so every refresh read them again.
ix_clients_owner (assigned user, id; open clients only) answers it from a small index that
stays cached.

The waiting-needs index (0007) now also holds the status, which its condition tests: the scan
of overdue and due-soon needs no longer reads each need's row to check it.
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# Partial, over open clients only: smaller, and the client list (whose status filter is a bound
# parameter) never takes it for one of its own indexes. As with 0007's, a partial index is only
# used by a query whose WHERE clause repeats its condition word for word (store.today._MINE,
# store.today.WAITING_SQL).
OPEN = "status = 'open'"
WAITING = "status NOT IN ('declined', 'met', 'not_needed') AND due_date IS NOT NULL"


def upgrade() -> None:
    op.execute(f"CREATE INDEX ix_clients_owner ON clients(assigned_user_id, id) WHERE {OPEN}")
    op.execute("DROP INDEX IF EXISTS ix_need_items_waiting")
    op.execute(
        "CREATE INDEX ix_need_items_waiting ON need_items(due_date, client_id, status) "
        f"WHERE {WAITING}"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_need_items_waiting")
    op.execute(
        f"CREATE INDEX ix_need_items_waiting ON need_items(due_date, client_id) WHERE {WAITING}"
    )
    op.execute("DROP INDEX IF EXISTS ix_clients_owner")
