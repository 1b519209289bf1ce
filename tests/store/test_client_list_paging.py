"""The client list pages by keyset (the sort key, then the id), never by OFFSET.

Walking the pages with a small page size must give exactly the rows, in exactly the order, of
one big sorted read, for every filter and order: missing dates (NULL) and repeated keys (the
same intake day, the same alias in two cases) are where keyset paging usually goes wrong.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import update

from advocate_app.store import clients
from advocate_app.store.clients import ClientFields, ClientQuery, ClientRow
from advocate_app.store.models import Client, User
from advocate_app.store.sorting import sort_fold
from advocate_app.store.vault import Vault


def _fill(vault: Vault) -> str:
    other = "00000000-0000-0000-0000-0000000000aa"
    with vault.write() as s:
        s.add(User(id=other, name="Other", role="advocate", active=True))
    day = date(2025, 3, 1)
    for i in range(41):
        intake = None if i % 5 == 0 else day + timedelta(days=i % 4)  # many ties and NULLs
        word = ["amber", "Amber", "birch", "Cedar", "delta"][i % 5]
        cid = clients.create_client(
            vault,
            ClientFields(
                alias=f"{word} {i:02d}",
                intake_date=intake,
                assigned_user_id=other if i % 3 == 0 else None,
            ),
        )
        contact = None if i % 4 == 0 else datetime(2025, 4, 1, 9, 30) + timedelta(hours=i % 3)
        closed = i % 7 == 0
        with vault.write() as s:
            s.execute(
                update(Client)
                .where(Client.id == cid)
                .values(
                    last_contact_at=contact,
                    status="closed" if closed else "open",
                    # Closed clients may share an alias, in any case: ties for the alias order.
                    alias=word + " 0" if closed else f"{word} {i:02d}",
                    alias_sort=sort_fold(word + " 0" if closed else f"{word} {i:02d}"),
                )
            )
    return vault.current_user.id


def _expected(rows: list[ClientRow], sort: str, descending: bool) -> list[int]:
    def key(row: ClientRow) -> tuple[object, ...]:
        value = clients.sort_key(row, sort)
        if isinstance(value, str):
            value = value.casefold()
        # NULL first when ascending (SQLite's order), so last when descending.
        return (value is not None, value if value is not None else 0, row.id)

    return [r.id for r in sorted(rows, key=key, reverse=descending)]


def _walk_pages(vault: Vault, query: ClientQuery, size: int = 3) -> list[ClientRow]:
    """Every row of the list, one small page after another (each after the last row read)."""
    walked: list[ClientRow] = []
    for _ in range(100):
        page = clients.list_clients(vault, query, walked[-1] if walked else None, limit=size)
        walked.extend(page)
        if len(page) < size:
            break
    return walked


def test_keyset_pages_match_one_sorted_read(vault: Vault) -> None:
    me = _fill(vault)
    for status, mine, sort, descending in itertools.product(
        ("open", "closed", "all"), (False, True), ("alias", "intake", "last_contact"), (False, True)
    ):
        query = ClientQuery(
            status=status, mine_only=mine, sort=sort, descending=descending, user_id=me
        )
        everything = clients.list_clients(vault, query, limit=1000)
        assert len(everything) == clients.count_clients(vault, query)
        walked = _walk_pages(vault, query)
        label = f"{status} mine={mine} {sort} desc={descending}"
        assert [r.id for r in walked] == [r.id for r in everything], label
        assert [r.id for r in walked] == _expected(everything, sort, descending), label
    assert len(clients.all_clients(vault, ClientQuery(status="all"))) == 41


def test_a_page_after_the_last_row_is_empty(vault: Vault) -> None:
    _fill(vault)
    query = ClientQuery(status="all", sort="last_contact", descending=True)
    rows = clients.list_clients(vault, query, limit=1000)
    assert rows[-1].last_contact_at is None  # NULLs last when descending
    assert clients.list_clients(vault, query, rows[-1], limit=10) == []


@pytest.mark.parametrize(
    ("mine", "status"), [(True, "open"), (False, "open"), (True, "all"), (False, "all")]
)
def test_every_filter_by_alias_reads_an_index_in_order(
    vault: Vault, mine: bool, status: str
) -> None:
    """No filter of the list sorts the matching rows: an index gives them in order."""
    me = _fill(vault)
    query = ClientQuery(status=status, mine_only=mine, user_id=me)
    [plan] = _plans_of_page(vault, query, limit=200)  # the first page: one statement
    assert "TEMP B-TREE" not in plan, plan
    clients_step = next(step for step in plan.split(" | ") if " clients " in step + " ")
    assert "INDEX ix_clients_" in clients_step, plan  # rows in index order, stop at the limit
    assert "COVERING INDEX" in clients_step, plan  # and nothing read beside it (0010)


def _plans_of_page(
    vault: Vault, query: ClientQuery, after: ClientRow | None = None, limit: int = 5
) -> list[str]:
    """The query plan of every statement list_clients runs for the page after `after` (the
    first page when None)."""
    from tests.store.query_plans import plans_of

    return plans_of(vault, lambda: clients.list_clients(vault, query, after, limit=limit))


def test_a_later_page_starts_where_the_last_one_stopped(vault: Vault) -> None:
    """Every page after the first is an index range that starts at the last row's sort key:
    SQLite never reads (and skips) the rows of the pages before it, so scrolling to the end of
    a long list costs the same per page at any depth (the whole list stays linear)."""
    me = _fill(vault)
    column = {"alias": "alias_sort", "intake": "intake_date", "last_contact": "last_contact_at"}
    unbounded: list[str] = []
    for status, mine, sort, descending in itertools.product(
        ("open", "closed", "all"), (False, True), ("alias", "intake", "last_contact"), (False, True)
    ):
        query = ClientQuery(
            status=status, mine_only=mine, sort=sort, descending=descending, user_id=me
        )
        rows = clients.list_clients(vault, query, limit=1000)
        label = f"{status} mine={mine} {sort} desc={descending}"
        # A row with a sort key, and (for dates) one without: both segments of the list.
        starts = [r for r in rows if clients.sort_key(r, sort) is not None][:1]
        starts += [r for r in rows if clients.sort_key(r, sort) is None][:1]
        assert starts, label
        for after in starts:
            # The first statement continues after `after`; a later one (the page reaching the
            # rows without a date) starts that segment at its beginning.
            for plan in _plans_of_page(vault, query, after)[:1]:
                step = next(p for p in plan.split(" | ") if " clients " in p + " ")
                # A range on the key (or, among the rows without one, on the id), never a scan
                # from the start of the index.
                bounded = any(
                    f"{name}{op}?" in step for name in (column[sort], "rowid") for op in (">", "<")
                )
                if "TEMP B-TREE" in plan or not step.startswith("SEARCH") or not bounded:
                    unbounded.append(f"{label}: {plan}")
    assert not unbounded, "\n".join(unbounded)


def test_accented_aliases_sort_with_their_letter(vault: Vault) -> None:
    for alias in ("Zoe", "Émile", "alba", "Ángela", "Ñandú", "beto", "NOEL"):
        clients.create_client(vault, ClientFields(alias=alias))
    query = ClientQuery(status="all")
    walked: list[ClientRow] = []
    while True:
        page = clients.list_clients(vault, query, walked[-1] if walked else None, limit=2)
        walked.extend(page)
        if len(page) < 2:
            break
    assert [row.alias for row in walked] == [
        "alba",
        "Ángela",
        "beto",
        "Émile",
        "Ñandú",
        "NOEL",
        "Zoe",
    ]
    # Renaming keeps the key beside the alias.
    first = walked[0].id
    clients.update_client(vault, first, ClientFields(alias="Úrsula"))
    aliases = [row.alias for row in clients.all_clients(vault, query)]
    assert aliases.index("Úrsula") == aliases.index("Zoe") - 1


# --- a filter by alias words (issue 21) ------------------------------------------------------

WORDS = ("amb", "AMBER", "c", "amber 1", "zz", "ced 0", "%")


def _by_words(rows: list[ClientRow], typed: str) -> list[ClientRow]:
    """The rows whose alias has, for every typed word, a word that starts with it."""
    wanted = [w.casefold() for w in typed.split() if w.isalnum()]
    return [
        r
        for r in rows
        if wanted and all(any(a.startswith(w) for a in r.alias.casefold().split()) for w in wanted)
    ]


@pytest.mark.parametrize("many", [False, True])
def test_a_filter_by_words_pages_like_one_read_with_either_plan(
    vault: Vault, monkeypatch: pytest.MonkeyPatch, many: bool
) -> None:
    """Few matches are looked up one by one, many are found by reading the list's index in
    order: either way, every filter and order gives the matching rows, in order, page by page."""
    if many:
        monkeypatch.setattr(clients, "FEW_MATCHES", 0)
    me = _fill(vault)
    for typed, status, mine, sort, descending in itertools.product(
        WORDS, ("open", "all"), (False, True), ("alias", "intake", "last_contact"), (False, True)
    ):
        base = ClientQuery(
            status=status, mine_only=mine, sort=sort, descending=descending, user_id=me
        )
        query = ClientQuery(**{**base.__dict__, "text": typed})
        label = f"{typed!r} {status} mine={mine} {sort} desc={descending}"
        everything = clients.list_clients(vault, base, limit=1000)
        expected = [r.id for r in _by_words(everything, typed)]
        walked = _walk_pages(vault, query)
        assert [r.id for r in walked] == expected, label
        assert clients.count_clients(vault, query) == len(expected), label


def _clients_step(plan: str) -> str:
    return next(step for step in plan.split(" | ") if " clients " in step + " ")


@pytest.mark.parametrize(("mine", "status"), [(True, "open"), (False, "all"), (True, "all")])
def test_words_that_match_many_clients_read_the_lists_index_in_order(
    vault: Vault, monkeypatch: pytest.MonkeyPatch, mine: bool, status: str
) -> None:
    """A one-letter filter at 50,000 clients matches thousands: looked up one by one, each
    lookup decrypted a page of the table (55 ms). Past FEW_MATCHES, the page is read from the
    list's own index, in order, and stops when full."""
    me = _fill(vault)
    query = ClientQuery(text="a", status=status, mine_only=mine, user_id=me)
    monkeypatch.setattr(clients, "FEW_MATCHES", 3)  # "a" matches 16 of the 41
    count_plan, plan = _plans_of_page(vault, query, limit=200)
    assert "count(" not in plan
    step = _clients_step(plan)
    assert "INDEX ix_clients_" in step, plan
    assert "TEMP B-TREE" not in plan, plan
    assert "INTEGER PRIMARY KEY" not in plan, plan
    assert "clients_fts" in count_plan  # the matches counted in the FTS index alone
    assert " clients " not in count_plan + " ", count_plan


@pytest.mark.parametrize(("mine", "status"), [(True, "open"), (False, "all"), (True, "all")])
def test_words_that_match_few_clients_look_them_up(vault: Vault, mine: bool, status: str) -> None:
    """A word that matches few clients (or none) reads just those: not every client of the
    advocate, or of the status, through their indexes (30 ms at 50,000 for a word that
    matched none)."""
    me = _fill(vault)
    query = ClientQuery(text="birch 0", status=status, mine_only=mine, user_id=me)
    plan = _plans_of_page(vault, query, limit=200)[-1]  # after the count of the matches
    assert "SEARCH clients USING INTEGER PRIMARY KEY (rowid=?)" in _clients_step(plan), plan
