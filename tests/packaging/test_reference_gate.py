"""`make package` refuses to build an installer while a shipped article is more than 18 months
past its review date. The check takes today's date as a parameter: these tests use fixed dates."""

from __future__ import annotations

import datetime as dt
import importlib.util
import types
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"

ARTICLE = """---
title: "{slug}"
category: "Test"
tags: []
summary: "A summary."
sources:
  - "A source"
last_reviewed: {reviewed}
next_review: {due}
---
# {slug}

Body.
"""


@pytest.fixture(scope="module")
def build() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("packaging_build_gate", PACKAGING / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _library(folder: Path, **dues: str) -> Path:
    for slug, due in dues.items():
        (folder / f"{slug}.md").write_text(
            ARTICLE.format(slug=slug, reviewed="2026-11-28", due=due), encoding="utf-8"
        )
    return folder


def test_a_library_within_its_review_dates_may_ship(build, tmp_path: Path) -> None:
    folder = _library(tmp_path, fresh="2027-11-28", due="2027-01-01")
    assert build.reference_problems(dt.date(2027, 12, 1), folder) == []
    # 18 months after the earliest review date is still allowed; one day more is not.
    assert build.reference_problems(dt.date(2028, 7, 1), folder) == []
    problems = build.reference_problems(dt.date(2028, 7, 2), folder)
    assert len(problems) == 1
    assert problems[0].startswith("due.md: review was due on 2027-01-01")
    assert "next_review" in problems[0]


def test_every_stale_article_is_named(build, tmp_path: Path) -> None:
    folder = _library(tmp_path, alpha="2027-01-01", beta="2027-02-01", gamma="2030-01-01")
    problems = build.reference_problems(dt.date(2029, 1, 1), folder)
    assert [p.split(":")[0] for p in problems] == ["alpha.md", "beta.md"]


def test_an_unreadable_article_stops_the_build(build, tmp_path: Path) -> None:
    folder = _library(tmp_path, fine="2027-11-28")
    (folder / "broken.md").write_text("# no front matter\n", encoding="utf-8")
    problems = build.reference_problems(dt.date(2027, 1, 1), folder)
    assert len(problems) == 1 and problems[0].startswith("broken.md:")


def test_an_empty_library_stops_the_build(build, tmp_path: Path) -> None:
    assert build.reference_problems(dt.date(2027, 1, 1), tmp_path) != []


def test_the_shipped_library_may_ship_soon_after_its_review_and_not_years_later(build) -> None:
    assert build.reference_problems(dt.date(2026, 12, 1)) == []
    assert build.reference_problems(dt.date(2035, 1, 1)) != []


def test_main_refuses_before_pyinstaller_runs(build, monkeypatch, capsys) -> None:
    called: list[object] = []
    monkeypatch.setattr(build, "reference_problems", lambda today: ["x.md: stale."])
    monkeypatch.setattr(build, "build", lambda *a: called.append(a) or 0)
    assert build.main([]) == 3
    assert called == []
    err = capsys.readouterr().err
    assert "no installer was built" in err and "x.md: stale." in err


def test_spanish_translations_are_checked_too(build, tmp_path: Path) -> None:
    folder = _library(tmp_path, fresh="2030-01-01")
    (folder / "es").mkdir()
    (folder / "es" / "README.md").write_text("# notes for writers\n", encoding="utf-8")
    spanish = ARTICLE.format(slug="fresh", reviewed="2026-11-28", due="2027-01-01").replace(
        "---\n#", "language: es\ntranslation_of: fresh\nsource_reviewed: 2026-11-28\n---\n#"
    )
    (folder / "es" / "fresh.md").write_text(spanish, encoding="utf-8")
    assert build.reference_problems(dt.date(2027, 12, 1), folder) == []
    problems = build.reference_problems(dt.date(2028, 7, 2), folder)
    assert len(problems) == 1 and problems[0].startswith("es/fresh.md: review was due")
    (folder / "es" / "orphan.md").write_text(
        spanish.replace("translation_of: fresh", "translation_of: orphan"), encoding="utf-8"
    )
    problems = build.reference_problems(dt.date(2027, 12, 1), folder)
    assert problems and "orphan.md" in problems[0]
