"""The anonymized summary in Spanish: every word from reports_es.toml (or the shared Spanish
vocabulary), no English left in a Spanish export, and the same numbers in both languages, in
every format; the period and dates in Spanish; the PDF and the page state their language; and
exporting the same period in both languages is one publication to the export ledger."""

from __future__ import annotations

import ast
import functools
import io
import re
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from html import unescape
from pathlib import Path

import pytest
from pypdf import PdfReader

from advocate_app.paths import assets_dir
from advocate_app.reports import language
from advocate_app.reports.anonymize import PublishedSummary, publish
from advocate_app.reports.anonymize.tables import TABLES
from advocate_app.reports.formats import FORMATS, summary_bytes
from advocate_app.reports.language import (
    EN,
    ES,
    MissingTranslation,
    Words,
    placeholders,
    spanish_strings,
)
from advocate_app.reports.periods import (
    calendar_year,
    completed_periods,
    fiscal_quarter,
    fiscal_year,
    worded_label,
)
from advocate_app.reports.summary import export_file, summary_html
from advocate_app.store import clients, contacts, needs, summary_ledger
from advocate_app.store.clients import ClientFields
from advocate_app.store.summary import SummaryCounts
from advocate_app.store.vault import Vault
from tests.helpers import NO_ONE_SERVED, SUMMARY_OFFICE, office_counts

REPORTS = Path(language.__file__).parent
Q2 = fiscal_quarter(2026, 2)
OFFICE = SUMMARY_OFFICE

# Words that may appear in both languages' exports: names, acronyms, and words spelled the same
# in English and Spanish (single letters, such as the PMT's codes A to E, are left out too).
SAME_IN_BOTH = {
    "advocate",
    "companion",
    "voca",
    "pmt",
    "dmv",
    "demo",
    "total",
    "no",
    "error",
    "federal",
    "fiscal",
    "normal",
    "civil",
    "personal",
    "real",
}


def _counts(is_demo: bool = False, **changes: object) -> SummaryCounts:
    counts: SummaryCounts = office_counts(is_demo=is_demo, **changes)
    return counts


def _both(counts: SummaryCounts) -> tuple[PublishedSummary, PublishedSummary]:
    english = publish(counts, k=11, generated_on=date(2026, 4, 2), language=EN)
    spanish_counts = replace(counts, period_label=worded_label(Q2, Words(ES)))
    spanish = publish(spanish_counts, k=11, generated_on=date(2026, 4, 2), language=ES)
    return english, spanish


SUMMARIES = {
    "office": _counts(),
    "demo": _counts(is_demo=True),
    "small": _counts(
        individuals_served=6,
        individuals_new=2,
        individuals_continuing=4,
        trafficking_type={"sex": 4, "labor": 2},
        age_group={"18-24": 6},
    ),
    "empty": _counts(**NO_ONE_SERVED),
}


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _text(summary: PublishedSummary, fmt: str) -> str:
    data = summary_bytes(summary, fmt)
    if fmt == "pdf":
        return _pdf_text(data)
    text = data.decode("utf-8")
    if fmt == "html":
        text = unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", text, flags=re.DOTALL))
    return text


@functools.cache
def _exports(name: str) -> dict[str, tuple[str, str]]:
    """Each format's text, English and Spanish, of one of SUMMARIES (rendered once)."""
    english, spanish = _both(SUMMARIES[name])
    return {fmt: (_text(english, fmt), _text(spanish, fmt)) for fmt in FORMATS}


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]{2,}", text)}


# --- the catalog --------------------------------------------------------------------------------


def test_every_spanish_string_keeps_the_placeholders_of_its_english() -> None:
    strings = spanish_strings()
    assert len(strings) > 80
    for english, spanish in strings.items():
        assert spanish.strip(), f"empty Spanish for {english!r}"
        assert placeholders(spanish) == placeholders(english), english
        assert "{" not in spanish.format(**dict.fromkeys(placeholders(spanish), "x"))


def _looked_up_literals() -> set[str]:
    """Every literal the reports package passes to a Words object (`words(...)`, `w(...)`)."""
    found: set[str] = set()
    for path in REPORTS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("words", "w")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def test_every_string_the_code_looks_up_has_its_spanish() -> None:
    literals = _looked_up_literals()
    assert len(literals) > 30, "the scan finds the summary's strings"
    missing = sorted((literals | set(language.MONTHS)) - set(spanish_strings()))
    assert not missing, f"add these to assets/translations/reports_es.toml: {missing}"
    # The tables' own words, as render looks them up (strict: a missing one raises).
    es = Words(ES)
    for spec in TABLES:
        for text in (spec.title, spec.row_header, spec.note):
            assert es(text) != text
        for text in spec.column_labels:
            es.label("need_statuses", text)
        if spec.merge:
            es.label(spec.vocabulary, spec.merge.label)
        for text in spec.row_labels.values():
            assert es.label(spec.vocabulary, text), text


def test_a_missing_spanish_string_fails_and_otherwise_falls_back_to_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    strings = dict(spanish_strings())
    del strings["Needs by category and status"]
    monkeypatch.setattr(language, "spanish_strings", lambda: strings)
    counts = SUMMARIES["office"]
    with pytest.raises(MissingTranslation, match="Needs by category and status"):
        publish(counts, k=11, language=ES)
    with pytest.raises(MissingTranslation):
        publish(counts, k=11, language=EN)  # English too: the Spanish must exist
    monkeypatch.setattr(language, "STRICT", False)
    shown = publish(counts, k=11, language=ES)
    assert shown.table("needs_status").title == "Needs by category and status"
    assert shown.table("trafficking_type").title == "Tipo de trata"


def test_the_catalog_and_the_shared_vocabulary_use_the_glossary_words() -> None:
    spanish = " ".join(spanish_strings().values()).lower()
    assert "trata" in spanish and "tráfico" not in spanish  # trafficking, never smuggling
    assert "resumen anónimo" in spanish and "sobreviviente" in spanish
    assert "rechaz" not in spanish and "fracas" not in spanish  # "declined" stays neutral
    assert "víctima" not in spanish


# --- every export in Spanish ----------------------------------------------------------------


@pytest.mark.parametrize("name", list(SUMMARIES))
def test_a_spanish_export_holds_no_english_from_the_english_export(name: str) -> None:
    english, spanish = _both(SUMMARIES[name])
    allowed = SAME_IN_BOTH | _words(OFFICE)
    for fmt, (en_text, es_text) in _exports(name).items():
        left = sorted((_words(en_text) & _words(es_text)) - allowed)
        assert not left, f"{name}, {fmt}: English words in the Spanish export: {left}"
    screen = _words(unescape(re.sub(r"<[^>]+>", " ", summary_html(spanish))))
    assert not (_words(unescape(re.sub(r"<[^>]+>", " ", summary_html(english)))) & screen) - allowed


def _numbers(text: str) -> Counter[str]:
    return Counter(re.findall(r"\d+%?|—", text))


_FOOTER = re.compile(
    r"^(Contains no client|Sin información que).*$|Page \d+ of \d+|"
    r"Página \d+ de \d+",
    re.MULTILINE,
)


@pytest.mark.parametrize("name", list(SUMMARIES))
def test_both_languages_show_the_same_numbers(name: str) -> None:
    english, spanish = _both(SUMMARIES[name])
    for one, two in zip(english.tables, spanish.tables, strict=True):
        assert one.key == two.key
        assert (one.cells, one.row_totals, one.column_totals, one.grand_total, one.percentages) == (
            two.cells,
            two.row_totals,
            two.column_totals,
            two.grand_total,
            two.percentages,
        )
        assert len(one.row_labels) == len(two.row_labels)
    assert [c for c in english.cells] == [c for c in spanish.cells]
    for fmt, (en_text, es_text) in _exports(name).items():
        if fmt == "pdf":  # the footer repeats on every page; a page count may differ
            en_text, es_text = _FOOTER.sub("", en_text), _FOOTER.sub("", es_text)
        assert _numbers(en_text) == _numbers(es_text), fmt


def test_the_spanish_pdf_states_its_language_title_and_subject() -> None:
    english, spanish = _both(SUMMARIES["demo"])
    reader = PdfReader(io.BytesIO(summary_bytes(spanish, "pdf")))
    assert reader.trailer["/Root"]["/Lang"] == "es-US"
    assert reader.metadata is not None
    assert reader.metadata.title == "Resumen anónimo"
    assert reader.metadata.subject == f"Conteos anónimos de {spanish.period_label}"
    assert not reader.metadata.author
    english_reader = PdfReader(io.BytesIO(summary_bytes(english, "pdf")))
    assert english_reader.trailer["/Root"]["/Lang"] == "en-US"
    text = _pdf_text(summary_bytes(spanish, "pdf"))
    for words in (
        "DEMO — datos ficticios",
        "Página 1 de",
        "Preparado el 2 de abril de 2026",
        "Año fiscal federal 2026, 2.º trimestre (enero–marzo de 2026)",
        "La persona no la quiere (su decisión)",
        "Gráfico: Tipo de trata",
        "oculto para proteger la privacidad",
        "Trata sexual",
    ):
        assert words in text, words
    page = summary_bytes(spanish, "html").decode("utf-8")
    assert '<html lang="es-US">' in page and '<span class="visually-hidden">oculto</span>' in page


def test_category_labels_are_the_interfaces_spanish_words() -> None:
    _, spanish = _both(SUMMARIES["office"])
    appointments = spanish.table("appointments")
    assert "Otra" in appointments.row_labels  # an appointment ("cita") is feminine
    assert "Otro" in spanish.table("referrals").row_labels  # a resource is masculine
    assert spanish.table("needs_status").column_labels[:3] == (
        "Sin empezar",
        "En curso",
        "Cubierta",
    )


def test_a_combined_row_is_named_in_spanish() -> None:
    counts = _counts(
        individuals_served=56,
        individuals_continuing=37,
        trafficking_type={"sex": 30, "labor": 14, "both": 5, "not_identified": 7},
        age_group={"13-17": 4, "18-24": 17, "25-59": 29, "60+": 6},
    )
    english, spanish = _both(counts)
    assert "also combines" in english.table("trafficking_type").note
    note = spanish.table("trafficking_type").note
    assert "también reúne" in note and "Trata sexual y laboral" in note


# --- periods and dates --------------------------------------------------------------------------


@pytest.mark.parametrize("start_month", [10, 1, 7])
def test_english_period_labels_are_unchanged(start_month: int) -> None:
    for period in completed_periods(date(2026, 11, 30), start_month):
        assert worded_label(period, Words(EN)) == period.label


def test_periods_and_dates_in_spanish() -> None:
    es = Words(ES)
    assert (
        worded_label(fiscal_quarter(2026, 2), es)
        == "Año fiscal federal 2026, 2.º trimestre (enero–marzo de 2026)"
    )
    assert (
        worded_label(fiscal_quarter(2026, 1), es)
        == "Año fiscal federal 2026, 1.er trimestre (octubre–diciembre de 2025)"
    )
    assert worded_label(fiscal_year(2026, 7), es) == "Año fiscal 2026 (julio de 2025–junio de 2026)"
    assert (
        worded_label(fiscal_quarter(2026, 3, 7), es)
        == "Año fiscal 2026, 3.er trimestre (enero–marzo de 2026)"
    )
    assert worded_label(fiscal_year(2026, 1), es) == "Año fiscal 2026 (enero–diciembre de 2026)"
    assert worded_label(calendar_year(2025), es) == "Año calendario 2025 (enero–diciembre de 2025)"
    assert es.long_date(date(2026, 11, 30)) == "30 de noviembre de 2026"
    assert Words(EN).long_date(date(2026, 11, 30)) == "November 30, 2026"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="en .English. or es .Spanish."):
        Words("fr")


# --- from a vault: one publication to the ledger ----------------------------------------------


TODAY = date(2026, 11, 29)
FY = fiscal_year(2026)


def _fill(vault: Vault) -> None:
    start = date(2026, 1, 5)
    for i in range(30):
        cid = clients.create_client(
            vault,
            ClientFields(
                alias=f"Ibis {i}",
                intake_date=start + timedelta(days=i * 3),
                age_group=["18-24", "25-59"][i % 2],
                trafficking_type=["sex", "labor"][i % 2],
            ),
        )
        if i < 14:
            needs.add_need(vault, cid, "housing", "Emergency shelter")
    for _ in range(12):
        contacts.log_contact(
            vault, contact_date=date(2026, 3, 3), kind="hotline", minutes=10, topics=["information"]
        )


def test_exporting_a_period_in_both_languages_is_one_publication(
    vault: Vault, tmp_path: Path
) -> None:
    _fill(vault)
    english = export_file(vault, FY, tmp_path / "en.txt", "txt", today=TODAY, language=EN)
    spanish = export_file(vault, FY, tmp_path / "es.txt", "txt", today=TODAY, language=ES)
    again = export_file(vault, FY, tmp_path / "en2.txt", "txt", today=TODAY, language=EN)
    # The Spanish export hides nothing more than the English one: nothing new was published.
    for one, two, three in zip(english.tables, spanish.tables, again.tables, strict=True):
        assert one.cells == two.cells == three.cells
        assert one.column_totals == two.column_totals == three.column_totals
    exports = summary_ledger.list_exports(vault)
    assert len(exports) == 3
    assert {e.period_label for e in exports} == {FY.label}, "the ledger names it in English"
    recorded = {}
    for cell in summary_ledger.exported_cells(vault):
        recorded.setdefault(cell.export_id, set()).add((cell.cell_key, cell.value, cell.published))
    assert len({frozenset(cells) for cells in recorded.values()}) == 1, "the same cells"
    es_text = (tmp_path / "es.txt").read_text(encoding="utf-8")
    en_text = (tmp_path / "en.txt").read_text(encoding="utf-8")
    assert es_text.startswith("Resumen anónimo") and "Año fiscal federal 2026" in es_text
    assert "Ibis" not in es_text
    assert _numbers(en_text) == _numbers(es_text)


def test_the_catalog_file_is_where_the_docs_say() -> None:
    assert assets_dir().joinpath(*language.CATALOG).is_file()
