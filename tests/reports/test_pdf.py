"""The supervisor summary PDF: what a funder would read, checked with pypdf and pdftoppm."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from advocate_app.reports import output_file
from advocate_app.reports.anonymize import PublishedSummary, publish
from advocate_app.reports.pdf import render_pdf
from advocate_app.reports.periods import fiscal_quarter
from advocate_app.store.summary import SummaryCounts

Q1 = fiscal_quarter(2026, 1)


def sample_counts(**changes: object) -> SummaryCounts:
    """A mid-sized office: some numbers large enough to show, some small enough to hide."""
    counts = SummaryCounts(
        office_name="Blue Ridge Survivor Services",
        period_label=Q1.label,
        period_start=Q1.start,
        period_end=Q1.end,
        is_demo=False,
        individuals_served=64,
        individuals_new=23,
        individuals_continuing=41,
        anonymous_contacts=37,
        trafficking_type={"sex": 33, "labor": 17, "both": 7, "not_identified": 7},
        age_group={"0-12": 0, "13-17": 6, "18-24": 19, "25-59": 36, "60+": 3},
        needs={
            "housing": {"not_started": 3, "in_progress": 12, "met": 21, "declined": 5},
            "transportation": {"in_progress": 14, "met": 26, "declined": 2, "not_needed": 11},
            "license_id": {"in_progress": 13, "met": 15},
            "childcare": {"met": 4, "declined": 2},
            "court_advocacy": {"in_progress": 16, "met": 12, "declined": 1},
            "employment": {"in_progress": 9, "met": 4},
        },
        needs_opened={"housing": 15, "transportation": 12, "childcare": 4, "license_id": 11},
        referrals={"housing": 22, "legal": 14, "health": 11, "hotline": 3, "other": 9},
        appointments={
            "court_hearing": {"accompanied": 18, "not_accompanied": 12},
            "medical": {"accompanied": 11, "not_accompanied": 15},
            "protective_order_hearing": {"accompanied": 6, "not_accompanied": 1},
        },
    )
    return replace(counts, **changes)  # type: ignore[arg-type]


def _summary(k: int = 11, **changes: object) -> PublishedSummary:
    return publish(sample_counts(**changes), k=k, generated_on=date(2026, 1, 5))


def _pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_pdf_names_the_office_the_period_and_k(tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    render_pdf(_summary(), out)
    text = "\n".join(_pages(out))
    assert "Blue Ridge Survivor Services" in text
    assert "Federal FY2026, Q1 (October–December 2025)" in text
    assert "k = 11" in text
    assert "A count from 1 to 10 is never printed" in text
    assert text.count("hidden to protect privacy; it may be 0, small or large") == 1
    assert "Prepared on January 5, 2026" in text
    assert "DEMO" not in text
    assert "Declined" in text and "(survivor's" in text  # the header wraps inside its cell


def test_every_page_has_the_footer_and_page_n_of_m(tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    render_pdf(_summary(k=8), out)
    pages = _pages(out)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert (
            "Contains no client-identifying information. Counts from 1 to 7 are hidden (k = 8; "
            "see page 1)." in text
        )


@pytest.mark.parametrize("k", [5, 11, 20])
def test_no_small_number_is_printed_and_hidden_cells_say_so(tmp_path: Path, k: int) -> None:
    out = tmp_path / "summary.pdf"
    render_pdf(_summary(k=k), out)
    lines = [line.strip() for text in _pages(out) for line in text.splitlines()]
    # Table cells and bar labels come out as lines of their own: "12", "20 (53%)", "—".
    numbers = [int(m.group(1)) for line in lines if (m := re.fullmatch(r"(\d+)( \(\d+%\))?", line))]
    assert numbers, "the sample has numbers large enough to show"
    small = [n for n in numbers if 1 <= n < k]
    assert not small, f"counts below k={k} printed: {small}"
    assert "—" in lines, "hidden cells are printed with the marker"
    assert not any(re.fullmatch(r"<\d+", line) for line in lines)


def test_demo_pdf_is_watermarked_on_every_page(tmp_path: Path) -> None:
    out = tmp_path / "demo.pdf"
    render_pdf(_summary(is_demo=True, office_name="Training Office"), out)
    pages = _pages(out)
    assert all("DEMO — fictional data" in text for text in pages)


def test_metadata_names_no_person(tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    render_pdf(_summary(), out)
    meta = PdfReader(out).metadata
    assert meta is not None
    assert meta.title == "Anonymized summary"
    assert meta.creator == "Advocate Companion"
    assert not meta.author  # never "anonymous", never the office or a user
    assert meta.subject == f"Anonymized counts for {Q1.label}"  # the period, nothing else


def test_small_office_pdf_renders_mostly_hidden(tmp_path: Path) -> None:
    small = sample_counts(
        individuals_served=3,
        individuals_new=1,
        individuals_continuing=2,
        anonymous_contacts=2,
        trafficking_type={"sex": 3},
        age_group={"25-59": 3},
        needs={"housing": {"in_progress": 1, "declined": 1}},
        needs_opened={"housing": 2},
        referrals={"housing": 1},
        appointments={"court_hearing": {"accompanied": 1}},
    )
    out = tmp_path / "small.pdf"
    render_pdf(publish(small, generated_on=date(2026, 1, 5)), out)
    text = "\n".join(_pages(out))
    assert "Most numbers are hidden because fewer than 11 people" in text
    assert "Nothing to chart" in text


def test_written_atomically_without_leftovers(tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    out.write_bytes(b"previous export")
    render_pdf(_summary(), out)
    assert out.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["summary.pdf"]


def test_a_failed_write_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "summary.pdf"
    out.write_bytes(b"previous export")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(output_file.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        render_pdf(_summary(), out)
    assert out.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.pdf"]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pages_rasterize(tmp_path: Path) -> None:
    # A PDF that poppler cannot draw would reach the supervisor as a blank or broken file.
    for name, summary in (("summary", _summary()), ("demo", _summary(is_demo=True))):
        out = tmp_path / f"{name}.pdf"
        render_pdf(summary, out)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "30", str(out), str(tmp_path / name)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        pngs = sorted(tmp_path.glob(f"{name}-*.png"))
        assert len(pngs) == len(PdfReader(out).pages)
        assert all(os.path.getsize(p) > 1000 for p in pngs)
