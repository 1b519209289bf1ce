"""Marking text for translation below the ui (store, reports, library), without Qt.

`QT_TR_NOOP("Met")` returns its text unchanged; Qt's extractor (pyside6-lupdate) sees the call
and puts the literal in assets/translations/advocate_es.ts, so the ui can translate it at display
with `tr(value)` (ui.qt.tr_marked). The store keeps the English: nothing stored changes with the
language.
"""

from __future__ import annotations


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 (the name is what lupdate looks for)
    return text
