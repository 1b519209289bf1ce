"""Indexes for the client list (keyset paging in every filter) and the Today view at any size.

Revision ID: 0007
Revises: 0006

The client list is read a page at a time in the order of its sort key, starting after the last
row shown; each filter needs an index that gives its rows in that order, or SQLite sorts every
matching row for every page. The default filter ("My clients", open) uses the first one.

The Today view's overdue and due-soon groups read need items that are still waiting (not met,
declined or not needed) in due-date order; a partial index holds only those, so settled needs,
which pile up over the years, are never read.
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# The same literal list as store.today.WAITING_SQL: a partial index is only used by a query
# whose WHERE clause repeats its condition word for word.
WAITING = "status NOT IN ('declined', 'met', 'not_needed') AND due_date IS NOT NULL"


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_clients_list_mine "
        "ON clients(assigned_user_id, status, alias COLLATE NOCASE)"
    )
    op.execute(
        "CREATE INDEX ix_clients_list_assigned ON clients(assigned_user_id, alias COLLATE NOCASE)"
    )
    # Replaces ix_clients_status, which is its first column.
    op.execute("CREATE INDEX ix_clients_list_status ON clients(status, alias COLLATE NOCASE)")
    op.drop_index("ix_clients_status", table_name="clients")
    op.execute(
        "CREATE INDEX ix_clients_list_mine_intake ON clients(assigned_user_id, status, intake_date)"
    )
    op.execute("CREATE INDEX ix_clients_list_status_intake ON clients(status, intake_date)")
    op.execute("CREATE INDEX ix_clients_list_intake ON clients(intake_date)")
    op.execute(
        "CREATE INDEX ix_clients_list_assigned_intake ON clients(assigned_user_id, intake_date)"
    )
    # (assigned user, status, last contact) is ix_clients_assigned_user_id; (last contact) too.
    op.execute("CREATE INDEX ix_clients_list_status_contact ON clients(status, last_contact_at)")
    op.execute(
        "CREATE INDEX ix_clients_list_assigned_contact "
        "ON clients(assigned_user_id, last_contact_at)"
    )
    # Replaces ix_need_items_due_date (due_date, status, client_id), which held every need.
    op.execute(
        f"CREATE INDEX ix_need_items_waiting ON need_items(due_date, client_id) WHERE {WAITING}"
    )
    op.drop_index("ix_need_items_due_date", table_name="need_items")


def downgrade() -> None:
    op.create_index("ix_need_items_due_date", "need_items", ["due_date", "status", "client_id"])
    op.drop_index("ix_need_items_waiting", table_name="need_items")
    for name in (
        "ix_clients_list_assigned_contact",
        "ix_clients_list_status_contact",
        "ix_clients_list_assigned_intake",
        "ix_clients_list_intake",
        "ix_clients_list_status_intake",
        "ix_clients_list_mine_intake",
        "ix_clients_list_status",
        "ix_clients_list_assigned",
        "ix_clients_list_mine",
    ):
        op.drop_index(name, table_name="clients")
    op.create_index("ix_clients_status", "clients", ["status"])
