"""Version-2 data through the interchange import: the internal report equals a recount from the
document itself, and the same document (same record keys) gives the same cell-key report in any store."""

from __future__ import annotations

import dataclasses
import json
import random
from collections import Counter
from pathlib import Path

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.demo.synthetic_v2 import add_version_2
from jmd_desk.domain.statistics import Period
from jmd_desk.reports.statistics_output import to_json
from jmd_desk.services import accounts, interchange, statistics
from jmd_desk.services import settings as office
from tests.conftest import ADMIN_PASSWORD, POLICY, TODAY, sign_in

Q = Period.quarter("2026-Q2")


def keyed_document() -> dict:
    """A v2 document in which every counted record carries its record key."""
    doc = add_version_2(generate_document(120, today=TODAY.date(), seed=31, counsellors=["admin"]), today=TODAY.date())
    rng = random.Random(31)
    for client in doc["clients"]:
        client["record_key"] = rng.randrange(2**32)  # the generator leaves some out (generated on import)
        for case in client["cases"]:
            case["record_key"] = rng.randrange(2**32)
            for kind in ("goals", "contacts", "referrals"):
                for record in case[kind]:
                    record["record_key"] = rng.randrange(2**32)
    for record in [*doc["group_offers"], *doc["anonymous_contacts"]]:
        record["record_key"] = rng.randrange(2**32)
    return doc


def load(path: Path, clock, doc: dict, *, create: bool) -> None:
    if create:
        session, _ = accounts.create_store(path, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY)
    else:
        session = sign_in(path, "admin", clock)
    try:
        interchange.import_data(session, json.dumps(doc).encode())
    finally:
        session.close()


def legal_basis(admin) -> None:
    """The office counts every person with an active case (no consent needed)."""
    office.save_office_settings(admin, dataclasses.replace(office.office_settings(admin), statistics_legal_basis=True))


def recount(doc: dict) -> dict[str, Counter]:
    """Counted straight from the document (legal basis: every person with an active case)."""

    def active(case: dict) -> bool:
        return case["opened_on"] <= Q.end.isoformat() and (
            case["closed_on"] is None or case["closed_on"] >= Q.start.isoformat()
        )

    counted = [c for c in doc["clients"] if any(active(k) for k in c["cases"])]
    labels = {d["code"]: d["label"] for d in doc["districts"]}
    anonymous = [a for a in doc["anonymous_contacts"] if Q.start.isoformat() <= a["date"] <= Q.end.isoformat()]
    offers = [
        o
        for o in doc["group_offers"]
        if o["starts_on"] <= Q.end.isoformat() and (o["ends_on"] is None or o["ends_on"] >= Q.start.isoformat())
    ]
    return {
        "persons_by_district": Counter(c.get("district") or "unknown" for c in counted),
        "anonymous_contacts_by_mode": Counter(a["mode"] for a in anonymous),
        "anonymous_contacts_by_gender": Counter(a["gender"] for a in anonymous),
        "offers": Counter({"offers_active": len(offers)}),
        "labels": Counter(labels),
    }


def test_internal_v2_tables_equal_a_recount_and_cell_keys_travel_with_the_records(store_path, clock, tmp_path) -> None:
    doc = keyed_document()
    admin = sign_in(store_path, "admin", clock)
    legal_basis(admin)
    admin.close()
    load(store_path, clock, doc, create=False)
    other = tmp_path / "other" / "office.jmd"
    other.parent.mkdir()
    load(other, clock, doc, create=True)
    admin = sign_in(other, "admin", clock)
    legal_basis(admin)
    admin.close()
    expected = recount(doc)
    lead = sign_in(store_path, "lead", clock)
    try:
        report = statistics.report_for(lead, Q, "internal")
        masked = statistics.report_for(lead, Q)
    finally:
        lead.close()
    for table_id in ("persons_by_district", "anonymous_contacts_by_mode", "anonymous_contacts_by_gender"):
        table = report.table(table_id)
        got = {c.code(table.dimensions[0]): c.value for c in table.cells if c.value}
        assert got == dict(expected[table_id]), table_id
    assert (
        sum(expected["persons_by_district"].values()) > 0 and sum(expected["anonymous_contacts_by_mode"].values()) > 0
    )
    offers = report.table("group_offers").cell(measure="offers_active").value or 0
    assert offers == expected["offers"]["offers_active"]
    assert dict(report.table("persons_by_district").labels) == {
        k: v for k, v in expected["labels"].items() if k in dict(report.table("persons_by_district").labels)
    }
    admin = sign_in(other, "admin", clock)  # admin holds the team-lead role in a new store
    try:
        elsewhere = statistics.report_for(admin, Q)
    finally:
        admin.close()
    assert to_json(elsewhere)["tables"] == to_json(masked)["tables"]  # different row ids, same keys
