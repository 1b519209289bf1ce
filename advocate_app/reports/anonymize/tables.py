"""The summary's tables, declared as data, and the assembly of all of them into one system.

Each table of counts by category is a `TableSpec`: where its counts come from in
`SummaryCounts`, its labels, its merge rule and its note. `assemble` builds the overview, then
every spec in `TABLES` in order, then the VOCA rows (reports.anonymize.voca), into one system of
counts and sums, and asks the engine what to hide. The order is part of the result: the engine
breaks ties by variable number, so the same counts always give the same summary.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from advocate_app.reports.anonymize.engine import is_small, suppress
from advocate_app.reports.anonymize.grid import (
    Grid,
    RawRow,
    System,
    build_grid,
    known_counts,
    require_count,
    vocab_rows,
)
from advocate_app.reports.anonymize.merge import MergeRule, plan_rows
from advocate_app.reports.anonymize.published import (
    CHART_COLUMN_TOTALS,
    CHART_ROW_TOTALS,
    CHART_ROWS,
    CHART_ROWS_GROUPED,
    DECLINED_LABEL,
)
from advocate_app.reports.anonymize.voca import voca_grid
from advocate_app.store import vocab
from advocate_app.store.summary import SummaryCounts

NEED_STATUS_ORDER = ("not_started", "in_progress", "met", "declined", "not_needed")
APPOINTMENT_COLUMNS = ("accompanied", "not_accompanied")


@dataclass(frozen=True)
class TableSpec:
    """One table of counts by vocabulary category.

    With `column_codes` empty the table has one column (`column_labels[0]`) read from the
    mapping `SummaryCounts.<field>`; otherwise one column per code, read from
    `SummaryCounts.<field>[row code][column code]`, with row totals and a grand total. Leaf keys
    (what a cell is, for the export ledger) are "<key>:<row code>[:<column code>]".
    """

    key: str
    title: str
    row_header: str
    field: str  # the SummaryCounts attribute holding the counts
    row_labels: Mapping[str, str]  # vocabulary code -> label, in table order
    column_labels: tuple[str, ...]
    merge: MergeRule | None
    note: str
    column_codes: tuple[str, ...] = ()
    charts: tuple[str, ...] = (CHART_ROWS,)
    shares_served: bool = False  # its total is the people served (each person counted once)
    vocabulary: str = ""  # the row labels' vocabulary, for the Spanish summary (Grid.vocabulary)

    def raw_rows(self, counts: SummaryCounts) -> list[RawRow]:
        """The table's rows, one per vocabulary code, with their counts checked."""
        if not self.column_codes:
            flat: Mapping[str, object] = getattr(counts, self.field)
            return vocab_rows(self.row_labels, flat, self.field, self.key)
        nested: Mapping[str, Mapping[str, object]] = getattr(counts, self.field)
        return [
            RawRow(
                code,
                label,
                known_counts(nested.get(code, {}), self.column_codes, f"{self.field}[{code!r}]"),
                tuple(f"{self.key}:{code}:{col}" for col in self.column_codes),
            )
            for code, label in self.row_labels.items()
        ]


TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        key="trafficking_type",
        title="Trafficking type",
        row_header="Trafficking type",
        field="trafficking_type",
        vocabulary="trafficking_types",
        row_labels=vocab.TRAFFICKING_TYPES,
        column_labels=("People",),
        merge=MergeRule(
            eligible=frozenset({"both", "not_identified"}),
            label="Both types, or not identified",
            whole_group=True,
        ),
        note="Each person served is counted once.",
        shares_served=True,
    ),
    TableSpec(
        key="age_group",
        title="Age group",
        row_header="Age group (VOCA bands)",
        field="age_group",
        vocabulary="age_groups",
        row_labels=vocab.AGE_GROUPS,
        column_labels=("People",),
        merge=MergeRule(eligible=frozenset({"0-12", "13-17"}), label="0–17", whole_group=True),
        note="Each person served is counted once, in the age band the advocate recorded.",
        shares_served=True,
    ),
    TableSpec(
        key="needs_status",
        title="Needs by category and status",
        row_header="Need category",
        field="needs",
        vocabulary="need_categories",
        row_labels=vocab.NEED_CATEGORIES,
        column_labels=tuple(
            DECLINED_LABEL if s == "declined" else vocab.NEED_STATUSES[s] for s in NEED_STATUS_ORDER
        ),
        column_codes=NEED_STATUS_ORDER,
        merge=MergeRule(eligible=frozenset(vocab.NEED_CATEGORIES), label="Other needs"),
        note=(
            "The needs of the people served in the period that existed by its last day, each "
            "counted once, under its status on that day. "
            f"“{DECLINED_LABEL}” means the survivor chose not to pursue it: a normal, "
            "respected outcome."
        ),
        charts=(CHART_COLUMN_TOTALS, CHART_ROW_TOTALS),
    ),
    TableSpec(
        key="needs_opened",
        title="Needs opened during the period",
        row_header="Need category",
        field="needs_opened",
        vocabulary="need_categories",
        row_labels=vocab.NEED_CATEGORIES,
        column_labels=("Needs opened",),
        merge=MergeRule(eligible=frozenset(vocab.NEED_CATEGORIES), label="Other needs"),
        note="Needs added to a survivor's checklist during the period.",
    ),
    TableSpec(
        key="referrals",
        title="Referrals by resource category",
        row_header="Resource category",
        field="referrals",
        vocabulary="resource_categories",
        row_labels=vocab.RESOURCE_CATEGORIES,
        column_labels=("Referrals",),
        merge=MergeRule(eligible=frozenset(vocab.RESOURCE_CATEGORIES), label="Other", into="other"),
        note="Referrals made during the period; these count referrals, not people.",
    ),
    TableSpec(
        key="appointments",
        title="Appointments and court dates",
        row_header="Appointment",
        field="appointments",
        vocabulary="appointment_kinds",
        row_labels=vocab.APPOINTMENT_KINDS,
        column_labels=("Accompanied by an advocate", "Not accompanied"),
        column_codes=APPOINTMENT_COLUMNS,
        merge=MergeRule(eligible=frozenset(vocab.APPOINTMENT_KINDS), label="Other", into="other"),
        note="Appointments and court dates in the period.",
        charts=(CHART_ROWS_GROUPED,),
    ),
)

OVERVIEW_NOTE = (
    "People served were open at some time in the period: their intake was on or before its "
    "last day and they were not closed before its first day. New means the intake was in the "
    "period; continuing, before it. Anonymous contacts (calls, walk-ins, texts without a client "
    "record) are contacts, not people, and are not among the people served."
)


def build_table(
    system: System, spec: TableSpec, rows: Sequence[RawRow], k: int, *, merge: bool, served: int
) -> Grid:
    """One table's grid in the system, after any merge of small categories."""
    two_way = bool(spec.column_codes)
    ncols = len(spec.column_labels)
    rule = spec.merge if merge else None
    planned, merged = plan_rows(rows, rule, k, ncols, with_row_totals=two_way)
    cells, row_totals, col_totals, grand, origins = build_grid(
        system,
        planned,
        ncols,
        with_row_totals=two_way,
        shared_total=served if spec.shares_served else None,
    )
    combined_label = next((p.label for p in planned if len(p.sources) > 1), "")
    return Grid(
        key=spec.key,
        title=spec.title,
        row_header=spec.row_header,
        row_labels=[p.label for p in planned],
        column_labels=list(spec.column_labels),
        cells=cells,
        row_totals=row_totals,
        column_totals=col_totals,
        grand=grand,
        percent_mode="row" if two_way else "column",
        note=spec.note,  # render adds what was combined, in the summary's language
        charts=spec.charts,
        merged=bool(merged),
        merged_label=combined_label,
        combined=tuple(merged),
        vocabulary=spec.vocabulary,
        origins=origins,
    )


def overview_grid(system: System, counts: SummaryCounts) -> tuple[Grid, int, int, int]:
    """The people served (new and continuing) and the anonymous contacts; with the variables
    of the people served, the new and the continuing, which other tables refer to."""
    served = system.add(
        require_count("individuals_served", counts.individuals_served), leaves=("overview:served",)
    )
    new = system.add(
        require_count("individuals_new", counts.individuals_new), leaves=("overview:new",)
    )
    continuing = system.add(
        require_count("individuals_continuing", counts.individuals_continuing),
        leaves=("overview:continuing",),
    )
    anonymous = system.add(
        require_count("anonymous_contacts", counts.anonymous_contacts),
        leaves=("overview:contacts",),
    )
    system.add_line(served, (new, continuing), group=True)
    overview = Grid(
        key="overview",
        title="People served and contacts",
        row_header="",
        row_labels=[
            "People served",
            "New this period",
            "Continuing from before",
            "Anonymous contacts",
        ],
        column_labels=["Number"],
        cells=[[served], [new], [continuing], [anonymous]],
        row_totals=None,
        column_totals=None,
        grand=None,
        percent_mode="overview",
        note=OVERVIEW_NOTE,
        charts=(),
    )
    return overview, served, new, continuing


@dataclass
class Assembly:
    """Every table's grid in one system of counts and sums, and the counts chosen to hide."""

    system: System
    grids: list[Grid]
    served: int
    new: int
    continuing: int
    hidden: frozenset[int]

    def merge_keeps_company(self, grid: Grid, k: int) -> bool:
        """A combined row must sit beside a category that still shows k or more."""
        values = self.system.values
        return any(
            v not in self.hidden and values[v] >= k
            for label, row in zip(grid.row_labels, grid.cells, strict=True)
            if label != grid.merged_label
            for v in row
        )


def assemble(
    counts: SummaryCounts,
    k: int,
    no_merge: frozenset[str],
    forced: Collection[frozenset[str]] = frozenset(),
    known: Collection[frozenset[str]] = frozenset(),
) -> Assembly:
    """Build every table into one system and choose what to hide. Tables named in `no_merge`
    keep all their categories; `forced` and `known` come from the export ledger."""
    system = System()
    overview, served, new, continuing = overview_grid(system, counts)
    tables = {
        spec.key: build_table(
            system, spec, spec.raw_rows(counts), k, merge=spec.key not in no_merge, served=served
        )
        for spec in TABLES
    }
    voca = voca_grid(system, counts.voca_services)
    grids = [overview, *tables.values(), voca]

    forced_set, known_set = set(forced), set(known)
    for var, leaves in enumerate(system.leaves):
        if leaves and leaves in forced_set:
            system.latent.add(var)
    # A small count is never treated as known: it is what the rest must keep hidden.
    known_vars = {
        v
        for v, leaves in enumerate(system.leaves)
        if leaves and leaves in known_set and not is_small(system.values[v], k)
    }
    hidden = suppress(
        system.values, system.lines, k, system.latent, system.signed, system.cheap, known_vars
    )
    return Assembly(system, grids, served, new, continuing, hidden)
