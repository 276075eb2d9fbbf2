"""Interchange version 2: every addition round-trips; invalid additions are rejected with
their JSON paths and nothing is imported; version 1 still imports."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.demo.synthetic_v2 import add_version_2
from jmd_desk.domain import codes
from jmd_desk.domain.entities import District
from jmd_desk.domain.errors import ValidationError
from jmd_desk.services import clients, interchange, progress
from tests.conftest import TODAY, copy_store, sign_in

TODAY_DATE = TODAY.date()


def v2_sample(clients_count: int = 24, seed: int = 5) -> dict[str, Any]:
    base = generate_document(clients_count, today=TODAY_DATE, seed=seed, counsellors=["berta", "cem"])
    return add_version_2(base, today=TODAY_DATE, seed=seed)


def used(doc: dict[str, Any]) -> dict[str, set[Any]]:
    """Every value of the version-2 fields, by field name."""
    seen: dict[str, set[Any]] = {}

    def add(name: str, value: Any) -> None:
        for v in value if isinstance(value, list) else [value]:
            seen.setdefault(name, set()).add(v)

    for c in doc["clients"]:
        add("school_qualification", c["school_qualification"])
        add("district", c["district"])
        for p in c["progress"]:
            add("progress_field", p["field"])
        for d in c["documents"]:
            add("document_kind", d["kind"])
            add("media_type", d["media_type"])
        for case in c["cases"]:
            add("phase", case.get("phase"))
            for g in case["goals"]:
                add("responsible", g["responsible"])
            for a in case["appointments"]:
                add("appointment_status", a["status"])
    for o in doc["group_offers"]:
        add("group_kind", o["kind"])
        add("headcount_gender", list(o["participants_by_gender"]))
        add("headcount_age_group", list(o["participants_by_age_group"]))
        for a in o["appointments"]:
            add("appointment_status", a["status"])
    for a in doc["anonymous_contacts"]:
        add("age_group", a["age_group"])
        add("gender", a["gender"])
        add("mode", a["mode"])
        add("referred_partner_type", a["referred_partner_type"])
    return seen


def test_generated_document_uses_every_new_code() -> None:
    seen = used(v2_sample())
    expected = {
        "school_qualification": codes.SCHOOL_QUALIFICATIONS,
        "phase": codes.CASE_PHASES,
        "responsible": codes.RESPONSIBLES,
        "appointment_status": codes.APPOINTMENT_STATUSES,
        "group_kind": codes.GROUP_KINDS,
        "document_kind": codes.DOCUMENT_KINDS,
        "media_type": codes.MEDIA_TYPES,
        "progress_field": codes.PROGRESS_FIELDS,
        "headcount_gender": codes.GENDERS,
        "headcount_age_group": codes.AGE_GROUP_CODES,
        "age_group": codes.AGE_GROUP_CODES,
        "gender": codes.GENDERS,
        "mode": codes.CONTACT_MODES,
        "referred_partner_type": codes.PARTNER_TYPES,
    }
    for name, values in expected.items():
        assert set(values) <= seen.get(name, set()), name


def test_version_2_round_trip_is_identical(store_path: Path, template_store: Path, tmp_path: Path, clock) -> None:
    original = v2_sample()
    session = sign_in(store_path, "admin", clock)
    summary = interchange.import_data(session, json.dumps(original).encode())
    first = interchange.export_data(session)
    session.close()
    assert (summary.group_offers, summary.anonymous_contacts) == (8, 40)

    other = copy_store(template_store, tmp_path / "other")
    session = sign_in(other, "admin", clock)
    interchange.import_data(session, first)
    second = interchange.export_data(session)
    session.close()
    assert first == second

    doc = json.loads(first)
    assert doc["version"] == 2 and len(doc["districts"]) == 6
    by_person = {(c["first_name"], c["last_name"], c["date_of_birth"]): c for c in doc["clients"]}
    for client in original["clients"]:
        mine = by_person[(client["first_name"], client["last_name"], client["date_of_birth"])]
        for key in ("district", "school_qualification", "school_qualification_note", "documents"):
            assert mine.get(key) == client.get(key), key
        by_field = [sorted(c["progress"], key=lambda p: (p["field"], p["on"])) for c in (mine, client)]
        assert by_field[0] == by_field[1]
        if "record_key" in client:  # given keys are kept, absent ones generated
            assert mine["record_key"] == client["record_key"]
        assert 0 <= mine["record_key"] < 2**32
        for case, own in zip(client["cases"], mine["cases"], strict=True):
            for key in ("requested_on", "phase"):
                assert own.get(key) == case.get(key)
            assert [a["status"] for a in own["appointments"]] == [a["status"] for a in case["appointments"]]
            goal_fields = ("title", "steps", "responsible", "review_on")
            assert sorted(tuple(map(str, (g[k] for k in goal_fields))) for g in own["goals"]) == sorted(
                tuple(map(str, (g[k] for k in goal_fields))) for g in case["goals"]
            )
    offers = sorted(doc["group_offers"], key=lambda o: o["title"])
    given = sorted(original["group_offers"], key=lambda o: o["title"])
    for own, offer in zip(offers, given, strict=True):
        for key in ("kind", "areas", "starts_on", "ends_on", "sessions", "participants_by_gender"):
            assert own[key] == offer[key], key
        assert len(own["client_refs"]) == len(offer["client_refs"])
    assert sorted(json.dumps(a, sort_keys=True) for a in doc["anonymous_contacts"]) == sorted(
        json.dumps({**a, "record_key": b["record_key"]}, sort_keys=True)
        for a, b in zip(
            sorted(original["anonymous_contacts"], key=lambda a: (a["date"], a["minutes"], a["mode"])),
            sorted(doc["anonymous_contacts"], key=lambda a: (a["date"], a["minutes"], a["mode"])),
            strict=True,
        )
    )


def test_held_appointment_keeps_its_contact(store_path: Path, clock) -> None:
    session = sign_in(store_path, "admin", clock)
    interchange.import_data(session, json.dumps(v2_sample(6)).encode())
    doc = json.loads(interchange.export_data(session))
    session.close()
    for client in doc["clients"]:
        for case in client["cases"]:
            refs = {c["ref"]: c for c in case["contacts"] if "ref" in c}
            for a in case["appointments"]:
                if a["status"] == "held":
                    contact = refs[a["contact_ref"]]
                    assert (contact["date"], contact["minutes"], contact["mode"]) == (
                        a["starts_at"][:10],
                        a["minutes"],
                        a["mode"],
                    )


def test_version_1_still_imports_and_free_text_becomes_a_note(session_for) -> None:
    doc = generate_document(4, today=TODAY_DATE, seed=9, counsellors=["berta"])
    doc["version"] = 1
    doc["clients"][0]["school_qualification"] = "Abitur in Syrien"
    doc["clients"][1]["school_qualification"] = "lower_secondary"
    berta = session_for("berta")
    summary = interchange.import_data(berta, json.dumps(doc).encode())
    assert summary.clients == 4
    rows = {r.first_name: r.id for r in clients.list_clients(berta)}
    first = clients.client_file(berta, rows[doc["clients"][0]["first_name"]]).client
    second = clients.client_file(berta, rows[doc["clients"][1]["first_name"]]).client
    assert (first.school_qualification, first.school_qualification_note) == ("unknown", "Abitur in Syrien")
    assert (second.school_qualification, second.school_qualification_note) == ("lower_secondary", None)


def test_version_1_may_carry_version_2_fields_and_keeps_them(session_for) -> None:
    doc = generate_document(2, today=TODAY_DATE, seed=9, counsellors=["berta"])
    doc["version"] = 1
    doc["districts"] = [{"code": "nordstadt", "label": "Nordstadt"}]
    doc["clients"][0]["district"] = "nordstadt"
    doc["clients"][0]["cases"][0]["goals"] = [
        {"area": "school", "title": "Abschluss", "steps": "VHS-Kurs", "responsible": ["young_person"]}
    ]
    doc["clients"][0]["cases"][0]["typo_field"] = 1
    berta = session_for("berta")
    with pytest.raises(ValidationError) as info:
        interchange.import_data(berta, json.dumps(doc).encode())
    assert [(e.path, e.code) for e in info.value.errors] == [("$.clients[0].cases[0].typo_field", "unknown_field")]
    del doc["clients"][0]["cases"][0]["typo_field"]
    interchange.import_data(berta, json.dumps(doc).encode())
    row = next(r for r in clients.list_clients(berta) if r.first_name == doc["clients"][0]["first_name"])
    file = clients.client_file(berta, row.id)
    assert file.client.district == "nordstadt"
    assert file.cases[0].goals[0].value.steps == "VHS-Kurs"


def _first_case(doc: dict[str, Any], case_type: str) -> tuple[int, int]:
    for i, c in enumerate(doc["clients"]):
        for j, case in enumerate(c["cases"]):
            if case["case_type"] == case_type:
                return i, j
    raise AssertionError(case_type)


def test_invalid_additions_are_rejected_with_their_paths(session_for) -> None:
    doc = v2_sample(12)
    bad = copy.deepcopy(doc)
    offer = bad["group_offers"][0]
    participants = max(sum(offer["participants_by_gender"].values()), sum(offer["participants_by_age_group"].values()))
    offer["sessions"][0]["attendance"] = participants + 1
    bad["clients"][0]["district"] = "mond"
    ci, cj = _first_case(bad, "counselling")
    bad["clients"][ci]["cases"][cj]["phase"] = "clearing"
    mi, mj = _first_case(bad, "case_management")
    case = bad["clients"][mi]["cases"][mj]
    case["requested_on"] = "2026-11-20" if case["opened_on"] < "2026-11-20" else None
    bad["anonymous_contacts"][0]["first_name"] = "Samir"
    bad["clients"][1]["progress"] = [{"field": "german_level", "value": "fließend", "on": "2026-01-10"}]
    bad["clients"][2]["progress"] = [{"field": "german_level", "value": "C2", "on": "2026-01-10"}]
    bad["clients"][2]["german_level"] = "A1"
    berta = session_for("berta")
    with pytest.raises(ValidationError) as info:
        interchange.import_data(berta, json.dumps(bad).encode())
    found = {(e.path, e.code) for e in info.value.errors}
    assert found == {
        ("$.group_offers[0].sessions[0].attendance", "above_participants"),
        ("$.clients[0].district", "unknown_district"),
        (f"$.clients[{ci}].cases[{cj}].phase", "only_case_management"),
        (f"$.clients[{mi}].cases[{mj}].requested_on", "after_opened"),
        ("$.anonymous_contacts[0].first_name", "personal_field_not_allowed"),
        ("$.clients[1].progress[0].value", "not_a_level"),
        ("$.clients[2].german_level", "differs_from_progress"),
    }
    assert clients.list_clients(berta) == []


def test_district_from_the_office_list_is_accepted(session_for) -> None:
    doc = v2_sample(3)
    doc["districts"] = []
    doc["clients"][0]["district"] = "nordstadt"
    for c in doc["clients"][1:]:
        c["district"] = None
    for c in doc["clients"]:
        c["counsellor"] = "admin"  # her own files (the template admin is a counsellor, too)
    admin = session_for("admin")
    with pytest.raises(ValidationError) as info:
        interchange.import_data(admin, json.dumps(doc).encode())
    assert [(e.path, e.code) for e in info.value.errors] == [("$.clients[0].district", "unknown_district")]
    progress.save_district(admin, District("nordstadt", "Nordstadt"))
    assert interchange.import_data(admin, json.dumps(doc).encode()).clients == 3


def test_documents_are_checked_in_the_file(session_for) -> None:
    doc = v2_sample(3)
    d = doc["clients"][0]["documents"]
    d[0]["media_type"] = "image/png" if d[0]["media_type"] != "image/png" else "application/pdf"
    d[1]["content_base64"] = "not base64!"
    with pytest.raises(ValidationError) as info:
        interchange.import_data(session_for("berta"), json.dumps(doc).encode())
    assert {(e.path, e.code) for e in info.value.errors} == {
        ("$.clients[0].documents[0].media_type", "content_not_media_type"),
        ("$.clients[0].documents[1].content_base64", "bad_base64"),
    }
