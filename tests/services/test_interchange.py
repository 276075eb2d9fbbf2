"""Import and export in the interchange format: round trip, all-or-nothing, JSON paths."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain import codes
from jmd_desk.domain.errors import AuthError, ValidationError
from jmd_desk.services import interchange
from tests.conftest import TODAY, copy_store, sign_in

TODAY_DATE = TODAY.date()


def sample(clients: int = 60, seed: int = 7) -> dict[str, Any]:
    return generate_document(clients, today=TODAY_DATE, seed=seed, counsellors=["berta", "cem"])


def used_codes(doc: dict[str, Any]) -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}

    def add(name: str, value: Any) -> None:
        if value is None:
            return
        values = value if isinstance(value, list) else [value]
        used.setdefault(name, set()).update(values)

    for p in doc["partners"]:
        add("partner_type", p["partner_type"])
    for c in doc["clients"]:
        for name in ("gender", "residence_status", "german_level"):
            add(name, c[name])
        for consent in c["consents"]:
            add("scope", consent["scope"])
            add("given_by", consent["given_by"])
        for case in c["cases"]:
            for name in ("case_type", "closure_reason", "destination"):
                add(name, case[name])
            for g in case["goals"]:
                add("area", g["area"])
                add("goal_status", g["status"])
            for ct in case["contacts"]:
                add("mode", ct["mode"])
                add("participants", ct["participants"])
                add("area", ct["topics"])
            for r in case["referrals"]:
                add("referral_status", r["status"])
                add("area", r["area"])
    return used


def test_generated_data_use_every_code() -> None:
    used = used_codes(sample())
    expected = {
        "gender": codes.GENDERS,
        "residence_status": codes.RESIDENCE_STATUSES,
        "german_level": codes.GERMAN_LEVELS,
        "case_type": codes.CASE_TYPES,
        "closure_reason": codes.CLOSURE_REASONS,
        "destination": codes.DESTINATIONS,
        "area": codes.AREAS,
        "goal_status": codes.GOAL_STATUSES,
        "mode": codes.CONTACT_MODES,
        "participants": codes.PARTICIPANTS,
        "partner_type": codes.PARTNER_TYPES,
        "referral_status": codes.REFERRAL_STATUSES,
        "scope": codes.CONSENT_SCOPES,
        "given_by": codes.CONSENT_GIVERS,
    }
    for name, values in expected.items():
        assert set(values) <= used.get(name, set()), name


def test_export_import_export_gives_the_same_document(
    store_path: Path, template_store: Path, tmp_path: Path, clock
) -> None:
    data = json.dumps(sample()).encode()
    session = sign_in(store_path, "admin", clock)
    summary = interchange.import_data(session, data)
    assert summary.clients == 60
    first = interchange.export_data(session)
    session.close()

    other = copy_store(template_store, tmp_path / "other")
    session = sign_in(other, "admin", clock)
    interchange.import_data(session, first)
    second = interchange.export_data(session)
    session.close()
    assert first == second
    doc = json.loads(first)
    assert len(doc["clients"]) == 60 and doc["partners"]
    assert set(doc) == {
        "format",
        "version",
        "districts",
        "partners",
        "clients",
        "group_offers",
        "anonymous_contacts",
    }
    assert doc["version"] == 2


def test_imported_values_survive_exactly(store_path: Path, clock) -> None:
    original = sample(15, seed=3)
    session = sign_in(store_path, "admin", clock)
    interchange.import_data(session, json.dumps(original).encode())
    exported = json.loads(interchange.export_data(session))
    session.close()
    by_name = {(c["first_name"], c["last_name"], c["date_of_birth"]): c for c in exported["clients"]}
    for client in original["clients"]:
        mine = by_name[(client["first_name"], client["last_name"], client["date_of_birth"])]
        for key in ("gender", "nationalities", "languages", "residence_status", "counsellor", "arrival_date"):
            assert mine[key] == client[key]
        assert [c["opened_on"] for c in mine["cases"]] == [c["opened_on"] for c in client["cases"]]
        notes = sorted(n["notes"] for c in client["cases"] for n in c["contacts"])
        assert sorted(n["notes"] for c in mine["cases"] for n in c["contacts"]) == notes


def test_client_numbers_are_generated_from_the_intake_year(store_path: Path, clock) -> None:
    doc = sample(5, seed=11)
    doc["clients"][0]["client_number"] = "2023-0007"
    session = sign_in(store_path, "admin", clock)
    interchange.import_data(session, json.dumps(doc).encode())
    exported = json.loads(interchange.export_data(session))
    session.close()
    numbers = {c["client_number"] for c in exported["clients"]}
    assert "2023-0007" in numbers
    for c in exported["clients"]:
        first_year = min(case["opened_on"][:4] for case in c["cases"])
        if c["client_number"] != "2023-0007":
            assert c["client_number"].startswith(first_year + "-")


def _mutate(doc: dict[str, Any], how: str) -> tuple[dict[str, Any] | bytes, set[str]]:
    doc = copy.deepcopy(doc)
    c0 = doc["clients"][0]
    case0 = c0["cases"][0]
    if how == "unknown_code":
        c0["gender"] = "männlich"
        return doc, {"$.clients[0].gender"}
    if how == "bad_date":
        case0["opened_on"] = "2024-02-30"
        doc["clients"][1]["date_of_birth"] = "01.02.2008"
        return doc, {"$.clients[0].cases[0].opened_on", "$.clients[1].date_of_birth"}
    if how == "missing_partner":
        case = next(c for cl in doc["clients"] for c in cl["cases"] if c["referrals"])
        case["referrals"][0]["partner_ref"] = "no-such-partner"
        ci = next(i for i, cl in enumerate(doc["clients"]) if case in cl["cases"])
        cj = doc["clients"][ci]["cases"].index(case)
        return doc, {f"$.clients[{ci}].cases[{cj}].referrals[0].partner_ref"}
    if how == "too_old":
        opened = date.fromisoformat(case0["opened_on"])
        c0["date_of_birth"] = date(opened.year - 30, 1, 1).isoformat()
        c0["arrival_date"] = None
        return doc, {"$.clients[0].date_of_birth"}
    if how == "unknown_field":
        c0["nationality"] = "SY"
        case0["contacts"].append({"date": "2025-01-01", "minutes": 30, "mode": "phone", "note": "x"})
        return doc, {
            "$.clients[0].nationality",
            f"$.clients[0].cases[0].contacts[{len(case0['contacts']) - 1}].note",
        }
    if how == "several":
        c0["languages"] = ["de", "xx"]
        doc["clients"][2]["country_of_birth"] = "Syrien"
        doc["partners"][0]["partner_type"] = "verein"
        return doc, {
            "$.clients[0].languages[1]",
            "$.clients[2].country_of_birth",
            "$.partners[0].partner_type",
        }
    raise AssertionError(how)


@pytest.mark.parametrize("how", ["unknown_code", "bad_date", "missing_partner", "too_old", "unknown_field", "several"])
def test_invalid_files_are_rejected_with_every_path(store_path: Path, clock, how: str) -> None:
    doc, paths = _mutate(sample(20, seed=5), how)
    session = sign_in(store_path, "admin", clock)
    before = interchange.export_data(session)
    with pytest.raises(ValidationError) as info:
        interchange.import_data(session, json.dumps(doc).encode())
    assert {e.path for e in info.value.errors} == paths
    assert interchange.export_data(session) == before
    session.close()


def test_malformed_json_is_rejected(store_path: Path, clock) -> None:
    session = sign_in(store_path, "admin", clock)
    for data in (b'{"format": "jmd-desk-interchange", "version": 1, "clients": [', b"\xff\xfe", b"[]"):
        with pytest.raises(ValidationError) as info:
            interchange.import_data(session, data)
        assert info.value.errors[0].path == "$"
    session.close()


def test_duplicate_keys_and_refs_are_errors(store_path: Path, clock) -> None:
    doc = sample(3, seed=2)
    doc["clients"][1]["ref"] = doc["clients"][0]["ref"]
    text = json.dumps(doc).replace('"gender":', '"gender": "female", "gender":', 1)
    session = sign_in(store_path, "admin", clock)
    with pytest.raises(ValidationError) as info:
        interchange.import_data(session, text.encode())
    session.close()
    assert {e.code for e in info.value.errors} >= {"duplicate_key", "duplicate_ref"}


def test_client_number_already_in_store_is_rejected(store_path: Path, clock) -> None:
    doc = sample(2, seed=4)
    doc["clients"][0]["client_number"] = "2024-0001"
    session = sign_in(store_path, "admin", clock)
    interchange.import_data(session, json.dumps(doc).encode())
    doc["clients"][0]["ref"] = "again"
    with pytest.raises(ValidationError) as info:
        interchange.import_data(session, json.dumps({**doc, "clients": doc["clients"][:1]}).encode())
    session.close()
    assert [e.path for e in info.value.errors] == ["$.clients[0].client_number"]


def test_referral_without_consent_is_rejected(store_path: Path, clock) -> None:
    doc = sample(30, seed=9)
    ci, client = next((i, c) for i, c in enumerate(doc["clients"]) if any(cs["referrals"] for cs in c["cases"]))
    client["consents"] = [c for c in client["consents"] if c["scope"] != "referral_sharing"]
    session = sign_in(store_path, "admin", clock)
    with pytest.raises(ValidationError) as info:
        interchange.import_data(session, json.dumps(doc).encode())
    session.close()
    assert info.value.errors and all(e.code == "referral_without_consent" for e in info.value.errors)
    assert all(e.path.startswith(f"$.clients[{ci}].cases[") for e in info.value.errors)


def test_roles_for_import_and_export(session_for) -> None:
    data = json.dumps(generate_document(2, today=TODAY_DATE, seed=7, counsellors=["berta"])).encode()
    lead = session_for("lead")
    with pytest.raises(AuthError):
        interchange.import_data(lead, data)
    with pytest.raises(AuthError):
        interchange.export_data(lead)
    berta = session_for("berta")
    interchange.import_data(berta, data)
    with pytest.raises(AuthError):
        interchange.export_data(berta)
    it = session_for("it")  # admin only: no case contents, so no full export (issue 12, finding 10)
    with pytest.raises(AuthError):
        interchange.export_data(it)
    admin = session_for("admin")  # admin and team lead
    assert json.loads(interchange.export_data(admin))["clients"]
