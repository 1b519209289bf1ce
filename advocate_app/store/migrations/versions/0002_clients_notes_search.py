"""Clients, notes, releases, anonymous contacts, and FTS5 search over notes and aliases.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FTS_OPTIONS = "tokenize='unicode61 remove_diacritics 2', prefix='2 3'"


def upgrade() -> None:
    op.create_table(
        "clients",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("alias", sa.String(60), nullable=False),
        sa.Column("intake_date", sa.Date()),
        sa.Column("age_group", sa.String(16)),
        sa.Column("trafficking_type", sa.String(16)),
        sa.Column("preferred_language", sa.String(60)),
        sa.Column("interpreter_needed", sa.Boolean(), nullable=False),
        sa.Column("contact_method", sa.String(200)),
        sa.Column("safe_times", sa.String(200)),
        sa.Column("ok_to_leave_message", sa.Boolean()),
        sa.Column("code_word", sa.String(60)),
        sa.Column("assigned_user_id", sa.String(36), sa.ForeignKey("users.id")),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("closing_reason", sa.String(200)),
        sa.Column("closed_on", sa.Date()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_contact_at", sa.DateTime()),
    )
    op.create_index("ix_clients_status", "clients", ["status"])
    op.create_index("ix_clients_last_contact_at", "clients", ["last_contact_at"])
    # Aliases are unique among open clients (case-insensitive); closed ones may repeat.
    op.execute(
        "CREATE UNIQUE INDEX ux_clients_open_alias ON clients(alias COLLATE NOCASE) "
        "WHERE status = 'open'"
    )
    op.execute("CREATE INDEX ix_clients_alias ON clients(alias COLLATE NOCASE)")

    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "client_id",
            sa.Integer(),
            sa.ForeignKey("clients.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("author_id", sa.String(36), sa.ForeignKey("users.id")),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("edited_at", sa.DateTime()),
    )
    op.create_index("ix_notes_client_id", "notes", ["client_id"])
    op.create_index("ix_notes_created_at", "notes", ["created_at"])

    op.create_table(
        "releases",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "client_id",
            sa.Integer(),
            sa.ForeignKey("clients.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("recipient", sa.String(200), nullable=False),
        sa.Column("information", sa.String(500), nullable=False),
        sa.Column("purpose", sa.String(500), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("revoked_on", sa.Date()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_releases_client_id", "releases", ["client_id"])

    op.create_table(
        "anonymous_contacts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("contact_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("topics", sa.String(400), nullable=False),
        sa.Column("author_id", sa.String(36), sa.ForeignKey("users.id")),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_anonymous_contacts_contact_date", "anonymous_contacts", ["contact_date"])

    # Full-text search: external-content FTS5 tables kept in step by triggers, with
    # secure-delete so a removed note's words are purged from the index pages.
    for table, column in (("notes", "body"), ("clients", "alias")):
        fts = f"{table}_fts"
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({column}, content='{table}', "
            f"content_rowid='id', {FTS_OPTIONS})"
        )
        op.execute(f"INSERT INTO {fts}({fts}, rank) VALUES('secure-delete', 1)")
        op.execute(
            f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES('delete', old.id, old.{column}); "
            "END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF {column} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES('delete', old.id, old.{column}); "
            f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END"
        )


def downgrade() -> None:
    for table in ("notes", "clients"):
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {table}_fts")
    op.drop_table("anonymous_contacts")
    op.drop_table("releases")
    op.drop_table("notes")
    op.drop_table("clients")
