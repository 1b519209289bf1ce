"""Passphrase rules: any length up to the limit, names and years count as guessable
(issue 12 point 8), and temporary passphrases are made by the app (point 3)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from advocate_app.store import users
from advocate_app.store.errors import InvalidInput
from advocate_app.store.vault import (
    MIN_PASSPHRASE_SCORE,
    Vault,
    passphrase_problem,
    passphrase_strength,
)
from tests.helpers import PASSPHRASE

OFFICE = "Riverbend Advocacy"
LONG = "correct horse battery staple " * 4000  # 116,000 characters


@pytest.mark.parametrize("length", [73, 100, 1000, 1024])
def test_long_passphrases_are_rated_without_a_crash(length: int) -> None:
    phrase = ("plum tractor quietly harbor " * 50)[:length]
    assert passphrase_strength(phrase, [OFFICE, "Maria"]) >= MIN_PASSPHRASE_SCORE
    assert passphrase_problem(phrase, [OFFICE, "Maria"]) is None


@pytest.mark.parametrize("length", [1025, 100_000])
def test_past_the_limit_a_clear_message(length: int) -> None:
    phrase = LONG[:length]
    assert passphrase_strength(phrase, [OFFICE]) >= 0  # the meter never crashes
    problem = passphrase_problem(phrase, [OFFICE])
    assert problem is not None and "1,024" in problem


@pytest.mark.parametrize(
    "phrase", ["Riverbend2024!", "AsheCounty2026", "Advocacy2027!", f"Riverbend{date.today().year}"]
)
def test_office_words_counties_and_years_are_weak(phrase: str) -> None:
    assert passphrase_strength(phrase, [OFFICE, "Maria Lopez"]) < MIN_PASSPHRASE_SCORE
    assert passphrase_problem(phrase, [OFFICE, "Maria Lopez"]) is not None


def test_setup_with_a_long_passphrase_works_and_too_long_is_refused(tmp_path: Path) -> None:
    phrase = ("plum tractor quietly harbor " * 40)[:1000]
    vault, _recovery = Vault.create(
        tmp_path / "v",
        office_name=OFFICE,
        user_name="Maria",
        passphrase=phrase,
        kdf_target_seconds=0,
    )
    user_id = vault.current_user.id
    vault.close()
    with Vault.open(tmp_path / "v") as again:
        assert again.unlock(user_id, phrase).name == "Maria"
        # An absurd passphrase typed at unlock is simply wrong, never a crash.
        from advocate_app.store.errors import WrongPassphrase

        with pytest.raises(WrongPassphrase):
            again.unlock(user_id, LONG)
    with pytest.raises(InvalidInput, match="1,024"):
        Vault.create(
            tmp_path / "w",
            office_name=OFFICE,
            user_name="Maria",
            passphrase=LONG,
            kdf_target_seconds=0,
        )


def test_changing_to_a_long_passphrase(vault: Vault) -> None:
    with pytest.raises(InvalidInput, match="1,024"):
        users.change_own_passphrase(vault, PASSPHRASE, LONG)
    phrase = ("plum tractor quietly harbor " * 40)[:900]
    users.change_own_passphrase(vault, PASSPHRASE, phrase)
    assert vault.verify_passphrase(phrase)
