"""Kill injection over restore, set-up and backup: whatever opens the folder next puts it right,
and nothing the office wrote is ever lost or overwritten.

Each test walks a few kill points spread over every step of the operation (ADVOCATE_KILL_ROUNDS
raises it; `make soak` walks every step many times).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from advocate_app import cli
from advocate_app.store import clients, notes
from advocate_app.store.backup import automatic_backups
from advocate_app.store.backup_file import check_backup_file
from advocate_app.store.clients import ClientFields
from advocate_app.store.diagnose import Problem, diagnose
from advocate_app.store.errors import VaultExists
from advocate_app.store.vault import Vault
from tests.helpers import PASSPHRASE, copy_vault, data_key_with_recovery, kill_rounds, sha_map
from tests.kill_harness import ALL_OPS, count_steps, run_killed, spread

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")

RESTORE_CHILD = """
from pathlib import Path
from advocate_app.store.restore import BackupCredentials, restore_backup
restore_backup(Path(ARGS[0]), Path(ARGS[1]), BackupCredentials(recovery_key=STDIN.strip()))
"""

SETUP_CHILD = """
from pathlib import Path
from advocate_app.store.vault import Vault
vault, _key = Vault.create(Path(ARGS[0]), office_name="Hill Office", user_name="Ana",
                           passphrase=STDIN, kdf_target_seconds=0, check_strength=False)
vault.close()
"""

BACKUP_CHILD = """
from pathlib import Path
from datetime import UTC, datetime
from advocate_app.store.backup import auto_backup_if_due
from advocate_app.store.vault import Vault
vault = Vault.open(Path(ARGS[0]))
vault.unlock_with_data_key(bytearray.fromhex(STDIN.strip()), ARGS[1])
auto_backup_if_due(vault, keep=2, now=datetime(2031, 1, int(ARGS[2]), 12, tzinfo=UTC))
vault.close()
"""


def _notes_in(folder: Path, key: bytearray, user_id: str) -> list[str]:
    with Vault.open(folder) as vault:
        vault.unlock_with_data_key(key, user_id)
        assert vault.integrity_problems() == []
        return sorted(n.body for n in notes.list_notes(vault, 1))


def _init_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    return cli.main(
        [
            "init",
            "--data-dir",
            str(folder),
            "--office",
            "New Office",
            "--user",
            "Someone",
            "--passphrase-stdin",
            "--kdf-seconds",
            "0",
        ]
    )


# --- restore ----------------------------------------------------------------------------------


def test_a_restore_killed_at_any_step_is_finished_or_rolled_back_by_whatever_opens_next(
    vault_dir: Path,
    vault_template,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    key = data_key_with_recovery(vault_dir, vault_template.recovery_key)
    with Vault.open(vault_dir) as vault:
        vault.unlock_with_data_key(key, vault_template.user_id)
        client_id = clients.create_client(vault, ClientFields(alias="Blue Heron"))
        notes.add_note(vault, client_id, "contact", "in the backup")
        backup = vault.backup_to(tmp_path / "b.acbackup").path
        notes.add_note(vault, client_id, "contact", "written after the backup")
    before = sha_map(vault_dir)
    recovery = vault_template.recovery_key + "\n"

    total = count_steps(
        RESTORE_CHILD,
        args=[str(copy_vault(vault_dir, tmp_path / "count")), str(backup)],
        stdin=recovery,
    )
    assert total >= 6
    openers = ["open", "init", "exists", "restore-again"]
    for i, n in enumerate(spread(total, kill_rounds(3))):
        folder = copy_vault(vault_dir, tmp_path / f"kill{n}")
        result = run_killed(
            RESTORE_CHILD, kill_at=n, args=[str(folder), str(backup)], stdin=recovery
        )
        assert result.killed, result.stderr
        opener = openers[i % len(openers)]
        diagnosis = diagnose(folder)
        assert diagnosis.kind in (Problem.HEALTHY, Problem.RESTORE_INTERRUPTED), (
            n,
            result.killed_at,
            diagnosis.kind,
        )
        assert Vault.exists(folder), (n, result.killed_at)
        if opener == "init":
            # Set-up refuses while a vault (or a pending restore) is there; it finishes the
            # restore rather than building an empty vault over the kept-aside records.
            assert _init_again(folder, monkeypatch) == 2
            assert "already a vault" in capsys.readouterr().err
        elif opener == "restore-again":
            from advocate_app.store.restore import BackupCredentials, restore_backup

            restore_backup(
                folder, backup, BackupCredentials(recovery_key=vault_template.recovery_key)
            )
        elif opener == "open":
            Vault.open(folder).close()
        found = _notes_in(folder, key, vault_template.user_id)
        asides = sorted(folder.glob("before-restore-*"))
        if found == ["in the backup"]:
            # Restored: the vault as it was is kept whole in before-restore folders.
            assert asides, (n, result.killed_at)
            kept = asides[0]
            assert {"vault.db", "vault.keys.json"} <= {p.name for p in kept.iterdir()}
            assert _notes_in(kept, key, vault_template.user_id) == [
                "in the backup",
                "written after the backup",
            ]
        else:
            # Rolled back: the vault is exactly as it was.
            assert found == ["in the backup", "written after the backup"], (n, found)
        assert not [p for p in folder.iterdir() if p.name.startswith(".restore-")]
        for aside in asides:
            # Each before-restore folder holds one whole vault, never two mixed.
            names = {p.name for p in aside.iterdir()}
            assert "vault.db" in names and "vault.keys.json" in names, (n, names)
    assert before == sha_map(vault_dir)


class Crash(BaseException):
    """Stands in for a power cut in-process: no except clause catches it."""


def test_init_never_builds_over_a_restore_that_moved_the_vault_aside(
    vault_dir: Path,
    vault_template,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The issue's data loss: killed after both files were moved aside, `check` said "no vault",
    `init` made one, and the next start moved it into the same before-restore folder."""
    from advocate_app.store import restore
    from advocate_app.store.restore import BackupCredentials, restore_backup

    key = data_key_with_recovery(vault_dir, vault_template.recovery_key)
    with Vault.open(vault_dir) as vault:
        vault.unlock_with_data_key(key, vault_template.user_id)
        client_id = clients.create_client(vault, ClientFields(alias="Blue Heron"))
        backup = vault.backup_to(tmp_path / "b.acbackup").path
        notes.add_note(vault, client_id, "contact", "only in the live vault")
    real_replace = restore.os.replace

    def replace(src, dst):  # type: ignore[no-untyped-def]
        real_replace(src, dst)
        if not (vault_dir / "vault.db").exists() and not (vault_dir / "vault.keys.json").exists():
            raise Crash  # both live files are aside, nothing restored is in place yet

    monkeypatch.setattr(restore.os, "replace", replace)
    with pytest.raises(Crash):
        restore_backup(
            vault_dir, backup, BackupCredentials(recovery_key=vault_template.recovery_key)
        )
    monkeypatch.setattr(restore.os, "replace", real_replace)

    assert diagnose(vault_dir).kind is Problem.RESTORE_INTERRUPTED
    assert Vault.exists(vault_dir)
    assert _init_again(vault_dir, monkeypatch) == 2
    assert "already a vault" in capsys.readouterr().err
    with pytest.raises(VaultExists):
        Vault.create(
            vault_dir,
            office_name="New",
            user_name="New",
            passphrase=PASSPHRASE,
            kdf_target_seconds=0,
            check_strength=False,
        )
    asides = list(vault_dir.glob("before-restore-*"))
    assert len(asides) == 1
    assert "only in the live vault" in _notes_in(asides[0], key, vault_template.user_id)
    assert _notes_in(vault_dir, key, vault_template.user_id) == []


# --- set-up -----------------------------------------------------------------------------------


def test_a_set_up_killed_at_any_step_leaves_a_whole_vault_or_one_that_can_be_set_up_again(
    tmp_path: Path,
) -> None:
    total = count_steps(
        SETUP_CHILD,
        args=[str(tmp_path / "count")],
        stdin=PASSPHRASE,
        ops=("os.replace", "os.rename", "os.fsync", "os.unlink", "shutil.rmtree"),
    )
    assert total >= 3
    for n in spread(total, kill_rounds(2)):  # the first and the last step; make soak: all
        folder = tmp_path / f"kill{n}"
        result = run_killed(
            SETUP_CHILD,
            kill_at=n,
            args=[str(folder)],
            stdin=PASSPHRASE,
            ops=("os.replace", "os.rename", "os.fsync", "os.unlink", "shutil.rmtree"),
        )
        assert result.killed, result.stderr
        if Vault.exists(folder):
            with Vault.open(folder) as vault:
                user = vault.users_for_unlock()[0]
                vault.unlock(user.id, PASSPHRASE)
                assert vault.office_name == "Hill Office"
            continue
        assert diagnose(folder).kind in (Problem.NO_VAULT, Problem.SETUP_INCOMPLETE)
        vault, _key = Vault.create(
            folder,
            office_name="Second Try",
            user_name="Ana",
            passphrase=PASSPHRASE,
            kdf_target_seconds=0,
        )
        vault.close()
        with Vault.open(folder) as vault:
            vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
            assert vault.office_name == "Second Try"
        assert not (folder / ".setup-incomplete").exists()


# --- backup and leftovers ---------------------------------------------------------------------


def test_a_backup_killed_at_any_step_leaves_no_leftovers_after_the_next_open(
    vault_dir: Path, vault_template, tmp_path: Path
) -> None:
    key = data_key_with_recovery(vault_dir, vault_template.recovery_key)
    stdin = bytes(key).hex() + "\n"
    args = [vault_template.user_id]
    with Vault.open(vault_dir) as vault:
        vault.unlock_with_data_key(key, vault_template.user_id)
        for day in (1, 2):
            from datetime import UTC, datetime

            from advocate_app.store.backup import auto_backup_if_due

            auto_backup_if_due(vault, keep=2, now=datetime(2031, 1, day, 12, tzinfo=UTC))
    good = sorted(automatic_backups(vault_dir / "backups"))
    # Unlinks count too, so kills also land inside the rotation.
    total = count_steps(
        BACKUP_CHILD,
        args=[str(copy_vault(vault_dir, tmp_path / "count")), *args, "3"],
        stdin=stdin,
        ops=ALL_OPS,
    )
    for n in spread(total, kill_rounds(2)):
        folder = copy_vault(vault_dir, tmp_path / f"kill{n}")
        result = run_killed(
            BACKUP_CHILD, kill_at=n, args=[str(folder), *args, "3"], stdin=stdin, ops=ALL_OPS
        )
        assert result.killed, result.stderr
        Vault.open(folder).close()
        left = [p.name for p in (folder / "backups").iterdir() if p.name.startswith(".")]
        assert left == [], (n, result.killed_at, left)
        autos = automatic_backups(folder / "backups")
        assert len(autos) >= 2, (n, result.killed_at)
        for path in autos:
            check_backup_file(path)  # every backup left is whole
        assert {p.name for p in good} - {p.name for p in autos} <= {good[0].name}


def test_leftovers_of_killed_operations_are_cleaned_at_the_next_open_and_only_ours(
    vault_dir: Path,
) -> None:
    backups = vault_dir / "backups"
    backups.mkdir(exist_ok=True)
    ours = [
        vault_dir / ".vault.keys.json.1a2b3c4d.tmp",
        vault_dir / ".vault.keys.json.prev.1a2b3c4d.tmp",
        backups / ".automatic-20310101-120000.acbackup.0badcafe.tmp",
        backups / ".backup-x1y2z3",
        backups / ".verify-a9b8c7",
    ]
    theirs = [
        vault_dir / "notes.tmp",
        vault_dir / ".hidden-by-someone.tmp",
        backups / "my-copy.acbackup.tmp",
        backups / ".backup-notes.txt",
    ]
    for path in ours[:3] + theirs[:3]:
        path.write_bytes(b"x" * 1000)
    for path in ours[3:]:
        path.mkdir()
        (path / "vault.db").write_bytes(b"y" * 1000)
    theirs[3].write_text("a person's own file")
    Vault.open(vault_dir).close()
    assert [p for p in ours if p.exists()] == []
    assert [p for p in theirs if not p.exists()] == []
