"""A full disk or a read-only folder while saving: a clear message, nothing half-written, no
acknowledged note lost, and saving works again once space is freed.

The disk is "filled" in a child process with RLIMIT_FSIZE (SIGXFSZ ignored, so a write past the
limit fails with EFBIG, as a full disk fails with ENOSPC) rather than by filling a real disk.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from advocate_app.store import backup_file as backup_module
from advocate_app.store.backup import backup_to_folder
from advocate_app.store.backup_file import BackupNotWritten
from advocate_app.store.errors import StorageFull
from advocate_app.store.layout import KEYS_FILE_NAME
from advocate_app.store.vault import Vault
from tests.helpers import data_key_with_recovery, sha_map_with_throttle

pytestmark = pytest.mark.skipif(os.name == "nt", reason="RLIMIT_FSIZE is POSIX")

REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import json, resource, signal, sys
    from pathlib import Path
    from advocate_app.store import clients, notes
    from advocate_app.store.backup import backup_to_folder
    from advocate_app.store.backup_file import BackupNotWritten
    from advocate_app.store.clients import ClientFields
    from advocate_app.store.errors import StorageFull
    from advocate_app.store.vault import Vault

    folder, user_id, usb = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    key = bytearray.fromhex(sys.stdin.readline().strip())
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)

    def say(*parts):
        print(json.dumps(parts), flush=True)

    vault = Vault.open(folder)
    vault.unlock_with_data_key(key, user_id)
    client_id = clients.create_client(vault, ClientFields(alias="Disk Full"))
    biggest = max(p.stat().st_size for p in folder.iterdir() if p.is_file())
    resource.setrlimit(resource.RLIMIT_FSIZE, (biggest + 48 * 1024, hard))
    full = 0
    for n in range(2000):
        try:
            note_id = notes.add_note(vault, client_id, "contact", f"note {n} " + "f" * 1200)
        except StorageFull as exc:
            full += 1
            say("FULL", exc.message)
            if full == 3:
                break
        else:
            say("OK", note_id)
    # A backup onto a stick with no room left.
    resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, hard))
    try:
        backup_to_folder(vault, usb)
        say("BACKUP", "written")
    except BackupNotWritten as exc:
        say("BACKUP-FULL", exc.message)
    say("LEFT", sorted(p.name for p in usb.iterdir()))
    # Space is freed: saving works again, on the same open vault.
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    say("AFTER", notes.add_note(vault, client_id, "contact", "saved once space was freed"))
    say("BACKUP-AFTER", backup_to_folder(vault, usb).path.name)
    vault.close()
    """
)

KEYS_CHILD = textwrap.dedent(
    """
    import resource, signal, sys
    from pathlib import Path
    from advocate_app.store.errors import StorageFull
    from advocate_app.store.vault import Vault

    folder, user_id = Path(sys.argv[1]), sys.argv[2]
    key = bytearray.fromhex(sys.stdin.readline().strip())
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    vault = Vault.open(folder)
    vault.unlock_with_data_key(key, user_id)
    resource.setrlimit(resource.RLIMIT_FSIZE, (256, resource.RLIM_INFINITY))
    try:
        vault.keys.save(vault.folder)
    except StorageFull as exc:
        print("FULL", exc.message, flush=True)
    else:
        print("SAVED", flush=True)
    vault.close()
    """
)


def _run_child(script: str, *args: str, key: bytearray) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        input=bytes(key).hex() + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_disk_full_while_saving_notes_and_backing_up(
    vault_dir: Path, vault_template, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    key = data_key_with_recovery(vault_dir, vault_template.recovery_key)
    result = _run_child(CHILD, str(vault_dir), vault_template.user_id, str(usb), key=key)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]

    saved = [e[1] for e in events if e[0] == "OK"]
    full = [e[1] for e in events if e[0] == "FULL"]
    assert saved, "some notes fit before the disk filled"
    assert full == [StorageFull().message] * 3
    assert "Your text is still here" in full[0]

    backup_full = dict((e[0], e[1]) for e in events)
    assert "could not be written" in backup_full["BACKUP-FULL"]
    assert "no partial backup" in backup_full["BACKUP-FULL"]
    assert backup_full["LEFT"] == []  # nothing half-written on the stick
    after = backup_full["AFTER"]
    assert backup_full["BACKUP-AFTER"].startswith("advocate-backup-")

    with Vault.open(vault_dir) as vault:
        vault.unlock_with_data_key(key, vault_template.user_id)
        assert vault.integrity_problems() == []
        from sqlalchemy import text

        with vault.read() as s:
            present = set(s.execute(text("SELECT id FROM notes")).scalars())
    assert set(saved) | {after} <= present  # every acknowledged note survived
    assert len(present) == len(saved) + 1  # and nothing that was refused slipped in


def test_keys_file_write_when_disk_full_is_a_clear_error(vault_dir: Path, vault_template) -> None:
    """Needs KeysFile.save to turn OSError into StorageFull (see the integration notes)."""
    key = data_key_with_recovery(vault_dir, vault_template.recovery_key)
    keys_before = (vault_dir / KEYS_FILE_NAME).read_bytes()
    result = _run_child(KEYS_CHILD, str(vault_dir), vault_template.user_id, key=key)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.stdout.startswith("FULL The disk is full"), result.stdout
    assert (vault_dir / KEYS_FILE_NAME).read_bytes() == keys_before  # the old file is whole
    assert not [p for p in vault_dir.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "is full"),
        (errno.EROFS, "cannot be written"),
        (errno.EACCES, "cannot be written"),
        (errno.EIO, "reported an error"),
    ],
)
def test_backup_folder_errors_are_plain(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()

    def refuse(*_args: object, **_kwargs: object) -> str:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(backup_module.tempfile, "mkdtemp", refuse)
    with pytest.raises(BackupNotWritten, match=words) as caught:
        backup_to_folder(vault, usb)
    assert isinstance(caught.value, StorageFull)
    assert "Nothing was changed" in caught.value.message
    assert list(usb.iterdir()) == []


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_backup_into_a_read_only_folder(vault: Vault, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    usb.chmod(0o500)
    try:
        with pytest.raises(BackupNotWritten, match="cannot be written"):
            backup_to_folder(vault, usb)
        assert list(usb.iterdir()) == []
    finally:
        usb.chmod(0o700)


def test_a_removed_stick_is_named(vault: Vault, tmp_path: Path) -> None:
    before = sha_map_with_throttle(vault.folder)
    with pytest.raises(BackupNotWritten, match="was the USB stick removed"):
        backup_to_folder(vault, tmp_path / "gone")
    assert sha_map_with_throttle(vault.folder).keys() == before.keys()
