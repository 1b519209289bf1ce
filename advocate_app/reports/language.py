"""The words of the anonymized summary in English or Spanish (the choice is made at export).

The reports package has no Qt, so no `tr()`: every fixed string of the summary is written in
English in the code (a literal, or data such as a table's title) and, for Spanish, looked up in
one reviewed file, assets/translations/reports_es.toml (English text -> Spanish text, with the
same `{placeholders}`). Category labels (need categories, trafficking types, ...) come from the
same Spanish vocabulary the interface uses, assets/translations/data_es.toml, by their code, so a
category has one Spanish name everywhere.

Only words change with the language: counts, the hidden marker, k and the cells are the same
(the summary is built once, then worded). Names (the office's, "Advocate Companion") and
acronyms (VOCA, PMT, DMV) are not translated.

A string with no Spanish falls back to English. Tests turn on `STRICT`: then every lookup, in
either language, fails at once when the Spanish catalog lacks the string, so a new or reworded
English string cannot reach main without its Spanish.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from string import Formatter
from types import MappingProxyType

from advocate_app.paths import assets_dir
from advocate_app.store import vocab

EN = "en"
ES = "es"
LANGUAGES = (EN, ES)
LANGUAGE_NAMES = {EN: "English", ES: "Español"}  # each in its own language
# The language stated in the PDF's metadata and the HTML page's lang attribute.
LANGUAGE_TAGS = {EN: "en-US", ES: "es-US"}

CATALOG = ("translations", "reports_es.toml")
VOCABULARY = ("translations", "data_es.toml")

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Set by the tests (see tests/conftest.py): a string missing from the catalog is an error.
STRICT = False


class MissingTranslation(KeyError):
    """An English string of the summary has no Spanish in reports_es.toml (or data_es.toml)."""


def check_language(value: object) -> str:
    if value not in LANGUAGES:
        raise ValueError(
            f"The summary can be written in en (English) or es (Spanish), not {value!r}."
        )
    assert isinstance(value, str)
    return value


def placeholders(text: str) -> frozenset[str]:
    """The `{names}` a string is formatted with."""
    return frozenset(name for _, name, _, _ in Formatter().parse(text) if name)


@lru_cache(maxsize=1)
def spanish_strings() -> Mapping[str, str]:
    """reports_es.toml's [strings]: English -> Spanish."""
    with assets_dir().joinpath(*CATALOG).open("rb") as f:
        data = tomllib.load(f)
    strings = data.get("strings", {})
    return MappingProxyType({str(k): str(v) for k, v in strings.items()})


@lru_cache(maxsize=1)
def spanish_vocabularies() -> Mapping[str, Mapping[str, str]]:
    """For each vocabulary named in data_es.toml (e.g. "need_categories"): the English label of
    each code (store.vocab) -> its Spanish label."""
    with assets_dir().joinpath(*VOCABULARY).open("rb") as f:
        data = tomllib.load(f)
    out: dict[str, Mapping[str, str]] = {}
    for section, spanish in data.items():
        english = getattr(vocab, section.upper(), None)
        if not isinstance(english, dict) or not isinstance(spanish, dict):
            continue  # checklists, resources, reference categories: not vocabularies
        out[section] = MappingProxyType(
            {english[code]: str(text) for code, text in spanish.items() if code in english}
        )
    return MappingProxyType(out)


class Words:
    """The summary's words in one language: `words("English {n}", n=3)`."""

    def __init__(self, language: str = EN) -> None:
        self.language = check_language(language)

    @property
    def tag(self) -> str:
        return LANGUAGE_TAGS[self.language]

    def __call__(self, english: str, /, **params: object) -> str:
        text = self._look_up(english)
        return text.format(**params) if params else text

    def _look_up(self, english: str) -> str:
        if self.language == EN and not STRICT:
            return english
        spanish = spanish_strings().get(english)
        if spanish is None:
            if STRICT:
                raise MissingTranslation(
                    f"No Spanish for {english!r} in assets/translations/reports_es.toml"
                )
            return english
        return english if self.language == EN else spanish

    def label(self, vocabulary: str, english: str) -> str:
        """A category label of a vocabulary (data_es.toml's section name, e.g.
        "need_categories"); a label the vocabulary does not have (a combined row such as
        "Other needs") is looked up like any string."""
        found = spanish_vocabularies().get(vocabulary, {}).get(english) if vocabulary else None
        if found is None:
            return self(english)
        return english if self.language == EN else found

    def month(self, month: int) -> str:
        return self(MONTHS[month - 1])

    def long_date(self, d: date) -> str:
        # Spelled out by hand: strftime's month names follow the process locale.
        return self("{month} {day}, {year}", month=self.month(d.month), day=d.day, year=d.year)
