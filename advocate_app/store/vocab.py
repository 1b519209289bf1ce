"""The fixed vocabularies every layer agrees on: stored codes and their plain-language labels.

Codes are stored in the vault and named in scenario and checklist files; labels are shown to
people (the ui passes them through tr()). Order matters: it is the order shown on screen.
"""

from __future__ import annotations

# The resource directory's categories: the shipped library defines them (it is below the store);
# the office's own entries in the vault use the same ones.
from advocate_app.library.resources import RESOURCE_CATEGORIES as RESOURCE_CATEGORIES

# VOCA Performance Measurement Tool age bands.
AGE_GROUPS: dict[str, str] = {
    "0-12": "0–12",
    "13-17": "13–17",
    "18-24": "18–24",
    "25-59": "25–59",
    "60+": "60 and older",
    "not_reported": "Not reported",
}

TRAFFICKING_TYPES: dict[str, str] = {
    "sex": "Sex trafficking",
    "labor": "Labor trafficking",
    "both": "Sex and labor trafficking",
    "not_identified": "Not identified",
}

NEED_CATEGORIES: dict[str, str] = {
    "housing": "Housing",
    "license_id": "Driver's license and ID",
    "transportation": "Transportation",
    "childcare": "Childcare",
    "court_advocacy": "Court advocacy",
    "employment": "Employment",
    "recovery": "Recovery services",
    "peer_support": "Peer support",
    "health_care": "Health care",
    "legal_immigration": "Legal and immigration",
    "education": "Education",
    "financial": "Financial",
}

# "declined" is the survivor's choice: a neutral outcome, never a failure or overdue.
NEED_STATUSES: dict[str, str] = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "met": "Met",
    "declined": "Declined by client",
    "not_needed": "Not needed",
}

# Statuses after which a need is no longer waiting on anyone: never overdue.
SETTLED_STATUSES = frozenset({"met", "declined", "not_needed"})

NEED_PRIORITIES: dict[str, str] = {
    "high": "High",
    "medium": "Medium",
    "low": "Low",
}

NOTE_KINDS: dict[str, str] = {
    "contact": "Contact",
    "advocacy": "Advocacy",
    "court": "Court",
    "safety": "Safety",
    "other": "Other",
}

APPOINTMENT_KINDS: dict[str, str] = {
    "court_hearing": "Court hearing",
    "prosecutor_interview": "Interview with prosecutor",
    "protective_order_hearing": "Protective order hearing",
    "medical": "Medical",
    "dmv": "DMV",
    "housing": "Housing",
    "other": "Other",
}

ANONYMOUS_CONTACT_KINDS: dict[str, str] = {
    "hotline": "Hotline call",
    "walk_in": "Walk-in",
    "text": "Text or chat",
    "other": "Other",
}


ROLES: dict[str, str] = {
    "advocate": "Advocate",
    "supervisor": "Supervisor",
}
