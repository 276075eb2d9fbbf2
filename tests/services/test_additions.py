"""The additions of interchange version 2 through the services: record keys, case phase,
progress, districts, group offers, anonymous contacts, appointments and documents."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from jmd_desk.domain.entities import (
    AnonymousContact,
    Appointment,
    Case,
    Client,
    Contact,
    District,
    DocumentInfo,
    Goal,
    GroupOffer,
    GroupSession,
    Progress,
)
from jmd_desk.domain.errors import AuthError, JmdError, ValidationError
from jmd_desk.services import anonymous, appointments, casework, clients, documents, groups, progress
from jmd_desk.store import migrate
from jmd_desk.store.store import Store
from tests.conftest import ADMIN_PASSWORD, POLICY

INTAKE = date(2026, 3, 2)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def new_client(**changes) -> Client:
    values = dict(
        first_name="Amira",
        last_name="Haddad",
        date_of_birth=date(2008, 5, 17),
        gender="female",
        country_of_birth="SY",
        german_level="A2",
    )
    values.update(changes)
    return Client(**values)


def make_client(session, **changes) -> tuple[int, int]:
    client_id = clients.create_client(session, new_client(**changes), Case("case_management", INTAKE))
    case_id = clients.client_file(session, client_id).cases[0].id
    return client_id, case_id


def codes_of(info: pytest.ExceptionInfo) -> dict[str, str]:
    return {e.path: e.code for e in info.value.errors}


def offer(**changes) -> GroupOffer:
    values = dict(
        title="Bewerbungstraining",
        kind="school_workshop",
        starts_on=date(2026, 9, 1),
        ends_on=date(2026, 12, 18),
        areas=("vocational",),
        participants_by_gender=(("female", 9), ("male", 11)),
        participants_by_age_group=(("15-17", 18), ("unknown", 2)),
    )
    values.update(changes)
    return GroupOffer(**values)


# ------------------------------------------------------------------ record keys
def test_counted_records_get_a_fixed_random_key(session_for) -> None:
    berta = session_for("berta")
    client_id, case_id = make_client(berta)
    goal_id = casework.add_record(berta, case_id, Goal("language", "B1 erreichen", agreed_on=INTAKE))
    contact_id = casework.add_record(berta, case_id, Contact(date(2026, 3, 9), 45, "in_person"))
    file = clients.client_file(berta, client_id)
    keys = [file.client.record_key, file.cases[0].case.record_key]
    keys += [file.cases[0].goals[0].value.record_key, file.cases[0].contacts[0].value.record_key]
    assert all(isinstance(k, int) and 0 <= k < 2**32 for k in keys)
    assert len(set(keys)) == 4  # random, so four equal keys would be a bug, not luck
    # Edits typed into a form carry no key; the stored key stays.
    clients.update_client(berta, client_id, new_client(phone="0151 1"))
    casework.update_record(berta, goal_id, Goal("language", "B1 bis Sommer", agreed_on=INTAKE))
    casework.update_record(berta, contact_id, Contact(date(2026, 3, 9), 50, "in_person"))
    again = clients.client_file(berta, client_id)
    assert again.client.record_key == keys[0]
    assert again.cases[0].goals[0].value.record_key == keys[2]
    assert again.cases[0].contacts[0].value.record_key == keys[3]
    assert "record_key" not in {c.field for c in clients.correction_history(berta, client_id)}


@pytest.mark.local_only  # downgrades a local store's file with Alembic
def test_migration_gives_keys_and_codes_free_text_qualifications(store_path: Path, session_for) -> None:
    berta = session_for("berta")
    coded, _ = make_client(berta, school_qualification="lower_secondary")
    free, _ = make_client(berta, first_name="Omid", school_qualification="unknown")
    berta.close()
    store = Store.open(store_path, username="admin", password=ADMIN_PASSWORD, policy=POLICY)
    try:
        migrate.downgrade(store.engine, "0004")
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE clients SET school_qualification = 'Abitur (Syrien)' WHERE id = :i"), {"i": free})
        migrate.upgrade(store.engine)
        with store.engine.connect() as conn:
            rows = dict(
                (r[0], r[1:])
                for r in conn.execute(text("SELECT id, school_qualification, school_qualification_note FROM clients"))
            )
            keys = [k for t in ("clients", "cases") for (k,) in conn.execute(text(f"SELECT record_key FROM {t}"))]
    finally:
        store.close()
    assert rows[coded] == ("lower_secondary", None)
    assert rows[free] == ("unknown", "Abitur (Syrien)")
    assert len(keys) == 4 and all(0 <= k < 2**32 for k in keys)


# ------------------------------------------------------------------- case fields
def test_phase_only_in_case_management_and_request_before_opening(session_for) -> None:
    berta = session_for("berta")
    client_id, case_id = make_client(berta)
    casework.update_case(
        berta, case_id, Case("case_management", INTAKE, requested_on=date(2026, 2, 1), phase="planning")
    )
    case = clients.client_file(berta, client_id).cases[0].case
    assert (case.phase, case.requested_on) == ("planning", date(2026, 2, 1))
    with pytest.raises(ValidationError) as info:
        casework.update_case(
            berta, case_id, Case("counselling", INTAKE, phase="clearing", requested_on=date(2026, 3, 3))
        )
    assert codes_of(info) == {"phase": "only_case_management", "requested_on": "after_opened"}


def test_goal_steps_responsible_and_review(session_for) -> None:
    berta = session_for("berta")
    client_id, case_id = make_client(berta)
    goal = Goal(
        "school",
        "Hauptschulabschluss",
        INTAKE,
        steps="Anmeldung VHS",
        responsible=("young_person", "counsellor"),
        review_on=date(2027, 1, 15),
    )
    casework.add_record(berta, case_id, goal)
    assert clients.client_file(berta, client_id).cases[0].goals[0].value == goal
    with pytest.raises(ValidationError) as info:
        casework.add_record(berta, case_id, replace(goal, responsible=("teacher",)))
    assert codes_of(info) == {"responsible[0]": "unknown_code"}


# ---------------------------------------------------------- progress, districts
def test_progress_moves_the_level_without_a_correction(session_for) -> None:
    berta = session_for("berta")
    client_id, _ = make_client(berta)
    progress.add_progress(berta, client_id, Progress("german_level", "B1", date(2026, 6, 30)))
    progress.add_progress(berta, client_id, Progress("german_level", "A2", date(2026, 3, 1)))
    assert clients.client_file(berta, client_id).client.german_level == "B1"
    assert clients.correction_history(berta, client_id) == []
    with pytest.raises(ValidationError) as info:
        progress.add_progress(berta, client_id, Progress("german_level", "B3", date(2026, 7, 1)))
    assert codes_of(info) == {"value": "not_a_level"}
    with pytest.raises(ValidationError) as info:
        clients.update_client(berta, client_id, new_client(german_level="C1"))
    assert codes_of(info) == {"german_level": "differs_from_progress"}
    entries = progress.progress_of(berta, client_id)
    progress.delete_progress(berta, entries[-1].id)  # the B1 entry: A2 is latest again
    assert clients.client_file(berta, client_id).client.german_level == "A2"


def test_district_must_be_in_the_office_list(session_for) -> None:
    berta = session_for("berta")
    with pytest.raises(ValidationError) as info:
        make_client(berta, district="nordstadt")
    assert codes_of(info) == {"district": "unknown_district"}
    with pytest.raises(AuthError):
        progress.save_district(berta, District("nordstadt", "Nordstadt"))
    admin = session_for("admin")
    progress.save_district(admin, District("nordstadt", "Nordstadt"))
    progress.save_district(admin, District("nordstadt", "Nordstadt/Hafen"))
    assert progress.list_districts(admin) == [District("nordstadt", "Nordstadt/Hafen")]
    berta = session_for("berta")
    client_id, _ = make_client(berta, district="nordstadt")
    assert clients.client_file(berta, client_id).client.district == "nordstadt"


# ---------------------------------------------------------------- group offers
def test_group_offer_sessions_attendance_and_links(session_for) -> None:
    berta = session_for("berta")
    client_id, _ = make_client(berta)
    offer_id = groups.create_offer(berta, offer())
    groups.add_session(berta, offer_id, GroupSession(date(2026, 9, 8), 90, 18))
    with pytest.raises(ValidationError) as info:
        groups.add_session(berta, offer_id, GroupSession(date(2027, 1, 8), 90, 21))
    assert codes_of(info) == {"date": "outside_offer_period", "attendance": "above_participants"}
    with pytest.raises(ValidationError) as info:
        groups.update_offer(
            berta, offer_id, offer(participants_by_gender=(("female", 5),), participants_by_age_group=())
        )
    assert [e.code for e in info.value.errors] == ["above_participants"]
    groups.link_client(berta, offer_id, client_id)
    groups.link_client(berta, offer_id, client_id)  # once only
    file = groups.offer_file(berta, offer_id)
    assert file.client_ids == (client_id,) and len(file.sessions) == 1 and file.offer.participants == 20
    client_file = clients.client_file(berta, client_id)
    assert [o.id for o in client_file.group_offers] == [offer_id]
    assert all(not c.contacts for c in client_file.cases)  # a link is no contact
    cem = session_for("cem")
    assert groups.list_offers(cem) == []
    with pytest.raises(AuthError):
        groups.add_session(cem, offer_id, GroupSession(date(2026, 9, 15), 90, 3))
    lead = session_for("lead")
    assert [f.id for f in groups.list_offers(lead)] == [offer_id]


# ------------------------------------------------------------ anonymous contacts
def test_anonymous_contacts_are_recorded_and_listed_per_counsellor(session_for) -> None:
    berta = session_for("berta")
    contact = AnonymousContact(date(2026, 11, 19), 20, "phone", ("residence",), "18-20", "male", "immigration_office")
    item_id = anonymous.record_anonymous_contact(berta, contact)
    assert [(c.id, c.value) for c in anonymous.list_anonymous_contacts(berta)] == [(item_id, contact)]
    with pytest.raises(ValidationError) as info:
        anonymous.record_anonymous_contact(berta, replace(contact, age_group="30-40", minutes=2000))
    assert codes_of(info) == {"age_group": "unknown_code", "minutes": "out_of_range"}
    cem = session_for("cem")
    assert anonymous.list_anonymous_contacts(cem) == []
    with pytest.raises(AuthError):
        anonymous.delete_anonymous_contact(cem, item_id)


# ------------------------------------------------------------------ appointments
def test_held_case_appointment_becomes_its_contact(session_for) -> None:
    berta = session_for("berta")
    client_id, case_id = make_client(berta)
    planned = Appointment(datetime(2026, 11, 18, 14, 30), 45, "video", place="Büro 2")
    appointment_id = appointments.add_case_appointment(berta, case_id, planned)
    contact_id = appointments.mark_held(berta, appointment_id)
    case = clients.client_file(berta, client_id).cases[0]
    assert [(c.id, c.value.date, c.value.minutes, c.value.mode) for c in case.contacts] == [
        (contact_id, date(2026, 11, 18), 45, "video")
    ]
    assert case.appointments[0].value.status == "held" and case.appointments[0].value.contact_id == contact_id
    with pytest.raises(JmdError, match="appointment_already_held"):
        appointments.mark_held(berta, appointment_id)
    assert len(clients.client_file(berta, client_id).cases[0].contacts) == 1


def test_group_appointment_becomes_a_session_and_misses_are_counted(session_for) -> None:
    berta = session_for("berta")
    _, case_id = make_client(berta)
    offer_id = groups.create_offer(berta, offer())
    appointment_id = appointments.add_offer_appointment(
        berta, offer_id, Appointment(datetime(2026, 11, 17, 10, 0), 90, "group")
    )
    appointments.mark_held(berta, appointment_id, attendance=17)
    assert [s.value for s in groups.offer_file(berta, offer_id).sessions] == [GroupSession(date(2026, 11, 17), 90, 17)]
    missed = appointments.add_case_appointment(
        berta, case_id, Appointment(datetime(2026, 11, 16, 9, 0), 30, "in_person")
    )
    appointments.set_status(berta, missed, "no_show")
    off = appointments.add_case_appointment(berta, case_id, Appointment(datetime(2026, 11, 19, 9, 0), 30, "phone"))
    appointments.set_status(berta, off, "cancelled")
    start, end = appointments.week_of(date(2026, 11, 18))
    assert appointments.missed_by_counsellor(berta, start, end) == {"berta": (1, 1)}
    items = appointments.appointments_between(berta, start, end)
    assert [i.id for i in items] == [missed, appointment_id, off]


def test_calendar_export_has_neither_names_nor_places(session_for, tmp_path: Path) -> None:
    berta = session_for("berta")
    client_id, case_id = make_client(berta)
    number = clients.client_file(berta, client_id).client.client_number
    appointments.add_case_appointment(
        berta, case_id, Appointment(datetime(2026, 11, 24, 9, 15), 60, "in_person", place="Schule am Park")
    )
    path = tmp_path / "termine.ics"
    count = appointments.export_calendar(berta, path, datetime(2026, 11, 23), datetime(2026, 11, 30))
    data = path.read_bytes().decode("utf-8")
    assert count == 1 and data.startswith("BEGIN:VCALENDAR\r\n")
    assert f"SUMMARY:{number}" in data and "DTSTART:20261124T091500" in data and "DTEND:20261124T101500" in data
    for secret in ("Amira", "Haddad", "Schule", "Park", "LOCATION", "DESCRIPTION"):
        assert secret not in data


# --------------------------------------------------------------------- documents
def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def test_documents_are_checked_against_their_content(session_for, refused) -> None:
    berta = session_for("berta")
    client_id, _ = make_client(berta)
    info = DocumentInfo("Zeugnis", "certificate", "zeugnis.pdf", "application/pdf", date(2026, 11, 2))
    doc_id = documents.add_document(berta, client_id, info, PDF)
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    documents.add_document(berta, client_id, replace(info, file_name="a.docx", media_type=docx), docx_bytes())
    assert documents.document_content(berta, doc_id) == PDF
    listed = clients.client_file(berta, client_id).documents
    assert [d.value.size for d in listed] == [len(PDF), len(docx_bytes())]
    with pytest.raises(ValidationError) as info_error:
        documents.add_document(berta, client_id, info, PNG)
    assert codes_of(info_error) == {"media_type": "content_not_media_type"}
    with pytest.raises(ValidationError) as info_error:
        documents.add_document(
            berta, client_id, replace(info, file_name="../x.pdf"), b"%PDF-" + b"0" * (20 * 1024 * 1024)
        )
    assert codes_of(info_error) == {"file_name": "not_a_file_name", "content": "document_too_large"}
    cem = session_for("cem")
    with refused():
        documents.document_content(cem, doc_id)
