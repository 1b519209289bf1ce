"""Writing one scenario state into the demo vault: the client, notes on their days, needs with
every status change and resource link on the day of its step, appointments with their outcomes;
removing a scenario's client (through the store's destroy, so everything of theirs goes with it);
and keeping the office directory's fictional resources at what the scenarios have reached.

Only ever given the demo vault (DemoSession checks). No Qt here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from advocate_app.demo.scenario import (
    AppointmentState,
    NeedState,
    Scenario,
    ScenarioResource,
    ScenarioState,
    StepNote,
    date_for_day,
)
from advocate_app.store import appointments, clients, needs, notes, resources, voca_fields
from advocate_app.store.appointments import AppointmentFields
from advocate_app.store.clients import ClientFields, ClientQuery
from advocate_app.store.errors import InvalidInput
from advocate_app.store.resources import ResourceFields
from advocate_app.store.vault import Vault

# Notes carry a day, not a time: the first note of a day is at 9:30 local time, the next ones
# follow at this interval, so a timeline reads in the order the scenario file gives.
_FIRST_NOTE_TIME = time(9, 30)
_NOTE_INTERVAL = timedelta(minutes=40)
# The store keeps one-line fields at 200 characters; a scenario may allow more.
_LINE_MAX = needs.LINE_MAX


def _note_moment(intake: date, day: int, order_in_day: int) -> datetime:
    """A note's time as the vault stores it: naive UTC for a local wall-clock time."""
    local = datetime.combine(date_for_day(intake, day), _FIRST_NOTE_TIME)
    local += _NOTE_INTERVAL * order_in_day
    return local.astimezone(UTC).replace(tzinfo=None)  # naive local -> aware -> naive UTC


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


_Links = dict[tuple[str, str], list[tuple[int, int, str]]]


def _resource_links(scenario: Scenario, index: int) -> _Links:
    """For each need, every (step index, day, resource name) at which its resource was set or
    changed, up to step `index`: the need's final resource alone would date a referral made
    in a later step on the day the need was opened."""
    links: _Links = {}
    for step_index, step in enumerate(scenario.steps[: index + 1]):
        for need in step.needs:
            if need.resource is None:
                continue
            seen = links.setdefault((need.category, need.item), [])
            if not seen or seen[-1][2] != need.resource:
                seen.append((step_index, scenario.step_day(step_index), need.resource))
    return links


def _clip(text: str | None, limit: int = _LINE_MAX) -> str:
    value = " ".join((text or "").split())
    if len(value) <= limit:
        return value
    return value[: limit - 1].rstrip() + "…"


class ScenarioWriter:
    """Writes scenario states into one demo vault; each call is the whole of one change."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def sync_resources(self, scenarios: dict[str, Scenario], steps: dict[str, int]) -> None:
        """Make the directory hold exactly the fictional resources the scenarios have reached.

        Entries are shared by the whole directory, so what is wanted is the union over every
        scenario at its own step; names no scenario adds are never touched.
        """
        managed: set[str] = set()
        wanted: dict[str, tuple[Scenario, ScenarioResource]] = {}
        for scenario_id, scenario in scenarios.items():
            managed.update(_key(n) for n in scenario.resource_names())
            for resource in scenario.resources_through(steps[scenario_id]):
                wanted.setdefault(_key(resource.name), (scenario, resource))
        present = {_key(e.name): e for e in resources.local_resources(self.vault)}
        for key, entry in present.items():
            if key in managed and key not in wanted and entry.id is not None:
                resources.delete_resource(self.vault, entry.id)
        for key, (scenario, resource) in wanted.items():
            fields = ResourceFields(
                name=resource.name,
                category=resource.category,
                phone=resource.phone,
                hours=resource.hours,
                languages=resource.languages,
                county=resource.county,
                notes=f"Fictional entry from the training scenario “{scenario.title}”.",
            )
            existing = present.get(key)
            try:
                if existing is None:
                    resources.add_resource(self.vault, fields)
                elif existing.id is not None and existing.fields != fields:
                    resources.update_resource(self.vault, existing.id, fields)
            except InvalidInput:
                # Same name as a shipped existing: the shipped one serves the scenario as well.
                continue

    def remove_client(self, scenario: Scenario, known: int | None) -> None:
        """Destroy the scenario's client: `known` (the one last written), and any client with
        its alias."""
        doomed: set[int] = set()
        if known is not None:
            doomed.add(known)
        # Also any client with the scenario's alias (from an earlier session, or typed in by
        # hand while demonstrating): a new open client with that alias would be refused.
        alias = scenario.client.alias.casefold()
        query = ClientQuery(text=scenario.client.alias, status="all")
        for row in clients.all_clients(self.vault, query):
            if row.alias.casefold() == alias:
                doomed.add(row.id)
        for client_id in sorted(doomed):
            current_alias = clients.alias_of(self.vault, client_id)
            if current_alias is not None:
                clients.destroy_client(self.vault, client_id, current_alias)

    def write(self, scenario: Scenario, state: ScenarioState, intake: date) -> int:
        """Write `state` fresh, its intake on `intake`; return the new client's id."""
        vault = self.vault
        person = scenario.client
        client_id = clients.create_client(
            vault,
            ClientFields(
                alias=person.alias,
                intake_date=intake,
                age_group=person.age_group,
                trafficking_type=person.trafficking_type,
                preferred_language=person.preferred_language,
                interpreter_needed=person.interpreter_needed,
                contact_method=_clip(person.safe_contact) or None,
            ),
        )
        voca_fields.set_reporting_fields(vault, client_id, person.reporting_fields())
        self._write_notes(client_id, intake, state.notes)
        links = _resource_links(scenario, state.step_index)
        for need in state.needs:
            self._write_need(client_id, intake, need, links.get((need.category, need.item), []))
        for appointment in state.appointments:
            self._write_appointment(client_id, intake, appointment)
        return client_id

    def _write_notes(self, client_id: int, intake: date, step_notes: Sequence[StepNote]) -> None:
        per_day: dict[int, int] = {}
        for note in step_notes:
            order = per_day.get(note.day, 0)
            per_day[note.day] = order + 1
            notes.add_note(
                self.vault,
                client_id,
                note.kind,
                note.body,
                at=_note_moment(intake, note.day, order),
                services=note.services,
            )

    def _write_need(
        self,
        client_id: int,
        intake: date,
        need: NeedState,
        links: list[tuple[int, int, str]],
    ) -> None:
        """Open the need as it was first written, then replay its status changes and resource
        links in step order, each dated on its own day (a link is a referral in reports)."""
        first, *later = need.history
        opening_link = links[0][2] if links and links[0][0] == need.opened_step else None
        events: list[tuple[int, int, str, str]] = [
            (c.step_index, 0, "status", c.status) for c in later
        ]
        events += [
            (step, 1, "resource", name)
            for step, _day, name in links
            if not (step == need.opened_step and name == opening_link)
        ]
        days = {step: day for step, day, _name in links}
        days.update({c.step_index: c.day for c in need.history})
        need_id = needs.add_need(
            self.vault,
            client_id,
            need.category,
            need.item,
            status=first.status,
            priority=need.priority,
            next_step=_clip(need.next_step),
            due_date=date_for_day(intake, need.due_day) if need.due_day is not None else None,
            resource_name=_clip(opening_link) or None,
            on=date_for_day(intake, first.day),
        )
        for step, _order, what, value in sorted(events):
            on = date_for_day(intake, days[step])
            if what == "status":
                needs.update_need(self.vault, need_id, status=value, on=on)
            else:
                needs.update_need(self.vault, need_id, resource_name=_clip(value), on=on)

    def _write_appointment(self, client_id: int, intake: date, appt: AppointmentState) -> None:
        hour, minute = (int(part) for part in appt.time.split(":"))
        appointments.add_appointment(
            self.vault,
            client_id,
            AppointmentFields(
                starts_at=datetime.combine(date_for_day(intake, appt.day), time(hour, minute)),
                kind=appt.kind,
                place=appt.place,
                accompanied=appt.accompanied,
                outcome=appt.outcome or None,
            ),
        )
