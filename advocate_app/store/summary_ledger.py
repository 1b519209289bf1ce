"""The export ledger: every exported supervisor summary, kept inside the encrypted vault.

For each export: its period, k, every count with its true value and whether it was shown, and
for each leaf count the people or records behind it (packed ids, see store.summary.member_id).
advocate_app.reports.ledger reads this before a new export so that nothing published before
can be subtracted from the new one. The ledger travels with backups (it is in the vault), and
destroying a client removes them from it (forget_client).
"""

from __future__ import annotations

import hashlib
import zlib
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.store import audit
from advocate_app.store.errors import NotAllowed
from advocate_app.store.models import (
    SummaryExport,
    SummaryExportCell,
    SummaryExportMembers,
    User,
)
from advocate_app.store.summary import member_client
from advocate_app.store.vault import Vault


@dataclass(frozen=True)
class ExportInfo:
    id: int
    exported_at: datetime  # UTC
    exported_by: str  # the user's name ("" if the user is gone)
    period_code: str
    period_kind: str
    period_label: str
    period_start: date
    period_end: date
    k: int


@dataclass(frozen=True)
class ExportedCell:
    export_id: int
    cell_key: str
    value: int
    published: bool


def pack_members(ids: Iterable[int]) -> bytes:
    """Sorted ids as differences from the previous one, compressed: small and fast to read."""
    ordered = sorted(ids)
    deltas = array("q", (b - a for a, b in zip([0, *ordered], ordered, strict=False)))
    return zlib.compress(deltas.tobytes(), 6)


def members_digest(ids: Iterable[int]) -> str:
    """A fingerprint of a set of ids, so two exports' sets compare without reading them."""
    return hashlib.sha256(array("q", sorted(ids)).tobytes()).hexdigest()


def unpack_members(blob: bytes) -> frozenset[int]:
    deltas = array("q")
    deltas.frombytes(zlib.decompress(blob))
    out: list[int] = []
    total = 0
    for d in deltas:
        total += d
        out.append(total)
    return frozenset(out)


def _require_supervisor(vault: Vault) -> None:
    if not vault.current_user.is_supervisor:
        raise NotAllowed(QT_TR_NOOP("Only a supervisor can export the summary."))


def record_export(
    vault: Vault,
    *,
    period_code: str,
    period_kind: str,
    period_label: str,
    period_start: date,
    period_end: date,
    k: int,
    cells: Iterable[tuple[str, int, bool]],
    members: Mapping[str, frozenset[int]],
) -> int:
    """Remember one export (after its file was written). Returns its id."""
    _require_supervisor(vault)
    with vault.write() as s:
        row = SummaryExport(
            user_id=vault.current_user.id,
            period_code=period_code,
            period_kind=period_kind,
            period_label=period_label,
            period_start=period_start,
            period_end=period_end,
            k=k,
        )
        s.add(row)
        s.flush()
        s.bulk_insert_mappings(
            SummaryExportCell,
            [
                {"export_id": row.id, "cell_key": key, "value": value, "published": published}
                for key, value, published in cells
            ],
        )
        s.bulk_insert_mappings(
            SummaryExportMembers,
            [
                {
                    "export_id": row.id,
                    "leaf_key": leaf,
                    "digest": members_digest(ids),
                    "members": pack_members(ids),
                }
                for leaf, ids in members.items()
                if ids
            ],
        )
        audit.record(s, vault.current_user.id, "summary_exported", "summary_export", row.id)
        return row.id


def list_exports(vault: Vault) -> list[ExportInfo]:
    """Every export, newest first."""
    with vault.read() as s:
        rows = s.execute(
            select(SummaryExport, User.name)
            .outerjoin(User, User.id == SummaryExport.user_id)
            .order_by(SummaryExport.id.desc())
        ).all()
        return [
            ExportInfo(
                r.id,
                r.exported_at,
                name or "",
                r.period_code,
                r.period_kind,
                r.period_label,
                r.period_start,
                r.period_end,
                r.k,
            )
            for r, name in rows
        ]


def exported_cells(vault: Vault) -> list[ExportedCell]:
    with vault.read() as s:
        return [
            ExportedCell(e, key, v, bool(p))
            for e, key, v, p in s.execute(
                select(
                    SummaryExportCell.export_id,
                    SummaryExportCell.cell_key,
                    SummaryExportCell.value,
                    SummaryExportCell.published,
                )
            )
        ]


def export_members(
    vault: Vault, export_id: int, leaf_keys: Iterable[str] | None = None
) -> dict[str, frozenset[int]]:
    """The ids behind leaf counts of one export (all of them without leaf_keys; a leaf with
    no one behind it is absent, or empty when asked for)."""
    query = select(SummaryExportMembers.leaf_key, SummaryExportMembers.members).where(
        SummaryExportMembers.export_id == export_id
    )
    out: dict[str, frozenset[int]] = {}
    if leaf_keys is not None:
        wanted = sorted(set(leaf_keys))
        out = dict.fromkeys(wanted, frozenset[int]())
        query = query.where(SummaryExportMembers.leaf_key.in_(wanted))
    with vault.read() as s:
        rows = s.execute(query).all()
    for leaf, blob in rows:
        out[leaf] = unpack_members(blob)
    return out


def exported_digests(vault: Vault) -> dict[int, dict[str, str]]:
    """export id -> leaf key -> digest of the ids behind it (absent: no one)."""
    out: dict[int, dict[str, str]] = {}
    with vault.read() as s:
        for export_id, leaf, digest in s.execute(
            select(
                SummaryExportMembers.export_id,
                SummaryExportMembers.leaf_key,
                SummaryExportMembers.digest,
            )
        ):
            out.setdefault(export_id, {})[leaf] = digest
    return out


def forget_client(session: Session, client_id: int) -> None:
    """Remove a destroyed client, and their records, from every export's member sets (inside
    the caller's transaction, so it happens with the destruction or not at all)."""
    rows = session.execute(select(SummaryExportMembers.id, SummaryExportMembers.members)).all()
    for row_id, blob in rows:
        ids = unpack_members(blob)
        kept = {m for m in ids if member_client(m) != client_id}
        if len(kept) == len(ids):
            continue
        if kept:
            session.execute(
                update(SummaryExportMembers)
                .where(SummaryExportMembers.id == row_id)
                .execution_options(synchronize_session=False)  # a plain UPDATE, as before
                .values(members=pack_members(kept), digest=members_digest(kept))
            )
        else:
            session.execute(delete(SummaryExportMembers).where(SummaryExportMembers.id == row_id))
