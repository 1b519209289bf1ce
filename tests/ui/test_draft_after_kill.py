"""Type a note, kill the app with SIGKILL, start again: the text is back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from advocate_app.store import clients
from advocate_app.store.clients import ClientFields
from advocate_app.store.vault import Vault
from tests.helpers import PASSPHRASE
from tests.ui.helpers import unlock

CHILD = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from advocate_app.settings import Settings
    from advocate_app.store import drafts
    from advocate_app.ui.app import build_controller, make_application

    folder, client_id = Path(sys.argv[1]), int(sys.argv[2])
    passphrase = sys.stdin.readline().rstrip("\\n")
    app = make_application([])
    controller = build_controller(folder, Settings(), kdf_target_seconds=0)
    controller.window.show()
    controller.start()
    controller.vault.unlock(controller.vault.users_for_unlock()[0].id, passphrase)
    controller.enter_shell()
    section = controller.shell.show_section("clients")
    detail = section.open_client(client_id)
    QTest.keyClicks(detail.notes.composer.editor, "Typed before the power cut")
    key = f"note:new:client={client_id}"
    started = time.monotonic()

    def check() -> None:
        # READY once the composer's own autosave has written the draft into the vault.
        if drafts.load_draft(controller.vault, key) is not None:
            print("READY", flush=True)
            poll.stop()
        elif time.monotonic() - started > 20:
            print("NO DRAFT", flush=True)
            poll.stop()

    poll = QTimer()
    poll.timeout.connect(check)
    poll.start(50)
    app.exec()  # until the parent's SIGKILL
    """
)


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_draft_survives_a_kill(vault_dir: Path, make_controller, qtbot) -> None:
    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        client_id = clients.create_client(vault, ClientFields(alias="Killed Session"))

    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(vault_dir), str(client_id)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            child.stdin.write(PASSPHRASE + "\n")
            child.stdin.flush()
            deadline = time.monotonic() + 60
            line = ""
            while time.monotonic() < deadline and line.strip() not in ("READY", "NO DRAFT"):
                line = child.stdout.readline()
                if not line and child.poll() is not None:
                    break
            assert "READY" in line, child.stderr.read() if child.poll() is not None else ""
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
        finally:
            if child.poll() is None:  # never leave a looping child behind a failed assert
                child.kill()

    controller = make_controller(vault_dir)  # the lock file was released with the process
    unlock(qtbot, controller)
    section = controller.shell.show_section("clients")
    detail = section.open_client(client_id)
    assert detail.notes.composer.editor.toPlainText() == "Typed before the power cut"
    assert controller.vault.integrity_problems() == []
