"""Locking the real window ends the process and starts a fresh one (ui/restart.py).

The whole thing, with a real process and a memory scan, is test_memory_after_lock.py; these
tests check each step in this process, with the relaunch replaced by a recorder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from advocate_app.settings import Settings
from advocate_app.store import clients, drafts
from advocate_app.store.clients import ClientFields
from advocate_app.ui import restart
from advocate_app.ui.app import build_controller
from advocate_app.ui.locking import PLACE_DRAFT_KEY
from advocate_app.ui.restart import RESUME_ENV, ResumeState
from tests.ui.helpers import unlock


class Relauncher:
    """Stands for os.execve: records the state, and checks that the vault was closed (its
    one-writer lock released) before, as the fresh process needs."""

    def __init__(self, folder: Path, fail: bool = False) -> None:
        self.folder = folder
        self.states: list[ResumeState] = []
        self.vault_was_closed: list[bool] = []
        self.fail = fail

    def __call__(self, state: ResumeState) -> None:
        from advocate_app.store.errors import VaultInUse
        from advocate_app.store.vault import Vault

        self.states.append(state)
        try:
            Vault.open(self.folder).close()
            self.vault_was_closed.append(True)
        except VaultInUse:
            self.vault_was_closed.append(False)
        if self.fail:
            raise OSError("exec failed")


@pytest.fixture
def real_window(qtbot, vault_dir: Path):
    made = []

    def make(relaunch: Relauncher):
        controller = build_controller(
            vault_dir,
            Settings(automatic_backups=False),
            kdf_target_seconds=0,
            fresh_process_on_lock=relaunch,
        )
        qtbot.addWidget(controller.window)
        controller.window.show()
        controller.start()
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.shutdown()


def test_lock_saves_the_draft_and_the_place_then_starts_afresh(
    real_window, qtbot, vault_dir: Path
) -> None:
    relaunch = Relauncher(vault_dir)
    controller = real_window(relaunch)
    unlock(qtbot, controller)
    user_id = controller.vault.current_user.id
    cid = clients.create_client(controller.vault, ClientFields(alias="Juniper"))
    section = controller.shell.show_section("clients")
    section.apply_filters()
    section.open_client(cid, "needs")
    qtbot.keyClicks(section.detail.notes.composer.editor, "typed before the lid closed")
    controller.window.setGeometry(120, 80, 1000, 700)
    controller.lock("suspend")
    qtbot.waitUntil(lambda: bool(relaunch.states), timeout=10_000)

    state = relaunch.states[0]
    assert state.user_id == user_id and not state.demo_open
    assert state.geometry
    assert relaunch.vault_was_closed == [True]
    # In the environment only ids and positions: no alias, no text.
    assert "Juniper" not in state.to_env() and "lid" not in state.to_env()

    # The fresh process: a new window on the same folder, given the state.
    controller.window.close()
    fresh = real_window(Relauncher(vault_dir))
    fresh.resume(state)
    page = fresh.unlock_page
    assert page.user_box.currentData() == user_id
    unlock(qtbot, fresh)
    section = fresh.shell.sections["clients"]
    qtbot.waitUntil(lambda: section.detail is not None)  # read on a worker (open_client_soon)
    detail = section.detail
    assert fresh.shell.current_key() == "clients"
    assert detail.client_id == cid and detail.current_tab() == "needs"
    assert detail.notes.composer.editor.toPlainText() == "typed before the lid closed"
    assert drafts.load_draft(fresh.vault, PLACE_DRAFT_KEY) is None  # read once, then gone


def test_closing_the_window_does_not_start_a_process(real_window, qtbot, vault_dir: Path) -> None:
    relaunch = Relauncher(vault_dir)
    controller = real_window(relaunch)
    unlock(qtbot, controller)
    controller.window.close()
    assert relaunch.states == []


def test_if_no_fresh_process_can_start_the_app_stays_locked_here(
    real_window, qtbot, vault_dir: Path
) -> None:
    relaunch = Relauncher(vault_dir, fail=True)
    controller = real_window(relaunch)
    unlock(qtbot, controller)
    controller.lock("shortcut")
    qtbot.waitUntil(lambda: bool(relaunch.states), timeout=10_000)
    assert controller.vault is not None and not controller.vault.is_unlocked
    assert controller.window.stack.currentWidget() is controller.unlock_page
    unlock(qtbot, controller)  # and it still unlocks


def test_the_resume_state_refuses_anything_odd() -> None:
    good = ResumeState("AdnQywADAAAAAA==", "0c7a1567-e2e5-4207-bd21-0ca1b79c5578", True)
    assert ResumeState.from_env(good.to_env()) == good
    assert ResumeState.from_env("not json") is None
    assert ResumeState.from_env("[1, 2]") is None
    odd = ResumeState.from_env('{"geometry": "<script>", "user_id": "a b; rm", "demo_open": "yes"}')
    assert odd == ResumeState()


def test_the_state_is_read_once(monkeypatch) -> None:
    monkeypatch.setenv(RESUME_ENV, ResumeState(user_id="u-1").to_env())
    assert restart.take_resume_state() == ResumeState(user_id="u-1")
    assert RESUME_ENV not in os.environ
    assert restart.take_resume_state() is None


def test_the_same_program_is_started_again(monkeypatch) -> None:
    monkeypatch.setattr(
        sys,
        "orig_argv",
        ["python3", "-X", "faulthandler", "-m", "advocate_app", "--data-dir", "/srv/v"],
    )
    assert restart.relaunch_command() == [
        sys.executable,
        "-X",
        "faulthandler",
        "-m",
        "advocate_app",
        "--data-dir",
        "/srv/v",
    ]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "argv", ["/opt/Advocate/advocate-app", "--data-dir", "/srv/v"])
    assert restart.relaunch_command() == [sys.executable, "--data-dir", "/srv/v"]


def test_on_windows_a_new_process_starts_and_this_one_exits(monkeypatch) -> None:
    started: list[tuple[list[str], dict[str, str]]] = []
    exits: list[int] = []

    class Popen:
        def __init__(self, argv: list[str], env: dict[str, str], close_fds: bool) -> None:
            started.append((argv, env))

    import subprocess

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(subprocess, "Popen", Popen)
    monkeypatch.setattr(os, "_exit", exits.append)
    monkeypatch.setattr(os, "execve", lambda *a: pytest.fail("no exec on Windows"))
    restart.replace_process(ResumeState(user_id="u-1"))
    assert exits == [0]
    ((argv, env),) = started
    assert argv == restart.relaunch_command()
    assert ResumeState.from_env(env[RESUME_ENV]) == ResumeState(user_id="u-1")


def test_on_posix_the_process_image_is_replaced(monkeypatch) -> None:
    calls: list[tuple[str, list[str], dict[str, str]]] = []
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(os, "execve", lambda path, argv, env: calls.append((path, argv, env)))
    restart.replace_process(ResumeState(geometry="AAAA"))
    ((path, argv, env),) = calls
    assert path == sys.executable and argv == restart.relaunch_command()
    assert ResumeState.from_env(env[RESUME_ENV]) == ResumeState(geometry="AAAA")


def test_a_demo_window_that_was_open_comes_back(qtbot, vault_dir: Path) -> None:
    launched: list[bool] = []
    controller = build_controller(
        vault_dir,
        Settings(automatic_backups=False),
        kdf_target_seconds=0,
        demo_launcher=lambda: launched.append(True),
        demo_window_open=lambda: True,
    )
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.start()
    try:
        controller.resume(ResumeState(demo_open=False))
        assert launched == []
        controller.resume(ResumeState(demo_open=True))
        assert launched == [True]
        assert controller.window.stack.currentWidget() is controller.unlock_page
    finally:
        controller.shutdown()
