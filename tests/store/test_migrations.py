"""Every migration upgrades a vault made by the previous version, after taking a backup."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocate_app.store import crypto, migrate
from advocate_app.store.engine import make_engine
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.vault import Vault
from tests.helpers import PASSPHRASE


def _revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _downgrade_copy(vault_dir: Path, target: str) -> None:
    """Make the vault look as the version at `target` left it (schema and its rows)."""
    from alembic import command

    keys = KeysFile.load(vault_dir)
    user_id = keys.passphrase_slots()[0].user_id
    data_key = keys.unwrap_with_passphrase(user_id, PASSPHRASE)
    engine = make_engine(vault_dir / "vault.db", data_key)
    try:
        cfg = migrate.alembic_config()
        with engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, target)
    finally:
        engine.dispose()
        crypto.zero(data_key)


@pytest.mark.parametrize("previous", _revisions()[:-1])
def test_upgrade_from_previous_version(vault_dir: Path, previous: str) -> None:
    _downgrade_copy(vault_dir, previous)
    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        assert vault.schema_revision() == migrate.head_revision()
        assert vault.office_name  # rows written by the first version survive
        assert vault.integrity_problems() == []
        backups = list(vault.backup_dir.glob("before-upgrade-*.acbackup"))
        assert len(backups) == 1
        from advocate_app.store.backup_file import read_backup_info

        assert read_backup_info(backups[0]).schema_revision == previous


def test_the_chain_is_linear_and_starts_at_the_first_table() -> None:
    revisions = _revisions()
    assert revisions[0] == "0001"
    assert revisions[-1] == migrate.head_revision()


def test_upgrade_to_0005_adds_an_empty_export_ledger(vault_dir: Path) -> None:
    from advocate_app.store import report_settings, summary_ledger

    _downgrade_copy(vault_dir, "0004")
    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        assert summary_ledger.list_exports(vault) == []
        assert summary_ledger.exported_cells(vault) == []
        assert report_settings.summary_k(vault) == 11
        assert report_settings.fiscal_year_start_month(vault) == 10


def test_upgrade_to_stemmed_search_reindexes_existing_notes(vault_dir: Path) -> None:
    from advocate_app.store import clients, notes
    from advocate_app.store.clients import ClientFields

    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        cid = clients.create_client(vault, ClientFields(alias="Plover"))
        nid = notes.add_note(vault, cid, "contact", "Discussed housing options.")
    _downgrade_copy(vault_dir, "0004")  # the notes index as 0004 built it: no stems
    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        assert vault.schema_revision() == migrate.head_revision()
        # "housed" shares only the stem with "housing": found only through the rebuilt index.
        assert [h.note_id for h in notes.search_notes(vault, "housed")] == [nid]
        assert vault.integrity_problems() == []


def test_0007_adds_the_list_and_today_indexes(vault_dir: Path) -> None:
    """A vault made before 0007 gains the indexes the client list and Today read from."""
    _downgrade_copy(vault_dir, "0006")
    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        with vault.read() as s:
            from sqlalchemy import text

            names = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'index'")))
    assert {
        "ix_clients_list_mine",
        "ix_clients_list_status",
        "ix_clients_list_assigned",
        "ix_clients_list_mine_intake",
        "ix_need_items_waiting",
    } <= names
    assert "ix_need_items_due_date" not in names  # replaced by the partial index


def test_0011_adds_the_owner_index_and_status_to_the_waiting_index(vault_dir: Path) -> None:
    """A vault made before 0011 gains what Today's scans read instead of client and need rows."""
    _downgrade_copy(vault_dir, "0010")
    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        with vault.read() as s:
            from sqlalchemy import text

            owner = s.execute(text("PRAGMA index_info(ix_clients_owner)")).fetchall()
            waiting = s.execute(text("PRAGMA index_info(ix_need_items_waiting)")).fetchall()
    assert [row[2] for row in owner] == ["assigned_user_id", "id"]
    assert [row[2] for row in waiting] == ["due_date", "client_id", "status"]


def test_upgrade_to_0008_reads_old_records_as_not_asked(vault_dir: Path) -> None:
    from datetime import date

    from advocate_app.store import clients, contacts, notes
    from advocate_app.store.clients import ClientFields
    from advocate_app.store.voca_fields import (
        ReportingFields,
        contact_services,
        get_reporting_fields,
        note_services,
        set_note_services,
    )

    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        cid = clients.create_client(vault, ClientFields(alias="Plover"))
        nid = notes.add_note(vault, cid, "contact", "Discussed housing options.")
        contact = contacts.log_contact(
            vault, contact_date=date(2026, 3, 3), kind="hotline", minutes=5, topics=["information"]
        )
    _downgrade_copy(vault_dir, "0007")  # the schema before the VOCA fields
    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        assert vault.schema_revision() == migrate.head_revision()
        assert get_reporting_fields(vault, cid) == ReportingFields()  # all "not asked"
        assert note_services(vault, nid) == ()
        assert contact_services(vault, contact) == ()
        set_note_services(vault, nid, ["relocation"])
        assert note_services(vault, nid) == ("relocation",)
        # The notes' search still works: the clients table kept its triggers.
        assert [h.note_id for h in notes.search_notes(vault, "housing")] == [nid]
        assert clients.fts_integrity_ok(vault)
        assert vault.integrity_problems() == []


def test_upgrade_to_0009_sorts_existing_accented_aliases(vault_dir: Path) -> None:
    from advocate_app.store import clients
    from advocate_app.store.clients import ClientFields, ClientQuery

    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        for alias in ("Zoe", "Ángela", "beto"):
            clients.create_client(vault, ClientFields(alias=alias))
    _downgrade_copy(vault_dir, "0008")
    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        rows = clients.list_clients(vault, ClientQuery(status="all"))
        assert [row.alias for row in rows] == ["Ángela", "beto", "Zoe"]
        assert vault.integrity_problems() == []
