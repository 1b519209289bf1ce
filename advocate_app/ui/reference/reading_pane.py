"""The reading pane: an article shown as calm, readable text that opens nothing by itself."""

from __future__ import annotations

from typing import Any

from advocate_app.ui.qt import (
    QFrame,
    QTextBrowser,
    QUrl,
    QWidget,
)

# Longest comfortable reading line, in average characters.
_READING_CHARS = 100


class ReadingPane(QTextBrowser):
    """A QTextBrowser that follows no link by itself and loads nothing from anywhere."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.document().setDocumentMargin(18)
        self.setFrameShape(QFrame.Shape.StyledPanel)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        # Defence in depth: the renderer emits no <img>, and nothing else may be fetched either.
        return None

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_line_length()

    def _fit_line_length(self) -> None:
        # Long lines are hard to read: cap the text column on wide windows.
        cap = self.fontMetrics().averageCharWidth() * _READING_CHARS
        if self.viewport().width() > cap:
            self.setLineWrapMode(QTextBrowser.LineWrapMode.FixedPixelWidth)
            self.setLineWrapColumnOrWidth(cap)
        else:
            self.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
