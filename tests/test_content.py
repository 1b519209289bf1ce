"""The shipped content stays checkable: every phone number an advocate might dial, and every law
the library cites, is written down in one table with where and when it was confirmed.

- Every phone, text and TTY number in the reference articles (assets/reference/*.md) and the
  shipped resource directory (assets/resources/shipped.toml) is in
  assets/reference/confirmed_numbers.toml, with the date it was confirmed and the source.
- Every North Carolina statute (G.S. x-y, G.S. Chapter x) and federal citation (U.S.C., C.F.R.,
  INA, Fed. Reg., Pub. L.) in the articles, the resource directory and the training scenarios is
  in assets/reference/citations.toml.
- Every phone number in a training scenario (assets/scenarios/*.toml) is a fictional 555-01xx
  number.
- The Spanish content counts in both tables too; its own conventions are checked in
  tests/test_content_spanish.py.

When an article gains a number or a citation, its author adds a row to the table: a failure
lists exactly what is missing, file by file, so the rows can be written from the message.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.content_finders import (
    ARTICLES,
    ASSETS,
    CITATIONS_TABLE,
    DATA_ES,
    LOCAL_NUMBER,
    NANP_NUMBER,
    NUMBERS_TABLE,
    SCENARIOS,
    SHIPPED_RESOURCES,
    citations_in_text,
    digits,
    numbers_in_text,
    shown_name,
)


def _article_body(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _resource_numbers() -> list[tuple[str, str]]:
    """(where, number) for every number in the shipped resource directory."""
    data = tomllib.loads(SHIPPED_RESOURCES.read_text(encoding="utf-8"))
    found: list[tuple[str, str]] = []
    for entry in data.get("resource", []):
        where = f"shipped.toml, {entry.get('name', '?')}"
        for key in ("phone", "text", "tty"):
            value = entry.get(key)
            if isinstance(value, str) and value.strip():
                found.extend((f"{where} ({key})", n) for n in numbers_in_text(value))
        for key in ("notes", "hours", "languages", "source"):
            value = entry.get(key)
            if isinstance(value, str):
                found.extend((f"{where} ({key})", n) for n in numbers_in_text(value))
    return found


def _confirmed_numbers() -> dict[str, dict]:
    data = tomllib.loads(NUMBERS_TABLE.read_text(encoding="utf-8"))
    return {digits(row["number"]): row for row in data["number"]}


def shipped_numbers() -> list[tuple[str, str]]:
    """(where, number) for every number in the articles and the resource directory."""
    found: list[tuple[str, str]] = []
    for path in ARTICLES:
        found.extend((shown_name(path), n) for n in numbers_in_text(_article_body(path)))
    found.extend((DATA_ES.name, n) for n in numbers_in_text(DATA_ES.read_text(encoding="utf-8")))
    return found + _resource_numbers()


def _missing_report(missing: Iterable[tuple[str, str]], table: Path) -> str:
    by_file: dict[str, set[str]] = {}
    for where, what in missing:
        by_file.setdefault(where, set()).add(what)
    lines = [f"Not in {table.relative_to(ASSETS.parent)} (add a row for each):"]
    for where in sorted(by_file):
        lines.append(f"  {where}: " + ", ".join(sorted(by_file[where])))
    return "\n".join(lines)


def test_the_number_finder_sees_every_way_a_number_is_written() -> None:
    text = (
        "Call **1-888-373-7888**, (919) 716-6785 or 800.656.4673; text **233733** or "
        "START to 88788; TTY 711; call or text 988; 911. "
        "Not numbers: 89 Fed. Reg. 34864, 34 U.S.C. § 12291, G.S. 14-318.6, 8 CFR 214.200, "
        "Form I-914, Executive Order 13166, EO 14224, ICE Directive 11005.4, the year 2025, "
        "20 hours."
    )
    assert sorted(digits(n) for n in numbers_in_text(text)) == sorted(
        ["8883737888", "9197166785", "8006564673", "233733", "88788", "711", "988", "911"]
    )


def test_the_confirmed_numbers_table_is_complete_and_dated() -> None:
    rows = tomllib.loads(NUMBERS_TABLE.read_text(encoding="utf-8"))["number"]
    seen: set[str] = set()
    for row in rows:
        number = row.get("number", "")
        assert digits(number) not in seen, f"{number} is listed twice"
        seen.add(digits(number))
        assert row.get("kind") in {"phone", "text", "tty"}, number
        assert isinstance(row.get("name"), str) and row["name"].strip(), number
        assert isinstance(row.get("confirmed_on"), dt.date), (
            f"{number}: confirmed_on must be a date (YYYY-MM-DD)"
        )
        assert isinstance(row.get("confirmed_from"), str) and row["confirmed_from"].strip(), number
        extra = set(row) - {
            "number",
            "kind",
            "name",
            "confirmed_on",
            "confirmed_from",
            "needs_check",
        }
        assert not extra, f"{number}: unknown keys {sorted(extra)}"


def test_every_shipped_phone_number_is_confirmed() -> None:
    table = _confirmed_numbers()
    missing = [(where, n) for where, n in shipped_numbers() if digits(n) not in table]
    assert not missing, _missing_report(missing, NUMBERS_TABLE)


def test_the_confirmed_numbers_table_lists_only_numbers_in_use() -> None:
    used = {digits(n) for where, n in shipped_numbers()}
    stale = [row["number"] for key, row in _confirmed_numbers().items() if key not in used]
    assert not stale, (
        f"{NUMBERS_TABLE.name} lists numbers no article or resource uses any "
        f"more: {', '.join(stale)}. Remove them, or the article lost a number."
    )


def _known_citations() -> dict[str, dict]:
    data = tomllib.loads(CITATIONS_TABLE.read_text(encoding="utf-8"))
    return {row["cite"]: row for row in data["citation"]}


def _cited() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for path in ARTICLES:
        found.extend((shown_name(path), c) for c in citations_in_text(_article_body(path)))
    found.extend(
        ("shipped.toml", c)
        for c in citations_in_text(SHIPPED_RESOURCES.read_text(encoding="utf-8"))
    )
    found.extend((DATA_ES.name, c) for c in citations_in_text(DATA_ES.read_text(encoding="utf-8")))
    for path in SCENARIOS:
        found.extend(
            (shown_name(path), c) for c in citations_in_text(path.read_text(encoding="utf-8"))
        )
    return found


def test_the_citation_finder_reads_the_ways_articles_cite() -> None:
    text = (
        "N.C. Gen. Stat. §§ 14-43.10, 14-43.11 and 14-43.13; G.S. 14-204(c); "
        "N.C. Gen. Stat. Chapter 14, Article 10A, §§ 14-43.10 to 14-43.20; G.S. Chapter 50B; "
        "Chapter 15C of the General Statutes; G.S. 50C.\n\n"
        "22 U.S.C. § 7102; 18 U.S.C. § 1589 (forced labor), § 1590 (trafficking) and "
        "§§ 1591, 1593; 34 U.S.C. § 12291(b)(2); 28 C.F.R. § 94.115; 8 CFR 214.200–214.216; "
        "8 C.F.R. part 214; INA § 101(a)(15)(T); 89 Fed. Reg. 34864; Pub. L. 119-21.\n\n"
        "22 U.S.C. § 7105; Pub. L. 119-21, § 10108 and § 71109 are the law's own sections.\n\n"
        "A new paragraph: § 12 is not a federal citation here, nor is 20 hours. "
        "Pasted from ncleg.gov: G.S. 14\u201143.12."
    )
    assert citations_in_text(text) == {
        "G.S. 14-43.10",
        "G.S. 14-43.11",
        "G.S. 14-43.12",
        "G.S. 14-43.13",
        "G.S. 14-204",
        "G.S. 14-43.20",
        "G.S. Chapter 14",
        "G.S. Chapter 50B",
        "G.S. Chapter 15C",
        "G.S. Chapter 50C",
        "22 U.S.C. 7102",
        "22 U.S.C. 7105",
        "18 U.S.C. 1589",
        "18 U.S.C. 1590",
        "18 U.S.C. 1591",
        "18 U.S.C. 1593",
        "34 U.S.C. 12291",
        "28 C.F.R. 94.115",
        "8 C.F.R. 214.200",
        "8 C.F.R. 214.216",
        "8 C.F.R. 214",
        "INA 101",
        "89 Fed. Reg. 34864",
        "Pub. L. 119-21",
    }


def test_the_citations_table_is_well_formed() -> None:
    rows = tomllib.loads(CITATIONS_TABLE.read_text(encoding="utf-8"))["citation"]
    seen: set[str] = set()
    for row in rows:
        cite = row.get("cite", "")
        assert cite not in seen, f"{cite} is listed twice"
        seen.add(cite)
        # The table uses the same normal form the finder produces.
        assert citations_in_text(cite.replace(" C.F.R. ", " C.F.R. § ")) == {cite}, cite
        assert isinstance(row.get("about"), str) and row["about"].strip(), cite
        assert isinstance(row.get("source"), str) and row["source"].strip(), cite
        assert row.get("status") in {"confirmed", "check"}, cite
        extra = set(row) - {"cite", "about", "source", "status", "note"}
        assert not extra, f"{cite}: unknown keys {sorted(extra)}"


def test_every_cited_statute_is_a_known_citation() -> None:
    known = _known_citations()
    missing = [(where, c) for where, c in _cited() if c not in known]
    assert not missing, _missing_report(missing, CITATIONS_TABLE)


# --------------------------------------------------------------------------- scenarios


@pytest.mark.parametrize("path", SCENARIOS, ids=shown_name)
def test_every_phone_number_in_a_scenario_is_fictional(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    numbers = [m.group(0) for m in NANP_NUMBER.finditer(text)]
    numbers += [m.group(0) for m in LOCAL_NUMBER.finditer(text)]
    real = sorted({n for n in numbers if not re.search(r"555[-. ]01\d\d$", n)})
    assert not real, f"{path.name}: use fictional 555-01xx numbers, not {', '.join(real)}"
