"""A language switch reaches every open window at once: the demo window (in presenter mode, on
a step, scrolled) follows a switch made in the real window, and the first-run page keeps what
was typed on it, passphrases included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from advocate_app.settings import Settings
from advocate_app.ui.app import build_controller
from advocate_app.ui.controller import AppController
from advocate_app.ui.demo.app import launch_demo_window
from advocate_app.ui.demo.presenter import presenter_mode_active, set_presenter_mode
from advocate_app.ui.demo.section import TrainerSection
from advocate_app.ui.language import ENGLISH, SPANISH, apply_language, current_language
from advocate_app.ui.qt import QLabel, Qt
from tests.ui.helpers import english_left, english_sources

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def spanish() -> Iterator[None]:
    yield
    set_presenter_mode(False)
    apply_language(ENGLISH)


def _trainer(controller: AppController) -> TrainerSection:
    assert controller.shell is not None
    section = controller.shell.sections["trainer"]
    assert isinstance(section, TrainerSection)
    return section


def test_the_open_demo_window_follows_a_switch_made_in_the_real_window(
    qtbot, vault_dir: Path, tmp_path: Path, spanish: None
) -> None:
    holder: list[AppController] = []
    real = build_controller(
        vault_dir,
        Settings(automatic_backups=False, language=ENGLISH),
        kdf_target_seconds=0,
        demo_launcher=lambda: holder.append(launch_demo_window(real, tmp_path / "demo")),
    )
    qtbot.addWidget(real.window)
    real.window.show()
    real.start()
    try:
        qtbot.mouseClick(real.unlock_page.demo_button, LEFT)
        demo = holder[0]
        qtbot.addWidget(demo.window)
        section = _trainer(demo)
        row = section.session.scenario_ids.index("h2a-farmworker")
        section.scenario_list.setCurrentRow(row)
        qtbot.mouseClick(section.next_button, LEFT)
        qtbot.mouseClick(section.next_button, LEFT)
        qtbot.waitUntil(lambda: not section.busy, timeout=20000)
        qtbot.mouseClick(section.presenter_button, LEFT)
        assert presenter_mode_active()
        bar = section.step_scroll.verticalScrollBar()
        qtbot.waitUntil(lambda: bar.maximum() > 0)
        bar.setValue(bar.maximum() // 2 or 1)
        scrolled = bar.value()
        assert section.position() == 1 and section.step_heading.text().startswith("Step 2 of")

        # The switch is made in the real window; the demo window is not reopened.
        real.switch_language(SPANISH)

        assert current_language() == SPANISH
        assert demo.window.isVisible()
        follows = _trainer(demo)
        assert follows.session.current_id == "h2a-farmworker"
        assert follows.position() == 1  # step 2 is kept
        assert follows.step_heading.text().startswith("Paso 2 de")
        assert follows.presenter_button.isChecked() and presenter_mode_active()
        assert follows.presenter_button.text() == "Salir del modo presentación"
        new_bar = follows.step_scroll.verticalScrollBar()
        qtbot.waitUntil(lambda: new_bar.value() == scrolled)
        banner = demo.window.banner
        assert banner is not None and banner.text().startswith("DEMO: casos ficticios")
        english = english_sources()
        assert english_left(demo.window, "demo window", english) == []
        assert english_left(real.window, "real window", english) == []

        # Locked, the demo's unlock page says its passphrase once, in Spanish.
        demo.lock("test")
        hints = [w for w in demo.unlock_page.findChildren(QLabel) if w.isVisible()]
        assert sum("Frase de contraseña de la demostración" in w.text() for w in hints) == 1
        demo.window.close()
    finally:
        real.shutdown()


def test_passphrases_typed_on_the_first_run_page_survive_a_switch(
    qtbot, tmp_path: Path, spanish: None
) -> None:
    controller = build_controller(
        tmp_path / "new", Settings(automatic_backups=False, language=ENGLISH), kdf_target_seconds=0
    )
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.start()
    controller.welcome.setup_button.click()
    setup = controller.setup
    setup.office.setText("Oficina del Valle")
    setup.user.setText("Marta")
    setup.passphrase.setText("plum tractor quietly 42 harbor")
    setup.repeat.setText("plum tractor quietly 42 harbor")

    controller.switch_language(SPANISH)

    new = controller.window.stack.currentWidget()
    assert new is controller.setup and new is not setup
    assert new.passphrase.text() == "plum tractor quietly 42 harbor"
    assert new.repeat.text() == "plum tractor quietly 42 harbor"
    assert new.office.text() == "Oficina del Valle" and new.user.text() == "Marta"
    assert setup.passphrase.text() == ""  # the old page holds no copy while it waits to go
    assert controller.settings.language == SPANISH
    controller.shutdown()


def test_the_recovery_key_stays_on_screen_through_a_switch(
    qtbot, tmp_path: Path, spanish: None
) -> None:
    """The key is shown only once: a switch made while it is on screen (from another window)
    must not take it away, nor the groups typed to check it."""
    controller = build_controller(
        tmp_path / "new", Settings(automatic_backups=False, language=ENGLISH), kdf_target_seconds=0
    )
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.start()
    key = "-".join(["ABCD", "EFGH", "JKMN", "PQRS", "TVWX", "YZ01", "2345", "6789"])
    old = controller.recovery
    old.show_key(key)
    old.group_fields[0].setText("JKMN")
    controller.window.stack.setCurrentWidget(old)

    apply_language(SPANISH)  # as a switch made in the demo window does

    page = controller.window.stack.currentWidget()
    assert page is controller.recovery and page is not old
    assert page.key_text() == key and "JKMN" in page.key_label.text()
    assert page.group_fields[0].text() == "JKMN"
    assert page.title_label.text() == "Su clave de recuperación"
    assert old.key_text() == "" and old.key_label.text() == ""  # no second copy left behind
    controller.shutdown()
