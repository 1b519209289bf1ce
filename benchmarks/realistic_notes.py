"""The realistic note corpus of the benchmarks: thousands of distinct words drawn with Zipf
frequencies (a few very common, most rare), with names, places and dates, as real notes read.
make_vault's phrase-reuse corpus repeats twenty sentences instead, which makes every word common
and every index small; search_bench draws its realistic queries from the same vocabulary.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

COMMON = (
    "the a and to of in for with on at by was is she he they her client called met "
    "discussed asked said will not about from after before next week today her his "
    "court housing shelter bus pass license visa hearing attorney legal aid appointment "
    "safety plan phone interpreter employer passport childcare subsidy recovery peer "
    "support transportation medical food rent job application form release referral "
    "follow up declined agreed safe time message certificate birth protective order "
    "county office program letter school children family work money debt fear threat "
    "police report victim compensation counseling group evening morning afternoon"
).split()
NAMES = (
    "Maria Jose Ana Luis Rosa Carmen Juan Elena Sofia Diego Grace Tasha Keisha Amber "
    "Brittany Jasmine Destiny Crystal Dwayne Marcus Tyrone Kevin Hannah Olivia "
    "O'Brien "
    "McAllister Nguyen Tran Pham Okafor Mensah Alvarez Hernandez Lopez Garcia Smith Jones "
    "Johnson Williams Brown Davis Miller Wilson Moore Taylor Thomas Jackson White "
    "Harris"
).split()
PLACES = (
    "Robeson Sampson Duplin Bladen Columbus Harnett Johnston Wayne Lenoir Pitt Edgecombe "
    "Halifax Northampton Hertford Bertie Martin Beaufort Craven Onslow Pender Brunswick "
    "Lumberton Clinton Kenansville Elizabethtown Whiteville Lillington Smithfield "
    "Goldsboro Kinston Greenville Tarboro Rocky Mount Ahoskie Windsor Williamston "
    "Washington Jacksonville Burgaw Bolivia Fayetteville Raleigh Durham"
).split()
SYLLABLES = (
    "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go la le li "
    "lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su "
    "ta te ti to tu va ve vi vo za ze zi zo tra tre tri pro pre gra gre stra ment "
    "tion ness ing er ous ive al ic ly"
).split()


def realistic_vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    words = list(dict.fromkeys(COMMON))
    seen = set(words)
    while len(words) < size:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


class RealisticNotes:
    """Notes of 20 to 120 words from a Zipf-distributed vocabulary, names, places and dates."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = realistic_vocabulary(rng)
        self.weights = [1.0 / (rank**1.07) for rank in range(1, len(self.words) + 1)]

    def __call__(self) -> str:
        rng = self.rng
        n = rng.randint(20, 120)
        out = rng.choices(self.words, weights=self.weights, k=n)
        for _ in range(rng.randint(0, 3)):
            out.insert(rng.randrange(len(out) + 1), rng.choice(NAMES))
        for _ in range(rng.randint(0, 2)):
            out.insert(rng.randrange(len(out) + 1), rng.choice(PLACES))
        if rng.random() < 0.5:
            d = date(2024, 1, 1) + timedelta(days=rng.randint(0, 900))
            out.insert(rng.randrange(len(out) + 1), d.strftime("%B %d, %Y"))
        text = " ".join(out)
        return text[0].upper() + text[1:] + "."
