"""The summary made from a real (test) vault: same numbers everywhere, nothing identifying."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from advocate_app.reports.output_file import OutputProblem
from advocate_app.reports.periods import QUARTER, completed_periods, fiscal_year
from advocate_app.reports.summary import build_summary, export_file, export_pdf, summary_html
from advocate_app.store import clients, contacts, notes, report_settings, summary_ledger
from advocate_app.store.clients import ClientFields
from advocate_app.store.errors import VaultError
from advocate_app.store.vault import Vault
from tests.helpers import PASSPHRASE, run_cli

CANARY = "CANARY-SUMMARY-OKAPI-991"


TODAY = date(2026, 11, 29)
FY = fiscal_year(2026)  # October 2025 to September 2026: over by TODAY


def _fill(vault: Vault, n: int = 30) -> list[str]:
    aliases = []
    start = date(2026, 1, 5)
    for i in range(n):
        alias = f"Okapi {i} {CANARY}"
        cid = clients.create_client(
            vault,
            ClientFields(
                alias=alias,
                intake_date=start + timedelta(days=i * 3),
                age_group=["18-24", "25-59"][i % 2],
                trafficking_type=["sex", "labor"][i % 2],
            ),
        )
        notes.add_note(vault, cid, "contact", f"{CANARY} note text for {alias}")
        aliases.append(alias)
    from advocate_app.store import needs, resources
    from advocate_app.store.resources import ResourceFields

    resources.add_resource(vault, ResourceFields(f"Okapi Shelter {CANARY}", "housing"))
    first = clients.list_clients(vault, clients.ClientQuery(status="all"), limit=1)[0].id
    needs.add_need(
        vault, first, "housing", "Emergency shelter", resource_name=f"Okapi Shelter {CANARY}"
    )
    for _ in range(12):
        contacts.log_contact(
            vault, contact_date=date(2026, 3, 3), kind="hotline", minutes=10, topics=["information"]
        )
    return aliases


def test_pdf_holds_no_alias_note_or_exact_date(vault: Vault, tmp_path: Path) -> None:
    aliases = _fill(vault)
    period = FY
    out = tmp_path / "summary.pdf"
    summary = export_pdf(vault, period, out, today=TODAY)
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert vault.office_name in text
    assert period.label in text
    assert "k = 11" in text or "k=11" in text.replace(" ", "")
    assert "DEMO" not in text
    for alias in aliases:
        assert alias not in text
    assert CANARY not in text and "OKAPI" not in text.upper()
    intake_day = date(2026, 1, 5).isoformat()
    assert intake_day not in text
    assert summary.table("overview").cells[0][0] == "30"
    html = summary_html(summary)
    assert CANARY not in html and all(alias not in html for alias in aliases)


@pytest.mark.parametrize("fmt", ["html", "txt"])
def test_html_and_text_hold_no_alias_note_or_exact_date_and_are_recorded(
    vault: Vault, tmp_path: Path, fmt: str
) -> None:
    aliases = _fill(vault)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / f"summary.{fmt}"
    summary = export_file(vault, FY, out, fmt, today=TODAY)
    text = out.read_text(encoding="utf-8")
    assert vault.office_name in text and FY.label in text
    for alias in aliases:
        assert alias not in text
    assert CANARY not in text and "OKAPI" not in text.upper()
    for day in (date(2026, 1, 5), date(2026, 3, 3)):
        assert day.isoformat() not in text and f"{day.month}/{day.day}/" not in text
    assert summary.table("overview").cells[0][0] == "30"
    assert [p.name for p in out.parent.iterdir()] == [out.name], "no temp file left"
    exports = summary_ledger.list_exports(vault)
    assert [e.period_code for e in exports] == ["FY2026"], "the same publication as the PDF"


def test_small_office_is_mostly_suppressed_not_an_error(vault: Vault) -> None:
    _fill(vault, 3)
    summary = build_summary(vault, FY, today=TODAY)
    assert summary.table("overview").cells[0][0] == "—"
    assert summary.explanation


def test_cli_json_matches_the_screen(vault_dir: Path) -> None:
    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        _fill(vault)
        on_screen = build_summary(vault, FY).to_dict()
    result = _cli(vault_dir, "--period", "FY2026", "--json")
    assert result.returncode == 0, result.stderr
    from_cli = json.loads(result.stdout)
    on_screen.pop("generated_on")
    from_cli.pop("generated_on")
    assert from_cli == json.loads(json.dumps(on_screen))
    assert CANARY not in result.stdout
    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        exports = summary_ledger.list_exports(vault)
    assert [e.period_code for e in exports] == ["FY2026"], "--json is an export: in the ledger"


def _cli(vault_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(
        "summary",
        "--data-dir",
        str(vault_dir),
        "--passphrase-stdin",
        *args,
        stdin=PASSPHRASE + "\n",
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--period", "2025-01", "--json"), "not a period"),
        (("--period", "FY2099", "--json"), "has not ended"),
        (("--period", "FY2025", "--json", "--k", "12"), "use k = 11"),
        (("--period", "FY2025"), "--out"),
    ],
)
def test_cli_refuses_what_the_app_does_not_allow(
    vault_dir: Path, args: tuple[str, ...], words: str
) -> None:
    result = _cli(vault_dir, *args)
    assert result.returncode == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_output_files(vault_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "summary.pdf"
    out.write_bytes(b"an earlier file")
    refused = _cli(vault_dir, "--period", "FY2025", "--out", str(out))
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert out.read_bytes() == b"an earlier file"
    inside = _cli(vault_dir, "--period", "FY2025", "--out", str(vault_dir / "vault.db"), "--force")
    assert inside.returncode == 2 and "data folder" in inside.stderr
    missing = _cli(vault_dir, "--period", "FY2025", "--out", str(tmp_path / "nope" / "s.pdf"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    folder = _cli(vault_dir, "--period", "FY2025", "--out", str(out.parent))
    assert folder.returncode == 2 and "is a folder" in folder.stderr
    done = _cli(vault_dir, "--period", "FY2025", "--out", str(out), "--force")
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out.parent.iterdir()] == ["summary.pdf"], "no temp file left"
    page = _cli(vault_dir, "--period", "FY2025", "--out", str(out.parent / "summary.html"))
    assert page.returncode == 0, page.stderr
    assert (out.parent / "summary.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    text = _cli(
        vault_dir, "--period", "FY2025", "--out", str(out.parent / "summary"), "--format", "txt"
    )
    assert text.returncode == 0, text.stderr
    assert (out.parent / "summary").read_text(encoding="utf-8").startswith("Anonymized summary")


def test_office_k_is_used_and_its_changes_are_audited(vault: Vault) -> None:
    from advocate_app.store import audit

    _fill(vault)
    assert build_summary(vault, FY, today=TODAY).k == 11
    report_settings.set_summary_k(vault, 14)
    assert build_summary(vault, FY, today=TODAY).k == 14
    with vault.read() as s:
        assert audit.recent(s, 5)[0].action == "summary_k_changed"
    with pytest.raises(VaultError):
        report_settings.set_summary_k(vault, 21)
    with pytest.raises(ValueError, match="has not ended"):
        build_summary(vault, fiscal_year(2027), today=TODAY)


def test_unwritable_output_folder_is_named(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import advocate_app.reports.output_file as output_file

    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    real_access = os.access
    if os.geteuid() == 0:  # root may write anywhere: play the permission check's answer
        monkeypatch.setattr(
            output_file.os,
            "access",
            lambda p, mode: False if Path(p) == locked else real_access(p, mode),
        )
    try:
        with pytest.raises(OutputProblem, match="cannot be written"):
            export_pdf(vault, FY, locked / "s.pdf", today=TODAY)
    finally:
        locked.chmod(0o700)
    assert list(locked.iterdir()) == []


def test_the_ledger_remembers_exports_and_forgets_destroyed_clients(
    vault: Vault, tmp_path: Path
) -> None:
    _fill(vault, 14)
    quarter = next(
        p for p in completed_periods(TODAY) if p.kind == QUARTER and p.start == date(2026, 1, 1)
    )
    export_pdf(vault, quarter, tmp_path / "q.pdf", today=TODAY)
    export_pdf(vault, FY, tmp_path / "fy.pdf", today=TODAY)
    exports = summary_ledger.list_exports(vault)
    assert [e.period_code for e in exports] == ["FY2026", "2026-Q2"]
    assert exports[0].k == 11 and exports[0].exported_by
    victim = clients.list_clients(vault, clients.ClientQuery(status="all"), limit=1)[0]
    before = summary_ledger.export_members(vault, exports[0].id, ["overview:served"])
    assert any(m >> 32 == victim.id for m in before["overview:served"])
    clients.destroy_client(vault, victim.id, victim.alias)
    after = summary_ledger.export_members(vault, exports[0].id, ["overview:served"])
    assert not any(m >> 32 == victim.id for m in after["overview:served"])
    assert len(after["overview:served"]) == len(before["overview:served"]) - 1


def test_the_ledger_travels_with_backups(vault_dir: Path, tmp_path: Path) -> None:
    from advocate_app.store.backup import backup_to_folder
    from advocate_app.store.restore import BackupCredentials, restore_backup

    with Vault.open(vault_dir) as vault:
        vault.unlock(vault.users_for_unlock()[0].id, PASSPHRASE)
        _fill(vault, 12)
        export_pdf(vault, FY, tmp_path / "fy.pdf", today=TODAY)
        usb = tmp_path / "usb"
        usb.mkdir()
        info = backup_to_folder(vault, usb)
    restore_backup(vault_dir, info.path, BackupCredentials(passphrase=PASSPHRASE))
    with Vault.open(vault_dir) as restored:
        restored.unlock(restored.users_for_unlock()[0].id, PASSPHRASE)
        exports = summary_ledger.list_exports(restored)
        assert [e.period_code for e in exports] == ["FY2026"]
        assert summary_ledger.export_members(restored, exports[0].id, ["overview:served"])[
            "overview:served"
        ]
