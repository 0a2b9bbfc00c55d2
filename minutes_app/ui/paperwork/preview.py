"""The print preview of a paper: a dialog over the same pages as the PDF."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from minutes_app.formats.document import Paper
from minutes_app.render.paper import page_layout, paper_document, print_document


def preview_dialog(paper: Paper, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """A print preview of ``paper`` over the same pages as the PDF (not yet shown)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    printer.setDocName(paper.name)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(paper.name)
    document = paper_document(paper)
    document.setParent(dialog)

    def paint(device: QPrinter, keep: QPrinter = printer) -> None:
        # ``keep`` holds the printer for as long as the dialog's connection lives.
        device.setPageLayout(page_layout())
        print_document(document, device)

    dialog.paintRequested.connect(paint)
    return dialog


def preview(paper: Paper, parent: QWidget | None = None) -> int:
    """Show the print preview of ``paper`` and wait until it is closed."""
    return preview_dialog(paper, parent).exec()
