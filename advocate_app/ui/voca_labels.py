"""The VOCA plain words (answers, services, service groups, questions) in the language of the
interface: English from assets/voca/pmt_fy2026.toml, Spanish from pmt_fy2026_es.toml. The
PMT's own wording stays English (it is what the federal form says); only the plain words change.
"""

from __future__ import annotations

from advocate_app.store.pmt_form import Item, Question, spanish_labels
from advocate_app.ui.language import SPANISH, current_language


def item_label(list_name: str, item: Item) -> str:
    """An answer, service or service group in plain words ("services", "race_ethnicity"…)."""
    if current_language() != SPANISH:
        return item.plain
    return spanish_labels().lists.get(list_name, {}).get(item.code) or item.plain


def question_text(question: Question, key: str) -> str:
    """A question's "plain" words or "rule"."""
    english = question.plain if key == "plain" else question.rule
    if current_language() != SPANISH:
        return english
    return spanish_labels().questions.get(question.id, {}).get(key) or english


_LIST_OF_FIGURE = {
    "race_ethnicity": "race_ethnicity",
    "gender_identity": "gender_identity",
    "victimization_types": "victimization_types",
    "special_classifications": "special_classifications",
}


def spanish_row_label(figure: str, code: str, is_group: bool) -> str | None:
    """The Spanish plain words of a figure's row, when the interface is Spanish and the row is
    an answer, a service or a service group (the PMT's extra rows keep the PMT's wording)."""
    if current_language() != SPANISH:
        return None
    lists = spanish_labels().lists
    if is_group:
        name = "service_groups"
    elif figure in _LIST_OF_FIGURE:
        name = _LIST_OF_FIGURE[figure]
    else:
        name = "services"
    return lists.get(name, {}).get(code)
