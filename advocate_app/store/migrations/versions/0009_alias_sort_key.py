"""Aliases sort with their letter, accents and case aside: "Ángela" among the A's, not after Z.

Revision ID: 0009
Revises: 0008

SQLite's NOCASE folds only ASCII. Each client gets alias_sort, the alias without accents or
case (store/sorting.py, copied here so this migration always does what it did), filled for the
rows already there, and the alias indexes (0002's and 0007's three) move to it, so keyset
paging still reads one index range per page.
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# name, the columns before the alias key (as in 0007)
ALIAS_INDEXES = (
    ("ix_clients_list_mine", "assigned_user_id, status"),
    ("ix_clients_list_assigned", "assigned_user_id"),
    ("ix_clients_list_status", "status"),
    ("ix_clients_alias", ""),
)  # 0002's, for the list with no filter


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def upgrade() -> None:
    # Plain ALTER TABLE (a batch copy would drop the full-text triggers on clients).
    op.execute("ALTER TABLE clients ADD COLUMN alias_sort VARCHAR(120) NOT NULL DEFAULT ''")
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, alias FROM clients")).fetchall()
    for client_id, alias in rows:
        conn.execute(
            sa.text("UPDATE clients SET alias_sort = :key WHERE id = :id"),
            {"key": _fold(alias or ""), "id": client_id},
        )
    for name, columns in ALIAS_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
        key = f"{columns}, alias_sort" if columns else "alias_sort"
        op.execute(f"CREATE INDEX {name} ON clients({key})")


def downgrade() -> None:
    for name, _columns in ALIAS_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    op.execute("ALTER TABLE clients DROP COLUMN alias_sort")
    for name, columns in ALIAS_INDEXES:
        key = f"{columns}, alias COLLATE NOCASE" if columns else "alias COLLATE NOCASE"
        op.execute(f"CREATE INDEX {name} ON clients({key})")
