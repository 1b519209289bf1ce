"""Run in a child process (QT_SCALE_FACTOR must be set before QApplication exists): open every
section, a client's tabs and the main dialogs at one screen size, and print each widget that is
squashed below its minimum size hint or each label whose text is cut off.

    python -m tests.ui.layout_walk WIDTH HEIGHT FOLDER [SCREENSHOT_DIR]

WIDTH and HEIGHT are physical pixels of the screen: the offscreen platform is given one screen
of that size (a config file), and the window chooses its own size from it, as on a laptop.
FOLDER holds the vault to walk (made by make_vault, by the caller or here when missing).
LAYOUT_LANGUAGE names the interface languages to walk, one after the other, each in a window
built afresh in that language ("en,es"; empty: the system's). Exit status 0 and "OK" when
nothing is wrong.
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import date
from pathlib import Path


def _fake_screen(width: int, height: int, folder: Path) -> None:
    config = folder.parent / f"screen-{width}x{height}.json"
    config.write_text(
        json.dumps(
            {
                "synchronousWindowSystemEvents": False,
                "windowFrameMargins": False,
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ],
            }
        )
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


PASSPHRASE = "plum tractor quietly 42 harbor"
# Up to 150%, nothing scrolls sideways; at 200% a small screen (1280×720 leaves 640×360) may
# scroll both ways.
_SIDEWAYS_CHECKED = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1) <= 1.5
LONG_NEED = "Emergency shelter for tonight and the next two weeks, away from the trafficker"


def _problems(root, where: str) -> list[str]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import (
        QAbstractScrollArea,
        QComboBox,
        QHeaderView,
        QLabel,
        QScrollArea,
        QStackedLayout,
        QWidget,
    )

    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if not widget.isVisible():
            continue
        name = widget.objectName() or type(widget).__name__
        if (
            name.startswith("qt_")
            or isinstance(widget, QHeaderView)
            or isinstance(widget.parentWidget(), QComboBox)
        ):
            continue  # Qt's own parts of a spin box, a table or an editable combo: their owner is checked
        hint = widget.minimumSizeHint()
        size = widget.size()
        if isinstance(widget, QAbstractScrollArea):
            # Scroll areas and lists scroll: only a sliver too small to use is a problem, and
            # a form that scrolls sideways (its right edge is cut off until one scrolls).
            if size.height() < 40 and widget.maximumHeight() >= 40:
                found.append(f"{where}: {name} is {size.height()} px tall")
            if (
                isinstance(widget, QScrollArea)
                and _SIDEWAYS_CHECKED
                and widget.horizontalScrollBar().isVisible()
            ):
                inner = widget.widget()
                found.append(
                    f"{where}: {name} scrolls sideways ({widget.viewport().width()} px shown of "
                    f"{inner.width() if inner is not None else '?'})"
                )
            continue
        layout = widget.layout()
        if (
            layout is not None
            and layout.hasHeightForWidth()
            and not isinstance(layout, QStackedLayout)  # only its current page is shown
        ):
            # Wrapped text needs more height when narrower; a box given less than that lays its
            # parts over one another (its minimum size hint does not say so: a splitter, for
            # one, only looks at that).
            needed = layout.totalMinimumHeightForWidth(size.width())
            if size.height() + 1 < min(needed, widget.maximumHeight()):
                found.append(
                    f"{where}: {name} is {size.height()} px tall, its parts need {needed} px "
                    "(they overlap)"
                )
                continue
        if hint.isValid() and (
            size.width() + 1 < min(hint.width(), widget.maximumWidth())
            or size.height() + 1 < min(hint.height(), widget.maximumHeight())
        ):
            text = widget.text()[:40] if isinstance(widget, QLabel) else ""
            found.append(
                f"{where}: {name} {text!r} is {size.width()}×{size.height()}, "
                f"needs {hint.width()}×{hint.height()}"
            )
            continue
        if getattr(widget, "elides", False):
            continue  # cut with "…" on purpose when narrow (widgets.ElidingLabel)
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            rect = widget.contentsRect()
            metrics = widget.fontMetrics()
            text = widget.text()
            if widget.textFormat() != widget.textFormat().PlainText and "<" in text:
                continue  # rich text lays itself out
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > 0 and widget.height() + 1 < needed:
                    found.append(
                        f"{where}: label {text[:40]!r} is cut off ({widget.height()} < {needed} px)"
                    )
            else:
                longest = max(
                    metrics.horizontalAdvance(line.replace("&", "")) for line in text.split("\n")
                )
                if rect.width() + 1 < longest:
                    found.append(
                        f"{where}: label {text[:40]!r} is elided ({rect.width()} < {longest} px)"
                    )
    return found


def make_vault(folder: Path) -> None:
    """The vault the walk shows: one client with long needs and a few notes."""
    from advocate_app.store import clients, needs, notes
    from advocate_app.store.vault import Vault

    vault, _key = Vault.create(
        folder,
        office_name="Riverbend Advocacy Office",
        user_name="Maria",
        passphrase=PASSPHRASE,
        kdf_target_seconds=0,
    )
    try:
        client_id = clients.create_client(
            vault, clients.ClientFields(alias="Rosalind Q.", intake_date=date(2026, 3, 2))
        )
        needs.add_need(vault, client_id, "housing", LONG_NEED, next_step="Call the shelter")
        needs.add_need(vault, client_id, "license_id", "Passport replacement")
        for number in range(6):
            notes.add_note(vault, client_id, "contact", f"Phone call number {number}. " * 8)
    finally:
        vault.close()


def main() -> int:
    width, height = int(sys.argv[1]), int(sys.argv[2])
    folder = Path(sys.argv[3])
    shots = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    folder.parent.mkdir(parents=True, exist_ok=True)
    _fake_screen(width, height, folder)

    from advocate_app.store.vault import Vault
    from advocate_app.ui.app import make_application

    app = make_application([])
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    available = app.primaryScreen().availableGeometry()
    assert abs(available.width() - width / scale) <= 1, available

    if not Vault.exists(folder):
        make_vault(folder)
    problems: list[str] = []
    # LAYOUT_LANGUAGE=en,es walks the English, then the Spanish interface (strings run about
    # 25% longer), each in a window built in that language, as the app starts in it.
    for language in os.environ.get("LAYOUT_LANGUAGE", "").split(","):
        found = _walk(folder, language, available, width, height, scale, shots)
        problems += [f"[{language}] {line}" if language else line for line in found]
    for line in problems:
        print(line)
    if not problems:
        print("OK")
    return 1 if problems else 0


def _walk(  # type: ignore[no-untyped-def]
    folder: Path, language: str, available, width: int, height: int, scale: float, shots
) -> list[str]:
    from advocate_app.settings import Settings
    from advocate_app.store import clients, needs
    from advocate_app.store.vault import Vault
    from advocate_app.ui.app import build_controller
    from advocate_app.ui.qt import QApplication, QDialog

    with Vault.open(folder) as vault:
        user_id = vault.users_for_unlock()[0].id
    controller = build_controller(
        folder, Settings(automatic_backups=False, language=language), kdf_target_seconds=0
    )
    window = controller.window
    window.show()
    controller.start()
    problems: list[str] = []
    if not available.contains(window.frameGeometry()):
        problems.append(f"the window {window.frameGeometry()} does not fit on {available}")

    def settle() -> None:
        for _ in range(10):
            QApplication.processEvents()

    def check(where: str, widget) -> None:  # type: ignore[no-untyped-def]
        settle()
        found = _problems(widget, where)
        # A layout still settling (a change made on a 1 ms timer, the minimum heights passed
        # up level by level) is looked at again until it has, for at most two seconds.
        give_up = time.monotonic() + 2
        while found and time.monotonic() < give_up:
            settle()
            found = _problems(widget, where)
        problems.extend(found)
        if shots is not None:
            safe = where.replace("/", "-").replace(" ", "_")
            widget.grab().save(str(shots / f"{width}x{height}@{scale}{language}-{safe}.png"))

    check("unlock", window)
    controller.vault.unlock(user_id, PASSPHRASE)  # type: ignore[union-attr]
    client_id = clients.list_clients(controller.vault, clients.ClientQuery(status="all"), limit=1)[
        0
    ].id
    controller.enter_shell()
    shell = controller.shell
    assert shell is not None
    for row in range(shell.nav.count()):
        shell.nav.setCurrentRow(row)
        key = shell.current_key()
        check(f"section {key}", window)
        if key == "clients":
            section = shell.sections["clients"]
            detail = section.open_client(client_id)  # type: ignore[attr-defined]
            for index, tab in enumerate(detail.tab_keys):
                detail.tabs.setCurrentIndex(index)
                check(f"client {tab}", window)
                # The folded VOCA parts (issue 20), opened: they must fit too.
                if tab == "notes":
                    detail.notes.composer.services.toggle.setChecked(True)
                    check("client notes, services open", window)
                    detail.notes.composer.services.toggle.setChecked(False)
                elif tab == "profile":
                    detail.profile_form.funder.toggle.setChecked(True)
                    check("client profile, funder questions open", window)
    # The main dialogs, each at its own size on this screen.
    from advocate_app.store.diagnose import Diagnosis, Problem
    from advocate_app.ui.appointments.dialog import AppointmentDialog
    from advocate_app.ui.clients import dialogs as client_dialogs
    from advocate_app.ui.needs.dialogs import AddFromChecklistDialog, AddOwnNeedDialog
    from advocate_app.ui.settings import users_dialogs

    detail = shell.sections["clients"].open_client(client_id)  # type: ignore[attr-defined]
    needs_panel = detail.show_tab("needs")
    dialogs: list[QDialog] = [
        client_dialogs.DestroyDialog("Rosalind Q.", window),  # type: ignore[call-arg]
        users_dialogs.AddUserDialog(window),  # type: ignore[call-arg]
        AddFromChecklistDialog(
            needs.template(controller.vault), needs_panel.model.all_needs(), window
        ),
        AddOwnNeedDialog("housing", window),
        AppointmentDialog(None, window),
        client_dialogs.ReleaseDialog(window),
        client_dialogs.AnonymousContactDialog(window),
        client_dialogs.CloseDialog(window),
    ]
    for dialog in dialogs:
        dialog.show()
        settle()
        check(f"dialog {type(dialog).__name__}", dialog)
        dialog.reject()
    # The pages before and beside the shell: the recovery key, a damaged vault, a message.
    recovery = controller.recovery
    recovery.show_key("-".join(["ABCD"] * 8))
    window.stack.setCurrentWidget(recovery)
    check("page recovery key", window)
    damaged = controller.damaged
    damaged.show_diagnosis(Diagnosis(Problem.KEYS_FROM_ANOTHER_VAULT, folder))
    window.stack.setCurrentWidget(damaged)
    check("page damaged vault", window)
    controller.shutdown()
    window.close()
    return problems


if __name__ == "__main__":
    sys.exit(main())
