"""Which sections the unlocked shell shows, in navigation order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advocate_app.ui.clients_section import ClientsSection
from advocate_app.ui.settings_section import SettingsSection

if TYPE_CHECKING:
    from advocate_app.ui.main_window import AppController
    from advocate_app.ui.shell import Shell


def build_sections(controller: AppController, shell: Shell) -> None:
    vault = controller.vault
    assert vault is not None
    shell.add_section("clients", ClientsSection(vault))
    shell.add_section("settings", SettingsSection(vault, controller.settings,
                                                  controller.idle.set_minutes))
