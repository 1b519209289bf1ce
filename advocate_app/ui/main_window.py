"""The one main window: a stack of pages under an optional DEMO banner, kept on the screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advocate_app.ui.language import language_notice
from advocate_app.ui.qt import (
    QApplication,
    QMainWindow,
    QRect,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
)

if TYPE_CHECKING:
    from advocate_app.ui.shell import DemoBanner

WINDOW_TITLE = "Companion"  # neutral on purpose: never an office, a client or "trafficking"

PREFERRED_SIZE = (1200, 800)
# Small enough for 1280×720 at 150% scaling (853×480 logical) minus a task bar.
MINIMUM_SIZE = (760, 420)


def fit_to_screen(wanted: QRect, available: QRect) -> QRect:
    """The window's geometry moved and shrunk so that all of it lies on the available screen."""
    width = min(wanted.width(), available.width())
    height = min(wanted.height(), available.height())
    x = min(max(wanted.x(), available.x()), available.x() + available.width() - width)
    y = min(max(wanted.y(), available.y()), available.y() + available.height() - height)
    return QRect(x, y, width, height)


def scrolling(widget: QWidget) -> QScrollArea:
    """Wrap a page so that a screen too small for it scrolls instead of squashing it."""
    area = QScrollArea()
    area.setAccessibleName(tr("Page"))
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


class MainWindow(QMainWindow):
    closing = Signal()
    language_changed = Signal()  # a translator was installed or removed (any window's switch)

    def __init__(self, demo_banner: str | None = None) -> None:
        super().__init__()
        self.setWindowTitle(WINDOW_TITLE)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner: DemoBanner | None = None
        if demo_banner:
            from advocate_app.ui.shell import DemoBanner  # demo windows only: not at start-up

            self.banner = DemoBanner(demo_banner)
            layout.addWidget(self.banner)
        self.stack = QStackedWidget()
        self.page_area = scrolling(self.stack)
        layout.addWidget(self.page_area, 1)
        self.setCentralWidget(central)
        self.setMinimumSize(*MINIMUM_SIZE)
        self.fit_to_screen(QRect(0, 0, *PREFERRED_SIZE), centre=True)
        # Not changeEvent: see LanguageNotice.
        language_notice().changed.connect(self._language_changed)

    def fit_to_screen(self, wanted: QRect | None = None, *, centre: bool = False) -> None:
        """Never larger than the available screen; restored positions are pulled back onto it."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None or self.isMaximized() or self.isFullScreen():
            return
        available = screen.availableGeometry()
        wanted = wanted if wanted is not None else self.geometry()
        if centre:
            wanted = QRect(0, 0, wanted.width(), wanted.height())
            wanted.moveCenter(available.center())
        fitted = fit_to_screen(wanted, available)
        # 1280×720 at 200% leaves 640×360: the minimum never exceeds the screen either.
        self.setMinimumSize(
            min(MINIMUM_SIZE[0], available.width()), min(MINIMUM_SIZE[1], available.height())
        )
        self.resize(
            max(fitted.width(), min(MINIMUM_SIZE[0], available.width())),
            max(fitted.height(), min(MINIMUM_SIZE[1], available.height())),
        )
        self.move(fitted.topLeft())

    def _language_changed(self) -> None:
        self.page_area.setAccessibleName(tr("Page"))
        self.language_changed.emit()

    def closeEvent(self, event) -> None:
        self.closing.emit()
        super().closeEvent(event)
