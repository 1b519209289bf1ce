"""What a row of the reference lists stands for: kind "article" (key: slug), "resources" (key: a
resource name, or "" for the whole directory) or "group" (a category or a results heading)."""

from __future__ import annotations

from advocate_app.ui.qt import (
    QTreeWidgetItem,
)
from advocate_app.ui.roles import KEY_ROLE, KIND_ROLE


def mark_row(item: QTreeWidgetItem, kind: str, key: str) -> QTreeWidgetItem:
    item.setData(0, KIND_ROLE, kind)
    item.setData(0, KEY_ROLE, key)
    return item


def row_target(item: QTreeWidgetItem | None) -> tuple[str, str]:
    if item is None:
        return "", ""
    return str(item.data(0, KIND_ROLE) or ""), str(item.data(0, KEY_ROLE) or "")
