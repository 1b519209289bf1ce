"""The office's local resource directory (searchable) and referrals.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

FTS_OPTIONS = "tokenize='unicode61 remove_diacritics 2', prefix='2 3'"
FTS_COLUMNS = ("name", "notes", "county")


def upgrade() -> None:
    op.create_table(
        "resources",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("category", sa.String(24), nullable=False),
        sa.Column("phone", sa.String(60), nullable=False),
        sa.Column("hours", sa.String(200), nullable=False),
        sa.Column("languages", sa.String(200), nullable=False),
        sa.Column("county", sa.String(100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.execute("CREATE UNIQUE INDEX ux_resources_name ON resources(name COLLATE NOCASE)")
    op.create_table(
        "referrals",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "client_id",
            sa.Integer(),
            sa.ForeignKey("clients.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "need_item_id", sa.Integer(), sa.ForeignKey("need_items.id", ondelete="SET NULL")
        ),
        sa.Column("resource_id", sa.Integer(), sa.ForeignKey("resources.id", ondelete="SET NULL")),
        sa.Column("resource_name", sa.String(200), nullable=False),
        sa.Column("resource_category", sa.String(24), nullable=False),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_referrals_client_id", "referrals", ["client_id"])
    op.create_index("ix_referrals_referred_on", "referrals", ["referred_on"])

    cols = ", ".join(FTS_COLUMNS)
    new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    op.execute(
        f"CREATE VIRTUAL TABLE resources_fts USING fts5({cols}, content='resources', "
        f"content_rowid='id', {FTS_OPTIONS})"
    )
    op.execute("INSERT INTO resources_fts(resources_fts, rank) VALUES('secure-delete', 1)")
    op.execute(
        f"CREATE TRIGGER resources_fts_ai AFTER INSERT ON resources BEGIN "
        f"INSERT INTO resources_fts(rowid, {cols}) VALUES (new.id, {new}); END"
    )
    op.execute(
        f"CREATE TRIGGER resources_fts_ad AFTER DELETE ON resources BEGIN "
        f"INSERT INTO resources_fts(resources_fts, rowid, {cols}) "
        f"VALUES('delete', old.id, {old}); END"
    )
    op.execute(
        f"CREATE TRIGGER resources_fts_au AFTER UPDATE ON resources BEGIN "
        f"INSERT INTO resources_fts(resources_fts, rowid, {cols}) "
        f"VALUES('delete', old.id, {old}); "
        f"INSERT INTO resources_fts(rowid, {cols}) VALUES (new.id, {new}); END"
    )


def downgrade() -> None:
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS resources_fts_{suffix}")
    op.execute("DROP TABLE IF EXISTS resources_fts")
    op.drop_table("referrals")
    op.drop_table("resources")
