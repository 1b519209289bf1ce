"""Process hardening at start: no core dumps that could hold decrypted notes, and every file
the process makes is private to the person's account (umask 077)."""

from __future__ import annotations

import ctypes
import sys

PR_SET_DUMPABLE = 4


def disable_core_dumps() -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # Windows has no resource module
        pass
    if sys.platform.startswith("linux"):
        try:
            # The C library already loaded in this process (find_library would run ldconfig).
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
        except (OSError, AttributeError):
            pass


PRIVATE_UMASK = 0o077


def private_files() -> None:
    """Folders 0700 and files 0600 from the first one made (the vault, its WAL, backups, the
    log, PDFs, the demo vault); the store also sets these modes itself."""
    import os

    os.umask(PRIVATE_UMASK)


def core_dumps_disabled() -> bool:
    try:
        import resource

        return resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)
    except ImportError:
        return True
