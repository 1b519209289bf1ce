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
from functools import lru_cache
from typing import TYPE_CHECKING

from advocate_app.i18n import QT_TR_NOOP, message, translate
from advocate_app.paths import assets_dir

if TYPE_CHECKING:  # the unlock window imports this module; the date module only when checking
    from datetime import date

MAX_PASSPHRASE_CHARS = 1024
MIN_PASSPHRASE_CHARS = 10
MIN_PASSPHRASE_SCORE = 3  # zxcvbn 0..4: "safely unguessable" for an offline attack
_ZXCVBN_MAX = 72
TEMPORARY_WORDS = 5  # 5 words of 7,776: about 64 bits, read out in person
WORDLIST_PATH = ("wordlists", "eff_large_wordlist.txt")

TOO_LONG = QT_TR_NOOP("Use at most {0} characters; a few unrelated words are plenty.")
TOO_SHORT = QT_TR_NOOP("Use at least {0} characters; a few unrelated words work well.")
EASY_TO_GUESS = QT_TR_NOOP("This passphrase would be easy to guess.")

# zxcvbn's feedback is a fixed set of English sentences (zxcvbn/feedback.py). Marked here so
# the person reads them in the language of the interface; one zxcvbn adds later shows as is.
ZXCVBN_FEEDBACK = (
    QT_TR_NOOP("Add another word or two. Uncommon words are better."),
    QT_TR_NOOP("Capitalization doesn't help very much."),
    QT_TR_NOOP("Reversed words aren't much harder to guess."),
    QT_TR_NOOP("Predictable substitutions like '@' instead of 'a' don't help very much."),
    QT_TR_NOOP("Use a few words, avoid common phrases."),
    QT_TR_NOOP("No need for symbols, digits, or uppercase letters."),
    QT_TR_NOOP("Straight rows of keys are easy to guess."),
    QT_TR_NOOP("Short keyboard patterns are easy to guess."),
    QT_TR_NOOP("This is a top-10 common password."),
    QT_TR_NOOP("This is similar to a commonly used password."),
    QT_TR_NOOP("A word by itself is easy to guess."),
    QT_TR_NOOP("All-uppercase is almost as easy to guess as all-lowercase."),
    QT_TR_NOOP("Use a longer keyboard pattern with more turns."),
    QT_TR_NOOP('Repeats like "aaa" are easy to guess.'),
    QT_TR_NOOP('Repeats like "abcabcabc" are only slightly harder to guess than "abc".'),
    QT_TR_NOOP("This is a top-100 common password."),
    QT_TR_NOOP("This is a very common password."),
    QT_TR_NOOP("Names and surnames by themselves are easy to guess."),
    QT_TR_NOOP("Common names and surnames are easy to guess."),
    QT_TR_NOOP("Avoid repeated words and characters."),
    QT_TR_NOOP('Sequences like "abc" or "6543" are easy to guess.'),
    QT_TR_NOOP("Avoid sequences."),
    QT_TR_NOOP("Recent years are easy to guess."),
    QT_TR_NOOP("Dates are often easy to guess."),
    QT_TR_NOOP("Avoid recent years."),
    QT_TR_NOOP("Avoid years that are associated with you."),
    QT_TR_NOOP("Avoid dates and years that are associated with you."),
)

# The 100 counties of North Carolina, where the offices are: "AsheCounty2026" is weak there.
NC_COUNTIES = (
    "Alamance",
    "Alexander",
    "Alleghany",
    "Anson",
    "Ashe",
    "Avery",
    "Beaufort",
    "Bertie",
    "Bladen",
    "Brunswick",
    "Buncombe",
    "Burke",
    "Cabarrus",
    "Caldwell",
    "Camden",
    "Carteret",
    "Caswell",
    "Catawba",
    "Chatham",
    "Cherokee",
    "Chowan",
    "Clay",
    "Cleveland",
    "Columbus",
    "Craven",
    "Cumberland",
    "Currituck",
    "Dare",
    "Davidson",
    "Davie",
    "Duplin",
    "Durham",
    "Edgecombe",
    "Forsyth",
    "Franklin",
    "Gaston",
    "Gates",
    "Graham",
    "Granville",
    "Greene",
    "Guilford",
    "Halifax",
    "Harnett",
    "Haywood",
    "Henderson",
    "Hertford",
    "Hoke",
    "Hyde",
    "Iredell",
    "Jackson",
    "Johnston",
    "Jones",
    "Lee",
    "Lenoir",
    "Lincoln",
    "McDowell",
    "Macon",
    "Madison",
    "Martin",
    "Mecklenburg",
    "Mitchell",
    "Montgomery",
    "Moore",
    "Nash",
    "NewHanover",
    "Northampton",
    "Onslow",
    "Orange",
    "Pamlico",
    "Pasquotank",
    "Pender",
    "Perquimans",
    "Person",
    "Pitt",
    "Polk",
    "Randolph",
    "Richmond",
    "Robeson",
    "Rockingham",
    "Rowan",
    "Rutherford",
    "Sampson",
    "Scotland",
    "Stanly",
    "Stokes",
    "Surry",
    "Swain",
    "Transylvania",
    "Tyrrell",
    "Union",
    "Vance",
    "Wake",
    "Warren",
    "Washington",
    "Watauga",
    "Wayne",
    "Wilkes",
    "Wilson",
    "Yadkin",
    "Yancey",
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
    if today is None:
        from datetime import date

        today = date.today()
    year = today.year
    found += [str(y) for y in range(year - 5, year + 3)]
    found += _fixed_inputs()
    return list(dict.fromkeys(w for w in found if w))


def passphrase_strength(passphrase: str, user_inputs: list[str] | None = None) -> int:
    """zxcvbn's 0..4 guessability score (0 for an empty passphrase). Never raises."""
    from zxcvbn import zxcvbn

    if not passphrase:
        return 0
    return int(
        zxcvbn(passphrase[:_ZXCVBN_MAX], user_inputs=checker_inputs(user_inputs or []))["score"]
    )


def passphrase_problem(passphrase: str, user_inputs: list[str] | None = None) -> str | None:
    """Why a new passphrase is not acceptable, in plain words, or None when it is.

    In the language of the interface (advocate_app.i18n): read it when it is shown."""
    from zxcvbn import zxcvbn

    if len(passphrase) > MAX_PASSPHRASE_CHARS:
        return message(TOO_LONG, (f"{MAX_PASSPHRASE_CHARS:,}",))
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        return message(TOO_SHORT, (MIN_PASSPHRASE_CHARS,))
    result = zxcvbn(passphrase[:_ZXCVBN_MAX], user_inputs=checker_inputs(user_inputs or []))
    if result["score"] < MIN_PASSPHRASE_SCORE:
        feedback = result.get("feedback") or {}
        parts = [EASY_TO_GUESS, feedback.get("warning") or "", *(feedback.get("suggestions") or [])]
        return " ".join(translate(part) for part in parts if part)
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
