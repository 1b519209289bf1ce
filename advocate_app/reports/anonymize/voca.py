"""The VOCA table: the people served who received a service of each VOCA Performance Measurement
Tool service group in the period, from the services recorded on notes (reports.voca).

A person may be in several groups, so the rows have no total and are no sum of other cells: each
is a count of its own (leaf "voca_services:<group>"), hidden or shown like any other. Labels come
from the form file (assets/voca), never from stored data.
"""

from __future__ import annotations

from collections.abc import Mapping

from advocate_app.reports import voca as voca_report
from advocate_app.reports.anonymize.grid import Grid, System, require_count
from advocate_app.reports.anonymize.published import CHART_ROWS

VOCA_NOTE = (
    "People served who received at least one service of the group in the period, as ticked on "
    "notes; each person once per group, and a person may be in several groups. The exact "
    "quarterly figures for the PMT stay inside the app, for supervisors."
)


def voca_grid(system: System, people_by_group: Mapping[str, int]) -> Grid:
    """The VOCA rows, one count per PMT service group, added to `system`."""
    rows = voca_report.service_group_rows(people_by_group)
    voca_vars = [
        system.add(
            require_count(f"voca_services[{code!r}]", value), leaves=(f"voca_services:{code}",)
        )
        for code, _, value in rows
    ]
    return Grid(
        key="voca_service_areas",
        title="VOCA services given (PMT service groups)",
        row_header="VOCA service group (people who received one)",
        row_labels=[label for _, label, _ in rows],
        column_labels=["People"],
        cells=[[v] for v in voca_vars],
        row_totals=None,
        column_totals=None,
        grand=None,
        percent_mode="",
        note=VOCA_NOTE,
        charts=(CHART_ROWS,),
    )
