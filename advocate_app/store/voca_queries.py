"""The records behind the VOCA quarterly figures, read for one federal fiscal quarter.

Exact numbers about real people: supervisors only, and never exported (reports.voca turns these
records into the figures a supervisor types into the PMT; the anonymized PDF uses only the counts
of store.summary_queries). Four short reads, each served by an index:

* the services ticked on notes in the quarter, per person and code, with how many times;
* who had a service earlier in the same federal fiscal year (so is not new this quarter);
* those people's recorded answers (age band, gender identity, race or ethnicity, victimization
  types, special classifications);
* the anonymous contacts logged in the quarter, with their services.

A destroyed client's rows are gone, so they are in no figure (for any quarter) once destroyed.
Every reading is an audit event (who and when; no numbers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import audit
from advocate_app.store.errors import NotAllowed
from advocate_app.store.models import AnonymousContact, Client, NoteService
from advocate_app.store.vault import Vault


@dataclass(frozen=True)
class PersonAnswers:
    age_group: str | None
    gender_identity: str | None
    race_ethnicity: str | None  # as stored: None, "declined" or comma-separated codes
    victimization_types: str | None
    special_classifications: str | None


@dataclass(frozen=True)
class VocaRecords:
    year_start: date  # October 1 of the federal fiscal year
    quarter_start: date
    quarter_end: date
    # (client id, service code) -> times given in the quarter
    service_times: dict[tuple[int, str], int]
    # people with a service this federal fiscal year before the quarter began
    served_earlier: frozenset[int]
    people: dict[int, PersonAnswers]  # the people served in the quarter
    contacts: tuple[tuple[str, ...], ...]  # each anonymous contact's services, in the quarter


def voca_records(
    vault: Vault, year_start: date, quarter_start: date, quarter_end: date
) -> VocaRecords:
    if not vault.current_user.is_supervisor:
        raise NotAllowed(QT_TR_NOOP("Only a supervisor can see the VOCA quarterly figures."))
    in_quarter = NoteService.given_on.between(quarter_start, quarter_end)
    with vault.read() as s:
        service_times: dict[tuple[int, str], int] = {}
        for cid, code, n in s.execute(
            select(NoteService.client_id, NoteService.service, func.count())
            .where(in_quarter)
            .group_by(NoteService.client_id, NoteService.service)
        ):
            service_times[(int(cid), str(code))] = int(n)
        served = select(NoteService.client_id).where(in_quarter).distinct().scalar_subquery()
        # Read from the (given_on, client_id) index alone; by client it would visit each row.
        served_earlier = frozenset(
            int(cid)
            for (cid,) in s.execute(
                select(NoteService.client_id)
                .distinct()
                .where(NoteService.given_on >= year_start, NoteService.given_on < quarter_start)
            )
        )
        people = {
            int(row[0]): PersonAnswers(*row[1:])
            for row in s.execute(
                select(
                    Client.id,
                    Client.age_group,
                    Client.gender_identity,
                    Client.race_ethnicity,
                    Client.victimization_types,
                    Client.special_classifications,
                ).where(Client.id.in_(served))
            )
        }
        contacts = tuple(
            tuple(c for c in (stored or "").split(",") if c)
            for (stored,) in s.execute(
                select(AnonymousContact.services)
                .where(AnonymousContact.contact_date.between(quarter_start, quarter_end))
                .order_by(AnonymousContact.id)
            )
        )
    # Exact numbers about real people were looked at: who and when, never what.
    with vault.write() as s:
        audit.record(s, vault.current_user.id, "voca_figures_viewed")
    return VocaRecords(
        year_start, quarter_start, quarter_end, service_times, served_earlier, people, contacts
    )
