"""Advocate Companion: offline, encrypted notes, needs and reference for victim advocates."""

from importlib import metadata

try:
    __version__ = metadata.version("advocate-companion")
except metadata.PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
