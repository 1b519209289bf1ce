"""Entry script of the frozen app (PyInstaller runs this file as __main__).

A windowed build on Windows has no console: sys.stdout and sys.stderr are None there, and
`--version` or argparse's usage message would crash on them, so they point at os.devnull instead.
"""

from __future__ import annotations

import os
import sys


def _give_streams_a_home() -> None:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


if __name__ == "__main__":
    _give_streams_a_home()
    from advocate_app.cli import main

    sys.exit(main())
