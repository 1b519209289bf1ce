"""The engine: pragmas on every pooled connection, and many threads writing at once."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from advocate_app.store.engine import REQUIRED_PRAGMAS, read_pragmas
from advocate_app.store.vault import Vault
from tests.helpers import PASSPHRASE


def test_every_pooled_connection_holds_the_required_pragmas(vault: Vault) -> None:
    seen = []
    connections = [vault.engine.raw_connection() for _ in range(6)]  # beyond the pool's size
    try:
        for raw in connections:
            seen.append(read_pragmas(raw.driver_connection))
    finally:
        for raw in connections:
            raw.close()
    expected = {name: want.lower() for name, (_set, want) in REQUIRED_PRAGMAS.items()}
    # DESIGN.md (2026-11-29): memory security follows SQLCipher's default, off; a lock ends the
    # process instead (tests/ui/test_memory_after_lock.py).
    assert expected["cipher_memory_security"] == "0"
    assert expected["temp_store"] == "2" and expected["secure_delete"] == "1"
    assert len(seen) == 6
    for pragmas in seen:
        assert pragmas == expected


def test_fts5_with_secure_delete_is_available(vault: Vault) -> None:
    raw = vault.engine.raw_connection()
    try:
        conn = raw.driver_connection
        conn.execute("CREATE VIRTUAL TABLE temp.t USING fts5(x)")
        conn.execute("INSERT INTO temp.t(t, rank) VALUES('secure-delete', 1)")
    finally:
        raw.close()


def test_threads_share_the_pool_without_crashing(vault: Vault) -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(10):
                vault.record_audit("test_write", "thread", n * 100 + i)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


CHILD = textwrap.dedent(
    """
    import json, sys, threading
    from pathlib import Path
    from advocate_app.store.vault import Vault
    from advocate_app.store import audit

    folder, passphrase = Path(sys.argv[1]), sys.stdin.readline().rstrip("\\n")
    vault = Vault.open(folder)
    vault.unlock(vault.users_for_unlock()[0].id, passphrase)
    acked, lock = [], threading.Lock()

    def work(t):
        for i in range(50):
            rid = t * 1000 + i
            with vault.write() as s:
                audit.record(s, None, "concurrency", "probe", rid)
            with lock:
                acked.append(rid)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(16)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    vault.close()
    print(json.dumps(acked))
    """
)


def test_sixteen_threads_times_fifty_writes_in_a_subprocess(vault_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(vault_dir)],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    acked = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert len(acked) == 16 * 50
    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        from sqlalchemy import select

        from advocate_app.store.models import AuditEvent

        with vault.read() as s:
            stored = set(
                s.scalars(select(AuditEvent.record_id).where(AuditEvent.action == "concurrency"))
            )
        assert acked <= stored
        assert vault.integrity_problems() == []
