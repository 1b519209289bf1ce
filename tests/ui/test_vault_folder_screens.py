"""Start-up on a folder that cannot be written, and on one with an unfinished set-up."""

from __future__ import annotations

import os
from pathlib import Path


def test_a_read_only_vault_is_named_as_such_not_as_damage(
    make_controller, vault_dir: Path, monkeypatch, qtbot
) -> None:
    real_access = os.access

    def access(path, mode, *args, **kwargs):  # type: ignore[no-untyped-def]
        if mode & os.W_OK and str(path).startswith(str(vault_dir)):
            return False  # as a read-only mount or a 0555 folder would answer (root ignores bits)
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    controller = make_controller(vault_dir)
    assert controller.window.stack.currentWidget() is controller.message
    shown = controller.message.text.text()
    assert "cannot be written" in shown
    assert "damaged" not in shown.replace("not damaged", "")


def test_an_unfinished_set_up_goes_back_to_set_up(make_controller, tmp_path: Path, qtbot) -> None:
    folder = tmp_path / "half"
    folder.mkdir()
    (folder / ".setup-incomplete").write_bytes(b"")
    (folder / "vault.db").write_bytes(b"\x01" * 8192)  # a half-made database, no keys file
    controller = make_controller(folder)
    assert controller.window.stack.currentWidget() is controller.welcome
