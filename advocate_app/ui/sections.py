"""Which sections the unlocked shell shows, in navigation order, and the one search box."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from advocate_app.paths import assets_dir
from advocate_app.store.reference import (
    Article,
    ReferenceIndex,
    ShippedResource,
    load_articles,
    load_shipped_resources,
)
from advocate_app.store.search_all import Hit, search_everything
from advocate_app.ui.clients_section import ClientsSection
from advocate_app.ui.qt import Qt
from advocate_app.ui.reference_section import ReferenceSection
from advocate_app.ui.resources_section import ResourcesSection
from advocate_app.ui.search_page import SearchPage
from advocate_app.ui.settings_section import SettingsSection
from advocate_app.ui.today_section import TodaySection

if TYPE_CHECKING:
    from advocate_app.ui.main_window import AppController
    from advocate_app.ui.shell import Shell

log = logging.getLogger(__name__)


class ReferenceLibrary:
    """Public, shipped text: loaded once per run and shared by the section and the search."""

    _instance: ReferenceLibrary | None = None

    def __init__(self) -> None:
        folder = assets_dir()
        self.articles: list[Article]
        self.articles, problems = load_articles(folder / "reference")
        for problem in problems:
            log.warning("reference article skipped: %s", problem)
        try:
            self.resources: list[ShippedResource] = load_shipped_resources(
                folder / "resources" / "shipped.toml")
        except (OSError, ValueError):
            log.warning("the shipped resource directory could not be read")
            self.resources = []
        self.index = ReferenceIndex(self.articles, self.resources)

    @classmethod
    def shared(cls) -> ReferenceLibrary:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance


def build_sections(controller: AppController, shell: Shell) -> None:
    vault = controller.vault
    assert vault is not None
    library = ReferenceLibrary.shared()
    clients_section = ClientsSection(vault)
    reference = ReferenceSection(library.articles, library.resources, index=library.index)
    today = TodaySection(vault, controller.settings)

    def open_from_today(client_id: int, place: dict[str, object]) -> None:
        shell.show_section("clients")
        clients_section.open_place(client_id, place)

    today.open_client.connect(open_from_today)
    shell.add_section("today", today)
    shell.add_section("clients", clients_section)
    shell.add_section("reference", reference)
    resources_section = ResourcesSection(vault)
    shell.add_section("resources", resources_section)
    if vault.current_user.is_supervisor:
        from advocate_app.ui.files import ask_save_path
        from advocate_app.ui.reports_section import ReportsSection

        shell.add_section("reports", ReportsSection(vault, ask_save_path))
    from advocate_app.ui.backup_section import BackupSection

    backups = BackupSection(vault)
    backups.restore_requested.connect(controller.restore_from_backup)
    shell.add_section("backups", backups)
    shell.add_section("settings", SettingsSection(vault, controller.settings,
                                                  controller.idle.set_minutes))
    from advocate_app.ui.help_section import HelpSection, ShortcutsDialog

    shell.add_section("help", HelpSection(controller.data_dir))

    def show_shortcuts() -> None:
        dialog = ShortcutsDialog(shell)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        shell.shortcuts_dialog = dialog  # type: ignore[attr-defined]
        dialog.open()

    shell.shortcuts_requested.connect(show_shortcuts)

    page = SearchPage(lambda text, correct, full: search_everything(
        vault, library.index, text, correct=correct, full_ranking=full))

    def open_hit(hit: Hit) -> None:
        shell.leave_search()
        target = hit.target
        if hit.kind == "article":
            shell.show_section("reference")
            reference.open_article(str(target["key"]))
        elif hit.kind == "resource":
            shell.show_section("resources")
            resources_section.select(str(target["key"]))
        elif hit.kind == "client":
            shell.show_section("clients")
            clients_section.open_client(int(target["client_id"]))  # type: ignore[arg-type]
        elif hit.kind == "note":
            shell.show_section("clients")
            clients_section.open_note(int(target["client_id"]),  # type: ignore[arg-type]
                                      int(target["note_id"]))  # type: ignore[arg-type]

    page.open_hit.connect(open_hit)
    shell.enable_search(page, page.run, page.open_first, page.run_async)
