"""Helpers of the needs-panel tests: a shown needs panel, what its list shows, a checklist item's
id, and the mouse and keyboard modifiers they use.
"""

from __future__ import annotations

from advocate_app.store import needs
from advocate_app.store.vault import Vault
from advocate_app.ui.needs.model import NeedsModel
from advocate_app.ui.needs.panel import NeedsPanel
from advocate_app.ui.qt import Qt

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier  # Ctrl+digits switch sections


def template_id(vault: Vault, category: str, label: str) -> int:
    return next(
        t.id
        for t in needs.template(vault, include_retired=True)
        if t.category == category and t.label == label
    )


def make_panel(qtbot, vault: Vault, client_id: int) -> NeedsPanel:
    panel = NeedsPanel(vault, client_id)
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    with qtbot.waitActive(panel):  # shortcuts and focus belong to the active window
        panel.show()
        panel.activateWindow()
    return panel


def shown_rows(panel: NeedsPanel) -> list[tuple[str, ...]]:
    """What the list shows: category lines as (title,), need lines as (need, status, …, due)."""
    model = panel.model
    rows: list[tuple[str, ...]] = []
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        rows.append((model.data(parent),))
        for row in range(model.rowCount(parent)):
            rows.append(
                tuple(
                    model.data(model.index(row, column, parent)) or ""
                    for column in range(model.columnCount())
                )
            )
    return rows


def status_shown(panel: NeedsPanel, need_id: int) -> str:
    return panel.model.data(panel.model.index_for_need(need_id, NeedsModel.COL_STATUS))


def model_text(panel: NeedsPanel, row_index, column: int) -> str:  # type: ignore[no-untyped-def]
    return panel.model.data(row_index.siblingAtColumn(column))
