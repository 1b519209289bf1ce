"""The funder's optional questions on the client record and the services ticked in the note
composer (issue 20), driven from the keyboard as an advocate would."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from advocate_app.store import clients, drafts, needs, notes, voca_fields
from advocate_app.store.clients import ClientFields
from advocate_app.store.models import Client
from advocate_app.store.pmt_form import DECLINED, current_form
from advocate_app.store.vault import Vault
from advocate_app.store.voca_fields import ReportingFields
from advocate_app.ui.clients.funder_questions import AnswerList, FunderQuestions
from advocate_app.ui.clients.services_picker import ServicesPicker
from advocate_app.ui.language import ENGLISH, SPANISH, apply_language
from advocate_app.ui.qt import QComboBox, QGuiApplication, QListWidget, Qt, QToolButton, QWidget

KEY = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def _row_of(answers: AnswerList, code: str) -> int:
    for row in range(answers.count()):
        if answers.item(row).data(Qt.ItemDataRole.UserRole) == code:
            return row
    raise AssertionError(code)


def _tick_with_keys(qtbot, answers: AnswerList, code: str) -> None:
    """Arrow down from the top to the answer, then Space: as a keyboard user does."""
    answers.setFocus()
    answers.setCurrentRow(0)
    for _ in range(_row_of(answers, code)):
        qtbot.keyClick(answers, KEY.Key_Down)
    qtbot.keyClick(answers, KEY.Key_Space)


def _checked(answers: AnswerList) -> list[str]:
    return [
        answers.item(r).data(Qt.ItemDataRole.UserRole)
        for r in range(answers.count())
        if answers.item(r).checkState() == Qt.CheckState.Checked
    ]


def test_answers_start_at_not_asked_and_declined_is_one_neutral_choice(qtbot) -> None:
    form = current_form()
    answers = AnswerList("race_ethnicity", form.race_ethnicity, "Race or ethnicity (optional)")
    qtbot.addWidget(answers)
    assert answers.answer() is None and _checked(answers) == ["__not_asked__"]
    _tick_with_keys(qtbot, answers, "black")
    _tick_with_keys(qtbot, answers, "hispanic_latino")
    assert answers.answer() == ("black", "hispanic_latino")
    assert "__not_asked__" not in _checked(answers)
    _tick_with_keys(qtbot, answers, DECLINED)  # unticks the answers: never both
    assert answers.answer() == DECLINED and _checked(answers) == [DECLINED]
    _tick_with_keys(qtbot, answers, DECLINED)  # untick it: back to "Not asked"
    assert answers.answer() is None and _checked(answers) == ["__not_asked__"]


def test_the_funder_questions_are_folded_optional_and_explained(qtbot) -> None:
    group = FunderQuestions()
    qtbot.addWidget(group)
    group.show()
    assert not group.body.isVisible()  # folded: the form stays short
    group.toggle.setFocus()
    qtbot.keyClick(group.toggle, KEY.Key_Space)
    assert group.body.isVisible()
    assert "never press a survivor" in group.why.text()
    for widget in group.findChildren(QWidget):
        if isinstance(widget, QComboBox | QListWidget | QToolButton):
            assert widget.accessibleName(), widget
            assert widget.accessibleDescription(), widget
    assert group.gender.currentText() == "Not asked"
    assert group.values() == ReportingFields()
    # The types this program's survivors present with come first.
    first = [group.types.item(r).text() for r in range(2, 6)]
    assert "Sexual assault of an adult" in first


def test_new_client_answers_are_saved_and_shown_again(unlocked, qtbot) -> None:
    section = unlocked.shell.show_section("clients")
    section.new_client()
    form = section.new_form
    qtbot.keyClicks(form.alias, "Lupe")
    form.funder.toggle.setFocus()
    qtbot.keyClick(form.funder.toggle, KEY.Key_Space)
    form.funder.gender.setFocus()
    qtbot.keyClick(form.funder.gender, KEY.Key_Down)  # "Declined to answer"
    _tick_with_keys(qtbot, form.funder.race, "hispanic_latino")
    _tick_with_keys(qtbot, form.funder.types, "trafficking_labor")
    qtbot.keyPress(form.alias, KEY.Key_Return)
    detail = section.detail
    assert detail is not None and detail.alias == "Lupe"
    saved = voca_fields.get_reporting_fields(unlocked.vault, detail.client_id)
    assert saved == ReportingFields(DECLINED, ("hispanic_latino",), ("trafficking_labor",), None)
    # Reopened: the profile shows what was saved.
    funder = detail.profile_form.funder
    assert funder.gender.currentData() == DECLINED
    assert funder.race.answer() == ("hispanic_latino",)
    assert funder.special.answer() is None
    # Edited on the profile tab and saved with the rest of the record.
    _tick_with_keys(qtbot, funder.special, "limited_english")
    detail.save_profile()
    saved = voca_fields.get_reporting_fields(unlocked.vault, detail.client_id)
    assert saved.special_classifications == ("limited_english",)

    # A record made before these questions existed reads "Not asked", and saving its profile
    # writes no answer.
    cid = clients.create_client(unlocked.vault, ClientFields(alias="Old record"))
    detail = section.open_client(cid, "profile")
    funder = detail.profile_form.funder
    assert funder.gender.currentText() == "Not asked"
    assert funder.values() == ReportingFields()
    detail.save_profile()
    assert voca_fields.get_reporting_fields(unlocked.vault, cid) == ReportingFields()


def _composer(unlocked, cid: int):
    section = unlocked.shell.show_section("clients")
    detail = section.open_client(cid, "notes")
    return detail, detail.notes.composer


def test_services_are_ticked_from_the_keyboard_and_saved_with_the_note(unlocked, qtbot) -> None:
    vault: Vault = unlocked.vault
    cid = clients.create_client(vault, ClientFields(alias="Mara"))
    detail, composer = _composer(unlocked, cid)
    picker = composer.services
    assert not picker.tree.isVisible()  # one folded line
    assert "Ctrl+G" in picker.toggle.toolTip()
    assert picker.toggle.accessibleName() and picker.tree.accessibleDescription()
    unlocked.window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None, timeout=3000)
    composer.editor.setFocus()
    qtbot.keyClicks(composer.editor, "Rode with her to the clinic.")
    qtbot.keyClick(composer.editor, KEY.Key_G, CTRL)
    qtbot.waitUntil(picker.tree.hasFocus, timeout=3000)
    assert picker.tree.isVisible()
    qtbot.keyClick(picker.tree, KEY.Key_Space)  # the first service of the first group
    first = picker.tree.currentItem().data(0, Qt.ItemDataRole.UserRole)
    assert picker.ticked() == (first,)
    assert picker.summary.text().startswith("Ticked (1): ")
    composer.editor.setFocus()
    qtbot.keyClick(composer.editor, KEY.Key_Return, CTRL)
    (note,) = notes.list_notes(vault, cid)
    assert voca_fields.note_services(vault, note.id) == (first,)
    assert picker.ticked() == ()  # the next note starts clean
    # Editing the note shows its services; unticking saves with the edit.
    detail.notes.edit_note(note.id)
    assert picker.ticked() == (first,)
    picker.set_ticked(())
    composer.save()
    assert voca_fields.note_services(vault, note.id) == ()


def test_the_draft_keeps_the_ticks_and_todays_work_pre_ticks(unlocked, qtbot) -> None:
    vault: Vault = unlocked.vault
    cid = clients.create_client(vault, ClientFields(alias="Nell"))
    _detail, composer = _composer(unlocked, cid)
    qtbot.keyClicks(composer.editor, "Half a note")
    composer.services.open_and_focus()
    qtbot.keyClick(composer.services.tree, KEY.Key_Space)
    ticked = composer.services.ticked()
    assert ticked
    composer.save_draft()
    assert drafts.load_draft(vault, composer.draft_key).services == ticked
    # Going to another client and back rebuilds the composer from the saved draft.
    other = clients.create_client(vault, ClientFields(alias="Other"))
    unlocked.shell.sections["clients"].open_client(other)
    _detail, composer = _composer(unlocked, cid)
    assert composer.editor.toPlainText() == "Half a note"
    assert composer.services.ticked() == ticked
    composer.save()
    assert drafts.load_draft(vault, composer.draft_key) is None

    # A need worked on today pre-ticks its service; unticked, it stays unticked.
    ivy = clients.create_client(vault, ClientFields(alias="Ivy"))
    item = needs.add_need(vault, ivy, "transportation", "Bus pass")
    needs.set_status(vault, item, "in_progress")
    detail, composer = _composer(unlocked, ivy)
    # Pre-ticked once the record is painted (three reads, kept out of its opening).
    qtbot.waitUntil(lambda: composer.services.ticked() == ("transportation",))
    composer.services.set_ticked(())
    detail.show_tab("needs")
    detail.show_tab("notes")
    assert composer.services.ticked() == ()


def test_most_used_services_come_first_in_their_group(qtbot) -> None:
    picker = ServicesPicker({"relocation": 9, "transitional_housing": 3})
    qtbot.addWidget(picker)
    groups = [picker.tree.topLevelItem(i) for i in range(picker.tree.topLevelItemCount())]
    assert [g.text(0) for g in groups] == [
        "Information and referral",
        "Personal advocacy and accompaniment",
        "Emotional support and safety",
        "Shelter and housing",
        "Criminal and civil justice assistance",
    ]
    housing = groups[3]
    codes = [housing.child(i).data(0, Qt.ItemDataRole.UserRole) for i in range(3)]
    assert codes == ["relocation", "transitional_housing", "emergency_shelter"]
    advocacy = groups[1]
    names = [advocacy.child(i).text(0) for i in range(advocacy.childCount())]
    assert "Helped apply for crime victim compensation" in names


def test_the_services_list_is_made_when_opened_and_keeps_the_ticks_given_before(qtbot) -> None:
    """Most notes are saved with the list folded: it is made on first opening (it was a tenth
    of a record's opening), and ticks set before then (a draft, a suggestion) are on it."""
    from advocate_app.ui.qt import QTreeWidget

    picker = ServicesPicker()
    qtbot.addWidget(picker)
    picker.set_ticked(["transportation", "not a service"])
    picker.tick(["interpreter"])
    assert picker.findChildren(QTreeWidget) == []  # folded: nothing made yet
    assert set(picker.ticked()) == {"transportation", "interpreter"}  # not the unknown code
    assert "Ticked (2)" in picker.summary.text()
    picker.show()
    picker.open_and_focus()
    assert picker.findChildren(QTreeWidget) == [picker.tree] and picker.tree.isVisible()
    checked = set()
    for group in range(picker.tree.topLevelItemCount()):
        head = picker.tree.topLevelItem(group)
        for row in range(head.childCount()):
            if head.child(row).checkState(0) == Qt.CheckState.Checked:
                checked.add(head.child(row).data(0, Qt.ItemDataRole.UserRole))
    assert checked == {"transportation", "interpreter"}
    changed: list[int] = []
    picker.changed.connect(lambda: changed.append(1))
    current = picker.tree.currentItem()
    qtbot.keyClick(picker.tree, Qt.Key.Key_Space)  # the person ticks the first service
    assert changed == [1]
    assert current.data(0, Qt.ItemDataRole.UserRole) in picker.ticked()
    picker.set_ticked(())
    assert picker.ticked() == () and "none ticked" in picker.summary.text()
    picker.toggle.setChecked(False)
    assert not picker.tree.isVisible()


def test_labels_show_in_spanish(qtbot) -> None:
    apply_language(SPANISH)
    try:
        picker = ServicesPicker()
        qtbot.addWidget(picker)
        assert picker.tree.topLevelItem(0).text(0) == "Información y referidos"
        group = FunderQuestions()
        qtbot.addWidget(group)
        assert group.gender.itemText(2) == "Hombre o niño"
        names = [group.types.item(r).text() for r in range(group.types.count())]
        assert "Trata laboral" in names and "Labor trafficking" not in names
    finally:
        apply_language(ENGLISH)


def test_destroying_a_client_also_takes_their_draft_ticks(vault: Vault, today: date) -> None:
    cid = clients.create_client(vault, ClientFields(alias="Zoe"))
    drafts.save_draft(vault, f"note:new:client={cid}", "x", client_id=cid, services=["interpreter"])
    clients.destroy_client(vault, cid, "Zoe")
    assert drafts.load_draft(vault, f"note:new:client={cid}") is None


def test_the_voca_view_counts_compensation_and_reads_in_spanish(vault: Vault, qtbot) -> None:
    from advocate_app.ui.qt import QGroupBox, QLabel
    from advocate_app.ui.reports.voca_view import VocaFiguresView

    today = date(2026, 11, 30)
    cid = clients.create_client(vault, ClientFields(alias="Ona"))
    notes.add_note(
        vault,
        cid,
        "contact",
        "Filled in the claim form together.",
        at=datetime(2026, 8, 3, 15),
        services=["victim_compensation", "relocation"],
    )
    apply_language(SPANISH)
    try:
        view = VocaFiguresView(vault, lambda: today)
        qtbot.addWidget(view)
        assert view.quarter().code == "2026-Q4"  # July–September 2026
        view.show_figures()
        qtbot.waitUntil(lambda: view.figures is not None, timeout=15000)
        assert view.figures.figure("victim_compensation").total == 1
        assert "victim_compensation/victim_compensation/times" in view.copy_buttons
        titles = [w.title() for w in view.body.findChildren(QGroupBox)]
        assert "1. Personas que recibieron un servicio este trimestre" in titles
        shown = [w.text() for w in view.body.findChildren(QLabel)]
        # The PMT's English wording stays beside the Spanish, for the federal form.
        assert any(t.startswith("En el PMT: Number of individuals") for t in shown)
        assert any("D3. Ayudó a mudarse o a encontrar vivienda" in t for t in shown)
    finally:
        apply_language(ENGLISH)


def test_an_anonymous_contact_pre_ticks_from_its_kind_and_topics(vault: Vault, qtbot) -> None:
    from advocate_app.store import contacts
    from advocate_app.ui.clients.dialogs import AnonymousContactDialog

    dialog = AnonymousContactDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.kind.currentData() == "hotline"
    assert dialog.services.ticked() == ("hotline_counseling",)
    qtbot.mouseClick(dialog.topic_boxes["safety"], Qt.MouseButton.LeftButton)
    assert dialog.services.ticked() == ("crisis_intervention", "hotline_counseling")
    dialog.services.set_ticked(("crisis_intervention",))  # the advocate unticks one
    dialog.kind.setCurrentIndex(dialog.kind.findData("text"))  # suggests hotline again: no
    assert dialog.services.ticked() == ("crisis_intervention",)
    values = dialog.values()
    assert values["services"] == ["crisis_intervention"]
    contact_id = contacts.log_contact(vault, **values)
    assert voca_fields.contact_services(vault, contact_id) == ("crisis_intervention",)


def test_refused_answers_on_the_new_client_page_leave_no_record(unlocked, qtbot) -> None:
    section = unlocked.shell.show_section("clients")
    section.new_client()
    form = section.new_form
    qtbot.keyClicks(form.alias, "Lupe")
    # Answers the form no longer lists (an older form file, say): the save is refused whole.
    form.reporting = lambda: ReportingFields(race_ethnicity=("no-such-code",))
    qtbot.keyPress(form.alias, KEY.Key_Return)
    assert section.new_message.text() == "Choose race or ethnicity from the list."
    assert section.detail is None or section.detail.alias != "Lupe"
    with unlocked.vault.read() as s:
        assert "Lupe" not in list(s.scalars(select(Client.alias)))
