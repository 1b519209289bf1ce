"""The resource directory and referrals."""

from __future__ import annotations

from datetime import date

import pytest

from advocate_app.store import clients, needs, referrals, resources
from advocate_app.store.clients import ClientFields
from advocate_app.store.errors import InvalidInput
from advocate_app.store.resources import ResourceFields
from advocate_app.store.search_all import search_everything
from advocate_app.store.summary_queries import compute_counts


def test_local_resources_crud_and_search(vault) -> None:
    rid = resources.add_resource(
        vault,
        ResourceFields(
            "Riverbend Family Shelter",
            "housing",
            phone="555-0100",
            county="Invented County",
            notes="Accepts families with children; call ahead after 6 pm.",
        ),
    )
    with pytest.raises(InvalidInput, match="already"):
        resources.add_resource(vault, ResourceFields("riverbend family shelter", "housing"))
    with pytest.raises(InvalidInput, match="shipped"):
        resources.add_resource(
            vault, ResourceFields("National Human Trafficking Hotline", "hotline")
        )
    with pytest.raises(InvalidInput):
        resources.add_resource(vault, ResourceFields("X", "spaceship"))
    names = [e.name for e in resources.directory(vault)]
    assert names[0] == "Riverbend Family Shelter"
    assert "National Human Trafficking Hotline" in names
    hits = resources.search_resources(vault, "famil")
    assert [h.id for h in hits] == [rid] and "<b>" in hits[0].snippet_html
    found = search_everything(vault, None, "riverbend shelter").groups["resource"]
    assert found and found[0].title == "Riverbend Family Shelter"
    resources.update_resource(vault, rid, ResourceFields("Riverbend Shelter", "housing"))
    assert resources.search_resources(vault, "family") == []
    resources.delete_resource(vault, rid)
    assert resources.local_resources(vault) == []
    for text in ['"', "NEAR(", "*", "AND", "😀", "x" * 10_000]:
        resources.search_resources(vault, text)


def test_linking_a_need_to_a_resource_is_a_referral(vault) -> None:
    resources.add_resource(vault, ResourceFields("Invented County Legal Aid", "legal"))
    cid = clients.create_client(vault, ClientFields(alias="Finch"))
    nid = needs.add_need(vault, cid, "legal_immigration", "T visa consultation")
    needs.update_need(vault, nid, resource_name="Invented County Legal Aid")
    needs.add_need(
        vault, cid, "housing", "Emergency shelter", resource_name="Somewhere not in the directory"
    )
    needs.add_need(
        vault, cid, "recovery", "Hotline call", resource_name="National Human Trafficking Hotline"
    )
    found = {r.resource_name: r.resource_category for r in referrals.list_referrals(vault, cid)}
    assert found == {
        "Invented County Legal Aid": "legal",
        "Somewhere not in the directory": "other",
        "National Human Trafficking Hotline": "hotline",
    }
    today = date.today()
    counts = compute_counts(vault, today.replace(day=1), today, "this month")
    assert counts.referrals["legal"] == 1 and counts.referrals["other"] == 1
    assert counts.referrals["hotline"] == 1
    clients.destroy_client(vault, cid, "Finch")
    assert referrals.list_referrals(vault, cid) == []
