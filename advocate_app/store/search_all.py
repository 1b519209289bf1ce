"""One search box for everything: reference articles and resources, clients by alias, notes.

Each kind owns its search (the library's ReferenceIndex, resources.search_resources,
clients.search_clients, notes.find_notes), all with the same query parsing
(advocate_app.searchtext), so no text a person types can raise; this module only merges them.
The hits come back as one list, best first whatever their kind: a hit with more of the searched
terms beats one with fewer, a title (an article's title, a resource's name, a client's alias)
that has them all beats a passage that mentions them, and within a kind each index's own
ranking decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from advocate_app.library.index import ReferenceIndex, ReferenceResults
from advocate_app.store import clients, notes, resources
from advocate_app.store.vault import Vault

KINDS = ("article", "resource", "client", "note")


@dataclass(frozen=True)
class Hit:
    kind: str  # one of KINDS
    title: str  # shown in bold (escaped by the ui)
    snippet_html: str  # already escaped, matches in <b>
    target: dict[str, object] = field(default_factory=dict)  # what to open
    score: float = 0.0  # comparable across kinds within one search; higher is better


@dataclass(frozen=True)
class Results:
    hits: list[Hit] = field(default_factory=list)  # best first, any kind
    searched_for: str = ""  # a typo was corrected: the terms searched ("safety plan")
    typed: str = ""  # … and what was typed ("safty plan"), to search for instead
    newest_notes_first: bool = False  # many notes matched: newest shown, ranking to follow

    @property
    def groups(self) -> dict[str, list[Hit]]:
        out: dict[str, list[Hit]] = {kind: [] for kind in KINDS}
        for hit in self.hits:
            out[hit.kind].append(hit)
        return out

    @property
    def corrected(self) -> bool:
        return bool(self.searched_for)

    def first(self) -> Hit | None:
        return self.hits[0] if self.hits else None

    def total(self) -> int:
        return len(self.hits)


def _score(share: float, whole_title: bool, position: int) -> float:
    # Share of the terms first (0–10), a title with all of them next (3), then the index's own
    # order (2 for its best hit, falling off): "T visa" opens the article titled T visa, a
    # client's alias beats notes that mention it, and a note with all the words of a question
    # beats an article with one of them.
    return 10.0 * share + (3.0 if whole_title else 0.0) + 2.0 / (1 + position)


def search_everything(
    vault: Vault | None,
    reference: ReferenceIndex | None,
    query_text: str,
    per_kind: int = 8,
    *,
    correct: bool = True,
    full_ranking: bool = False,
    language: str | None = None,
) -> Results:
    """One ranked list. With `correct`, a word that matches nothing is corrected (and the
    Results say so); `full_ranking` ranks every matching note even when very many match.
    Articles are searched in both languages (titles included) and listed once each, in
    `language` when written in it ("es": the Spanish version). Raises SearchFailed when an
    index cannot be read; the ui says "search failed"."""
    if not isinstance(query_text, str) or not query_text.strip():
        return Results()
    hits: list[Hit] = []
    searched_for, typed = "", ""
    text = query_text
    vault_open = vault is not None and vault.is_unlocked
    if reference is not None:
        found = reference.search_results(
            query_text, limit=per_kind * 2, correct=correct, language=language
        )
        if found.corrected and vault is not None and vault_open and _vault_has_any(vault, found):
            # Not a typo after all: the vault has the word ("Sparrow", a client's alias).
            found = reference.search_results(
                query_text, limit=per_kind * 2, correct=False, language=language
            )
        if found.corrected:
            searched_for, typed = found.searched_for, found.typed
            text = found.searched_for
        per: dict[str, int] = {}
        for ref in found.hits:
            position = per.get(ref.kind, 0)
            if position >= per_kind:
                continue
            per[ref.kind] = position + 1
            target: dict[str, object] = {"key": ref.key}
            if ref.kind == "article":
                target["language"] = ref.language
            hits.append(
                Hit(
                    ref.kind,
                    ref.title,
                    ref.snippet_html,
                    target,
                    _score(ref.matched, ref.in_title, position),
                )
            )
    newest = False
    if vault_open:
        assert vault is not None
        for position, h in enumerate(resources.search_resources(vault, text, per_kind)):
            hits.append(
                Hit(
                    "resource",
                    h.name,
                    h.snippet_html,
                    {"key": h.name, "local": True},
                    _score(1.0, False, position) + 0.5,
                )
            )  # the office's own first
        for position, c in enumerate(clients.search_clients(vault, text, per_kind)):
            hits.append(
                Hit(
                    "client",
                    c.alias,
                    c.snippet_html,
                    {"client_id": c.client_id},
                    _score(1.0, True, position),
                )
            )
        found_notes = notes.find_notes(
            vault,
            text,
            limit=per_kind,
            correct=correct and not searched_for,
            full_ranking=full_ranking,
            snippet_words=10,
        )
        if found_notes.searched_for:
            searched_for, typed = found_notes.searched_for, found_notes.typed
        newest = found_notes.newest_first
        for position, n in enumerate(found_notes.hits):
            share = 1.0 if position < found_notes.with_every_term else 0.5
            hits.append(
                Hit(
                    "note",
                    n.alias,
                    n.snippet_html,
                    {"client_id": n.client_id, "note_id": n.note_id},
                    _score(share, False, position),
                )
            )
    order = {kind: n for n, kind in enumerate(KINDS)}
    hits.sort(key=lambda h: (-h.score, order[h.kind]))
    return Results(hits, searched_for, typed, newest)


def _vault_has_any(vault: Vault, found: ReferenceResults) -> bool:
    """Whether a word the reference corrected is one the vault holds as typed ("Sparrow",
    a client's alias): then it was no typo."""
    changed = [w for w in found.typed.split() if w not in found.searched_for.split()]
    return any(
        clients.search_clients(vault, word, 1)
        or notes.find_notes(vault, word, limit=1, correct=False).hits
        for word in changed
    )
