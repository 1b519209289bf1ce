"""The office's sign-in label: what the unlock screen shows above the names, so a person sees
which office's vault (or the demo's) they are unlocking (DESIGN.md, decisions 2026-11-30).

It defaults to the office name typed at first run and lives in plain text in the keys file,
beside the staff names, because it is shown before anything is decrypted: anyone who opens the
computer can read it, so a supervisor may change it or hide it ("" shows nothing and leaves
nothing in the file). A vault made before the label existed shows nothing until a supervisor
sets one. The change goes through the same crash-safe step as a change of users and is audited.
"""

from __future__ import annotations

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import audit
from advocate_app.store.errors import InvalidInput, NotAllowed
from advocate_app.store.keyslots import SIGN_IN_LABEL_MAX, clean_sign_in_label
from advocate_app.store.vault import Vault


def shown_label(vault: Vault) -> str:
    """The label to show on the unlock screen ("" for none); readable while locked."""
    return vault.keys.sign_in_label


def set_label(vault: Vault, text: str) -> None:
    """Supervisors: show `text` on the unlock screen, or nothing when it is empty."""
    if not vault.current_user.is_supervisor:
        raise NotAllowed(QT_TR_NOOP("Only a supervisor can change what the sign-in screen shows."))
    if len(text.strip()) > SIGN_IN_LABEL_MAX:
        raise InvalidInput(
            QT_TR_NOOP("The name on the sign-in screen can be at most {0} characters."),
            SIGN_IN_LABEL_MAX,
        )
    label = clean_sign_in_label(text)
    if label == vault.keys.sign_in_label:
        return
    with vault.change_keys_and_users() as (keys, session):
        keys.sign_in_label = label
        audit.record(session, vault.current_user.id, "sign_in_label_changed", "setting")
