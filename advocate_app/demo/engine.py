"""Trainer demo mode: a separate demo vault, and scenarios played into it step by step.

The demo vault is an ordinary vault created with ``is_demo=True`` in its own folder, under a fixed
passphrase the screen states (the data is fictional, so the passphrase protects nothing). This
module refuses to open, reset or write into any vault whose meta does not say it is a demo vault:
a scenario's client is destroyed and rewritten on every step, which must never happen to a real
record that happens to share an alias.

Applying a step: remove the scenario's demo client (through the store's destroy, so notes, needs,
their history, referrals and appointments go with it), bring the office directory's fictional
resources to what the scenarios have reached, and write ``Scenario.state_after(i)`` fresh: the
client, notes on their days, needs with every status change and resource link on the day of its
step, appointments with their outcomes. Back, jump and reset therefore land on exactly the state
of that step, whatever came before.

No Qt here.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from advocate_app.demo.scenario import (
    AppointmentState,
    NeedState,
    Scenario,
    ScenarioResource,
    ScenarioState,
    StepNote,
    date_for_day,
)
from advocate_app.store import (
    appointments,
    clients,
    crypto,
    needs,
    notes,
    referrals,
    resources,
    voca_fields,
)
from advocate_app.store.appointments import AppointmentFields
from advocate_app.store.clients import ClientFields, ClientQuery
from advocate_app.store.errors import InvalidInput, VaultError, WrongPassphrase
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.resources import ResourceFields
from advocate_app.store.vault import Vault

# Stated on screen on purpose; plain ASCII words so any keyboard can type it after a lock.
DEMO_PASSPHRASE = "practice with fictional cases"  # noqa: S105
DEMO_OFFICE = "Demo Office (fictional)"
DEMO_USER = "Trainer"

# Notes carry a day, not a time: the first note of a day is at 9:30 local time, the next ones
# follow at this interval, so a timeline reads in the order the scenario file gives.
_FIRST_NOTE_TIME = time(9, 30)
_NOTE_INTERVAL = timedelta(minutes=40)
# The store keeps one-line fields at 200 characters; a scenario may allow more.
_LINE_MAX = needs.LINE_MAX


class NotADemoVault(VaultError):
    """The folder holds something other than a demo vault; nothing was changed."""


# --------------------------------------------------------------------------- the demo vault


def _refuse_real_folder(folder: Path) -> None:
    # Cheap guard before anything opens a file: the real vault's default folder is never a demo.
    from advocate_app.paths import default_data_dir

    try:
        same = folder.resolve() == default_data_dir().resolve()
    except OSError:
        same = False
    if same:
        raise NotADemoVault(
            "That folder is where the office's real vault is kept. The demo never opens it; "
            "choose another folder for the demo."
        )


def _unlock_demo(folder: Path) -> Vault:
    """Open the vault in folder with the demo passphrase; refuse it unless it is a demo vault.

    The passphrase is tried against the keys file before the vault is opened: a real vault's
    folder is only read, never given a lock file or an unlock attempt in its database.
    """
    not_demo = NotADemoVault(
        "This folder holds a vault that is not the demo vault. Nothing was changed."
    )
    keys = KeysFile.load(folder)
    trainer = next((s for s in keys.passphrase_slots() if s.label == DEMO_USER and s.user_id), None)
    if trainer is None or trainer.user_id is None:
        raise not_demo
    try:
        data_key = keys.unwrap_with_passphrase(trainer.user_id, DEMO_PASSPHRASE)
    except WrongPassphrase:
        raise not_demo from None
    try:
        vault = Vault.open(folder)
        try:
            vault.unlock_with_data_key(data_key, trainer.user_id)
            if not vault.is_demo:
                raise NotADemoVault(
                    "This folder holds a real vault, not the demo vault. Nothing was changed."
                )
        except BaseException:
            vault.close()
            raise
    finally:
        crypto.zero(data_key)
    return vault


def _create_demo(folder: Path) -> Vault:
    vault, _recovery = Vault.create(
        folder,
        office_name=DEMO_OFFICE,
        user_name=DEMO_USER,
        passphrase=DEMO_PASSPHRASE,
        kdf_target_seconds=0,
        is_demo=True,
        check_strength=False,
    )
    return vault


def open_demo_vault(folder: Path, *, reset: bool = False) -> Vault:
    """The demo vault in folder, unlocked as the Trainer; created when missing.

    ``reset``: delete the folder first and start over, only after checking that it holds a demo
    vault (or nothing). A folder holding any other vault, or other files, is refused with
    NotADemoVault (a VaultError) and left exactly as it was.
    """
    folder = Path(folder)
    _refuse_real_folder(folder)
    if Vault.exists(folder):
        vault = _unlock_demo(folder)
        if not reset:
            return vault
        vault.close()
        shutil.rmtree(folder)
    elif folder.exists() and any(folder.iterdir()):
        # Not a vault at all: these are somebody's files, and the demo only ever deletes its own.
        raise NotADemoVault(
            "This folder holds other files, not the demo vault. Nothing was changed; choose an "
            "empty folder for the demo."
        )
    return _create_demo(folder)


def reset_demo_vault(vault: Vault) -> Vault:
    """Close this demo vault, delete its folder and return a fresh one in the same place."""
    if not vault.is_unlocked or not vault.is_demo:
        raise NotADemoVault("Only the demo vault can be reset. Nothing was changed.")
    folder = vault.folder
    vault.close()
    return open_demo_vault(folder, reset=True)


def demo_snapshot(vault: Vault) -> tuple[object, ...]:
    """What a person could see in the vault's records, without ids or write times.

    Two snapshots are equal when every client, note, need (with its status history),
    appointment, referral and local resource reads the same: the smoke test uses it to check
    that a scenario played forward and back ends where it began.
    """
    people = []
    query = ClientQuery(status="all")
    for row in clients.all_clients(vault, query):
        client_id = row.id
        people.append(
            (
                row.alias,
                row.status,
                row.intake_date,
                row.assigned_name,
                row.last_contact_at,
                tuple(
                    sorted(
                        (n.kind, n.body, n.created_at, n.edited_at)
                        for n in notes.list_notes(vault, client_id)
                    )
                ),
                tuple(
                    sorted(
                        (
                            n.category,
                            n.label,
                            n.status,
                            n.priority or "",
                            n.next_step,
                            n.due_date,
                            n.note_line,
                            n.resource_name or "",
                            tuple(
                                (h.status, h.changed_on) for h in needs.status_history(vault, n.id)
                            ),
                        )
                        for n in needs.list_needs(vault, client_id)
                    )
                ),
                tuple(
                    (a.starts_at, a.kind, a.place, a.accompanied, a.outcome or "")
                    for a in appointments.list_appointments(vault, client_id)
                ),
                tuple(
                    sorted(
                        (r.resource_name, r.resource_category, r.referred_on)
                        for r in referrals.list_referrals(vault, client_id)
                    )
                ),
            )
        )
    directory = tuple(sorted(repr(e.fields) for e in resources.local_resources(vault)))
    return tuple(sorted(people, key=repr)), directory


# --------------------------------------------------------------------------- stepping


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


class DemoSession:
    """A trainer's session: which scenario is selected and where each one stands.

    Creating a session starts every scenario at its beginning (step index -1: the client alone),
    so opening the demo always shows the same first state. Step indexes are 0-based, as in
    :class:`Scenario`; -1 is "before step 1".
    """

    def __init__(
        self, vault: Vault, scenarios: Sequence[Scenario], *, today: date | None = None
    ) -> None:
        if not vault.is_demo:
            raise NotADemoVault("Scenarios are only played into the demo vault.")
        aliases = [s.client.alias.casefold() for s in scenarios]
        if len(set(aliases)) != len(aliases):
            raise ValueError("two scenarios use the same client alias")
        self.vault = vault
        self._scenarios = {s.id: s for s in scenarios}
        self._order = [s.id for s in scenarios]
        day = today or date.today()
        # Remembered for the session: stepping back and forth after midnight keeps every date.
        # The last note falls on yesterday; later appointments are in the near future.
        self._intake = {
            s.id: day - timedelta(days=s.step_day(s.step_count - 1) + 1) for s in scenarios
        }
        self._steps = dict.fromkeys(self._order, -1)
        self._clients: dict[str, int] = {}
        self._current: str | None = self._order[0] if self._order else None
        for scenario in scenarios:
            self._apply(scenario, -1)

    # --- what the trainer sees ----------------------------------------------------------------

    @property
    def scenario_ids(self) -> list[str]:
        return list(self._order)

    @property
    def scenarios(self) -> list[Scenario]:
        return [self._scenarios[i] for i in self._order]

    def scenario(self, scenario_id: str) -> Scenario:
        return self._scenarios[scenario_id]

    @property
    def current(self) -> Scenario | None:
        return self._scenarios[self._current] if self._current is not None else None

    @property
    def current_id(self) -> str | None:
        return self._current

    def step_index(self, scenario_id: str | None = None) -> int:
        """Where a scenario stands (default: the selected one); -1 before the first step."""
        key = scenario_id if scenario_id is not None else self._require_current().id
        return self._steps[key]

    def is_written(self, scenario_id: str | None = None) -> bool:
        """Whether the scenario's client is in the vault as its step says. False after a step
        that failed part-way (for instance, the vault was locked meanwhile): go_to() to the
        same step writes it again."""
        key = scenario_id if scenario_id is not None else self._require_current().id
        return key in self._clients

    def client_id(self, scenario_id: str | None = None) -> int:
        key = scenario_id if scenario_id is not None else self._require_current().id
        return self._clients[key]

    def intake_date(self, scenario_id: str | None = None) -> date:
        key = scenario_id if scenario_id is not None else self._require_current().id
        return self._intake[key]

    def state(self, scenario_id: str | None = None) -> ScenarioState:
        scenario = self._scenarios[scenario_id] if scenario_id else self._require_current()
        return scenario.state_after(self._steps[scenario.id])

    # --- the trainer's controls -----------------------------------------------------------------

    def select(self, scenario_id: str) -> Scenario:
        if scenario_id not in self._scenarios:
            raise KeyError(scenario_id)
        self._current = scenario_id
        return self._scenarios[scenario_id]

    def go_to(self, index: int, *, scenario_id: str | None = None) -> None:
        """Put a scenario (default: the selected one) at step `index` (-1 .. step_count-1),
        from anywhere. A caller stepping on another thread names the scenario, so a change
        of selection meanwhile cannot redirect the step."""
        scenario = self._scenarios[scenario_id] if scenario_id else self._require_current()
        if not -1 <= index < scenario.step_count:
            raise IndexError(
                f"step index {index} is outside -1..{scenario.step_count - 1} for "
                f"scenario {scenario.id!r}"
            )
        self._apply(scenario, index)

    def next(self) -> bool:
        """One step forward; False (and nothing changes) at the last step."""
        scenario = self._require_current()
        index = self._steps[scenario.id]
        if index >= scenario.step_count - 1:
            return False
        self._apply(scenario, index + 1)
        return True

    def back(self) -> bool:
        """One step back, to exactly the earlier state; False at the beginning."""
        scenario = self._require_current()
        index = self._steps[scenario.id]
        if index <= -1:
            return False
        self._apply(scenario, index - 1)
        return True

    def reset_scenario(self, scenario_id: str | None = None) -> None:
        """A scenario (default: the selected one) back to its beginning: the client alone,
        before step 1."""
        self.go_to(-1, scenario_id=scenario_id)

    # --- writing a state --------------------------------------------------------------------------

    def _require_current(self) -> Scenario:
        if self._current is None:
            raise LookupError("no scenario is selected (none could be loaded)")
        return self._scenarios[self._current]

    def _apply(self, scenario: Scenario, index: int) -> None:
        state = scenario.state_after(index)
        self._remove_client(scenario)
        # Until the new client exists the scenario stands nowhere; if writing fails part-way,
        # the next step removes whatever was written (it finds the client by alias).
        self._steps[scenario.id] = -1
        self._sync_resources({**self._steps, scenario.id: index})
        client_id = self._write(scenario, state)
        self._clients[scenario.id] = client_id
        self._steps[scenario.id] = index

    def _sync_resources(self, steps: dict[str, int]) -> None:
        """Make the directory hold exactly the fictional resources the scenarios have reached.

        Entries are shared by the whole directory, so what is wanted is the union over every
        scenario at its own step; names no scenario adds are never touched.
        """
        managed: set[str] = set()
        wanted: dict[str, tuple[Scenario, ScenarioResource]] = {}
        for scenario_id, scenario in self._scenarios.items():
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

    def _remove_client(self, scenario: Scenario) -> None:
        doomed: set[int] = set()
        known = self._clients.pop(scenario.id, None)
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

    def _write(self, scenario: Scenario, state: ScenarioState) -> int:
        vault = self.vault
        intake = self._intake[scenario.id]
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


__all__ = [
    "DEMO_OFFICE",
    "DEMO_PASSPHRASE",
    "DEMO_USER",
    "DemoSession",
    "NotADemoVault",
    "demo_snapshot",
    "open_demo_vault",
    "reset_demo_vault",
]
