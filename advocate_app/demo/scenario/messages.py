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


def _describe(value: object) -> str:
    """A value as a trainer would recognise it in the file."""
    if isinstance(value, bool):
        return f"{str(value).lower()} (a true/false value)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {quoted(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, _dt.datetime | _dt.date | _dt.time):
        return f"the date or time {value.isoformat()}"
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


def _plain_message(error: Any) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "missing":
        target = _model_at(loc)
        if target is not None and isinstance(loc[-1], str):
            return f"the required [{_field_path(loc)}] table is missing"
        return f'the required key "{name}" is missing'
    if kind == "extra_forbidden":
        parent = _model_at(loc[:-1])
        allowed = ", ".join(parent.model_fields) if parent is not None else ""
        where = "at the top of the file" if len(loc) == 1 else "here"
        hint = f" (allowed {where}: {allowed})" if allowed else ""
        return f'"{loc[-1]}" is not a key this file understands {where}; check the spelling{hint}'
    if kind == "string_type":
        return f"expected text in quotes, got {_describe(value)}"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number, got {_describe(value)}"
    if kind in {"bool_type", "bool_parsing"}:
        return f"expected true or false, got {_describe(value)}"
    if kind == "list_type":
        hint = (
            f" (write each entry as [[{_field_path(loc)}]], with double brackets)"
            if isinstance(value, dict)
            else ""
        )
        return f"expected a list, got {_describe(value)}{hint}"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"expected a table ([{name}] or {{ ... }}), got {_describe(value)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return (
            f"is too long ({len(value) if isinstance(value, str) else '?'} characters; "
            f"at most {ctx.get('max_length')})"
        )
    if kind == "too_short":
        if loc == ("steps",):
            return (
                f"a scenario needs at least {ctx.get('min_length')} steps; "
                f"this file has {ctx.get('actual_length')}"
            )
        least = ctx.get("min_length")
        noun = "entry" if least == 1 else "entries"
        return f"needs at least {least} {noun}; it has {ctx.get('actual_length')}"
    if kind == "too_long":
        return (
            f"has {ctx.get('actual_length')} entries; at most {ctx.get('max_length')} are allowed"
        )
    if kind == "greater_than_equal":
        if name in {"day", "due_day"}:
            return f"days count from the intake day, so this must be 0 or more, not {value}"
        return f"must be {ctx.get('ge')} or more, not {value}"
    if kind == "less_than_equal":
        return f"must be {ctx.get('le')} or less, not {value}"
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
        return ScenarioError(file, str(located), step=step, field=field)
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
        reason += " (at the end of the file)"
    return ScenarioError(file, f"this is not valid TOML: {reason}", line=line, column=column)
