"""`advocate-app --smoke-test`: exercise the whole stack in a throwaway folder and exit 0.

Used by the packaging test on the frozen bundle. It never opens the person's real vault.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from advocate_app.settings import Settings
from advocate_app.store.vault import Vault
from advocate_app.ui.qt import QApplication

SMOKE_PASSPHRASE = "smoke test lantern orchard 42"  # noqa: S105 - a throwaway vault


def _steps(folder: Path) -> list[str]:
    done: list[str] = []
    vault, _recovery = Vault.create(
        folder / "vault",
        office_name="Smoke Test Office",
        user_name="Smoke",
        passphrase=SMOKE_PASSPHRASE,
        kdf_target_seconds=0,
    )
    done.append("vault created and migrated")
    try:
        from advocate_app.ui import smoke_checks

        done.extend(smoke_checks.exercise(vault, folder))
    finally:
        vault.close()
    return done


def run_smoke_test(app: QApplication, *, demo: bool = False) -> int:
    folder = Path(tempfile.mkdtemp(prefix="advocate-smoke-"))
    try:
        done = _steps(folder)
        from advocate_app.ui.app import build_controller

        controller = build_controller(folder / "vault", Settings())
        controller.start()
        vault = controller.vault
        assert vault is not None, "the smoke vault did not open"
        vault.unlock(vault.users_for_unlock()[0].id, SMOKE_PASSPHRASE)
        controller.enter_shell()
        controller.window.show()
        app.processEvents()
        shell = controller.shell
        assert shell is not None
        for key in list(shell.sections):
            shell.show_section(key)
            app.processEvents()
        controller.window.grab()
        controller.lock("smoke test")
        controller.shutdown()
        controller.window.close()
        done.append("main window built, every section shown, locked")
        if demo:
            from advocate_app.ui.smoke_checks import demo_round_trip

            # The test suite plays two scenarios (all of them run in the slow set and the bundle).
            limit = os.environ.get("ADVOCATE_SMOKE_SCENARIOS", "")
            done.extend(demo_round_trip(folder, int(limit) if limit.isdigit() else None))
        for line in done:
            print(f"ok: {line}")
        return 0
    except Exception as exc:  # reported, not raised: the exit code is the verdict
        print(f"smoke test failed: {type(exc).__name__}", file=sys.stderr)
        import traceback

        traceback.print_exc()
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
