"""Errors a person can act on. Each carries a sentence that says what happened and what to do.

The text never contains client content: only file names the app itself chose and plain advice.
"""

from __future__ import annotations

from advocate_app.i18n import QT_TR_NOOP, MarkedError


class VaultError(MarkedError):
    """Base for every error the store reports to a person.

    `template` is a literal marked with QT_TR_NOOP, with {0}, {1}… for `values` (file names the
    app chose, counts): `message` translates the template in the language shown, then fills it.
    `str(exc)` stays English.
    """


class WrongPassphrase(VaultError):
    def __init__(self) -> None:
        super().__init__(
            QT_TR_NOOP(
                "That passphrase is not right for this user. Check Caps Lock and try again, or use "
                "the recovery key."
            )
        )


class WrongRecoveryKey(VaultError):
    pass


class RecoveryKeyTypo(WrongRecoveryKey):
    """The check group caught a mistyped character before any unlocking was tried."""


class KeysFileMissing(VaultError):
    pass


class KeysFileDamaged(VaultError):
    pass


class KeysFileTooNew(VaultError):
    pass


class KeysFileUnsafe(VaultError):
    """Key-derivation parameters below the floor or absurdly above it."""


class KeysDoNotMatchVault(VaultError):
    pass


class VaultDamaged(VaultError):
    pass


class VaultInUse(VaultError):
    pass


class VaultReadOnly(VaultError):
    """The folder (or a file in it) cannot be written: permissions or a read-only disk."""

    def __init__(self, folder: object) -> None:
        super().__init__(
            QT_TR_NOOP(
                "This folder cannot be written: {0}. The vault is not damaged, but nothing "
                "can be saved there. Check that the disk is not read-only and that you may write to "
                "the folder and its files, then try again. Nothing was changed."
            ),
            folder,
        )


class VaultNotFound(VaultError):
    pass


class VaultExists(VaultError):
    pass


class VaultLocked(VaultError):
    def __init__(self) -> None:
        super().__init__(QT_TR_NOOP("The vault is locked. Unlock it to continue."))


class NotAllowed(VaultError):
    pass


class InvalidInput(VaultError):
    pass


class StorageFull(VaultError):
    def __init__(self) -> None:
        super().__init__(
            QT_TR_NOOP(
                "The disk is full or the folder cannot be written, so this was not saved. "
                "Your text "
                "is still here. Free some space (or check the folder), then save again."
            )
        )
