"""Today: the home page after unlocking. What needs my attention, and where to go for it.

Every row opens the client at the right place: `open_client(client_id, place)` where place is
{"tab": "needs", "need_id": n}, {"tab": "appointments", "appointment_id": n} or
{"tab": "notes"}.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from advocate_app.settings import Settings
from advocate_app.store import backup_status, today
from advocate_app.store.errors import VaultError
from advocate_app.store.today import AppointmentRow, NeedRow, QuietClientRow, TodayView
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import APPOINTMENT_KINDS, NEED_CATEGORIES, NEED_STATUSES
from advocate_app.ui.data_language import need_label
from advocate_app.ui.format import fmt_date, fmt_datetime, fmt_time, to_qdate
from advocate_app.ui.qt import (
    QGridLayout,
    QHBoxLayout,
    QLocale,
    QPushButton,
    Qt,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
    tr_marked,
)
from advocate_app.ui.roles import CLIENT_ID_ROLE, PLACE_ROLE
from advocate_app.ui.shell import Section
from advocate_app.ui.today.group import TodayGroup
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


class TodaySection(Section):
    open_client = Signal(int, dict)  # client id, where to open it (see the module doc)

    def __init__(
        self,
        vault: Vault,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.title = tr("Today")  # at build time, in the language then chosen
        self.vault = vault
        self.settings = settings
        self.clock = clock  # tests pass a fixed day
        self.view: TodayView | None = None

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
        self.summary = label("", "hint")
        outer.addWidget(self.summary)
        self.error = label("", "error")
        self.error.setVisible(False)
        outer.addWidget(self.error)
        self.backup_problem = label("", "notice")
        self.backup_problem.setAccessibleName(tr("Daily backup problem"))
        self.backup_problem.setVisible(False)
        outer.addWidget(self.backup_problem)

        self.overdue = TodayGroup(
            tr("Overdue"),
            [tr("Client"), tr("Need"), tr("Was due"), tr("Status")],
            1,
            tr(
                "Nothing overdue. Due dates you set on a client's needs show up here once "
                "they pass."
            ),
            tr("One row per need whose due date has passed. Enter opens the client's needs."),
        )
        self.due_soon = TodayGroup(
            tr("Due in the next 7 days"),
            [tr("Client"), tr("Need"), tr("Due"), tr("Status")],
            1,
            tr(
                "Nothing due this week. Give a need a due date on the client's Needs tab "
                "to see it here."
            ),
            tr("One row per need due in the next 7 days. Enter opens the client's needs."),
        )
        self.upcoming = TodayGroup(
            tr("Court dates and appointments, next 14 days"),
            [tr("When"), tr("Client"), tr("What"), tr("Advocate goes")],
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
        self.quiet = TodayGroup(
            tr("No contact in %n day(s)", None, settings.no_contact_days),
            [tr("Client"), tr("Last contact")],
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
        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(self.overdue, 0, 0)
        grid.addWidget(self.due_soon, 0, 1)
        grid.addWidget(self.upcoming, 1, 0)
        grid.addWidget(self.quiet, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        outer.addLayout(grid, 1)
        for group in self.groups():
            group.tree.itemActivated.connect(self._activated)

    def groups(self) -> list[TodayGroup]:
        return [self.overdue, self.due_soon, self.upcoming, self.quiet]

    # --- Section hooks ----------------------------------------------------------------------

    def on_show(self) -> None:
        self.refresh()

    # --- content ----------------------------------------------------------------------------

    def refresh(self) -> None:
        on = self.clock()
        days = self.settings.no_contact_days
        self.date_label.setText(QLocale().toString(to_qdate(on), QLocale.FormatType.LongFormat))
        self.quiet.base_title = tr("No contact in %n day(s)", None, days)
        self._show_backup_problem()
        try:
            view = today.compute(self.vault, self.vault.current_user.id, on, days)
        except VaultError as exc:
            self.error.setText(exc.message)
            self.error.setVisible(True)
            return
        self.error.setVisible(False)
        self.view = view
        self.overdue.set_rows(
            [self._need_row(r, on, overdue=True) for r in view.overdue],
            *self._count(view, "overdue"),
        )
        self.due_soon.set_rows(
            [self._need_row(r, on, overdue=False) for r in view.due_this_week],
            *self._count(view, "due_this_week"),
        )
        self.upcoming.set_rows(
            [self._appointment_row(r, on) for r in view.upcoming], *self._count(view, "upcoming")
        )
        self.quiet.set_rows(
            [self._quiet_row(r, on) for r in view.no_contact], *self._count(view, "no_contact")
        )
        self.summary.setText(self._summary(view))

    def _show_backup_problem(self) -> None:
        from advocate_app.ui.backups.texts import automatic_failure_text

        try:
            problem = automatic_failure_text(backup_status.status(self.vault))
        except VaultError:
            problem = None
        self.backup_problem.setText(problem or "")
        self.backup_problem.setVisible(problem is not None)

    @staticmethod
    def _count(view: TodayView, group: str) -> tuple[int, bool]:
        return view.totals[group], group in view.more_than_counted

    def _summary(self, view: TodayView) -> str:
        if view.is_empty:
            return tr("Nothing needs your attention today.")
        return tr("Enter or a double-click on a line opens that client at the right place.")

    @staticmethod
    def _need_row(
        row: NeedRow, on: date, overdue: bool
    ) -> tuple[list[str], int, dict[str, object]]:
        if overdue:
            late = (on - row.due_date).days
            when = tr("{0} ({1} ago)").format(fmt_date(row.due_date), _days_word(late))
        else:
            when = _relative_day(row.due_date, on)
        category = tr_marked(NEED_CATEGORIES.get(row.category, row.category))
        need = tr("{0} · {1}").format(need_label(row.category, row.label), category)
        status = tr_marked(NEED_STATUSES.get(row.status, row.status))
        return [row.alias, need, when, status], row.client_id, row.open_at

    @staticmethod
    def _appointment_row(row: AppointmentRow, on: date) -> tuple[list[str], int, dict[str, object]]:
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

    @staticmethod
    def _quiet_row(row: QuietClientRow, on: date) -> tuple[list[str], int, dict[str, object]]:
        if row.last_contact_at is None:
            last = tr("None recorded yet")
        else:
            last = tr("{0} ({1} ago)").format(
                fmt_date(row.last_contact_at.date()),
                _days_word((on - row.last_contact_at.date()).days),
            )
        return [row.alias, last], row.client_id, row.open_at

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        client_id = item.data(0, CLIENT_ID_ROLE)
        place = item.data(0, PLACE_ROLE)
        if client_id is None:
            return
        self.open_client.emit(int(client_id), dict(place or {}))


__all__ = ["TodaySection"]
