"""The Resources section: add a local entry, find it from the one search box, copy a number."""

from __future__ import annotations

from advocate_app.ui.qt import QGuiApplication, Qt


def test_add_find_and_copy(unlocked, qtbot) -> None:
    section = unlocked.shell.show_section("resources")
    assert section.list.count() >= 8  # the shipped national and statewide entries
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(section.name, "Invented County DMV")
    section.category.setCurrentIndex(section.category.findData("government"))
    qtbot.keyClicks(section.phone, "555-0188")
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert "Saved" in section.message.text()
    assert section.current is not None and section.current.local

    shell = unlocked.shell
    shell.search.setText("dmv")
    page = shell.search_page
    page.run("dmv")
    assert page.results.groups["resource"][0].title == "Invented County DMV"
    page.open_hit.emit(page.results.groups["resource"][0])
    assert shell.current_key() == "resources"
    assert section.current.name == "Invented County DMV"

    qtbot.mouseClick(section.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "555-0188"


def test_shipped_entries_are_read_only(unlocked, qtbot) -> None:
    section = unlocked.shell.show_section("resources")
    section.select("National Human Trafficking Hotline")
    assert section.current is not None and not section.current.local
    assert section.name.isReadOnly() and not section.save_button.isVisible()
    assert "1-888-373-7888" in section.phone.text()


def test_read_only_fields_look_read_only_and_rows_are_set_apart(unlocked, qtbot) -> None:
    section = unlocked.shell.show_section("resources")
    assert section.list.alternatingRowColors() and section.list.spacing() > 0

    def field_colour():  # type: ignore[no-untyped-def]
        field = section.county
        image = field.grab().toImage()
        return image.pixelColor(field.width() - 8, field.height() // 2).name()

    section.select("National Human Trafficking Hotline")
    qtbot.waitUntil(lambda: section.county.isReadOnly())
    shipped = field_colour()
    section.new_resource()
    qtbot.waitUntil(lambda: not section.county.isReadOnly())
    editable = field_colour()
    assert shipped != editable  # a read-only field is not drawn as an empty box to type in
