"""Backups and restore: a round trip keeps every row, bad files are refused with nothing changed,
the automatic rotation keeps exactly N, and an interrupted restore is finished, not lost."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from advocate_app.store import appointments, clients, drafts, needs, notes, restore
from advocate_app.store.appointments import AppointmentFields
from advocate_app.store.backup import (
    auto_backup_if_due,
    automatic_backups,
    backup_to_folder,
    list_backups,
)
from advocate_app.store.backup_file import (
    BackupDamaged,
    BackupIncomplete,
    BackupTooNew,
    NotABackup,
    check_backup_file,
    read_backup_info,
    read_backup_keys,
)
from advocate_app.store.clients import ClientFields
from advocate_app.store.diagnose import Problem, diagnose
from advocate_app.store.engine import connect_keyed
from advocate_app.store.errors import NotAllowed, VaultDamaged, VaultInUse
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.restore import (
    BackupCredentials,
    BackupFromAnotherVault,
    BackupWrongPassphrase,
    finish_interrupted_restore,
    restore_backup,
    verify_backup_with,
)
from advocate_app.store.vault import Vault
from tests.helpers import PASSPHRASE, data_key_with_recovery, sha_map_with_throttle

MARKER = "Sunflower quartz 8812 was at the bus station"
ALIAS = "Zebra Lantern"


# --- helpers shared with the other backup tests -----------------------------------------------


def table_snapshot(db_path: Path, data_key: bytearray) -> dict[str, list[str]]:
    """Every row of every table (FTS shadow tables included), order-free."""
    conn = connect_keyed(db_path, data_key, check=False)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {t: sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{t}"')) for t in tables}
    finally:
        conn.close()


def recovery_key_of(vault_template) -> BackupCredentials:
    return BackupCredentials(recovery_key=vault_template.recovery_key)


def populate(vault: Vault, n_notes: int = 12) -> int:
    client_id = clients.create_client(
        vault, ClientFields(alias=ALIAS, intake_date=date(2024, 3, 1))
    )
    other = clients.create_client(vault, ClientFields(alias="Quiet Harbor"))
    for i in range(n_notes):
        notes.add_note(vault, client_id if i % 2 else other, "contact", f"{MARKER} ({i})")
    needs.add_need(vault, client_id, "housing", "Find a shelter bed", next_step="Call Monday")
    appointments.add_appointment(
        vault,
        client_id,
        AppointmentFields(
            starts_at=datetime(2024, 4, 2, 9, 30), kind="court_hearing", place="County court"
        ),
    )
    drafts.save_draft(vault, f"note:new:client={client_id}", "half a thought", client_id)
    return client_id


@pytest.fixture(scope="module")
def other_vault_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid backup of a different vault (another office)."""
    folder = tmp_path_factory.mktemp("other")
    vault, _recovery = Vault.create(
        folder / "vault",
        office_name="Other Office",
        user_name="Dana",
        passphrase=PASSPHRASE,
        kdf_target_seconds=0,
    )
    try:
        return vault.backup_to(folder / "other.acbackup").path
    finally:
        vault.close()


# --- round trip -------------------------------------------------------------------------------


def test_round_trip_preserves_every_row_and_keeps_the_current_vault(
    vault: Vault, vault_dir: Path, vault_template, tmp_path: Path
) -> None:
    client_id = populate(vault)
    key = vault.data_key_copy()
    usb = tmp_path / "usb"
    usb.mkdir()
    info = backup_to_folder(vault, usb)
    before = table_snapshot(vault.db_path, key)
    # Written just after the copy was made, so not in it: when the last outside copy was made.
    before["meta"] = [row for row in before["meta"] if "backup_outside_copy_at" not in row]
    assert info.path.name == f"advocate-backup-{datetime.now().astimezone().date()}.acbackup"
    assert check_backup_file(info.path) == info

    # Life goes on after the backup: this note must not come back, but must not be lost either.
    later_note = notes.add_note(vault, client_id, "contact", "written after the backup")
    vault.close()

    result = restore_backup(vault_dir, info.path, BackupCredentials(passphrase=PASSPHRASE))
    after = table_snapshot(vault_dir / "vault.db", key)
    assert sorted(after) == sorted(before)
    for table in before:
        assert after[table] == before[table], table

    assert result.kept_aside is not None and result.kept_aside.parent == vault_dir
    assert result.kept_aside.name.startswith("before-restore-")
    assert not list(vault_dir.glob(".restore-*"))
    # The vault as it was is a whole vault of its own, with the later note in it.
    with Vault.open(result.kept_aside) as kept:
        kept.unlock(kept.users_for_unlock()[0].id, PASSPHRASE)
        assert later_note in [n.id for n in notes.list_notes(kept, client_id)]
    with Vault.open(vault_dir) as restored:
        restored.unlock(restored.users_for_unlock()[0].id, PASSPHRASE)
        assert restored.integrity_problems() == []
        assert later_note not in [n.id for n in notes.list_notes(restored, client_id)]
    assert diagnose(vault_dir).kind is Problem.HEALTHY


def test_a_backup_holds_no_plaintext_and_opens_with_passphrase_or_recovery_key(
    vault: Vault, vault_template, tmp_path: Path
) -> None:
    populate(vault)
    info = vault.backup_to(tmp_path / "b.acbackup")
    raw = info.path.read_bytes()
    for secret in (MARKER, ALIAS, "Find a shelter bed", "half a thought", vault.office_name):
        assert secret.encode("utf-8") not in raw
        assert secret.encode("utf-16-le") not in raw
    assert b"SQLite format 3" not in raw  # the database inside is encrypted from its first page
    with zipfile.ZipFile(info.path) as zf:
        assert sorted(zf.namelist()) == ["manifest.json", "vault.db", "vault.keys.json"]
        manifest = json.loads(zf.read("manifest.json"))
    assert set(manifest) == {
        "format",
        "version",
        "created",
        "vault_id",
        "schema_revision",
        "db_salt",
    }
    assert verify_backup_with(info.path, BackupCredentials(passphrase=PASSPHRASE)) == info
    assert verify_backup_with(info.path, recovery_key_of(vault_template)) == info
    with pytest.raises(BackupWrongPassphrase, match="does not open this backup"):
        verify_backup_with(info.path, BackupCredentials(passphrase="not the passphrase"))


# --- refusals ---------------------------------------------------------------------------------


def _rezip(source: Path, dest: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """A copy of a backup with members changed but valid zip checksums (so only the inner
    checks can catch it)."""
    with zipfile.ZipFile(source) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    change(members)
    with zipfile.ZipFile(dest, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return dest


def _flip_page(members: dict[str, bytes]) -> None:
    db = bytearray(members["vault.db"])
    start = 4096 * 3 + 200
    for i in range(start, start + 64):
        db[i] ^= 0x5A
    members["vault.db"] = bytes(db)


def _manifest(**changes: object):  # type: ignore[no-untyped-def]
    def change(members: dict[str, bytes]) -> None:
        manifest = json.loads(members["manifest.json"])
        manifest.update(changes)
        members["manifest.json"] = json.dumps(manifest).encode()

    return change


def _make_bad(kind: str, good: Path, other: Path, tmp: Path) -> Path:
    bad = tmp / f"{kind}.acbackup"
    if kind == "not_a_backup":
        bad.write_text("Shopping list: bread, milk\n")
    elif kind == "empty":
        bad.write_bytes(b"")
    elif kind == "some_other_zip":
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr("photo.jpg", b"\xff\xd8\xff")
    elif kind == "truncated":
        data = good.read_bytes()
        bad.write_bytes(data[: len(data) // 2])
    elif kind == "damaged_pages":
        _rezip(good, bad, _flip_page)
    elif kind == "newer_format":
        _rezip(good, bad, _manifest(version=2))
    elif kind == "newer_schema":
        _rezip(good, bad, _manifest(schema_revision="9999_from_the_future"))
    elif kind == "foreign":
        shutil.copyfile(other, bad)
    elif kind == "wrong_passphrase":
        shutil.copyfile(good, bad)
    return bad


@pytest.mark.parametrize(
    ("kind", "error", "words"),
    [
        ("not_a_backup", NotABackup, "not an Advocate Companion backup"),
        ("empty", NotABackup, "not an Advocate Companion backup"),
        ("some_other_zip", NotABackup, "not an Advocate Companion backup"),
        ("truncated", BackupIncomplete, "incomplete or damaged"),
        ("damaged_pages", BackupDamaged, "integrity check|damaged"),
        ("newer_format", BackupTooNew, "newer version"),
        ("newer_schema", BackupTooNew, "newer version"),
        ("foreign", BackupFromAnotherVault, "different vault"),
        ("wrong_passphrase", BackupWrongPassphrase, "does not open this backup"),
    ],
)
def test_restore_refuses_a_bad_file_and_changes_nothing(
    vault_dir: Path,
    vault_template,
    other_vault_backup: Path,
    tmp_path: Path,
    kind: str,
    error: type[Exception],
    words: str,
) -> None:
    with Vault.open(vault_dir) as vault:
        vault.unlock_with_data_key(
            data_key_with_recovery(vault_dir, vault_template.recovery_key), vault_template.user_id
        )
        good = vault.backup_to(tmp_path / "good.acbackup").path
    bad = _make_bad(kind, good, other_vault_backup, tmp_path)
    before = sha_map_with_throttle(vault_dir)
    credentials = (
        BackupCredentials(passphrase="a wrong passphrase")
        if kind == "wrong_passphrase"
        else recovery_key_of(vault_template)
    )
    with pytest.raises(error, match=words) as caught:
        restore_backup(vault_dir, bad, credentials)
    assert "Nothing was changed" in caught.value.message
    assert sha_map_with_throttle(vault_dir) == before
    assert sorted(p.name for p in vault_dir.iterdir()) == sorted(
        ["vault.db", "vault.keys.json", "vault.lock", "backups"]
        if (vault_dir / "backups").exists()
        else ["vault.db", "vault.keys.json", "vault.lock"]
    )


def test_restore_refuses_while_the_vault_is_open(
    vault: Vault, vault_template, tmp_path: Path
) -> None:
    info = vault.backup_to(tmp_path / "b.acbackup")
    before = sha_map_with_throttle(vault.folder)
    with pytest.raises(VaultInUse, match="already open"):
        restore_backup(vault.folder, info.path, recovery_key_of(vault_template))
    assert sha_map_with_throttle(vault.folder) == before


def test_another_vaults_backup_replaces_this_one_only_when_asked(
    vault_dir: Path, other_vault_backup: Path
) -> None:
    other_keys = read_backup_keys(other_vault_backup)
    # Dana is a user of the backup only: a supervisor of the vault here must agree.
    with pytest.raises(NotAllowed, match="Only a supervisor of the vault in this folder"):
        restore_backup(
            vault_dir,
            other_vault_backup,
            BackupCredentials(passphrase=PASSPHRASE, user_name="dana"),
            allow_other_vault=True,
        )
    here = restore.authorize_restore(vault_dir, BackupCredentials(passphrase=PASSPHRASE))
    result = restore_backup(
        vault_dir,
        other_vault_backup,
        BackupCredentials(passphrase=PASSPHRASE, user_name="dana"),
        authorization=here,
        allow_other_vault=True,
    )
    assert KeysFile.load(vault_dir).vault_id == other_keys.vault_id
    assert result.kept_aside is not None and (result.kept_aside / "vault.db").exists()
    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        assert vault.office_name == "Other Office"


def test_restore_into_an_empty_folder_sets_up_a_new_computer(
    vault: Vault, vault_template, tmp_path: Path
) -> None:
    populate(vault, n_notes=2)
    info = vault.backup_to(tmp_path / "b.acbackup")
    result = restore_backup(tmp_path / "new-laptop", info.path, recovery_key_of(vault_template))
    assert result.kept_aside is None
    with Vault.open(tmp_path / "new-laptop") as restored:
        restored.unlock(restored.users_for_unlock()[0].id, PASSPHRASE)
        assert restored.raw_count("notes") == 2


# --- automatic backups ------------------------------------------------------------------------


def test_automatic_backup_once_a_day_and_rotation_keeps_exactly_n(
    vault: Vault, vault_template
) -> None:
    keep = 4
    backup_dir = vault.backup_dir
    backup_dir.mkdir()
    upgrade = vault.backup_to(backup_dir / "before-upgrade-20200101-000000.acbackup").path
    manual = vault.backup_to(backup_dir / "advocate-backup-2020-01-01.acbackup").path
    stranger = backup_dir / "read me.txt"
    stranger.write_text("someone's own file")
    kept_aside = {p: p.read_bytes() for p in (upgrade, manual, stranger)}

    start = datetime(2031, 5, 1, 12, 0, tzinfo=UTC)
    made = []
    for day in range(keep + 3):
        now = start + timedelta(days=day)
        info = auto_backup_if_due(vault, keep=keep, now=now)
        assert info is not None and info.kind == "automatic"
        made.append(info.path.name)
        # Later the same day: not due again.
        assert auto_backup_if_due(vault, keep=keep, now=now + timedelta(hours=3)) is None
        assert len(automatic_backups(backup_dir)) == min(day + 1, keep)

    remaining = [p.name for p in automatic_backups(backup_dir)]
    assert remaining == made[-keep:]  # exactly N, the newest ones
    assert all(name.startswith("automatic-20310") for name in remaining)
    for path, content in kept_aside.items():
        assert path.read_bytes() == content  # before-upgrade and other files untouched
    assert not [p for p in backup_dir.iterdir() if p.name.startswith(".")]
    newest = list_backups(backup_dir)[0]
    assert verify_backup_with(newest.path, recovery_key_of(vault_template)).vault_id == (
        vault.keys.vault_id
    )


def test_a_damaged_vault_is_not_backed_up_and_good_backups_stay(
    vault_dir: Path, vault_template
) -> None:
    key = data_key_with_recovery(vault_dir, vault_template.recovery_key)
    with Vault.open(vault_dir) as vault:
        vault.unlock_with_data_key(key, vault_template.user_id)
        populate(vault, n_notes=150)
        vault.checkpoint()
        first = auto_backup_if_due(vault, now=datetime(2031, 5, 1, 12, tzinfo=UTC))
        assert first is not None
    db = vault_dir / "vault.db"
    data = bytearray(db.read_bytes())
    pages = len(data) // 4096
    page = pages // 2  # a full leaf page of note text, not the schema nor a table's root
    for i in range(page * 4096 + 300, page * 4096 + 340):
        data[i] ^= 0xFF
    db.write_bytes(bytes(data))
    with Vault.open(vault_dir) as vault:
        vault.unlock_with_data_key(key, vault_template.user_id)
        with pytest.raises(VaultDamaged, match="No backup was made"):
            auto_backup_if_due(vault, now=datetime(2031, 5, 2, 12, tzinfo=UTC))
    assert [p.name for p in automatic_backups(vault_dir / "backups")] == [first.path.name]
    assert not [p for p in (vault_dir / "backups").iterdir() if p.name.startswith(".")]
    assert read_backup_info(first.path) == first


# --- an interrupted restore -------------------------------------------------------------------


class Crash(BaseException):
    """Stands in for a power cut: nothing after it runs, no except clause catches it."""


@pytest.mark.parametrize("crash_at", [0, 1, 2, 3])
def test_a_restore_interrupted_after_verification_is_finished_on_next_start(
    vault_dir: Path, vault_template, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crash_at: int
) -> None:
    key = data_key_with_recovery(vault_dir, vault_template.recovery_key)
    with Vault.open(vault_dir) as vault:
        vault.unlock_with_data_key(key, vault_template.user_id)
        client_id = populate(vault, n_notes=3)
        info = vault.backup_to(tmp_path / "b.acbackup")
        expected = table_snapshot(vault.db_path, key)
        notes.add_note(vault, client_id, "contact", "after the backup")
    old = sha_map_with_throttle(vault_dir)

    real_replace = restore.os.replace
    calls = {"n": 0}

    def crashing_replace(src, dst):  # type: ignore[no-untyped-def]
        if calls["n"] == crash_at:
            raise Crash
        calls["n"] += 1
        real_replace(src, dst)

    monkeypatch.setattr(restore.os, "replace", crashing_replace)
    with pytest.raises(Crash):
        restore_backup(vault_dir, info.path, recovery_key_of(vault_template))
    monkeypatch.setattr(restore.os, "replace", real_replace)

    assert diagnose(vault_dir).kind is Problem.RESTORE_INTERRUPTED
    assert finish_interrupted_restore(vault_dir) is True
    assert diagnose(vault_dir).kind is Problem.HEALTHY
    assert table_snapshot(vault_dir / "vault.db", key) == expected
    aside = next(vault_dir.glob("before-restore-*"))
    assert sha_map_with_throttle(aside) == old  # all kept, intact


def test_an_unverified_staging_folder_is_discarded_and_the_vault_untouched(vault_dir: Path) -> None:
    staging = vault_dir / ".restore-0123456789ab"
    staging.mkdir()
    (staging / "vault.db").write_bytes(b"half an unpack")
    before = sha_map_with_throttle(vault_dir)
    del before[".restore-0123456789ab/vault.db"]
    assert finish_interrupted_restore(vault_dir) is False
    assert not staging.exists()
    assert sha_map_with_throttle(vault_dir) == before
