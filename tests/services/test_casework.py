"""Case work through the services: validation, roles, consent rules, audit."""

from __future__ import annotations

import io
import json
from dataclasses import fields, replace
from datetime import date

import pypdf
import pytest

from jmd_desk.domain.audit_chain import AuditFilter
from jmd_desk.domain.entities import Case, Client, Consent, Contact, FollowUp, Goal, Partner, Referral
from jmd_desk.domain.errors import AuthError, JmdError, ValidationError
from jmd_desk.domain.readmodels import ClientQuery
from jmd_desk.services import accounts, casework, clients, partners

INTAKE = date(2026, 3, 2)


def new_client(**changes) -> Client:
    values = dict(
        first_name="Amira",
        last_name="Haddad",
        date_of_birth=date(2008, 5, 17),
        gender="female",
        country_of_birth="SY",
        nationalities=("SY",),
        languages=("ar", "de"),
        residence_status="asylum_pending",
    )
    values.update(changes)
    return Client(**values)


def first_case(**changes) -> Case:
    return Case(**{"case_type": "case_management", "opened_on": INTAKE, **changes})


def test_invalid_client_is_rejected_field_by_field(session_for) -> None:
    berta = session_for("berta")
    bad = new_client(
        first_name="  ",
        date_of_birth=date(1990, 1, 1),
        gender="w",
        email="kein-at",
        nationalities=("SY", "Syrien"),
    )
    with pytest.raises(ValidationError) as info:
        clients.create_client(berta, bad, first_case())
    fields = {e.path: e.code for e in info.value.errors}
    assert fields == {
        "first_name": "required",
        "gender": "unknown_code",
        "email": "bad_email",
        "nationalities[1]": "unknown_country",
    }
    with pytest.raises(ValidationError) as info:
        clients.create_client(berta, new_client(date_of_birth=date(1990, 1, 1)), first_case())
    assert [(e.path, e.code) for e in info.value.errors] == [("date_of_birth", "age_out_of_range")]
    with pytest.raises(ValidationError) as info:
        clients.create_client(berta, new_client(), first_case(opened_on=date(2027, 1, 1)))
    assert [(e.path, e.code) for e in info.value.errors] == [("case.opened_on", "date_in_future")]
    assert clients.list_clients(berta) == []


def test_eligibility_note_allows_an_older_client(session_for) -> None:
    berta = session_for("berta")
    cid = clients.create_client(
        berta,
        new_client(date_of_birth=date(1996, 1, 1), eligibility_note="Übergang zur MBE begleitet"),
        first_case(),
    )
    assert clients.client_file(berta, cid).client.eligibility_note


def test_create_client_assigns_number_and_counsellor(session_for) -> None:
    berta = session_for("berta")
    a = clients.create_client(berta, new_client(), first_case())
    b = clients.create_client(berta, new_client(first_name="Yusuf", gender="male"), first_case())
    files = [clients.client_file(berta, i) for i in (a, b)]
    assert [f.client.client_number for f in files] == ["2026-0001", "2026-0002"]
    assert {f.client.counsellor for f in files} == {"berta"}
    assert files[0].cases[0].case.case_type == "case_management"


def test_access_rules(session_for, refused, on_server: bool) -> None:
    berta = session_for("berta")
    cid = clients.create_client(berta, new_client(), first_case())
    case_id = clients.client_file(berta, cid).cases[0].id
    cem = session_for("cem")
    with refused():
        clients.client_file(cem, cid)
    assert clients.list_clients(cem) == []
    lead = session_for("lead")
    if on_server:  # the team lead reads metadata through the server's narrow functions only
        with refused():
            clients.client_file(lead, cid)
    else:
        assert clients.client_file(lead, cid).client.first_name == "Amira"
    with refused():
        casework.add_record(lead, case_id, Contact(date=INTAKE, minutes=30, mode="phone"))
    it = session_for("it")
    with refused():
        clients.client_file(it, cid)
    with pytest.raises(AuthError):
        clients.list_clients(it)
    admin = session_for("admin")
    accounts.set_deputies(admin, "berta", ["cem"])
    cem = session_for("cem")
    assert [c.id for c in clients.list_clients(cem)] == [cid]
    case_id = clients.client_file(cem, cid).cases[0].id
    casework.add_record(cem, case_id, Contact(date=INTAKE, minutes=20, mode="in_person"))


def test_referral_needs_referral_consent_and_stops_at_withdrawal(session_for) -> None:
    berta = session_for("berta")
    cid = clients.create_client(berta, new_client(), first_case())
    case_id = clients.client_file(berta, cid).cases[0].id
    pid = partners.create_partner(berta, Partner(name="Jobcenter Mitte", partner_type="jobcenter"))
    referral = Referral(partner_id=pid, date=date(2026, 4, 1), area="vocational")
    with pytest.raises(JmdError) as info:
        casework.add_record(berta, case_id, referral)
    assert info.value.code == "referral_needs_consent"
    consent_id = casework.add_record(
        berta,
        cid,
        Consent(scope="referral_sharing", given_on=date(2026, 3, 20), given_by="self", form_version="2025-01"),
    )
    rid = casework.add_record(berta, case_id, referral)
    casework.withdraw_consent(berta, consent_id, date(2026, 6, 1))
    with pytest.raises(JmdError):
        casework.add_record(berta, case_id, Referral(partner_id=pid, date=date(2026, 6, 1)))
    casework.add_record(berta, case_id, Referral(partner_id=pid, date=date(2026, 5, 31)))
    casework.set_referral_status(berta, rid, "accepted", "Termin am 12.4.")
    file = clients.client_file(berta, cid)
    assert [r.value.status for r in file.cases[0].referrals] == ["accepted", "requested"]
    partners.set_partner_active(berta, pid, False)
    with pytest.raises(ValidationError):
        casework.add_record(berta, case_id, Referral(partner_id=pid, date=date(2026, 5, 30)))


def test_partner_choices_offer_names_and_state_only(session_for) -> None:
    berta = session_for("berta")
    before = {p.id for p in partners.partner_choices(berta)}
    zebra = partners.create_partner(berta, Partner(name="Zentrum Süd", partner_type="other", phone="0761 1234"))
    amt = partners.create_partner(berta, Partner(name="Ausländerbehörde", partner_type="immigration_office"))
    partners.set_partner_active(berta, zebra, False)
    new = [p for p in partners.partner_choices(berta) if p.id not in before]
    assert [(p.id, p.name, p.active) for p in new] == [(amt, "Ausländerbehörde", True), (zebra, "Zentrum Süd", False)]
    listed = {p.id: p.value for p in partners.list_partners(berta)}
    assert all(listed[p.id].name == p.name and listed[p.id].active == p.active for p in new)


def test_close_and_reopen_case(session_for) -> None:
    berta = session_for("berta")
    cid = clients.create_client(berta, new_client(), first_case())
    case_id = clients.client_file(berta, cid).cases[0].id
    with pytest.raises(JmdError) as info:
        casework.open_case(berta, cid, Case(case_type="counselling", opened_on=date(2026, 5, 1)))
    assert info.value.code == "client_has_open_case"
    with pytest.raises(ValidationError):
        casework.close_case(berta, case_id, date(2026, 1, 1), "goals_achieved", "school")
    casework.close_case(berta, case_id, date(2026, 7, 1), "goals_achieved", "vocational_training")
    with pytest.raises(JmdError):
        casework.close_case(berta, case_id, date(2026, 7, 2), "other")
    new_id = casework.open_case(berta, cid, Case(case_type="counselling", opened_on=date(2026, 9, 1)))
    cases = clients.client_file(berta, cid).cases
    assert [(c.id, c.case.is_open) for c in cases] == [(case_id, False), (new_id, True)]
    assert cases[0].case.destination == "vocational_training"
    summary = clients.list_clients(berta, ClientQuery(status="open"))[0]
    assert summary.open_case_type == "counselling"


def test_client_list_shows_the_last_contact_of_all_cases(session_for) -> None:
    berta = session_for("berta")
    cid = clients.create_client(berta, new_client(), first_case())
    quiet = clients.create_client(berta, new_client(first_name="Lina"), first_case())
    first = clients.client_file(berta, cid).cases[0].id
    casework.add_record(berta, first, Contact(date=date(2026, 6, 3), minutes=30, mode="phone"))
    casework.add_record(berta, first, Contact(date=date(2026, 4, 1), minutes=30, mode="phone"))
    casework.close_case(berta, first, date(2026, 7, 1), "goals_achieved", "school")
    second = casework.open_case(berta, cid, Case(case_type="counselling", opened_on=date(2026, 9, 1)))
    casework.add_record(berta, second, Contact(date=date(2026, 10, 5), minutes=30, mode="phone"))
    casework.add_record(berta, second, Contact(date=date(2026, 9, 2), minutes=30, mode="phone"))
    rows = {r.id: r for r in clients.client_rows(berta)}
    assert rows[cid].last_contact_on == date(2026, 10, 5)
    assert rows[cid].case_types == ("case_management", "counselling")
    assert rows[cid].open_case_type == "counselling"
    assert rows[quiet].last_contact_on is None


def test_goals_contacts_follow_ups(session_for) -> None:
    berta = session_for("berta")
    cid = clients.create_client(berta, new_client(), first_case())
    case_id = clients.client_file(berta, cid).cases[0].id
    gid = casework.add_record(
        berta, case_id, Goal(area="language", title="B1 bestehen", agreed_on=INTAKE, due_on=date(2027, 3, 1))
    )
    casework.set_goal_status(berta, gid, "in_progress", date(2026, 4, 1))
    casework.set_goal_status(berta, gid, "achieved", date(2026, 10, 1))
    with pytest.raises(ValidationError):
        casework.set_goal_status(berta, gid, "achieved", date(2026, 1, 1))
    contact_id = casework.add_record(
        berta,
        case_id,
        Contact(
            date=date(2026, 3, 10),
            minutes=45,
            mode="in_person",
            participants=("young_person", "parents"),
            topics=("language", "school"),
            interpreter=True,
            notes="Gespräch mit Eltern über Schulwechsel",
        ),
    )
    fid = casework.add_record(berta, case_id, FollowUp(due_on=date(2026, 12, 1), text="Zeugnis abholen"))
    casework.set_follow_up_done(berta, fid)
    casework.delete_record(berta, "contact", contact_id)
    file = clients.client_file(berta, cid).cases[0]
    assert file.goals[0].value.status == "achieved"
    assert file.contacts == ()
    assert file.follow_ups[0].value.done


def test_search_ignores_case_and_accents(session_for) -> None:
    berta = session_for("berta")
    clients.create_client(berta, new_client(first_name="Jürgen", last_name="Müller", gender="male"), first_case())
    clients.create_client(berta, new_client(first_name="Ayşe", last_name="Öztürk"), first_case())
    for text, expected in (
        ("muller", "Müller"),
        ("MÜLLER", "Müller"),
        ("mueller", "Müller"),
        ("ayse oz", "Öztürk"),
        ("2026-0002", "Öztürk"),
    ):
        assert [c.last_name for c in clients.list_clients(berta, ClientQuery(text=text))] == [expected], text


def test_every_write_is_audited_without_personal_data(session_for) -> None:
    berta = session_for("berta")
    cid = clients.create_client(berta, new_client(first_name="Zyxwert", last_name="Qumbrella"), first_case())
    case_id = clients.client_file(berta, cid).cases[0].id
    casework.add_record(berta, case_id, Contact(date=INTAKE, minutes=10, mode="phone", notes="Geheimnotiz-4711"))
    with berta.uow() as uow:
        events = uow.audit.find(AuditFilter())
        assert uow.audit.verify() == []
    actions = [e.action for e in events]
    assert {"client_created", "case_opened", "contact_added", "client_viewed", "signed_in"} <= set(actions)
    text = " ".join(str(e) for e in events)
    for secret in ("Zyxwert", "Qumbrella", "Geheimnotiz"):
        assert secret not in text


def test_master_data_corrections_are_kept(session_for) -> None:
    berta = session_for("berta")
    cid = clients.create_client(berta, new_client(), first_case())
    client = clients.client_file(berta, cid).client
    clients.update_client(berta, cid, replace(client, last_name="Haddad-Khalil", german_level="A2"))
    history = clients.correction_history(berta, cid)
    assert {(h.field, h.old_value, h.new_value) for h in history} == {
        ("last_name", "Haddad", "Haddad-Khalil"),
        ("german_level", "unknown", "A2"),
    }
    assert {h.user for h in history} == {"berta"}


def test_access_export_has_every_field_consent_and_note(session_for, refused) -> None:
    berta = session_for("berta")
    cid = clients.create_client(berta, new_client(phone="0170 555", guardian="Vormund Meier"), first_case())
    case_id = clients.client_file(berta, cid).cases[0].id
    casework.add_record(berta, cid, Consent(scope="processing", given_on=INTAKE, given_by="guardian"))
    casework.add_record(berta, case_id, Contact(date=INTAKE, minutes=30, mode="phone", notes="Notiz über Schule"))
    clients.update_client(berta, cid, replace(clients.client_file(berta, cid).client, phone="0170 666"))
    data, pdf = clients.access_export(berta, cid)
    doc = json.loads(data)
    assert set(doc["client"]) == {f.name for f in fields(Client)}
    assert doc["client"]["guardian"] == "Vormund Meier"
    assert doc["consents"][0]["given_by"] == "guardian"
    assert doc["cases"][0]["contacts"][0]["notes"] == "Notiz über Schule"
    assert doc["corrections"][0]["old_value"] == "0170 555"
    assert {"client_created", "client_viewed"} <= {e["action"] for e in doc["access_log"]}
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Notiz über Schule" in " ".join(text.split()) and "Vormund Meier" in text
    cem = session_for("cem")
    with refused():
        clients.access_export(cem, cid)
