"""Advocate Companion from launch to the unlock window, measured like startup_bare.py."""

import sys
from pathlib import Path

from advocate_app.hardening import disable_core_dumps
from advocate_app.settings import Settings
from advocate_app.ui.app import build_controller, make_application

disable_core_dumps()
app = make_application(sys.argv[:1])
controller = build_controller(Path(sys.argv[1]), Settings())
controller.window.show()
controller.start()
app.processEvents()
assert controller.window.stack.currentWidget() is controller.unlock_page
controller.shutdown()
sys.exit(0)
