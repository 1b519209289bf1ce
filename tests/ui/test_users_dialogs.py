"""Settings → Users: removing and resetting re-key the vault, the supervisor chooses what
happens to the older backups, and the dialogs say that copies elsewhere still open with the old
passphrase; "someone else may know it" on a passphrase change does the same."""

from __future__ import annotations

from advocate_app.store import users
from advocate_app.ui.qt import QDialog
from advocate_app.ui.settings import users_dialogs
from tests.helpers import PASSPHRASE
from tests.ui.helpers import click_accept

NEW = "lantern orchard pebble violin 77"


def test_remove_and_reset_ask_about_backups_and_warn_about_copies(
    unlocked, qtbot, monkeypatch
) -> None:
    controller = unlocked
    vault = controller.vault
    jo = users.add_user(vault, "Jo", "advocate").user
    ana = users.add_user(vault, "Ana", "advocate").user
    section = controller.shell.show_section("settings")
    section.users.refresh_users()
    seen: list[tuple[str, str]] = []
    shown: list[str] = []

    def choose_delete(dialog) -> int:
        dialog.grab().save("/tmp/i12-revoke-dialog.png")
        texts = " ".join(w.text() for w in dialog.findChildren(users_dialogs.QLabel))
        seen.append((dialog.windowTitle(), texts))
        dialog.delete.setChecked(True)
        return QDialog.DialogCode.Accepted

    def read_it_out(dialog) -> int:
        dialog.grab().save("/tmp/i12-shown-once.png")
        shown.append(dialog.secret.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(users_dialogs.RevokeDialog, "exec", choose_delete)
    monkeypatch.setattr(users_dialogs.ShownOnceDialog, "exec", read_it_out)

    def select(name: str) -> None:
        for i in range(section.users.user_list.count()):
            if section.users.user_list.item(i).text().startswith(name):
                section.users.user_list.setCurrentRow(i)

    select("Jo")
    section.users.remove_user()
    qtbot.waitUntil(lambda: "was removed" in section.users.users_status.text(), timeout=30000)
    assert "USB stick" in seen[0][1] and "still open with the old passphrase" in seen[0][1]
    assert "USB stick" in section.users.users_status.text()
    assert jo.id not in {u.id for u in users.list_users(vault)}

    select("Ana")
    section.users.reset_passphrase()
    qtbot.waitUntil(
        lambda: "new temporary passphrase" in section.users.users_status.text(), timeout=30000
    )
    assert len(shown) == 1 and len(shown[0].split()) == 5
    from advocate_app.ui.qt import QApplication

    QApplication.processEvents()  # let the wrapped status line take its height
    controller.shell.grab().save("/tmp/i12-settings-users.png")
    assert users.list_users(vault)[0].name == "Ana"
    assert ana.id in {u.id for u in users.list_users(vault) if u.must_change_passphrase}


def test_a_change_someone_else_may_know_re_keys(unlocked, qtbot, monkeypatch) -> None:
    controller = unlocked
    section = controller.shell.show_section("settings")
    key_before = controller.vault.data_key_copy()

    def fill(dialog) -> int:
        qtbot.keyClicks(dialog.current, PASSPHRASE)
        qtbot.keyClicks(dialog.new, NEW)
        qtbot.keyClicks(dialog.repeat, NEW)
        dialog.someone_knows.setChecked(True)
        assert dialog.delete_backups.isVisibleTo(dialog)  # a supervisor is asked
        assert "USB stick" in dialog.hint.text()
        dialog.grab().save("/tmp/i12-change-dialog.png")
        click_accept(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(users_dialogs.ChangePassphraseDialog, "exec", fill)
    section.change_passphrase()
    qtbot.waitUntil(lambda: "new key" in section.status.text(), timeout=30000)
    assert controller.vault.data_key_copy() != key_before
    assert controller.vault.verify_passphrase(NEW)
