"""How names sort on screen: "Ángela" with the A's, "ñ" with the n's, "maria" beside "María".

SQLite's NOCASE folds only ASCII letters, so an accented alias sorted after Z. The folded form is
stored beside the alias (clients.alias_sort, migration 0009) with the indexes the client list
pages through, so keyset paging keeps reading one index range.
"""

from __future__ import annotations

import unicodedata


def sort_fold(text: str) -> str:
    """text without accents and case: the key a list sorts by."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.casefold()
