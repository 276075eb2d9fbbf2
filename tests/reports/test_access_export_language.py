"""The Art. 15 access export speaks one language throughout (issue 11, acceptance 5)."""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import pypdf

from jmd_desk.demo.synthetic_v2 import sample_files
from jmd_desk.domain.entities import (
    Appointment,
    Case,
    Client,
    Consent,
    Contact,
    DocumentInfo,
    FollowUp,
    Goal,
    GroupOffer,
    Partner,
    Progress,
    Referral,
)
from jmd_desk.services import appointments, casework, clients, documents, groups, partners, progress
from jmd_desk.texts import access_export, labels

# Words only a German page has; every user-entered text below is neutral.
GERMAN_WORDS = re.compile(
    r"\b(und|oder|nicht|ja|nein|keine|Angabe|Fall|Ziele|Kontakte|Termine|Wiedervorlagen|Vermittlungen|"
    r"Stammdaten|Einwilligungen?|Berichtigungen|Dokumente|Fortschritt|Gruppenangebote|Protokoll|Seite)\b"
)
UMLAUTS = re.compile("[äöüÄÖÜß]")
GERMAN_DATE = re.compile(r"\b\d\d\.\d\d\.\d{4}\b")


def _rich_client(session) -> int:
    """A client with a record of every kind the export shows, and one correction."""
    client_id = clients.create_client(
        session,
        Client("Lina", "Yusuf", date(2007, 2, 3), gender="female", german_level="A2", country_of_birth="SY"),
        Case("case_management", date(2026, 2, 2)),
    )
    case_id = clients.client_file(session, client_id).cases[0].id
    casework.add_record(session, client_id, Consent("referral_sharing", date(2026, 2, 2), given_by="self"))
    goal = Goal("vocational", "Apprenticeship", date(2026, 2, 3), responsible=("young_person",))
    casework.add_record(session, case_id, goal)
    casework.add_record(session, case_id, Contact(date(2026, 2, 4), 45, "in_person", ("young_person",), ("school",)))
    casework.add_record(session, case_id, FollowUp(date(2026, 3, 1), "Call back"))
    partner_id = partners.create_partner(session, Partner("Agency Nord", "jobcenter"))
    casework.add_record(session, case_id, Referral(partner_id, date(2026, 2, 5), "vocational"))
    progress.add_progress(session, client_id, Progress("german_level", "B1", date(2026, 10, 1)))
    info = DocumentInfo("Certificate", "certificate", "b1.pdf", "application/pdf", date(2026, 10, 2))
    documents.add_document(session, client_id, info, sample_files()["application/pdf"])
    appointments.add_case_appointment(session, case_id, Appointment(datetime(2026, 11, 25, 10, 0), 30, "in_person"))
    offer_id = groups.create_offer(session, GroupOffer("Parents cafe", "parents", date(2026, 9, 1), date(2026, 12, 1)))
    groups.link_client(session, offer_id, client_id)
    client = clients.client_file(session, client_id).client
    clients.update_client(session, client_id, client.__class__(**{**client.__dict__, "german_level": "B1"}))
    return client_id


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())


def test_english_access_export_has_no_german_heading_label_or_date(session_for) -> None:
    berta = session_for("berta")
    client_id = _rich_client(berta)
    _, pdf = clients.access_export(berta, client_id, lang="en")
    words = _text(pdf)
    for key in ("title", "client", "consents", "progress", "documents", "group_offers", "goals", "contacts"):
        assert access_export.HEADINGS[key][1] in words
    for key in ("follow_ups", "appointments", "referrals", "corrections", "access_log"):
        assert access_export.HEADINGS[key][1] in words
    assert "Case 1" in words and labels.field_label("german_level", "en") in words
    assert GERMAN_WORDS.findall(words) == []
    assert UMLAUTS.findall(words) == []
    assert GERMAN_DATE.findall(words) == []
    assert pypdf.PdfReader(io.BytesIO(pdf)).metadata.title == access_export.HEADINGS["document_title"][1]


def test_german_access_export_keeps_german_headings(session_for) -> None:
    berta = session_for("berta")
    client_id = _rich_client(berta)
    _, pdf = clients.access_export(berta, client_id, lang="de")
    words = _text(pdf)
    for de, _en in access_export.HEADINGS.values():
        if "{" not in de and de != access_export.HEADINGS["document_title"][0]:
            assert de in words
    assert "Fall 1" in words and "25.11.2026 10:00" in words
