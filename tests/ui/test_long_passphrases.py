"""Long passphrases on the set-up page: the strength meter never crashes, and past the limit
the page says so plainly (issue 12 point 8)."""

from __future__ import annotations

import pytest

from advocate_app.ui.vault.pages import SetupPage


@pytest.mark.parametrize(("length", "refused"), [(73, False), (1000, False), (100_000, True)])
def test_setup_page_with_long_passphrases(qtbot, length: int, refused: bool) -> None:
    page = SetupPage()
    qtbot.addWidget(page)
    page.office.setText("Riverbend Advocacy")
    page.user.setText("Maria")
    phrase = ("plum tractor quietly harbor " * 4000)[:length]
    page.passphrase.setText(phrase)
    page.repeat.setText(phrase)
    assert page.meter.words.text() != ""
    submitted: list[str] = []
    page.submitted.connect(lambda _office, _user, p: submitted.append(p))
    page.create_button.click()  # the signal is emitted at once, or not at all
    if refused:
        assert "1,024" in page.message.text()
        assert submitted == []
    else:
        assert page.message.text() == ""
        assert submitted == [phrase]
