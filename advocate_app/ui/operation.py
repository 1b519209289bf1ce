"""Background work as one object: busy state, the standard error message, and the rest re-raised.

    Operation(self, lambda: users.add_user(vault, name, role)) \\
        .busy(self._set_busy) \\
        .success(self._added) \\
        .failure(lambda text: set_message(self.status, text, "error")) \\
        .run_in_background()

The work runs on a worker thread (ui.worker.run_task); everything else runs on the GUI thread,
and only while the parent widget still exists (a lock may have deleted it meanwhile). An error a
person can act on (a VaultError, an OSError, or a type the caller names with `expect`) reaches
`failure` as a sentence; `on` handles a type the caller treats specially (a damaged vault opens
the damaged screen); anything else is raised again, so the app's excepthook logs it and shows the
"something unexpected" dialog, as for any other bug.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from advocate_app.store.errors import VaultError
from advocate_app.ui.errors import file_error_text
from advocate_app.ui.qt import QObject, is_alive
from advocate_app.ui.worker import run_task

log = logging.getLogger(__name__)

T = TypeVar("T")
E = TypeVar("E", bound=BaseException)

Report = Callable[[int], None]


class Operation(Generic[T]):
    """One piece of background work and what the screen does with its outcome.

    `parent` is the widget the outcome is shown in; None for work whose callbacks outlive any
    one widget (the controller's). Each builder method returns the operation, so calls chain;
    `run_in_background` starts it (once)."""

    def __init__(self, parent: QObject | None, work: Callable[..., T]) -> None:
        self._parent = parent
        self._work: Callable[..., T] | None = work
        self._busy: Callable[[bool], None] | None = None
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[str], None] | None = None
        self._progress: Report | None = None
        self._handlers: list[tuple[tuple[type[BaseException], ...], Callable[[Any], None]]] = []
        self._expected: list[
            tuple[tuple[type[BaseException], ...], Callable[[BaseException], str]]
        ] = []
        self._file_error_text: str | None = None
        self._low_priority = False

    # --- building -------------------------------------------------------------------------

    def busy(self, set_busy: Callable[[bool], None]) -> Operation[T]:
        """Called with True when the work starts and False when it ends, before either
        `success` or `failure` (a disabled button comes back whatever happened)."""
        self._busy = set_busy
        return self

    def success(self, fn: Callable[[T], None]) -> Operation[T]:
        self._success = fn
        return self

    def failure(self, fn: Callable[[str], None]) -> Operation[T]:
        """fn receives the sentence to show: a VaultError's message, the standard text for a
        file that could not be read or written, or what `expect` made of a named type."""
        self._failure = fn
        return self

    def expect(
        self, *types: type[BaseException], text: Callable[[BaseException], str] | None = None
    ) -> Operation[T]:
        """More error types a person can act on, shown through `failure` as text(error)."""
        self._expected.append((types, text or _person_text))
        return self

    def file_error(self, text: str) -> Operation[T]:
        """What an OSError says for this work, instead of the standard sentence."""
        self._file_error_text = text
        return self

    def on(
        self, types: type[E] | tuple[type[E], ...], handler: Callable[[E], None]
    ) -> Operation[T]:
        """Errors of these types go to handler (checked in the order given, before `failure`)."""
        self._handlers.append((types if isinstance(types, tuple) else (types,), handler))
        return self

    def progress(self, report: Report) -> Operation[T]:
        """The work is called with a report(percent) callable; report runs on the GUI thread
        while the parent exists."""
        self._progress = report
        return self

    def low_priority(self) -> Operation[T]:
        """Run on the one thread for work nobody waits for (ui.worker.low_priority_pool)."""
        self._low_priority = True
        return self

    # --- running --------------------------------------------------------------------------

    def run_in_background(self) -> None:
        work, self._work = self._work, None
        if work is None:
            raise RuntimeError("an operation runs once")
        if self._busy is not None:
            self._busy(True)
        on_progress = None
        if self._progress is not None:
            report = self._progress

            def on_progress(percent: int) -> None:
                if self._alive():
                    report(percent)

        run_task(
            work, self._done, self._failed, on_progress=on_progress, low_priority=self._low_priority
        )

    def _alive(self) -> bool:
        return self._parent is None or is_alive(self._parent)

    def _done(self, result: T) -> None:
        if not self._alive():
            return  # the screen that asked is gone: nothing to show the result in
        if self._busy is not None:
            self._busy(False)
        if self._success is not None:
            self._success(result)

    def _failed(self, exc: BaseException) -> None:
        if not self._alive():
            if self.message_for(exc) is None and not self._handled(exc):
                raise exc
            log.info("background work ended after its screen closed (%s)", type(exc).__name__)
            return
        if self._busy is not None:
            self._busy(False)
        for types, handler in self._handlers:
            if isinstance(exc, types):
                handler(exc)
                return
        text = self.message_for(exc) if self._failure is not None else None
        if text is None or self._failure is None:
            raise exc
        self._failure(text)

    def _handled(self, exc: BaseException) -> bool:
        return any(isinstance(exc, types) for types, _handler in self._handlers)

    def message_for(self, exc: BaseException) -> str | None:
        """The sentence for an error a person can act on; None for anything else."""
        for types, text in self._expected:
            if isinstance(exc, types):
                return text(exc)
        if isinstance(exc, VaultError):
            return exc.message
        if isinstance(exc, OSError):
            return self._file_error_text or file_error_text()
        return None


def _person_text(exc: BaseException) -> str:
    """An error's own sentence: its translated `message` when it has one (store and report
    errors), else its text."""
    text = getattr(exc, "message", None)
    return text if isinstance(text, str) else str(exc)


__all__ = ["Operation"]
