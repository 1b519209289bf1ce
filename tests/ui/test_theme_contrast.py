"""WCAG 2.2 AA, for every theme the app can show (light, dark, high contrast): every text colour
the theme sets, read back from the palette and the style sheet, against the background it is
drawn on; focus rings against what surrounds them."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from advocate_app.ui import theme
from advocate_app.ui.qt import QApplication, QColor, QPalette


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _rules(app: QApplication) -> list[tuple[str, dict[str, str]]]:
    palette = app.palette()
    roles = {
        "window": QPalette.ColorRole.Window,
        "base": QPalette.ColorRole.Base,
        "mid": QPalette.ColorRole.Mid,
        "text": QPalette.ColorRole.Text,
        "placeholder-text": QPalette.ColorRole.PlaceholderText,
        "window-text": QPalette.ColorRole.WindowText,
    }

    def resolve(value: str) -> str:
        found = re.search(r"palette\(([\w-]+)\)", value)
        if found:
            return palette.color(roles[found.group(1)]).name()
        found = re.search(r"#[0-9A-Fa-f]{6}\b|\bwhite\b", value)
        return found.group(0) if found else ""

    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", app.styleSheet()):
        props = {}
        for decl in body.split(";"):
            if ":" in decl:
                name, value = decl.split(":", 1)
                props[name.strip()] = resolve(value)
        rules.append((" ".join(selector.split()), props))
    return rules


@pytest.fixture(params=sorted(theme.THEMES))
def themed(request, qapp) -> Iterator[QApplication]:
    shown = theme.apply_theme(qapp, request.param)
    assert shown == request.param
    yield qapp
    theme.apply_theme(qapp, "light")  # the other tests see the default theme


def test_palette_text_pairs_meet_aa(themed: QApplication) -> None:
    palette = themed.palette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    pairs = [
        ("window text", group.Active, role.WindowText, role.Window),
        ("text in fields", group.Active, role.Text, role.Base),
        ("button text", group.Active, role.ButtonText, role.Button),
        ("placeholder in fields", group.Active, role.PlaceholderText, role.Base),
        ("placeholder on the window", group.Active, role.PlaceholderText, role.Window),
        ("selected text", group.Active, role.HighlightedText, role.Highlight),
        ("links", group.Active, role.Link, role.Base),
        ("tooltips", group.Active, role.ToolTipText, role.ToolTipBase),
        ("disabled text", group.Disabled, role.WindowText, role.Window),
        ("disabled button text", group.Disabled, role.ButtonText, role.Button),
        ("disabled selection", group.Disabled, role.HighlightedText, role.Highlight),
    ]
    failures = [
        f"{name}: {contrast(palette.color(g, fg), palette.color(g, bg)):.2f}"
        for name, g, fg, bg in pairs
        if contrast(palette.color(g, fg), palette.color(g, bg)) < 4.5
    ]
    assert not failures


def test_every_style_sheet_colour_meets_aa(themed: QApplication) -> None:
    window = themed.palette().color(QPalette.ColorRole.Window).name()
    checked = 0
    failures = []
    for selector, props in _rules(themed):
        if "color" in props:
            background = props.get("background") or window
            ratio = contrast(QColor(props["color"]), QColor(background))
            checked += 1
            if ratio < 4.5:
                failures.append(f"{selector}: {props['color']} on {background} is {ratio:.2f}")
    assert checked >= 8  # hint, error, ok, primary (enabled, disabled, focused), navigation
    assert not failures


def test_focus_rings_are_thick_and_visible(themed: QApplication) -> None:
    rules = dict(_rules(themed))
    sheet = themed.styleSheet()
    colours = theme.THEMES[themed.property("advocate_theme")]
    focus = QColor(colours.focus)
    for selector in ('QPushButton[role="primary"]:focus', "QListWidget#Navigation:focus"):
        assert selector in rules, selector
    for surround in (colours.window, colours.base, colours.accent_soft):
        assert contrast(focus, QColor(surround)) >= 3.0, surround
    # Every focusable kind of widget gets a ring of at least 2 px in the focus colour.
    for kind in (
        "QPushButton",
        "QLineEdit",
        "QPlainTextEdit",
        "QComboBox",
        "QCheckBox",
        "QListWidget#Navigation",
        "QTableView",
        "QTabBar::tab",
    ):
        blocks = [
            body
            for sel, body in re.findall(r"([^{}]+)\{([^}]*)\}", sheet)
            if kind in sel and ":focus" in sel
        ]
        ring = rf"border:\s*([2-9])px solid {colours.focus}"
        assert any(re.search(ring, b) for b in blocks), kind


def test_hint_text_reads_in_a_window(qtbot, themed: QApplication) -> None:
    from advocate_app.ui.widgets import label

    hint = label("Notes can be subpoenaed", "hint")
    qtbot.addWidget(hint)
    hint.show()
    hint.ensurePolished()
    drawn = hint.palette().color(QPalette.ColorRole.WindowText)
    assert contrast(drawn, themed.palette().color(QPalette.ColorRole.Window)) >= 4.5


def test_the_system_dark_setting_is_followed(qapp, monkeypatch) -> None:
    monkeypatch.setattr(theme, "system_theme", lambda: "dark")
    try:
        assert theme.apply_theme(qapp, "system") == "dark"
        window = qapp.palette().color(QPalette.ColorRole.Window)
        assert window.lightness() < 60
        assert theme.apply_theme(qapp, "high_contrast") == "high_contrast"  # a choice wins
    finally:
        theme.apply_theme(qapp, "light")


def test_settings_offer_high_contrast(qtbot, unlocked) -> None:
    section = unlocked.shell.show_section("settings")
    index = section.theme.findData("high_contrast")
    assert index >= 0
    section.theme.setCurrentIndex(index)
    try:
        assert QApplication.instance().property("advocate_theme") == "high_contrast"
        assert unlocked.settings.theme == "high_contrast"
    finally:
        section.theme.setCurrentIndex(section.theme.findData("system"))  # saved back
        theme.apply_theme(QApplication.instance(), "light")
