"""The VOCA quarterly figures: optional client answers and the services recorded on notes.

Clients gain four optional answers (gender identity; race or ethnicity, victimization types and
special classifications as comma-separated codes of assets/voca). NULL means "not asked", so
every older record reads that way; "declined" means the survivor chose not to answer. A note may
record several services (note_services, dated by the note); an anonymous contact keeps its
services as codes, like its topics.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

CLIENT_COLUMNS = (
    ("gender_identity", 24),
    ("race_ethnicity", 400),
    ("victimization_types", 800),
    ("special_classifications", 400),
)


def upgrade() -> None:
    # Plain ADD COLUMN (SQLite has it): a batch copy of clients would drop its search triggers.
    for name, length in CLIENT_COLUMNS:
        op.add_column("clients", sa.Column(name, sa.String(length), nullable=True))
    op.add_column(
        "anonymous_contacts",
        sa.Column("services", sa.String(800), nullable=False, server_default=""),
    )
    op.create_table(
        "note_services",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "note_id", sa.Integer(), sa.ForeignKey("notes.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "client_id",
            sa.Integer(),
            sa.ForeignKey("clients.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("service", sa.String(48), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.UniqueConstraint("note_id", "service", name="uq_note_services_note_service"),
    )
    op.create_index("ix_note_services_client_id", "note_services", ["client_id"])
    # The quarterly figures read a fiscal year of services by date, with the person and code.
    op.create_index(
        "ix_note_services_given_on", "note_services", ["given_on", "client_id", "service"]
    )


def downgrade() -> None:
    op.drop_index("ix_note_services_given_on", table_name="note_services")
    op.drop_index("ix_note_services_client_id", table_name="note_services")
    op.drop_table("note_services")
    op.drop_column("anonymous_contacts", "services")
    for name, _ in reversed(CLIENT_COLUMNS):
        op.drop_column("clients", name)
