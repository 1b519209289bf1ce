"""How backups are described to a person: dates, kinds, and what an automatic backup that
failed or an old outside copy means."""

from __future__ import annotations

from datetime import datetime

from advocate_app.store import backup_status
from advocate_app.ui.format import fmt_datetime
from advocate_app.ui.qt import (
    tr,
)


def when_text(created: datetime) -> str:
    return fmt_datetime(created)


def kind_text(kind: str) -> str:
    return {"automatic": tr("Daily"), "before-upgrade": tr("Before an update")}.get(
        kind, tr("Saved by hand")
    )


def automatic_failure_text(status: backup_status.BackupStatus) -> str | None:
    """A calm sentence about a failed daily backup, with what to do; None when none failed."""
    if status.automatic_failed_at is None:
        return None
    when = when_text(status.automatic_failed_at)
    if status.automatic_failure == backup_status.NOT_WRITTEN:
        return tr(
            "The daily backup on {0} could not be made: the disk is full or the vault's folder "
            "cannot be written. Your records are safe. Free some space on this computer, then "
            "use Backups → Back up now; the app also tries again at the next unlock."
        ).format(when)
    if status.automatic_failure == backup_status.DAMAGED:
        return tr(
            "The daily backup on {0} was not made because the vault did not pass its check. "
            "The earlier backups were kept. Lock the app and check the vault; restore the "
            "newest backup if it is damaged."
        ).format(when)
    return tr(
        "The daily backup on {0} could not be made. Your records are safe. Use Backups → Back "
        "up now to save a copy on a USB stick; the app also tries again at the next "
        "unlock."
    ).format(when)


def outside_copy_text(
    status: backup_status.BackupStatus, now: datetime | None = None
) -> tuple[str, bool]:
    """When the last copy outside this computer was made, and whether a reminder is due."""
    due = status.outside_copy_due(now)
    if status.last_outside_copy_at is None:
        return tr(
            "No copy has been saved outside this computer yet. Use Back up now with a "
            "USB stick, and keep the stick locked away."
        ), True
    text = tr("The last copy outside this computer was saved on {0}.").format(
        when_text(status.last_outside_copy_at)
    )
    if due:
        text += " " + tr("That is more than a week ago: save a new copy on a USB stick.")
    return text, due
