"""The optional client answers and the services for the VOCA figures (issue 20)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from advocate_app.store import clients, contacts, notes
from advocate_app.store.clients import ClientFields
from advocate_app.store.errors import InvalidInput
from advocate_app.store.models import Client, NoteService
from advocate_app.store.pmt_form import FormFileProblem, current_form, load_form_file
from advocate_app.store.vault import Vault
from advocate_app.store.voca_fields import (
    DECLINED,
    ReportingFields,
    contact_services,
    get_reporting_fields,
    note_services,
    service_usage,
    set_note_services,
    set_reporting_fields,
    suggest_services,
)


def test_a_new_client_is_created_with_its_answers_in_one_transaction(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = ReportingFields(DECLINED, ("hispanic_latino",), ("trafficking_labor",), None)
    cid = clients.create_client(vault, ClientFields(alias="Lupe"), answers)
    assert get_reporting_fields(vault, cid) == answers
    # Refused answers: no record is left behind, and the alias stays free.
    with pytest.raises(InvalidInput):
        clients.create_client(
            vault, ClientFields(alias="Rosa M."), ReportingFields(race_ethnicity=("nope",))
        )

    # A failure after the record was written (here, in the audit entry) undoes it all.
    def broken(*_args: object, **_kwargs: object) -> None:
        raise InvalidInput("the write failed")

    monkeypatch.setattr(clients.audit, "record", broken)
    with pytest.raises(InvalidInput):
        clients.create_client(
            vault, ClientFields(alias="Rosa M."), ReportingFields(gender_identity=DECLINED)
        )
    monkeypatch.undo()
    with vault.read() as s:
        assert list(s.scalars(select(Client.alias))) == ["Lupe"]
    assert clients.create_client(vault, ClientFields(alias="Rosa M."))


def test_answers_are_optional_and_declined_is_an_answer(vault: Vault) -> None:
    cid = clients.create_client(vault, ClientFields(alias="Juniper"))
    assert get_reporting_fields(vault, cid) == ReportingFields()  # not asked
    answers = ReportingFields(
        gender_identity=DECLINED,
        race_ethnicity=("white", "asian"),
        victimization_types=DECLINED,
        special_classifications=("veteran",),
    )
    set_reporting_fields(vault, cid, answers)
    got = get_reporting_fields(vault, cid)
    assert got.gender_identity == DECLINED
    assert got.race_ethnicity == ("asian", "white")
    assert got.victimization_types == DECLINED
    assert got.special_classifications == ("veteran",)
    # Editing the client form (which knows nothing of these answers) keeps them.
    clients.update_client(vault, cid, ClientFields(alias="Juniper B"))
    assert get_reporting_fields(vault, cid) == got
    set_reporting_fields(vault, cid, ReportingFields())
    assert get_reporting_fields(vault, cid) == ReportingFields()


@pytest.mark.parametrize(
    "answers",
    [
        ReportingFields(gender_identity="unicorn"),
        ReportingFields(race_ethnicity=("white", DECLINED)),
        ReportingFields(victimization_types=("Maria at 12 Elm St",)),
        ReportingFields(special_classifications=("veteran,homeless",)),
    ],
)
def test_answers_outside_the_form_are_refused_with_a_sentence(
    vault: Vault, answers: ReportingFields
) -> None:
    cid = clients.create_client(vault, ClientFields(alias="Juniper"))
    with pytest.raises(InvalidInput):
        set_reporting_fields(vault, cid, answers)
    assert get_reporting_fields(vault, cid) == ReportingFields()


def test_services_on_notes_and_contacts(vault: Vault) -> None:
    cid = clients.create_client(vault, ClientFields(alias="Juniper"))
    nid = notes.add_note(
        vault,
        cid,
        "court",
        "Went to the hearing.",
        at=datetime(2026, 3, 2, 9),
        services=["criminal_advocacy", "info_victim_rights"],
    )
    assert note_services(vault, nid) == ("info_victim_rights", "criminal_advocacy")
    set_note_services(vault, nid, ["protective_order"])
    assert note_services(vault, nid) == ("protective_order",)
    with pytest.raises(InvalidInput):
        notes.add_note(vault, cid, "contact", "x", services=["B7"])  # codes, not PMT numbers
    with pytest.raises(InvalidInput):
        set_note_services(vault, nid, ["nonsense"])
    assert note_services(vault, nid) == ("protective_order",)
    contact = contacts.log_contact(
        vault,
        contact_date=date(2026, 3, 3),
        kind="hotline",
        minutes=10,
        topics=[],
        services=["hotline_counseling"],
    )
    assert contact_services(vault, contact) == ("hotline_counseling",)
    usage = service_usage(vault, today=date(2026, 3, 31))
    assert usage == {"protective_order": 1, "hotline_counseling": 1}


def test_destroying_a_client_removes_their_services(vault: Vault) -> None:
    cid = clients.create_client(vault, ClientFields(alias="Juniper"))
    notes.add_note(vault, cid, "contact", "Met.", services=["transportation"])
    assert "note_services" in clients.table_names_with_client_id(vault)
    clients.destroy_client(vault, cid, "Juniper")
    assert service_usage(vault) == {}


def test_pre_ticks_are_the_obvious_services_only() -> None:
    assert suggest_services() == ()
    assert suggest_services(contact_kind="hotline") == ("hotline_counseling",)
    assert suggest_services(accompanied_appointments=["court_hearing"]) == ("criminal_advocacy",)
    assert suggest_services(
        accompanied_appointments=["protective_order_hearing"],
        referral_categories=["legal"],
        need_categories=["transportation", "employment"],
    ) == ("referral_other_services", "transportation", "protective_order")
    assert suggest_services(referral_categories=["hotline"]) == ("referral_victim_services",)
    assert suggest_services(contact_kind="walk_in", contact_topics=["safety", "housing"]) == (
        "crisis_intervention",
        "relocation",
    )
    assert suggest_services(need_categories=["not a category"]) == ()


def test_the_form_file_is_checked(tmp_path: Path) -> None:
    form = current_form()
    assert [s.pmt_code for s in form.services][:4] == ["A1", "A2", "A3", "A4"]
    table = [s for s in form.services if not s.question]  # A1–E11
    assert len(table) == 35
    assert form.service("intervention_employer_landlord").pmt == (
        "Intervention with employer, creditor, landlord, or academic institution"
    )
    assert all(s.confirmed for s in table)
    # Help with compensation is counted on its own, and its wording is not confirmed.
    assert [s.code for s in form.services if s.question] == ["victim_compensation"]
    assert form.sources and form.checked_on == "2026-11-30"
    assert not form.in_force_confirmed  # said plainly, and printed with the figures
    bad = tmp_path / "bad.toml"
    bad.write_text(current_form_text().replace('pmt_code = "B7"', 'pmt_code = "Z7"'))
    with pytest.raises(FormFileProblem, match="Z7"):
        load_form_file(bad)
    bad.write_text("[form\n")
    with pytest.raises(FormFileProblem, match="not valid TOML"):
        load_form_file(bad)


def current_form_text() -> str:
    from advocate_app.paths import assets_dir

    return (assets_dir() / "voca" / "pmt_fy2026.toml").read_text(encoding="utf-8")


def test_a_service_is_dated_by_the_office_calendar_not_utc(vault: Vault, monkeypatch) -> None:
    import time

    from sqlalchemy import select

    from advocate_app.store.models import NoteService

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        cid = clients.create_client(vault, ClientFields(alias="Juniper"))
        # 9:30 pm on September 30 in North Carolina is already October 1 in UTC.
        nid = notes.add_note(
            vault,
            cid,
            "contact",
            "Late call.",
            at=datetime(2026, 10, 1, 1, 30),
            services=["hotline_counseling"],
        )
        with vault.read() as s:
            day = s.scalar(select(NoteService.given_on).where(NoteService.note_id == nid))
        assert day == date(2026, 9, 30)  # federal FY2026, quarter 4
    finally:
        monkeypatch.undo()
        time.tzset()


def test_service_usage_counts_each_service_from_an_index_and_sorts_nothing(vault: Vault) -> None:
    """Counting the services given lately grouped the year's rows by service: a sort of every
    one (650 ms at 50,000 clients, and the worker held Python's lock 50-80 ms of it, stalling
    the GUI thread). Each service is now one range of an index, found by skipping from one to
    the next; services given before the window count nothing."""
    from tests.store.query_plans import plans_of

    cid = clients.create_client(vault, ClientFields(alias="Juniper"))
    given = [
        (["transportation"], date(2026, 3, 2)),
        (["transportation", "protective_order"], date(2026, 1, 20)),
        (["emergency_shelter"], date(2024, 1, 5)),  # long before the window
    ]
    for services, day in given:
        nid = notes.add_note(vault, cid, "contact", "Met.", services=services)
        with vault.write() as s:
            s.execute(
                NoteService.__table__.update()
                .where(NoteService.note_id == nid)
                .values(given_on=day)
            )
    today = date(2026, 3, 31)
    assert service_usage(vault, today=today) == {"transportation": 2, "protective_order": 1}
    plans = plans_of(vault, lambda: service_usage(vault, today=today))
    counting = next(plan for plan in plans if "note_services" in plan)
    assert "ix_note_services_service_given_on" in counting
    assert "TEMP B-TREE" not in counting
    assert "SCAN note_services" not in counting


def test_anonymous_contacts_services_come_a_row_per_set_ticked_together(vault: Vault) -> None:
    """The services of the year's anonymous contacts came a row per contact (4,927 at 50,000
    clients): each row a wait for Python's lock on the worker while the GUI thread ran, the
    count 40 s where it took 50 ms alone. They come grouped: a row per set of services."""
    from tests.store.query_plans import plans_of

    alone, together = ["hotline_counseling"], ["hotline_counseling", "info_victim_rights"]
    for services in (alone, alone, alone, together):
        contacts.log_contact(
            vault,
            contact_date=date(2026, 3, 3),
            kind="hotline",
            minutes=5,
            topics=[],
            services=services,
        )
    today = date(2026, 3, 31)
    assert service_usage(vault, today=today) == {
        "hotline_counseling": 4,
        "info_victim_rights": 1,
    }
    plans = plans_of(vault, lambda: service_usage(vault, today=today))
    contacts_plan = next(plan for plan in plans if "anonymous_contacts" in plan)
    assert "GROUP BY" in contacts_plan
