"""Fixtures of the demo tests: the shipped scenarios, a fresh demo vault and a session on it."""

from __future__ import annotations

import shutil
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
def demo_vault(tmp_path: Path, demo_template: Path):
    """A fresh demo vault, opened by open_demo_vault: a copy of the template (a new one each
    time would pay a set-up and a key derivation per test; test_demo_vault.py makes its own)."""
    shutil.copytree(demo_template, tmp_path / "demo", ignore=shutil.ignore_patterns("vault.lock"))
    vault = open_demo_vault(tmp_path / "demo")
    yield vault
    vault.close()


@pytest.fixture
def session(demo_vault: Vault, scenarios: list[Scenario]) -> DemoSession:
    return DemoSession(demo_vault, scenarios, today=TODAY)
