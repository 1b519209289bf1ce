"""Benchmarks for the Today view and the anonymized PDF (added as those features land)."""

from __future__ import annotations


def benchmarks(vault, report, timed, ms):  # type: ignore[no-untyped-def]
    return []
