"""The shipped reference library (articles, resource directory, search index), loaded once per
process and shared by the Reference section and the search box. Pure Python and public text: the
ui warms it up on a worker thread while the person types the passphrase, so the first unlock
does not wait for Markdown parsing."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from advocate_app.library.index import ReferenceIndex
from advocate_app.library.parsing import Article, load_articles
from advocate_app.library.resources import ShippedResource, load_shipped_resources
from advocate_app.library.translations import Shelf, load_translations
from advocate_app.paths import assets_dir

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShippedLibrary:
    """Public, shipped text: the articles, the national directory and their search index."""

    articles: list[Article]  # English
    resources: list[ShippedResource]
    index: ReferenceIndex  # both languages
    translations: list[Article] = field(default_factory=list)  # assets/reference/es/

    @property
    def shelf(self) -> Shelf:
        return Shelf(self.articles, self.translations)


_lock = threading.Lock()
_loaded: ShippedLibrary | None = None


def shipped_library() -> ShippedLibrary:
    """The library, loaded on first call (from any thread; later calls wait for the first)."""
    global _loaded
    with _lock:
        if _loaded is None:
            _loaded = _load()
        return _loaded


def is_loaded() -> bool:
    """Whether shipped_library() would return at once (the warm-up already loaded it)."""
    return _loaded is not None


def _load() -> ShippedLibrary:
    folder = assets_dir()
    articles, problems = load_articles(folder / "reference")
    translations, more = load_translations(folder / "reference", articles)
    for problem in [*problems, *more]:
        log.warning("reference article skipped: %s", problem)
    try:
        resources = load_shipped_resources(folder / "resources" / "shipped.toml")
    except (OSError, ValueError):
        log.warning("the shipped resource directory could not be read")
        resources = []
    return ShippedLibrary(
        articles, resources, ReferenceIndex([*articles, *translations], resources), translations
    )


__all__ = ["ShippedLibrary", "is_loaded", "shipped_library"]
