"""The VOCA service areas table: this program's categories mapped onto the VOCA Performance
Measurement Tool's service areas where they match closely.

Each row is a sum of counts already in the other tables (needs in progress or met, referrals
made, appointments with an advocate present), so it joins the same system of sums and cannot
reveal a hidden cell. Kept apart from the other tables: its sources change on their own.
"""

from __future__ import annotations

from collections.abc import Sequence

from advocate_app.reports.anonymize.grid import Grid, System
from advocate_app.reports.anonymize.published import CHART_ROWS

# (label, source, codes): source "referrals" (every referral made), "needs" (needs of these
# categories in progress or met) or "appointments" (of these kinds, an advocate present).
VOCA_AREAS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("A. Information and referral (referrals made)", "referrals", ()),
    ("B7. Employment assistance (employment needs in progress or met)", "needs", ("employment",)),
    ("B8. Child care assistance (childcare needs in progress or met)", "needs", ("childcare",)),
    (
        "B9. Transportation assistance (transportation needs in progress or met)",
        "needs",
        ("transportation",),
    ),
    ("C5. Peer support (peer support needs in progress or met)", "needs", ("peer_support",)),
    ("D. Shelter and housing services (housing needs in progress or met)", "needs", ("housing",)),
    (
        "E4. Protection or restraining order assistance "
        "(protective order hearings with an advocate present)",
        "appointments",
        ("protective_order_hearing",),
    ),
    (
        "E10. Criminal advocacy and accompaniment "
        "(court hearings and prosecutor interviews with an advocate present)",
        "appointments",
        ("court_hearing", "prosecutor_interview"),
    ),
)

SERVICE_STATUSES = ("in_progress", "met")  # a need being worked on or met: a service given

VOCA_NOTE = (
    "Approximate: this program's categories mapped onto VOCA Performance Measurement Tool "
    "service areas only where they match closely. The rows count needs, referrals or "
    "appointments, not people, and this is not a PMT report."
)


def voca_grid(system: System, *, needs: Grid, referrals: Grid, appointments: Grid,
              need_statuses: Sequence[str]) -> Grid:
    """The VOCA rows, added to `system` as sums of the other tables' original counts
    (`need_statuses`: the needs table's columns, in order)."""
    voca_vars: list[int] = []
    voca_labels: list[str] = []
    status_index = {s: i for i, s in enumerate(need_statuses)}
    for label, source, codes in VOCA_AREAS:
        if source == "referrals":
            assert referrals.column_totals is not None
            sources = [referrals.column_totals[0]]
        elif source == "needs":
            sources = [
                needs.origins[(code, status_index[s])] for code in codes for s in SERVICE_STATUSES
            ]
        else:
            sources = [appointments.origins[(code, 0)] for code in codes]
        if len(sources) == 1:
            var = sources[0]  # the same number as a table cell: shown or hidden with it
        else:
            var = system.add(sum(system.values[s] for s in sources),
                             leaves=system.leaves_of(sources))
            system.add_line(var, sources)
            system.cheap.add(var)
        voca_vars.append(var)
        voca_labels.append(label)
    return Grid(
        key="voca_service_areas",
        title="VOCA service areas (approximate)",
        row_header="VOCA service area (how it is counted)",
        row_labels=voca_labels,
        column_labels=["Count"],
        cells=[[v] for v in voca_vars],
        row_totals=None,
        column_totals=None,
        grand=None,
        percent_mode="",
        note=VOCA_NOTE,
        charts=(CHART_ROWS,),
    )
