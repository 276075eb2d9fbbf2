"""The publication register: every written, printed or bundled report is recorded; a report that
differs from an earlier one for the same period and method says so."""

from __future__ import annotations

import copy
import json

import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.errors import AuthError, JmdError
from jmd_desk.services import interchange, publication, statistics
from tests.conftest import TODAY, sign_in
from tests.reports.test_statistics_methods import QUARTER


def late_entry(doc: dict) -> dict:
    """One more young person with a case in the quarter and a statistics consent."""
    client = copy.deepcopy(doc["clients"][0])
    client.update(ref="late", first_name="Nachtrag", last_name="Spaet")
    client.pop("client_number", None)
    client["consents"] = [
        {"scope": "statistics", "given_by": "self", "given_on": "2026-01-05", "form_version": "1", "withdrawn_on": None}
    ]
    case = {k: v for k, v in client["cases"][0].items()}
    case.update(ref="late-case", opened_on="2026-05-04", closed_on=None, closure_reason=None, destination=None)
    case.update(goals=[], contacts=[], referrals=[], follow_ups=[])
    client["cases"] = [case]
    return {"format": "jmd-desk-interchange", "version": 1, "partners": [], "clients": [client]}


def import_as_admin(store_path, clock, doc: dict) -> None:
    admin = sign_in(store_path, "admin", clock)
    try:
        interchange.import_data(admin, json.dumps(doc).encode())
    finally:
        admin.close()


def test_register_records_and_flags_a_changed_report(store_path, clock) -> None:
    doc = generate_document(60, today=TODAY.date(), seed=7, counsellors=["admin"])
    import_as_admin(store_path, clock, doc)
    lead = sign_in(store_path, "lead", clock)
    try:
        first, report = statistics.export_report(lead, QUARTER, "csv", method="internal")
        assert report.differs_from is None
        again, report = statistics.export_report(lead, QUARTER, "csv", method="internal")
        assert report.differs_from is None and again == first
        statistics.export(lead, QUARTER, "json")  # another method: its own history
    finally:
        lead.close()
    import_as_admin(store_path, clock, late_entry(doc))
    lead = sign_in(store_path, "lead", clock)
    try:
        changed, report = statistics.export_report(lead, QUARTER, "csv", method="internal")
        assert report.differs_from is not None
        assert "weicht von einem früheren Bericht" in changed.decode("utf-8-sig")
        assert "weicht" not in first.decode("utf-8-sig")
        statistics.create_bundle(lead, QUARTER, "Buero-Statistik-2026")
        entries = publication.register(lead)
        assert [(e.method, e.output) for e in entries] == [
            ("bundle", "bundle"),
            ("internal", "csv"),
            ("cell_key", "json"),
            ("internal", "csv"),
            ("internal", "csv"),
        ]
        assert all(e.user == "lead" and e.period == QUARTER and len(e.cells_hash) == 64 for e in entries)
        assert entries[1].cells_hash != entries[3].cells_hash == entries[4].cells_hash
        assert entries[2].k == 3 and entries[1].k is None
    finally:
        lead.close()


def test_register_is_for_team_leads(store_path, clock) -> None:
    session = sign_in(store_path, "berta", clock)
    try:
        with pytest.raises((AuthError, JmdError)):
            publication.register(session)
    finally:
        session.close()
