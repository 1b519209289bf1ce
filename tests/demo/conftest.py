"""Fixtures of the demo tests: the shipped scenarios, a fresh demo vault and a session on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocate_app.demo.engine import (
    DemoSession,
    open_demo_vault,
)
from advocate_app.demo.scenario import Scenario, load_scenarios
from advocate_app.store.vault import Vault
from tests.demo.helpers import SHIPPED, TODAY


@pytest.fixture(scope="module")
def scenarios() -> list[Scenario]:
    loaded, errors = load_scenarios(SHIPPED)
    assert errors == []
    assert len(loaded) == len(list(SHIPPED.glob("*.toml"))) >= 9
    return loaded


@pytest.fixture
def demo_vault(tmp_path: Path):
    vault = open_demo_vault(tmp_path / "demo")
    yield vault
    vault.close()


@pytest.fixture
def session(demo_vault: Vault, scenarios: list[Scenario]) -> DemoSession:
    return DemoSession(demo_vault, scenarios, today=TODAY)
