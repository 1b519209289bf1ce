"""The checklist editor: a supervisor renames and retires checklist items, and a broken checklist
file still lets people work; used as a person would, checking what is on screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from advocate_app.store import needs
from advocate_app.store.checklist_file import BUILTIN_DEFAULTS
from advocate_app.store.vault import Vault
from advocate_app.ui.qt import Qt
from advocate_app.ui.settings.checklist_templates import ChecklistTemplateDialog
from tests.ui.needs_helpers import (
    LEFT,
    make_panel,
    model_text,
    template_id,
)

# --------------------------------------------------------------------------- the checklist editor


def test_supervisor_renames_and_retires_checklist_items(
    qtbot, vault: Vault, client_id: int
) -> None:
    shelter = template_id(vault, "housing", "Emergency shelter")
    existing = needs.add_needs_from_template(vault, client_id, [shelter])[0]
    dialog = ChecklistTemplateDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.tree.setCurrentItem(dialog.find_item("Emergency shelter"))
    qtbot.mouseClick(dialog.rename_button, LEFT)
    prompt = dialog.prompt
    assert prompt is not None and prompt.text.text() == "Emergency shelter"
    prompt.text.clear()
    qtbot.keyClicks(prompt.text, "Shelter bed tonight")
    qtbot.mouseClick(prompt.ok, LEFT)
    assert dialog.find_item("Shelter bed tonight") is not None
    assert "keep the old wording" in dialog.status.text()

    dialog.tree.setCurrentItem(dialog.find_item("Rental assistance"))
    qtbot.mouseClick(dialog.retire_button, LEFT)
    assert dialog.find_item("Rental assistance") is None
    dialog.show_retired.setFocus()
    qtbot.keyClick(dialog.show_retired, Qt.Key.Key_Space)
    assert dialog.find_item("Rental assistance (retired)") is not None

    # The client's own need is untouched; new suggestions use the new wording.
    panel = make_panel(qtbot, vault, client_id)
    assert model_text(panel, panel.model.index_for_need(existing), 0) == "Emergency shelter"
    qtbot.mouseClick(panel.add_checklist_button, LEFT)
    housing = panel.add_dialog.tree.topLevelItem(0)
    offered = [housing.child(i).text(0) for i in range(housing.childCount())]
    assert "Shelter bed tonight — already on the list" in offered
    assert not any(text.startswith("Rental assistance") for text in offered)
    panel.add_dialog.reject()


def test_a_broken_checklist_file_still_lets_people_work(
    qtbot, vault: Vault, client_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "assets" / "checklists"
    folder.mkdir(parents=True)
    (folder / "default.toml").write_text(
        '[housing]\nitems = "Emergency shelter"\n', encoding="utf-8"
    )
    monkeypatch.setenv("ADVOCATE_ASSETS_DIR", str(tmp_path / "assets"))

    panel = make_panel(qtbot, vault, client_id)
    qtbot.mouseClick(panel.add_checklist_button, LEFT)
    tree = panel.add_dialog.tree
    assert tree.topLevelItemCount() == 12  # the built-in defaults
    license_group = tree.topLevelItem(1)
    assert [license_group.child(i).text(0) for i in range(license_group.childCount())] == (
        BUILTIN_DEFAULTS["license_id"]
    )
    panel.add_dialog.reject()

    editor = ChecklistTemplateDialog(vault)
    qtbot.addWidget(editor)
    texts = [w.text() for w in editor.findChildren(type(panel.empty))]
    assert any("default.toml, line 2" in t for t in texts)
