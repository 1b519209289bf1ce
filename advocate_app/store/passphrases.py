"""What makes a passphrase acceptable, and the temporary passphrases the app makes itself.

The strength check is zxcvbn. It refuses input above 72 characters, so only the first 72 are
rated (a longer passphrase is at least as strong); passphrases are accepted up to
MAX_PASSPHRASE_CHARS. The checker is told what an attacker who knows the office would try
first: the words of the office's and the person's names (each alone and run together), the
county names of North Carolina, and the years around now.
"""

from __future__ import annotations

import itertools
import re
import secrets
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from advocate_app.paths import assets_dir

MAX_PASSPHRASE_CHARS = 1024
MIN_PASSPHRASE_CHARS = 10
MIN_PASSPHRASE_SCORE = 3  # zxcvbn 0..4: "safely unguessable" for an offline attack
_ZXCVBN_MAX = 72
TEMPORARY_WORDS = 5  # 5 words of 7,776: about 64 bits, read out in person
WORDLIST_PATH = ("wordlists", "eff_large_wordlist.txt")

TOO_LONG = (f"Use at most {MAX_PASSPHRASE_CHARS:,} characters; a few unrelated words are "
            "plenty.")

# The 100 counties of North Carolina, where the offices are: "AsheCounty2026" is weak there.
NC_COUNTIES = (
    "Alamance", "Alexander", "Alleghany", "Anson", "Ashe", "Avery", "Beaufort", "Bertie", "Bladen",
    "Brunswick", "Buncombe", "Burke", "Cabarrus", "Caldwell", "Camden", "Carteret", "Caswell",
    "Catawba", "Chatham", "Cherokee", "Chowan", "Clay", "Cleveland", "Columbus", "Craven",
    "Cumberland", "Currituck", "Dare", "Davidson", "Davie", "Duplin", "Durham", "Edgecombe",
    "Forsyth", "Franklin", "Gaston", "Gates", "Graham", "Granville", "Greene", "Guilford",
    "Halifax", "Harnett", "Haywood", "Henderson", "Hertford", "Hoke", "Hyde", "Iredell", "Jackson",
    "Johnston", "Jones", "Lee", "Lenoir", "Lincoln", "McDowell", "Macon", "Madison", "Martin",
    "Mecklenburg", "Mitchell", "Montgomery", "Moore", "Nash", "NewHanover", "Northampton",
    "Onslow", "Orange", "Pamlico", "Pasquotank", "Pender", "Perquimans", "Person", "Pitt", "Polk",
    "Randolph", "Richmond", "Robeson", "Rockingham", "Rowan", "Rutherford", "Sampson", "Scotland",
    "Stanly", "Stokes", "Surry", "Swain", "Transylvania", "Tyrrell", "Union", "Vance", "Wake",
    "Warren", "Washington", "Watauga", "Wayne", "Wilkes", "Wilson", "Yadkin", "Yancey"
)

_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _fixed_inputs() -> tuple[str, ...]:
    found: list[str] = ["county", "advocacy", "advocate", "carolina", "northcarolina"]
    for county in NC_COUNTIES:
        name = county.lower()
        found += [name, name + "county", name + "co"]
    return tuple(found)


def checker_inputs(names: Iterable[str | None], today: date | None = None) -> list[str]:
    """The guessable words for the strength check: every word of every name, adjacent words
    run together, the whole name run together, the county names and the nearby years."""
    found: list[str] = []
    for name in names:
        if not name:
            continue
        words = [w.lower() for w in _WORD.findall(name)]
        found += words
        found += [a + b for a, b in itertools.pairwise(words)]
        if len(words) > 2:
            found.append("".join(words))
    year = (today or date.today()).year
    found += [str(y) for y in range(year - 5, year + 3)]
    found += _fixed_inputs()
    return list(dict.fromkeys(w for w in found if w))


def passphrase_strength(passphrase: str, user_inputs: list[str] | None = None) -> int:
    """zxcvbn's 0..4 guessability score (0 for an empty passphrase). Never raises."""
    from zxcvbn import zxcvbn

    if not passphrase:
        return 0
    return int(zxcvbn(passphrase[:_ZXCVBN_MAX],
                      user_inputs=checker_inputs(user_inputs or []))["score"])


def passphrase_problem(passphrase: str, user_inputs: list[str] | None = None) -> str | None:
    """Why a new passphrase is not acceptable, in plain words, or None when it is."""
    from zxcvbn import zxcvbn

    if len(passphrase) > MAX_PASSPHRASE_CHARS:
        return TOO_LONG
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        return "Use at least 10 characters; a few unrelated words work well."
    result = zxcvbn(passphrase[:_ZXCVBN_MAX], user_inputs=checker_inputs(user_inputs or []))
    if result["score"] < MIN_PASSPHRASE_SCORE:
        feedback = result.get("feedback") or {}
        hint = feedback.get("warning") or ""
        tip = " ".join(feedback.get("suggestions") or [])
        return " ".join(
            part for part in ["This passphrase would be easy to guess.", hint, tip] if part
        )
    return None


@lru_cache(maxsize=1)
def word_list() -> tuple[str, ...]:
    """The EFF large word list shipped in assets/wordlists (CC BY 3.0 US; see its README)."""
    path = assets_dir().joinpath(*WORDLIST_PATH)
    words = tuple(w.strip() for w in path.read_text("utf-8").splitlines() if w.strip())
    if len(set(words)) < 7000:  # a damaged install must never shrink the choice silently
        raise RuntimeError("the shipped word list is incomplete")
    return words


def new_temporary_passphrase(words: int = TEMPORARY_WORDS) -> str:
    """Random words (secrets module), to be read out to the person once."""
    choice = word_list()
    return " ".join(secrets.choice(choice) for _ in range(words))
