"""Sentences made below the ui reach a person in Spanish (issue 15): why the checklist file was
not used (kept in the vault as a message id, read in the language shown), the demo vault's
refusals, a broken VOCA form file; and a live switch re-reads the client form's funder
questions and the composer's services."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from advocate_app.store import clients, needs
from advocate_app.store.clients import ClientFields
from advocate_app.store.models import Meta
from advocate_app.store.vault import Vault
from advocate_app.ui.language import ENGLISH, SPANISH, apply_language
from advocate_app.ui.qt import QLabel
from advocate_app.ui.settings.checklist_templates import ChecklistTemplateDialog


@pytest.fixture
def spanish() -> Iterator[None]:
    yield
    apply_language(ENGLISH)


def _broken_checklist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "assets" / "checklists"
    folder.mkdir(parents=True)
    (folder / "default.toml").write_text('[housing]\nitems = "oops"\n', encoding="utf-8")
    monkeypatch.setenv("ADVOCATE_ASSETS_DIR", str(tmp_path / "assets"))


def _labels(dialog: ChecklistTemplateDialog) -> list[str]:
    return [w.text() for w in dialog.findChildren(QLabel)]


def test_the_checklist_problem_seeded_in_english_shows_in_spanish_in_settings(
    qtbot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spanish: None
) -> None:
    _broken_checklist(tmp_path, monkeypatch)
    needs.ensure_template(vault)  # seeded while the app is in English
    monkeypatch.delenv("ADVOCATE_ASSETS_DIR")  # the .qm is found again; the vault keeps the id
    apply_language(SPANISH)
    dialog = ChecklistTemplateDialog(vault)
    qtbot.addWidget(dialog)
    problem = next(t for t in _labels(dialog) if "default.toml" in t)
    assert "default.toml, línea 2:" in problem
    assert '"items" en [housing] debe ser una lista entre corchetes' in problem
    assert "should be a list" not in problem and ", line 2" not in problem

    apply_language(ENGLISH)  # the same stored problem, now read in English
    dialog = ChecklistTemplateDialog(vault)
    qtbot.addWidget(dialog)
    problem = next(t for t in _labels(dialog) if "default.toml" in t)
    assert 'default.toml, line 2: "items" in [housing] should be a list' in problem


def test_words_from_the_checklist_file_are_quoted_as_written_not_translated(
    qapp, tmp_path: Path, spanish: None
) -> None:
    from advocate_app.store.checklist_file import load_default_template

    path = tmp_path / "default.toml"
    path.write_text('[housing]\nitems = ["Other", "Other"]\n', encoding="utf-8")
    _, error = load_default_template(path)
    assert error is not None
    apply_language(SPANISH)  # "Other" has a translation elsewhere in the app: not used here
    assert str(error.marked) == 'default.toml, línea 2: "Other" aparece dos veces en [housing]'


def test_an_older_vaults_english_checklist_problem_is_shown_as_it_is(
    qtbot, vault: Vault, spanish: None
) -> None:
    needs.ensure_template(vault)
    old = "default.toml, line 5: this is not valid TOML: Expected ']'"
    with vault.write() as s:
        s.add(Meta(key="checklist_template_problem", value=old))
    apply_language(SPANISH)
    dialog = ChecklistTemplateDialog(vault)
    qtbot.addWidget(dialog)
    assert any(old in t for t in _labels(dialog))


def test_the_demo_vault_refuses_a_folder_in_spanish(qapp, tmp_path: Path, spanish: None) -> None:
    from advocate_app.demo.vault import NotADemoVault, open_demo_vault

    folder = tmp_path / "someone"
    folder.mkdir()
    (folder / "letter.txt").write_text("kept", encoding="utf-8")
    with pytest.raises(NotADemoVault) as refused:
        open_demo_vault(folder)
    apply_language(SPANISH)
    assert refused.value.message.startswith("Esta carpeta contiene otros archivos")
    assert (folder / "letter.txt").read_text(encoding="utf-8") == "kept"
    apply_language(ENGLISH)
    assert refused.value.message.startswith("This folder holds other files")


def test_a_broken_voca_form_file_is_explained_in_spanish(
    qapp, tmp_path: Path, spanish: None
) -> None:
    from advocate_app.store.pmt_form import FormFileProblem, load_form_file, parse_form

    (tmp_path / "pmt.toml").write_text("[form\n", encoding="utf-8")
    with pytest.raises(FormFileProblem) as not_toml:
        load_form_file(tmp_path / "pmt.toml")
    with pytest.raises(FormFileProblem) as no_table:
        parse_form({"form": {"federal_fiscal_year": 2026}, "questions": [{"id": "q1"}]})
    apply_language(SPANISH)
    assert not_toml.value.message.startswith("El archivo del formulario VOCA pmt.toml no es TOML")
    assert no_table.value.message == "[[questions]] entrada 1: 'figure' debe ser un texto no vacío."
    apply_language(ENGLISH)
    assert str(no_table.value) == "[[questions]] entry 1: 'figure' must be a non-empty text."


def test_a_live_switch_shows_the_funder_questions_and_services_in_spanish(
    qtbot, unlocked, spanish: None
) -> None:
    client_id = clients.create_client(unlocked.vault, ClientFields(alias="Rosa M."))
    section = unlocked.shell.show_section("clients")
    section.new_client()
    assert section.new_form.funder.gender.currentText() == "Not asked"
    section.open_client(client_id, "notes")

    unlocked.switch_language(SPANISH)

    section = unlocked.shell.show_section("clients")
    section.new_client()
    funder = section.new_form.funder
    assert funder.gender.itemText(2) == "Hombre o niño"
    names = [funder.types.item(r).text() for r in range(funder.types.count())]
    assert "Trata laboral" in names and "Labor trafficking" not in names
    detail = section.open_client(client_id, "notes")
    services = detail.notes.composer.services
    assert services.tree.topLevelItem(0).text(0) == "Información y referidos"


def test_a_broken_voca_form_file_reaches_reports_in_spanish(
    qtbot, unlocked, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spanish: None
) -> None:
    from advocate_app.store.pmt_form import load_form_file
    from advocate_app.ui.reports import voca_view

    broken = tmp_path / "pmt_fy2026.toml"
    broken.write_text("[form]\nfederal_fiscal_year = 2026\n", encoding="utf-8")

    def counting_from_the_broken_file(*_args: object, **_kwargs: object) -> None:
        load_form_file(broken)

    monkeypatch.setattr(voca_view, "quarter_figures", counting_from_the_broken_file)
    unlocked.switch_language(SPANISH)
    section = unlocked.shell.show_section("reports")
    section.tabs.setCurrentWidget(section.voca)
    view = section.voca
    view.show_figures()
    expected = "El archivo del formulario no tiene [[questions]]."
    qtbot.waitUntil(lambda: view.message.text() == expected, timeout=15000)
