"""Benchmarks run inside one process on an unlocked vault (run_all starts it with --in-process):
filter as you type, the later features' figures (benchmarks.features), peak resident memory, and
the Clients section's first show, every filter's first page and scrolling the whole list.
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
    ms,
    pct,
    report,
    timed,
    wall_cpu,
)


def client_list(app, vault) -> None:  # type: ignore[no-untyped-def]
    """The Clients section's first show, every filter's first page, the whole list."""
    import itertools
    from dataclasses import replace

    from advocate_app.store.clients import ClientQuery
    from advocate_app.ui.clients.list_model import ClientListModel
    from advocate_app.ui.clients.section import ClientsSection
    from advocate_app.ui.qt import QTableView

    def first_show() -> None:
        section = ClientsSection(vault)
        section.resize(1200, 800)
        section.show()
        section.on_show()
        app.processEvents()
        section.close()
        section.deleteLater()

    first_show()  # warm
    shows = timed(first_show, 10)
    report(
        "Clients section first show, wall / CPU (median)",
        wall_cpu(shows),
        "budget 40 ms",
        key="Clients section first show",
        number=statistics.median(shows.cpu),
    )

    me = vault.current_user.id
    model = ClientListModel(lambda: vault)
    pages = {}
    for mine, status, sort, desc in itertools.product(
        (True, False), ("open", "closed", "all"), ("alias", "intake", "last_contact"), (False, True)
    ):
        query = ClientQuery(mine_only=mine, status=status, sort=sort, descending=desc, user_id=me)
        pages[(mine, status, sort, desc)] = timed(lambda q=query: model.set_query(q), 3)
    default = pages[(True, "open", "alias", False)]
    worst_key = max(pages, key=lambda k: statistics.median(pages[k].cpu))
    report(
        "first page, My clients / Open, wall / CPU",
        wall_cpu(default),
        "budget 20 ms",
        key="client list first page",
        number=statistics.median(default.cpu),
    )
    report(
        f"first page, slowest of {len(pages)} filters, wall / CPU",
        wall_cpu(pages[worst_key]),
        "budget 20 ms; " + "/".join(str(x) for x in worst_key),
        key="client list, slowest filter",
        number=statistics.median(pages[worst_key].cpu),
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
        return model.rowCount()

    c = time.thread_time()
    t = time.perf_counter()
    rows = scroll_all()
    seconds, cpu = time.perf_counter() - t, time.thread_time() - c
    report(
        f"scrolling the whole list ({rows:,} clients), wall / CPU",
        f"{ms(seconds)} / {ms(cpu)}",
        "budget 2000 ms at 50k",
        key="client list full scroll",
        number=cpu,
    )
    del replace


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
        report("peak resident memory, vault open", f"{rss_mb:.0f} MB", "budget 250 MB")
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
