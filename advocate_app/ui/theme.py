"""Calm and plain: Fusion, one accent color, the system's text size, generous spacing."""

from __future__ import annotations

from advocate_app.ui.qt import QApplication, QColor, QPalette, QStyleFactory

ACCENT = "#2B6A73"  # deep teal: calm, readable with white text, not an alarm color
ACCENT_SOFT = "#E3EFF0"
DEMO_COLOR = "#7A4A00"
DEMO_BG = "#FFE7A8"
# Every text colour below has at least 4.5:1 against the background it is drawn on (WCAG 2.2
# AA); tests/ui/test_theme_contrast.py reads them back from the palette and the style sheet.
WINDOW = "#EFEFEF"
BASE = "#FFFFFF"
TEXT = "#1A1A1A"
HINT = "#4D5256"  # secondary text: 6.9:1 on the window, where #777 was 3.9:1
ERROR = "#8A1C1C"
OK = "#1E5E2F"
DISABLED_TEXT = "#2B2B2B"
DISABLED_BG = "#C4C4C4"
FOCUS = "#0B2E33"  # the focus ring: 12:1 on the window, thick enough to see across a room

STYLE = """
QWidget#Page {{ background: palette(window); }}
QLabel[role="title"] {{ font-size: {title}pt; font-weight: 600; }}
QLabel[role="subtitle"] {{ font-size: {subtitle}pt; font-weight: 600; }}
QLabel[role="hint"] {{ color: {hint}; }}
QLabel[role="error"] {{ color: {error}; font-weight: 600; }}
QLabel[role="ok"] {{ color: {ok}; font-weight: 600; }}
QLabel[role="notice"] {{ font-weight: 600; border-left: 4px solid {accent}; padding: 6px 10px;
    background: {accent_soft}; }}
QLabel[role="recovery"] {{ font-family: "DejaVu Sans Mono", monospace; font-size: {recovery}pt;
    letter-spacing: 2px; padding: 12px; border: 1px solid palette(mid); border-radius: 6px;
    background: palette(base); }}
QPushButton {{ padding: 6px 14px; }}
QPushButton:focus, QToolButton:focus {{ outline: none; border: 3px solid {focus};
    border-radius: 4px; padding: 4px 12px; background: {base}; color: {text}; }}
QPushButton[role="primary"] {{ background: {accent}; color: #FFFFFF; border-radius: 4px;
    border: 3px solid {accent}; padding: 4px 14px; font-weight: 600; }}
QPushButton[role="primary"]:disabled {{ background: {disabled_bg}; color: {disabled_text};
    border-color: {disabled_bg}; }}
QPushButton[role="primary"]:focus {{ border: 3px solid {focus}; background: {accent};
    color: #FFFFFF; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QTextBrowser:focus,
QTableView:focus, QTreeView:focus, QListView:focus, QListWidget:focus {{
    border: 3px solid {focus}; }}
QCheckBox:focus, QRadioButton:focus {{ border: 3px solid {focus}; border-radius: 3px; }}
QComboBox:focus, QDateEdit:focus, QSpinBox:focus {{ border: 3px solid {focus};
    border-radius: 3px; padding: 2px 4px; }}
QTabBar::tab:focus {{ border: 3px solid {focus}; }}
QListWidget#Navigation {{ border: 3px solid {accent_soft}; background: {accent_soft};
    color: {text}; padding-top: 8px; }}
QListWidget#Navigation:focus {{ border: 3px solid {focus}; }}
QListWidget#Navigation::item {{ padding: 10px 14px; color: {text}; }}
QListWidget#Navigation::item:selected {{ background: {accent}; color: #FFFFFF; }}
QListWidget#Navigation::item:selected:focus {{ border: 3px solid {focus};
    background: {accent}; color: #FFFFFF; }}
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
    role = QPalette.ColorRole
    # Fixed light colours: the system's grey placeholder and disabled text are too faint.
    for each, colour in ((role.Window, WINDOW), (role.WindowText, TEXT), (role.Base, BASE),
                         (role.AlternateBase, "#F6F6F6"), (role.Text, TEXT),
                         (role.Button, WINDOW), (role.ButtonText, TEXT),
                         (role.PlaceholderText, HINT), (role.ToolTipBase, "#FFFFDC"),
                         (role.ToolTipText, TEXT), (role.Highlight, ACCENT),
                         (role.HighlightedText, "#FFFFFF"), (role.Link, ACCENT)):
        palette.setColor(each, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for each in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, each, QColor(HINT))
    palette.setColor(disabled, role.Highlight, QColor(DISABLED_BG))
    palette.setColor(disabled, role.HighlightedText, QColor(DISABLED_TEXT))
    app.setPalette(palette)
    # Sizes relative to the system's own text size, never below it.
    base = app.font().pointSizeF()
    if base <= 0:
        base = 10.0
    app.setStyleSheet(STYLE.format(
        title=round(base * 1.5, 1), subtitle=round(base * 1.15, 1),
        recovery=round(base * 1.6, 1), accent=ACCENT, accent_soft=ACCENT_SOFT,
        demo_bg=DEMO_BG, demo_color=DEMO_COLOR, hint=HINT, error=ERROR, ok=OK,
        disabled_bg=DISABLED_BG, disabled_text=DISABLED_TEXT, focus=FOCUS, base=BASE, text=TEXT,
    ))
