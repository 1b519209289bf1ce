"""Advocate Companion from launch to the unlock window, measured like startup_bare.py.

Never touches the person's real folders: run_all points HOME and the XDG folders into a
temporary folder (and says so with ADVOCATE_BENCH_HOME); run by hand, this makes its own.
"""

import os
import sys

sys.dont_write_bytecode = True  # never a __pycache__ in the source tree, even run by hand
if "ADVOCATE_BENCH_HOME" not in os.environ:
    import shutil
    import tempfile

    _home = tempfile.mkdtemp(prefix="advocate-bench-home-")
    for _name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[_name] = _home
else:
    _home = None

from pathlib import Path  # noqa: E402

from advocate_app.hardening import disable_core_dumps  # noqa: E402
from advocate_app.settings import Settings  # noqa: E402
from advocate_app.ui.app import build_controller, make_application  # noqa: E402

disable_core_dumps()
app = make_application(sys.argv[:1])
controller = build_controller(Path(sys.argv[1]), Settings())
controller.window.show()
controller.start()
app.processEvents()
assert controller.window.stack.currentWidget() is controller.unlock_page
# Start-up ends here. Quitting as the bare window does: release the vault, without the closing
# work (saving the window position, with its fsyncs) that is no part of starting.
if controller.vault is not None:
    controller.vault.close()
if _home is not None:
    shutil.rmtree(_home, ignore_errors=True)
sys.exit(0)
