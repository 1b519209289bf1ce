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
    individuals_served: int  # clients with any activity in the period (or open during it)
    individuals_new: int  # intake date within the period
    individuals_continuing: int  # served minus new
    anonymous_contacts: int
    trafficking_type: dict[str, int] = field(default_factory=dict)  # vocab.TRAFFICKING_TYPES
    age_group: dict[str, int] = field(default_factory=dict)  # vocab.AGE_GROUPS
    # need category -> status -> number of need items (status as of the period's end,
    # items that existed during the period). "opened" counts items created in the period.
    needs: dict[str, dict[str, int]] = field(default_factory=dict)
    needs_opened: dict[str, int] = field(default_factory=dict)
    referrals: dict[str, int] = field(default_factory=dict)  # vocab.RESOURCE_CATEGORIES
    # appointment kind -> {"accompanied": n, "not_accompanied": n}
    appointments: dict[str, dict[str, int]] = field(default_factory=dict)
