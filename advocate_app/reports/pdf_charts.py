"""The summary PDF's bar charts, drawn only from published numbers: a hidden count ("<k") is
left out of its chart and the caption says so, never drawn as zero; values are printed on the
bars; two series are told apart by gray and outline, not by color."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.flowables import Flowable

from advocate_app.reports.anonymize import (
    CHART_COLUMN_TOTALS,
    CHART_ROW_TOTALS,
    CHART_ROWS,
    CHART_ROWS_GROUPED,
    PublishedTable,
    cell_number,
)
from advocate_app.reports.language import Words
from advocate_app.reports.pdf_style import BLACK, FRAME_W, SERIES_FILLS, para


def _short(label: str) -> str:
    # Chart axes have room for the name only, not "(how it is counted)".
    return label.split(" (")[0]


def _chart_series(
    table: PublishedTable, hint: str, words: Words
) -> tuple[str, list[str], list[str], list[list[int | None]]]:
    """(title, category names, series names, series values); None marks a hidden value."""
    if hint == CHART_ROWS:
        names = [_short(x) for x in table.row_labels]
        return (
            table.title,
            names,
            [table.column_labels[0]],
            [[cell_number(row[0]) for row in table.cells]],
        )
    if hint == CHART_ROWS_GROUPED:
        names = [_short(x) for x in table.row_labels]
        series = [
            [cell_number(row[c]) for row in table.cells] for c in range(len(table.column_labels))
        ]
        return table.title, names, list(table.column_labels), series
    if hint == CHART_ROW_TOTALS and table.row_totals is not None:
        return (
            words(
                "{title}: total for each {category}",
                title=table.title,
                category=table.row_header.lower(),
            ),
            [_short(x) for x in table.row_labels],
            [table.total_label],
            [[cell_number(x) for x in table.row_totals]],
        )
    if hint == CHART_COLUMN_TOTALS and table.column_totals is not None:
        return (
            words("{title}: all categories together", title=table.title),
            list(table.column_labels),
            [table.total_label],
            [[cell_number(x) for x in table.column_totals]],
        )
    raise ValueError(f"unknown chart hint {hint!r}")


def chart_flowables(
    table: PublishedTable,
    hint: str,
    marker: str,
    styles: dict[str, ParagraphStyle],
    words: Words,
) -> list[Flowable]:
    title, names, series_names, series = _chart_series(table, hint, words)
    heading = words("Chart: {title}", title=title)
    # A category with nothing published is left out (a missing bar must not read as zero), and
    # so is one that is 0 throughout (the table shows it; the chart stays readable).
    keep = [i for i in range(len(names)) if any(s[i] for s in series)]
    left_out = any(s[i] is None for s in series for i in range(len(names)))
    zeros_out = any(
        all(s[i] is not None for s in series) and not any(s[i] for s in series)
        for i in range(len(names))
    )
    caption_parts = []
    if not keep:
        return [
            para(heading, styles["h3"]),
            para(
                words(
                    "Nothing to chart: every count here is 0 or shown as {marker}.", marker=marker
                ),
                styles["note"],
            ),
        ]
    if left_out:
        caption_parts.append(
            words("Counts shown as {marker} in the table are left out of the chart.", marker=marker)
        )
    if zeros_out:
        caption_parts.append(words("Categories with 0 are not drawn."))
    # reportlab draws the first category at the bottom; reverse so the chart reads like the table.
    keep.reverse()
    cat_names = [names[i] for i in keep]
    data = [[s[i] for i in keep] for s in series]
    n_series = len(series)
    bar_slot = 13 if n_series == 1 else 10
    plot_h = max(len(keep) * bar_slot * n_series + len(keep) * 6, 30)
    legend_h = 26 if n_series > 1 else 0
    label_w = 170
    drawing = Drawing(FRAME_W, plot_h + 14 + legend_h)
    chart = HorizontalBarChart()
    chart.x = label_w
    chart.y = 6 + legend_h
    chart.width = FRAME_W - label_w - 50  # type: ignore[assignment]  # any number; the stubs say int
    chart.height = plot_h
    chart.data = data
    peak = max((v for s in data for v in s if v is not None), default=0)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(peak, 1) * 1.02
    chart.valueAxis.visible = False  # values are printed on the bars instead of a scale
    chart.categoryAxis.categoryNames = cat_names
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = BLACK
    chart.categoryAxis.tickLeft = 0
    chart.barSpacing = 1
    chart.groupSpacing = 5
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = "Helvetica"
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    for i in range(n_series):
        chart.bars[i].fillColor = SERIES_FILLS[i % len(SERIES_FILLS)]
        chart.bars[i].strokeColor = BLACK
        chart.bars[i].strokeWidth = 0.5
    drawing.add(chart)
    if n_series > 1:
        legend = Legend()
        legend.x = label_w
        legend.y = 2
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 150
        legend.dxTextSpace = 5
        legend.fontName = "Helvetica"
        legend.fontSize = 8
        legend.boxAnchor = "sw"
        legend.strokeColor = BLACK
        legend.strokeWidth = 0.5
        legend.colorNamePairs = [
            (SERIES_FILLS[i % len(SERIES_FILLS)], series_names[i]) for i in range(n_series)
        ]
        drawing.add(legend)
    out: list[Flowable] = [para(heading, styles["h3"]), drawing]
    if caption_parts:
        out.append(para(" ".join(caption_parts), styles["note"]))
    return out
