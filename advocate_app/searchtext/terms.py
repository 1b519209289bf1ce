"""What a person typed, turned into search terms: words folded, common words dropped, synonyms
and abbreviations added, and a safe FTS5 expression built from the result. Pure Python: the
vault's indexes (advocate_app.store) and the reference library's (advocate_app.library) share it.

The same parsing serves every index. Each index says how one word becomes what it stores
(`Stemming`): the vault's FTS5 tables stem inside SQLite (the porter tokenizer), so words go in
as typed; the in-memory reference index is stemmed here in Python (Snowball, English and
Spanish), so words are stemmed before they are quoted. Either way only double-quoted words,
OR, AND, parentheses and `*` reach MATCH: no text a person types is ever read as syntax.
"""

from __future__ import annotations

import re
import threading
import tomllib
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import Stemmer

from advocate_app.searchtext import marks
from advocate_app.searchtext.stopwords import STOP_WORDS

MAX_TERMS = 10
PREFIX_MIN = 3  # "T" must not find "the": short words match whole words only


def fold(text: str) -> str:
    """Lowercase without accents, as the unicode61 tokenizer (remove_diacritics 2) sees words."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


MAX_WORDS = 40  # a long question spoken out loud, before its common words go


def _fold_word(word: str) -> str:
    return word.lower() if word.isascii() else fold(word)  # most words: no accents to remove


def words(text: str) -> list[str]:
    """The folded words of a text, as the tokenizer splits them (apostrophes separate)."""
    found = marks.token_pattern().findall(fold(text[: marks.MAX_INPUT_CHARS]))
    return [w[: marks.MAX_TOKEN_CHARS] for w in found[:MAX_WORDS]]


# --- synonyms ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Synonyms:
    """Phrase (a tuple of folded words) → the phrases that also count for it."""

    table: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = field(default_factory=dict)

    @property
    def longest(self) -> int:
        return max((len(k) for k in self.table), default=1)

    def expand(self, phrase: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        return self.table.get(phrase, ())


def parse_synonyms(text: str, name: str = "synonyms.toml") -> Synonyms:
    """The reviewed list; ValueError with a sentence naming the entry when it is malformed."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{name}: not valid TOML ({exc}).") from None
    groups = data.get("group", [])
    if not isinstance(groups, list):
        raise ValueError(f"{name}: entries must be written as [[group]] tables.")
    table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for number, group in enumerate(groups, start=1):
        where = f"{name}, group {number}"
        if not isinstance(group, dict) or set(group) - {"words", "means"}:
            raise ValueError(f"{where}: a group has only “words” and “means”.")
        lists = []
        for key in ("words", "means"):
            value = group.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{where}: “{key}” must be a list of words or phrases.")
            phrases = [tuple(words(v)) for v in value]
            if any(not p for p in phrases):
                raise ValueError(f"{where}: an entry of “{key}” has no word in it.")
            lists.append(phrases)
        same, means = lists
        if not same:
            raise ValueError(f"{where}: “words” needs at least one entry.")
        for phrase in same:
            extra = table.setdefault(phrase, [])
            for other in [*same, *means]:
                if other != phrase and other not in extra:
                    extra.append(other)
    return Synonyms({k: tuple(v) for k, v in table.items()})


@lru_cache(maxsize=4)
def load_synonyms(path: Path | None = None) -> Synonyms:
    if path is None:
        from advocate_app.paths import assets_dir

        path = assets_dir() / "search" / "synonyms.toml"
    return parse_synonyms(path.read_text(encoding="utf-8"), path.name)


# --- parsing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One thing the person asked for: what they typed and every phrase that counts for it."""

    typed: tuple[str, ...]  # folded words as typed (one, or a phrase from the synonym list)
    forms: tuple[tuple[str, ...], ...]  # typed first, then synonyms
    prefix: bool = False  # the last word while typing: matches words starting with it

    @property
    def text(self) -> str:
        return " ".join(self.typed)


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...]

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.terms)

    def replaced(self, index: int, term: Term) -> Query:
        terms = list(self.terms)
        terms[index] = term
        return Query(tuple(terms))


def parse(text: str, synonyms: Synonyms | None = None, *, prefix_last: bool = True) -> Query:
    """Terms of what a person typed. Common words go unless nothing else is left."""
    if not isinstance(text, str):
        return Query(())
    found = words(text)
    if not found:
        return Query(())
    synonyms = synonyms if synonyms is not None else load_synonyms()
    # Phrases from the synonym list first ("green card", "plan de seguridad"), longest wins,
    # before stop words go: "de" inside a listed phrase is part of it.
    groups: list[tuple[str, ...]] = []
    i = 0
    while i < len(found):
        for size in range(min(synonyms.longest, len(found) - i), 0, -1):
            phrase = tuple(found[i : i + size])
            if size > 1 and synonyms.expand(phrase):
                groups.append(phrase)
                i += size
                break
        else:
            groups.append((found[i],))
            i += 1
    kept = [g for g in groups if len(g) > 1 or g[0] not in STOP_WORDS]
    if not kept:
        kept = groups  # "to be or not": search what is there rather than nothing
    kept = list(dict.fromkeys(kept))[:MAX_TERMS]
    terms = []
    for n, phrase in enumerate(kept):
        last = n == len(kept) - 1
        prefix = prefix_last and last and len(phrase) == 1 and len(phrase[0]) >= PREFIX_MIN
        terms.append(Term(phrase, (phrase, *synonyms.expand(phrase)), prefix))
    return Query(tuple(terms))


# --- FTS5 expressions --------------------------------------------------------------------------

# How an index turns one folded word into the tokens it stores: alternatives for that word.
Stemming = Callable[[str], Sequence[str]]


def as_typed(word: str) -> Sequence[str]:
    """For an FTS5 table that stems with its own tokenizer: the word as typed."""
    return (word,)


_LOCAL = threading.local()


def _stemmer(language: str) -> Stemmer.Stemmer:
    # PyStemmer objects are not thread-safe, and searches run on the GUI thread (the Reference
    # section) and on the pool (the search box) at once: one stemmer per thread and language.
    stemmers = getattr(_LOCAL, "stemmers", None)
    if stemmers is None:
        stemmers = _LOCAL.stemmers = {}
    if language not in stemmers:
        stemmers[language] = Stemmer.Stemmer(language)
    return stemmers[language]


def stem(word: str, language: str = "english") -> str:
    return str(_stemmer(language).stemWord(word))  # PyStemmer ships no type information


def snowball(word: str) -> Sequence[str]:
    """For the reference index (each article stored with the stems of its language): the
    English stem, and the Spanish one, so a word finds a text in either language."""
    return tuple(dict.fromkeys((stem(word, "english"), stem(word, "spanish"))))


def _quote(token: str) -> str:
    # Tokens come from marks.tokens: letters and digits only, so no quote can be inside.
    return '"' + token.replace('"', "") + '"'


def term_expression(term: Term, stemming: Stemming) -> str:
    """(form OR form …): a word with its stems and prefix, a phrase as consecutive words."""
    parts: list[str] = []
    for form in term.forms:
        if len(form) == 1:
            word = form[0]
            for token in stemming(word):
                star = "*" if term.prefix and form == term.typed else ""
                parts.append(_quote(token) + star)
            if term.prefix and form == term.typed and stemming is not as_typed:
                parts.append(_quote(word) + "*")  # "subpoe" as typed, before stemming
        else:  # a phrase: stemmed as one language throughout (English, then Spanish)
            options = [stemming(w) for w in form]
            for k in range(max(len(o) for o in options)):
                parts.append(_quote(" ".join(o[min(k, len(o) - 1)] for o in options)))
    unique = list(dict.fromkeys(parts))
    return unique[0] if len(unique) == 1 else "(" + " OR ".join(unique) + ")"


def all_of(query: Query, stemming: Stemming) -> str | None:
    if not query:
        return None
    return " AND ".join(term_expression(t, stemming) for t in query.terms)


def any_of(query: Query, stemming: Stemming) -> str | None:
    if not query:
        return None
    return " OR ".join(term_expression(t, stemming) for t in query.terms)


def expressions(query: Query, stemming: Stemming) -> list[str]:
    return [term_expression(t, stemming) for t in query.terms]


# --- typo correction ---------------------------------------------------------------------------

# Similarity = 100 × (1 − edits / length), edits counting a swap of two letters as one.
# "lisence"→"license" is 71, "safty"→"safety" 83; unrelated words of that length stay below.
FUZZY_CUTOFF = 70.0
FUZZY_SHORT_CUTOFF = 80.0  # one wrong letter in a short word is another word ("cafe"/"safe")
FUZZY_SHORT = 5


def by_length(vocabulary: Mapping[str, int]) -> dict[int, list[str]]:
    """An index's words (digits left out) by length, for closest_word on a vocabulary that
    stays the same between searches (the reference library's)."""
    out: dict[int, list[str]] = {}
    for v in vocabulary:
        if not v.isdigit():
            out.setdefault(len(v), []).append(v)
    return out


def closest_word(
    word: str, vocabulary: Mapping[str, int], lengths: Mapping[int, list[str]] | None = None
) -> str | None:
    """The word of an index's own vocabulary (word → how often) closest to a word that matched
    nothing: the most similar, and of equally similar ones the most frequent. `lengths`: the
    vocabulary's by_length(), when kept."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    if len(word) < 3 or word.isdigit():
        return None
    cutoff = FUZZY_SHORT_CUTOFF if len(word) < FUZZY_SHORT else FUZZY_CUTOFF
    if lengths is not None:
        candidates = [v for n in range(len(word) - 3, len(word) + 4) for v in lengths.get(n, ())]
    else:
        candidates = [v for v in vocabulary if abs(len(v) - len(word)) <= 3 and not v.isdigit()]
    scored = process.extract(
        word, candidates, scorer=OSA.normalized_similarity, score_cutoff=cutoff / 100, limit=None
    )
    if not scored:
        return None
    best = max(scored, key=lambda s: (s[1], vocabulary[s[0]], s[0]))
    return best[0]


def split_words(word: str, has: Callable[[str], bool]) -> tuple[str, str] | None:
    """ "obrien" → ("o", "brien") when both halves are words of the index (`has`): a name typed
    without its apostrophe, or two words typed as one."""
    for cut in range(1, len(word) - 1):
        left, right = word[:cut], word[cut:]
        if has(left) and has(right):
            return left, right
    return None


# --- snippets for texts stemmed in Python --------------------------------------------------------


# A text's words with where they are: (start, end, folded, stem). Built once per text for an
# index kept in memory, so highlighting is set lookups.
Spans = list[tuple[int, int, str, str]]


def spans(text: str, language: str = "english") -> Spans:
    found = [
        (m.start(), m.end(), _fold_word(m.group())) for m in marks.token_pattern().finditer(text)
    ]
    stems = _stemmer(language).stemWords([f for _a, _b, f in found])
    return [(a, b, f, st) for (a, b, f), st in zip(found, stems, strict=True)]


def _wanted(query: Query, language: str) -> tuple[set[str], tuple[str, ...]]:
    """Stems that mark a word, and prefixes (the word being typed) that mark one too."""
    stems: set[str] = set()
    prefixes: list[str] = []
    for term in query.terms:
        for form in term.forms:
            for word in form:
                stems.add(stem(word, language))
                stems.add(stem(word, "spanish"))
                stems.add(word)
        if term.prefix:
            prefixes.append(term.typed[0])
    return stems, tuple(prefixes)


def _candidates(stems: set[str], prefixes: tuple[str, ...]) -> re.Pattern[str] | None:
    starts = {st[: max(1, min(4, len(st) - 1))] for st in stems if st} | set(prefixes)
    if not starts:
        return None
    return re.compile(
        r"(?<![^\W_])(?:" + "|".join(map(re.escape, sorted(starts))) + r")[^\W_]*", re.IGNORECASE
    )


def _quick_region(
    text: str,
    stems: set[str],
    prefixes: tuple[str, ...],
    language: str,
    words_shown: int,
    pattern: re.Pattern[str] | None,
) -> tuple[int, Spans, list[int]] | None:
    """For a note's plain ASCII text: the region around the densest matches, its words and the
    matching positions, finding candidates with one regular expression instead of stemming
    every word. A stem keeps the first letters of its word (all but its last, four at most),
    so only words starting like a wanted stem are stemmed."""
    if pattern is None:
        return None
    stemmer = _stemmer(language)
    anchors = []
    for m in pattern.finditer(text):
        word = m.group().lower()
        if (
            stemmer.stemWord(word) in stems
            or word in stems
            or (prefixes and word.startswith(prefixes))
        ):
            anchors.append(m.start())
    if not anchors:
        return None
    reach = words_shown * 8  # characters: about the window's words

    def dense(a: int) -> tuple[int, int]:
        return (sum(1 for b in anchors if a - 20 <= b < a + reach), -a)

    anchor = max(anchors, key=dense)
    begin = max(0, anchor - 40)
    region = text[begin : anchor + reach + 40]
    found: Spans = []
    wanted = set(anchors)
    positions = []
    for i, m in enumerate(marks.token_pattern().finditer(region)):
        a, b = begin + m.start(), begin + m.end()
        found.append((a, b, "", ""))
        if a in wanted:
            positions.append(i)
    if begin > 0 and found and text[begin - 1 : begin].isalnum():
        found.pop(0)  # the region started inside a word: drop that piece
        positions = [p - 1 for p in positions if p > 0]
    return begin, found, positions


class Highlighter:
    """Marks the words of one query in texts; build once per query, use for every row."""

    def __init__(self, query: Query, language: str = "english") -> None:
        self.language = language
        self.stems, self.prefixes = _wanted(query, language)
        self.pattern = _candidates(self.stems, self.prefixes)

    def __call__(self, text: str, words_shown: int = 14, at: Spans | None = None) -> str | None:
        return _highlight(self, text, words_shown, at)


def highlight(
    text: str,
    query: Query,
    *,
    language: str = "english",
    words_shown: int = 14,
    at: Spans | None = None,
) -> str | None:
    """A window of `text` around the densest run of query words, those words between
    marks.MARK_START/MARK_END; None when no word of the query is in the text. `at`: the
    text's spans() when already known."""
    return Highlighter(query, language)(text, words_shown, at)


def _highlight(h: Highlighter, text: str, words_shown: int, at: Spans | None) -> str | None:
    stems, prefixes, language = h.stems, h.prefixes, h.language
    cut_before = False
    if at is None and text.isascii():
        quick = _quick_region(text, stems, prefixes, language, words_shown, h.pattern)
        if quick is None:
            return None
        begin, found, positions = quick
        cut_before = begin > 0 and bool(
            marks.token_pattern().search(text, 0, found[0][0] if found else begin)
        )
    else:
        found = at if at is not None else spans(text, language)
        if prefixes:
            positions = [
                i for i, w in enumerate(found) if w[3] in stems or w[2].startswith(prefixes)
            ]
        else:
            positions = [i for i, w in enumerate(found) if w[3] in stems]
    if not positions:
        return None
    hit = set(positions)
    lead = 2

    def count(start: int) -> int:
        return sum(1 for p in positions if start <= p < start + words_shown)

    first = max((max(0, p - lead) for p in positions), key=lambda s: (count(s), -s))
    last = min(len(found), first + words_shown)
    out: list[str] = []
    cursor = found[first][0]
    for i in range(first, last):
        a, b = found[i][0], found[i][1]
        out.append(text[cursor:a])
        out.append(f"{marks.MARK_START}{text[a:b]}{marks.MARK_END}" if i in hit else text[a:b])
        cursor = b
    before = marks.ELLIPSIS if first > 0 or cut_before else ""
    after = (
        marks.ELLIPSIS if last < len(found) or marks.token_pattern().search(text, cursor) else ""
    )
    return before + "".join(out) + after
