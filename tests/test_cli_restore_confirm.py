"""`advocate-app restore` says what will be replaced (the backup's date, how many notes and
clients are newer in the current vault, users added since) and asks, unless --yes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from advocate_app import cli
from advocate_app.store import clients, notes, users
from advocate_app.store.clients import ClientFields
from advocate_app.store.vault import Vault
from tests.helpers import PASSPHRASE, sha_map


def _restore(
    folder: Path,
    backup: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *extra: str,
    terminal: cli.Terminal | None = None,
) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    code = cli.main(
        ["restore", str(backup), "--data-dir", str(folder), "--passphrase-stdin", *extra],
        terminal=terminal,
    )
    out = capsys.readouterr()
    text = out.out + out.err
    assert "Traceback" not in text and "unexpected" not in text
    return code, text


class AnsweringPerson(cli.Terminal):
    """A person at a terminal who gives these answers, in order."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = iter(answers)
        self.asked: list[str] = []

    def can_ask(self) -> bool:
        return True

    def ask_yes(self, prompt: str) -> bool:
        self.asked.append(prompt)
        return next(self.answers) == "yes"


@pytest.fixture
def changed_since_backup(vault: Vault, tmp_path: Path) -> Path:
    client_id = clients.create_client(vault, ClientFields(alias="Red Kite"))
    notes.add_note(vault, client_id, "contact", "in the backup")
    backup = vault.backup_to(tmp_path / "office.acbackup").path
    later = clients.create_client(vault, ClientFields(alias="Snow Owl"))
    notes.add_note(vault, client_id, "contact", "after the backup, one")
    notes.add_note(vault, later, "contact", "after the backup, two")
    users.add_user(vault, "Jordan", "advocate")
    vault.close()
    return backup


def test_restore_says_what_will_be_replaced_and_asks(
    changed_since_backup: Path, vault_dir: Path, monkeypatch, capsys
) -> None:
    before = sha_map(vault_dir)
    code, text = _restore(vault_dir, changed_since_backup, monkeypatch, capsys)
    assert code == 2, text
    assert "--yes" in text
    assert "2 notes" in text and "1 client" in text
    assert "Jordan" in text  # a user added since, who will not be in the restored vault
    assert "backup made" in text
    assert sha_map(vault_dir) == before  # nothing was changed without a yes

    code, text = _restore(vault_dir, changed_since_backup, monkeypatch, capsys, "--yes")
    assert code == 0, text
    assert "2 notes" in text and "Restored the backup made" in text
    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        assert vault.raw_count("notes") == 1


def test_a_person_at_a_terminal_is_asked(
    changed_since_backup: Path, vault_dir: Path, monkeypatch, capsys
) -> None:
    before = sha_map(vault_dir)
    person = AnsweringPerson(["no"])
    code, text = _restore(vault_dir, changed_since_backup, monkeypatch, capsys, terminal=person)
    assert code == 2 and "Nothing was changed" in text
    assert person.asked and "Type yes" in person.asked[0]
    assert sha_map(vault_dir) == before
    code, text = _restore(
        vault_dir, changed_since_backup, monkeypatch, capsys, terminal=AnsweringPerson(["yes"])
    )
    assert code == 0, text


def test_restoring_into_an_empty_folder_needs_no_question(
    changed_since_backup: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    code, text = _restore(tmp_path / "new-computer", changed_since_backup, monkeypatch, capsys)
    assert code == 0, text
