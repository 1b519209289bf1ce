"""Help applying for crime victim compensation (issue 20): a service ticked like any other,
counted by its own question (not in the PMT's service table), on screen and from the CLI."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from advocate_app.reports.voca import group_of_service, parse_quarter, quarter_figures
from advocate_app.store import clients, contacts, notes
from advocate_app.store.clients import ClientFields
from advocate_app.store.pmt_form import current_form
from advocate_app.store.vault import Vault

TODAY = date(2026, 11, 30)


def _note(vault: Vault, cid: int, day: date, *services: str) -> None:
    noon = datetime.combine(day, time(12)).astimezone(UTC).replace(tzinfo=None)
    notes.add_note(vault, cid, "contact", "Met.", at=noon, services=services)


def test_the_form_file_says_where_the_wording_comes_from() -> None:
    form = current_form()
    service = form.service("victim_compensation")
    assert service.question == "victim_compensation" and not service.pmt_code
    assert service.group == "B"  # shown with personal advocacy in the composer
    assert service not in form.services_of("B")  # but not a row of the service table
    question = next(q for q in form.questions if q.figure == "victim_compensation")
    # Not read in a published PMT text: the file says so, and says what is known.
    assert not question.confirmed and "could not be read" in question.note
    assert "10603" in question.note


def test_compensation_help_is_counted_as_people_and_times(vault: Vault) -> None:
    ana = clients.create_client(vault, ClientFields(alias="Ana"))
    bea = clients.create_client(vault, ClientFields(alias="Bea"))
    _note(vault, ana, date(2026, 4, 2), "victim_compensation", "transportation")
    _note(vault, ana, date(2026, 5, 2), "victim_compensation")
    _note(vault, bea, date(2026, 6, 1), "victim_compensation")
    _note(vault, bea, date(2026, 7, 1), "victim_compensation")  # next quarter
    contacts.log_contact(
        vault,
        contact_date=date(2026, 4, 9),
        kind="walk_in",
        minutes=10,
        topics=[],
        services=["victim_compensation"],
    )
    f = quarter_figures(vault, parse_quarter("2026-Q3", TODAY), today=TODAY)
    figure = f.figure("victim_compensation")
    assert figure.total == 2  # Ana and Bea; the anonymous contact is not an individual
    (row,) = figure.rows
    assert (row.individuals, row.times) == (2, 4)  # Ana twice, Bea once, the contact once
    # Not in the service table: group B counts Ana for transportation only, once.
    services = {r.pmt_code: (r.individuals, r.times) for r in f.figure("services").rows}
    assert services["B"] == (1, 1)
    assert "victim_compensation" not in group_of_service()
    # In the JSON the CLI prints.
    data = f.to_dict()
    by_id = {x["id"]: x for x in data["figures"]}
    assert by_id["victim_compensation"]["total"] == 2
    assert by_id["victim_compensation"]["rows"][0]["times"] == 4
