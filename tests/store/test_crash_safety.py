"""Crash safety: SIGKILL at random moments while notes are being added, and while a schema
upgrade runs. After each kill the vault opens, passes both integrity checks and holds every note
the killed process reported as saved; an upgrade is found at a whole schema version.

ADVOCATE_SOAK_ROUNDS sets the number of kill rounds (4 by default; `make soak` runs 50 through
`python -m benchmarks.crash_soak`).
"""

from __future__ import annotations

import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from advocate_app.store import crypto, migrate
from advocate_app.store.backup_file import BackupInvalid, check_backup_file
from advocate_app.store.engine import connect_keyed, make_engine
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.vault import Vault
from benchmarks.crash_soak import soak_round
from tests.helpers import data_key_with_recovery

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")

ROUNDS = int(os.environ.get("ADVOCATE_SOAK_ROUNDS", "4"))
REPO = Path(__file__).resolve().parents[2]


def test_sigkill_while_adding_notes_loses_no_acknowledged_note(
    vault_dir: Path, vault_template
) -> None:
    key = data_key_with_recovery(vault_dir, vault_template.recovery_key)
    rng = random.Random(int(os.environ.get("ADVOCATE_SOAK_SEED", "20240611")))
    acknowledged = 0
    for n in range(ROUNDS):
        result = soak_round(vault_dir, key, vault_template.user_id, rng, max_delay=0.6)
        assert not result.child_error, f"round {n}: {result.child_error}"
        assert result.problems == [], f"round {n}: integrity {result.problems}"
        assert result.missing == [], f"round {n}: acknowledged notes missing"
        acknowledged += len(result.acknowledged)
    assert acknowledged > 0  # the kills did land while notes were being written


# --- an interrupted schema upgrade ------------------------------------------------------------

UPGRADE_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from sqlalchemy import event
    from sqlalchemy.engine import Engine
    from advocate_app.store.vault import Vault

    # Wait at every transaction boundary until the parent says go, so the parent can kill
    # exactly between or inside migrations ("commit" fires before the commit reaches the
    # database).
    @event.listens_for(Engine, "begin")
    def _begin(conn):
        print("BEGIN", flush=True)
        sys.stdin.readline()

    @event.listens_for(Engine, "commit")
    def _commit(conn):
        print("COMMIT", flush=True)
        sys.stdin.readline()

    folder, user_id = Path(sys.argv[1]), sys.argv[2]
    key = bytearray.fromhex(sys.stdin.readline().strip())
    vault = Vault.open(folder)
    print("START", flush=True)
    vault.unlock_with_data_key(key, user_id)
    print("DONE", flush=True)
    vault.close()
    """
)


def _revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


@pytest.fixture(scope="module")
def first_version_vault(tmp_path_factory: pytest.TempPathFactory, vault_template) -> Path:
    """A vault as the first released schema left it."""
    from alembic import command

    folder = tmp_path_factory.mktemp("v1") / "vault"
    shutil.copytree(vault_template.folder, folder, ignore=shutil.ignore_patterns("vault.lock"))
    key = KeysFile.load(folder).unwrap_with_recovery_key(vault_template.recovery_key)
    engine = make_engine(folder / "vault.db", key)
    try:
        cfg = migrate.alembic_config()
        with engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, _revisions()[0])
    finally:
        engine.dispose()
        crypto.zero(key)
    return folder


def _kill_after(folder: Path, key: bytearray, user_id: str, events: int) -> bool:
    """Run the upgrade child and SIGKILL it while it waits at its `events`-th pause point
    after START; True if it was killed before finishing."""
    seen: list[str] = []
    lines: queue.Queue[str] = queue.Queue()
    with subprocess.Popen(
        [sys.executable, "-c", UPGRADE_CHILD, str(folder), user_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    ) as child:
        assert child.stdin is not None and child.stdout is not None
        try:
            child.stdin.write(bytes(key).hex() + "\n")
            child.stdin.flush()

            def read() -> None:
                assert child.stdout is not None
                for line in child.stdout:
                    lines.put(line.strip())
                lines.put("")  # the child's output ended

            threading.Thread(target=read, daemon=True).start()
            started = False
            count = 0
            while True:
                try:
                    line = lines.get(timeout=60)
                except queue.Empty:
                    pytest.fail("the upgrade child said nothing for a minute")
                seen.append(line)
                if line in ("", "DONE"):
                    break
                started = started or line == "START"
                if line in ("BEGIN", "COMMIT"):
                    count += started
                    if started and count >= events:
                        break  # it waits at this pause for a word that never comes
                    child.stdin.write("go\n")
                    child.stdin.flush()
            killed = child.poll() is None and "DONE" not in seen
            if killed:
                child.send_signal(signal.SIGKILL)
            else:
                child.stdin.close()  # any later pause (closing the vault) goes on at once
            child.wait(timeout=30)
            assert killed or child.returncode == 0, child.stderr.read() if child.stderr else ""
            return killed
        finally:
            if child.poll() is None:
                child.kill()


def test_an_interrupted_upgrade_leaves_a_whole_schema_version(
    first_version_vault: Path, vault_template, tmp_path: Path
) -> None:
    revisions = _revisions()
    key = data_key_with_recovery(first_version_vault, vault_template.recovery_key)
    rng = random.Random(7)
    rounds = max(3, ROUNDS // 3)
    kills = 0
    for n in range(rounds):
        folder = tmp_path / f"round{n}"
        shutil.copytree(first_version_vault, folder)
        # Spread the kill points over the whole upgrade: before the backup, inside and between
        # each migration (a BEGIN and a COMMIT pause each), the unlock's own write.
        span = 2 * len(revisions) + 3
        events = 1 + int((n + rng.random()) * span / rounds)
        kills += _kill_after(folder, key, vault_template.user_id, events=events)

        conn = connect_keyed(folder / "vault.db", key, check=False)
        try:
            found = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        finally:
            conn.close()
        assert found in revisions, f"round {n}: schema at {found!r}"
        for path in (folder / "backups").glob("*"):
            assert not path.name.endswith(".acbackup") or _intact(path), path
        # Opening finishes the upgrade; a half-applied migration would fail here
        # ("table already exists") or fail the integrity checks.
        with Vault.open(folder) as vault:
            vault.unlock_with_data_key(key, vault_template.user_id)
            assert vault.schema_revision() == migrate.head_revision()
            assert vault.integrity_problems() == []
            assert vault.office_name == "Riverbend Advocacy Office"
        assert list((folder / "backups").glob("before-upgrade-*.acbackup")), (
            "an upgrade never runs without a backup first"
        )
    assert kills >= 1


def _intact(path: Path) -> bool:
    try:
        check_backup_file(path)
    except BackupInvalid:
        return False
    return True
