"""Today: the home page after unlocking. What needs my attention, and where to go for it.

The page shows at once with its headings and empty lists; the vault is read on a worker thread
and the rows appear when they arrive (the GUI thread never waits for the queries), then
`shown` is emitted. Right after an unlock the rows come with the unlock's answer instead
(read_first, on the unlock's own worker), so the page is never painted empty: the first
FIRST_ROWS of each group, more than a screen shows, painted a group per turn of the event loop
(see _fill_in_turns); the rest are read when a list is scrolled to its end.

Every row opens the client at the right place: `open_client(client_id, place)` where place is
{"tab": "needs", "need_id": n}, {"tab": "appointments", "appointment_id": n} or
{"tab": "notes"}.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from advocate_app.settings import Settings
from advocate_app.store import backup_status, today
from advocate_app.store.backup_status import BackupStatus
from advocate_app.store.errors import VaultError
from advocate_app.store.today import AppointmentRow, NeedRow, QuietClientRow, TodayView
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import APPOINTMENT_KINDS, NEED_CATEGORIES, NEED_STATUSES
from advocate_app.ui import warmup
from advocate_app.ui.backups.texts import automatic_failure_text
from advocate_app.ui.data_language import need_label
from advocate_app.ui.format import fmt_date, fmt_datetime, fmt_time, to_qdate
from advocate_app.ui.operation import Operation
from advocate_app.ui.qt import (
    QGridLayout,
    QHBoxLayout,
    QLocale,
    QModelIndex,
    QPaintEvent,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
    tr,
    tr_marked,
)
from advocate_app.ui.roles import CLIENT_ID_ROLE, PLACE_ROLE
from advocate_app.ui.shell import Section
from advocate_app.ui.today.group import Row, TodayGroup
from advocate_app.ui.widgets import label


def _days_word(days: int) -> str:
    return tr("1 day") if days == 1 else tr("{0} days").format(days)


def _relative_day(day: date, on: date) -> str:
    delta = (day - on).days
    if delta == 0:
        return tr("Today")
    if delta == 1:
        return tr("Tomorrow")
    if delta == -1:
        return tr("Yesterday")
    return fmt_date(day)


@dataclass(frozen=True)
class _Read:
    """What one refresh read from the vault, and its rows' texts, on the worker thread."""

    view: TodayView
    backup: BackupStatus | None  # None: it could not be read (the problem line stays as it was)
    rows: dict[str, list[Row]]  # by group: overdue, due_this_week, upcoming, no_contact


def _read(vault: Vault, user_id: str, on: date, days: int, limit: int = today.ROW_LIMIT) -> _Read:
    try:
        backup = backup_status.status(vault)
    except VaultError:
        backup = None
    view = today.compute(vault, user_id, on, days, limit=limit)
    # The texts too (translations and the locale's dates are safe to read from any thread):
    # the GUI thread only puts them on screen.
    rows = {
        "overdue": [_need_row(r, on, overdue=True) for r in view.overdue],
        "due_this_week": [_need_row(r, on, overdue=False) for r in view.due_this_week],
        "upcoming": [_appointment_row(r, on) for r in view.upcoming],
        "no_contact": [_quiet_row(r, on) for r in view.no_contact],
    }
    return _Read(view, backup, rows)


@dataclass(frozen=True)
class FirstRead:
    """Today read by the unlock's own worker, right after the vault opened: the page is shown
    with its rows in the unlock's answer, painted once, without a second trip to a worker."""

    on: date
    days: int
    found: _Read


# Rows per group read with the unlock: more than a group can show at once on any screen (two
# groups one above the other, a row about 30 pixels), so the first paint is whole. The rest,
# up to today.ROW_LIMIT, are read if a list is scrolled to its end (TodayGroup.more_wanted): at
# 50,000 clients, reading and writing out all 400 rows came to about 20 ms of the wait, and
# reading them on a worker right after the first paint made the GUI thread wait for Python.
FIRST_ROWS = 30

# The first showing paints its groups once the page has begun to paint, or after this long.
PAINT_WAIT_MS = 100


def read_first(
    vault: Vault, settings: Settings, clock: Callable[[], date] = date.today
) -> FirstRead:
    """On the unlock's worker thread: what the page's first showing needs (FIRST_ROWS rows
    per group; the rest are read if a list is scrolled to its end)."""
    on, days = clock(), settings.no_contact_days
    return FirstRead(on, days, _read(vault, vault.current_user.id, on, days, FIRST_ROWS))


def _need_row(row: NeedRow, on: date, overdue: bool) -> Row:
    if overdue:
        late = (on - row.due_date).days
        when = tr("{0} ({1} ago)").format(fmt_date(row.due_date), _days_word(late))
    else:
        when = _relative_day(row.due_date, on)
    category = tr_marked(NEED_CATEGORIES.get(row.category, row.category))
    need = tr("{0} · {1}").format(need_label(row.category, row.label), category)
    status = tr_marked(NEED_STATUSES.get(row.status, row.status))
    return [row.alias, need, when, status], row.client_id, row.open_at


def _appointment_row(row: AppointmentRow, on: date) -> Row:
    day = row.starts_at.date()
    if 0 <= (day - on).days <= 1:  # "Today, 9:30" / "Tomorrow, 14:00"
        when = tr("{0}, {1}").format(_relative_day(day, on), fmt_time(row.starts_at))
    else:
        when = fmt_datetime(row.starts_at, utc=False)
    what = tr_marked(APPOINTMENT_KINDS.get(row.kind, row.kind))
    if row.place:
        what = tr("{0} · {1}").format(what, row.place)
    goes = tr("Yes") if row.accompanied else tr("No")
    return [when, row.alias, what, goes], row.client_id, row.open_at


def _quiet_row(row: QuietClientRow, on: date) -> Row:
    if row.last_contact_at is None:
        last = tr("None recorded yet")
    else:
        last = tr("{0} ({1} ago)").format(
            fmt_date(row.last_contact_at.date()),
            _days_word((on - row.last_contact_at.date()).days),
        )
    return [row.alias, last], row.client_id, row.open_at


class TodaySection(Section):
    open_client = Signal(int, dict)  # client id, where to open it (see the module doc)
    shown = Signal()  # a refresh's rows (or its error) are on the page
    # The four groups (see group_steps).
    overdue: TodayGroup
    due_soon: TodayGroup
    upcoming: TodayGroup
    quiet: TodayGroup

    def __init__(
        self,
        vault: Vault,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], date] = date.today,
        groups_later: bool = False,
    ) -> None:
        super().__init__(parent)
        self.title = tr("Today")  # at build time, in the language then chosen
        self.vault = vault
        self.settings = settings
        self.clock = clock  # tests pass a fixed day
        self.view: TodayView | None = None  # None until the first refresh's rows arrive
        self._refreshes = 0  # only the newest refresh's answer is shown
        self._first_read_started = False
        # Set by begin_reading: the page's first showing (right after the unlock) reads no
        # second time; cleared by that showing or by the read's answer, whichever comes first.
        self._read_for_first_show = False
        # The day and setting of the rows shown, for reading the rest of a first read that had
        # only the first rows (see FIRST_ROWS) when a list is scrolled to its end.
        self._shown_for: tuple[date, int] | None = None
        # The first showing's groups, painted one per turn: started by the page's first paint.
        self._start_after_paint: QTimer | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.setSpacing(12)
        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(label(tr("Today"), "title"))
        self.date_label = label("", "subtitle")
        heading.addWidget(self.date_label)
        top.addLayout(heading, 1)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.setToolTip(tr("Look again for due dates, appointments and contacts"))
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self.summary = label(tr("Looking for what needs your attention…"), "hint")
        outer.addWidget(self.summary)
        self.error = label("", "error")
        self.error.setVisible(False)
        outer.addWidget(self.error)
        self.backup_problem = label("", "notice")
        self.backup_problem.setAccessibleName(tr("Daily backup problem"))
        self.backup_problem.setVisible(False)
        outer.addWidget(self.backup_problem)

        client = (tr("Client"), tr("The client's alias; Enter opens the client."))

        def need_group(
            title: str, when: tuple[str, str], empty: str, description: str
        ) -> TodayGroup:
            headers = [
                client,
                (tr("Need"), tr("The need that has a due date.")),
                when,
                (tr("Status"), tr("Where the need stands now.")),
            ]
            return TodayGroup(title, headers, 1, empty, description)

        def overdue() -> TodayGroup:
            return need_group(
                tr("Overdue"),
                (tr("Was due"), tr("The date the need was due; the longest overdue first.")),
                tr(
                    "Nothing overdue. Due dates you set on a client's needs show up here once "
                    "they pass."
                ),
                tr("One row per need whose due date has passed. Enter opens the client's needs."),
            )

        def due_soon() -> TodayGroup:
            return need_group(
                tr("Due in the next 7 days"),
                (tr("Due"), tr("The date the need is due; the soonest first.")),
                tr(
                    "Nothing due this week. Give a need a due date on the client's Needs tab "
                    "to see it here."
                ),
                tr("One row per need due in the next 7 days. Enter opens the client's needs."),
            )

        def upcoming() -> TodayGroup:
            return TodayGroup(
                tr("Court dates and appointments, next 14 days"),
                [
                    (tr("When"), tr("Date and time it starts; the soonest first.")),
                    client,
                    (tr("What"), tr("What kind it is, such as a court date.")),
                    (tr("Advocate goes"), tr("Whether an advocate goes with the client.")),
                ],
                2,
                tr(
                    "No court dates or appointments in the next 14 days. Add them on a client's "
                    "Appointments tab."
                ),
                tr(
                    "One row per court date or appointment in the next 14 days, soonest first. "
                    "Enter opens the client's appointments."
                ),
            )

        def quiet() -> TodayGroup:
            return TodayGroup(
                tr("No contact in %n day(s)", None, settings.no_contact_days),
                [
                    client,
                    (
                        tr("Last contact"),
                        tr("Date of the last contact note; the longest ago first."),
                    ),
                ],
                1,
                tr(
                    "Everyone assigned to you has been in contact recently. A contact note "
                    "counts as contact."
                ),
                tr(
                    "One row per client of yours with no contact note for that long, with the day "
                    "of the last contact. Enter opens the client's notes."
                ),
            )

        self._grid = QGridLayout()
        self._grid.setSpacing(12)
        self._grid.setColumnStretch(0, 1)
        self._grid.setColumnStretch(1, 1)
        outer.addLayout(self._grid, 1)
        self._makers = [
            ("overdue", overdue),
            ("due_soon", due_soon),
            ("upcoming", upcoming),
            ("quiet", quiet),
        ]
        if not groups_later:
            for step in self.group_steps():
                step()

    def group_steps(self) -> list[Callable[[], object]]:
        """The four groups still to build, one step each (groups_later: a page built while
        the key is derived, a step per turn of the event loop); all built before any use."""

        def step(name: str, make: Callable[[], TodayGroup]) -> Callable[[], object]:
            def build() -> None:
                if hasattr(self, name):
                    return
                group = make()
                setattr(self, name, group)
                number = [n for n, _m in self._makers].index(name)
                self._grid.addWidget(group, number // 2, number % 2)  # two by two
                group.tree.activated.connect(self._activated)
                group.more_wanted.connect(self._read_the_rest)

            return build

        return [step(name, make) for name, make in self._makers]

    def groups(self) -> list[TodayGroup]:
        return [self.overdue, self.due_soon, self.upcoming, self.quiet]

    # --- Section hooks ----------------------------------------------------------------------

    def begin_reading(self, first: FirstRead | None = None) -> None:
        """For a page built before the vault was unlocked: show what the unlock read (when it
        is for this day and these settings), or read now; once."""
        if self._first_read_started:
            return
        self._first_read_started = True
        if (
            first is not None
            and first.on == self.clock()
            and first.days == self.settings.no_contact_days
        ):
            self._refreshes += 1  # an older refresh's answer, if any, is not shown over it
            self._show_date(first.on, first.days)
            self._show(first.found, first.on, in_turns=True)
        else:
            self.refresh()
        self._read_for_first_show = True

    def on_show(self) -> None:
        if self._read_for_first_show:
            self._read_for_first_show = False
            return
        self.refresh()

    # --- content ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Look again: the date at once, the rows when the worker has read them."""
        on = self.clock()
        days = self.settings.no_contact_days
        self._start_read(on, days)
        self._show_date(on, days)

    def _show_date(self, on: date, days: int) -> None:
        self.date_label.setText(QLocale().toString(to_qdate(on), QLocale.FormatType.LongFormat))
        self.quiet.base_title = tr("No contact in %n day(s)", None, days)

    def _start_read(self, on: date, days: int) -> None:
        vault = self.vault
        user_id = vault.current_user.id
        self._refreshes += 1
        number = self._refreshes

        def arrived(found: _Read) -> None:
            self._read_for_first_show = False
            if number == self._refreshes:
                self._show(found, on)

        def failed(text: str) -> None:
            if number == self._refreshes:
                self.error.setText(text)
                self.error.setVisible(True)
                self.shown.emit()

        Operation(self, lambda: _read(vault, user_id, on, days)).success(arrived).failure(
            failed
        ).run_in_background()

    def _read_the_rest(self) -> None:
        """A list was scrolled to the end of a first read's rows: read them all (up to
        ROW_LIMIT), once; they are added below the ones shown."""
        if self._shown_for is not None:
            self._start_read(*self._shown_for)

    def _show(self, found: _Read, on: date, in_turns: bool = False) -> None:
        """Put a read on the page. in_turns: the page's first showing, right after the unlock:
        the groups are filled at once and painted one per turn of the event loop (see
        _fill_in_turns); `view` is set and `shown` emitted once the last is painted."""
        if found.backup is not None:
            problem = automatic_failure_text(found.backup)
            self.backup_problem.setText(problem or "")
            self.backup_problem.setVisible(problem is not None)
        view = found.view
        self.error.setVisible(False)
        self._shown_for = (on, view.no_contact_days)  # before the lists: they may want more
        self.summary.setText(self._summary(view))
        fills = [
            (self.overdue, "overdue"),
            (self.due_soon, "due_this_week"),
            (self.upcoming, "upcoming"),
            (self.quiet, "no_contact"),
        ]
        if in_turns:
            self._fill_in_turns(found, fills)
            return
        for group, name in fills:
            self._fill(group, found, name)
        self.view = view
        self.shown.emit()

    def _fill(
        self, group: TodayGroup, found: _Read, name: str, first_row_later: bool = False
    ) -> None:
        rows = found.rows[name]
        view = found.view
        total = view.totals[name]
        # A first read's rows may be only the first (FIRST_ROWS): the list will hold up to
        # ROW_LIMIT once the rest are read, and says so from the start.
        listed = max(len(rows), min(total, today.ROW_LIMIT))
        group.set_rows(
            rows, total, name in view.more_than_counted, listed, first_row_later=first_row_later
        )

    def _fill_in_turns(self, found: _Read, fills: list[tuple[TodayGroup, str]]) -> None:
        """The first painting of the unlocked window, in pieces: it was one block of 60-120 ms
        on the GUI thread at 50,000 clients (everything painted at once; a key pressed
        meanwhile waited for all of it). The groups are filled and laid out now, while they
        cannot paint, so that the page's layout settles once; the window's first paint leaves
        them out (the navigation, the page's heading); then each group is painted on a turn
        of the event loop of its own, in reading order. (Filled on turns of their own as well,
        the unlock took 20-30 ms longer for the waits between turns.)
        A refresh meanwhile shows its own rows; the turns left only let their groups paint."""
        number = self._refreshes
        to_paint = [group for group, _name in fills]
        for group, name in fills:
            group.setUpdatesEnabled(False)
            self._fill(group, found, name, first_row_later=True)
            # Its rows, and the scroll bar they need, laid out now. The bar narrows the list,
            # and the list repaints a resized column a turn later (a timer of its own):
            # dropped, as the list cannot paint yet.
            group.tree.doItemsLayout()
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the groups' titles and sizes
        turn = QTimer(self)  # a timer, not a posted call: a paint or a key waiting goes first
        turn.setSingleShot(True)
        # The warm-up waits until the last group is painted (or the page is gone).
        painted = warmup.paint_in_pieces()
        turn.destroyed.connect(painted)

        def next_turn() -> None:
            group = to_paint.pop(0)
            group.start_at_first_row()
            group.setUpdatesEnabled(True)
            # Painted now, in this turn: an update would wait for the window's next paint
            # (Qt gathers updates for 5 ms).
            group.repaint()
            if to_paint:
                turn.start(0)
                return
            # The timer stays with the page (deleted from its own slot, PySide crashed).
            painted()
            if number == self._refreshes:
                self.view = found.view
                self.shown.emit()

        turn.timeout.connect(next_turn)
        # The groups once the page's first paint has begun (the turn after it), or in a moment
        # if it is not painted (another section shown, or a test without a screen).
        self._start_after_paint = turn
        turn.start(PAINT_WAIT_MS)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        turn, self._start_after_paint = self._start_after_paint, None
        if turn is not None and is_alive(turn) and turn.isActive():
            turn.start(0)  # on the turn after this paint

    def _summary(self, view: TodayView) -> str:
        if view.is_empty:
            return tr("Nothing needs your attention today.")
        return tr("Enter or a double-click on a line opens that client at the right place.")

    def _activated(self, index: QModelIndex) -> None:
        first = index.siblingAtColumn(0)
        client_id = first.data(CLIENT_ID_ROLE)
        place = first.data(PLACE_ROLE)
        if client_id is None:
            return
        self.open_client.emit(int(client_id), dict(place or {}))


__all__ = ["FIRST_ROWS", "PAINT_WAIT_MS", "FirstRead", "TodaySection", "read_first"]
