"""Calm and plain: Fusion, one accent color, the system's text size, generous spacing."""

from __future__ import annotations

from advocate_app.ui.qt import QApplication, QColor, QPalette, QStyleFactory

ACCENT = "#2B6A73"  # deep teal: calm, readable with white text, not an alarm color
ACCENT_SOFT = "#E3EFF0"
DEMO_COLOR = "#7A4A00"
DEMO_BG = "#FFE7A8"

STYLE = """
QWidget#Page {{ background: palette(window); }}
QLabel[role="title"] {{ font-size: {title}pt; font-weight: 600; }}
QLabel[role="subtitle"] {{ font-size: {subtitle}pt; font-weight: 600; }}
QLabel[role="hint"] {{ color: palette(placeholder-text); }}
QLabel[role="error"] {{ color: #8A1C1C; font-weight: 600; }}
QLabel[role="ok"] {{ color: #1E5E2F; font-weight: 600; }}
QLabel[role="recovery"] {{ font-family: "DejaVu Sans Mono", monospace; font-size: {recovery}pt;
    letter-spacing: 2px; padding: 12px; border: 1px solid palette(mid); border-radius: 6px;
    background: palette(base); }}
QPushButton {{ padding: 6px 14px; }}
QPushButton[role="primary"] {{ background: {accent}; color: white; border-radius: 4px;
    padding: 7px 16px; font-weight: 600; }}
QPushButton[role="primary"]:disabled {{ background: palette(mid); color: palette(window); }}
QPushButton[role="primary"]:focus {{ border: 2px solid #0B2E33; }}
QListWidget#Navigation {{ border: none; background: {accent_soft}; padding-top: 8px; }}
QListWidget#Navigation::item {{ padding: 10px 14px; }}
QListWidget#Navigation::item:selected {{ background: {accent}; color: white; }}
QLabel#DemoBanner {{ background: {demo_bg}; color: {demo_color}; font-weight: 700;
    font-size: {subtitle}pt; padding: 8px; border-bottom: 3px solid {demo_color}; }}
QFrame#TopBar {{ border-bottom: 1px solid palette(mid); }}
"""


def apply_theme(app: QApplication) -> None:
    # Often already Fusion (Qt's default where no desktop style applies): making it again
    # costs start-up time for nothing.
    if app.style().name().lower() != "fusion" and "Fusion" in QStyleFactory.keys():  # noqa: SIM118
        app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    app.setPalette(palette)
    # Sizes relative to the system's own text size, never below it.
    base = app.font().pointSizeF()
    if base <= 0:
        base = 10.0
    app.setStyleSheet(STYLE.format(
        title=round(base * 1.5, 1), subtitle=round(base * 1.15, 1),
        recovery=round(base * 1.6, 1), accent=ACCENT, accent_soft=ACCENT_SOFT,
        demo_bg=DEMO_BG, demo_color=DEMO_COLOR,
    ))
