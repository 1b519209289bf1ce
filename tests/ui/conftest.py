"""Fixtures of the ui tests: the application, controllers on a vault copy, an unlocked app."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from advocate_app.settings import Settings
from advocate_app.store import clients
from advocate_app.store.clients import ClientFields
from advocate_app.store.vault import Vault
from advocate_app.ui.app import build_controller, make_application
from advocate_app.ui.controller import AppController
from tests.ui.helpers import unlock


@pytest.fixture
def qapp_cls():
    return None


@pytest.fixture(scope="session")
def qapp():
    app = make_application([])
    # The app loads the shipped reference library while the passphrase is typed (ui.warmup),
    # which these tests skip: load it once here, so no test waits for it in a search.
    from advocate_app.library.shipped import shipped_library

    shipped_library()
    return app


def _controller(qtbot, folder: Path) -> AppController:
    # Automatic daily backups have their own tests; here they would only slow every unlock.
    controller = build_controller(folder, Settings(automatic_backups=False), kdf_target_seconds=0)
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.start()
    return controller


@pytest.fixture
def make_controller(qtbot) -> Iterator:
    made: list[AppController] = []

    def make(folder: Path) -> AppController:
        controller = _controller(qtbot, folder)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.shutdown()


@pytest.fixture
def unlocked(make_controller, vault_dir: Path, qtbot) -> AppController:
    controller = make_controller(vault_dir)
    unlock(qtbot, controller)
    return controller


@pytest.fixture
def client_id(vault: Vault, today: date) -> int:
    """A client with an intake two months ago (the needs, appointments and Today tests)."""
    return clients.create_client(
        vault, ClientFields(alias="Rosa K", intake_date=today - timedelta(days=60))
    )
