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
from advocate_app.ui.needs_panel import RoomyDelegate, short_date, short_datetime, to_qdate
from advocate_app.ui.qt import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QItemSelectionModel,
    QLocale,
    QPushButton,
    QStackedWidget,
    Qt,
    QTime,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
)
from advocate_app.ui.shell import Section
from advocate_app.ui.widgets import label

_PLACE_ROLE = Qt.ItemDataRole.UserRole
_CLIENT_ROLE = Qt.ItemDataRole.UserRole + 1


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
    return short_date(day)


class TodayGroup(QGroupBox):
    """One group of rows with its empty state; a row opens with Enter or a double-click."""

    def __init__(self, title: str, headers: list[str], stretch_column: int, empty_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base_title = title
        self.setTitle(title)
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        self.empty = label(empty_text, "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack.addWidget(self.empty)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(title)
        self.tree.setHeaderLabels(headers)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setItemDelegate(RoomyDelegate(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(False)
        # Widths are set from the rows' own texts when they arrive (never ResizeToContents,
        # which measures every row again after each one is added).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        self.stretch_column = stretch_column
        self.stack.addWidget(self.tree)
        layout.addWidget(self.stack, 1)
        self.more = label("", "hint")
        self.more.setVisible(False)
        layout.addWidget(self.more)

    def set_rows(self, rows: list[tuple[list[str], int, dict[str, object]]], total: int,
                 more_than: bool = False) -> None:
        """The rows shown and how many there are; more_than: at least `total` (a count that
        stopped early, see store.today.COUNT_LIMIT)."""
        self.tree.clear()
        items = []
        tip = tr("Enter or double-click to open this client")
        for texts, client_id, place in rows:
            item = QTreeWidgetItem(texts)
            item.setData(0, _CLIENT_ROLE, client_id)
            item.setData(0, _PLACE_ROLE, place)
            item.setToolTip(0, tip)
            items.append(item)
        self.tree.addTopLevelItems(items)
        self._fit_columns([texts for texts, _c, _p in rows])
        count = tr("{0}+").format(total) if more_than else str(total)
        self.setTitle(tr("{0} ({1})").format(self.base_title, count) if total
                      else self.base_title)
        self.stack.setCurrentWidget(self.tree if rows else self.empty)
        if rows:
            # Keyboard focus starts on the first line without highlighting it.
            self.tree.selectionModel().setCurrentIndex(
                self.tree.model().index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        self.more.setVisible(more_than or total > len(rows))
        self.more.setText(tr("Showing the first {0} of more than {1}.").format(len(rows), total)
                          if more_than else
                          tr("Showing the first {0} of {1}.").format(len(rows), total))

    def _fit_columns(self, rows: list[list[str]]) -> None:
        """Each column as wide as its widest text (header included), measured once."""
        metrics = self.tree.fontMetrics()
        header = self.tree.header()
        pad = 3 * metrics.averageCharWidth()
        for column in range(self.tree.columnCount()):
            if column == self.stretch_column:
                continue
            texts = {row[column] for row in rows if column < len(row)}
            texts.add(self.tree.headerItem().text(column))
            header.resizeSection(column, max(metrics.horizontalAdvance(t) for t in texts) + pad)

    def row_count(self) -> int:
        return self.tree.topLevelItemCount()

    def row_texts(self, row: int) -> list[str]:
        item = self.tree.topLevelItem(row)
        return [item.text(c) for c in range(item.columnCount())] if item else []


class TodaySection(Section):
    title = tr("Today")

    open_client = Signal(int, dict)  # client id, where to open it (see the module doc)

    def __init__(self, vault: Vault, settings: Settings, parent: QWidget | None = None,
                 *, clock: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
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
            tr("Overdue"), [tr("Client"), tr("Need"), tr("Was due"), tr("Status")], 1,
            tr("Nothing overdue. Due dates you set on a client's needs show up here once "
               "they pass."))
        self.due_soon = TodayGroup(
            tr("Due in the next 7 days"), [tr("Client"), tr("Need"), tr("Due"), tr("Status")], 1,
            tr("Nothing due this week. Give a need a due date on the client's Needs tab "
               "to see it here."))
        self.upcoming = TodayGroup(
            tr("Court dates and appointments, next 14 days"),
            [tr("When"), tr("Client"), tr("What"), tr("Advocate goes")], 2,
            tr("No court dates or appointments in the next 14 days. Add them on a client's "
               "Appointments tab."))
        self.quiet = TodayGroup(
            tr("No contact in {0} days").format(settings.no_contact_days),
            [tr("Client"), tr("Last contact")], 1,
            tr("Everyone assigned to you has been in contact recently. A contact note "
               "counts as contact."))
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
        self.quiet.base_title = tr("No contact in {0} days").format(days)
        self._show_backup_problem()
        try:
            view = today.compute(self.vault, self.vault.current_user.id, on, days)
        except VaultError as exc:
            self.error.setText(exc.message)
            self.error.setVisible(True)
            return
        self.error.setVisible(False)
        self.view = view
        self.overdue.set_rows([self._need_row(r, on, overdue=True) for r in view.overdue],
                              *self._count(view, "overdue"))
        self.due_soon.set_rows([self._need_row(r, on, overdue=False)
                                for r in view.due_this_week], *self._count(view, "due_this_week"))
        self.upcoming.set_rows([self._appointment_row(r, on) for r in view.upcoming],
                               *self._count(view, "upcoming"))
        self.quiet.set_rows([self._quiet_row(r, on) for r in view.no_contact],
                            *self._count(view, "no_contact"))
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
    def _need_row(row: NeedRow, on: date,
                  overdue: bool) -> tuple[list[str], int, dict[str, object]]:
        if overdue:
            late = (on - row.due_date).days
            when = tr("{0} ({1} ago)").format(short_date(row.due_date), _days_word(late))
        else:
            when = _relative_day(row.due_date, on)
        need = tr("{0} · {1}").format(row.label, tr(NEED_CATEGORIES.get(row.category,
                                                                        row.category)))
        status = tr(NEED_STATUSES.get(row.status, row.status))
        return [row.alias, need, when, status], row.client_id, row.open_at

    @staticmethod
    def _appointment_row(row: AppointmentRow,
                         on: date) -> tuple[list[str], int, dict[str, object]]:
        day = row.starts_at.date()
        if 0 <= (day - on).days <= 1:  # "Today, 9:30" / "Tomorrow, 14:00"
            clock = QLocale().toString(QTime(row.starts_at.hour, row.starts_at.minute),
                                       QLocale.FormatType.ShortFormat)
            when = tr("{0}, {1}").format(_relative_day(day, on), clock)
        else:
            when = short_datetime(row.starts_at)
        what = tr(APPOINTMENT_KINDS.get(row.kind, row.kind))
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
                short_date(row.last_contact_at.date()),
                _days_word((on - row.last_contact_at.date()).days))
        return [row.alias, last], row.client_id, row.open_at

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        client_id = item.data(0, _CLIENT_ROLE)
        place = item.data(0, _PLACE_ROLE)
        if client_id is None:
            return
        self.open_client.emit(int(client_id), dict(place or {}))


__all__ = ["TodayGroup", "TodaySection"]
