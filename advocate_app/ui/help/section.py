"""Help inside the app, offline: short task guides, the keyboard shortcuts, the version, the
licences of what is bundled, and where the data lives. F1 opens it; Ctrl+/ lists the shortcuts."""

from __future__ import annotations

import html
from pathlib import Path

from advocate_app.library.guides import Guide, load_guides
from advocate_app.paths import assets_dir
from advocate_app.ui.dialogs import add_dialog_foot
from advocate_app.ui.language import SPANISH, current_language
from advocate_app.ui.qt import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
    tr,
)
from advocate_app.ui.reference.reading_pane import ReadingPane
from advocate_app.ui.roles import KEY_ROLE
from advocate_app.ui.shell import Section
from advocate_app.ui.widgets import label, readable_width

# (component, licence) for what the installer bundles; the full texts ship with the installer.
LICENCES = (
    ("Qt 6 and PySide6", "GNU LGPL version 3"),
    ("SQLCipher", "BSD-style licence (Zetetic LLC)"),
    ("SQLite", "public domain"),
    ("OpenSSL (through cryptography and SQLCipher)", "Apache License 2.0"),
    ("sqlcipher3", "zlib licence"),
    ("SQLAlchemy, Alembic", "MIT licence"),
    ("cryptography", "Apache License 2.0 or BSD licence"),
    ("argon2-cffi", "MIT licence"),
    ("reportlab", "BSD licence"),
    ("markdown-it-py", "MIT licence"),
    ("zxcvbn", "MIT licence"),
    ("rapidfuzz, platformdirs, pydantic, PyYAML", "MIT licence"),
)


def shortcut_rows() -> list[tuple[str, str]]:
    return [
        ("F1", tr("Open Help")),
        ("Ctrl+/", tr("Show this list of shortcuts")),
        ("Ctrl+1 … Ctrl+9", tr("Go to a section, in the order of the list on the left")),
        ("Ctrl+K", tr("Search everything")),
        ("Ctrl+L", tr("Lock now (unsaved text is kept as a draft)")),
        ("Ctrl+N", tr("Clients: write a new note for the open client")),
        ("Ctrl+F", tr("Clients: search all notes")),
        ("Ctrl+Enter", tr("Save the note being written")),
        ("Ctrl+G", tr("Notes: open the services given, to tick them for the funder's report")),
        ("F2, Enter", tr("Needs: change the selected need's status")),
        ("Alt+1 … Alt+5", tr("Needs: set the status directly")),
        ("Delete", tr("Needs: remove the selected need")),
        ("Escape", tr("Leave the search results")),
    ]


def shortcuts_html() -> str:
    rows = "".join(
        f"<tr><td style='padding:4px 16px 4px 0'><b>{html.escape(keys)}</b></td>"
        f"<td style='padding:4px 0'>{html.escape(what)}</td></tr>"
        for keys, what in shortcut_rows()
    )
    return (
        f"<h1>{html.escape(tr('Keyboard shortcuts'))}</h1>"
        f"<table><tr><th align='left'>{html.escape(tr('Keys'))}</th>"
        f"<th align='left'>{html.escape(tr('What they do'))}</th></tr>{rows}</table>"
    )


def about_html(data_dir: Path | None) -> str:
    import advocate_app

    version = advocate_app.__version__
    where = html.escape(str(data_dir)) if data_dir is not None else ""
    care = tr(
        "Without a passphrase or the recovery key the files cannot be read. Copy them "
        "only with Backups, never by hand."
    )
    licences = "".join(
        f"<tr><td style='padding:2px 16px 2px 0'>{html.escape(name)}</td>"
        f"<td>{html.escape(licence)}</td></tr>"
        for name, licence in LICENCES
    )
    return (
        f"<h1>{html.escape(tr('About Advocate Companion'))}</h1>"
        f"<p>{html.escape(tr('Version {0}').format(version))}</p>"
        f"<p>{html.escape(tr('It works without the internet and never connects to it.'))}</p>"
        f"<h2>{html.escape(tr('Where the data lives'))}</h2>"
        f"<p>{html.escape(tr('The encrypted vault and the daily backups are in this folder:'))}"
        f"<br><code>{where}</code></p>"
        f"<p>{html.escape(care)}</p>"
        f"<h2>{html.escape(tr('Licences of the bundled components'))}</h2>"
        f"<table>{licences}</table>"
    )


class HelpSection(Section):
    title = "Help"

    def __init__(self, data_dir: Path | None = None, folder: Path | None = None) -> None:
        super().__init__()
        self.title = tr("Help")
        self.data_dir = data_dir
        folder = folder or assets_dir() / "help"
        # The guides in the language of the interface (assets/help/es/), English otherwise.
        spanish = load_guides(folder / "es") if current_language() == SPANISH else []
        self.guides: list[Guide] = spanish or load_guides(folder)
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(label(tr("Help"), "title", wrap=False))
        self.topics = QListWidget()
        self.topics.setAccessibleName(tr("Help topics"))
        self.topics.setAccessibleDescription(
            tr(
                "One row per short guide, then the keyboard shortcuts and the version and "
                "licences. Moving to a row shows it beside the list."
            )
        )
        for guide in self.guides:
            self._add_topic(guide.title, f"guide:{guide.slug}")
        self._add_topic(tr("Keyboard shortcuts"), "shortcuts")
        self._add_topic(tr("About, version and licences"), "about")
        self.topics.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.topics.setMaximumWidth(self.fontMetrics().averageCharWidth() * 40)
        left.addWidget(self.topics, 1)
        outer.addLayout(left)
        self.pane = ReadingPane()
        self.pane.setAccessibleName(tr("Help text"))
        self.pane.setAccessibleDescription(tr("The text of the topic chosen in the list."))
        outer.addWidget(self.pane, 1)
        self.topics.currentItemChanged.connect(self._show)
        self.topics.setCurrentRow(0)

    def _add_topic(self, text: str, key: str) -> None:
        item = QListWidgetItem(text)
        item.setData(KEY_ROLE, key)
        item.setToolTip(text)
        self.topics.addItem(item)

    def open_topic(self, key: str) -> None:
        for row in range(self.topics.count()):
            if self.topics.item(row).data(KEY_ROLE) == key:
                self.topics.setCurrentRow(row)
                return

    def _show(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        key = item.data(KEY_ROLE) if item is not None else ""
        if key == "shortcuts":
            self.pane.setHtml(shortcuts_html())
        elif key == "about":
            self.pane.setHtml(about_html(self.data_dir))
        else:
            guide = next((g for g in self.guides if f"guide:{g.slug}" == key), None)
            self.pane.setHtml(guide.html() if guide else "")

    def on_show(self) -> None:
        self.topics.setFocus()

    def location(self) -> dict[str, object]:
        item = self.topics.currentItem()
        return {"topic": item.data(KEY_ROLE)} if item else {}

    def restore_location(self, loc: dict[str, object]) -> None:
        if isinstance(loc.get("topic"), str):
            self.open_topic(str(loc["topic"]))


class ShortcutsDialog(QDialog):
    """Ctrl+/: every shortcut on one page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        self.pane = ReadingPane()
        self.pane.setAccessibleName(tr("Keyboard shortcuts"))
        self.pane.setHtml(shortcuts_html())
        layout.addWidget(self.pane)
        close = add_dialog_foot(self, layout, None, cancel=tr("Close")).cancel
        close.setDefault(True)
        readable_width(self, 70)
        self.resize(self.minimumWidth(), self.fontMetrics().height() * 28)
