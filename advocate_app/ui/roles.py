"""Every custom item role the ui stores data under, one constant each.

A role names what the data is, not where it is shown; each has its own number, so a row read by
two screens can never mix two meanings up. Standard roles (display, tool tip, accessible text)
come from Qt.ItemDataRole directly.
"""

from __future__ import annotations

from advocate_app.ui.qt import Qt

_USER = int(Qt.ItemDataRole.UserRole)

# What a row stands for when it is not a record of its own: a section of the navigation, a help
# topic, a reference article's or resource's key, a scenario's id, a backup file's path.
KEY_ROLE = _USER
KIND_ROLE = _USER + 1  # which kind of row it is (the reference list: article or resource)
CLIENT_ID_ROLE = _USER + 2
NOTE_ID_ROLE = _USER + 3
NEED_ID_ROLE = _USER + 4
NEED_STATUS_ROLE = _USER + 5
NEED_CATEGORY_ROLE = _USER + 6
APPOINTMENT_ID_ROLE = _USER + 7
TEMPLATE_ITEM_ROLE = _USER + 8  # a checklist template item (the whole record)
HIT_ROLE = _USER + 9  # a search hit: what opening the row shows
RESOURCE_ROLE = _USER + 10  # a resource directory entry (the whole record)
USER_ID_ROLE = _USER + 11
USER_NAME_ROLE = _USER + 12
RELEASE_ID_ROLE = _USER + 13
PLACE_ROLE = _USER + 14  # where a Today row leads (a client, a need, an appointment)

__all__ = [
    "APPOINTMENT_ID_ROLE",
    "CLIENT_ID_ROLE",
    "HIT_ROLE",
    "KEY_ROLE",
    "KIND_ROLE",
    "NEED_CATEGORY_ROLE",
    "NEED_ID_ROLE",
    "NEED_STATUS_ROLE",
    "NOTE_ID_ROLE",
    "PLACE_ROLE",
    "RELEASE_ID_ROLE",
    "RESOURCE_ROLE",
    "TEMPLATE_ITEM_ROLE",
    "USER_ID_ROLE",
    "USER_NAME_ROLE",
]
