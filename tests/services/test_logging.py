"""The program's own log: each area logs under its own name, and a run of typical use cases with
DEBUG logging on writes codes and ids only, never a name, a note or a password."""

from __future__ import annotations

import json
import logging
import random
import string
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from jmd_desk.domain.clock import FixedClock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.entities import Case, Client, Contact, Goal
from jmd_desk.domain.errors import AuthError, JmdError, StoreError
from jmd_desk.domain.statistics import Period
from jmd_desk.services import accounts, backups, casework, clients, interchange, statistics
from jmd_desk.services.session import UserSession
from tests.conftest import POLICY, TODAY

INTAKE = date(2026, 3, 2)


def _word(rng: random.Random, length: int = 9) -> str:
    """A made-up word that cannot occur in a log line by chance."""
    return rng.choice(string.ascii_uppercase) + "".join(rng.choices(string.ascii_lowercase, k=length - 1))


class People:
    """Generated personal values: account names, display names, passwords, client data, notes."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(seed)
        self.admin, self.counsellor = _word(rng).lower(), _word(rng).lower()
        self.admin_name, self.counsellor_name = f"{_word(rng)} {_word(rng)}", f"{_word(rng)} {_word(rng)}"
        self.admin_password, self.counsellor_password = f"{_word(rng)}-7{_word(rng)}", f"{_word(rng)}-3{_word(rng)}"
        self.wrong_password = f"{_word(rng)}-9{_word(rng)}"
        self.first_name, self.last_name = _word(rng), _word(rng)
        self.contact_note = f"{_word(rng)} {_word(rng)} {_word(rng)}"
        self.goal_text = f"{_word(rng)} {_word(rng)}"

    def values(self) -> list[str]:
        """Every personal value (and each word of the longer ones)."""
        whole = [v for v in vars(self).values() if isinstance(v, str)]
        return sorted({*whole, *(w for v in whole for w in v.replace("-", " ").split() if len(w) > 3)})


def _sign_in(path: Path, user: str, password: str, clock: FixedClock) -> UserSession:
    return accounts.sign_in(path, user, password, clock=clock, policy=POLICY)


def _set_up(path: Path, p: People, clock: FixedClock) -> None:
    admin, _ = accounts.create_store(
        path, p.admin, p.admin_password, display_name=p.admin_name, clock=clock, policy=POLICY
    )
    try:
        accounts.create_user(
            admin, p.counsellor, p.counsellor_name, frozenset({Role.COUNSELLOR}), p.counsellor_password
        )
    finally:
        admin.close()


def _failed_sign_ins(path: Path, p: People, clock: FixedClock) -> None:
    """Wrong passwords until the throttle holds the next attempt back, then time passes."""
    for _ in range(3):
        with pytest.raises(AuthError):
            _sign_in(path, p.counsellor, p.wrong_password, clock)
    with pytest.raises(AuthError) as held:
        _sign_in(path, p.counsellor, p.counsellor_password, clock)
    assert held.value.code == "too_many_attempts"
    clock.moment += timedelta(minutes=5)


def _casework(path: Path, p: People, clock: FixedClock) -> None:
    """A counsellor opens a file with a case, a goal and a contact; a second instance is refused."""
    session = _sign_in(path, p.counsellor, p.counsellor_password, clock)
    try:
        client = Client(first_name=p.first_name, last_name=p.last_name, date_of_birth=date(2008, 5, 17))
        client_id = clients.create_client(session, client, Case("case_management", INTAKE))
        case_id = clients.client_file(session, client_id).cases[0].id
        casework.add_record(session, case_id, Goal("language", p.goal_text, agreed_on=INTAKE))
        casework.add_record(session, case_id, Contact(INTAKE, 45, "in_person", notes=p.contact_note))
        with pytest.raises(JmdError) as refused:  # a client without a case type is refused
            clients.create_client(session, replace(client, last_name=""), Case("", INTAKE))
        assert refused.value.code
        with pytest.raises(StoreError) as in_use:
            _sign_in(path, p.admin, p.admin_password, clock)
        assert in_use.value.code == "store_in_use"
    finally:
        session.close()


def _office_work(path: Path, backup: Path, p: People, clock: FixedClock) -> None:
    """The admin (all roles) exports, re-imports, counts, backs up; then restores the backup."""
    admin = _sign_in(path, p.admin, p.admin_password, clock)
    try:
        exported = interchange.export_data(admin)
        with pytest.raises(JmdError) as taken:  # the same numbers again: nothing is written
            interchange.import_data(admin, exported)
        assert taken.value.code == "invalid_input"
        document = json.loads(exported)
        for client in document["clients"]:  # the same people once more, under new numbers
            client.pop("client_number")
        interchange.import_data(admin, json.dumps(document).encode())
        statistics.report_for(admin, Period(date(2026, 1, 1), date(2026, 12, 31)))
        backups.create_backup(admin, backup)
    finally:
        admin.close()
    backups.restore(path, backup, p.admin, p.admin_password, clock=clock, policy=POLICY)


def test_typical_use_logs_codes_and_ids_but_no_personal_data(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = People(seed=11)
    clock = FixedClock(TODAY)
    path = tmp_path / "store" / "office.jmd"
    monkeypatch.setattr(logging.getLogger("jmd_desk"), "propagate", True)  # even if a CLI test set up the file log
    caplog.set_level(logging.DEBUG, logger="jmd_desk")

    _set_up(path, p, clock)
    _failed_sign_ins(path, p, clock)
    _casework(path, p, clock)
    _office_work(path, tmp_path / "backups" / "office.jmdbackup", p, clock)

    areas = {r.name for r in caplog.records}
    expected = {
        "jmd_desk.store.migrate",
        "jmd_desk.store.lock",
        "jmd_desk.store.backup",
        "jmd_desk.store.uow",
        "jmd_desk.services.throttle",
        "jmd_desk.services.accounts",
        "jmd_desk.services.session",
        "jmd_desk.services.backups",
        "jmd_desk.services.interchange",
    }
    assert expected <= areas, f"areas that logged nothing: {sorted(expected - areas)}"
    text = "\n".join([*(r.getMessage() for r in caplog.records), *(r.exc_text or "" for r in caplog.records)])
    leaked = [v for v in p.values() if v.lower() in text.lower()]
    assert not leaked, f"personal values in the log: {leaked}"


def test_the_generated_values_would_be_found() -> None:
    """The check above is not blind: a log line with a generated value is caught."""
    p = People(seed=11)
    line = f"signed in: {p.counsellor_name}"
    assert [v for v in p.values() if v.lower() in line.lower()]
