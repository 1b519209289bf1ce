"""The Spanish content follows the conventions of assets/reference/es/README.md and keeps what
its English source says.

Each Spanish article (assets/reference/es/) parses, names an English source that exists and keeps
its numbers, statutes and sources; each key of assets/translations/data_es.toml is an English
identifier that exists, and every one has a Spanish text; a Spanish scenario (assets/scenarios/es/)
plays the same steps as its English one; the words follow the glossary (trata, never "tráfico de
personas"; sobreviviente; a declined need is neutral). The number and citation tables that
Spanish content also counts in are checked in tests/test_content.py.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest

from tests.content_finders import (
    ASSETS,
    CHECKLIST,
    DATA_ES,
    ENGLISH_ARTICLES,
    SHIPPED_RESOURCES,
    SPANISH_ARTICLES,
    SPANISH_SCENARIOS,
    citations_in_text,
    digits,
    numbers_in_text,
    shown_name,
)

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


@pytest.mark.parametrize("path", SPANISH_ARTICLES, ids=shown_name)
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


@pytest.mark.parametrize("path", SPANISH_SCENARIOS, ids=shown_name)
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
