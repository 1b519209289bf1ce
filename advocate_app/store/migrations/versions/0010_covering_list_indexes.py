"""The client list by alias reads its rows from the index alone.

Revision ID: 0010
Revises: 0009

Each page of the list (by alias, in every filter) read one index range and then, for every row,
the client's own row for its other columns. The four alias indexes (0009's) now carry the
columns the list shows after their key and the id (status, advocate, alias, intake, last
contact), so a
page is one index range and nothing else: scrolling 50,000 clients reads half as much.
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# name, the columns before the alias key (as in 0009)
ALIAS_INDEXES = (
    ("ix_clients_list_mine", "assigned_user_id, status"),
    ("ix_clients_list_assigned", "assigned_user_id"),
    ("ix_clients_list_status", "status"),
    ("ix_clients_alias", ""),
)
# After the key and the id (the list's order: the id breaks ties, and must come before the other
# columns for the index to give that order): what the list shows.
SHOWN = ("status", "assigned_user_id", "alias", "intake_date", "last_contact_at")


def _create(covering: bool) -> None:
    for name, columns in ALIAS_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
        before = [c.strip() for c in columns.split(",") if c.strip()]
        after = [c for c in SHOWN if c not in before] if covering else []
        key = ["alias_sort", "id"] if covering else ["alias_sort"]
        op.execute(f"CREATE INDEX {name} ON clients({', '.join([*before, *key, *after])})")


def upgrade() -> None:
    _create(covering=True)


def downgrade() -> None:
    _create(covering=False)
