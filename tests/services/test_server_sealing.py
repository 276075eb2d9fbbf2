"""The use cases on the office server: what they write is sealed on the workstation, what they
read is opened there; name search works on the sealed names; a locked session reopens."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from jmd_desk.domain.entities import Case, Client, Contact, DocumentInfo, FollowUp, Goal, Partner
from jmd_desk.domain.errors import AuthError, StoreError
from jmd_desk.domain.readmodels import ClientQuery
from jmd_desk.services import accounts, casework, clients, documents, partners
from tests.conftest import PASSWORDS
from tests.pg_cluster import PgCluster
from tests.services.conftest import SERVER_DB

INTAKE = date(2026, 3, 2)
PDF = b"%PDF-1.4\n% Qwertzdokument\n%%EOF\n"
SECRETS = ("Zorabelle", "Quintanilla", "0170 4242", "Vormund Oberkamp", "Plutoweg 9", "Glimmernotiz",
           "Sternziel", "Mondschritte", "Kometenfrage", "Frau Nebelhorn", "Qwertzdokument", "brief-qx.pdf")  # fmt: skip


def _client(**changes) -> Client:
    values = dict(first_name="Zorabelle", last_name="Quintanilla", date_of_birth=date(2008, 5, 17), gender="female",
                  country_of_birth="SY", nationalities=("SY",), languages=("ar",), residence_status="asylum_pending",
                  phone="0170 4242", guardian="Vormund Oberkamp", address="Plutoweg 9")  # fmt: skip
    values.update(changes)
    return Client(**values)


def _fill_a_file(berta) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    cid = clients.create_client(berta, _client(), Case("case_management", INTAKE))
    case_id = clients.client_file(berta, cid).cases[0].id
    casework.add_record(berta, case_id, Contact(INTAKE, 30, "phone", notes="Glimmernotiz"))
    goal = casework.add_record(berta, case_id, Goal("language", "Sternziel", agreed_on=INTAKE))
    casework.update_record(berta, goal, Goal("language", "Sternziel", agreed_on=INTAKE, steps="Mondschritte"))
    casework.add_record(berta, case_id, FollowUp(date(2026, 4, 1), "Kometenfrage"))
    partners.create_partner(berta, Partner(name="Jobcenter Mitte", partner_type="jobcenter",
                                           contact_person="Frau Nebelhorn"))  # fmt: skip
    info = DocumentInfo("Qwertzdokument", "certificate", "brief-qx.pdf", "application/pdf", INTAKE)
    documents.add_document(berta, cid, info, PDF)
    clients.update_client(berta, cid, _client(phone="0151 777"))  # the old phone goes into the history
    return cid, case_id


def test_what_the_services_write_reaches_the_server_sealed(
    session_for, on_server: bool, services_cluster: PgCluster
) -> None:
    if not on_server:
        pytest.skip("sealing is the office server's")
    berta = session_for("berta")
    cid, _ = _fill_a_file(berta)
    dump = services_cluster.run_tool("pg_dump", "-d", services_cluster.superuser_conninfo(SERVER_DB)).stdout
    text = dump.decode()
    assert "Jobcenter Mitte" in text  # partner names are office data, not sealed: the dump is real
    assert [s for s in SECRETS if s in text] == []
    file = clients.client_file(berta, cid)
    assert (file.client.first_name, file.client.phone, file.client.guardian) == (
        "Zorabelle",
        "0151 777",
        "Vormund Oberkamp",
    )
    case = file.cases[0]
    assert case.contacts[0].value.notes == "Glimmernotiz"
    assert (case.goals[0].value.title, case.goals[0].value.steps) == ("Sternziel", "Mondschritte")
    assert case.follow_ups[0].value.text == "Kometenfrage"
    assert file.documents[0].value.file_name == "brief-qx.pdf"
    assert documents.document_content(berta, file.documents[0].id) == PDF
    history = {(c.field, c.old_value, c.new_value) for c in clients.correction_history(berta, cid)}
    assert ("phone", "0170 4242", "0151 777") in history
    assert partners.list_partners(berta, "nebelhorn")[0].value.contact_person == "Frau Nebelhorn"


def test_name_search_and_the_list_work_on_both(session_for) -> None:
    berta = session_for("berta")
    clients.create_client(berta, _client(), Case("case_management", INTAKE))
    clients.create_client(berta, _client(first_name="Ömer", last_name="Yıldız"), Case("case_management", INTAKE))
    found = clients.list_clients(berta, ClientQuery(text="omer"))
    assert [(c.first_name, c.last_name) for c in found] == [("Ömer", "Yıldız")]
    assert len(clients.list_clients(berta)) == 2


def test_a_locked_session_opens_again_only_with_the_password(session_for) -> None:
    berta = session_for("berta")
    cid = clients.create_client(berta, _client(), Case("case_management", INTAKE))
    berta.lock()
    assert berta.locked
    with pytest.raises(AuthError):
        clients.client_file(berta, cid)
    with pytest.raises(AuthError):
        berta.unlock("falsch-falsch-1")
    berta.unlock(PASSWORDS["berta"])
    assert clients.client_file(berta, cid).client.last_name == "Quintanilla"


def test_saving_over_a_colleagues_newer_save_is_refused_and_keeps_hers(session_for, on_server: bool) -> None:
    berta = session_for("berta")
    cid, _ = _fill_a_file(berta)
    seen = clients.client_file(berta, cid)
    contact = seen.cases[0].contacts[0]
    if not on_server:  # one writer at a time: nothing to compare, every save goes through
        assert seen.version is None and contact.version is None
        clients.update_client(berta, cid, _client(phone="0151 1"), seen_version=None)
        return
    accounts_for_deputy(session_for)
    cem = session_for("cem")  # her deputy saves first
    clients.update_client(cem, cid, _client(phone="0151 888"), seen_version=seen.version)
    casework.update_record(cem, contact.id, Contact(INTAKE, 45, "phone", notes="von Cem"), seen_version=contact.version)
    with pytest.raises(StoreError) as caught:
        clients.update_client(berta, cid, _client(phone="0151 999"), seen_version=seen.version)
    assert caught.value.code == "edit_conflict" and caught.value.params["by"] == "cem"
    with pytest.raises(StoreError) as caught:
        casework.update_record(
            berta, contact.id, Contact(INTAKE, 50, "phone", notes="von Berta"), seen_version=contact.version
        )
    assert caught.value.code == "edit_conflict"
    now = clients.client_file(berta, cid)
    assert now.client.phone == "0151 888" and now.cases[0].contacts[0].value.notes == "von Cem"
    clients.update_client(berta, cid, _client(phone="0151 999"), seen_version=now.version)  # after reloading
    assert clients.client_file(berta, cid).client.phone == "0151 999"


def accounts_for_deputy(session_for) -> None:  # type: ignore[no-untyped-def]
    accounts.set_deputies(session_for("admin"), "berta", ["cem"])


def test_colleagues_saving_at_the_same_time_all_get_through(session_for, on_server: bool) -> None:
    if not on_server:
        pytest.skip("a local store has one program at a time")
    sessions = [session_for("berta"), session_for("cem")]
    ids = [clients.create_client(s, _client(), Case("case_management", INTAKE)) for s in sessions]
    failures: list[Exception] = []

    def save_many(index: int) -> None:
        for n in range(12):
            try:
                clients.update_client(sessions[index], ids[index], _client(phone=f"0151 {index}{n:02d}"))
            except Exception as exc:
                failures.append(exc)

    threads = [threading.Thread(target=save_many, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    assert [clients.client_file(s, i).client.phone for s, i in zip(sessions, ids, strict=True)] == [
        "0151 011",
        "0151 111",
    ]
    with sessions[0].uow() as uow:
        assert uow.audit.verify() == []  # one chain, no place taken twice
