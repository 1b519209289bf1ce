"""Trainer error messages: a pydantic validation error or a TOML syntax error turned into one
ScenarioError that says, in a trainer's words, what is wrong and where (step, field, line)."""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
import types
import typing
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import BaseModel, ValidationError

from advocate_app.demo.scenario.errors import LocatedError, ScenarioError, quoted
from advocate_app.demo.scenario.model import Scenario
from advocate_app.i18n import QT_TR_NOOP, Marked


def _describe(value: object) -> str | Marked:
    """A value as a trainer would recognise it in the file."""
    if isinstance(value, bool):
        return Marked(QT_TR_NOOP("{0} (a true/false value)"), str(value).lower())
    if isinstance(value, int | float):
        return Marked(QT_TR_NOOP("the number {0}"), value)
    if isinstance(value, str):
        return Marked(QT_TR_NOOP("the text {0}"), quoted(value))
    if isinstance(value, list):
        return Marked(QT_TR_NOOP("a list"))
    if isinstance(value, dict):
        return Marked(QT_TR_NOOP("a table"))
    if isinstance(value, _dt.datetime | _dt.date | _dt.time):
        return Marked(QT_TR_NOOP("the date or time {0}"), value.isoformat())
    return type(value).__name__


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated, Optional and list[...] to reach a model class (or a plain type)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        elif origin is list:
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def _model_at(loc: Iterable[int | str]) -> type[BaseModel] | None:
    """The schema class reached by following a pydantic error location from Scenario."""
    current: Any = Scenario
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def _field_path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for position, part in enumerate(loc):
        if isinstance(part, int):
            # The step number matches ScenarioError.step (1-based); inner entries count from 0.
            shown = part + 1 if position == 1 and loc[0] == "steps" else part
            text += f"[{shown}]"
        else:
            text += ("." if text else "") + part
    return text


def _plain_message(error: Any) -> str | Marked:
    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if kind == "value_error":
        found = ctx.get("error")
        if isinstance(found, ValueError) and found.args and isinstance(found.args[0], Marked):
            return found.args[0]
        return str(found if found is not None else error["msg"])
    if kind == "missing":
        target = _model_at(loc)
        if target is not None and isinstance(loc[-1], str):
            return Marked(QT_TR_NOOP("the required [{0}] table is missing"), _field_path(loc))
        return Marked(QT_TR_NOOP('the required key "{0}" is missing'), name)
    if kind == "extra_forbidden":
        parent = _model_at(loc[:-1])
        allowed = ", ".join(parent.model_fields) if parent is not None else ""
        if len(loc) == 1:
            return Marked(
                QT_TR_NOOP(
                    '"{0}" is not a key this file understands at the top of the file; check the '
                    "spelling (allowed at the top of the file: {1})"
                ),
                str(loc[-1]),
                allowed,
            )
        return Marked(
            QT_TR_NOOP(
                '"{0}" is not a key this file understands here; check the spelling (allowed '
                "here: {1})"
            ),
            str(loc[-1]),
            allowed,
        )
    if kind == "string_type":
        return Marked(QT_TR_NOOP("expected text in quotes, got {0}"), _describe(value))
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return Marked(QT_TR_NOOP("expected a whole number, got {0}"), _describe(value))
    if kind in {"bool_type", "bool_parsing"}:
        return Marked(QT_TR_NOOP("expected true or false, got {0}"), _describe(value))
    if kind == "list_type":
        if isinstance(value, dict):
            return Marked(
                QT_TR_NOOP(
                    "expected a list, got {0} (write each entry as [[{1}]], with double brackets)"
                ),
                _describe(value),
                _field_path(loc),
            )
        return Marked(QT_TR_NOOP("expected a list, got {0}"), _describe(value))
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return Marked(
            QT_TR_NOOP("expected a table ([{0}] or {{ ... }}), got {1}"), name, _describe(value)
        )
    if kind == "string_too_short":
        return Marked(QT_TR_NOOP("must not be empty"))
    if kind == "string_too_long":
        return Marked(
            QT_TR_NOOP("is too long ({0} characters; at most {1})"),
            len(value) if isinstance(value, str) else "?",
            ctx.get("max_length"),
        )
    if kind == "too_short":
        if loc == ("steps",):
            return Marked(
                QT_TR_NOOP("a scenario needs at least {0} steps; this file has {1}"),
                ctx.get("min_length"),
                ctx.get("actual_length"),
            )
        least = ctx.get("min_length")
        if least == 1:
            return Marked(
                QT_TR_NOOP("needs at least 1 entry; it has {0}"), ctx.get("actual_length")
            )
        return Marked(
            QT_TR_NOOP("needs at least {0} entries; it has {1}"), least, ctx.get("actual_length")
        )
    if kind == "too_long":
        return Marked(
            QT_TR_NOOP("has {0} entries; at most {1} are allowed"),
            ctx.get("actual_length"),
            ctx.get("max_length"),
        )
    if kind == "greater_than_equal":
        if name in {"day", "due_day"}:
            return Marked(
                QT_TR_NOOP("days count from the intake day, so this must be 0 or more, not {0}"),
                value,
            )
        return Marked(QT_TR_NOOP("must be {0} or more, not {1}"), ctx.get("ge"), value)
    if kind == "less_than_equal":
        return Marked(QT_TR_NOOP("must be {0} or less, not {1}"), ctx.get("le"), value)
    return str(error["msg"])


def from_validation_error(file: str, exc: ValidationError) -> ScenarioError:
    """The first problem pydantic found, located (step, field) and explained."""
    first = exc.errors()[0]
    located = (first.get("ctx") or {}).get("error")
    if isinstance(located, LocatedError):
        step = located.step_index + 1 if located.step_index is not None else None
        field = located.field
        if step is not None:
            field = f"steps[{step}]" + (f".{field}" if field else "")
        text = located.args[0] if located.args else str(located)
        return ScenarioError(file, text, step=step, field=field)
    loc = tuple(first["loc"])
    step = None
    if len(loc) >= 2 and loc[0] == "steps" and isinstance(loc[1], int):
        step = loc[1] + 1
    return ScenarioError(
        file, _plain_message(first), step=step, field=_field_path(loc) if loc else None
    )


def toml_error(file: str, text: str, exc: tomllib.TOMLDecodeError) -> ScenarioError:
    """A TOML syntax error with its line and column."""
    message = str(exc)
    match = re.search(r"\s*\(at line (\d+), column (\d+)\)\s*$", message)
    if match:
        line, column = int(match.group(1)), int(match.group(2))
        reason = message[: match.start()]
    else:
        reason = re.sub(r"\s*\(at end of document\)\s*$", "", message)
        line, column = text.count("\n") + 1, None
        return ScenarioError(
            file,
            Marked(QT_TR_NOOP("this is not valid TOML: {0} (at the end of the file)"), reason),
            line=line,
        )
    return ScenarioError(
        file, Marked(QT_TR_NOOP("this is not valid TOML: {0}"), reason), line=line, column=column
    )
