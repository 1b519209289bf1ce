"""`advocate-app voca --quarter 2026-Q3 [--json]`: the exact PMT figures, supervisors only."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from advocate_app.store import clients, notes, users
from advocate_app.store.clients import ClientFields
from advocate_app.store.vault import Vault
from tests.helpers import FIRST_USER, PASSPHRASE, run_cli

JO = "lantern orchard pebble violin 77"


def _office(vault_dir: Path) -> None:
    vault = Vault.open(vault_dir)
    me = vault.users_for_unlock()[0].id
    vault.unlock(me, PASSPHRASE)
    jo = users.add_user(vault, "Jo", "advocate")
    cid = clients.create_client(vault, ClientFields(alias="Wren"))
    notes.add_note(
        vault,
        cid,
        "contact",
        "Rode along.",
        at=datetime(2026, 5, 4, 10),
        services=["transportation", "victim_compensation"],
    )
    vault.lock()
    vault.unlock(jo.user.id, jo.temporary_passphrase)
    users.change_own_passphrase(vault, None, JO)
    vault.close()


def _voca(vault_dir: Path, user: str, passphrase: str, *more: str):
    return run_cli(
        "voca",
        "--data-dir",
        str(vault_dir),
        "--user",
        user,
        "--passphrase-stdin",
        *more,
        stdin=passphrase + "\n",
    )


def test_a_supervisor_gets_the_figures_and_an_advocate_is_refused(vault_dir: Path) -> None:
    _office(vault_dir)
    result = _voca(vault_dir, FIRST_USER, PASSPHRASE, "--quarter", "2026-Q3", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["quarter"]["start"] == "2026-04-01"
    by_id = {f["id"]: f for f in data["figures"]}
    assert by_id["individuals_served"]["total"] == 1
    b9 = next(r for r in by_id["services"]["rows"] if r.get("pmt_code") == "B9")
    assert (b9["individuals"], b9["times"]) == (1, 1)
    assert by_id["victim_compensation"]["total"] == 1
    assert "Wren" not in result.stdout

    text = _voca(vault_dir, FIRST_USER, PASSPHRASE, "--quarter", "2026-Q3")
    assert text.returncode == 0, text.stderr
    assert "B9. Transportation assistance" in text.stdout
    assert "1 individuals, 1 times" in text.stdout

    refused = _voca(vault_dir, "Jo", JO, "--quarter", "2026-Q3", "--json")
    assert refused.returncode == 2
    assert "Only a supervisor" in refused.stderr
    assert refused.stdout == ""


def test_a_bad_quarter_gets_a_sentence_not_a_traceback(vault_dir: Path) -> None:
    result = _voca(vault_dir, FIRST_USER, PASSPHRASE, "--quarter", "Q3-2026")
    assert result.returncode == 2
    assert "federal fiscal year starts October 1" in result.stderr
    assert "Traceback" not in result.stderr
    future = f"{date.today().year + 2}-Q1"
    result = _voca(vault_dir, FIRST_USER, PASSPHRASE, "--quarter", future)
    assert result.returncode == 2 and "not begun" in result.stderr


def test_help_says_which_quarters() -> None:
    result = run_cli("voca", "--help")
    assert result.returncode == 0
    assert "October 1" in result.stdout and "2026-Q1" in result.stdout
