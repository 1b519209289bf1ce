"""Demo mode, driven as a trainer would: the demo window, stepping, the Clients section, resets,
presenter mode, and "Try the demo" from a real, locked window."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from advocate_app.demo.engine import DEMO_PASSPHRASE
from advocate_app.demo.scenario import Scenario
from advocate_app.settings import Settings
from advocate_app.store.vault import Vault
from advocate_app.ui.app import build_controller
from advocate_app.ui.controller import AppController
from advocate_app.ui.demo import app as demo_app
from advocate_app.ui.demo.app import build_demo_controller, launch_demo_window
from advocate_app.ui.demo.presenter import presenter_mode_active, set_presenter_mode
from advocate_app.ui.demo.section import TrainerSection
from advocate_app.ui.qt import QApplication, QPushButton, Qt, QToolButton
from tests.helpers import copy_vault
from tests.ui.helpers import unlock

LEFT = Qt.MouseButton.LeftButton
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def opened_folders(monkeypatch) -> list[Path]:
    """Every folder a vault is opened or created in during the test."""
    seen: list[Path] = []
    real_open, real_create = Vault.open.__func__, Vault.create.__func__  # type: ignore[attr-defined]

    def spy_open(cls, folder, *a, **k):  # type: ignore[no-untyped-def]
        seen.append(Path(folder).resolve())
        return real_open(cls, folder, *a, **k)

    def spy_create(cls, folder, *a, **k):  # type: ignore[no-untyped-def]
        seen.append(Path(folder).resolve())
        return real_create(cls, folder, *a, **k)

    monkeypatch.setattr(Vault, "open", classmethod(spy_open))
    monkeypatch.setattr(Vault, "create", classmethod(spy_create))
    return seen


@pytest.fixture
def demo(
    qtbot, tmp_path: Path, demo_template: Path, opened_folders: list[Path]
) -> Iterator[AppController]:
    # A copy of a new demo vault (making one per test costs a set-up and a key derivation).
    copy_vault(demo_template, tmp_path / "demo")
    controller = build_demo_controller(tmp_path / "demo", settings=Settings())
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.window)
    yield controller
    set_presenter_mode(False)
    controller.shutdown()


def trainer(controller: AppController) -> TrainerSection:
    assert controller.shell is not None
    section = controller.shell.sections["trainer"]
    assert isinstance(section, TrainerSection)
    return section


def settle(qtbot, section: TrainerSection) -> None:
    qtbot.waitUntil(lambda: not section.busy, timeout=20000)


def choose(qtbot, section: TrainerSection, scenario_id: str) -> Scenario:
    row = section.session.scenario_ids.index(scenario_id)
    item = section.scenario_list.item(row)
    rect = section.scenario_list.visualItemRect(item)
    qtbot.mouseClick(section.scenario_list.viewport(), LEFT, pos=rect.center())
    assert section.session.current_id == scenario_id
    scenario = section.current_scenario()
    assert scenario is not None
    return scenario


def shown_notes(controller: AppController) -> list[str]:
    detail = controller.shell.sections["clients"].detail  # type: ignore[attr-defined]
    timeline = detail.notes.timeline
    return sorted(
        timeline.item(i).data(Qt.ItemDataRole.AccessibleTextRole) for i in range(timeline.count())
    )


def shown_needs(controller: AppController) -> list[tuple[str, str]]:
    detail = controller.shell.sections["clients"].detail  # type: ignore[attr-defined]
    panel = detail.show_tab("needs")
    return sorted((n.label, n.status) for n in panel.model.all_needs())


def expected_notes(scenario: Scenario, index: int) -> list[str]:
    return sorted(n.body[:200] for n in scenario.state_after(index).notes)


def expected_needs(scenario: Scenario, index: int) -> list[tuple[str, str]]:
    return sorted((n.item, n.status) for n in scenario.state_after(index).needs)


def hash_folder(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "vault.lock"
    }


# --------------------------------------------------------------------------- the window


def test_demo_opens_on_the_trainer_with_a_banner_that_stays(
    demo: AppController, qtbot, tmp_path: Path, opened_folders: list[Path]
) -> None:
    assert demo.vault is not None and demo.vault.is_demo and demo.vault.is_unlocked
    assert demo.shell is not None
    assert demo.shell.nav.item(0).text() == "Trainer"
    assert demo.shell.current_key() == "trainer"
    section = trainer(demo)
    assert section.isVisible()
    shipped = Path(__file__).resolve().parents[2] / "assets" / "scenarios"
    assert section.scenario_list.count() == len(list(shipped.glob("*.toml"))) >= 9
    assert section.step_title.text() and section.prompt.text()

    banner = demo.window.banner
    assert banner is not None and banner.isVisible()
    assert "DEMO" in banner.text() and DEMO_PASSPHRASE in banner.text()
    # Nothing to close it with.
    assert banner.findChildren(QPushButton) == [] and banner.findChildren(QToolButton) == []
    # The real vault's folder was never opened or created: only the demo folder was.
    assert opened_folders and all(f == (tmp_path / "demo").resolve() for f in opened_folders)

    # Locked, the window still says DEMO and states the passphrase on the unlock page.
    demo.lock("test")
    assert banner.isVisible()
    page = demo.unlock_page
    assert demo.window.stack.currentWidget() is page
    shown = [w.text() for w in page.findChildren(type(page.title_label)) if w.isVisible()]
    assert any(DEMO_PASSPHRASE in text for text in shown)
    unlock(qtbot, demo, DEMO_PASSPHRASE)
    assert banner.isVisible()
    assert demo.shell.current_key() == "trainer"


def test_stepping_changes_the_client_in_the_clients_section(demo: AppController, qtbot) -> None:
    section = trainer(demo)
    scenario = choose(qtbot, section, "h2a-farmworker")
    assert "Before step 1" in section.step_heading.text()
    assert not section.back_button.isEnabled()

    qtbot.mouseClick(section.open_button, LEFT)
    assert demo.shell.current_key() == "clients"
    clients_section = demo.shell.sections["clients"]
    assert clients_section.detail.alias == scenario.client.alias  # type: ignore[attr-defined]
    assert shown_notes(demo) == [] and shown_needs(demo) == []

    demo.shell.show_section("trainer")
    section.step_list.setFocus()
    qtbot.keyClick(section.step_list, Qt.Key.Key_PageDown)  # a presentation clicker
    assert section.position() == 0
    assert section.step_title.text() == scenario.steps[0].title  # shown before it is written
    settle(qtbot, section)
    qtbot.keyClick(section.step_list, Qt.Key.Key_Right, ALT)
    settle(qtbot, section)
    qtbot.mouseClick(section.next_button, LEFT)
    settle(qtbot, section)
    assert section.session.step_index() == 2
    assert section.step_heading.text() == f"Step 3 of {scenario.step_count}"
    assert section.prompt.text() == scenario.steps[2].prompt

    # The open record followed the steps: notes and needs as the scenario has them now.
    assert shown_notes(demo) == expected_notes(scenario, 2)
    needs_now = shown_needs(demo)
    assert needs_now == expected_needs(scenario, 2)
    assert ("Emergency shelter", "declined") in needs_now

    # Back restores the earlier step, keyboard and button alike.
    section.step_list.setFocus()
    qtbot.keyClick(section.step_list, Qt.Key.Key_Left, ALT)
    settle(qtbot, section)
    assert section.session.step_index() == 1
    assert shown_notes(demo) == expected_notes(scenario, 1)
    assert shown_needs(demo) == expected_needs(scenario, 1)
    qtbot.mouseClick(section.back_button, LEFT)
    settle(qtbot, section)
    assert shown_notes(demo) == expected_notes(scenario, 0)

    # Jump with the step list, then reset.
    last = scenario.step_count - 1
    item = section.step_list.item(last + 1)
    qtbot.mouseClick(
        section.step_list.viewport(), LEFT, pos=section.step_list.visualItemRect(item).center()
    )
    settle(qtbot, section)
    assert section.session.step_index() == last
    assert not section.next_button.isEnabled()
    assert shown_needs(demo) == expected_needs(scenario, last)
    qtbot.mouseClick(section.reset_button, LEFT)
    settle(qtbot, section)
    assert section.session.step_index() == -1
    assert shown_notes(demo) == [] and shown_needs(demo) == []


def test_quick_presses_coalesce_into_one_jump(demo: AppController, qtbot) -> None:
    section = trainer(demo)
    scenario = choose(qtbot, section, "traveling-sales-crew")
    for _ in range(4):
        qtbot.mouseClick(section.next_button, LEFT)
    assert section.position() == 3  # the screen follows each press at once
    settle(qtbot, section)
    assert section.session.step_index() == 3
    assert section.step_title.text() == scenario.steps[3].title


def test_positions_survive_a_lock_and_other_scenarios_keep_theirs(
    demo: AppController, qtbot
) -> None:
    section = trainer(demo)
    choose(qtbot, section, "domestic-servitude")
    qtbot.mouseClick(section.next_button, LEFT)
    qtbot.mouseClick(section.next_button, LEFT)
    settle(qtbot, section)
    choose(qtbot, section, "stays-for-children")
    qtbot.mouseClick(section.next_button, LEFT)
    settle(qtbot, section)
    demo.lock("test")
    unlock(qtbot, demo, DEMO_PASSPHRASE)
    section = trainer(demo)
    assert section.session.current_id == "stays-for-children"
    assert section.position() == 0
    assert section.session.step_index("domestic-servitude") == 1
    choose(qtbot, section, "domestic-servitude")
    assert "Step 2 of" in section.step_heading.text()


def test_reset_the_whole_demo_asks_first_and_starts_fresh(
    demo: AppController, qtbot, monkeypatch
) -> None:
    section = trainer(demo)
    choose(qtbot, section, "h2a-farmworker")
    qtbot.mouseClick(section.next_button, LEFT)
    settle(qtbot, section)
    old_vault_id = demo.vault.keys.vault_id  # type: ignore[union-attr]
    asked: list[tuple[str, str]] = []

    def answer(yes: bool):  # type: ignore[no-untyped-def]
        def confirm(_parent, _title, text, action):  # type: ignore[no-untyped-def]
            asked.append((text, action))
            return yes

        return confirm

    monkeypatch.setattr("advocate_app.ui.demo.section.confirm", answer(False))
    qtbot.mouseClick(section.reset_all_button, LEFT)
    assert asked[-1][1] == "Reset the whole demo"
    assert "real vault is not touched" in asked[-1][0]
    assert demo.vault.keys.vault_id == old_vault_id  # type: ignore[union-attr]

    monkeypatch.setattr("advocate_app.ui.demo.section.confirm", answer(True))
    qtbot.mouseClick(section.reset_all_button, LEFT)
    qtbot.waitUntil(
        lambda: (
            demo.shell is not None
            and demo.vault is not None
            and demo.vault.keys.vault_id != old_vault_id
        ),
        timeout=20000,
    )
    fresh = trainer(demo)
    assert fresh is not section
    assert demo.vault.is_demo  # type: ignore[union-attr]
    assert all(fresh.session.step_index(i) == -1 for i in fresh.session.scenario_ids)
    assert demo.shell.current_key() == "trainer"
    assert demo.window.banner is not None and demo.window.banner.isVisible()


def test_presenter_mode_scales_the_text_and_back(demo: AppController, qtbot) -> None:
    section = trainer(demo)
    app = QApplication.instance()
    normal_app = app.font().pointSizeF()
    normal_prompt = section.prompt.font().pointSizeF()
    normal_banner = demo.window.banner.fontInfo().pointSizeF()  # type: ignore[union-attr]

    qtbot.mouseClick(section.presenter_button, LEFT)
    assert presenter_mode_active() and section.presenter_button.isChecked()
    assert app.font().pointSizeF() == pytest.approx(round(normal_app * 1.6), abs=0.01)
    assert section.prompt.font().pointSizeF() > normal_prompt * 1.4
    assert section.prompt.font().pointSizeF() > app.font().pointSizeF()  # still the largest
    assert demo.window.banner.fontInfo().pointSizeF() > normal_banner  # type: ignore[union-attr]
    assert section.presenter_button.text() == "Leave presenter mode"

    qtbot.mouseClick(section.presenter_button, LEFT)
    assert not presenter_mode_active()
    assert app.font().pointSizeF() == normal_app
    assert section.prompt.font().pointSizeF() == normal_prompt
    assert section.presenter_button.text() == "Presenter mode"


def test_the_supervisor_summary_is_there_in_the_demo(demo: AppController) -> None:
    assert demo.vault.current_user.is_supervisor  # type: ignore[union-attr]
    assert "reports" in demo.shell.sections  # type: ignore[union-attr]
    demo.shell.show_section("reports")  # type: ignore[union-attr]


# --------------------------------------------------------------------------- from the real window


def test_try_the_demo_leaves_the_real_window_locked_and_untouched(
    qtbot, vault_dir: Path, tmp_path: Path
) -> None:
    before = hash_folder(vault_dir)
    holder: list[AppController] = []
    real = build_controller(
        vault_dir,
        Settings(),
        kdf_target_seconds=0,
        demo_launcher=lambda: holder.append(launch_demo_window(real, tmp_path / "demo")),
    )
    qtbot.addWidget(real.window)
    real.window.show()
    real.start()
    page = real.unlock_page
    assert page.demo_button.isVisible()
    try:
        qtbot.mouseClick(page.demo_button, LEFT)
        assert len(holder) == 1
        demo = holder[0]
        qtbot.addWidget(demo.window)
        assert demo.window is not real.window and demo.window.isVisible()
        assert demo.vault is not None and demo.vault.is_demo
        assert real.window.stack.currentWidget() is page  # still locked
        assert real.vault is not None and not real.vault.is_unlocked
        assert real.window.banner is None  # the real window is never marked DEMO

        # A second press brings the same demo window forward.
        qtbot.mouseClick(page.demo_button, LEFT)
        assert holder[1] is demo

        # Ctrl+L in the demo window locks the demo, not the real one (it is already locked).
        demo.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is demo.window)
        trainer(demo).step_list.setFocus()
        qtbot.keyClick(trainer(demo).step_list, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert not demo.vault.is_unlocked
        assert demo.window.stack.currentWidget() is demo.unlock_page

        demo.window.close()
        assert not demo_app.demo_window_open()
        assert demo.vault is None  # closed with its window
        # Closed means forgotten: the button opens a fresh demo window, not the closed one.
        qtbot.mouseClick(page.demo_button, LEFT)
        again = holder[2]
        qtbot.addWidget(again.window)
        assert again is not demo and again.window.isVisible() and demo_app.demo_window_open()
        again.window.close()
    finally:
        real.shutdown()
    assert hash_folder(vault_dir) == before


def test_a_step_cut_short_by_a_lock_is_written_again_after_unlocking(
    demo: AppController, qtbot, monkeypatch
) -> None:
    from advocate_app.demo.writing import ScenarioWriter
    from advocate_app.store.errors import VaultLocked

    section = trainer(demo)
    scenario = choose(qtbot, section, "foster-youth-survival-sex")
    real_write = ScenarioWriter.write

    def locked_write(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise VaultLocked()

    monkeypatch.setattr(ScenarioWriter, "write", locked_write)
    qtbot.mouseClick(section.next_button, LEFT)
    settle(qtbot, section)
    assert not section.session.is_written()
    assert section.status.text() == ""  # a lock is not an error to report
    monkeypatch.setattr(ScenarioWriter, "write", real_write)

    demo.lock("test")
    unlock(qtbot, demo, DEMO_PASSPHRASE)
    section = trainer(demo)
    settle(qtbot, section)
    assert section.session.is_written()
    qtbot.mouseClick(section.open_button, LEFT)
    assert shown_notes(demo) == expected_notes(scenario, section.session.step_index())


def test_articles_printed_from_the_demo_carry_the_mark(qtbot, tmp_path, monkeypatch) -> None:
    from pypdf import PdfReader

    from advocate_app.ui.demo.app import build_demo_controller
    from advocate_app.ui.qt import QFileDialog

    controller = build_demo_controller(tmp_path / "demo-print")
    qtbot.addWidget(controller.window)
    try:
        reference = controller.shell.show_section("reference")
        reference.open_article("hotlines")
        out = tmp_path / "article.pdf"
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
        )
        reference.save_pdf()
        text = "".join(page.extract_text() for page in PdfReader(out).pages)
        assert "DEMO" in text
    finally:
        controller.shutdown()


def test_dialogs_from_the_demo_window_say_demo(qtbot, tmp_path) -> None:
    from advocate_app.ui.demo.app import build_demo_controller
    from advocate_app.ui.qt import QDialog, QTimer

    controller = build_demo_controller(tmp_path / "demo-dialogs")
    qtbot.addWidget(controller.window)
    try:
        assert "DEMO" in controller.window.windowTitle()
        settings = controller.shell.show_section("settings")
        titles: list[str] = []

        def look() -> None:
            for dialog in controller.window.findChildren(QDialog):
                if dialog.isVisible():
                    titles.append(dialog.windowTitle())
                    dialog.reject()

        QTimer.singleShot(200, look)
        settings.users.add_user()
        assert titles and titles[0].startswith("DEMO")
    finally:
        controller.shutdown()


def test_scenario_rows_never_overlap_when_the_list_scrolls(
    qtbot, tmp_path: Path, opened_folders: list[Path]
) -> None:
    """Nine scenarios make the list scroll at 1280×720. When the scroll bar takes its width, a
    title that now wraps needs a taller row, and the rows below must move down with it."""
    controller = build_demo_controller(tmp_path / "demo", settings=Settings())
    qtbot.addWidget(controller.window)
    controller.window.resize(1280, 720)
    controller.window.show()
    try:
        view = trainer(controller).scenario_list
        qtbot.waitUntil(lambda: view.verticalScrollBar().isVisible())

        def overlaps() -> list[str]:
            rects = [view.visualItemRect(view.item(row)) for row in range(view.count())]
            return [
                view.item(row + 1).text()
                for row in range(len(rects) - 1)
                if rects[row + 1].top() <= rects[row].bottom()
            ]

        qtbot.waitUntil(lambda: overlaps() == [], timeout=3000)
    finally:
        controller.shutdown()
