"""Helpers shared by the ui tests: unlocking as a person would, waiting for the app's
background work to finish (a real condition, never a fixed sleep), and finding English left
in the Spanish interface."""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from advocate_app.ui.controller import AppController
from advocate_app.ui.qt import QDialog, QDialogButtonBox, Qt
from advocate_app.ui.worker import tasks_running
from tests.helpers import PASSPHRASE


def unlock(qtbot: Any, controller: AppController, passphrase: str = PASSPHRASE) -> None:
    """Type the passphrase on the unlock page, click Unlock, wait for the shell, shown and
    painting: an unlock in turns puts the shell in the window with its painting held, and lets
    it paint two turns later, so a test that went on at the first would repaint nothing."""
    page = controller.unlock_page
    qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is page)
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            controller.shell is not None
            and controller.window.stack.currentWidget() is controller.shell
            and controller.window.updatesEnabled()
        ),
        timeout=15000,
    )


def count_calls(monkeypatch: Any, owner: object, name: str) -> list[int]:
    """owner.name (a public function of a module) replaced, for the test, by one that notes
    each call and then does the real work; returns the list that grows by one per call."""
    calls: list[int] = []
    real = getattr(owner, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return calls


def calls_on_gui_thread(monkeypatch: Any, owner: object, name: str) -> list[bool]:
    """As count_calls, noting for each call whether it ran on the GUI thread (the main
    thread) rather than on a worker."""
    on_gui: list[bool] = []
    real = getattr(owner, name)

    def noting(*args: Any, **kwargs: Any) -> Any:
        on_gui.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, noting)
    return on_gui


def wait_for_background_work(qtbot: Any, timeout: int = 20000) -> None:
    """Wait until every task started through ui.worker has come back to the GUI thread and its
    callback has run: what a test waits for before it checks that something did NOT happen."""
    qtbot.waitUntil(lambda: tasks_running() == 0, timeout=timeout)


def click_accept(dialog: QDialog) -> None:
    """Press the dialog's accepting button (OK, Save, Add...), as a person would."""
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None, "the dialog has no button box"
    accepting = [
        b
        for b in box.buttons()
        if box.buttonRole(b)
        in (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole)
    ]
    assert len(accepting) == 1, "expected one accepting button"
    accepting[0].click()


# --- the Spanish interface: what is still English -------------------------------------------

TS = Path(__file__).resolve().parents[2] / "assets" / "translations" / "advocate_es.ts"
# Shown the same in both languages on purpose: names, abbreviations, key names.
ALLOWED = {
    "DMV",
    "VOCA",
    "Ctrl+K",
    "PDF",
    "Advocate Companion",
    "Companion",
    "English",
    "Español",
    "OK",
}


def ts_messages() -> list[ET.Element]:
    return list(ET.parse(TS).getroot().iter("message"))  # noqa: S314 (the project's own file)


def english_sources() -> set[str]:
    """English texts that read differently in Spanish: seeing one in Spanish is a miss."""
    found = set()
    for message in ts_messages():
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = (
            [f.text or "" for f in translation.findall("numerusform")]
            if (translation is not None)
            else []
        )
        spanish = forms or [translation.text or "" if translation is not None else ""]
        if source not in spanish:
            found.add(source.replace("&", ""))
    return found - ALLOWED


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) for every visible text a person or a screen reader meets under root."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        name = type(widget).__name__
        yield f"{name} tooltip", widget.toolTip()
        yield f"{name} accessible name", widget.accessibleName()
        if isinstance(widget, QLabel | QAbstractButton):
            yield f"{name} text", widget.text()
        if isinstance(widget, QGroupBox):
            yield f"{name} title", widget.title()
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            yield f"{name} placeholder", widget.placeholderText()
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{name} item", widget.itemText(i)
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield f"{name} tab", widget.tabText(i)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: one column, not for callers to ask
                columns = 1
            for column in range(columns):
                yield (
                    f"{name} header",
                    str(
                        model.headerData(
                            column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
                        )
                        or ""
                    ),
                )
            for row in range(min(model.rowCount(QModelIndex()), 30)):
                for column in range(columns):
                    index = model.index(row, column)
                    yield f"{name} cell", str(index.data(Qt.ItemDataRole.DisplayRole) or "")


def english_left(root: QWidget, where: str, english: set[str]) -> list[str]:
    found = []
    for what, text in visible_texts(root):
        plain = (text or "").replace("&", "").strip()
        lines = [plain, *plain.split("\n")]
        for line in lines:
            if line in english:
                found.append(f"{where}: {what} {line!r}")
                break
    return found
