"""The summary as an accessible HTML file, for a screen reader or a browser's own zoom.

One self-contained page: the language and title declared, headings in order, each table a real
<table> with a <caption>, column headers <th scope="col"> and row headers <th scope="row">, the
same cells, hidden marker and notes as the PDF (a hidden cell also says "hidden" to a screen
reader). No script, no style sheet from elsewhere, no
image: it opens the same on any machine, offline. Drawn only from a PublishedSummary.
"""

from __future__ import annotations

from html import escape

from advocate_app.reports import intro
from advocate_app.reports.anonymize import HIDDEN_MARKER, PublishedSummary, PublishedTable
from advocate_app.reports.language import Words
from advocate_app.reports.table_text import table_text

# Plain, high-contrast, and sized in em so it follows the reader's own text size.
_STYLE = """
body { font-family: sans-serif; line-height: 1.5; max-width: 60em; margin: 1em auto;
       padding: 0 1em; color: #000; background: #fff; }
table { border-collapse: collapse; margin: 0.5em 0 0.25em; }
caption { text-align: left; font-weight: bold; padding: 0.25em 0; }
th, td { border: 1px solid #555; padding: 0.25em 0.5em; }
thead th { background: #ddd; }
td { text-align: right; }
tfoot th, tfoot td { font-weight: bold; background: #f2f2f2; }
.note { font-size: 0.95em; }
.demo { border: 3px solid #000; padding: 0.5em; font-weight: bold; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
                   clip: rect(0 0 0 0); white-space: nowrap; }
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _cell(text: str, words: Words) -> str:
    """A data cell. A hidden count shows the marker, and a screen reader, which may say
    nothing at all for a dash, hears the word "hidden" instead."""
    if text == HIDDEN_MARKER:
        return (
            f'<td class="hidden-count"><span aria-hidden="true">{_e(text)}</span>'
            f'<span class="visually-hidden">{_e(words("hidden"))}</span></td>'
        )
    return f"<td>{_e(text)}</td>"


def _column_header(text: str) -> str:
    # An empty corner cell is no header (a screen reader would announce a blank one).
    return f'<th scope="col">{_e(text)}</th>' if text else "<td></td>"


def _table(table: PublishedTable, index: int, words: Words) -> list[str]:
    text = table_text(table, words)
    note_id = f"note-{index}"
    described = f' aria-describedby="{note_id}"' if table.note else ""
    out = [
        f'<section aria-labelledby="title-{index}">',
        f'<h2 id="title-{index}">{_e(table.title)}</h2>',
        f"<table{described}>",
        f"<caption>{_e(table.title)}</caption>",
        "<thead><tr>",
    ]
    out += [_column_header(label) for label in text.header]
    out.append("</tr></thead>")
    out.append("<tbody>")
    for row in text.rows:
        out.append(f'<tr><th scope="row">{_e(row[0])}</th>')
        out += [_cell(cell, words) for cell in row[1:]]
        out.append("</tr>")
    out.append("</tbody>")
    if text.total_row is not None:
        out.append(f'<tfoot><tr><th scope="row">{_e(text.total_row[0])}</th>')
        out += [_cell(cell, words) for cell in text.total_row[1:]]
        out.append("</tr></tfoot>")
    out.append("</table>")
    if table.note:
        out.append(f'<p class="note" id="{note_id}">{_e(table.note)}</p>')
    out.append("</section>")
    return out


def build_html(summary: PublishedSummary) -> str:
    """The whole page as text (UTF-8 when written)."""
    words = intro.words(summary)
    title = f"{intro.title(summary)}: {summary.office_name}, {summary.period_label}"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{intro.language(summary)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="description" content="{_e(intro.subject(summary))}">',
        f"<title>{_e(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(intro.title(summary))}</h1>",
        f"<p>{_e(summary.office_name)}</p>",
        f"<p>{_e(summary.period_label)}</p>",
        f"<p>{_e(intro.prepared_line(summary))}</p>",
    ]
    if summary.is_demo:
        out.append(f'<p class="demo" role="note">{_e(intro.demo_warning(summary))}</p>')
    out.append("</header>")
    out.append("<main>")
    for heading, paragraph in intro.sections(summary):
        out += [f"<h2>{_e(heading)}</h2>", f"<p>{_e(paragraph)}</p>"]
    points = intro.points(summary)
    if points:
        out.append("<ul>")
        out += [f"<li>{_e(line)}</li>" for line in points]
        out.append("</ul>")
    for index, table in enumerate(summary.tables, start=1):
        out += _table(table, index, words)
    out.append("</main>")
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"


def build_html_bytes(summary: PublishedSummary) -> bytes:
    return build_html(summary).encode("utf-8")
