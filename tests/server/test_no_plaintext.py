"""Acceptance 3: after an import, ``pg_dump`` of the whole database (as superuser) and the
server log hold none of the imported names, note texts, phone numbers or addresses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.clock import FixedClock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import StoreError, ValidationError
from jmd_desk.services import server_cases
from jmd_desk.store.server import office
from jmd_desk.store.server.profile import load_profile
from jmd_desk.store.server.server_store import ServerStore
from tests.conftest import POLICY, TODAY
from tests.pg_cluster import PgCluster
from tests.server.conftest import OWNER, OWNER_PASSWORD, create_office_database, write_profile

DB = "no_plain"
CANARIES = {"first_name": "Qwertzuia", "last_name": "Yxcvbnmopq", "phone": "0176 99887766",
            "address": "Zwetschgenallee 77, 12345 Musterstadt", "guardian": "Vormundschaft Plokijuhz"}  # fmt: skip
NOTE = "Gespräch über Ausbildungsplatz bei Firma Uztrewq"


def _document() -> dict:
    doc = generate_document(40, today=TODAY.date(), seed=5, counsellors=["np.berta"])
    doc["clients"][0].update(CANARIES)
    doc["clients"][1]["cases"][0]["contacts"][0]["notes"] = NOTE
    return doc


def _secrets_of(doc: dict) -> set[str]:
    """Every name, phone, address and free text of the document that could not appear by chance."""
    found: set[str] = set()
    for client in doc["clients"]:
        found.add(f"{client['first_name']} {client['last_name']}")
        found.update(client[k] for k in ("first_name", "last_name") if len(client[k]) >= 8)
        found.update(client[k] for k in ("phone", "address", "email", "guardian") if client.get(k))
        for case in client["cases"]:
            found.update(c["notes"] for c in case["contacts"] if c.get("notes"))
            found.update(g["title"] for g in case["goals"] if len(g["title"]) >= 8)
            found.update(f["text"] for f in case.get("follow_ups", []) if len(f["text"]) >= 8)
    for partner in doc["partners"]:
        found.update(partner[k] for k in ("contact_person", "phone", "address") if partner.get(k))
    return found


@pytest.fixture(scope="module")
def imported(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    create_office_database(pg_cluster, DB)
    folder = tmp_path_factory.mktemp("np")
    profile_path = write_profile(folder, pg_cluster, DB)
    profile = load_profile(profile_path)
    office.setup(
        profile, OWNER, OWNER_PASSWORD, office.NewAccount("np.ada", "Ada", frozenset(Role), "Ada-Pw-1234"), POLICY
    )
    berta = office.NewAccount("np.berta", "Berta", frozenset({Role.COUNSELLOR}), "Berta-Pw-123")
    office.add_user(profile, "np.ada", "Ada-Pw-1234", berta, POLICY)
    doc = _document()
    data = json.dumps(doc).encode()
    summary = server_cases.import_own_files(
        profile_path, "np.berta", "Berta-Pw-123", data, clock=FixedClock(TODAY), policy=POLICY
    )
    assert summary.clients == 40
    return profile_path, doc


def test_the_data_arrived_and_opens_on_the_workstation(imported: tuple[Path, dict]) -> None:
    profile_path, doc = imported
    store = ServerStore.open(load_profile(profile_path), "np.berta", "Berta-Pw-123", POLICY)
    try:
        names = store.client_names()
    finally:
        store.close()
    assert len(names) == 40
    assert (CANARIES["first_name"], CANARIES["last_name"]) in names.values()
    assert sorted(names.values()) == sorted((c["first_name"], c["last_name"]) for c in doc["clients"])


def test_pg_dump_and_server_log_hold_no_personal_data(imported: tuple[Path, dict], pg_cluster: PgCluster) -> None:
    _, doc = imported
    dump = pg_cluster.run_tool("pg_dump", "-d", pg_cluster.superuser_conninfo(DB)).stdout.decode()
    log = pg_cluster.log_file.read_text(errors="replace")
    assert "COPY public.clients" in dump  # the dump is real and has the table
    assert "2026-" in dump  # client numbers stay plaintext
    secrets = _secrets_of(doc)
    assert len(secrets) > 100
    # case-insensitive: search keys hold names in lower case
    haystack = (dump + log).casefold()
    leaked = sorted(s for s in secrets if s.casefold() in haystack)
    assert leaked == []


def test_a_client_in_a_colleagues_name_is_refused(imported: tuple[Path, dict]) -> None:
    profile_path, _ = imported
    doc = generate_document(2, today=TODAY.date(), seed=9, counsellors=["np.ada"])
    with pytest.raises(ValidationError) as caught:
        server_cases.import_own_files(
            profile_path, "np.berta", "Berta-Pw-123", json.dumps(doc).encode(), clock=FixedClock(TODAY), policy=POLICY
        )
    assert caught.value.errors[0].code == "server_import_other_counsellor"


def test_row_level_security_refuses_even_without_the_service_check(imported: tuple[Path, dict]) -> None:
    profile_path, _ = imported
    from jmd_desk.domain.interchange import parse_document  # noqa: PLC0415

    doc = parse_document(json.dumps(generate_document(1, today=TODAY.date(), seed=3, counsellors=["np.ada"])).encode(),
                         TODAY.date())  # fmt: skip
    store = ServerStore.open(load_profile(profile_path), "np.berta", "Berta-Pw-123", POLICY)
    try:
        numbered = server_cases.with_numbers(store, doc, "np.berta", 2026)
        with pytest.raises(StoreError) as caught:
            store.write_document(numbered, TODAY)
        assert caught.value.code == "server_row_refused"
        assert len(store.client_names()) == 40
    finally:
        store.close()


def test_opening_a_file_gives_the_plaintext_back(imported: tuple[Path, dict]) -> None:
    profile_path, _ = imported
    store = ServerStore.open(load_profile(profile_path), "np.berta", "Berta-Pw-123", POLICY)
    lead = ServerStore.open(load_profile(profile_path), "np.ada", "Ada-Pw-1234", POLICY)
    try:
        names = store.client_names()
        canary = next(cid for cid, (first, _) in names.items() if first == CANARIES["first_name"])
        rows = store.file_rows(canary)
        assert rows["clients"][0]["address"] == CANARIES["address"]
        assert rows["cases"] and rows["contacts"]
        noted = [cid for cid in names if NOTE in [c["notes"] for c in store.file_rows(cid).get("contacts", [])]]
        assert len(noted) == 1
        assert lead.file_rows(canary) == {}  # an admin who is not her counsellor sees nothing
    finally:
        store.close()
        lead.close()
