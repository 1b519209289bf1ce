"""Which sections the unlocked shell shows, in navigation order, and the one search box."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from advocate_app.library.shipped import is_loaded as library_loaded
from advocate_app.library.shipped import shipped_library
from advocate_app.store.search_all import Hit, Results, search_everything
from advocate_app.ui.operation import Operation
from advocate_app.ui.qt import Qt, tr
from advocate_app.ui.search_page import SearchPage
from advocate_app.ui.shell_ahead import IfTime
from advocate_app.ui.today.section import FirstRead, TodaySection

# The other sections' modules are imported when the section is first built (usually already
# loaded by ui.warmup while the passphrase was typed): unlocking waits only for Today.
if TYPE_CHECKING:
    from advocate_app.ui.clients.section import ClientsSection
    from advocate_app.ui.controller import AppController
    from advocate_app.ui.reference.section import ReferenceSection
    from advocate_app.ui.shell import Section, Shell

log = logging.getLogger(__name__)


def prepare_sections(controller: AppController, shell: Shell) -> list[Callable[[], object]]:
    """While the key is derived: the steps that build the sections into a shell made ahead,
    one per turn of the event loop: Today's page (without its rows) group by group, then the
    others' places in the navigation and the search. build_sections finishes once unlocked.
    Last, if the vault has not answered yet, the Clients section (without its rows): the one
    most often opened after Today, it then shows in half the time (its widgets take about
    15 ms to build on a 2-core laptop)."""
    vault = controller.vault
    assert vault is not None

    page: list[TodaySection] = []

    def today() -> None:
        # Built inside the stack it is shown in: moved there once built, the whole page would
        # be styled a second time (about 20 ms, in one turn).
        page.append(TodaySection(vault, controller.settings, shell.stack, groups_later=True))

    def group(number: int) -> Callable[[], object]:
        return lambda: page[0].group_steps()[number]()

    def the_rest() -> None:
        _add_sections(controller, shell, page[0], reports=True)

    def search() -> None:
        _add_search(controller, shell)

    def clients() -> None:
        if "clients" in shell.sections:
            shell.sections["clients"]  # built into the shell's stack, hidden; rows on first show

    return [today, *(group(n) for n in range(4)), the_rest, search, IfTime(clients)]


def build_sections(controller: AppController, shell: Shell) -> None:
    """Today is built at once (it is what unlocking shows), unless prepare_sections built the
    sections while the key was derived; every other section the first time it is needed, so the
    person is not kept waiting for screens they may not open. Then Today is filled with what the
    unlock's worker read, or read now."""
    vault = controller.vault
    assert vault is not None
    supervisor = vault.current_user.is_supervisor
    prepared = shell.sections.built().get("today")
    if isinstance(prepared, TodaySection):
        today = prepared
        if not supervisor:  # prepared before the vault said who unlocked
            shell.remove_section("reports")
    else:
        today = TodaySection(vault, controller.settings, shell.stack)
        _add_sections(controller, shell, today, reports=supervisor)
        _add_search(controller, shell)
    first = controller.take_first_read()  # what the unlock's worker read for Today, if any
    today.begin_reading(first if isinstance(first, FirstRead) else None)


def _add_sections(
    controller: AppController, shell: Shell, today: TodaySection, *, reports: bool
) -> None:
    vault = controller.vault
    assert vault is not None

    def clients_section() -> Section:
        from advocate_app.ui.clients.section import ClientsSection

        # Built inside the stack it is shown in: moved there once built, the whole section
        # would be styled a second time.
        return ClientsSection(vault, shell.stack)

    def clients() -> ClientsSection:
        return shell.sections["clients"]  # type: ignore[return-value]

    def open_from_today(client_id: int, place: dict[str, object]) -> None:
        shell.show_section("clients")
        clients().open_place(client_id, place)

    today.open_client.connect(open_from_today)
    shell.add_section("today", today)
    shell.add_lazy_section("clients", tr("Clients"), clients_section)

    def reference() -> ReferenceSection:
        from advocate_app.ui.reference.section import ReferenceSection, ui_language

        library = shipped_library()
        return ReferenceSection(
            library.articles,
            library.resources,
            index=library.index,
            translations=library.translations,
            language=ui_language(),
        )

    def resources() -> Section:
        from advocate_app.ui.resources.section import ResourcesSection

        return ResourcesSection(vault)

    shell.add_lazy_section("reference", tr("Reference"), reference)
    shell.add_lazy_section("resources", tr("Resources"), resources)
    if reports:

        def reports_section() -> Section:
            from advocate_app.ui.files import ask_save_path
            from advocate_app.ui.reports.section import ReportsSection

            return ReportsSection(vault, ask_save_path)

        shell.add_lazy_section("reports", tr("Reports"), reports_section)

    def backups() -> Section:
        from advocate_app.ui.backups.section import BackupSection

        section = BackupSection(vault)
        section.restore_requested.connect(controller.restore_from_backup)
        return section

    def settings() -> Section:
        from advocate_app.ui.settings.section import SettingsSection

        section = SettingsSection(vault, controller.settings, controller.idle.set_minutes)
        section.language.chosen.connect(controller.switch_language)
        return section

    shell.add_lazy_section("backups", tr("Backups"), backups)
    shell.add_lazy_section("settings", tr("Settings"), settings)

    if not library_loaded():
        # Normally loaded while the passphrase was typed (ui.warmup); if not, on a worker now,
        # so the first search or visit to Reference finds it ready and Today does not wait.
        Operation(None, shipped_library).on(
            Exception,
            lambda exc: log.warning(
                "the reference library could not be loaded (%s)", type(exc).__name__
            ),
        ).run_in_background()

    def help_section() -> Section:
        from advocate_app.ui.help.section import HelpSection

        return HelpSection(controller.data_dir)

    shell.add_lazy_section("help", tr("Help"), help_section)

    def show_shortcuts() -> None:
        from advocate_app.ui.help.section import ShortcutsDialog

        dialog = ShortcutsDialog(shell)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        shell.shortcuts_dialog = dialog  # type: ignore[attr-defined]
        dialog.open()

    shell.shortcuts_requested.connect(show_shortcuts)


def _add_search(controller: AppController, shell: Shell) -> None:
    """The global search (Ctrl+K) over the vault and the reference library."""
    vault = controller.vault
    assert vault is not None

    def clients() -> ClientsSection:
        return shell.sections["clients"]  # type: ignore[return-value]

    def search(text: str, correct: bool, full: bool) -> Results:
        from advocate_app.ui.reference.section import ui_language  # loaded with Reference

        return search_everything(
            vault,
            shipped_library().index,
            text,
            correct=correct,
            full_ranking=full,
            language=ui_language(),
        )

    page = SearchPage(search)

    def open_hit(hit: Hit) -> None:
        shell.leave_search()
        target = hit.target
        if hit.kind == "article":
            shell.show_section("reference").open_article(  # type: ignore[attr-defined]
                str(target["key"])
            )
        elif hit.kind == "resource":
            shell.show_section("resources").select(str(target["key"]))  # type: ignore[attr-defined]
        elif hit.kind == "client":
            shell.show_section("clients")
            clients().open_client(int(str(target["client_id"])))
        elif hit.kind == "note":
            shell.show_section("clients")
            clients().open_note(int(str(target["client_id"])), int(str(target["note_id"])))

    page.open_hit.connect(open_hit)
    shell.enable_search(page, page.run, page.open_first, page.run_async)
