"""Four eyes are two people (issue 12, finding 4): a sock-puppet account created by the
proposer cannot confirm; a one-person office waits out a time lock instead."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError
from jmd_desk.domain.retention import REASON_REQUEST
from jmd_desk.services import accounts, clients, interchange, retention
from tests.conftest import ADMIN_PASSWORD, POLICY, TODAY, set_own_password, sign_in


def one_client(store_path: Path, clock) -> int:
    admin = sign_in(store_path, "admin", clock)
    interchange.import_data(admin, json.dumps(generate_document(1, today=TODAY.date(), seed=3)).encode())
    client_id = clients.list_clients(admin)[0].id
    admin.close()
    return client_id


def test_sock_puppet_created_by_the_proposer_cannot_confirm(store_path: Path, clock) -> None:
    target = one_client(store_path, clock)
    set_own_password(store_path, "it", clock)
    it = sign_in(store_path, "it", clock)  # admin only
    accounts.create_user(it, "it-tl", "IT Leitung", frozenset({Role.TEAM_LEAD}), "Puppe-Passwort-1")
    run_id = retention.propose_deletion(it, [target], REASON_REQUEST)
    it.close()
    puppet = accounts.sign_in(store_path, "it-tl", "Puppe-Passwort-1", clock=clock, policy=POLICY)
    accounts.change_own_password(puppet, "Puppe-Passwort-1", "Puppe-Passwort-2")  # even with her "own" password
    with pytest.raises(AuthError) as info:
        retention.confirm_deletion(puppet, run_id)
    assert info.value.code == "deletion_not_independent"
    puppet.close()
    lead = sign_in(store_path, "lead", clock)  # created by admin, not by "it" …
    with pytest.raises(AuthError) as info:
        retention.confirm_deletion(lead, run_id)  # … but still on the password admin gave her
    assert info.value.code == "deletion_not_independent"
    lead.close()
    set_own_password(store_path, "lead", clock)
    lead = sign_in(store_path, "lead", clock)
    assert retention.confirm_deletion(lead, run_id) == [target]
    lead.close()


def test_password_reset_by_the_proposer_breaks_independence(store_path: Path, clock) -> None:
    target = one_client(store_path, clock)
    for user in ("it", "lead"):
        set_own_password(store_path, user, clock)
    it = sign_in(store_path, "it", clock)
    accounts.reset_password(it, "lead", "Von-IT-gesetzt-1")
    run_id = retention.propose_deletion(it, [target], REASON_REQUEST)
    it.close()
    lead = accounts.sign_in(store_path, "lead", "Von-IT-gesetzt-1", clock=clock, policy=POLICY)
    accounts.change_own_password(lead, "Von-IT-gesetzt-1", "Wieder-meins-1")
    with pytest.raises(AuthError) as info:
        retention.confirm_deletion(lead, run_id)
    assert info.value.code == "deletion_not_independent"
    lead.close()


def test_one_person_office_uses_a_seven_day_time_lock(tmp_path: Path, clock) -> None:
    path = tmp_path / "solo" / "office.jmd"
    solo, _ = accounts.create_store(path, "solo", ADMIN_PASSWORD, clock=clock, policy=POLICY)
    interchange.import_data(solo, json.dumps(generate_document(1, today=TODAY.date(), seed=4)).encode())
    target = clients.list_clients(solo)[0].id
    run_id = retention.propose_deletion(solo, [target], REASON_REQUEST)
    with pytest.raises(AuthError) as info:
        retention.confirm_deletion(solo, run_id)
    assert info.value.code == "deletion_time_lock"
    clock.moment += timedelta(days=7)
    assert retention.confirm_deletion(solo, run_id) == [target]
    solo.close()


def test_time_lock_is_no_way_round_a_second_person(store_path: Path, clock) -> None:
    target = one_client(store_path, clock)
    admin = sign_in(store_path, "admin", clock)
    run_id = retention.propose_deletion(admin, [target], REASON_REQUEST)
    clock.moment += timedelta(days=30)
    with pytest.raises(AuthError) as info:
        retention.confirm_deletion(admin, run_id)
    assert info.value.code == "deletion_needs_second_person"
    admin.close()
