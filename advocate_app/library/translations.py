"""The library in two languages: each English article with its translations.

A translation lives in `assets/reference/<language>/<slug>.md` under the English article's slug
(assets/reference/es/README.md is the contract). In a language, the library shows the
translation of a slug when there is one and the English article otherwise (with a note the ui
writes); a translation whose English source was reviewed after it was written is flagged as
possibly out of date. No Qt: the ui turns these facts into words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from advocate_app.library.parsing import LANGUAGES, Article, load_articles

ENGLISH = "en"
# Languages with a folder of translations beside the English articles.
TRANSLATED = tuple(code for code in LANGUAGES if code != ENGLISH)


def load_translations(
    folder: Path,
    english: Sequence[Article],
) -> tuple[list[Article], list[str]]:
    """The translations in `folder`/<language>/ for the English articles given, and one
    sentence per file skipped (a wrong language, or no English article of that slug)."""
    slugs = {a.slug for a in english}
    found: list[Article] = []
    problems: list[str] = []
    for language in TRANSLATED:
        sub = folder / language
        if not sub.is_dir():
            continue
        articles, errors = load_articles(sub)
        problems.extend(f"{language}/{e}" for e in errors)
        for article in articles:
            if article.language != language:
                problems.append(f"{language}/{article.slug}.md: “language” must be {language}.")
            elif article.translation_of is None:
                problems.append(
                    f"{language}/{article.slug}.md: a translation needs "
                    "“translation_of” and “source_reviewed”."
                )
            elif article.slug not in slugs:
                problems.append(
                    f"{language}/{article.slug}.md: there is no English article "
                    "of that name to translate."
                )
            else:
                found.append(article)
    return found, problems


@dataclass(frozen=True)
class Shown:
    """What the library shows for one slug in one language."""

    article: Article  # the text to show: the translation, or the English article
    english: Article  # the English article of the slug
    untranslated: bool = False  # asked for another language; shown in English
    stale: bool = False  # a translation whose English source was reviewed after it
    source_last_reviewed: dt.date | None = None  # for a translation: its English source's date

    @property
    def slug(self) -> str:
        return self.english.slug


class Shelf:
    """Every article by slug and language."""

    def __init__(self, english: Iterable[Article], translations: Iterable[Article] = ()) -> None:
        self._english = {a.slug: a for a in english}
        self._by_language: dict[str, dict[str, Article]] = {}
        for t in translations:
            if t.slug in self._english and t.language != ENGLISH:
                self._by_language.setdefault(t.language, {})[t.slug] = t

    @property
    def english(self) -> list[Article]:
        return list(self._english.values())

    def translations(self) -> list[Article]:
        return [a for by_slug in self._by_language.values() for a in by_slug.values()]

    def versions(self, slug: str) -> dict[str, Article]:
        """An article's versions by language code, English first ({} for an unknown slug)."""
        if slug not in self._english:
            return {}
        out = {ENGLISH: self._english[slug]}
        for language, by_slug in self._by_language.items():
            if slug in by_slug:
                out[language] = by_slug[slug]
        return out

    def source_last_reviewed(self, translation: Article) -> dt.date | None:
        """The newest `last_reviewed` among the English articles a translation follows."""
        days = [
            self._english[s].last_reviewed
            for s in translation.sources_of_translation
            if s in self._english
        ]
        return max(days, default=None)

    def is_stale(self, translation: Article) -> bool:
        """A translation older than its source: an English article it follows was reviewed
        after the English review date it was written from."""
        newest = self.source_last_reviewed(translation)
        return (
            translation.source_reviewed is not None
            and newest is not None
            and newest > translation.source_reviewed
        )

    def show(self, slug: str, language: str = ENGLISH) -> Shown | None:
        english = self._english.get(slug)
        if english is None:
            return None
        if language == ENGLISH:
            return Shown(english, english)
        translation = self._by_language.get(language, {}).get(slug)
        if translation is None:
            return Shown(english, english, untranslated=True)
        return Shown(
            translation,
            english,
            stale=self.is_stale(translation),
            source_last_reviewed=self.source_last_reviewed(translation),
        )

    def listing(self, language: str = ENGLISH) -> list[Shown]:
        """Every slug as shown in `language`, in the English articles' order."""
        out = []
        for slug in self._english:
            shown = self.show(slug, language)
            assert shown is not None
            out.append(shown)
        return out


__all__ = ["ENGLISH", "TRANSLATED", "Shelf", "Shown", "load_translations"]
