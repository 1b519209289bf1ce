"""The VOCA plain words in Spanish (issue 20): every label of the form file has a reviewed
Spanish text, and the Spanish file names nothing the form does not have."""

from __future__ import annotations

from advocate_app.paths import assets_dir
from advocate_app.store.pmt_form import (
    SPANISH_FILE,
    SpanishLabels,
    current_form,
    read_spanish_labels,
    spanish_label_problems,
)


def test_every_label_has_a_spanish_text_and_no_more() -> None:
    labels = read_spanish_labels(assets_dir().joinpath(*SPANISH_FILE))
    assert spanish_label_problems(current_form(), labels) == []


def test_the_check_names_what_is_missing_and_what_is_extra() -> None:
    labels = read_spanish_labels(assets_dir().joinpath(*SPANISH_FILE))
    services = dict(labels.lists["services"])
    del services["transportation"]
    services["teleport"] = "Teletransporte"
    broken = SpanishLabels({**labels.lists, "services": services}, labels.questions)
    assert spanish_label_problems(current_form(), broken) == [
        "[services] transportation: no Spanish",
        "[services] teleport: not in the form",
    ]


def test_the_spanish_follows_the_glossary() -> None:
    labels = read_spanish_labels(assets_dir().joinpath(*SPANISH_FILE))
    text = " ".join(v for lst in labels.lists.values() for v in lst.values())
    text += " ".join(v for q in labels.questions.values() for v in q.values())
    assert "tráfico" not in text.lower()  # trafficking is "trata"
    assert "superviviente" not in text.lower()
    assert labels.lists["victimization_types"]["trafficking_sex"] == "Trata sexual"
