"""Search as an advocate types it: questions parsed into terms, synonyms, word forms, typos,
names typed without their apostrophe, and failures that are reported rather than hidden."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import text

from advocate_app.searchtext import terms as q
from advocate_app.searchtext.marks import SearchFailed
from advocate_app.store import clients, notes
from advocate_app.store.clients import ClientFields
from advocate_app.store.search_all import search_everything
from advocate_app.store.vault import Vault


def _typed(query: q.Query) -> list[str]:
    return [t.text for t in query.terms]


def test_common_words_in_english_and_spanish_are_dropped() -> None:
    question = q.parse("does a survivor have to cooperate with police to get a T visa")
    assert _typed(question) == ["survivor", "cooperate", "police", "t visa"]
    assert _typed(q.parse("¿dónde está el refugio para ella?")) == ["refugio"]
    assert _typed(q.parse("the")) == ["the"]  # only common words: search them anyway


def test_synonyms_and_abbreviations_expand_from_the_reviewed_list() -> None:
    forms = {f for t in q.parse("expungement").terms for f in t.forms}
    assert ("expunction",) in forms
    id_forms = {f for t in q.parse("ID").terms for f in t.forms}
    assert {("identification",), ("license",)} <= id_forms
    # One way only: "license" does not look for every "id".
    assert ("id",) not in {f for t in q.parse("identification").terms for f in t.forms}
    green = q.parse("green card")
    assert len(green.terms) == 1 and ("permanent", "residence") in green.terms[0].forms


def test_a_bad_synonym_file_is_refused_with_a_sentence() -> None:
    with pytest.raises(ValueError, match="group 1"):
        q.parse_synonyms('[[group]]\nwords = "not a list"\n')
    with pytest.raises(ValueError, match="not valid TOML"):
        q.parse_synonyms("[[group]\n")


def test_only_the_last_word_of_three_letters_or_more_is_a_prefix() -> None:
    assert [t.prefix for t in q.parse("T visa").terms] == [False]  # one phrase from the list
    assert [t.prefix for t in q.parse("bus subpoe").terms] == [False, True]
    assert [t.prefix for t in q.parse("T").terms] == [False]


@pytest.mark.parametrize("typed", ['"', "NEAR(", "a -b", "title:visa", "x" * 10_000, "\x00"])
def test_expressions_are_only_quoted_words(typed: str) -> None:
    expression = q.all_of(q.parse(typed), q.as_typed) or ""
    outside = expression
    for quoted in expression.split('"')[1::2]:
        outside = outside.replace(f'"{quoted}"', "")
    assert set(outside) <= set(" ()*ANDOR")


def test_word_forms_are_found_in_notes(vault: Vault) -> None:
    cid = clients.create_client(vault, ClientFields(alias="Heron"))
    nid = notes.add_note(vault, cid, "contact", "Discussed housing options and hearings.")
    assert [h.note_id for h in notes.search_notes(vault, "housed")] == [nid]
    assert [h.note_id for h in notes.search_notes(vault, "hearing")] == [nid]


def test_a_note_with_more_of_the_words_ranks_first(vault: Vault) -> None:
    cid = clients.create_client(vault, ClientFields(alias="Wren"))
    one = notes.add_note(vault, cid, "contact", "Bus to the clinic on Tuesday.")
    both = notes.add_note(vault, cid, "contact", "Safety plan covers the bus ride.")
    found = notes.find_notes(vault, "how do I make a safety plan for the bus")
    assert [h.note_id for h in found.hits] == [both, one]
    assert found.with_every_term == 1


def test_a_typo_is_corrected_from_the_notes_own_words(vault: Vault) -> None:
    cid = clients.create_client(vault, ClientFields(alias="Lark"))
    nid = notes.add_note(vault, cid, "contact", "Safety planning done; plan kept by client.")
    found = notes.find_notes(vault, "safty")
    assert [h.note_id for h in found.hits] == [nid]
    assert found.typed == "safty" and found.searched_for
    assert notes.find_notes(vault, "safty", correct=False).hits == []


def test_a_name_typed_without_its_apostrophe_is_found(vault: Vault) -> None:
    cid = clients.create_client(vault, ClientFields(alias="O'Brien"))
    nid = notes.add_note(vault, cid, "contact", "Met Mrs O'Brien at the courthouse.")
    results = search_everything(vault, None, "OBrien")
    assert [h.title for h in results.groups["client"]] == ["O'Brien"]
    assert [h.target["note_id"] for h in results.groups["note"]] == [nid]


def test_a_single_letter_highlights_only_that_word(vault: Vault) -> None:
    cid = clients.create_client(vault, ClientFields(alias="Finch"))
    notes.add_note(vault, cid, "contact", "Asked about the T visa and then the timeline.")
    hit = notes.search_notes(vault, "T")[0]
    assert "<b>T</b>" in hit.snippet_html
    assert "<b>the</b>" not in hit.snippet_html.lower() and "<b>th" not in hit.snippet_html


def test_many_matches_show_the_newest_first_then_the_ranking(vault: Vault, monkeypatch) -> None:
    monkeypatch.setattr(notes, "NEWEST_FIRST_OVER", 3)
    cid = clients.create_client(vault, ClientFields(alias="Robin"))
    ids = [
        notes.add_note(vault, cid, "contact", body)
        for body in ("Bus bus bus pass.", "Bus pass.", "Bus.", "The bus came late.")
    ]
    first = notes.find_notes(vault, "bus", limit=2)
    assert first.newest_first
    assert [h.note_id for h in first.hits] == [ids[3], ids[2]]
    ranked = notes.find_notes(vault, "bus", limit=2, full_ranking=True)
    assert not ranked.newest_first and ranked.hits[0].note_id != ids[3]


def test_one_list_puts_the_best_hit_first_whatever_its_kind(vault: Vault) -> None:
    from advocate_app.library.shipped import shipped_library

    cid = clients.create_client(vault, ClientFields(alias="Visa Marsh"))
    notes.add_note(vault, cid, "contact", "Talked about the T visa interview.")
    results = search_everything(vault, shipped_library().index, "T visa")
    assert results.first() is not None and results.first().target.get("key") == "t-visa"
    kinds = {h.kind for h in results.hits}
    assert {"article", "note"} <= kinds
    scores = [h.score for h in results.hits]
    assert scores == sorted(scores, reverse=True)


def test_a_broken_index_is_reported_and_logged_without_the_text(
    vault: Vault, caplog: pytest.LogCaptureFixture
) -> None:
    with vault.write() as s:
        s.execute(text("DROP TABLE notes_fts"))
    secret = "marmalade-secret-word"
    with caplog.at_level(logging.ERROR), pytest.raises(SearchFailed):
        notes.find_notes(vault, secret)
    assert "note search failed" in caplog.text
    assert secret not in caplog.text


def test_a_correction_holds_when_the_vault_has_only_the_other_words(vault: Vault) -> None:
    from advocate_app.library.shipped import shipped_library

    cid = clients.create_client(vault, ClientFields(alias="Tern"))
    notes.add_note(vault, cid, "contact", "Made a plan for Tuesday.")
    results = search_everything(vault, shipped_library().index, "safty plan")
    assert results.corrected and results.typed == "safty plan"
    assert results.first() is not None and results.first().target.get("key") == "safety-planning"


def test_a_spanish_article_is_stemmed_as_spanish() -> None:
    from advocate_app.library.index import ReferenceIndex
    from advocate_app.library.parsing import parse_article

    text = (
        "---\ntitle: Vivienda segura\ncategory: Necesidades\nsummary: Refugios y viviendas.\n"
        "language: es\nsources: [Fuente pública]\nlast_reviewed: 2026-11-01\n---\n"
        "# Vivienda segura\n\nLas sobrevivientes buscan viviendas seguras y un plan de "
        "seguridad para sus hijas.\n"
    )
    article = parse_article("vivienda-segura", text)
    assert article.language == "es"
    index = ReferenceIndex([article])
    try:
        for typed in ("vivienda", "seguras", "planes de seguridad", "hijas", "sobreviviente"):
            assert [h.key for h in index.search(typed)] == ["vivienda-segura"], typed
    finally:
        index.close()
    with pytest.raises(ValueError, match="language"):
        parse_article("x", text.replace("language: es", "language: fr"))
