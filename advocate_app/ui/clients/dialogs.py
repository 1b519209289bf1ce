"""Dialogs around a client record: close, destroy, a release, an anonymous contact."""

from __future__ import annotations

from datetime import date
from typing import TypedDict

from advocate_app.store.contacts import CONTACT_TOPICS
from advocate_app.store.voca_fields import suggest_services
from advocate_app.store.vocab import ANONYMOUS_CONTACT_KINDS
from advocate_app.ui.clients.services_picker import ServicesPicker
from advocate_app.ui.dialogs import add_dialog_foot
from advocate_app.ui.format import from_qdate
from advocate_app.ui.qt import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    tr,
    tr_marked,
)
from advocate_app.ui.widgets import label, readable_width


def _foot(dialog: QDialog, layout: QBoxLayout, action: str) -> QPushButton:
    """The action's button and Cancel, in a dialog wide enough for its sentences."""
    readable_width(dialog)
    return add_dialog_foot(dialog, layout, action).ok


class DestroyDialog(QDialog):
    """Typed confirmation: the alias, exactly."""

    def __init__(self, alias: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Destroy this record"))
        self.alias = alias
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                tr(
                    "At the client's request, this permanently removes the record: the profile, every "
                    "note, needs, appointments, releases and drafts, and their words in the search "
                    "index. It cannot be undone. The activity log keeps only that a record was "
                    "destroyed, by whom and when."
                )
            )
        )
        layout.addWidget(
            label(
                tr(
                    "Existing backups still hold this record until they are replaced by newer ones. "
                    "Replace or destroy older backups (for example on a USB stick) to remove it "
                    "everywhere."
                ),
                "hint",
            )
        )
        layout.addWidget(label(tr("Type the client's alias to confirm:")))
        self.typed = QLineEdit()
        self.typed.setAccessibleName(tr("Type the alias to confirm"))
        self.typed.setAccessibleDescription(
            tr("The Destroy record button is enabled once this matches the client's alias.")
        )
        layout.addWidget(self.typed)
        self.ok = _foot(self, layout, tr("Destroy record"))
        self.ok.setAccessibleDescription(
            tr(
                "Permanently removes this client's record and cannot be undone; backups made "
                "before keep it until they are replaced."
            )
        )
        self.ok.setEnabled(False)
        self.typed.textChanged.connect(
            lambda t: self.ok.setEnabled(t.strip().casefold() == alias.casefold())
        )


class CloseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Close this client"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(tr("Closing keeps the record; it moves to the closed list and can be reopened."))
        )
        form = QFormLayout()
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.setAccessibleName(tr("Closing reason"))
        self.reason.setAccessibleDescription(
            tr(
                "Choose a reason or type your own, in a few words; it is shown with the "
                "closed client."
            )
        )
        typed = self.reason.lineEdit()
        if typed is not None:  # what a screen reader meets when the person types a reason
            typed.setAccessibleName(self.reason.accessibleName())
            typed.setAccessibleDescription(self.reason.accessibleDescription())
        for text in (
            tr("Services complete"),
            tr("Client chose to end services"),
            tr("Moved out of the area"),
            tr("Lost contact"),
            tr("Referred to another program"),
        ):
            self.reason.addItem(text)
        lab = QLabel(tr("&Reason"))
        lab.setBuddy(self.reason)
        form.addRow(lab, self.reason)
        layout.addLayout(form)
        _foot(self, layout, tr("Close client"))


class ReleaseValues(TypedDict):
    """A release as store.releases.add_release takes it."""

    recipient: str
    information: str
    purpose: str
    signed_on: date
    expires_on: date


class ReleaseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Record a release of information"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                tr(
                    "A release must be informed, written and time-limited, and it can never be a "
                    "condition of services. Record what the client signed."
                ),
                "hint",
            )
        )
        form = QFormLayout()
        self.recipient = QLineEdit()
        self.recipient.setMaxLength(200)
        self.information = QLineEdit()
        self.information.setMaxLength(500)
        self.purpose = QLineEdit()
        self.purpose.setMaxLength(500)
        self.signed = QDateEdit(QDate.currentDate())
        self.signed.setCalendarPopup(True)
        self.signed.setMaximumDate(QDate.currentDate())
        self.expires = QDateEdit(QDate.currentDate().addDays(90))
        self.expires.setCalendarPopup(True)
        for text, widget in (
            (tr("&Who may receive it"), self.recipient),
            (tr("&What information"), self.information),
            (tr("For what &purpose"), self.purpose),
            (tr("&Signed on"), self.signed),
            (tr("&Expires on"), self.expires),
        ):
            widget.setAccessibleName(text.replace("&", ""))
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        self.recipient.setAccessibleDescription(
            tr("The person or agency the client allows to receive information, as signed.")
        )
        self.information.setAccessibleDescription(
            tr("Only what the client agreed to share, in the words of the signed release.")
        )
        self.purpose.setAccessibleDescription(
            tr("Why it may be shared, as the signed release says.")
        )
        self.signed.setAccessibleDescription(tr("The day the client signed; not in the future."))
        self.expires.setAccessibleDescription(
            tr("After this day the release no longer allows sharing.")
        )
        layout.addLayout(form)
        _foot(self, layout, tr("Save release"))

    def values(self) -> ReleaseValues:
        return {
            "recipient": self.recipient.text(),
            "information": self.information.text(),
            "purpose": self.purpose.text(),
            "signed_on": from_qdate(self.signed.date()),
            "expires_on": from_qdate(self.expires.date()),
        }


class ContactValues(TypedDict):
    """An anonymous contact as store.contacts.log_contact takes it."""

    contact_date: date
    kind: str
    minutes: int
    topics: list[str]
    services: list[str]


class AnonymousContactDialog(QDialog):
    """A hotline call or walk-in, without creating a client: no names, no free text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Log an anonymous contact"))
        outer = QVBoxLayout(self)
        # Everything above the buttons scrolls on a small screen (1280×720 at 150–200%), so the
        # topics are never squashed into each other and the buttons stay in reach.
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName(tr("Anonymous contact"))
        outer.addWidget(scroll, 1)
        layout.addWidget(
            label(
                tr(
                    "For a call or visit where no client record is made. Only the date, kind, length, "
                    "topics and services are kept, and they are counted in the summary."
                ),
                "hint",
            )
        )
        form = QFormLayout()
        self.when = QDateEdit(QDate.currentDate())
        self.when.setCalendarPopup(True)
        self.when.setMaximumDate(QDate.currentDate())
        self.kind = QComboBox()
        self.kind.setAccessibleDescription(
            tr("How the person reached the office; counted in the summary, never a name.")
        )
        for code, text in ANONYMOUS_CONTACT_KINDS.items():
            self.kind.addItem(tr_marked(text), code)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 1440)
        self.minutes.setValue(15)
        self.minutes.setSuffix(tr(" minutes"))
        for text, widget in (
            (tr("&Date"), self.when),
            (tr("&Kind"), self.kind),
            (tr("&Length"), self.minutes),
        ):
            widget.setAccessibleName(text.replace("&", ""))
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        layout.addLayout(form)
        topics = QGroupBox(tr("Topics"))
        grid = QGridLayout(topics)
        self.topic_boxes: dict[str, QCheckBox] = {}
        for i, (code, text) in enumerate(CONTACT_TOPICS.items()):
            box = QCheckBox(tr_marked(text))
            self.topic_boxes[code] = box
            grid.addWidget(box, i // 3, i % 3)
            box.toggled.connect(self._suggest)
        layout.addWidget(topics)
        # The VOCA services given (anonymous contacts count as times, never as people),
        # pre-ticked from the kind and topics; the advocate unticks freely.
        self.services = ServicesPicker()
        self._suggested: set[str] = set()
        self.kind.currentIndexChanged.connect(self._suggest)
        layout.addWidget(self.services)
        self._suggest()
        layout.addStretch(1)
        _foot(self, outer, tr("Log contact"))
        # As big as its content where the screen allows (a scroll area alone asks for little).
        wanted = body.sizeHint()
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            # Its whole width wherever it fits (its topics in Spanish need about 640 pixels),
            # never wider than the screen.
            if wanted.height() > int(room.height() * 0.6):  # it scrolls down: room for the bar
                wanted.setHeight(int(room.height() * 0.6))
                wanted.setWidth(wanted.width() + scroll.verticalScrollBar().sizeHint().width())
            wanted.setWidth(min(wanted.width(), int(room.width() * 0.9)))
        scroll.setMinimumSize(wanted)
        # readable_width set a narrower least width, which would win over the content's.
        self.setMinimumWidth(max(self.minimumWidth(), outer.minimumSize().width()))

    def _suggest(self) -> None:
        fresh = (
            set(
                suggest_services(
                    contact_kind=self.kind.currentData(),
                    contact_topics=[c for c, b in self.topic_boxes.items() if b.isChecked()],
                )
            )
            - self._suggested
        )
        if fresh:
            self._suggested |= fresh
            self.services.tick(fresh)

    def values(self) -> ContactValues:
        return {
            "contact_date": from_qdate(self.when.date()),
            "kind": self.kind.currentData(),
            "minutes": self.minutes.value(),
            "topics": [code for code, box in self.topic_boxes.items() if box.isChecked()],
            "services": list(self.services.ticked()),
        }
