"""The damaged-vault screen and restoring a backup: the part of AppController that says what is
wrong with the vault's files (leaving them alone), and puts a backup in place of the vault,
which is kept aside in a before-restore folder, never deleted. The Backups section asks for a
restore the same way (its `restore_requested` signal)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from advocate_app.store.errors import VaultError
from advocate_app.store.vault import Vault
from advocate_app.ui.main_window import MainWindow
from advocate_app.ui.operation import Operation
from advocate_app.ui.qt import QWidget, tr
from advocate_app.ui.widgets import set_message

if TYPE_CHECKING:  # imported when first needed, not at start-up
    from advocate_app.store.restore import RestoreRequest, RestoreResult
    from advocate_app.ui.vault.damaged import DamagedPage
    from advocate_app.ui.vault.pages import UnlockPage

P = TypeVar("P", bound=QWidget)


class DamagedVaultMixin:
    """Mixed into AppController, whose state it reads (declared here for the type checker)."""

    vault: Vault | None
    window: MainWindow
    data_dir: Path

    # Provided by AppController (declared here for the type checker, never defined twice).
    start: Callable[[], None]
    lock: Callable[[str], None]
    _show: Callable[[QWidget], None]
    _show_message: Callable[[str, str, list[tuple[str, Callable[[], object]]]], None]

    if TYPE_CHECKING:  # AppController's own: pages are built on first use

        def _page(self, name: str, build: Callable[[], P]) -> P: ...

        @property
        def unlock_page(self) -> UnlockPage: ...

    @property
    def damaged(self) -> DamagedPage:
        def build() -> DamagedPage:
            from advocate_app.ui.vault.damaged import DamagedPage

            page = DamagedPage()
            page.restore_requested.connect(self.restore_from_backup)
            page.close_requested.connect(self.window.close)
            return page

        return self._page("damaged", build)

    def _show_damaged(self, error: BaseException | None = None) -> None:
        """Say what is wrong and offer the newest backup; the damaged files are left alone."""
        from advocate_app.store.diagnose import diagnose

        if self.vault is not None:
            self.vault.close()  # release vault.lock so a restore can take it
            self.vault = None
        self.damaged.show_diagnosis(diagnose(self.data_dir, error=error))
        self._show(self.damaged)

    def _show_error_on_page(self, text: str) -> None:
        """The message on the page now shown, if it has a place for one."""
        show_error = getattr(self.window.stack.currentWidget(), "show_error", None)
        if callable(show_error):
            show_error(text)

    def restore_from_backup(self, request: RestoreRequest) -> None:
        """Put a backup in place of the current vault, which is kept aside (never deleted)."""
        from advocate_app.store.restore import authorize_restore_from_vault, restore_backup

        authorization = request.authorization
        if self.vault is not None:
            if self.vault.is_unlocked:
                # A supervisor of the vault now open, not merely a user of the backup.
                try:
                    authorization = authorize_restore_from_vault(self.vault)
                except VaultError as exc:
                    self._show_error_on_page(exc.message)
                    return
                self.lock("restore")
            self.vault.close()
            self.vault = None
        self._show_message(
            tr("Restoring the backup…"),
            tr(
                "Checking the backup and putting it in place. The current vault "
                "is kept aside in a folder named before-restore."
            ),
            [],
        )
        folder = self.data_dir

        def done(result: RestoreResult) -> None:
            self.start()
            kept = result.kept_aside
            if kept is not None and self.window.stack.currentWidget() is self.unlock_page:
                set_message(
                    self.unlock_page.message,
                    tr(
                        "The backup was restored. The vault as it was is kept in {0}. Unlock to "
                        "continue."
                    ).format(kept.name),
                    "ok",
                )

        # Whatever happened, start again from the folder as it now is (busy(False) runs first).
        Operation(
            self.window,
            lambda: restore_backup(
                folder,
                request.path,
                request.credentials,
                authorization=authorization,
                allow_other_vault=request.allow_other_vault,
            ),
        ).busy(lambda on: None if on else self.start()).success(done).failure(
            self._show_error_on_page
        ).run_in_background()
