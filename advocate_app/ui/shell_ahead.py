"""The shell built before the vault answers (issue 21).

The unlocked window's frame and Today's page need nothing from the vault to be built, only to
be filled: so they are built ahead, one step per turn of the event loop (a key or a paint
waits at most one step), into a shell not shown yet. That starts once the warm-up is done,
while the passphrase is still being typed (AppController.prepare_shell_ahead), or at Enter if
it comes first, and goes on while the key is derived (about a second, on a worker: then each
step shares the processor with it). Unlocking then only names the office and the person and
fills the page.

Steps marked IfTime (the Clients section, the screen most often opened next) come after
the rest and are done only while there is time: when the vault answers first, they are left
for later (the section is then built the first time it is shown, as before).

Nothing in it holds anything from the vault. A prepared shell is used only with the vault and
in the language it was built for; otherwise it is thrown away and the shell built as before.
"""

from __future__ import annotations

from collections.abc import Callable

from advocate_app.ui.main_window import MainWindow
from advocate_app.ui.qt import QTimer
from advocate_app.ui.shell import Shell

Preparer = Callable[[Shell], list[Callable[[], object]]]


class IfTime:
    """A step done only on a turn of its own while the vault has not answered: take() drops
    it rather than make the unlock wait for it."""

    def __init__(self, step: Callable[[], object]) -> None:
        self.step = step

    def __call__(self) -> object:
        return self.step()


class ShellAhead:
    def __init__(
        self,
        window: MainWindow,
        vault: object,
        language: str,
        preparer: Preparer | None,
        wanted: Callable[[], bool] = lambda: True,
    ) -> None:
        self.vault = vault
        # False once the vault it is for is closed or replaced (the window closed while the
        # key was derived): the steps left are dropped with the shell.
        self._wanted = wanted
        self.language = language
        self.shell: Shell | None = None
        self._window = window
        self._preparer = preparer
        self._steps: list[Callable[[], object]] = [
            self._frame,
            self._place,
            self._sections,
            self._polish,
        ]
        self._cancelled = False
        QTimer.singleShot(0, self._next)

    def _frame(self) -> None:
        self.shell = Shell()

    def _place(self) -> None:
        assert self.shell is not None
        self._window.stack.addWidget(self.shell)  # hidden: the unlock page stays in front

    def _sections(self) -> None:
        if self._preparer is not None and self.shell is not None:
            # Ahead of the polish; the steps done only if there is time, after it.
            steps = self._preparer(self.shell)
            self._steps[0:0] = [step for step in steps if not isinstance(step, IfTime)]
            self._steps.extend(step for step in steps if isinstance(step, IfTime))

    def _polish(self) -> None:
        """Style and lay out what was built, as showing it would: the first paint after the
        unlock then only paints."""
        if self.shell is not None:
            self.shell.resize(self._window.stack.size())
            self.shell.ensurePolished()
            layout = self.shell.layout()
            if layout is not None:
                layout.activate()

    def _next(self) -> None:
        if self._cancelled or not self._steps:
            return
        if not self._wanted():
            self.discard()
            return
        self._steps.pop(0)()
        QTimer.singleShot(0, self._next)

    def take(self) -> Shell:
        """The shell, with whatever steps are left done now (the key came first), except those
        done only if there is time."""
        while self._steps:
            step = self._steps.pop(0)
            if not isinstance(step, IfTime):
                step()
        self._cancelled = True
        assert self.shell is not None
        return self.shell

    def discard(self) -> None:
        self._cancelled = True
        self._steps.clear()
        if self.shell is not None:
            self._window.stack.removeWidget(self.shell)
            self.shell.deleteLater()
            self.shell = None


__all__ = ["IfTime", "ShellAhead"]
