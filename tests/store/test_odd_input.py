"""Odd input gets a clear message at the store boundary, never a raw error: lone surrogates
(broken characters from a paste), and dates a person could not mean."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from advocate_app import cli
from advocate_app.store import appointments, clients, drafts, needs, notes
from advocate_app.store.appointments import AppointmentFields
from advocate_app.store.clients import ClientFields
from advocate_app.store.errors import InvalidInput
from advocate_app.store.vault import Vault

BROKEN = "Met at the clinic \ud83d today"  # half of an emoji: a lone surrogate


def test_lone_surrogates_are_refused_with_a_message(vault: Vault) -> None:
    with pytest.raises(InvalidInput, match="character"):
        clients.create_client(vault, ClientFields(alias="Bad \udc80 Alias"))
    client_id = clients.create_client(vault, ClientFields(alias="Grey Wren"))
    with pytest.raises(InvalidInput, match="character"):
        notes.add_note(vault, client_id, "contact", BROKEN)
    assert notes.list_notes(vault, client_id) == []
    # Search cleans instead: only whole words are looked for, so it never raises.
    assert notes.search_notes(vault, "\ud800clinic") == []


def test_a_draft_with_a_lone_surrogate_is_kept_cleaned(vault: Vault) -> None:
    client_id = clients.create_client(vault, ClientFields(alias="Grey Wren"))
    drafts.save_draft(vault, f"note:new:client={client_id}", BROKEN, client_id)
    kept = drafts.load_draft(vault, f"note:new:client={client_id}")
    assert kept is not None and "Met at the clinic" in kept.body and "today" in kept.body


@pytest.mark.parametrize(
    "when", [date(1899, 12, 31), date(9999, 1, 1), date.today() + timedelta(days=400)]
)
def test_dates_a_person_could_not_mean_are_refused(vault: Vault, when: date) -> None:
    client_id = clients.create_client(vault, ClientFields(alias="Grey Wren"))
    at = datetime.combine(when, datetime.min.time())
    with pytest.raises(InvalidInput, match="year"):
        notes.add_note(vault, client_id, "contact", "A dated note", at=at)
    with pytest.raises(InvalidInput, match="year"):
        needs.add_need(vault, client_id, "housing", "Shelter bed", due_date=when)
    need_id = needs.add_need(vault, client_id, "housing", "Shelter bed")
    with pytest.raises(InvalidInput, match="year"):
        needs.update_need(vault, need_id, due_date=when)
    with pytest.raises(InvalidInput, match="year"):
        appointments.add_appointment(
            vault,
            client_id,
            AppointmentFields(starts_at=at.replace(hour=9), kind="court_hearing", place="Court"),
        )
    assert vault.raw_count("notes") == 0 and vault.raw_count("appointments") == 0


def test_ordinary_dates_still_work(vault: Vault, today: date) -> None:
    client_id = clients.create_client(vault, ClientFields(alias="Grey Wren"))
    notes.add_note(
        vault, client_id, "contact", "Old paper file copied in", at=datetime(1995, 3, 1, 10)
    )
    need_id = needs.add_need(
        vault, client_id, "housing", "Shelter bed", due_date=today + timedelta(days=300)
    )
    hearing = datetime.combine(today + timedelta(days=200), datetime.min.time())
    appointments.add_appointment(
        vault, client_id, AppointmentFields(starts_at=hearing, kind="court_hearing", place="Court")
    )
    # Each date reads back as it was written (what the advocate sees on the client's tabs).
    assert [n.created_at.date() for n in notes.list_notes(vault, client_id)] == [date(1995, 3, 1)]
    assert needs.get_need(vault, need_id).due_date == today + timedelta(days=300)
    assert [a.starts_at for a in appointments.list_appointments(vault, client_id)] == [hearing]


def test_invalid_utf8_on_standard_input_is_a_clear_message(
    vault_dir: Path, monkeypatch, capsys
) -> None:
    raw = io.TextIOWrapper(io.BytesIO(b"\xff\xfe not utf-8 \xc3\n"), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", raw)
    code = cli.main(["check", "--data-dir", str(vault_dir), "--passphrase-stdin"])
    err = capsys.readouterr().err
    assert code == 2
    assert "UTF-8" in err and "unexpected" not in err


def test_init_with_a_file_as_the_folder_is_a_clear_message(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("someone's file")
    monkeypatch.setattr("sys.stdin", io.StringIO("plum tractor quietly 42 harbor\n"))
    code = cli.main(
        [
            "init",
            "--data-dir",
            str(a_file),
            "--office",
            "O",
            "--user",
            "U",
            "--passphrase-stdin",
            "--kdf-seconds",
            "0",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "not a folder" in err and "unexpected" not in err
    assert a_file.read_text() == "someone's file"
