"""Time travel: the deletion run deletes exactly the files past retention, keeps those on
legal hold, needs an admin and a team lead, and leaves no trace of the deleted names."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from jmd_desk.domain.audit_chain import AuditFilter
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, JmdError
from jmd_desk.domain.retention import REASON_REQUEST
from jmd_desk.services import accounts, clients, interchange, retention, settings
from tests.conftest import ADMIN_PASSWORD, POLICY, db_key, set_own_password, sign_in
from tests.sqlcipher_pages import contains

LATER = datetime(2030, 3, 1, 10, 0, tzinfo=UTC)


def client(ref: str, name: str, closed: str | None, case_type: str = "counselling") -> dict:
    return {
        "ref": ref,
        "first_name": name,
        "last_name": f"{name}-Nachname",
        "date_of_birth": "2004-04-04",
        "consents": [],
        "cases": [
            {
                "ref": f"{ref}-1",
                "case_type": case_type,
                "opened_on": "2025-01-10",
                "closed_on": closed,
                "closure_reason": "goals_achieved" if closed else None,
                "destination": None,
                "goals": [],
                "follow_ups": [],
                "contacts": [{"date": "2025-02-01", "minutes": 30, "mode": "phone", "notes": f"Vertraulich {name}"}],
                "referrals": [],
            }
        ],
    }


DATA = {
    "format": "jmd-desk-interchange",
    "version": 1,
    "partners": [],
    "clients": [
        client("c1", "Quappenhof", "2026-01-15"),  # due 2029-01-15 (3 years)
        client("c2", "Wurzelmann", "2026-12-01"),  # due 2029-12-01
        client("c3", "Xylophonia", "2027-06-01"),  # due 2030-06-01: not yet on 2030-03-01
        client("c4", "Yetischuh", None),  # open case: never due
        client("c5", "Zaunkoenig", "2026-01-15"),  # due, but legal hold
        client("c6", "Kurzkontakt", "2028-01-10", "short_contact"),  # 1 year for short contacts: due
    ],
}


@pytest.fixture
def office(store_path, clock):
    clock.moment = datetime(2028, 2, 1, 9, 0, tzinfo=UTC)  # every closure lies in the past
    admin = sign_in(store_path, "admin", clock)
    interchange.import_data(admin, json.dumps(DATA).encode())
    accounts.create_user(admin, "anna", "Anna Admin", frozenset({Role.ADMIN}), "Anna-Passwort-1")
    years = dict(settings.office_settings(admin).retention_years, short_contact=1)
    settings.save_office_settings(admin, replace(settings.office_settings(admin), retention_years=years))
    admin.close()
    for user in ("lead", "it"):
        set_own_password(store_path, user, clock)
    anna = accounts.sign_in(store_path, "anna", "Anna-Passwort-1", clock=clock, policy=POLICY)
    accounts.change_own_password(anna, "Anna-Passwort-1", "Anna-Passwort-1")
    anna.close()
    return store_path


def ids_by_name(session) -> dict[str, int]:
    return {s.first_name: s.id for s in clients.list_clients(session)}


def test_deletion_run_with_two_people(office: Path, clock) -> None:
    clock.moment = LATER
    lead = sign_in(office, "lead", clock)
    # the team lead reads every file, so she can set the legal hold
    retention.set_legal_hold(lead, ids_by_name(lead)["Zaunkoenig"], True)
    due = retention.due_files(lead)
    names = {f.client_number for f in due}
    by_id = ids_by_name(lead)
    assert {f.client_id for f in due} == {by_id["Quappenhof"], by_id["Wurzelmann"], by_id["Kurzkontakt"]}
    assert len(names) == 3
    with pytest.raises(JmdError) as info:
        retention.propose_deletion(lead, [by_id["Xylophonia"]])
    assert info.value.code == "deletion_not_due"
    run_id = retention.propose_deletion(lead, [f.client_id for f in due])
    with pytest.raises(AuthError) as info:
        retention.confirm_deletion(lead, run_id)  # not the same person
    assert info.value.code == "deletion_needs_second_person"
    lead.close()
    berta = sign_in(office, "berta", clock)
    with pytest.raises(AuthError):
        retention.confirm_deletion(berta, run_id)  # a counsellor may not
    berta.close()
    anna = accounts.sign_in(office, "anna", "Anna-Passwort-1", clock=clock, policy=POLICY)
    deleted = retention.confirm_deletion(anna, run_id)
    assert sorted(deleted) == sorted(f.client_id for f in due)
    with anna.uow() as uow:
        left = {c.value.first_name for c in (uow.clients.get(i) for i in uow.clients.ids())}
        events = uow.audit.find(AuditFilter(action="client_deleted"))
    assert left == {"Xylophonia", "Yetischuh", "Zaunkoenig"}
    assert sorted(e.client_id for e in events) == sorted(deleted)
    anna.close()

    key = db_key(office, "admin", ADMIN_PASSWORD)
    for name in ("Quappenhof", "Wurzelmann", "Kurzkontakt"):
        assert not contains(office, key, name.encode()), name
        for path in office.parent.rglob("*"):
            if path.is_file():
                assert name.encode() not in path.read_bytes(), path
    assert contains(office, key, b"Xylophonia")  # the check can find what is still there


def test_erasure_on_request_takes_the_same_path(office: Path, clock) -> None:
    lead = sign_in(office, "lead", clock)
    target = ids_by_name(lead)["Yetischuh"]  # an open file: erasure on request needs no retention
    lead.close()
    anna = accounts.sign_in(office, "anna", "Anna-Passwort-1", clock=clock, policy=POLICY)
    run_id = retention.propose_deletion(anna, [target], REASON_REQUEST)
    anna.close()
    it = sign_in(office, "it", clock)
    with pytest.raises(AuthError) as info:
        retention.confirm_deletion(it, run_id)  # two admins are not an admin and a team lead
    assert info.value.code == "deletion_needs_admin_and_team_lead"
    it.close()
    lead = sign_in(office, "lead", clock)
    retention.confirm_deletion(lead, run_id)
    assert "Yetischuh" not in ids_by_name(lead)
    lead.close()
