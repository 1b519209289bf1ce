"""The sign-in label: the office's name (or what the office chose) shown on the unlock screen
before anything is decrypted, so a person sees which vault they are unlocking. It is plain text in
the keys file, set at first run and by supervisors; a damaged, hostile or missing label never
stops an unlock (DESIGN.md, decisions 2026-11-30)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advocate_app.store import sign_in_label
from advocate_app.store.errors import InvalidInput, NotAllowed
from advocate_app.store.keyslots import SIGN_IN_LABEL_MAX, KeysFile, clean_sign_in_label
from advocate_app.store.layout import KEYS_FILE_NAME
from advocate_app.store.vault import CurrentUser, Vault
from tests.helpers import OFFICE, PASSPHRASE


def _keys_document(folder: Path) -> dict:
    return json.loads((folder / KEYS_FILE_NAME).read_text(encoding="utf-8"))


def _write_keys_document(folder: Path, doc: dict) -> None:
    (folder / KEYS_FILE_NAME).write_text(json.dumps(doc), encoding="utf-8")


def _reopen(vault: Vault) -> Vault:
    folder, user_id = vault.folder, vault.current_user.id
    vault.close()
    again = Vault.open(folder)
    again.unlock(user_id, PASSPHRASE)
    return again


def test_a_new_vault_shows_its_office_name_before_unlock(vault: Vault) -> None:
    assert _keys_document(vault.folder)["sign_in_label"] == OFFICE
    folder = vault.folder
    vault.close()
    locked = Vault.open(folder)
    try:
        assert sign_in_label.shown_label(locked) == OFFICE  # nothing decrypted yet
    finally:
        locked.close()


def test_first_run_can_hide_it_or_choose_another(tmp_path: Path) -> None:
    hidden, _ = Vault.create(
        tmp_path / "hidden",
        office_name="Riverbend",
        user_name="Ana",
        passphrase=PASSPHRASE,
        kdf_target_seconds=0,
        sign_in_label="",
    )
    hidden.close()
    assert "sign_in_label" not in _keys_document(tmp_path / "hidden")
    other, _ = Vault.create(
        tmp_path / "other",
        office_name="Riverbend",
        user_name="Ana",
        passphrase=PASSPHRASE,
        kdf_target_seconds=0,
        sign_in_label="  Front desk\nlaptop  ",
    )
    assert sign_in_label.shown_label(other) == "Front desk laptop"
    other.close()


def test_a_supervisor_changes_and_hides_it_and_it_is_audited(vault: Vault) -> None:
    sign_in_label.set_label(vault, "Riverbend — court laptop")
    vault = _reopen(vault)
    assert sign_in_label.shown_label(vault) == "Riverbend — court laptop"
    sign_in_label.set_label(vault, "")
    assert "sign_in_label" not in _keys_document(vault.folder), "hidden means not in the file"
    vault = _reopen(vault)
    assert sign_in_label.shown_label(vault) == ""
    from sqlalchemy import select

    from advocate_app.store.models import AuditEvent

    with vault.read() as s:
        actions = list(s.scalars(select(AuditEvent.action)))
    assert actions.count("sign_in_label_changed") == 2
    vault.close()


def test_an_advocate_may_not_change_it(vault: Vault) -> None:
    me = vault.current_user
    vault.user = CurrentUser(me.id, me.name, "advocate", False)
    with pytest.raises(NotAllowed):
        sign_in_label.set_label(vault, "Mine")
    assert sign_in_label.shown_label(vault) == OFFICE


def test_a_too_long_label_is_refused_with_a_message(vault: Vault) -> None:
    with pytest.raises(InvalidInput):
        sign_in_label.set_label(vault, "x" * (SIGN_IN_LABEL_MAX + 1))
    assert sign_in_label.shown_label(vault) == OFFICE


def test_an_old_vault_without_a_label_shows_nothing_and_still_unlocks(vault: Vault) -> None:
    folder, user_id = vault.folder, vault.current_user.id
    vault.close()
    doc = _keys_document(folder)
    del doc["sign_in_label"]
    _write_keys_document(folder, doc)
    old = Vault.open(folder)
    assert sign_in_label.shown_label(old) == ""
    old.unlock(user_id, PASSPHRASE)
    assert old.is_unlocked
    old.close()


@pytest.mark.parametrize(
    "stored",
    [
        {"html": "<b>x</b>"},
        ["a", "b"],
        12345,
        None,
        True,
        "\u202eeciffo\u202c<img src=x>\x00\x1b[31m",
        "A" * 100_000,
        "<a href='https://example.org'>Call us</a>",
    ],
)
def test_a_tampered_label_never_stops_an_unlock(vault: Vault, stored: object) -> None:
    folder, user_id = vault.folder, vault.current_user.id
    vault.close()
    doc = _keys_document(folder)
    doc["sign_in_label"] = stored
    _write_keys_document(folder, doc)
    tampered = Vault.open(folder)
    shown = sign_in_label.shown_label(tampered)
    assert len(shown) <= SIGN_IN_LABEL_MAX
    assert all(ch.isprintable() for ch in shown)
    assert "\u202e" not in shown and "\x00" not in shown
    tampered.unlock(user_id, PASSPHRASE)
    assert tampered.is_unlocked
    tampered.close()


def test_the_label_survives_a_change_of_users(vault: Vault) -> None:
    from advocate_app.store import users

    sign_in_label.set_label(vault, "Front desk")
    users.add_user(vault, "Jo", "advocate")
    assert KeysFile.load(vault.folder).sign_in_label == "Front desk"


def test_cleaning_keeps_a_plain_line() -> None:
    assert clean_sign_in_label("  Oficina de Ayuda —  Condado Rural ") == (
        "Oficina de Ayuda — Condado Rural"
    )
    assert clean_sign_in_label("a\tb\r\nc") == "a b c"
    assert clean_sign_in_label(7) == ""


def test_a_demo_vault_shows_its_demo_label(tmp_path: Path) -> None:
    from advocate_app.demo.engine import DEMO_OFFICE, open_demo_vault

    demo = open_demo_vault(tmp_path / "demo")
    try:
        assert sign_in_label.shown_label(demo) == DEMO_OFFICE
    finally:
        demo.close()
