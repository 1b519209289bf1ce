"""Appointments and court dates per client: when, what kind, where, whether the advocate goes
along, and what happened afterwards.

Times are local wall-clock times as the advocate entered them (a 9:30 hearing is at 9:30 in the
courthouse's town), stored without a time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import audit
from advocate_app.store.checks import check_plausible_date
from advocate_app.store.errors import InvalidInput
from advocate_app.store.models import Appointment, Client
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import APPOINTMENT_KINDS

PLACE_MAX = 200
OUTCOME_MAX = 500


@dataclass(frozen=True)
class AppointmentView:
    id: int
    client_id: int
    starts_at: datetime
    kind: str
    place: str
    accompanied: bool
    outcome: str | None
    created_at: datetime

    @property
    def is_court(self) -> bool:
        return self.kind in ("court_hearing", "protective_order_hearing")


@dataclass
class AppointmentFields:
    """What a person fills in on the appointment form."""

    starts_at: datetime
    kind: str
    place: str = ""
    accompanied: bool = False
    outcome: str | None = None


def _clean(values: AppointmentFields) -> AppointmentFields:
    if values.kind not in APPOINTMENT_KINDS:
        raise InvalidInput(QT_TR_NOOP("Choose what kind of appointment this is."))
    if not isinstance(values.starts_at, datetime):
        raise InvalidInput(QT_TR_NOOP("Enter the date and time of the appointment."))
    check_plausible_date(values.starts_at, QT_TR_NOOP("The appointment's date"))
    place = " ".join((values.place or "").split())
    if len(place) > PLACE_MAX:
        raise InvalidInput(QT_TR_NOOP("Keep the place under {0} characters."), PLACE_MAX)
    outcome = (values.outcome or "").strip()
    if len(outcome) > OUTCOME_MAX:
        raise InvalidInput(
            QT_TR_NOOP("Keep the outcome under {0} characters; longer notes belong in a note."),
            OUTCOME_MAX,
        )
    return AppointmentFields(
        # Minutes are enough; dropping seconds keeps "9:30" equal to "9:30" everywhere.
        starts_at=values.starts_at.replace(second=0, microsecond=0, tzinfo=None),
        kind=values.kind,
        place=place,
        accompanied=bool(values.accompanied),
        outcome=outcome or None,
    )


def _view(a: Appointment) -> AppointmentView:
    return AppointmentView(
        a.id,
        a.client_id,
        a.starts_at,
        a.kind,
        a.place or "",
        bool(a.accompanied),
        a.outcome,
        a.created_at,
    )


def add_appointment(vault: Vault, client_id: int, values: AppointmentFields) -> int:
    values = _clean(values)
    user_id = vault.current_user.id
    with vault.write() as s:
        if s.get(Client, client_id) is None:
            raise InvalidInput(QT_TR_NOOP("That client record no longer exists."))
        appointment = Appointment(
            client_id=client_id,
            starts_at=values.starts_at,
            kind=values.kind,
            place=values.place,
            accompanied=values.accompanied,
            outcome=values.outcome,
        )
        s.add(appointment)
        s.flush()
        audit.record(s, user_id, "appointment_added", "appointment", appointment.id)
        return appointment.id


def update_appointment(vault: Vault, appointment_id: int, values: AppointmentFields) -> None:
    values = _clean(values)
    with vault.write() as s:
        appointment = s.get(Appointment, appointment_id)
        if appointment is None:
            raise InvalidInput(
                QT_TR_NOOP("That appointment was removed. The list will be refreshed.")
            )
        appointment.starts_at = values.starts_at
        appointment.kind = values.kind
        appointment.place = values.place
        appointment.accompanied = values.accompanied
        appointment.outcome = values.outcome
        audit.record(s, vault.current_user.id, "appointment_edited", "appointment", appointment_id)


def set_outcome(vault: Vault, appointment_id: int, outcome: str | None) -> None:
    """What happened, written afterwards (e.g. "Continued to 5 May", "Order granted")."""
    text = (outcome or "").strip()
    if len(text) > OUTCOME_MAX:
        raise InvalidInput(
            QT_TR_NOOP("Keep the outcome under {0} characters; longer notes belong in a note."),
            OUTCOME_MAX,
        )
    with vault.write() as s:
        appointment = s.get(Appointment, appointment_id)
        if appointment is None:
            raise InvalidInput(
                QT_TR_NOOP("That appointment was removed. The list will be refreshed.")
            )
        appointment.outcome = text or None
        audit.record(
            s, vault.current_user.id, "appointment_outcome_set", "appointment", appointment_id
        )


def delete_appointment(vault: Vault, appointment_id: int) -> None:
    with vault.write() as s:
        appointment = s.get(Appointment, appointment_id)
        if appointment is None:
            return
        s.delete(appointment)
        audit.record(s, vault.current_user.id, "appointment_deleted", "appointment", appointment_id)


def get_appointment(vault: Vault, appointment_id: int) -> AppointmentView | None:
    with vault.read() as s:
        appointment = s.get(Appointment, appointment_id)
        return _view(appointment) if appointment is not None else None


def list_appointments(vault: Vault, client_id: int) -> list[AppointmentView]:
    """Oldest first, so the list reads as a calendar."""
    with vault.read() as s:
        rows = s.scalars(
            select(Appointment)
            .where(Appointment.client_id == client_id)
            .order_by(Appointment.starts_at, Appointment.id)
        )
        return [_view(a) for a in rows]


__all__ = [
    "AppointmentFields",
    "AppointmentView",
    "add_appointment",
    "delete_appointment",
    "get_appointment",
    "list_appointments",
    "set_outcome",
    "update_appointment",
]
