"""The file formats the summary is saved in: the PDF, an accessible HTML page and plain text.
The same PublishedSummary in each; which one is the person's choice at export."""

from __future__ import annotations

from pathlib import Path

from advocate_app.reports.anonymize import PublishedSummary
from advocate_app.reports.html_export import build_html_bytes
from advocate_app.reports.pdf import build_pdf_bytes
from advocate_app.reports.text_export import build_text_bytes

PDF = "pdf"
HTML = "html"
TEXT = "txt"
FORMATS = (PDF, HTML, TEXT)
_SUFFIXES = {".pdf": PDF, ".html": HTML, ".htm": HTML, ".txt": TEXT}


def check_format(fmt: object) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"The summary can be saved as pdf, html or txt, not {fmt!r}.")
    assert isinstance(fmt, str)
    return fmt


def format_for_path(path: Path, default: str = PDF) -> str:
    """The format a file name asks for by its suffix (.pdf, .html/.htm, .txt), else `default`."""
    return _SUFFIXES.get(Path(path).suffix.lower(), default)


def summary_bytes(summary: PublishedSummary, fmt: str) -> bytes:
    """The file's whole content, built in memory (nothing touches the disk)."""
    fmt = check_format(fmt)
    if fmt == HTML:
        return build_html_bytes(summary)
    if fmt == TEXT:
        return build_text_bytes(summary)
    return build_pdf_bytes(summary)
