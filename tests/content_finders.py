"""Helpers of the shipped-content tests (tests/test_content.py, tests/test_content_spanish.py):
where the shipped content lives, the phone-number finder and the citation finder.
"""

from __future__ import annotations

import re
from pathlib import Path

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
NANP_NUMBER = re.compile(r"(?<![\w-])(?:1[-. ])?(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}(?![\w-])")
# A seven-digit local number, such as the fictional 555-0142 (scenarios only).
LOCAL_NUMBER = re.compile(r"(?<![\w-])\d{3}[-. ]\d{4}(?![\w-])")
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
    found = [m.group(0) for m in NANP_NUMBER.finditer(text)]
    found += [m.group(0) for m in _SERVICE.finditer(text)]
    for match in _SHORT_CODE.finditer(text):
        before = text[max(0, match.start() - 24) : match.start()]
        if not _NOT_A_SHORT_CODE.search(before):
            found.append(match.group(0))
    return found


def shown_name(path: Path) -> str:
    """A file named as a reader finds it: "t-visa.md", "es/t-visa.md"."""
    return path.relative_to(path.parents[1] if path.parent.name == "es" else path.parent).as_posix()


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
