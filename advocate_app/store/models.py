"""SQLAlchemy 2.0 declarative models. The schema itself is created by Alembic migrations."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, validates

from advocate_app.store.sorting import sort_fold


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Vault-wide facts: vault id (matches the keys file), office name, created."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class User(Base):
    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # also the key slot's user_id
    name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(16))  # vocab.ROLES
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_passphrase: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuditEvent(Base):
    """Who did what kind of thing to which record, and when. Never any content."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(48))
    record_kind: Mapped[str | None] = mapped_column(String(32))
    record_id: Mapped[int | None] = mapped_column(Integer)


class Draft(Base):
    """Unsaved text, autosaved inside the encrypted vault so a crash or a lock loses nothing."""

    __tablename__ = "drafts"
    __table_args__ = (UniqueConstraint("user_id", "draft_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), ForeignKey("users.id"))
    draft_key: Mapped[str] = mapped_column(String(120))  # e.g. "note:new:client=12"
    client_id: Mapped[int | None] = mapped_column(Integer, index=True)
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Client(Base):
    """A survivor, known by an alias the advocate chose (never required to be a legal name)."""

    __tablename__ = "clients"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alias: Mapped[str] = mapped_column(String(60))
    # The alias without accents or case, kept with it (see store/sorting.py; migration 0009).
    alias_sort: Mapped[str] = mapped_column(String(120), default="")
    intake_date: Mapped[date | None] = mapped_column(Date)
    age_group: Mapped[str | None] = mapped_column(String(16))
    trafficking_type: Mapped[str | None] = mapped_column(String(16))
    preferred_language: Mapped[str | None] = mapped_column(String(60))
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    contact_method: Mapped[str | None] = mapped_column(String(200))
    safe_times: Mapped[str | None] = mapped_column(String(200))
    ok_to_leave_message: Mapped[bool | None] = mapped_column(Boolean)
    code_word: Mapped[str | None] = mapped_column(String(60))
    assigned_user_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(8), default="open")
    closing_reason: Mapped[str | None] = mapped_column(String(200))
    closed_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_contact_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    # Optional answers for the VOCA quarterly figures (migration 0008; store.voca_fields): NULL
    # is "not asked", "declined" is the survivor's choice, else comma-separated codes.
    gender_identity: Mapped[str | None] = mapped_column(String(24))
    race_ethnicity: Mapped[str | None] = mapped_column(String(400))
    victimization_types: Mapped[str | None] = mapped_column(String(800))
    special_classifications: Mapped[str | None] = mapped_column(String(400))

    @validates("alias")
    def _keep_sort_key(self, _key: str, alias: str) -> str:
        self.alias_sort = sort_fold(alias)
        return alias


class Note(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    body: Mapped[str] = mapped_column(Text)
    edited_at: Mapped[datetime | None] = mapped_column(DateTime)


class Release(Base):
    """Informed, written, time-limited consent to share: who may receive what, and why."""

    __tablename__ = "releases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    recipient: Mapped[str] = mapped_column(String(200))
    information: Mapped[str] = mapped_column(String(500))
    purpose: Mapped[str] = mapped_column(String(500))
    signed_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date)
    revoked_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AnonymousContact(Base):
    """A hotline call or walk-in logged without a client record; counted in reports."""

    __tablename__ = "anonymous_contacts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_date: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    topics: Mapped[str] = mapped_column(String(400), default="")  # comma-separated codes
    services: Mapped[str] = mapped_column(String(800), default="")  # VOCA service codes
    author_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# --- needs checklists and appointments (migration 0003) ---------------------------------------

# The Today view asks for "my open clients" on every unlock; this index answers that, and who
# has gone quiet (last contact, intake, created), without reading a single client row.
Index(
    "ix_clients_assigned_user_id",
    Client.assigned_user_id,
    Client.status,
    Client.last_contact_at,
    Client.intake_date,
    Client.created_at,
)

# The client list pages by keyset in every filter and order (migration 0007): an index per
# filter (my clients or all, open/closed or both) and sort key gives the rows in list order.
# Aliases sort by their folded form (migration 0009), so "Ángela" is among the A's.
# By alias, the index also holds what the list shows (migration 0010): a page reads nothing else.
_ALIAS = Client.alias_sort
_SHOWN = (Client.alias, Client.intake_date, Client.last_contact_at)
_ID = Client.id  # the list's order is (alias, id): the id comes before the columns shown
Index("ix_clients_list_mine", Client.assigned_user_id, Client.status, _ALIAS, _ID, *_SHOWN)
Index("ix_clients_list_assigned", Client.assigned_user_id, _ALIAS, _ID, Client.status, *_SHOWN)
Index("ix_clients_list_status", Client.status, _ALIAS, _ID, Client.assigned_user_id, *_SHOWN)
Index("ix_clients_alias", _ALIAS, _ID, Client.status, Client.assigned_user_id, *_SHOWN)
Index("ix_clients_list_mine_intake", Client.assigned_user_id, Client.status, Client.intake_date)
Index("ix_clients_list_assigned_intake", Client.assigned_user_id, Client.intake_date)
Index("ix_clients_list_status_intake", Client.status, Client.intake_date)
Index("ix_clients_list_intake", Client.intake_date)
Index("ix_clients_list_status_contact", Client.status, Client.last_contact_at)
Index("ix_clients_list_assigned_contact", Client.assigned_user_id, Client.last_contact_at)
# "Is this one of my open clients?", asked by Today for each entry it scans (migration 0011):
# answered from this small index, which stays in the page cache, not from the client's row.
Index(
    "ix_clients_owner",
    Client.assigned_user_id,
    Client.id,
    sqlite_where=text("status = 'open'"),
)


class ChecklistTemplateItem(Base):
    """A suggested need in the office's checklist template, edited by supervisors.

    Seeded once from assets/checklists/default.toml and kept in the vault so edits persist.
    Items are retired, never deleted: client need items copied from one keep their own text.
    """

    __tablename__ = "checklist_template_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    category: Mapped[str] = mapped_column(String(24), index=True)  # vocab.NEED_CATEGORIES
    label: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class NeedItem(Base):
    """One of a client's needs. Its label is a copy: later template edits never change it."""

    __tablename__ = "need_items"
    # Overdue / due soon: a range over due dates, answered from an index that holds only needs
    # still waiting (migration 0007), so settled ones, which pile up, are never read; it holds
    # the status its condition tests (0011), so the scan reads no need's row.
    __table_args__ = (
        Index(
            "ix_need_items_waiting",
            "due_date",
            "client_id",
            "status",
            sqlite_where=text(
                "status NOT IN ('declined', 'met', 'not_needed') AND due_date IS NOT NULL"
            ),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    category: Mapped[str] = mapped_column(String(24))  # vocab.NEED_CATEGORIES
    label: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(16), default="not_started")  # vocab.NEED_STATUSES
    priority: Mapped[str | None] = mapped_column(String(8))  # vocab.NEED_PRIORITIES
    next_step: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    note_line: Mapped[str] = mapped_column(String(200), default="")
    # Free text until the office resource directory exists; a later column may link to it.
    resource_name: Mapped[str | None] = mapped_column(String(200))
    template_item_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("checklist_template_items.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class NeedStatusChange(Base):
    """Every status a need has had, with its day: reports count statuses as of a date."""

    __tablename__ = "need_status_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    need_item_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("need_items.id", ondelete="CASCADE"), index=True
    )
    # Carried here too so destroying a client finds these rows by client_id directly.
    client_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16))
    changed_on: Mapped[date] = mapped_column(Date, index=True)
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))


class Appointment(Base):
    """An appointment or court date. starts_at is the local wall-clock time as entered."""

    __tablename__ = "appointments"
    __table_args__ = (Index("ix_appointments_starts_at", "starts_at", "client_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(32))  # vocab.APPOINTMENT_KINDS
    place: Mapped[str] = mapped_column(String(200), default="")
    accompanied: Mapped[bool] = mapped_column(Boolean, default=False)
    outcome: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Resource(Base):
    """The office's own local directory entry (shelters, clinics, DMV office, legal aid…)."""

    __tablename__ = "resources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(24))  # vocab.RESOURCE_CATEGORIES
    phone: Mapped[str] = mapped_column(String(60), default="")
    hours: Mapped[str] = mapped_column(String(200), default="")
    languages: Mapped[str] = mapped_column(String(200), default="")
    county: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Referral(Base):
    """A client was referred to a resource (recorded when a need is linked to one).

    The category is copied at the time of the referral so the summary can count referrals by
    kind of resource even after the directory entry changes or goes.
    """

    __tablename__ = "referrals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    need_item_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("need_items.id", ondelete="SET NULL")
    )
    resource_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("resources.id", ondelete="SET NULL")
    )
    resource_name: Mapped[str] = mapped_column(String(200))
    resource_category: Mapped[str] = mapped_column(String(24))
    referred_on: Mapped[date] = mapped_column(Date, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class NoteService(Base):
    """A VOCA service given, recorded on a note; dated by the note (migration 0008)."""

    __tablename__ = "note_services"
    __table_args__ = (
        UniqueConstraint("note_id", "service", name="uq_note_services_note_service"),
        Index("ix_note_services_given_on", "given_on", "client_id", "service"),
        # Each service's count since a date, one index range (migration 0012).
        Index("ix_note_services_service_given_on", "service", "given_on"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_id: Mapped[int] = mapped_column(Integer, ForeignKey("notes.id", ondelete="CASCADE"))
    # Carried here so destroying a client finds these rows by client_id, and counting needs no join.
    client_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    service: Mapped[str] = mapped_column(String(48))  # a service code of assets/voca
    given_on: Mapped[date] = mapped_column(Date)


# --- the supervisor summary's export ledger (migration 0005) ---------------------------------


class SummaryExport(Base):
    """One exported summary: its period and threshold. The rows below say what it published."""

    __tablename__ = "summary_exports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    exported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    period_code: Mapped[str] = mapped_column(String(16))  # "2026-Q2", "FY2026", "CY2025"
    period_kind: Mapped[str] = mapped_column(String(16))
    period_label: Mapped[str] = mapped_column(String(120))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    k: Mapped[int] = mapped_column(Integer)


class SummaryExportCell(Base):
    """A count of an exported summary: which leaf counts it adds up ("|"-joined keys), its true
    value, and whether it was shown."""

    __tablename__ = "summary_export_cells"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    export_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("summary_exports.id", ondelete="CASCADE"), index=True
    )
    cell_key: Mapped[str] = mapped_column(Text)
    value: Mapped[int] = mapped_column(Integer)
    published: Mapped[bool] = mapped_column(Boolean)


class SummaryExportMembers(Base):
    """Who or what was behind one leaf count of an export: packed ids (store.summary.member_id),
    compressed. Destroying a client rewrites these without them."""

    __tablename__ = "summary_export_members"
    __table_args__ = (Index("ix_summary_export_members_export_id", "export_id", "leaf_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    export_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("summary_exports.id", ondelete="CASCADE")
    )
    leaf_key: Mapped[str] = mapped_column(String(80))
    digest: Mapped[str] = mapped_column(String(64))  # members_digest(): equal sets, equal digest
    members: Mapped[bytes] = mapped_column(LargeBinary)


__all__ = [
    "AnonymousContact",
    "Appointment",
    "AuditEvent",
    "Base",
    "ChecklistTemplateItem",
    "Client",
    "Date",
    "Draft",
    "Index",
    "Meta",
    "NeedItem",
    "NeedStatusChange",
    "Note",
    "NoteService",
    "Referral",
    "Release",
    "Resource",
    "SummaryExport",
    "SummaryExportCell",
    "SummaryExportMembers",
    "User",
    "date",
    "utcnow",
]
