"""Trainer demo mode: scenarios played into the demo vault step by step (DemoSession).

Applying a step: remove the scenario's demo client (through the store's destroy, so notes, needs,
their history, referrals and appointments go with it), bring the office directory's fictional
resources to what the scenarios have reached, and write ``Scenario.state_after(i)`` fresh: the
client, notes on their days, needs with every status change and resource link on the day of its
step, appointments with their outcomes. Back, jump and reset therefore land on exactly the state
of that step, whatever came before.

The demo vault itself (opening, resetting, refusing any other vault) is in demo/vault.py, the
writing of one state in demo/writing.py, the comparison of two moments in demo/snapshot.py; their
public names are importable from here as before.

No Qt here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from advocate_app.demo.scenario import Scenario, ScenarioState
from advocate_app.demo.snapshot import demo_snapshot
from advocate_app.demo.vault import (
    DEMO_OFFICE,
    DEMO_PASSPHRASE,
    DEMO_USER,
    NotADemoVault,
    open_demo_vault,
    reset_demo_vault,
)
from advocate_app.demo.writing import ScenarioWriter
from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store.vault import Vault


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
            raise NotADemoVault(QT_TR_NOOP("Scenarios are only played into the demo vault."))
        aliases = [s.client.alias.casefold() for s in scenarios]
        if len(set(aliases)) != len(aliases):
            raise ValueError("two scenarios use the same client alias")
        self.vault = vault
        self._writer = ScenarioWriter(vault)
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
        self._writer.remove_client(scenario, self._clients.pop(scenario.id, None))
        # Until the new client exists the scenario stands nowhere; if writing fails part-way,
        # the next step removes whatever was written (it finds the client by alias).
        self._steps[scenario.id] = -1
        self._writer.sync_resources(self._scenarios, {**self._steps, scenario.id: index})
        client_id = self._write(scenario, state)
        self._clients[scenario.id] = client_id
        self._steps[scenario.id] = index

    def _write(self, scenario: Scenario, state: ScenarioState) -> int:
        return self._writer.write(scenario, state, self._intake[scenario.id])


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
