"""The trainer's screen in demo mode: pick a scenario, step it forward and back, discuss.

The scenario list and the steps are in the middle, the selected step on the right: its title
and the discussion prompt in large, calm text, what the step wrote into the demo record, and
the controls. Writing a step into the demo vault runs off the GUI thread; the prompt changes at
once, and quick presses of Next coalesce into one jump.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from advocate_app.demo.engine import DemoSession
from advocate_app.demo.scenario import Scenario
from advocate_app.store.errors import VaultError, VaultLocked
from advocate_app.ui.demo.presenter import (
    PROMPT_BOX_STYLE,
    PROMPT_SCALE,
    SCENARIO_TITLE_SCALE,
    STEP_TITLE_SCALE,
    presenter_mode_active,
    scale_text,
    set_presenter_mode,
)
from advocate_app.ui.demo.step_text import step_texts
from advocate_app.ui.demo.wrapping_list import wrap_items
from advocate_app.ui.operation import Operation
from advocate_app.ui.qt import (
    QEvent,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QShortcut,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
)
from advocate_app.ui.roles import KEY_ROLE
from advocate_app.ui.shell import Section
from advocate_app.ui.widgets import (
    confirm,
    label,
    primary_button,
    scroll_when_laid_out,
    set_message,
    status_line,
)

log = logging.getLogger(__name__)


class TrainerSection(Section):
    open_client = Signal(int)  # the selected scenario's client id in the demo vault
    changed = Signal()  # the demo vault was rewritten: lists and open records should refresh
    reset_demo_requested = Signal()  # confirmed by the trainer; the window rebuilds the vault

    def __init__(
        self,
        session: DemoSession,
        *,
        problems: Sequence[object] = (),  # errors and messages, read in the language shown
        presenter_scale: float = 1.6,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = tr("Trainer")  # at build time, in the language then chosen
        self.session = session
        self.presenter_scale = presenter_scale
        # (scenario id, step index): asked for but not started / being written right now.
        self._wanted: tuple[str, int] | None = None
        self._inflight: tuple[str, int] | None = None
        self.setStyleSheet(PROMPT_BOX_STYLE)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter)

        # --- the lists: scenarios, then the selected scenario's steps ------------------------
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(12, 12, 6, 12)
        lv.addWidget(label(tr("Scenarios"), "title", wrap=False))
        self.scenario_list = QListWidget()
        self.scenario_list.setAccessibleName(tr("Scenarios"))
        self.scenario_list.setAccessibleDescription(
            tr("The training cases, all fictional. Choosing one shows its steps and its story.")
        )
        wrap_items(self.scenario_list)
        for scenario in session.scenarios:
            item = QListWidgetItem(scenario.title)
            item.setData(KEY_ROLE, scenario.id)
            item.setToolTip(scenario.summary)
            self.scenario_list.addItem(item)
        lv.addWidget(self.scenario_list, 2)
        self.problems = label("", "hint")
        self.problems.setVisible(bool(problems))
        if problems:
            self.problems.setText(
                tr("These scenario files could not be used:")
                + "\n"
                + "\n".join(str(problem) for problem in problems)
            )
        lv.addWidget(self.problems)
        steps_title = label(tr("&Steps"), "subtitle", wrap=False)
        steps_title.setTextFormat(Qt.TextFormat.PlainText)
        lv.addWidget(steps_title)
        self.step_list = QListWidget()
        self.step_list.setAccessibleName(tr("Steps: choose one to jump to it"))
        self.step_list.setAccessibleDescription(
            tr("The scenario's steps in order; choosing one writes the demo record up to it.")
        )
        wrap_items(self.step_list)
        steps_title.setBuddy(self.step_list)
        lv.addWidget(self.step_list, 3)
        self.reset_all_button = QPushButton(tr("Reset the whole demo…"))
        self.reset_all_button.setToolTip(tr("Delete the demo vault and start a fresh one"))
        lv.addWidget(self.reset_all_button)
        splitter.addWidget(left)

        # --- the selected step -----------------------------------------------------------------
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(18, 12, 18, 12)
        rv.setSpacing(8)
        head = QHBoxLayout()
        self.scenario_title = label("")
        self.scenario_title.setAccessibleName(tr("Scenario"))
        head.addWidget(self.scenario_title, 1)
        self.presenter_button = QPushButton(tr("Presenter mode"))
        self.presenter_button.setCheckable(True)
        self.presenter_button.setToolTip(tr("Larger text everywhere, for a projector"))
        self.presenter_button.setAccessibleName(tr("Presenter mode"))
        head.addWidget(self.presenter_button, 0, Qt.AlignmentFlag.AlignTop)
        rv.addLayout(head)
        self.summary = label("")
        rv.addWidget(self.summary)
        self.notice = label("", "hint")
        self.notice.setAccessibleName(tr("Fictional notice"))
        rv.addWidget(self.notice)

        content = QWidget()
        cv = QVBoxLayout(content)
        cv.setContentsMargins(0, 8, 6, 8)
        cv.setSpacing(10)
        self.step_heading = label("", "hint", wrap=False)
        cv.addWidget(self.step_heading)
        self.step_title = label("")
        self.step_title.setAccessibleName(tr("Step"))
        cv.addWidget(self.step_title)
        self.prompt_box = QFrame()
        self.prompt_box.setObjectName("PromptBox")
        pv = QVBoxLayout(self.prompt_box)
        pv.setContentsMargins(18, 14, 18, 14)
        self.prompt_caption = label(tr("For discussion"), "hint", wrap=False)
        pv.addWidget(self.prompt_caption)
        self.prompt = label("")
        self.prompt.setAccessibleName(tr("Discussion prompt"))
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        pv.addWidget(self.prompt)
        cv.addWidget(self.prompt_box)
        self.adds_caption = label("", "subtitle", wrap=False)
        cv.addWidget(self.adds_caption)
        self.adds = label("")
        self.adds.setAccessibleName(tr("What this step records"))
        cv.addWidget(self.adds)
        self.goals_caption = label(tr("Learning goals"), "subtitle", wrap=False)
        cv.addWidget(self.goals_caption)
        self.goals = label("")
        self.goals.setAccessibleName(tr("Learning goals"))
        cv.addWidget(self.goals)
        cv.addStretch(1)
        self.step_scroll = QScrollArea()
        self.step_scroll.setAccessibleName(tr("Demo step"))
        self.step_scroll.setWidgetResizable(True)
        self.step_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.step_scroll.setWidget(content)
        rv.addWidget(self.step_scroll, 1)

        self.status = status_line("", "hint")
        self.status.setAccessibleName(tr("Demo status"))
        rv.addWidget(self.status)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(tr("◀ Back"))
        self.back_button.setToolTip(tr("One step back (Alt+Left or Page Up)"))
        self.back_button.setAccessibleName(tr("Back one step"))
        self.next_button = primary_button(tr("Next ▶"))
        self.next_button.setToolTip(tr("One step forward (Alt+Right or Page Down)"))
        self.next_button.setAccessibleName(tr("Go to the next step"))
        self.open_button = QPushButton(tr("Open this client"))
        self.open_button.setToolTip(tr("Show the demo client's record in Clients"))
        self.reset_button = QPushButton(tr("Reset this scenario"))
        self.reset_button.setToolTip(tr("Back to the beginning: the client alone, before step 1"))
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        rv.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([300, 940])

        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.open_button.clicked.connect(self._open_client)
        self.reset_button.clicked.connect(self.reset_scenario)
        self.reset_all_button.clicked.connect(self.reset_whole_demo)
        self.presenter_button.toggled.connect(self._presenter_toggled)
        self.scenario_list.currentRowChanged.connect(self._scenario_row_changed)
        self.step_list.currentRowChanged.connect(self._step_row_changed)
        # Presentation clickers send Page Up / Page Down; Alt+arrows read like a browser.
        for keys, slot in (
            ("Alt+Right", self.next),
            ("PgDown", self.next),
            ("Alt+Left", self.back),
            ("PgUp", self.back),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self.presenter_button.blockSignals(True)
        self.presenter_button.setChecked(presenter_mode_active())
        self.presenter_button.blockSignals(False)
        self._presenter_text()
        self._apply_fonts()
        if session.scenarios:
            current = session.current_id or session.scenario_ids[0]
            self.scenario_list.setCurrentRow(session.scenario_ids.index(current))
        else:
            self._show_nothing_to_play()
        self._update_controls()

    # --- what is shown ---------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A step is being written, or waiting to be."""
        return self._inflight is not None or self._wanted is not None

    def current_scenario(self) -> Scenario | None:
        return self.session.current

    def position(self, scenario_id: str | None = None) -> int:
        """The step the trainer asked for last (shown at once, even before it is written)."""
        key = scenario_id or self.session.current_id
        if key is None:
            return -1
        for job in (self._wanted, self._inflight):
            if job is not None and job[0] == key:
                return job[1]
        return self.session.step_index(key)

    def _scenario_row_changed(self, row: int) -> None:
        if row < 0:
            return
        scenario_id = self.scenario_list.item(row).data(KEY_ROLE)
        scenario = self.session.select(scenario_id)
        self.scenario_title.setText(scenario.title)
        self.summary.setText(scenario.summary)
        self.notice.setText(scenario.fictional_notice)
        self.goals.setText("\n".join(f"• {goal}" for goal in scenario.learning_goals))
        self.step_list.blockSignals(True)
        self.step_list.clear()
        self.step_list.addItem(
            QListWidgetItem(tr("Before step 1 — {0} alone").format(scenario.client.alias))
        )
        for number, step in enumerate(scenario.steps, start=1):
            self.step_list.addItem(QListWidgetItem(f"{number}. {step.title}"))
        self.step_list.blockSignals(False)
        self._show_step()
        pending = {job[0] for job in (self._wanted, self._inflight) if job is not None}
        if not self.session.is_written(scenario_id) and scenario_id not in pending:
            # A step cut short (the vault was locked mid-write): write it again.
            self.go_to(self.position(), force=True)

    def _show_step(self) -> None:
        scenario = self.session.current
        if scenario is None:
            return
        index = self.position()
        self.step_list.blockSignals(True)
        self.step_list.setCurrentRow(index + 1)
        self.step_list.blockSignals(False)
        shown = step_texts(scenario, index, self.session.intake_date(scenario.id))
        self.step_heading.setText(shown.heading)
        self.step_title.setText(shown.title)
        self.prompt_caption.setText(shown.caption)
        self.prompt.setText(shown.prompt)
        self.adds_caption.setText(shown.adds_caption)
        self.adds.setText(shown.adds)
        self.step_scroll.verticalScrollBar().setValue(0)
        self._update_controls()

    def _show_nothing_to_play(self) -> None:
        self.scenario_title.setText(tr("No scenarios"))
        self.summary.setText(
            tr(
                "No scenario could be loaded, so there is nothing to play. Check the scenario "
                "files listed on the left."
            )
        )
        for widget in (
            self.notice,
            self.step_heading,
            self.step_title,
            self.prompt_box,
            self.adds_caption,
            self.adds,
            self.goals_caption,
            self.goals,
        ):
            widget.setVisible(False)

    def _update_controls(self) -> None:
        scenario = self.session.current
        index = self.position()
        have = scenario is not None
        self.back_button.setEnabled(have and index > -1)
        self.next_button.setEnabled(
            have and scenario is not None and index < scenario.step_count - 1
        )
        self.open_button.setEnabled(have and not self.busy and self.session.is_written())
        self.reset_button.setEnabled(have)
        self.reset_all_button.setEnabled(not self.busy)
        if self.busy:
            set_message(self.status, tr("Writing the step into the demo vault…"), "hint")

    def _apply_fonts(self) -> None:
        scale_text(self.scenario_title, SCENARIO_TITLE_SCALE, bold=True)
        scale_text(self.step_title, STEP_TITLE_SCALE, bold=True)
        scale_text(self.prompt, PROMPT_SCALE)
        # Wrapped rows keep heights measured with the old font until laid out again.
        for view in (self.scenario_list, self.step_list):
            view.doItemsLayout()

    def changeEvent(self, event: QEvent) -> None:
        # The application font changed (presenter mode, or the system's text size).
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._apply_fonts()
        super().changeEvent(event)

    # --- the trainer's controls -------------------------------------------------------------------

    def next(self) -> None:
        scenario = self.session.current
        if scenario is not None:
            self.go_to(min(self.position() + 1, scenario.step_count - 1))

    def back(self) -> None:
        if self.session.current is not None:
            self.go_to(max(self.position() - 1, -1))

    def go_to(self, index: int, *, force: bool = False) -> None:
        """Show step `index` (-1: before step 1) now, and write it into the demo vault."""
        scenario = self.session.current
        if scenario is None:
            return
        index = max(-1, min(index, scenario.step_count - 1))
        if index == self.position() and not force:
            return
        self._wanted = (scenario.id, index)
        self._show_step()
        self._pump()

    def reset_scenario(self) -> None:
        """Rewrite the beginning even when already there: it also drops anything typed in."""
        self.go_to(-1, force=True)

    def reset_whole_demo(self) -> None:
        if self.busy:
            return
        if confirm(
            self,
            tr("Reset the whole demo?"),
            tr(
                "This deletes the demo vault, with anything typed into it during training, and "
                "starts a fresh one. Every scenario goes back to its beginning. The office's "
                "real vault is not touched."
            ),
            tr("Reset the whole demo"),
        ):
            self.reset_demo_requested.emit()

    def _open_client(self) -> None:
        if self.session.current is not None and not self.busy and self.session.is_written():
            self.open_client.emit(self.session.client_id())

    def _step_row_changed(self, row: int) -> None:
        if row >= 0:
            self.go_to(row - 1)

    def _presenter_toggled(self, on: bool) -> None:
        set_presenter_mode(on, self.presenter_scale)
        self._presenter_text()
        self._apply_fonts()

    def _presenter_text(self) -> None:
        self.presenter_button.setText(
            tr("Leave presenter mode")
            if self.presenter_button.isChecked()
            else tr("Presenter mode")
        )

    # --- writing steps off the GUI thread --------------------------------------------------------

    def _pump(self) -> None:
        if self._inflight is not None or self._wanted is None:
            return
        job = self._wanted
        self._wanted = None
        self._inflight = job
        self._update_controls()
        session = self.session

        def work() -> None:
            session.go_to(job[1], scenario_id=job[0])

        # Every failure is the trainer's to see (_finished says what to do next), and nothing
        # is called back into a screen a lock has closed meanwhile.
        Operation(self, work).success(lambda _r: self._finished(None)).on(
            Exception, self._finished
        ).run_in_background()

    def _finished(self, error: BaseException | None) -> None:
        job = self._inflight
        self._inflight = None
        if isinstance(error, VaultLocked):
            # Locked mid-step: the unlock screen says enough; the step is written again when
            # the scenario is next shown.
            self._wanted = None
            set_message(self.status, "", "hint")
            self._show_step()
            return
        if error is not None:
            # Nothing queued after a failure: the trainer decides what to do next.
            self._wanted = None
            self._show_step()
            if isinstance(error, VaultError):
                set_message(
                    self.status,
                    tr(
                        "The step could not be written: {0} Try again, or reset this scenario."
                    ).format(error.message),
                    "error",
                )
            else:
                set_message(
                    self.status,
                    tr(
                        "Something went wrong while writing the step. Try again, or reset this "
                        "scenario."
                    ),
                    "error",
                )
                log.error("demo step failed: %s", type(error).__name__)
            self.changed.emit()
            return
        if self._wanted is not None and self._wanted == job:
            self._wanted = None
        if self._wanted is not None:
            self._pump()
            return
        set_message(self.status, "", "hint")
        self._show_step()
        self.changed.emit()

    # --- Section hooks ---------------------------------------------------------------------------

    def on_show(self) -> None:
        self._apply_fonts()

    def location(self) -> dict[str, object]:
        current = self.session.current_id
        if not current:
            return {}
        return {"scenario": current, "scroll": self.step_scroll.verticalScrollBar().value()}

    def restore_location(self, loc: dict[str, object]) -> None:
        scenario_id = loc.get("scenario")
        if isinstance(scenario_id, str) and scenario_id in self.session.scenario_ids:
            self.scenario_list.setCurrentRow(self.session.scenario_ids.index(scenario_id))
        scroll = loc.get("scroll")
        if isinstance(scroll, int) and scroll > 0:
            scroll_when_laid_out(self.step_scroll.verticalScrollBar(), scroll)


__all__ = ["TrainerSection"]
