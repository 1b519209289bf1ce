"""Printing an article, or saving it as a PDF: Letter pages, no links (they lead nowhere on
paper). Qt's print module is imported here only, when a person prints."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from advocate_app.ui.files import ask_save_path
from advocate_app.ui.qt import (
    QDialog,
    QPageSize,
    QPrintDialog,
    QPrinter,
    QTextDocument,
    QWidget,
    tr,
)
from advocate_app.ui.widgets import inform


def default_pdf_path(slug: str) -> str:
    documents = Path.home() / "Documents"
    folder = documents if documents.is_dir() else Path.home()
    return str(folder / f"{slug}.pdf")


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    printer.setCreator("Advocate Companion")
    return printer


def print_document(parent: QWidget, title: str, document: Callable[[], QTextDocument]) -> None:
    """Ask for a printer, then print the document (made only if the person goes ahead)."""
    printer = new_printer()
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("Print “{0}”").format(title))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    doc = document()
    doc.print_(printer)
    doc.deleteLater()


def save_document_as_pdf(
    parent: QWidget, title: str, slug: str, document: Callable[[], QTextDocument]
) -> None:
    """Ask where, then write the PDF; say so if nothing could be written there."""
    chosen = ask_save_path(
        parent, tr("Save article as PDF"), default_pdf_path(slug), tr("PDF files (*.pdf)")
    )
    if chosen is None:
        return
    path = str(chosen)
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setDocName(title)
    doc = document()
    doc.print_(printer)
    doc.deleteLater()
    written = Path(path)
    if not written.is_file() or written.stat().st_size == 0:
        inform(
            parent,
            tr("PDF not saved"),
            tr(
                "The PDF could not be written to {0}. Choose a folder you can save to, such as "
                "Documents, and try again."
            ).format(written.name),
        )
