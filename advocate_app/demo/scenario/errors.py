"""A scenario file that cannot be used, explained for a trainer: the error every loading problem
becomes, and the located error a cross-step check raises during validation."""

from __future__ import annotations

from advocate_app.i18n import QT_TR_NOOP, Marked, message


class ScenarioError(Exception):
    """A scenario file that cannot be used, explained for a trainer.

    ``file`` is the file name only (no folder). ``step`` is 1-based or None when the problem is not
    inside a step. ``field`` is the dotted path of the offending key, e.g.
    ``"steps[3].needs[0].category"`` (the number after ``steps`` is the same 1-based step number;
    entries inside a step count from 0) or ``"client.age_group"``. ``line``/``column`` are set for
    TOML syntax errors and invalid UTF-8.
    """

    def __init__(
        self,
        file: str,
        message: str | Marked,
        *,
        step: int | None = None,
        field: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(file, str(message))
        self.file = file
        self._message = message  # a Marked sentence is read in the language shown
        self.step = step
        self.field = field
        self.line = line
        self.column = column

    @property
    def message(self) -> str:
        return str(self._message)

    @property
    def field_in_step(self) -> str | None:
        """The field path without its ``steps[n]`` prefix, as shown after "step n"."""
        if self.field is None:
            return None
        if self.step is not None:
            prefix = f"steps[{self.step}]"
            if self.field.startswith(prefix):
                rest = self.field[len(prefix) :].lstrip(".")
                return rest or None
        return self.field

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(
                message(QT_TR_NOOP("line {0}, column {1}"), (self.line, self.column))
                if self.column
                else message(QT_TR_NOOP("line {0}"), (self.line,))
            )
        if self.step is not None:
            parts.append(message(QT_TR_NOOP("step {0}"), (self.step,)))
        shown_field = self.field_in_step
        if shown_field:
            parts.append(message(QT_TR_NOOP("field {0}"), (shown_field,)))
        return ", ".join(parts) + ": " + self.message


class LocatedError(ValueError):
    """Raised inside validation for a cross-step problem; carries where it happened.

    pydantic wraps ValueError subclasses and keeps the instance in ctx["error"], so the loader can
    recover the step and field even though the check runs at the scenario's top level.
    """

    def __init__(self, message: str | Marked, step_index: int | None, field: str | None) -> None:
        super().__init__(message)
        self.step_index = step_index
        self.field = field


def quoted(value: object, limit: int = 40) -> str:
    """A value from the file, quoted and shortened, as a message shows it."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f'"{text}"'
