"""Marking text for translation below the ui (store, reports, library), without Qt.

`QT_TR_NOOP("Met")` returns its text unchanged; Qt's extractor (pyside6-lupdate) sees the call
and puts the literal in assets/translations/advocate_es.ts, so the ui translates it at display
(ui.qt.tr_marked). The store keeps the English: nothing stored changes with the language.

Messages for a person (VaultError.message and the like) are a marked template plus values:
`translate(template).format(*values)`, read when shown. The ui plugs Qt's look-up in with
`set_translate` (ui.language); without it (the command line, tests of the store) it is English.
"""

from __future__ import annotations

from collections.abc import Callable


def QT_TR_NOOP(text: str) -> str:
    return text


def _english(text: str) -> str:
    return text


_translate: list[Callable[[str], str]] = [_english]


def set_translate(function: Callable[[str], str] | None) -> None:
    _translate[0] = function or _english


def translate(text: str) -> str:
    return _translate[0](text)


def message(template: str, values: tuple[object, ...]) -> str:
    """A marked template translated, then filled (never filled before translating).

    Text values are translated too: they are marked words ("The due date", a category) or
    names the app chose, which have no translation and stay as they are.
    """
    text = translate(template)
    if not values:
        return text
    return text.format(*(translate(v) if isinstance(v, str) else v for v in values))


class MarkedError(Exception):
    """An error a person reads: a marked template and its values, like `message` above.

    `message` translates the template in the language shown, then fills it; `str(exc)` stays
    English. The store's VaultError and the reports' OutputProblem are both.
    """

    def __init__(self, template: str, *values: object) -> None:
        super().__init__(template.format(*values) if values else template)
        self.template = template
        self.values = values

    @property
    def message(self) -> str:
        return message(self.template, self.values)


class Marked:
    """A marked template and its values, translated each time it is shown: a sentence (or a
    piece of one) built below the ui that must follow the interface's language, even after a
    switch. `str()` and formatting give the text in the language of the moment."""

    __slots__ = ("template", "values")

    def __init__(self, template: str, *values: object) -> None:
        self.template = template
        self.values = values

    def __str__(self) -> str:
        return message(self.template, self.values)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"Marked({self.template!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Marked):
            return (self.template, self.values) == (other.template, other.values)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.template, self.values))


class ExplainedValueError(MarkedError, ValueError):
    """Bad input explained for a person, a ValueError as its callers expect: `message` is the
    sentence in the language shown; `str()` stays English (the command line)."""
