"""Needs checklists (template, client need items, status history) and appointments.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The Today view asks for "my open clients" (and who has gone quiet) on every unlock.
    op.create_index(
        "ix_clients_assigned_user_id",
        "clients",
        ["assigned_user_id", "status", "last_contact_at", "intake_date", "created_at"],
    )

    op.create_table(
        "checklist_template_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("category", sa.String(24), nullable=False),
        sa.Column("label", sa.String(120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        "ix_checklist_template_items_category", "checklist_template_items", ["category"]
    )

    op.create_table(
        "need_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "client_id",
            sa.Integer(),
            sa.ForeignKey("clients.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("category", sa.String(24), nullable=False),
        sa.Column("label", sa.String(120), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("priority", sa.String(8)),
        sa.Column("next_step", sa.String(200), nullable=False),
        sa.Column("due_date", sa.Date()),
        sa.Column("note_line", sa.String(200), nullable=False),
        sa.Column("resource_name", sa.String(200)),
        sa.Column(
            "template_item_id",
            sa.Integer(),
            sa.ForeignKey("checklist_template_items.id", ondelete="SET NULL"),
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_need_items_client_id", "need_items", ["client_id"])
    # Overdue and due soon are ranges over due dates, answered from this index alone.
    op.create_index("ix_need_items_due_date", "need_items", ["due_date", "status", "client_id"])

    op.create_table(
        "need_status_changes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "need_item_id",
            sa.Integer(),
            sa.ForeignKey("need_items.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "client_id",
            sa.Integer(),
            sa.ForeignKey("clients.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id")),
    )
    op.create_index("ix_need_status_changes_need_item_id", "need_status_changes", ["need_item_id"])
    op.create_index("ix_need_status_changes_client_id", "need_status_changes", ["client_id"])
    op.create_index("ix_need_status_changes_changed_on", "need_status_changes", ["changed_on"])

    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "client_id",
            sa.Integer(),
            sa.ForeignKey("clients.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("accompanied", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.String(500)),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_appointments_client_id", "appointments", ["client_id"])
    op.create_index("ix_appointments_starts_at", "appointments", ["starts_at", "client_id"])


def downgrade() -> None:
    op.drop_table("appointments")
    op.drop_table("need_status_changes")
    op.drop_table("need_items")
    op.drop_table("checklist_template_items")
    op.drop_index("ix_clients_assigned_user_id", table_name="clients")
    # The template was seeded into the vault by this version; forget that it was.
    op.execute("DELETE FROM meta WHERE key LIKE 'checklist_template_%'")
