"""One search box for everything: reference articles and resources, clients by alias, notes.

Each kind is searched with the same safe query builder (advocate_app.store.search), so no text a
person types can raise. Results come back grouped by kind, best first within each group.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from advocate_app.store import notes, search
from advocate_app.store.reference import ReferenceIndex
from advocate_app.store.vault import Vault

KINDS = ("article", "resource", "client", "note")


@dataclass(frozen=True)
class Hit:
    kind: str  # one of KINDS
    title: str  # shown in bold (escaped by the ui)
    snippet_html: str  # already escaped, matches in <b>
    target: dict[str, object] = field(default_factory=dict)  # what to open


@dataclass(frozen=True)
class Results:
    groups: dict[str, list[Hit]]

    def first(self) -> Hit | None:
        for kind in KINDS:
            if self.groups.get(kind):
                return self.groups[kind][0]
        return None

    def total(self) -> int:
        return sum(len(v) for v in self.groups.values())


def search_clients(vault: Vault, query_text: str, limit: int = 10) -> list[Hit]:
    rows = search.ranked_matches(
        vault, query_text, fts="clients_fts", table="clients", columns="r.id, r.alias, r.status",
        snippet_column=0, snippet_words=8, limit=limit,
        order="r.status = 'closed', bm25(clients_fts)")
    return [
        Hit("client", r[1], search.snippet_to_html(r[3]) + (" · closed" if r[2] == "closed"
                                                           else ""),
            {"client_id": r[0]})
        for r in rows
    ]


def search_everything(vault: Vault | None, reference: ReferenceIndex | None,
                      query_text: str, per_kind: int = 8) -> Results:
    groups: dict[str, list[Hit]] = {kind: [] for kind in KINDS}
    if not query_text.strip():
        return Results(groups)
    if reference is not None:
        for ref in reference.search(query_text, limit=per_kind * 2):
            if len(groups[ref.kind]) < per_kind:
                groups[ref.kind].append(Hit(ref.kind, ref.title, ref.snippet_html,
                                            {"key": ref.key}))
    if vault is not None and vault.is_unlocked:
        from advocate_app.store.resources import search_resources

        local = [Hit("resource", h.name, h.snippet_html, {"key": h.name, "local": True})
                 for h in search_resources(vault, query_text, per_kind)]
        groups["resource"] = (local + groups["resource"])[:per_kind]
        groups["client"] = search_clients(vault, query_text, per_kind)
        groups["note"] = [
            Hit("note", h.alias, h.snippet_html, {"client_id": h.client_id, "note_id": h.note_id})
            for h in notes.search_notes(vault, query_text, limit=per_kind)
        ]
    return Results(groups)
