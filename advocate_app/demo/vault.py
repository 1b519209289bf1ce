"""The demo vault: an ordinary vault created with ``is_demo=True`` in its own folder, under a fixed
passphrase the screen states (the data is fictional, so the passphrase protects nothing).

Opening, creating and resetting it. Every function here refuses any vault whose meta does not say
it is a demo vault, and the real vault's default folder, leaving them exactly as they were: a
scenario's client is destroyed and rewritten on every step, which must never happen to a real
record that happens to share an alias.

No Qt here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import crypto
from advocate_app.store.errors import VaultError, WrongPassphrase
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.vault import Vault

# Stated on screen on purpose; plain ASCII words so any keyboard can type it after a lock.
DEMO_PASSPHRASE = "practice with fictional cases"  # noqa: S105
DEMO_OFFICE = "Demo Office (fictional)"
DEMO_USER = "Trainer"


class NotADemoVault(VaultError):
    """The folder holds something other than a demo vault; nothing was changed."""


def _refuse_real_folder(folder: Path) -> None:
    # Cheap guard before anything opens a file: the real vault's default folder is never a demo.
    from advocate_app.paths import default_data_dir

    try:
        same = folder.resolve() == default_data_dir().resolve()
    except OSError:
        same = False
    if same:
        raise NotADemoVault(
            QT_TR_NOOP(
                "That folder is where the office's real vault is kept. The demo never opens it; "
                "choose another folder for the demo."
            )
        )


def _unlock_demo(folder: Path) -> Vault:
    """Open the vault in folder with the demo passphrase; refuse it unless it is a demo vault.

    The passphrase is tried against the keys file before the vault is opened: a real vault's
    folder is only read, never given a lock file or an unlock attempt in its database.
    """
    not_demo = NotADemoVault(
        QT_TR_NOOP("This folder holds a vault that is not the demo vault. Nothing was changed.")
    )
    keys = KeysFile.load(folder)
    trainer = next((s for s in keys.passphrase_slots() if s.label == DEMO_USER and s.user_id), None)
    if trainer is None or trainer.user_id is None:
        raise not_demo
    try:
        data_key = keys.unwrap_with_passphrase(trainer.user_id, DEMO_PASSPHRASE)
    except WrongPassphrase:
        raise not_demo from None
    try:
        vault = Vault.open(folder)
        try:
            vault.unlock_with_data_key(data_key, trainer.user_id)
            if not vault.is_demo:
                raise NotADemoVault(
                    QT_TR_NOOP(
                        "This folder holds a real vault, not the demo vault. Nothing was changed."
                    )
                )
        except BaseException:
            vault.close()
            raise
    finally:
        crypto.zero(data_key)
    return vault


def _create_demo(folder: Path) -> Vault:
    vault, _recovery = Vault.create(
        folder,
        office_name=DEMO_OFFICE,
        user_name=DEMO_USER,
        passphrase=DEMO_PASSPHRASE,
        kdf_target_seconds=0,
        is_demo=True,
        check_strength=False,
    )
    return vault


def open_demo_vault(folder: Path, *, reset: bool = False) -> Vault:
    """The demo vault in folder, unlocked as the Trainer; created when missing.

    ``reset``: delete the folder first and start over, only after checking that it holds a demo
    vault (or nothing). A folder holding any other vault, or other files, is refused with
    NotADemoVault (a VaultError) and left exactly as it was.
    """
    folder = Path(folder)
    _refuse_real_folder(folder)
    if Vault.exists(folder):
        vault = _unlock_demo(folder)
        if not reset:
            return vault
        vault.close()
        shutil.rmtree(folder)
    elif folder.exists() and any(folder.iterdir()):
        # Not a vault at all: these are somebody's files, and the demo only ever deletes its own.
        raise NotADemoVault(
            QT_TR_NOOP(
                "This folder holds other files, not the demo vault. Nothing was changed; choose an "
                "empty folder for the demo."
            )
        )
    return _create_demo(folder)


def reset_demo_vault(vault: Vault) -> Vault:
    """Close this demo vault, delete its folder and return a fresh one in the same place."""
    if not vault.is_unlocked or not vault.is_demo:
        raise NotADemoVault(QT_TR_NOOP("Only the demo vault can be reset. Nothing was changed."))
    folder = vault.folder
    vault.close()
    return open_demo_vault(folder, reset=True)
