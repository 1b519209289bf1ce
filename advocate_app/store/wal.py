"""Reading SQLite's write-ahead log beside vault.db, without a key and without writing.

An interrupted checkpoint can leave vault.db ending in a partial page that the log's committed
frames rewrite in full. The integrity checks then report that page, but it is not damage:
opening the vault and checkpointing finishes the job. This module tells the two apart.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path

from advocate_app.store.layout import DB_FILE_NAME, WAL_FILE_NAME

DEFAULT_PAGE_SIZE = 4096  # SQLCipher 4's page size; the engine does not change it
_WAL_MAGIC = (0x377F0682, 0x377F0683)
_PARTIAL_PAGE = re.compile(r"page (\d+) has an invalid size", re.IGNORECASE)


@dataclass(frozen=True)
class WalSummary:
    page_size: int
    committed_pages: frozenset[int]  # page numbers written by committed transactions
    db_pages: int  # the database size in pages after the last committed transaction


def _wal_checksum(chunk: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(("<" if not big_endian else ">") + f"{len(chunk) // 4}I", chunk)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def read_wal(wal_path: Path) -> WalSummary | None:
    """The committed frames of a SQLite WAL file, checked the way SQLite checks them (salts and
    cumulative checksums), or None when there is no usable log. The header and frame headers are
    plain even under SQLCipher; only page contents are encrypted."""
    try:
        data = Path(wal_path).read_bytes()
    except OSError:
        return None
    if len(data) < 32:
        return None
    magic, _version, page_size, _seq, salt1, salt2, ck1, ck2 = struct.unpack(">8I", data[:32])
    if (
        magic not in _WAL_MAGIC
        or page_size < 512
        or page_size > 65536
        or (page_size & (page_size - 1))
    ):
        return None
    big = bool(magic & 1)
    s0, s1 = _wal_checksum(data[:24], big, 0, 0)
    if (s0, s1) != (ck1, ck2):
        return None
    committed: set[int] = set()
    pending: set[int] = set()
    db_pages = 0
    frame = 24 + page_size
    offset = 32
    while offset + frame <= len(data):
        pgno, commit, fs1, fs2, fc1, fc2 = struct.unpack(">6I", data[offset : offset + 24])
        if (fs1, fs2) != (salt1, salt2):
            break
        s0, s1 = _wal_checksum(data[offset : offset + 8], big, s0, s1)
        s0, s1 = _wal_checksum(data[offset + 24 : offset + frame], big, s0, s1)
        if (s0, s1) != (fc1, fc2):
            break
        pending.add(pgno)
        if commit:
            committed |= pending
            pending = set()
            db_pages = commit
        offset += frame
    return WalSummary(page_size, frozenset(committed), db_pages)


def partial_last_page(folder: Path) -> tuple[int | None, WalSummary | None]:
    """(the 1-based number of a partial last page, the WAL summary) for vault.db."""
    db = folder / DB_FILE_NAME
    wal = read_wal(folder / WAL_FILE_NAME)
    page_size = wal.page_size if wal else DEFAULT_PAGE_SIZE
    size = db.stat().st_size
    if size % page_size == 0:
        return None, wal
    return size // page_size + 1, wal


def checkpoint_needed(folder: Path) -> bool:
    """True when vault.db ends in a partial page that the WAL's committed frames rewrite in
    full: what an interrupted checkpoint leaves. Opening the vault and checkpointing fixes it."""
    try:
        partial, wal = partial_last_page(Path(folder))
    except OSError:
        return False
    return partial is not None and wal is not None and partial in wal.committed_pages


def only_needs_checkpoint(folder: Path, problems: list[str]) -> bool:
    """True when every integrity problem is the partial last page of an interrupted checkpoint
    (so: checkpoint, then check again) rather than damage."""
    if not problems or not checkpoint_needed(folder):
        return False
    partial, _wal = partial_last_page(Path(folder))
    for problem in problems:
        match = _PARTIAL_PAGE.search(problem)
        if match is None or int(match.group(1)) != partial:
            return False
    return True
