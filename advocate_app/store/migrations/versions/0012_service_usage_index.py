"""How often each service was given lately is counted from an index, service by service.

Revision ID: 0012
Revises: 0011

The composer lists the services most used in the last year first: counted once a Clients
section is first shown, on a worker. Grouped by service over the date index (0008's), every
service of the year went through a sort: at 50,000 clients 660,000 of them, 650 ms, and the
worker held Python's lock for 50-80 ms of it (the GUI thread stalled). With an index on
(service, date), each service's count is one index range, and the services themselves are
found by skipping from one to the next (store.voca_fields.USAGE_SQL): about 95 ms, no sort.
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_note_services_service_given_on ON note_services(service, given_on)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_note_services_service_given_on")
