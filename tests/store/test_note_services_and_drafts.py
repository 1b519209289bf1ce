"""A note's services change with its edit, in the same transaction; a draft keeps its ticks
beside its text (issue 20)."""

from __future__ import annotations

import pytest

from advocate_app.store import clients, drafts, notes
from advocate_app.store.clients import ClientFields
from advocate_app.store.errors import InvalidInput
from advocate_app.store.vault import Vault
from advocate_app.store.voca_fields import note_services


def test_editing_a_note_replaces_its_services(vault: Vault) -> None:
    cid = clients.create_client(vault, ClientFields(alias="Ada"))
    nid = notes.add_note(vault, cid, "contact", "Called.", services=["hotline_counseling"])
    notes.edit_note(
        vault, nid, "contact", "Called.", services=["hotline_counseling", "interpreter"]
    )
    assert note_services(vault, nid) == ("interpreter", "hotline_counseling")  # form order
    assert notes.get_note(vault, nid).edited_at is None  # the text did not change
    notes.edit_note(vault, nid, "contact", "Called back.")  # services left as they were
    assert note_services(vault, nid) == ("interpreter", "hotline_counseling")  # form order
    with pytest.raises(InvalidInput):  # an unknown code: nothing changes, text included
        notes.edit_note(vault, nid, "contact", "Changed.", services=["teleport"])
    assert notes.get_note(vault, nid).body == "Called back."
    assert note_services(vault, nid) == ("interpreter", "hotline_counseling")  # form order


def test_a_draft_keeps_its_ticks_and_loses_both_together(vault: Vault) -> None:
    key = "note:new:client=1"
    drafts.save_draft(vault, key, "Half", client_id=1, services=["transportation"])
    draft = drafts.load_draft(vault, key)
    assert draft is not None and (draft.body, draft.services) == ("Half", ("transportation",))
    drafts.save_draft(vault, key, "Half a note")  # services not given: kept
    assert drafts.load_draft(vault, key).services == ("transportation",)
    drafts.save_draft(vault, key, "", services=["transportation"])  # ticks without text: kept
    assert drafts.load_draft(vault, key).services == ("transportation",)
    drafts.save_draft(vault, key, "", services=[])
    assert drafts.load_draft(vault, key) is None
    drafts.save_draft(vault, key, "Again", services=["interpreter"])
    drafts.delete_draft(vault, key)
    assert drafts.load_draft(vault, key) is None
