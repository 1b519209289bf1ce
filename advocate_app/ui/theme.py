"""Calm and plain: Fusion, one accent color, the system's text size, generous spacing.

Three themes: light (the default), dark (when the system asks for dark) and high contrast (white
on black, a yellow focus ring), chosen in Settings or following the system. Every text colour
has at least 4.5:1 against the background it is drawn on and every focus ring 3:1 (WCAG 2.2
AA); tests/ui/test_theme_contrast.py reads them back from the palette and the style sheet of
each theme.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from advocate_app.paths import config_dir
from advocate_app.store.fsutil import atomic_write_bytes
from advocate_app.ui import qt
from advocate_app.ui.qt import QApplication, QColor, QGuiApplication, QPalette, QStyleFactory


@dataclass(frozen=True)
class Theme:
    """One theme's colours, by what each is for."""

    window: str
    base: str
    alternate_base: str
    text: str
    hint: str  # secondary text
    error: str
    ok: str
    accent: str  # primary buttons, the selected section, selected rows
    accent_text: str  # text drawn on the accent
    accent_soft: str  # the navigation's background
    link: str
    tooltip_base: str
    disabled_text: str  # on disabled_bg (a disabled primary button)
    disabled_bg: str
    focus: str  # the focus ring
    demo_color: str = "#7A4A00"
    demo_bg: str = "#FFE7A8"
    # Drawn around text fields and lists when the style's own frame would not show (Fusion
    # darkens the window colour for it: nothing on black).
    field_border: str = ""


LIGHT = Theme(
    window="#EFEFEF",
    base="#FFFFFF",
    alternate_base="#F6F6F6",
    text="#1A1A1A",
    hint="#4D5256",  # 6.9:1 on the window, where #777 was 3.9:1
    error="#8A1C1C",
    ok="#1E5E2F",
    accent="#2B6A73",  # deep teal: calm, readable with white text, not an alarm color
    accent_text="#FFFFFF",
    accent_soft="#E3EFF0",
    link="#2B6A73",
    tooltip_base="#FFFFDC",
    disabled_text="#2B2B2B",
    disabled_bg="#C4C4C4",
    focus="#0B2E33",  # 12:1 on the window, thick enough to see across a room
)
DARK = Theme(
    window="#1E1F22",
    base="#2A2B2F",
    alternate_base="#323338",
    text="#EDEDED",
    hint="#B9BEC3",
    error="#FFA3A3",
    ok="#93D9A4",
    accent="#2B6A73",
    accent_text="#FFFFFF",
    accent_soft="#243538",
    link="#8FD3DC",
    tooltip_base="#3A3B40",
    disabled_text="#E6E6E6",
    disabled_bg="#4A4B50",
    focus="#9BE7F0",
)
HIGH_CONTRAST = Theme(
    window="#000000",
    base="#000000",
    alternate_base="#1A1A1A",
    text="#FFFFFF",
    hint="#E6E6E6",
    error="#FFB3B3",
    ok="#A6F0B5",
    accent="#00E5FF",
    accent_text="#000000",
    accent_soft="#000000",
    link="#00E5FF",
    tooltip_base="#000000",
    disabled_text="#FFFFFF",
    disabled_bg="#404040",
    focus="#FFFF00",
    field_border="#FFFFFF",
)
THEMES: dict[str, Theme] = {"light": LIGHT, "dark": DARK, "high_contrast": HIGH_CONTRAST}
# What Settings offers: follow the system, or one theme always.
CHOICES: tuple[str, ...] = ("system", "light", "dark", "high_contrast")

# The light theme's colours by their old names (other modules and tests read these).
ACCENT = LIGHT.accent
ACCENT_SOFT = LIGHT.accent_soft
DEMO_COLOR = LIGHT.demo_color
DEMO_BG = LIGHT.demo_bg
WINDOW = LIGHT.window
BASE = LIGHT.base
TEXT = LIGHT.text
HINT = LIGHT.hint
ERROR = LIGHT.error
OK = LIGHT.ok
DISABLED_TEXT = LIGHT.disabled_text
DISABLED_BG = LIGHT.disabled_bg
FOCUS = LIGHT.focus

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
QPushButton[role="primary"] {{ background: {accent}; color: {accent_text}; border-radius: 4px;
    border: 3px solid {accent}; padding: 4px 14px; font-weight: 600; }}
QPushButton[role="primary"]:disabled {{ background: {disabled_bg}; color: {disabled_text};
    border-color: {disabled_bg}; }}
QPushButton[role="primary"]:focus {{ border: 3px solid {focus}; background: {accent};
    color: {accent_text}; }}
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
QListWidget#Navigation::item:selected {{ background: {accent}; color: {accent_text}; }}
QListWidget#Navigation::item:selected:focus {{ border: 3px solid {focus};
    background: {accent}; color: {accent_text}; }}
QLabel#DemoBanner {{ background: {demo_bg}; color: {demo_color}; font-weight: 700;
    font-size: {subtitle}pt; padding: 8px; border-bottom: 3px solid {demo_color}; }}
QLineEdit[readOnlyLook="true"], QPlainTextEdit[readOnlyLook="true"] {{ background: {window};
    color: {text}; border: none; border-left: 3px solid {hint}; padding-left: 6px; }}
QLineEdit[readOnlyLook="true"]:focus, QPlainTextEdit[readOnlyLook="true"]:focus {{
    border: 3px solid {focus}; }}
QFrame#TopBar {{ border-bottom: 1px solid palette(mid); }}
"""

# Only for a theme with field_border; the focus rules above are more specific and still win.
FIELD_BORDER_STYLE = """
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QDateEdit, QTimeEdit, QSpinBox,
QTableView, QTreeView, QListView {{ border: 1px solid {field_border}; }}
"""


# The theme the system asked for when last asked, beside settings.json (not client content):
# the first window is drawn in it. Asking the system gives an answer from the Qt namespace, which
# PySide builds with its hundred-odd enums on first touch (20-29 ms on this machine; issue 21),
# and nothing else on the way to the unlock window needs it: the system is asked once that
# window is up (check_system_theme), and followed then if it changed meanwhile.
SEEN_FILE_NAME = "system-theme"
_seen: str | None = None  # what the file holds, once read or written
_settled = False  # a theme has been applied, or the system asked, in this process


def system_theme() -> str:
    """The theme the system asks for: high contrast (Qt 6.10+ reports it), dark or light."""
    global _settled
    hints = QGuiApplication.styleHints()
    name = "light"
    accessibility = getattr(hints, "accessibility", None)
    scheme = getattr(hints, "colorScheme", None)  # Qt 6.5+
    if (
        accessibility is not None
        and accessibility().contrastPreference() == qt.Qt.ContrastPreference.HighContrast
    ):
        name = "high_contrast"
    elif scheme is not None and scheme() == qt.Qt.ColorScheme.Dark:
        name = "dark"
    _settled = True
    _remember(name)
    return name


def _seen_last() -> str | None:
    global _seen
    if _seen is None:
        try:
            # A word at most: whatever else is there (a damaged or a planted file) is not read.
            with open(config_dir() / SEEN_FILE_NAME, "rb") as seen:
                _seen = seen.read(32).decode("ascii").strip()
        except (OSError, ValueError):
            _seen = ""
    return _seen if _seen in THEMES else None


def _remember(name: str) -> None:
    global _seen
    if _seen_last() == name:
        return
    _seen = name
    try:
        folder = config_dir()
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(folder / SEEN_FILE_NAME, name.encode("ascii"))
    except OSError:
        pass  # the next start asks the system before its first window, as on the first


def check_system_theme() -> None:
    """Once the first window is up: ask the system (which makes the Qt namespace, on a turn of
    its own) and remember its answer for the next start; follow it if the window was drawn in
    another theme (the one seen last time)."""
    name = system_theme()
    app = QApplication.instance()
    if not (_following_system and isinstance(app, QApplication)):
        return
    if app.property("advocate_theme") != name:
        apply_theme(app, "system")


def _first_look() -> str:
    """The system's theme before the system has been asked: as seen last time (checked once
    the first window is up); the first time ever, asked now."""
    seen = _seen_last()
    return system_theme() if seen is None else seen


def theme_name(choice: str) -> str:
    """The theme shown for a Settings choice ("system" follows the system)."""
    if choice in THEMES:
        return choice
    return system_theme()


_following_system = False
# Given to a QApplication when it is made, so that Fusion is the style Qt makes first (and the
# only one). Asking an application for its style makes PySide build the QStyle class and its
# eleven enums (about 10 ms), which the unlock window never needs: see use_fusion.
FUSION_ARGUMENTS = ["-style", "Fusion"]
_fusion_in_use = False


def fusion_chosen_at_start() -> None:
    """The application was made with FUSION_ARGUMENTS: use_fusion has nothing left to do."""
    global _fusion_in_use
    _fusion_in_use = True


def use_fusion(app: QApplication) -> None:
    """Fusion, the one style every theme is drawn for, unless it is already the style."""
    global _fusion_in_use
    if _fusion_in_use:
        return
    # Often already Fusion (Qt's default where no desktop style applies): making it again
    # costs start-up time for nothing.
    if app.style().name().lower() != "fusion" and "Fusion" in QStyleFactory.keys():  # noqa: SIM118
        app.setStyle("Fusion")
    _fusion_in_use = True


def _system_changed(*_args: object) -> None:
    app = QApplication.instance()
    if _following_system and app is not None:
        apply_theme(app, "system")  # type: ignore[arg-type]


def apply_theme(app: QApplication, choice: str | None = None) -> str:
    """Apply a theme ("system", "light", "dark", "high_contrast"; None: the saved choice) and
    return the name of the theme shown."""
    global _following_system, _settled
    if choice is None:
        from advocate_app.settings import Settings

        choice = Settings.load().theme
    # Only the first theme applied, the start-up's, may be the one seen last time.
    name = _first_look() if choice == "system" and not _settled else theme_name(choice)
    _settled = True
    colours = THEMES[name]
    if not _following_system and choice == "system":
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(_system_changed)
    _following_system = choice == "system"
    use_fusion(app)
    palette = app.palette()  # a copy (QPalette(palette) would make the Qt namespace)
    role = QPalette.ColorRole
    # Fixed colours: the system's grey placeholder and disabled text are too faint.
    for each, colour in (
        (role.Window, colours.window),
        (role.WindowText, colours.text),
        (role.Base, colours.base),
        (role.AlternateBase, colours.alternate_base),
        (role.Text, colours.text),
        (role.Button, colours.window),
        (role.ButtonText, colours.text),
        (role.PlaceholderText, colours.hint),
        (role.ToolTipBase, colours.tooltip_base),
        (role.ToolTipText, colours.text),
        (role.Highlight, colours.accent),
        (role.HighlightedText, colours.accent_text),
        (role.Link, colours.link),
        (role.BrightText, colours.text),
    ):
        palette.setColor(each, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for each in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, each, QColor(colours.hint))
    palette.setColor(disabled, role.Highlight, QColor(colours.disabled_bg))
    palette.setColor(disabled, role.HighlightedText, QColor(colours.disabled_text))
    app.setPalette(palette)
    # Sizes relative to the system's own text size, never below it.
    base = app.font().pointSizeF()
    if base <= 0:
        base = 10.0
    sheet = STYLE
    if colours.field_border:
        sheet = FIELD_BORDER_STYLE + sheet
    app.setStyleSheet(
        sheet.format(
            title=round(base * 1.5, 1),
            subtitle=round(base * 1.15, 1),
            recovery=round(base * 1.6, 1),
            **asdict(colours),
        )
    )
    app.setProperty("advocate_theme", name)
    return name
