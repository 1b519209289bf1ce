"""Raw counts for the supervisor summary, as the store computes them for a period.

These are *not* publishable: advocate_app.reports de-identifies them (small-cell suppression,
secondary suppression, merging) before anything reaches a screen or a PDF. Keys come from
advocate_app.store.vocab; every known key is present (0 where nothing was counted).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class SummaryCounts:
    office_name: str
    period_label: str  # e.g. "Federal FY2026, Q1 (October–December 2025)": months only
    period_start: date  # first day of the first month
    period_end: date  # last day of the last month
    is_demo: bool
    individuals_served: int  # clients open at some time in the period (see compute_counts)
    individuals_new: int  # intake date within the period
    individuals_continuing: int  # served minus new
    anonymous_contacts: int
    trafficking_type: dict[str, int] = field(default_factory=dict)  # vocab.TRAFFICKING_TYPES
    age_group: dict[str, int] = field(default_factory=dict)  # vocab.AGE_GROUPS
    # need category -> status -> number of need items of the people served in the period that
    # existed by its end, under their status as of the period's end. "opened" counts items
    # created in the period.
    needs: dict[str, dict[str, int]] = field(default_factory=dict)
    needs_opened: dict[str, int] = field(default_factory=dict)
    referrals: dict[str, int] = field(default_factory=dict)  # vocab.RESOURCE_CATEGORIES
    # appointment kind -> {"accompanied": n, "not_accompanied": n}
    appointments: dict[str, dict[str, int]] = field(default_factory=dict)
    # VOCA service group ("A".."E", store.pmt_form) -> people served who received a service of
    # that group in the period, from the services ticked on notes. A person may be in several.
    voca_services: dict[str, int] = field(default_factory=dict)
    # Who or what is behind each count, for the export ledger (inside the vault only): leaf key
    # (see LEAF_KEYS in compute_counts) -> packed ids, member_id(client, record). Empty when the
    # counts were made by hand (tests); then no ledger check is possible.
    members: dict[str, frozenset[int]] = field(default_factory=dict)


def member_id(client_id: int, record_id: int = 0) -> int:
    """One id for a person (record 0) or a record of theirs; client 0 for anonymous contacts.
    The client part lets the ledger forget a destroyed client's records too."""
    return (client_id << 32) | record_id


def member_client(member: int) -> int:
    return member >> 32
