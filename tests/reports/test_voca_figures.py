"""The VOCA quarterly figures on a small vault, every figure computed by hand (issue 20).

Federal fiscal year 2026 runs from October 1, 2025; its quarter 3 (2026-Q3) is April–June 2026.

* Ana: a service in 2026-Q2 (February) and three in 2026-Q3 (two notes): continuing in Q3.
  In October 2026 (FY2027) she is new again.
* Bea: a service in August 2025 (FY2025) and one on June 30, 2026: new in 2026-Q3 (last fiscal
  year does not count).
* Cal: first service April 1, 2026: new in 2026-Q3.
* Dee: a note in Q3 with no service ticked: not served.
* Eve: a service in Q3, then her record was destroyed: in no figure.
* Fay: a first service on July 2, 2026: 2026-Q4 only.
* Anonymous contacts: April 3 (hotline, two services), May 9 (walk-in, none), March 31 (Q2).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from advocate_app.reports.voca import VocaFigures, parse_quarter, quarter_figures
from advocate_app.store import clients, contacts, notes
from advocate_app.store.clients import ClientFields
from advocate_app.store.errors import NotAllowed
from advocate_app.store.vault import CurrentUser, Vault
from advocate_app.store.voca_fields import DECLINED, ReportingFields, set_reporting_fields

TODAY = date(2026, 11, 30)


def _client(vault: Vault, alias: str, age: str | None, answers: ReportingFields) -> int:
    cid = clients.create_client(
        vault, ClientFields(alias=alias, intake_date=date(2025, 8, 1), age_group=age)
    )
    set_reporting_fields(vault, cid, answers)
    return cid


def _note(vault: Vault, cid: int, day: date, *services: str) -> None:
    # Noon in the office's time zone, stored as the vault stores times (naive UTC).
    noon = datetime.combine(day, time(12)).astimezone(UTC).replace(tzinfo=None)
    notes.add_note(vault, cid, "contact", "Met.", at=noon, services=services)


@pytest.fixture
def office(vault: Vault) -> Vault:
    ana = _client(
        vault,
        "Ana",
        "18-24",
        ReportingFields(
            gender_identity="female",
            race_ethnicity=("white",),
            victimization_types=("trafficking_sex", "adult_sexual_assault"),
            special_classifications=("limited_english",),
        ),
    )
    _note(vault, ana, date(2026, 2, 10), "info_justice_process")
    _note(vault, ana, date(2026, 5, 5), "transportation", "crisis_intervention")
    _note(vault, ana, date(2026, 5, 20), "transportation")
    _note(vault, ana, date(2026, 10, 5), "transportation")
    bea = _client(
        vault,
        "Bea",
        None,
        ReportingFields(
            gender_identity=DECLINED,
            race_ethnicity=("black", "hispanic_latino"),
            victimization_types=DECLINED,
        ),
    )
    _note(vault, bea, date(2025, 8, 20), "relocation")
    _note(vault, bea, date(2026, 6, 30), "relocation")
    cal = _client(
        vault,
        "Cal",
        "not_reported",
        ReportingFields(
            race_ethnicity=DECLINED,
            victimization_types=("trafficking_labor",),
            special_classifications=("immigrant_refugee_asylum", "limited_english"),
        ),
    )
    _note(vault, cal, date(2026, 4, 1), "hotline_counseling", "referral_other_services")
    dee = _client(vault, "Dee", "25-59", ReportingFields(gender_identity="male"))
    _note(vault, dee, date(2026, 5, 1))
    eve = _client(vault, "Eve", "25-59", ReportingFields(gender_identity="female"))
    _note(vault, eve, date(2026, 4, 15), "criminal_advocacy")
    clients.destroy_client(vault, eve, "Eve")
    fay = _client(vault, "Fay", "60+", ReportingFields())
    _note(vault, fay, date(2026, 7, 2), "emergency_shelter")
    contacts.log_contact(
        vault,
        contact_date=date(2026, 4, 3),
        kind="hotline",
        minutes=20,
        topics=["information"],
        services=["hotline_counseling", "referral_other_services"],
    )
    contacts.log_contact(vault, contact_date=date(2026, 5, 9), kind="walk_in", minutes=5, topics=[])
    contacts.log_contact(
        vault,
        contact_date=date(2026, 3, 31),
        kind="hotline",
        minutes=5,
        topics=[],
        services=["hotline_counseling"],
    )
    return vault


def _figures(vault: Vault, quarter: str) -> VocaFigures:
    return quarter_figures(vault, parse_quarter(quarter, TODAY), today=TODAY)


def _rows(figures: VocaFigures, figure: str) -> dict[str, int]:
    return {r.code: r.individuals for r in figures.figure(figure).rows}


def test_a_hand_computed_quarter_matches_every_figure(office: Vault) -> None:
    f = _figures(office, "2026-Q3")
    assert f.period.start == date(2026, 4, 1) and f.period.end == date(2026, 6, 30)
    assert f.complete
    assert [x.question.figure for x in f.figures] == [
        "individuals_served",
        "anonymous_contacts",
        "individuals_new",
        "race_ethnicity",
        "gender_identity",
        "age",
        "victimization_types",
        "special_classifications",
        "services",
        "victim_compensation",
    ]
    assert f.figure("individuals_served").total == 3  # Ana, Bea, Cal: not Dee, Eve or Fay
    assert f.figure("anonymous_contacts").total == 2
    assert f.figure("individuals_new").total == 2  # Bea and Cal; Ana is continuing

    # Demographics of the new individuals (Bea, Cal).
    race = _rows(f, "race_ethnicity")
    assert race["multiple"] == 1 and race["declined"] == 1
    assert sum(race.values()) == f.figure("race_ethnicity").total == 2
    assert race["white"] == 0  # Ana is not new
    gender = _rows(f, "gender_identity")
    assert (gender["declined"], gender["not_asked"], gender["female"]) == (1, 1, 0)
    age = _rows(f, "age")
    assert (age["not_asked"], age["declined"], age["18-24"]) == (1, 1, 0)
    assert sum(age.values()) == 2

    # Victimization types and special classifications of everyone served (Ana, Bea, Cal).
    types = _rows(f, "victimization_types")
    assert types["trafficking_sex"] == types["adult_sexual_assault"] == 1
    assert types["trafficking_labor"] == 1
    assert types["declined"] == 1 and types["not_asked"] == 0
    assert sum(types.values()) == 4  # Ana is under two types
    special = _rows(f, "special_classifications")
    assert special["limited_english"] == 2
    assert special["immigrant_refugee_asylum"] == 1
    assert special["not_asked"] == 1 and special["declined"] == 0

    services = {r.pmt_code: (r.individuals, r.times) for r in f.figure("services").rows}
    assert services["A"] == (1, 2)  # Cal; times include the anonymous contact's referral
    assert services["A1"] == (0, 0)  # Ana's was in Q2
    assert services["A4"] == (1, 2)
    assert services["B"] == services["B9"] == (1, 2)  # Ana, twice
    assert services["C"] == (2, 3)  # Ana (C1) and Cal (C2); C2 once more for the contact
    assert services["C1"] == (1, 1)
    assert services["C2"] == (1, 2)
    assert services["D"] == services["D3"] == (1, 1)  # Bea on June 30
    assert services["D1"] == (0, 0)  # Fay's is in July
    assert services["E"] == services["E10"] == (0, 0)  # Eve's record was destroyed


def test_new_is_once_per_federal_fiscal_year(office: Vault) -> None:
    q2 = _figures(office, "2026-Q2")
    assert q2.figure("individuals_served").total == 1  # Ana in February
    assert q2.figure("individuals_new").total == 1
    assert q2.figure("anonymous_contacts").total == 1  # March 31
    q4 = _figures(office, "2026-Q4")
    assert q4.figure("individuals_served").total == 1  # Fay
    assert q4.figure("individuals_new").total == 1
    # October 1 starts a new fiscal year: Ana is new again, and the quarter is not over.
    q1 = _figures(office, "2027-Q1")
    assert q1.period.label.startswith("Federal FY2027, Q1")
    assert not q1.complete
    assert q1.figure("individuals_new").total == 1


def test_an_advocate_is_refused(office: Vault) -> None:
    me = office.current_user
    office.user = CurrentUser(me.id, me.name, "advocate", False)
    with pytest.raises(NotAllowed, match="supervisor"):
        _figures(office, "2026-Q3")


def test_quarter_names_are_federal_fiscal_quarters() -> None:
    assert parse_quarter("2026-Q1", TODAY).start == date(2025, 10, 1)
    assert parse_quarter("fy2026-q3", TODAY).end == date(2026, 6, 30)
    for bad in ("2026", "Q3", "2026-Q5", "CY2026", ""):
        with pytest.raises(ValueError, match="federal fiscal year"):
            parse_quarter(bad, TODAY)
    with pytest.raises(ValueError, match="not begun"):
        parse_quarter("2027-Q2", TODAY)


def test_json_has_every_question_in_order_with_its_wording(office: Vault) -> None:
    import json

    data = json.loads(_figures(office, "2026-Q3").to_json())
    assert data["quarter"]["code"] == "2026-Q3"
    assert data["form"]["in_force_confirmed"] is False
    first = data["figures"][0]
    assert first["pmt"].startswith("Number of individuals who received services")
    services = next(f for f in data["figures"] if f["id"] == "services")["rows"]
    b7 = next(r for r in services if r.get("pmt_code") == "B7")
    assert b7["pmt"] == "Intervention with employer, creditor, landlord, or academic institution"
    assert "Alias" not in json.dumps(data) and "Ana" not in json.dumps(data)


def test_the_anonymized_summary_counts_people_by_recorded_service_group(vault: Vault) -> None:
    from advocate_app.reports.anonymize import publish
    from advocate_app.store import needs
    from advocate_app.store.summary_queries import compute_counts

    for n in range(6):
        cid = clients.create_client(
            vault, ClientFields(alias=f"Rider {n}", intake_date=date(2026, 4, 1))
        )
        _note(vault, cid, date(2026, 5, n + 1), "transportation")
        _note(vault, cid, date(2026, 5, n + 10), "transportation")  # the same person, once
        # A transportation need worked on is not a recorded service: it does not count.
        item = needs.add_need(vault, cid, "transportation", "Bus pass")
        needs.set_status(vault, item, "met")
    period = parse_quarter("2026-Q3", TODAY)
    counts = compute_counts(vault, period.start, period.end, period.label)
    assert counts.voca_services == {"A": 0, "B": 6, "C": 0, "D": 0, "E": 0}
    assert len(counts.members["voca_services:B"]) == 6  # people, for the export ledger
    voca = publish(counts, k=5).table("voca_service_areas")
    assert [row[0] for row in voca.cells] == ["0", "6", "0", "0", "0"]


def test_looking_at_the_figures_is_audited_without_numbers(office: Vault) -> None:
    from advocate_app.store import audit

    _figures(office, "2026-Q3")
    with office.read() as s:
        latest = audit.recent(s, 1)[0]
    assert latest.action == "voca_figures_viewed"
    assert (latest.record_kind, latest.record_id) == (None, None)
    assert latest.user_id == office.current_user.id
