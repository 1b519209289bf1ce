"""A client's releases of information: who may receive what, for what purpose, until when."""

from __future__ import annotations

from advocate_app.store import releases
from advocate_app.store.errors import VaultError
from advocate_app.store.vault import Vault
from advocate_app.ui.clients.dialogs import ReleaseDialog
from advocate_app.ui.format import fmt_date
from advocate_app.ui.qt import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
    tr,
)
from advocate_app.ui.roles import RELEASE_ID_ROLE
from advocate_app.ui.widgets import label, set_message, status_line


class ReleasesPanel(QWidget):
    def __init__(self, vault: Vault, client_id: int) -> None:
        super().__init__()
        self.vault, self.client_id = vault, client_id
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                tr(
                    "Who may receive what, for what purpose, until when. An expired or revoked release "
                    "no longer allows sharing."
                ),
                "hint",
            )
        )
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Releases of information"))
        self.list.setAccessibleDescription(
            tr(
                "One row per release the client signed: active, expired or revoked, who may "
                "receive what and why, and the dates. Select one to revoke it."
            )
        )
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.add_button = QPushButton(tr("Record a release…"))
        self.add_button.setAccessibleDescription(
            tr("Records a release the client signed: recipient, information, purpose, dates.")
        )
        self.add_button.clicked.connect(self.add)
        self.revoke_button = QPushButton(tr("Revoke selected"))
        self.revoke_button.setAccessibleDescription(
            tr(
                "The selected release stops allowing any sharing from now on, at once and "
                "without asking; it stays in the list as revoked."
            )
        )
        self.revoke_button.clicked.connect(self.revoke)
        row.addWidget(self.add_button)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = status_line("", "hint")
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        states = {"active": tr("Active"), "expired": tr("Expired"), "revoked": tr("Revoked")}
        for rel in releases.list_releases(self.vault, self.client_id):
            state = rel.state()
            until = (tr("expired {0}") if state == "expired" else tr("until {0}")).format(
                fmt_date(rel.expires_on)
            )
            text = (
                f"[{states[state]}] {rel.recipient} — {rel.information} — {rel.purpose}\n"
                f"{tr('signed {0}').format(fmt_date(rel.signed_on))}, {until}"
            )
            item = QListWidgetItem(text)
            item.setData(RELEASE_ID_ROLE, rel.id)
            self.list.addItem(item)
        if self.list.count() == 0:
            self.message.setText(tr("No releases recorded. Nothing may be shared without one."))
        else:
            self.message.setText("")

    def add(self) -> None:
        dialog = ReleaseDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            releases.add_release(self.vault, self.client_id, **dialog.values())
        except VaultError as exc:
            set_message(self.message, exc.message, "error")
            return
        self.refresh()

    def revoke(self) -> None:
        item = self.list.currentItem()
        if item is None:
            set_message(self.message, tr("Select a release first."), "hint")
            return
        releases.revoke_release(self.vault, item.data(RELEASE_ID_ROLE))
        self.refresh()
