"""Presenter mode: the whole application's text scaled up for a projector, and back; and the
trainer screen's large type (titles and the prompt), sized from the application font."""

from __future__ import annotations

from advocate_app.ui.qt import QApplication, QFont, QWidget
from advocate_app.ui.theme import ACCENT, apply_theme

MIN_SCALE = 1.1
MAX_SCALE = 3.0
# The trainer screen's large type, relative to the application font (presenter mode or not).
SCENARIO_TITLE_SCALE = 1.45
STEP_TITLE_SCALE = 1.7
PROMPT_SCALE = 1.35

# The discussion prompt's box on the trainer's screen: set apart, easy to find on a projector.
PROMPT_BOX_STYLE = f"""
QFrame#PromptBox {{ background: palette(base); border: 1px solid palette(midlight);
    border-left: 5px solid {ACCENT}; border-radius: 4px; }}
"""


_normal_point_size: float | None = None


def presenter_mode_active() -> bool:
    return _normal_point_size is not None


def set_presenter_mode(on: bool, scale: float = 1.6) -> None:
    """Scale the whole application's text for a projector, or put it back.

    The theme's style sheet sizes titles and the DEMO banner from the application font, so it
    is applied again after each change.
    """
    global _normal_point_size
    app = QApplication.instance()
    if not isinstance(app, QApplication) or on == presenter_mode_active():
        return
    font = app.font()
    if on:
        base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
        _normal_point_size = base
        # Whole points: predictable sizes for the layout, crisp text on a projector.
        font.setPointSize(round(base * min(MAX_SCALE, max(MIN_SCALE, scale))))
    else:
        font.setPointSizeF(_normal_point_size or font.pointSizeF())
        _normal_point_size = None
    app.setFont(font)
    apply_theme(app)


def scale_text(widget: QWidget, scale: float, *, bold: bool = False) -> None:
    """Give `widget` the application font times `scale` (read again after each change)."""
    base = QApplication.font().pointSizeF()
    if base <= 0:
        base = 10.0
    font = QFont(QApplication.font())
    font.setPointSizeF(round(base * scale, 1))
    font.setWeight(QFont.Weight.DemiBold if bold else QFont.Weight.Normal)
    widget.setFont(font)
