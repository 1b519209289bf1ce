"""Benchmarks run inside one process on an unlocked vault (run_all starts it with --in-process):
filter as you type, the later features' figures (benchmarks.features), peak resident memory, and
the Clients section's first show (in a window already on screen, as the app shows it), opening
a client's record, every filter's first page, the count of the default filter (which the list
leaves to a worker) and scrolling the whole list.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import time
from pathlib import Path

from benchmarks.figures import (
    PASSPHRASE,
    Times,
    ms,
    pct,
    report,
    report_wall_cpu,
    timed,
)


def _settle(app) -> None:  # type: ignore[no-untyped-def]
    """Until every background task's answer is in (the list counts on a worker), and widgets
    given deleteLater are gone: the next figure starts from a quiet process."""
    from advocate_app.ui.qt import QCoreApplication, QEvent
    from advocate_app.ui.worker import tasks_running

    while tasks_running():
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _in_a_window(app, build, repeat: int):  # type: ignore[no-untyped-def]
    """A section shown as the app shows the Clients section: built ahead inside the shell's
    stack, hidden (ui.sections builds it there while the passphrase is typed: a section moved
    into the stack once built is styled a second time), and later made current, on_show(),
    painted. build(stack) makes the section. Returns the Times of each build (ahead, a turn
    of its own) and of each show, and the last one built, left in place (the stack and the
    section, for figures measured inside it)."""
    from advocate_app.ui.qt import QStackedWidget, QWidget

    stack = QStackedWidget()
    stack.resize(1200, 800)
    stack.addWidget(QWidget())  # the page shown before (Today, in the app)
    stack.show()
    app.processEvents()
    builds, shows = Times(), Times()
    builds.cpu, shows.cpu = [], []
    section = None
    for run in range(repeat + 1):  # the first run warms the imports and caches
        if section is not None:
            stack.setCurrentIndex(0)
            stack.removeWidget(section)
            section.deleteLater()
            _settle(app)
        c = time.thread_time()
        t = time.perf_counter()
        section = build(stack)
        stack.addWidget(section)
        app.processEvents()
        if run:
            builds.append(time.perf_counter() - t)
            builds.cpu.append(time.thread_time() - c)
        _settle(app)
        c = time.thread_time()
        t = time.perf_counter()
        stack.setCurrentWidget(section)
        section.on_show()
        app.processEvents()
        if run:
            shows.append(time.perf_counter() - t)
            shows.cpu.append(time.thread_time() - c)
    return builds, shows, stack, section


def client_list(app, vault) -> None:  # type: ignore[no-untyped-def]
    """The Clients section's first show, every filter's first page, the whole list, and
    opening a client's record."""
    import itertools

    from advocate_app.store.clients import ClientQuery, count_clients
    from advocate_app.ui.clients.list_model import ClientListModel
    from advocate_app.ui.clients.section import ClientsSection
    from advocate_app.ui.qt import QTableView

    builds, shows, stack, section = _in_a_window(
        app, lambda stack: ClientsSection(vault, stack), 10
    )
    report_wall_cpu(
        "Clients section built ahead (a turn while the passphrase is typed), wall / CPU",
        builds,
        "no rows yet",
        key="Clients section built ahead",
    )
    report_wall_cpu(
        "Clients section first show (read, laid out, painted), wall / CPU (median)",
        shows,
        "budget 40 ms",
        key="Clients section first show",
    )
    _settle(app)
    open_record(app, section)
    stack.close()
    _settle(app)

    me = vault.current_user.id
    model = ClientListModel(lambda: vault)
    pages = {}
    for mine, status, sort, desc in itertools.product(
        (True, False), ("open", "closed", "all"), ("alias", "intake", "last_contact"), (False, True)
    ):
        query = ClientQuery(mine_only=mine, status=status, sort=sort, descending=desc, user_id=me)
        pages[(mine, status, sort, desc)] = timed(lambda q=query: model.set_query(q), 3)
        _settle(app)  # a full first page is counted on a worker: not in this figure
    default = pages[(True, "open", "alias", False)]
    worst_key = max(pages, key=lambda k: statistics.median(pages[k].cpu))
    report_wall_cpu(
        "first page, My clients / Open, wall / CPU",
        default,
        "budget 20 ms",
        key="client list first page",
    )
    report_wall_cpu(
        f"first page, slowest of {len(pages)} filters, wall / CPU",
        pages[worst_key],
        "budget 20 ms; " + "/".join(str(x) for x in worst_key),
        key="client list, slowest filter",
    )

    default_query = ClientQuery(mine_only=True, status="open", user_id=me)
    count_clients(vault, default_query)  # warm, as the other figures
    counts = timed(lambda: count_clients(vault, default_query), 5)
    report_wall_cpu(
        "count of My clients / Open (on a worker), wall / CPU",
        counts,
        "off the GUI thread",
        key="client count (worker)",
    )

    def scroll_all() -> int:
        view = QTableView()
        view.setModel(model)
        model.set_query(ClientQuery(status="all", user_id=me))
        view.resize(600, 700)
        view.show()
        while model.canFetchMore():
            model.fetchMore()
            view.scrollToBottom()
            app.processEvents()
        view.close()
        rows = model.rowCount()
        _settle(app)
        return rows

    # The median of three: one scroll's CPU time varies up to 1.8× between runs of the same
    # code on this machine (108-196 ms at 10,000 clients, 613-944 at 50,000; five runs each),
    # and the growth 10k → 50k read 4.2× in one full run and 7.5× in the next.
    rows: list[int] = []
    scrolls = timed(lambda: rows.append(scroll_all()), 3)
    report_wall_cpu(
        f"scrolling the whole list ({rows[-1]:,} clients), wall / CPU (median of 3)",
        scrolls,
        "budget 2000 ms at 50k",
        key="client list full scroll",
    )


def open_record(app, section) -> None:  # type: ignore[no-untyped-def]
    """Opening a client's record from the list, until it is painted (built, filled, painted:
    the header, the notes that fill the list, the composer with its suggested services), a
    different client each time. The cards of the notes further down are made on later turns of
    the event loop, after that paint: not in this figure. Each open is audited: this writes
    audit events into the vault."""
    from advocate_app.ui.roles import CLIENT_ID_ROLE

    model = section.model
    ids = [model.index(row, 0).data(CLIENT_ID_ROLE) for row in range(min(model.rowCount(), 12))]

    def open_one(client_id: int) -> None:
        section.open_client(client_id)
        # The events posted meanwhile, as the event loop's next turn handles them: the layouts,
        # the deferred deletes, and the paint of what changed (an update request). Not the
        # timers (the cards further down).
        app.sendPostedEvents()

    open_one(ids[0])  # warm
    times = Times()
    times.cpu = []
    for client_id in ids[1:]:
        _settle(app)
        c = time.thread_time()
        t = time.perf_counter()
        open_one(client_id)
        times.append(time.perf_counter() - t)
        times.cpu.append(time.thread_time() - c)
    report_wall_cpu(
        f"open a client record until painted (median of {len(times)}), wall / CPU",
        times,
        "well under 100 ms",
        key="open a client record",
    )


def _quiet_offscreen_warnings() -> None:
    """The offscreen platform warns on every top-level show; keep the table readable."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:  # type: ignore[no-untyped-def]
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def in_process(folder: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _quiet_offscreen_warnings()
    from advocate_app.store.clients import ClientQuery
    from advocate_app.store.vault import Vault
    from advocate_app.ui.app import make_application
    from advocate_app.ui.clients.list_model import ClientListModel

    app = make_application([])
    vault = Vault.open(folder)
    vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
    try:
        model = ClientListModel(lambda: vault)
        typing = ["A", "Am", "Amb", "Ambe", "Amber", "Amber ", "Amber B"]
        per_key = []
        for _ in range(5):
            for prefix in typing:
                t = time.perf_counter()
                model.set_query(ClientQuery(text=prefix, status="all"))
                per_key.append(time.perf_counter() - t)
        report(
            "filter as you type, per keystroke p95",
            ms(pct(per_key, 0.95)),
            f"p50 {ms(pct(per_key, 0.5))}",
        )

        # Search (notes, the Ctrl+K box) is measured by benchmarks.search_bench, after this
        # vault is closed: see main().

        for name, fn in extra_benchmarks(vault):
            fn(name)

        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        report("peak resident memory, vault open", f"{rss_mb:.0f} MB", "budget 250 MB at 10k")
        # After the memory figure: these build many more widgets than the app ever does.
        client_list(app, vault)
        from benchmarks.features import section_shown

        section_shown(vault, report, timed, ms)
    finally:
        vault.close()


def extra_benchmarks(vault):  # type: ignore[no-untyped-def]
    """Benchmarks of later features: the Today view and the anonymized PDF."""
    from benchmarks import features

    return features.benchmarks(vault, report, timed, ms)
