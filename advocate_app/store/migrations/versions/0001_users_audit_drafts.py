"""Users, audit events, drafts and vault meta: the first tables.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("must_change_passphrase", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.String(36)),
        sa.Column("action", sa.String(48), nullable=False),
        sa.Column("record_kind", sa.String(32)),
        sa.Column("record_id", sa.Integer()),
    )
    op.create_index("ix_audit_events_at", "audit_events", ["at"])
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("draft_key", sa.String(120), nullable=False),
        sa.Column("client_id", sa.Integer()),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("user_id", "draft_key"),
    )
    op.create_index("ix_drafts_client_id", "drafts", ["client_id"])


def downgrade() -> None:
    op.drop_table("drafts")
    op.drop_table("audit_events")
    op.drop_table("users")
    op.drop_table("meta")
