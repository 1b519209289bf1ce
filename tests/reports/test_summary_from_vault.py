"""The summary made from a real (test) vault: same numbers everywhere, nothing identifying."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader

from advocate_app.reports.periods import months
from advocate_app.reports.summary import build_summary, export_pdf, summary_html
from advocate_app.store import clients, contacts, notes
from advocate_app.store.clients import ClientFields
from advocate_app.store.vault import Vault
from tests.conftest import PASSPHRASE

CANARY = "CANARY-SUMMARY-OKAPI-991"


def _fill(vault: Vault, n: int = 30) -> list[str]:
    aliases = []
    start = date.today().replace(day=1) - timedelta(days=200)
    for i in range(n):
        alias = f"Okapi {i} {CANARY}"
        cid = clients.create_client(vault, ClientFields(
            alias=alias, intake_date=start + timedelta(days=i * 3),
            age_group=["18-24", "25-59"][i % 2], trafficking_type=["sex", "labor"][i % 2]))
        notes.add_note(vault, cid, "contact", f"{CANARY} note text for {alias}")
        aliases.append(alias)
    from advocate_app.store import needs, resources
    from advocate_app.store.resources import ResourceFields

    resources.add_resource(vault, ResourceFields(f"Okapi Shelter {CANARY}", "housing"))
    first = clients.list_clients(vault, clients.ClientQuery(status="all"), limit=1)[0].id
    needs.add_need(vault, first, "housing", "Emergency shelter",
                   resource_name=f"Okapi Shelter {CANARY}")
    for _ in range(12):
        contacts.log_contact(vault, contact_date=date.today(), kind="hotline", minutes=10,
                             topics=["information"])
    return aliases


def _period():
    today = date.today()
    first = (today.replace(day=1) - timedelta(days=330)).strftime("%Y-%m")
    return months(first, today.strftime("%Y-%m"))


def test_pdf_holds_no_alias_note_or_exact_date(vault: Vault, tmp_path: Path) -> None:
    aliases = _fill(vault)
    period = _period()
    out = tmp_path / "summary.pdf"
    summary = export_pdf(vault, period, out)
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert vault.office_name in text
    assert period.label in text
    assert "k = 11" in text or "k=11" in text.replace(" ", "")
    assert "DEMO" not in text
    for alias in aliases:
        assert alias not in text
    assert CANARY not in text and "OKAPI" not in text.upper()
    intake_day = (date.today().replace(day=1) - timedelta(days=200)).isoformat()
    assert intake_day not in text
    assert summary.table("overview").cells[0][0] == "30"
    html = summary_html(summary)
    assert CANARY not in html and all(alias not in html for alias in aliases)


def test_small_office_is_mostly_suppressed_not_an_error(vault: Vault) -> None:
    _fill(vault, 3)
    summary = build_summary(vault, _period())
    assert summary.table("overview").cells[0][0] == "<11"
    assert summary.explanation


def test_cli_json_matches_the_screen(vault_dir: Path) -> None:
    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        _fill(vault)
        period = _period()
        on_screen = build_summary(vault, period).to_dict()
    first = period.start.strftime("%Y-%m")
    last = period.end.strftime("%Y-%m")
    result = subprocess.run(
        [sys.executable, "-m", "advocate_app", "summary", "--data-dir", str(vault_dir),
         "--from", first, "--to", last, "--json", "--passphrase-stdin"],
        input=PASSPHRASE + "\n", capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    from_cli = json.loads(result.stdout)
    on_screen.pop("generated_on")
    from_cli.pop("generated_on")
    assert from_cli == json.loads(json.dumps(on_screen))
    assert CANARY not in result.stdout


def test_cli_refuses_bad_periods(vault_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "advocate_app", "summary", "--data-dir", str(vault_dir),
         "--from", "2026-05", "--to", "2026-01", "--json", "--passphrase-stdin"],
        input=PASSPHRASE + "\n", capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.strip()
