"""The office's summary settings, kept in the vault: the privacy threshold k and the month its
fiscal year starts.

One k per office (DESIGN.md, "Supervisor summary"): reports of the same data with different
thresholds can be combined to recover hidden counts, so k is changed only here, by a supervisor,
and every change is audited. The value lives in the vault's `meta` table, so it travels with
backups and every device of the office uses the same one.
"""

from __future__ import annotations

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import audit
from advocate_app.store.errors import InvalidInput, NotAllowed
from advocate_app.store.models import Meta
from advocate_app.store.vault import Vault

DEFAULT_K = 11
MIN_K = 5
MAX_K = 20
DEFAULT_FISCAL_YEAR_START = 10  # October: the federal fiscal year

_K_KEY = "summary_k"
_FY_KEY = "fiscal_year_start_month"


def _require_supervisor(vault: Vault) -> None:
    if not vault.current_user.is_supervisor:
        raise NotAllowed(QT_TR_NOOP("Only a supervisor can change the summary settings."))


def _stored_int(vault: Vault, key: str, low: int, high: int, default: int) -> int:
    text = vault.meta(key)
    if text is None or not text.isdigit() or not low <= int(text) <= high:
        return default
    return int(text)


def summary_k(vault: Vault) -> int:
    """The office's threshold: counts from 1 to k-1 are never shown."""
    return _stored_int(vault, _K_KEY, MIN_K, MAX_K, DEFAULT_K)


def fiscal_year_start_month(vault: Vault) -> int:
    """1 to 12; FY2026 starts in this month of 2025 (of 2026 when it is January)."""
    return _stored_int(vault, _FY_KEY, 1, 12, DEFAULT_FISCAL_YEAR_START)


def _set(vault: Vault, key: str, value: int, action: str) -> None:
    with vault.write() as s:
        row = s.get(Meta, key)
        if row is not None and row.value == str(value):
            return
        if row is None:
            s.add(Meta(key=key, value=str(value)))
        else:
            row.value = str(value)
        audit.record(s, vault.current_user.id, action, "setting", value)


def set_summary_k(vault: Vault, k: object) -> None:
    _require_supervisor(vault)
    if isinstance(k, bool) or not isinstance(k, int) or not MIN_K <= k <= MAX_K:
        raise InvalidInput(
            QT_TR_NOOP("The smallest count shown must be a whole number from {0} to {1}."),
            MIN_K,
            MAX_K,
        )
    _set(vault, _K_KEY, k, "summary_k_changed")


def set_fiscal_year_start_month(vault: Vault, month: object) -> None:
    _require_supervisor(vault)
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise InvalidInput(
            QT_TR_NOOP("The fiscal year's first month must be a month from 1 to 12.")
        )
    _set(vault, _FY_KEY, month, "fiscal_year_start_changed")
