"""The export ledger: what each exported supervisor summary published, and who was behind it.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "summary_exports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id")),
        sa.Column("period_code", sa.String(16), nullable=False),
        sa.Column("period_kind", sa.String(16), nullable=False),
        sa.Column("period_label", sa.String(120), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("k", sa.Integer(), nullable=False),
    )
    op.create_table(
        "summary_export_cells",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "export_id",
            sa.Integer(),
            sa.ForeignKey("summary_exports.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("cell_key", sa.Text(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_summary_export_cells_export_id", "summary_export_cells", ["export_id"])
    op.create_table(
        "summary_export_members",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "export_id",
            sa.Integer(),
            sa.ForeignKey("summary_exports.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("leaf_key", sa.String(80), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("members", sa.LargeBinary(), nullable=False),
    )
    op.create_index(
        "ix_summary_export_members_export_id", "summary_export_members", ["export_id", "leaf_key"]
    )


def downgrade() -> None:
    op.drop_table("summary_export_members")
    op.drop_table("summary_export_cells")
    op.drop_table("summary_exports")
