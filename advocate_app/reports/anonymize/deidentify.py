"""`publish`: raw counts from the store in, the de-identified summary out (assemble every table,
undo a merge that ended up alone, render)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from advocate_app.reports.anonymize.engine import check_k
from advocate_app.reports.anonymize.published import PublishedSummary
from advocate_app.reports.anonymize.render import render
from advocate_app.reports.anonymize.tables import assemble
from advocate_app.reports.language import EN
from advocate_app.store.report_settings import DEFAULT_K
from advocate_app.store.summary import SummaryCounts


def publish(
    counts: SummaryCounts,
    k: int = DEFAULT_K,
    generated_on: date | None = None,
    *,
    forced: Collection[frozenset[str]] = frozenset(),
    known: Collection[frozenset[str]] = frozenset(),
    language: str = EN,
) -> PublishedSummary:
    """De-identify raw counts into what the screen and the PDF may show.

    `forced`: cells (by the leaf counts they add up) to hide whatever their value; `known`:
    cells a reader already knows from earlier exports. Both come from reports.ledger.
    `language`: the words' (reports.language); the numbers are the same in every language.
    """
    check_k(k)
    no_merge: set[str] = set()
    while True:
        assembly = assemble(counts, k, frozenset(no_merge), forced, known)
        lonely = {
            g.key for g in assembly.grids if g.merged and not assembly.merge_keeps_company(g, k)
        }
        if not lonely:
            break
        no_merge |= lonely  # rare: the whole summary's sums hid more than the table alone did
    return render(counts, k, generated_on, assembly, language)
