"""The headless commands: init and check, with the passphrase on standard input."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import PASSPHRASE, run_cli


def test_version() -> None:
    """Through `python -m advocate_app` (the other commands here call its main() in-process)."""
    result = run_cli("--version", process=True)
    assert result.returncode == 0
    assert result.stdout.startswith("advocate-app ")


def test_init_then_check(tmp_path: Path) -> None:
    folder = tmp_path / "office"
    result = run_cli(
        "init",
        "--data-dir",
        str(folder),
        "--office",
        "Test Office",
        "--user",
        "Maria",
        "--passphrase-stdin",
        "--kdf-seconds",
        "0",
        stdin=PASSPHRASE + "\n",
    )
    assert result.returncode == 0, result.stderr
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("Recovery key:")]
    assert len(lines) == 1
    assert len(lines[0].split(":", 1)[1].strip().split("-")) == 9

    healthy = run_cli(
        "check", "--data-dir", str(folder), "--passphrase-stdin", stdin=PASSPHRASE + "\n"
    )
    assert healthy.returncode == 0, healthy.stderr
    assert "Healthy" in healthy.stdout

    wrong = run_cli("check", "--data-dir", str(folder), "--passphrase-stdin", stdin="nope\n")
    assert wrong.returncode == 2
    assert "not right" in wrong.stderr
    assert "Traceback" not in wrong.stderr


def test_check_reports_damage(vault_dir: Path) -> None:
    db = vault_dir / "vault.db"
    data = bytearray(db.read_bytes())
    page = 4096 * 2  # a data page, not the header
    for i in range(page + 100, page + 200):
        data[i] ^= 0xFF
    db.write_bytes(bytes(data))
    result = run_cli(
        "check", "--data-dir", str(vault_dir), "--passphrase-stdin", stdin=PASSPHRASE + "\n"
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Damaged" in result.stdout
    assert "Traceback" not in result.stderr


def test_init_refuses_a_weak_passphrase_and_an_existing_vault(
    tmp_path: Path, vault_dir: Path
) -> None:
    weak = run_cli(
        "init",
        "--data-dir",
        str(tmp_path / "x"),
        "--office",
        "O",
        "--user",
        "U",
        "--passphrase-stdin",
        stdin="password\n",
    )
    assert weak.returncode == 2
    assert "at least" in weak.stderr or "guess" in weak.stderr
    again = run_cli(
        "init",
        "--data-dir",
        str(vault_dir),
        "--office",
        "O",
        "--user",
        "U",
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
    )
    assert again.returncode == 2
    assert "already a vault" in again.stderr


def test_summary_in_spanish(vault_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "resumen.txt"
    result = run_cli(
        "summary",
        "--data-dir",
        str(vault_dir),
        "--passphrase-stdin",
        "--period",
        "CY2025",
        "--out",
        str(out),
        "--language",
        "es",
        stdin=PASSPHRASE + "\n",
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Resumen anónimo")
    assert "Año calendario 2025 (enero–diciembre de 2025)" in text
    assert "Anonymized" not in text and "People served" not in text
    unknown = run_cli(
        "summary",
        "--data-dir",
        str(vault_dir),
        "--passphrase-stdin",
        "--period",
        "CY2025",
        "--json",
        "--language",
        "fr",
        stdin=PASSPHRASE + "\n",
    )
    assert unknown.returncode == 2 and "--language" in unknown.stderr
    assert "Traceback" not in unknown.stderr
