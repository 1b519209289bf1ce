"""Which sections the unlocked shell shows, in navigation order, and the one search box."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from advocate_app.store.library import shipped_library
from advocate_app.store.reference import Article, ReferenceIndex, ShippedResource
from advocate_app.store.search_all import Hit, search_everything
from advocate_app.ui.clients_section import ClientsSection
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
        # Loaded once per process, usually already on a worker thread while the passphrase
        # was typed (ui.warmup).
        loaded = shipped_library()
        self.articles: list[Article] = loaded.articles
        self.resources: list[ShippedResource] = loaded.resources
        self.index: ReferenceIndex = loaded.index

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

    page = SearchPage(lambda text: search_everything(vault, library.index, text))

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
