"""Messages made below the ui (the store's diagnosis of a damaged vault, a reporting period the
app refuses, the reporting fields' checks) reach the screen in Spanish, and follow a switch."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from advocate_app.settings import Settings
from advocate_app.ui.app import build_controller
from advocate_app.ui.controller import AppController
from advocate_app.ui.language import ENGLISH, SPANISH, apply_language
from tests.ui.helpers import unlock


@pytest.fixture
def spanish() -> Iterator[None]:
    yield
    apply_language(ENGLISH)


def _controller(qtbot, folder: Path, language: str) -> AppController:
    controller = build_controller(
        folder, Settings(automatic_backups=False, language=language), kdf_target_seconds=0
    )
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.start()
    return controller


def test_the_damaged_vault_screen_explains_in_spanish_and_follows_a_switch(
    qtbot, vault_dir: Path, spanish: None
) -> None:
    (vault_dir / "vault.keys.json").unlink()
    controller = _controller(qtbot, vault_dir, SPANISH)
    page = controller.damaged
    qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is page)
    assert page.what.text().startswith("Falta el archivo de claves de la bóveda cifrada")

    controller.switch_language(ENGLISH)

    page = controller.window.stack.currentWidget()
    assert page is controller.damaged
    assert page.what.text().startswith("The vault's keys file (vault.keys.json) is missing")
    controller.shutdown()


def test_reporting_periods_are_named_and_refused_in_spanish(
    qtbot, vault_dir: Path, spanish: None
) -> None:
    controller = _controller(qtbot, vault_dir, SPANISH)
    unlock(qtbot, controller)
    assert controller.shell is not None
    section = controller.shell.show_section("reports")
    qtbot.waitUntil(lambda: section.periods_chosen, timeout=20000)  # type: ignore[attr-defined]
    combo = section.period_combo  # type: ignore[attr-defined]
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names and all(not n.startswith(("Federal FY", "FY", "Calendar year")) for n in names)
    assert any(n.startswith("Año fiscal federal") for n in names)
    assert any(n.startswith("Año calendario") for n in names)
    quarters = section.voca.quarter_combo  # type: ignore[attr-defined]
    assert quarters.count() and quarters.itemText(0).startswith("Año fiscal federal")

    # The period chosen has not ended by the day the summary is counted: refused, in Spanish.
    period = section.period()  # type: ignore[attr-defined]
    section.today = lambda: date(period.end.year - 1, 1, 1)  # type: ignore[attr-defined]
    section.show_button.click()  # type: ignore[attr-defined]
    message = section.message  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "todavía no ha terminado" in message.text(), timeout=20000)
    assert message.text().startswith(period.code)
    controller.shutdown()


def test_period_and_reporting_field_checks_read_in_spanish(qapp, vault, spanish: None) -> None:
    from advocate_app.reports.periods import parse_period
    from advocate_app.store import clients
    from advocate_app.store.errors import InvalidInput
    from advocate_app.store.voca_fields import ReportingFields, set_reporting_fields

    client_id = clients.create_client(
        vault, clients.ClientFields(alias="Rosa M.", intake_date=date(2026, 3, 2))
    )
    apply_language(SPANISH)
    with pytest.raises(ValueError) as bad:
        parse_period("2026-Q9")
    message = bad.value.message  # type: ignore[attr-defined]
    assert message.startswith("'2026-Q9' no es un período") and "(un trimestre fiscal)" in message
    with pytest.raises(InvalidInput) as wrong:
        set_reporting_fields(vault, client_id, ReportingFields(race_ethnicity=("no-such-code",)))
    assert wrong.value.message == "Elija raza u origen étnico de la lista."
    apply_language(ENGLISH)
    assert bad.value.message.startswith("'2026-Q9' is not a period this app reports on")  # type: ignore[attr-defined]
    assert str(bad.value).startswith("'2026-Q9' is not a period")  # the command line's words


def test_a_broken_scenario_file_is_explained_in_spanish(
    qapp, tmp_path: Path, spanish: None
) -> None:
    from advocate_app.demo.scenario import load_scenarios

    (tmp_path / "broken.toml").write_text('id = "Not An Id"\n', encoding="utf-8")
    (tmp_path / "bad-syntax.toml").write_text("id = \n", encoding="utf-8")
    _, errors = load_scenarios(tmp_path)
    assert len(errors) == 2
    apply_language(SPANISH)
    shown = sorted(str(error) for error in errors)
    assert shown[0].startswith("bad-syntax.toml, línea 1") and "no es TOML válido" in shown[0]
    assert "broken.toml" in shown[1] and ("falta" in shown[1] or "no es un id válido" in shown[1])
    apply_language(ENGLISH)  # the same errors read in English after a switch
    shown = sorted(str(error) for error in errors)
    assert shown[0].startswith("bad-syntax.toml, line 1") and "is not valid TOML" in shown[0]
