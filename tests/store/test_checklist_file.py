"""The needs checklist template file: the shipped default, clear errors, the built-in fallback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from advocate_app.store import vocab
from advocate_app.store.checklist_file import (
    BUILTIN_DEFAULTS,
    ChecklistFileError,
    load_checklist_template,
    load_default_template,
    parse_checklist_template,
)

DEFAULT = Path(__file__).resolve().parents[2] / "assets" / "checklists" / "default.toml"


def write(tmp_path: Path, text: str, name: str = "office.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> ChecklistFileError:
    with pytest.raises(ChecklistFileError) as caught:
        load_checklist_template(write(tmp_path, text))
    return caught.value


# --------------------------------------------------------------------------- shipped default


def test_shipped_default_covers_all_twelve_categories() -> None:
    template = load_checklist_template(DEFAULT)
    assert list(template) == list(vocab.NEED_CATEGORIES)
    assert len(template) == 12
    for category, items in template.items():
        # A short list to choose from: basic needs (food, clothing, phone minutes, a safe
        # phone) made "financial" the longest.
        assert 3 <= len(items) <= 10, category
        assert len({i.casefold() for i in items}) == len(items), category


def test_shipped_default_names_the_id_documents_advocates_ask_for() -> None:
    license_items = load_checklist_template(DEFAULT)["license_id"]
    for item in (
        "Birth certificate",
        "Social Security card",
        "DMV fees and license restoration",
        "Address Confidentiality Program enrollment",
    ):
        assert item in license_items
    assert "Emergency shelter" in load_checklist_template(DEFAULT)["housing"]


def test_builtin_defaults_match_the_shipped_file() -> None:
    assert load_checklist_template(DEFAULT) == BUILTIN_DEFAULTS


def test_shipped_default_loads_without_fallback() -> None:
    template, error = load_default_template(DEFAULT)
    assert error is None
    assert template == BUILTIN_DEFAULTS


# --------------------------------------------------------------------------- valid variations


def test_missing_categories_suggest_nothing_and_items_are_tidied(tmp_path: Path) -> None:
    template = load_checklist_template(
        write(tmp_path, '[housing]\nitems = ["  Emergency   shelter ", "Rental assistance"]\n')
    )
    assert template["housing"] == ["Emergency shelter", "Rental assistance"]
    assert template["childcare"] == []
    assert list(template) == list(vocab.NEED_CATEGORIES)


def test_dotted_keys_and_inline_tables_are_accepted(tmp_path: Path) -> None:
    text = (
        'housing.items = ["Emergency shelter"]\nchildcare = { items = ["Emergency childcare"] }\n'
    )
    template = load_checklist_template(write(tmp_path, text))
    assert template["housing"] == ["Emergency shelter"]
    assert template["childcare"] == ["Emergency childcare"]


# --------------------------------------------------------------------------- malformed files


def test_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    error = error_for(tmp_path, '[housing]\nitems = ["Emergency shelter"\n\n[childcare]\n')
    assert error.file == "office.toml"
    assert error.line is not None and error.line >= 2
    assert str(error).startswith(f"office.toml, line {error.line}")
    assert "not valid TOML" in str(error)


def test_syntax_error_on_a_known_line(tmp_path: Path) -> None:
    error = error_for(tmp_path, '[housing]\nitems = ["A"]\n[transportation\nitems = []\n')
    assert (error.line, error.column) == (3, 16)
    assert str(error).startswith("office.toml, line 3, column 16: this is not valid TOML")


def test_unknown_category_names_its_line(tmp_path: Path) -> None:
    text = '[housing]\nitems = ["Emergency shelter"]\n\n# a typo below\n[housng]\nitems = ["X"]\n'
    error = error_for(tmp_path, text)
    assert error.line == 5
    assert str(error).startswith(
        'office.toml, line 5: "housng" is not a need category (choose one of: housing, '
    )


def test_items_not_a_list_names_the_items_line(tmp_path: Path) -> None:
    text = '[housing]\nitems = ["Emergency shelter"]\n\n[childcare]\n# note\nitems = "Daycare"\n'
    error = error_for(tmp_path, text)
    assert error.line == 6
    assert str(error) == (
        'office.toml, line 6: "items" in [childcare] should be a list in square brackets, '
        'like items = ["First item", "Second item"]'
    )


def test_category_that_is_not_a_table(tmp_path: Path) -> None:
    error = error_for(tmp_path, '\nhousing = ["Emergency shelter"]\n')
    assert error.line == 2
    assert "should be a table" in str(error)


def test_item_that_is_not_text(tmp_path: Path) -> None:
    error = error_for(tmp_path, '[housing]\nitems = [\n  "Emergency shelter",\n  42,\n]\n')
    assert error.line == 4
    assert "text in quotes" in str(error)


def test_unknown_key_inside_a_category(tmp_path: Path) -> None:
    error = error_for(tmp_path, '[housing]\nitems = ["A"]\nlabel = "Homes"\n')
    assert error.line == 3
    assert '"label" is not understood in [housing]' in str(error)


def test_duplicate_item(tmp_path: Path) -> None:
    text = '[housing]\nitems = [\n  "Emergency shelter",\n  "emergency shelter",\n]\n'
    error = error_for(tmp_path, text)
    assert error.line == 4
    assert "listed twice" in str(error)


def test_empty_file(tmp_path: Path) -> None:
    error = error_for(tmp_path, "# nothing here yet\n")
    assert error.line == 1
    assert str(error).startswith("office.toml, line 1: the file has no categories")


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'[housing]\nitems = ["Caf\xe9"]\n')
    with pytest.raises(ChecklistFileError) as caught:
        load_checklist_template(path)
    assert caught.value.line == 2
    assert "not valid UTF-8" in str(caught.value)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "# " + "x" * (2 * 1024 * 1024) + "\n", "big.toml")
    with pytest.raises(ChecklistFileError) as caught:
        load_checklist_template(path)
    assert str(caught.value).startswith("big.toml: the file is 2.0 MB")


def test_parse_uses_the_given_file_name() -> None:
    with pytest.raises(ChecklistFileError) as caught:
        parse_checklist_template("[nope]\nitems = []\n", "pasted.toml")
    assert str(caught.value).startswith('pasted.toml, line 1: "nope"')


# --------------------------------------------------------------------------- fallback


def test_fallback_returns_builtin_defaults_with_the_error(tmp_path: Path) -> None:
    path = write(tmp_path, '[housing]\nitems = "oops"\n', "default.toml")
    template, error = load_default_template(path)
    assert template == BUILTIN_DEFAULTS
    assert isinstance(error, ChecklistFileError)
    assert str(error).startswith("default.toml, line 2:")


def test_fallback_for_a_missing_file(tmp_path: Path) -> None:
    template, error = load_default_template(tmp_path / "default.toml")
    assert template == BUILTIN_DEFAULTS
    assert error is not None and "does not exist" in str(error)


def test_fallback_copy_cannot_change_the_builtin_defaults(tmp_path: Path) -> None:
    template, _ = load_default_template(tmp_path / "missing.toml")
    template["housing"].append("Changed by a caller")
    assert "Changed by a caller" not in BUILTIN_DEFAULTS["housing"]


def test_shipped_default_offers_what_advocates_need_in_the_first_month() -> None:
    template = load_checklist_template(DEFAULT)
    every = [item for items in template.values() for item in items]
    for words in (
        "Safe phone",
        "Food",
        "Clothing",
        "Phone minutes",
        "Criminal defense",
        "Expunction or vacatur",
        "Custody",
        "Forensic medical exam",
        "SAVAN",
        "interpreter",
    ):
        assert any(words.casefold() in item.casefold() for item in every), words


def test_item_text_and_comments_never_assume_a_gender() -> None:
    text = DEFAULT.read_text(encoding="utf-8")
    assert not re.search(r"\b(she|he|her|hers|him|his|herself|himself)\b", text, re.I)
    for items in BUILTIN_DEFAULTS.values():
        for item in items:
            assert not re.search(r"\b(she|he|her|hers|him|his)\b", item, re.I), item


def test_every_item_added_since_the_first_template_is_in_the_shipped_list() -> None:
    from advocate_app.store.checklist_file import ADDED_IN_REVISION, TEMPLATE_REVISION

    assert sorted(ADDED_IN_REVISION) == list(range(2, TEMPLATE_REVISION + 1))
    for added in ADDED_IN_REVISION.values():
        for category, items in added.items():
            for item in items:
                assert item in BUILTIN_DEFAULTS[category], item
