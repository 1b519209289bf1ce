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
- The Spanish content (assets/reference/es/, assets/translations/data_es.toml,
  assets/scenarios/es/) follows the conventions of assets/reference/es/README.md: each Spanish
  article parses, names an English source that exists and keeps its numbers, statutes and
  sources; each key of data_es.toml is an English identifier that exists, and every one has a
  Spanish text; a Spanish scenario plays the same steps as its English one; the words follow
  the glossary (trata, never "tráfico de personas"; sobreviviente; a declined need is neutral).
  Spanish articles, data and scenarios count in the number and citation tables above too.

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

ASSETS = Path(__file__).resolve().parents[1] / "assets"
ENGLISH_ARTICLES = sorted((ASSETS / "reference").glob("*.md"))
SPANISH_ARTICLES = sorted(
    p for p in (ASSETS / "reference" / "es").glob("*.md") if p.name != "README.md"
)
ARTICLES = ENGLISH_ARTICLES + SPANISH_ARTICLES
SHIPPED_RESOURCES = ASSETS / "resources" / "shipped.toml"
ENGLISH_SCENARIOS = sorted((ASSETS / "scenarios").glob("*.toml"))
SPANISH_SCENARIOS = sorted((ASSETS / "scenarios" / "es").glob("*.toml"))
SCENARIOS = ENGLISH_SCENARIOS + SPANISH_SCENARIOS
DATA_ES = ASSETS / "translations" / "data_es.toml"
CHECKLIST = ASSETS / "checklists" / "default.toml"
NUMBERS_TABLE = ASSETS / "reference" / "confirmed_numbers.toml"
CITATIONS_TABLE = ASSETS / "reference" / "citations.toml"

# --------------------------------------------------------------------------- phone numbers

# A North American number with its area code: 1-888-373-7888, (919) 716-6785, 800.656.4673.
_NANP = re.compile(r"(?<![\w-])(?:1[-. ])?(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}(?![\w-])")
# A seven-digit local number, such as the fictional 555-0142 (scenarios only).
_LOCAL = re.compile(r"(?<![\w-])\d{3}[-. ]\d{4}(?![\w-])")
# Three-digit service numbers people dial: 911, 988, and 711 (the relay service for TTY).
_SERVICE = re.compile(r"(?<![\w.§-])(?:211|311|411|511|711|811|911|988)(?![\w-])")
# Text short codes (233733, 88788): five or six digits that are not part of a citation.
_SHORT_CODE = re.compile(r"(?<![\w.§/-])\d{5,6}(?![\w-]|\.\d)")  # not "Directive 11005.4"
_NOT_A_SHORT_CODE = re.compile(
    r"(?:§|Reg\.|Stat\.|No\.|L\.|Part|part|CFR|C\.F\.R\.|U\.S\.C\.|Order|EO)[\s\w.,§()]{0,12}$"
)


def digits(number: str) -> str:
    """The digits a phone dials: 1-888-373-7888 and (888) 373-7888 are the same number."""
    only = re.sub(r"\D", "", number)
    return only[1:] if len(only) == 11 and only.startswith("1") else only


def _plain_dashes(text: str) -> str:
    # ncleg.gov writes "14‑43.11" with a non-breaking hyphen; a pasted number may have one too.
    return text.replace("\u2011", "-").replace("\u2010", "-")


def numbers_in_text(text: str) -> list[str]:
    """Every phone, text or TTY number a reader could dial, as written in `text`."""
    text = _plain_dashes(text)
    found = [m.group(0) for m in _NANP.finditer(text)]
    found += [m.group(0) for m in _SERVICE.finditer(text)]
    for match in _SHORT_CODE.finditer(text):
        before = text[max(0, match.start() - 24) : match.start()]
        if not _NOT_A_SHORT_CODE.search(before):
            found.append(match.group(0))
    return found


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
        found.extend((_where(path), n) for n in numbers_in_text(_article_body(path)))
    found.extend((DATA_ES.name, n) for n in numbers_in_text(DATA_ES.read_text(encoding="utf-8")))
    return found + _resource_numbers()


def _where(path: Path) -> str:
    """A file named as a reader finds it: "t-visa.md", "es/t-visa.md"."""
    return path.relative_to(path.parents[1] if path.parent.name == "es" else path.parent).as_posix()


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
    used = {digits(n) for _where, n in shipped_numbers()}
    stale = [row["number"] for key, row in _confirmed_numbers().items() if key not in used]
    assert not stale, (
        f"{NUMBERS_TABLE.name} lists numbers no article or resource uses any "
        f"more: {', '.join(stale)}. Remove them, or the article lost a number."
    )


# --------------------------------------------------------------------------- citations

_NC_SECTION = r"\d+[A-Z]{0,2}-\d+(?:\.\d+)?"
_SEPARATOR = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+to\s+|\s*[–-]\s*|\s+through\s+)"
_SUBSECTION = r"(?:\([A-Za-z0-9]+\))*"
# "G.S. 14-43.10", "N.C. Gen. Stat. §§ 7B-101 and 7B-301", "§§ 14-43.10 to 14-43.20".
_NC_RUN = re.compile(
    rf"(?:G\.S\.|Gen\. Stat\.|§§?)\s*§*\s*((?:{_NC_SECTION}{_SUBSECTION}{_SEPARATOR}?)+)"
)
_NC_CHAPTER = re.compile(
    r"(?:G\.S\.|Gen\. Stat\.)\s*(?:§\s*)?Chapter\s+(\d+[A-Z]{0,2})\b"
    r"|\bChapter\s+(\d+[A-Z]{0,2}) of the (?:North Carolina )?General Statutes"
)
_BARE_NC_CHAPTER = re.compile(r"\bG\.S\.\s+(\d+[A-Z]{1,2})\b(?!-)")
_FED_SECTION = r"\d+[a-z]?(?:-\d+)?"
_USC_RUN = re.compile(
    rf"(\d+)\s+U\.?S\.?C\.?\s*§*\s*((?:{_FED_SECTION}{_SUBSECTION}{_SEPARATOR}?)+)"
)
_CFR_RUN = re.compile(
    r"(\d+)\s+(?:C\.F\.R\.|CFR)\s*(?:§§?|[Pp]arts?)?\s*"
    r"((?:\d+(?:\.\d+)?(?:\([A-Za-z0-9]+\))*(?:\s*[–-]\s*|\s*,\s*|\s+and\s+|\s+to\s+)?)+)"
)
# A bare "§ 1590" after a U.S.C. citation in the same paragraph: the same title.
_BARE_FED = re.compile(
    r"§§?\s*((?:\d{3,5}[a-z]?(?![\d-]){_SUB}{_SEP}?)+)".replace("{_SUB}", _SUBSECTION).replace(
        "{_SEP}", _SEPARATOR
    )
)
_INA = re.compile(r"\bINA\s*§*\s*(\d+[A-Za-z]?)")
_FED_REG = re.compile(r"(\d+)\s+Fed\.\s*Reg\.\s*(\d+)")
_PUB_L = re.compile(r"Pub(?:lic)?\.?\s*L(?:aw)?\.?\s*(?:No\.\s*)?(\d+)[-–](\d+)")


def _sections(run: str, pattern: str) -> list[str]:
    return re.findall(pattern, re.sub(r"\([A-Za-z0-9]+\)", "", run))


def citations_in_text(text: str) -> set[str]:
    """Every statute and federal citation in `text`, in one normal form:

    "G.S. 14-43.10", "G.S. Chapter 50B", "22 U.S.C. 7102", "28 C.F.R. 94.115",
    "8 C.F.R. 214", "INA 101", "89 Fed. Reg. 34864", "Pub. L. 119-21". Subsections are dropped:
    G.S. 14-204(c) is G.S. 14-204.
    """
    text = _plain_dashes(text.replace("\u00a0", " "))
    found: set[str] = set()
    for match in _NC_RUN.finditer(text):
        found.update(f"G.S. {s}" for s in _sections(match.group(1), _NC_SECTION))
    for match in _NC_CHAPTER.finditer(text):
        found.add(f"G.S. Chapter {match.group(1) or match.group(2)}")
    for match in _BARE_NC_CHAPTER.finditer(text):
        found.add(f"G.S. Chapter {match.group(1)}")
    for match in _CFR_RUN.finditer(text):
        title = match.group(1)
        for section in _sections(match.group(2), r"\d+(?:\.\d+)?"):
            found.add(f"{title} C.F.R. {section}")
    for match in _INA.finditer(text):
        found.add(f"INA {match.group(1)}")
    for match in _FED_REG.finditer(text):
        found.add(f"{match.group(1)} Fed. Reg. {match.group(2)}")
    for match in _PUB_L.finditer(text):
        found.add(f"Pub. L. {match.group(1)}-{match.group(2)}")
    for paragraph in re.split(r"\n\s*\n", text):
        title: str | None = None
        cursor = 0
        usc = list(_USC_RUN.finditer(paragraph))
        for match in usc:
            # Bare "§ n" between the previous U.S.C. citation and this one: the previous title.
            if title is not None:
                found.update(_bare_federal(paragraph[cursor : match.start()], title))
            title = match.group(1)
            found.update(f"{title} U.S.C. {s}" for s in _sections(match.group(2), _FED_SECTION))
            cursor = match.end()
        if title is not None:
            found.update(_bare_federal(paragraph[cursor:], title))
    return found


_OTHER_ANCHOR = re.compile(r"C\.F\.R\.|CFR|INA|Gen\. Stat\.|G\.S\.|Pub(?:lic)?\.? ?L|Fed\. Reg\.")


def _bare_federal(text: str, title: str) -> set[str]:
    """Bare "§ n" in `text`, which follows a `title` U.S.C. citation: the same title, unless
    another kind of citation (a C.F.R. part, a public law's own sections...) came in between."""
    found: set[str] = set()
    for match in _BARE_FED.finditer(text):
        if _OTHER_ANCHOR.search(text[: match.start()]):
            break
        found.update(f"{title} U.S.C. {s}" for s in _sections(match.group(1), r"\d+[a-z]?"))
    return found


def _known_citations() -> dict[str, dict]:
    data = tomllib.loads(CITATIONS_TABLE.read_text(encoding="utf-8"))
    return {row["cite"]: row for row in data["citation"]}


def _cited() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for path in ARTICLES:
        found.extend((_where(path), c) for c in citations_in_text(_article_body(path)))
    found.extend(
        ("shipped.toml", c)
        for c in citations_in_text(SHIPPED_RESOURCES.read_text(encoding="utf-8"))
    )
    found.extend((DATA_ES.name, c) for c in citations_in_text(DATA_ES.read_text(encoding="utf-8")))
    for path in SCENARIOS:
        found.extend((_where(path), c) for c in citations_in_text(path.read_text(encoding="utf-8")))
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


@pytest.mark.parametrize("path", SCENARIOS, ids=_where)
def test_every_phone_number_in_a_scenario_is_fictional(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    numbers = [m.group(0) for m in _NANP.finditer(text)]
    numbers += [m.group(0) for m in _LOCAL.finditer(text)]
    real = sorted({n for n in numbers if not re.search(r"555[-. ]01\d\d$", n)})
    assert not real, f"{path.name}: use fictional 555-01xx numbers, not {', '.join(real)}"


# --------------------------------------------------------------------------- Spanish content
# Conventions: assets/reference/es/README.md. Words: /work/shared/GLOSSARY_ES.md.

# Words the glossary rules out, with what to write instead. "Tráfico de personas" is smuggling,
# and only with "(de migrantes)" after it; trafficking is "trata". A declined need is the
# survivor's neutral choice: never "rechazada" or "fracaso".
_NOT_GLOSSARY = (
    (
        re.compile(r"tr[áa]fico de personas(?! \(de migrantes\))", re.IGNORECASE),
        "write «trata de personas» (or, for smuggling, «tráfico de personas (de migrantes)»)",
    ),
    (
        re.compile(r"tr[áa]fico (?:sexual|humano|laboral)", re.IGNORECASE),
        "write «trata sexual», «trata de personas», «trata laboral»",
    ),
    (re.compile(r"traficante", re.IGNORECASE), "a trafficker is a «tratante»"),
    (re.compile(r"supervivient", re.IGNORECASE), "write «sobreviviente»"),
    (
        re.compile(r"defensora? de (?:las |los )?(?:sobrevivientes|v[íi]ctimas)", re.IGNORECASE),
        "the advocate is «intercesor/a», one word everywhere",
    ),
    (re.compile(r"rechaz", re.IGNORECASE), "a declined need is «la persona no la quiere»"),
    (re.compile(r"fracas", re.IGNORECASE), "a declined need is never a failure"),
)
# Opinion words have no place in a note that could be subpoenaed, in either language.
_OPINION_ES = re.compile(
    r"\b(?:parec[ií]a|parece que|creo que|siento que|probablemente|mint|miente)\w*", re.IGNORECASE
)


def glossary_problems(text: str) -> list[str]:
    """Each word in `text` that the Spanish glossary rules out, with what to write instead."""
    return [
        f"«{m.group(0)}»: {advice}"
        for pattern, advice in _NOT_GLOSSARY
        for m in pattern.finditer(text)
    ]


def _front_matter(path: Path) -> dict:
    import yaml

    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


def _data_es() -> dict:
    return tomllib.loads(DATA_ES.read_text(encoding="utf-8"))


def test_the_glossary_check_catches_the_usual_mistakes() -> None:
    bad = (
        "La víctima de tráfico de personas y tráfico sexual; el traficante; la superviviente; "
        "necesidad rechazada; un fracaso; la defensora de víctimas."
    )
    assert len(glossary_problems(bad)) == 7
    good = (
        "La trata de personas no es el tráfico de personas (de migrantes); la persona "
        "sobreviviente; el tratante; la persona no la quiere."
    )
    assert glossary_problems(good) == []


def test_there_are_spanish_versions_of_the_articles_people_need_most() -> None:
    have = {p.stem for p in SPANISH_ARTICLES}
    needed = {
        "hotlines",
        "confidentiality-law",
        "nc-advocate-privilege",
        "nc-reporting-juveniles",
        "nc-reporting-disabled-adults",
        "t-visa",
        "u-visa",
        "immigration-enforcement-and-survivors",
        "labor-trafficking",
        "safety-planning",
        "nc-protective-orders",
        "nc-address-confidentiality-program",
        "nc-safe-harbor-minors",
    }
    assert needed <= have, sorted(needed - have)


@pytest.mark.parametrize("path", SPANISH_ARTICLES, ids=_where)
def test_a_spanish_article_parses_and_keeps_what_its_english_source_says(path: Path) -> None:
    from advocate_app.library.parsing import linked_slugs, parse_article

    article = parse_article(path.stem, path.read_text(encoding="utf-8"), path.name)
    meta = _front_matter(path)
    assert article.language == "es"
    assert meta.get("translation_of") == path.stem, "translation_of names the file's own slug"
    source = ASSETS / "reference" / f"{path.stem}.md"
    assert source.is_file(), f"no English article {source.name}"
    english = parse_article(source.stem, source.read_text(encoding="utf-8"), source.name)
    also = meta.get("also_from", [])
    assert isinstance(also, list)
    sources = [english]
    for slug in also:
        other = ASSETS / "reference" / f"{slug}.md"
        assert other.is_file(), f"also_from names {slug}, which does not exist"
        sources.append(parse_article(slug, other.read_text(encoding="utf-8"), other.name))

    # The date the English text had when it was translated: never later than it has now.
    reviewed = meta.get("source_reviewed")
    assert isinstance(reviewed, dt.date), "source_reviewed must be a date (YYYY-MM-DD)"
    assert reviewed <= max(s.last_reviewed for s in sources)

    categories = _data_es()["reference_categories"]
    assert article.category == categories[english.category], (
        f"category must be {categories[english.category]!r}, the Spanish of {english.category!r}"
    )
    english_tags = {t.casefold() for t in english.tags}
    kept_tags = english_tags & {t.casefold() for t in article.tags}
    assert len(kept_tags) >= min(2, len(english_tags)), "keep the key English tags too"
    missing_sources = [s for s in english.sources if s not in article.sources]
    assert not missing_sources, f"keep every source of {source.name}: {missing_sources}"
    known = {p.stem for p in ENGLISH_ARTICLES}
    assert not [s for s in linked_slugs(article) if s not in known], "links use English slugs"

    text = path.read_text(encoding="utf-8")
    english_text = source.read_text(encoding="utf-8")
    lost = {digits(n) for n in numbers_in_text(english_text)} - {
        digits(n) for n in numbers_in_text(text)
    }
    assert not lost, f"numbers of {source.name} missing in Spanish: {sorted(lost)}"
    lost_cites = citations_in_text(english_text) - citations_in_text(text)
    assert not lost_cites, f"citations of {source.name} missing in Spanish: {sorted(lost_cites)}"
    assert glossary_problems(text) == []


def test_the_spanish_data_covers_every_english_identifier_and_no_other() -> None:
    from advocate_app.store import vocab

    data = _data_es()
    tables = {
        "need_categories": vocab.NEED_CATEGORIES,
        "need_statuses": vocab.NEED_STATUSES,
        "need_priorities": vocab.NEED_PRIORITIES,
        "appointment_kinds": vocab.APPOINTMENT_KINDS,
        "resource_categories": vocab.RESOURCE_CATEGORIES,
        "note_kinds": vocab.NOTE_KINDS,
        "trafficking_types": vocab.TRAFFICKING_TYPES,
        "age_groups": vocab.AGE_GROUPS,
        "anonymous_contact_kinds": vocab.ANONYMOUS_CONTACT_KINDS,
        "roles": vocab.ROLES,
    }
    known = {*tables, "checklist", "resources", "reference_categories"}
    assert set(data) <= known, f"unknown tables: {sorted(set(data) - known)}"
    for name, codes in tables.items():
        table = data.get(name, {})
        assert set(table) == set(codes), (
            f"[{name}]: missing {sorted(set(codes) - set(table))}, "
            f"not a code {sorted(set(table) - set(codes))}"
        )
        assert all(isinstance(v, str) and v.strip() for v in table.values()), name
    # The glossary's words for the statuses; "declined" is the survivor's choice, said neutrally.
    assert {k: v.casefold() for k, v in data["need_statuses"].items()} == {
        "not_started": "sin empezar",
        "in_progress": "en curso",
        "met": "cubierta",
        "declined": "la persona no la quiere",
        "not_needed": "no hace falta",
    }

    checklist = tomllib.loads(CHECKLIST.read_text(encoding="utf-8"))
    spanish = data["checklist"]
    assert set(spanish) == set(checklist), "one [checklist.<code>] per category of default.toml"
    for category, table in checklist.items():
        items = set(table["items"])
        assert set(spanish[category]) == items, (
            f"[checklist.{category}]: missing {sorted(items - set(spanish[category]))}, not in "
            f"default.toml {sorted(set(spanish[category]) - items)}"
        )
        assert all(isinstance(v, str) and v.strip() for v in spanish[category].values())

    english_categories = {_front_matter(p)["category"] for p in ENGLISH_ARTICLES}
    assert set(data["reference_categories"]) == english_categories


def test_every_shipped_resource_has_spanish_text_with_the_same_numbers_and_statutes() -> None:
    shipped = {
        e["name"]: e
        for e in tomllib.loads(SHIPPED_RESOURCES.read_text(encoding="utf-8"))["resource"]
    }
    spanish = _data_es()["resources"]
    assert set(spanish) == set(shipped), (
        f"missing {sorted(set(shipped) - set(spanish))}, "
        f"not a shipped name {sorted(set(spanish) - set(shipped))}"
    )
    fields = ("hours", "languages", "county", "notes")
    for name, entry in spanish.items():
        assert set(entry) <= {*fields, "name"}, f"{name}: unknown keys"
        for key in fields:
            assert isinstance(entry.get(key), str) and entry[key].strip(), f"{name}: {key}"
        english = " ".join(shipped[name][k] for k in fields)
        text = " ".join(entry[k] for k in fields)
        assert {digits(n) for n in numbers_in_text(english)} <= {
            digits(n) for n in numbers_in_text(text)
        }, name
        assert citations_in_text(english) <= citations_in_text(text), name
    assert glossary_problems(DATA_ES.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", SPANISH_SCENARIOS, ids=_where)
def test_a_spanish_scenario_plays_the_same_steps_as_its_english_one(path: Path) -> None:
    from advocate_app.demo.scenario import load_scenario
    from advocate_app.library.resources import load_shipped_resources

    directory = [r.name for r in load_shipped_resources(SHIPPED_RESOURCES)]
    spanish = load_scenario(path, directory)  # the loader accepts the file as it is
    english = load_scenario(ASSETS / "scenarios" / path.name, directory)
    assert spanish.id == english.id == path.stem
    assert spanish.step_count == english.step_count
    assert spanish.client.model_dump(exclude={"preferred_language", "safe_contact"}) == (
        english.client.model_dump(exclude={"preferred_language", "safe_contact"})
    )
    items = _data_es()["checklist"]
    for es_step, en_step in zip(spanish.steps, english.steps, strict=True):
        assert [(n.kind, n.day, n.services) for n in es_step.notes] == [
            (n.kind, n.day, n.services) for n in en_step.notes
        ]
        for es_need, en_need in zip(es_step.needs, en_step.needs, strict=True):
            same = ("category", "status", "priority", "due_day", "change")
            assert es_need.model_dump(include=set(same)) == en_need.model_dump(include=set(same))
            assert es_need.item == items[en_need.category][en_need.item], es_need.item
            assert (es_need.next_step is None) == (en_need.next_step is None)
            assert (es_need.resource is None) == (en_need.resource is None)
        assert len(es_step.needs) == len(en_step.needs)
        same = ("kind", "day", "time", "accompanied")
        assert [a.model_dump(include=set(same)) for a in es_step.appointments] == [
            a.model_dump(include=set(same)) for a in en_step.appointments
        ]
        assert [(r.category, r.phone) for r in es_step.resources] == [
            (r.category, r.phone) for r in en_step.resources
        ]
        for resource in es_step.resources:
            assert re.search(r"\(fictici[oa]\)", resource.name), resource.name
    for note in spanish.notes_through(spanish.step_count - 1):
        assert not _OPINION_ES.search(note.body), note.body
    text = path.read_text(encoding="utf-8")
    english_text = (ASSETS / "scenarios" / path.name).read_text(encoding="utf-8")
    assert citations_in_text(english_text) <= citations_in_text(text)
    assert glossary_problems(text) == []
