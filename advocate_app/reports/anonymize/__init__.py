"""De-identification of the supervisor summary: the one place that decides what may be shown.

Both the screen and the PDF show a `PublishedSummary`, never `SummaryCounts`. Rules:

* Small cells. A count from 1 to k-1 is hidden (k = 11 by default, as CMS does; 5..20 allowed;
  one k per office, see store.report_settings). 0 is shown as 0; k or more as the number.
* Small groups. When the people served are fewer than k, every count that splits them (new or
  continuing, age band, trafficking type) is hidden too, zeros included: "none of the few people
  served is 60 or older" says something about each of them.
* Complementary suppression. Every published total is a sum of other cells (a row, a column, the
  grand total, the people served that the age and trafficking tables add up to). The VOCA table's
  rows (people by service group) may overlap, so they are no sum. A hidden cell must never be
  recoverable by subtracting: in each such sum the number of hidden members is 0 or at least 2.
  Where only one is hidden, the smallest published member of 1 or more is hidden too (a cell before
  a total), repeated until stable. A 0 is never hidden for this: a reader who guesses the extra
  hidden cell is the smallest would guess 0 and get the small count back. Then an audit plays the
  reader, using all sums at once (exact linear algebra; with every unknown count positive, that is
  exactly what the sums and "counts are never negative" reveal): any small count it can work out
  gets one more neighbour hidden. Last, extra hidden counts that protect nothing are shown again.
  The greedy steps run per group of connected sums, in a few fixed orders, and the result that
  hides the least wins; the same counts always give the same summary.
* Small lines. The hidden cells of any sum whose total is shown hold together 0 or at least k:
  "two hidden cells, and the total says they add up to 2" would tell that both are tiny. Where
  they hold 1 to k-1, one more published cell of that sum is hidden.
* One marker. Every hidden cell, whatever its value, shows the same neutral "—" (JSON: null
  with a reason), explained once: hidden to protect privacy; it may be 0, small or large. A
  marker such as "<11" would be false for the extra cells (often 11 or more) and is read as a
  quantity.
* The export ledger (reports.ledger) may ask for more: cells to hide (`forced`) and cells a
  reader already knows from earlier exports (`known`: never counted on to protect another).
* Merging. Before suppression, small categories may be combined into one row where that leaves
  more of the table visible: trafficking types "both" and "not identified" into one row (when
  either is from 1 to k-1); age bands 0–12 and 13–17 into "0–17" (likewise); referral
  categories and appointment kinds whose total is from 1 to k-1 into their "Other" row; need
  categories whose total is from 1 to k-1 into "Other needs". A merge is used only if it makes
  more of the table's count visible (the sum of the counts left showing after suppression),
  only if it combines at least two categories, and only if some category outside it still has
  k or more, so a whole table is never folded into a single "Other" row. A large category is
  never folded away for one small cell. The table's note names what was combined (vocabulary
  labels only).
* Percentages only for published cells whose base (the row total, the table total, or the people
  served) is published and at least k, rounded to whole percent.
* No free text: only labels from advocate_app.store.vocab, the office name, the period label, k
  and numbers.

The package, one job per module:

* engine: which counts to hide, given counts and the sums among them (no tables, no labels);
* published: the published types (PublishedSummary, PublishedTable, the hidden marker);
* grid: the system of counts and sums, and one table's cells and totals built into it;
* merge: combining small categories into one row;
* tables: the tables declared as data, and the assembly of the whole summary;
* voca: the VOCA table (people by PMT service group, from the services recorded on notes);
* render: an assembly rendered as the PublishedSummary;
* deidentify: `publish`, the whole way from raw counts to what may be shown.
"""

from __future__ import annotations

from advocate_app.reports.anonymize.deidentify import publish
from advocate_app.reports.anonymize.engine import SumLine, check_k, suppress
from advocate_app.reports.anonymize.published import (
    CHART_COLUMN_TOTALS,
    CHART_ROW_TOTALS,
    CHART_ROWS,
    CHART_ROWS_GROUPED,
    DECLINED_LABEL,
    HIDDEN_MARKER,
    HIDDEN_REASON,
    LedgerCell,
    PublishedSummary,
    PublishedTable,
    cell_number,
    percent,
    suppressed_marker,
)
from advocate_app.store.report_settings import DEFAULT_K, MAX_K, MIN_K

__all__ = [
    "CHART_COLUMN_TOTALS",
    "CHART_ROWS",
    "CHART_ROWS_GROUPED",
    "CHART_ROW_TOTALS",
    "DECLINED_LABEL",
    "DEFAULT_K",
    "HIDDEN_MARKER",
    "HIDDEN_REASON",
    "MAX_K",
    "MIN_K",
    "LedgerCell",
    "PublishedSummary",
    "PublishedTable",
    "SumLine",
    "cell_number",
    "check_k",
    "percent",
    "publish",
    "suppress",
    "suppressed_marker",
]
