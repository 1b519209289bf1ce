"""The recovery key, shown once at set-up: the page that asks for two groups back, and printing
it or saving it onto a removable drive (never a file on this computer)."""

from __future__ import annotations

import contextlib
import html
from pathlib import Path

from advocate_app.store.crypto import canonical_recovery_text
from advocate_app.ui import removable
from advocate_app.ui.files import ask_save_path
from advocate_app.ui.qt import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTextDocument,
    QWidget,
    Signal,
    tr,
)
from advocate_app.ui.widgets import (
    Page,
    label,
    primary_button,
    set_message,
    status_line,
)


class RecoveryKeyPage(Page):
    """The recovery key, shown once; the person types two groups back to show they have it."""

    confirmed = Signal()
    print_requested = Signal()
    save_to_drive_requested = Signal()

    CHECK_GROUPS = (3, 7)  # 1-based group numbers asked for

    def __init__(self) -> None:
        super().__init__(
            tr("Your recovery key"),
            tr(
                "If every passphrase is forgotten, this key is the only way into the office's "
                "records. It is shown only now."
            ),
        )
        self.key_label = label("", "recovery")
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setAccessibleName(tr("Recovery key"))
        self.body.addWidget(self.key_label)
        self.body.addWidget(
            label(
                tr(
                    "Write it on paper or print it, and keep it locked away from this computer (for "
                    "example in the director's safe). Anyone with this key can open the vault."
                )
            )
        )
        row = QHBoxLayout()
        self.print_button = QPushButton(tr("Print…"))
        self.print_button.setAccessibleDescription(
            tr("Prints the recovery key on paper, to lock away from this computer.")
        )
        self.print_button.clicked.connect(self.print_requested)
        self.drive_button = QPushButton(tr("Save to a removable drive…"))
        self.drive_button.setAccessibleName(tr("Save the recovery key to a removable drive"))
        self.drive_button.setAccessibleDescription(
            tr(
                "A saved copy opens the vault for anyone who has the drive: save it only to a "
                "USB drive or SD card that will be kept locked away."
            )
        )
        self.drive_button.clicked.connect(self.save_to_drive_requested)
        row.addWidget(self.print_button)
        row.addWidget(self.drive_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.drive_warning = label(
            tr(
                "A saved copy opens the vault for anyone who has the drive. Save it only to a USB "
                "drive or SD card that will be kept locked away; it cannot be saved on this "
                "computer."
            ),
            "hint",
        )
        self.body.addWidget(self.drive_warning)
        self.prompt = label("")
        self.body.addWidget(self.prompt)
        form = QFormLayout()
        self.group_fields: list[QLineEdit] = []
        for number in self.CHECK_GROUPS:
            field = QLineEdit()
            field.setMaxLength(4)
            field.setAccessibleName(tr("Group {0} of the recovery key").format(number))
            field.setAccessibleDescription(
                tr(
                    "Type the four letters and digits of group {0}, counting from the left, to "
                    "show that the key was kept."
                ).format(number)
            )
            field.textChanged.connect(self._update)
            field.returnPressed.connect(self._continue)  # Enter, as on a default button
            lab = QLabel(tr("Group &{0}").format(number))
            lab.setBuddy(field)
            form.addRow(lab, field)
            self.group_fields.append(field)
        self.body.addLayout(form)
        self.message = status_line("", "hint")
        self.body.addWidget(self.message)
        self.continue_button = primary_button(tr("I have kept it safe — continue"))
        self.continue_button.setAccessibleDescription(
            tr("Enabled once both groups match. The key is never shown again after this screen.")
        )
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self._continue)
        self.body.addWidget(self.continue_button)
        self.finish()
        self._groups: list[str] = []

    def show_key(self, key_text: str) -> None:
        self._groups = key_text.split("-")
        # Each group has its number above it, so "type group 7" cannot land on group 6.
        lines = []
        for start, end in ((0, 5), (5, len(self._groups))):
            lines.append("  ".join(f"{n:^4}" for n in range(start + 1, end + 1)).rstrip())
            lines.append("  ".join(self._groups[start:end]))
        self.key_label.setText("\n".join(lines))
        self.prompt.setText(
            tr(
                "To check your copy, type group {0} and group {1} (counting from the left, first "
                "line then second)."
            ).format(*self.CHECK_GROUPS)
        )
        for field in self.group_fields:
            field.clear()

    def key_text(self) -> str:
        return "-".join(self._groups)

    def take_over(self, old: RecoveryKeyPage) -> None:
        """Show what `old` showed (the key, the groups typed): the page is rebuilt after a
        language switch, and the key is shown only this once."""
        if old._groups:
            self.show_key(old.key_text())
        for field, typed in zip(self.group_fields, old.group_fields, strict=True):
            field.setText(typed.text())
            typed.clear()
        old._groups = []  # the old page holds no copy while it waits to be deleted
        old.key_label.clear()

    def _field_matches(self, field: QLineEdit, number: int) -> bool:
        # As at unlock: O is read as zero and I or L as one (the key never contains them).
        return bool(self._groups) and (
            canonical_recovery_text(field.text()) == self._groups[number - 1]
        )

    def _matches(self) -> bool:
        if not self._groups:
            return False
        return all(
            self._field_matches(field, number)
            for field, number in zip(self.group_fields, self.CHECK_GROUPS, strict=True)
        )

    def _update(self) -> None:
        ok = self._matches()
        self.continue_button.setEnabled(ok)
        filled = all(len(f.text().strip()) == 4 for f in self.group_fields)
        if ok:
            set_message(self.message, tr("Both groups match. Press Enter to continue."), "ok")
        elif filled:
            wrong = [
                number
                for field, number in zip(self.group_fields, self.CHECK_GROUPS, strict=True)
                if not self._field_matches(field, number)
            ]
            set_message(
                self.message,
                tr("Group {0} does not match the key above. Check your copy.").format(wrong[0]),
                "error",
            )
            # The cursor goes to the field with the mistake, never to a hidden one.
            field = self.group_fields[self.CHECK_GROUPS.index(wrong[0])]
            field.setFocus()
            field.selectAll()
        else:
            set_message(self.message, "", "hint")

    def _continue(self) -> None:
        if self._matches():
            self._groups = []
            self.key_label.clear()
            self.confirmed.emit()


def recovery_document(key_text: str, office_name: str) -> QTextDocument:
    groups = [html.escape(g) for g in key_text.split("-")]
    # Two lines of groups, as on the screen: never broken at a hyphen, where a reader
    # could not tell whether the hyphen is part of the key.
    lines = "<br>".join("&nbsp;&nbsp;".join(part) for part in (groups[:5], groups[5:]))
    office = html.escape(office_name)
    doc = QTextDocument()
    title = html.escape(tr("Advocate Companion — recovery key"))
    office_line = html.escape(tr("Office: {0}")).format(office)
    advice = html.escape(
        tr(
            "This key opens the office's encrypted records if every passphrase is forgotten. "
            "Keep it locked away from the computer. Anyone who has it can open the vault."
        )
    )
    doc.setHtml(
        f"<h2>{title}</h2><p>{office_line}</p>"
        f"<p style='font-family:monospace; font-size:20pt; white-space:pre'>{lines}</p>"
        f"<p>{advice}</p>"
    )
    return doc


def print_recovery_key(page: RecoveryKeyPage, window: QWidget, office_name: str) -> None:
    # Qt's print module is imported where it is used, through ui.qt (not at start-up).
    from advocate_app.ui.qt import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(tr("Recovery key"))
    dialog = QPrintDialog(printer, window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        recovery_document(page.key_text(), office_name).print_(printer)
        set_message(
            page.message,
            tr("Sent to the printer. Keep the paper locked away from this computer."),
            "ok",
        )


def save_recovery_key_to_drive(
    page: RecoveryKeyPage, window: QWidget, office_name: str, data_dir: Path
) -> None:
    """Only onto a removable drive, never a default file on this computer."""
    drives = removable.removable_drives()
    if not drives:
        set_message(
            page.message,
            tr(
                "No removable drive was found. Plug in a USB drive or an SD card and try "
                "again, or print the key."
            ),
            "error",
        )
        return
    path = ask_save_path(
        window,
        tr("Save the recovery key to a removable drive"),
        str(drives[0] / "recovery-key.pdf"),
        tr("PDF files (*.pdf)"),
    )
    if path is None:
        return
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    problem = removable.save_location_problem(path, data_dir=data_dir)
    if problem is not None:
        set_message(
            page.message,
            {
                "data": tr(
                    "That is the vault's own folder. Choose a removable drive: the key "
                    "must never be kept next to the vault. Nothing was saved."
                ),
                "home": tr(
                    "That is in your home folder on this computer. Choose a removable "
                    "drive. Nothing was saved."
                ),
            }.get(
                problem,
                tr(
                    "That is not a removable drive. Choose a USB drive or an SD "
                    "card, or print the key. Nothing was saved."
                ),
            ),
            "error",
        )
        return
    from advocate_app.ui.qt import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(tr("Recovery key"))
    recovery_document(page.key_text(), office_name).print_(printer)
    if not path.exists():
        set_message(
            page.message,
            tr(
                "The file could not be written to that drive. Check that it is not full or "
                "write-protected, or print the key."
            ),
            "error",
        )
        return
    with contextlib.suppress(OSError):
        path.chmod(0o600)  # where the drive's file system keeps modes at all
    set_message(
        page.message,
        tr(
            "Saved to the removable drive. Keep the drive locked away: anyone with this file "
            "can open the vault."
        ),
        "ok",
    )
