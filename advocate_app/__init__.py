"""Advocate Companion: offline, encrypted notes, needs and reference for victim advocates."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Looked up on demand: reading package metadata costs start-up time the window should have.
    if name == "__version__":
        from importlib import metadata

        try:
            return metadata.version("advocate-companion")
        except metadata.PackageNotFoundError:  # a source tree that was not installed
            return "0.0.0"
    raise AttributeError(name)
