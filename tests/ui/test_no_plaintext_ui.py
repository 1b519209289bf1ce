"""A working session through the screens leaves no client text in any file outside the vault."""

from __future__ import annotations

import logging
from pathlib import Path

from advocate_app.logs import setup_logging
from advocate_app.ui.qt import QFileDialog, Qt
from tests.helpers import scan_for

CANARY_ALIAS = "Canary Wombat"
CANARY_NOTE = "CANARY-UI-NOTE-MARMALADE-5512"


def test_a_session_leaves_no_plaintext(
    unlocked, qtbot, sandbox: Path, tmp_path: Path, monkeypatch
) -> None:
    setup_logging()
    controller = unlocked
    section = controller.shell.show_section("clients")
    qtbot.mouseClick(section.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(section.new_form.alias, CANARY_ALIAS)
    qtbot.keyPress(section.new_form.alias, Qt.Key.Key_Return)
    composer = section.detail.notes.composer
    qtbot.keyClicks(composer.editor, f"{CANARY_NOTE} saved")
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(composer.editor, f"{CANARY_NOTE} left as a draft")
    composer.save_draft()
    controller.shell.search.setText("marmalade")
    controller.shell.search_page.run("marmalade")
    logging.getLogger("advocate_app.test").info("a session happened")
    reports = controller.shell.show_section("reports")
    out = tmp_path / "export" / "summary.pdf"
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **kw: (str(out), ""))
    reports.export()
    qtbot.waitUntil(lambda: out.exists(), timeout=15000)
    controller.lock()
    controller.vault.close()
    controller.vault = None
    hits = scan_for(
        [CANARY_ALIAS, CANARY_NOTE],
        [sandbox, tmp_path / "export", Path.home() / ".config" / "QtProject.conf"],
    )
    assert hits == []
