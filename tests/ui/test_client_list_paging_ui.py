"""The client list as a person scrolls it: every client once, in order, and a first show that
formats only the rows on screen (column widths never come from reading every loaded row) and
paints the list once."""

from __future__ import annotations

from advocate_app.store import clients
from advocate_app.store.clients import ClientFields, ClientQuery
from advocate_app.ui.clients.list_model import PAGE, ClientListModel
from advocate_app.ui.qt import QEvent, QHeaderView, QObject, Qt, QTimer


def test_scrolling_to_the_end_shows_every_client_once_in_order(
    unlocked, qtbot, qtmodeltester
) -> None:
    vault = unlocked.vault
    for i in range(430):
        clients.create_client(vault, ClientFields(alias=f"{'ab'[i % 2]}{i:03d}"))
    section = unlocked.shell.show_section("clients")
    section.apply_filters()
    table, model = section.table, section.model
    while model.canFetchMore():
        table.scrollToBottom()  # the view asks for the next page, as it does for a person
        qtbot.waitUntil(
            lambda: table.verticalScrollBar().value() == table.verticalScrollBar().maximum()
        )
        model.fetchMore()
    aliases = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert len(aliases) == 430 == len(set(aliases))
    assert aliases == sorted(aliases, key=str.casefold)
    # Sorted by a column that has missing values (no contact yet) and descending.
    section.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 430
    qtmodeltester.check(model, force_py=True)


def test_first_show_formats_only_the_rows_on_screen(unlocked, qtbot, monkeypatch) -> None:
    vault = unlocked.vault
    for i in range(250):
        clients.create_client(vault, ClientFields(alias=f"Client {i:03d}"))
    asked: set[int] = set()  # the rows whose cells were asked for
    real = ClientListModel.data

    def counting(self, index, role=0):  # type: ignore[no-untyped-def]
        asked.add(index.row())
        return real(self, index, role)

    monkeypatch.setattr(ClientListModel, "data", counting)
    unlocked.window.resize(1200, 800)
    section = unlocked.shell.show_section("clients")
    qtbot.waitUntil(lambda: section.model.rowCount() == PAGE)
    table = section.table
    table.viewport().repaint()
    # Only the rows on screen (sizing to contents read every row of the page, many times).
    last_shown = table.rowAt(table.viewport().height() - 1)
    assert 0 < last_shown < PAGE - 1
    assert asked and max(asked) <= last_shown + 1, (sorted(asked), last_shown)
    header = section.table.horizontalHeader()
    for column in range(header.count()):
        assert header.sectionResizeMode(column) != QHeaderView.ResizeMode.ResizeToContents
    metrics = section.table.fontMetrics()
    for column in range(1, 5):
        assert header.sectionSize(column) > max(
            metrics.horizontalAdvance(t) for t in section.model.column_texts(column)
        )
    model = ClientListModel(lambda: vault)
    model.set_query(ClientQuery(status="all"))
    assert model.rowCount() == PAGE and model.canFetchMore()


def test_each_cell_reads_as_the_rest_of_the_app_writes_it(unlocked, qtbot) -> None:
    """Dates and times in the list are the app's own (ui.format), and the headers answer only
    for their text, in the language shown."""
    from datetime import UTC, date, datetime, timedelta

    from advocate_app.store import notes
    from advocate_app.ui.format import fmt_date, fmt_datetime

    vault = unlocked.vault
    seen = clients.create_client(
        vault, ClientFields(alias="Ibis", intake_date=date.today() - timedelta(days=40))
    )
    clients.create_client(vault, ClientFields(alias="Jay"))  # no intake date, never contacted
    notes.add_note(
        vault,
        seen,
        "contact",
        "Called back.",
        datetime.now(UTC).replace(tzinfo=None) - timedelta(days=2),
    )
    model = ClientListModel(lambda: vault)
    model.set_query(ClientQuery(status="all", user_id=vault.current_user.id))
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    by_alias = {row.alias: row for row in clients.all_clients(vault, model.query)}
    for alias, number in rows.items():
        record = by_alias[alias]
        texts = [model.index(number, c).data() for c in range(model.columnCount())]
        assert texts[1] == "Open"
        assert texts[2] == fmt_date(record.intake_date)
        assert texts[4] == (fmt_datetime(record.last_contact_at) or "none yet")
    assert model.index(rows["Ibis"], 4).data() != "none yet"
    assert model.index(rows["Jay"], 2).data() == ""
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Alias", "Status", "Intake", "Advocate", "Last contact"]
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_wall_clock_writes_what_a_local_time_writes(qapp) -> None:
    """Cells are written from a QDateTime made in UTC (one in local time asks the system's time
    zone on creation, 0.1 ms a cell): the text is the same in every locale's short pattern, and
    a pattern that names the zone gets the real one."""
    from datetime import datetime

    from advocate_app.ui.format import four_digit_years, wall_clock
    from advocate_app.ui.qt import QDate, QDateTime, QLocale, QTime

    # Times a local clock shows (from astimezone, never inside a daylight-saving gap).
    moments = [
        datetime(2026, m, d, h, mi)
        for m, d, h, mi in [(1, 2, 0, 5), (3, 8, 3, 30), (11, 1, 1, 30), (12, 31, 23, 59)]
    ]
    for name in ("en_US", "es_US", "es_MX", "de_DE", "ja_JP"):
        locale = QLocale(name)
        patterns = [four_digit_years(locale.dateTimeFormat(QLocale.FormatType.ShortFormat))]
        patterns.append(patterns[0] + " t")
        for pattern in patterns:
            for moment in moments:
                local = QDateTime(
                    QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
                )
                assert locale.toString(wall_clock(moment, pattern), pattern) == locale.toString(
                    local, pattern
                ), (name, pattern, moment)


def test_first_show_paints_the_list_once_with_its_scroll_bar(unlocked, qtbot) -> None:
    """Rows, scroll bar and column widths are settled before the list's first paint: settled
    after it, the whole list was painted a second time (about a third of the show's work), its
    first frame without the scroll bar and its columns wider."""
    for i in range(60):  # more than the window shows: the list needs its scroll bar
        clients.create_client(unlocked.vault, ClientFields(alias=f"Client {i:03d}"))
    unlocked.window.resize(1200, 800)
    section = unlocked.shell.sections["clients"]  # built, not shown yet
    table = section.table
    paints: list[bool] = []  # for each paint of the rows: was the scroll bar there?

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                paints.append(table.verticalScrollBar().isVisible())
            return False

    watcher = Paints()
    table.viewport().installEventFilter(watcher)
    unlocked.shell.show_section("clients")
    qtbot.waitUntil(lambda: bool(paints))
    # Until the event loop has nothing left from the show: two more turns of it.
    turns: list[int] = []
    QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: turns.append(1)))
    qtbot.waitUntil(lambda: bool(turns))
    assert section.count_label.text() == "60 clients"
    assert paints == [True]
