"""The shipped reference library as the ui uses it: loaded once per run and shared by the
Reference section, the Resources section and the one search box."""

from __future__ import annotations

from advocate_app.store.library import shipped_library
from advocate_app.store.reference import Article, ReferenceIndex, ShippedResource


class ReferenceLibrary:
    """Public, shipped text: loaded once per run and shared by the section and the search."""

    _instance: ReferenceLibrary | None = None

    def __init__(self) -> None:
        # Loaded once per process, usually already on a worker thread while the passphrase
        # was typed (ui.warmup).
        loaded = shipped_library()
        self.articles: list[Article] = loaded.articles
        self.resources: list[ShippedResource] = loaded.resources
        self.index: ReferenceIndex = loaded.index

    @classmethod
    def shared(cls) -> ReferenceLibrary:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance
