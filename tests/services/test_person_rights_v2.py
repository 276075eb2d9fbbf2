"""Art. 15 export and deletion runs cover the version-2 records of a person; anonymous
contacts hold nothing that points to a person."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import date, datetime

import pypdf
from sqlalchemy import inspect, text

from jmd_desk.demo.synthetic_v2 import sample_files
from jmd_desk.domain.codes import Role
from jmd_desk.domain.entities import AnonymousContact, Appointment, Case, Client, DocumentInfo, GroupOffer, Progress
from jmd_desk.domain.retention import REASON_REQUEST
from jmd_desk.services import (
    accounts,
    anonymous,
    appointments,
    clients,
    documents,
    groups,
    interchange,
    progress,
    retention,
)
from jmd_desk.store.store import Store
from tests.conftest import ADMIN_PASSWORD, POLICY, set_own_password, sign_in

PDF = sample_files()["application/pdf"]
OFFER = GroupOffer(
    "Elterncafé", "parents", date(2026, 9, 1), date(2026, 12, 1), participants_by_gender=(("female", 6),)
)


def person_with_v2_records(session) -> tuple[int, int]:
    """A client with progress, a document, an appointment and a group link; returns (client, offer)."""
    client_id = clients.create_client(
        session,
        Client("Lina", "Yusuf", date(2007, 2, 3), gender="female", german_level="A2"),
        Case("case_management", date(2026, 2, 2)),
    )
    case_id = clients.client_file(session, client_id).cases[0].id
    progress.add_progress(session, client_id, Progress("german_level", "B1", date(2026, 10, 1)))
    info = DocumentInfo("Sprachzertifikat", "certificate", "b1.pdf", "application/pdf", date(2026, 10, 2))
    documents.add_document(session, client_id, info, PDF)
    appointments.add_case_appointment(session, case_id, Appointment(datetime(2026, 11, 25, 10, 0), 30, "in_person"))
    offer_id = groups.create_offer(session, OFFER)
    groups.link_client(session, offer_id, client_id)
    return client_id, offer_id


def test_access_export_contains_progress_documents_appointments_and_groups(session_for) -> None:
    berta = session_for("berta")
    client_id, _ = person_with_v2_records(berta)
    data, pdf = clients.access_export(berta, client_id)
    doc = json.loads(data)
    assert [(p["field"], p["value"]) for p in doc["progress"]] == [("german_level", "B1")]
    assert doc["documents"][0]["title"] == "Sprachzertifikat" and doc["documents"][0]["content_base64"]
    assert doc["cases"][0]["appointments"][0]["starts_at"] == "2026-11-25T10:00"
    assert doc["group_offers"] == [
        {"title": "Elterncafé", "kind": "parents", "starts_on": "2026-09-01", "ends_on": "2026-12-01", "areas": []}
    ]
    words = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())
    for expected in ("Fortschritt", "Sprachzertifikat", "Termine", "Elterncafé", "25.11.2026 10:00"):
        assert expected in words


PERSON_TABLES = {
    "progress_entries": "client_id = :c",
    "documents": "client_id = :c",
    "group_offer_clients": "client_id = :c",
    "appointments": "case_id IN (SELECT id FROM cases WHERE client_id = :c)",
}


def _counts(store_path, client_id: int) -> dict[str, int]:
    store = Store.open(store_path, username="admin", password=ADMIN_PASSWORD, policy=POLICY)
    try:
        with store.engine.connect() as conn:
            counts = {
                t: conn.execute(text(f"SELECT count(*) FROM {t} WHERE {w}"), {"c": client_id}).scalar_one()
                for t, w in PERSON_TABLES.items()
            }
            counts["group_offers"] = conn.execute(text("SELECT count(*) FROM group_offers")).scalar_one()
            counts["appointment_rows"] = conn.execute(text("SELECT count(*) FROM appointments")).scalar_one()
    finally:
        store.close()
    return counts


def test_deletion_run_removes_the_persons_v2_records(store_path, clock) -> None:
    admin = sign_in(store_path, "admin", clock)
    client_id, offer_id = person_with_v2_records(admin)
    accounts.create_user(admin, "anna", "Anna Admin", frozenset({Role.ADMIN}), "Anna-Passwort-1")
    admin.close()
    set_own_password(store_path, "lead", clock)  # four eyes: both set their own password
    anna = accounts.sign_in(store_path, "anna", "Anna-Passwort-1", clock=clock, policy=POLICY)
    accounts.change_own_password(anna, "Anna-Passwort-1", "Anna-Passwort-1")
    anna.close()
    assert _counts(store_path, client_id) == {
        "progress_entries": 1,
        "documents": 1,
        "group_offer_clients": 1,
        "appointments": 1,
        "group_offers": 1,
        "appointment_rows": 1,
    }
    anna = accounts.sign_in(store_path, "anna", "Anna-Passwort-1", clock=clock, policy=POLICY)
    run_id = retention.propose_deletion(anna, [client_id], REASON_REQUEST)
    anna.close()
    lead = sign_in(store_path, "lead", clock)
    retention.confirm_deletion(lead, run_id)
    lead.close()
    # The offer itself (the office's work, no person in it) stays; the person's traces go.
    assert _counts(store_path, client_id) == {
        "progress_entries": 0,
        "documents": 0,
        "group_offer_clients": 0,
        "appointments": 0,
        "group_offers": 1,
        "appointment_rows": 0,
    }
    admin = sign_in(store_path, "admin", clock)
    assert groups.offer_file(admin, offer_id).client_ids == ()
    admin.close()


ALLOWED = {"date", "minutes", "mode", "topics", "age_group", "gender", "referred_partner_type", "record_key"}


def test_anonymous_contacts_point_to_no_person(store_path, session_for) -> None:
    assert {f.name for f in dataclasses.fields(AnonymousContact)} == ALLOWED
    berta = session_for("berta")
    anonymous.record_anonymous_contact(berta, AnonymousContact(date(2026, 11, 2), 15, "phone", ("school",), "15-17"))
    admin = session_for("admin")
    exported = json.loads(interchange.export_data(admin))
    assert [set(a) for a in exported["anonymous_contacts"]] == [ALLOWED]
    admin.close()
    store = Store.open(store_path, username="admin", password=ADMIN_PASSWORD, policy=POLICY)
    try:
        with store.engine.connect() as conn:
            columns = {c["name"] for c in inspect(conn).get_columns("anonymous_contacts")}
            foreign = inspect(conn).get_foreign_keys("anonymous_contacts")
    finally:
        store.close()
    # Only the recording staff member's user name besides the allowed fields; no link to a file.
    assert columns == ALLOWED | {"id", "counsellor"} and foreign == []
