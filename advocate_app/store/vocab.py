"""The fixed vocabularies every layer agrees on: stored codes and their plain-language labels.

Codes are stored in the vault and named in scenario and checklist files; labels are shown to
people (the ui passes them through tr()). Order matters: it is the order shown on screen.
"""

from __future__ import annotations

from advocate_app.i18n import QT_TR_NOOP

# The resource directory's categories: the shipped library defines them (it is below the store);
# the office's own entries in the vault use the same ones.
from advocate_app.library.resources import RESOURCE_CATEGORIES as RESOURCE_CATEGORIES

# VOCA Performance Measurement Tool age bands.
AGE_GROUPS: dict[str, str] = {
    "0-12": QT_TR_NOOP("0–12"),
    "13-17": QT_TR_NOOP("13–17"),
    "18-24": QT_TR_NOOP("18–24"),
    "25-59": QT_TR_NOOP("25–59"),
    "60+": QT_TR_NOOP("60 and older"),
    "not_reported": QT_TR_NOOP("Not reported"),
}

TRAFFICKING_TYPES: dict[str, str] = {
    "sex": QT_TR_NOOP("Sex trafficking"),
    "labor": QT_TR_NOOP("Labor trafficking"),
    "both": QT_TR_NOOP("Sex and labor trafficking"),
    "not_identified": QT_TR_NOOP("Not identified"),
}

NEED_CATEGORIES: dict[str, str] = {
    "housing": QT_TR_NOOP("Housing"),
    "license_id": QT_TR_NOOP("Driver's license and ID"),
    "transportation": QT_TR_NOOP("Transportation"),
    "childcare": QT_TR_NOOP("Childcare"),
    "court_advocacy": QT_TR_NOOP("Court advocacy"),
    "employment": QT_TR_NOOP("Employment"),
    "recovery": QT_TR_NOOP("Recovery services"),
    "peer_support": QT_TR_NOOP("Peer support"),
    "health_care": QT_TR_NOOP("Health care"),
    "legal_immigration": QT_TR_NOOP("Legal and immigration"),
    "education": QT_TR_NOOP("Education"),
    "financial": QT_TR_NOOP("Financial"),
}

# "declined" is the survivor's choice: a neutral outcome, never a failure or overdue.
NEED_STATUSES: dict[str, str] = {
    "not_started": QT_TR_NOOP("Not started"),
    "in_progress": QT_TR_NOOP("In progress"),
    "met": QT_TR_NOOP("Met"),
    "declined": QT_TR_NOOP("Declined by client"),
    "not_needed": QT_TR_NOOP("Not needed"),
}

# Statuses after which a need is no longer waiting on anyone: never overdue.
SETTLED_STATUSES = frozenset({"met", "declined", "not_needed"})

NEED_PRIORITIES: dict[str, str] = {
    "high": QT_TR_NOOP("High"),
    "medium": QT_TR_NOOP("Medium"),
    "low": QT_TR_NOOP("Low"),
}

NOTE_KINDS: dict[str, str] = {
    "contact": QT_TR_NOOP("Contact"),
    "advocacy": QT_TR_NOOP("Advocacy"),
    "court": QT_TR_NOOP("Court"),
    "safety": QT_TR_NOOP("Safety"),
    "other": QT_TR_NOOP("Other"),
}

APPOINTMENT_KINDS: dict[str, str] = {
    "court_hearing": QT_TR_NOOP("Court hearing"),
    "prosecutor_interview": QT_TR_NOOP("Interview with prosecutor"),
    "protective_order_hearing": QT_TR_NOOP("Protective order hearing"),
    "medical": QT_TR_NOOP("Medical"),
    "dmv": QT_TR_NOOP("DMV"),
    "housing": QT_TR_NOOP("Housing"),
    "other": QT_TR_NOOP("Other"),
}

ANONYMOUS_CONTACT_KINDS: dict[str, str] = {
    "hotline": QT_TR_NOOP("Hotline call"),
    "walk_in": QT_TR_NOOP("Walk-in"),
    "text": QT_TR_NOOP("Text or chat"),
    "other": QT_TR_NOOP("Other"),
}


ROLES: dict[str, str] = {
    "advocate": QT_TR_NOOP("Advocate"),
    "supervisor": QT_TR_NOOP("Supervisor"),
}
