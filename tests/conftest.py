"""Shared fixtures: isolated folders, the insecure fast KDF, and a migrated template store
that is copied for every test (creating and migrating a store once per session)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

# Before anything imports Qt or reads the environment.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["JMD_DESK_INSECURE_FAST_KDF_FOR_TESTS"] = "1"
os.environ["JMD_DESK_LANG"] = "de"

from jmd_desk.domain.clock import FixedClock
from jmd_desk.domain.codes import Role
from jmd_desk.services import accounts
from jmd_desk.services.session import UserSession
from jmd_desk.store.keyfile import KdfPolicy, KeyFile
from tests.warnings_guard import _no_unexpected_warnings  # noqa: F401 - autouse fixture

POLICY = KdfPolicy.insecure_for_tests()
ADMIN_PASSWORD = "Adm1n-pa'ss\"w\\o;rd-Äöü"
PASSWORDS = {
    "admin": ADMIN_PASSWORD,
    "berta": "Berta-Passwort-1",
    "cem": "Cem-Passwort-22",
    "lead": "Leitung-Passwort-3",
    "it": "Admin-Only-Pass-4",
}
TODAY = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Config, data and logs of the program go to a temporary folder, never $HOME."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("JMD_DESK_HOME", str(home))


@pytest.fixture
def clock() -> FixedClock:
    """A clock standing at a fixed moment (late November 2026)."""
    return FixedClock(TODAY)


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with five accounts: admin (all roles), two counsellors, a team lead, an IT admin."""
    path = tmp_path_factory.mktemp("template") / "office.jmd"
    session, recovery_key = accounts.create_store(
        path, "admin", ADMIN_PASSWORD, display_name="Ada Admin", clock=FixedClock(TODAY), policy=POLICY
    )
    accounts.create_user(session, "berta", "Berta B.", frozenset({Role.COUNSELLOR}), PASSWORDS["berta"])
    accounts.create_user(session, "cem", "Cem C.", frozenset({Role.COUNSELLOR}), PASSWORDS["cem"])
    accounts.create_user(session, "lead", "Lea Leitung", frozenset({Role.TEAM_LEAD}), PASSWORDS["lead"])
    accounts.create_user(session, "it", "IT Admin", frozenset({Role.ADMIN}), PASSWORDS["it"])
    session.close()
    (path.parent / "recovery.txt").write_text(recovery_key)
    return path


def copy_store(template: Path, target_dir: Path) -> Path:
    """Copy a closed store (database and key file) into ``target_dir``."""
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / template.name
    shutil.copy2(template, target)
    shutil.copy2(template.with_name(template.name + ".keys"), target.with_name(target.name + ".keys"))
    return target


@pytest.fixture
def store_path(template_store: Path, tmp_path: Path) -> Path:
    """A fresh copy of the template store for this test."""
    return copy_store(template_store, tmp_path / "store")


@pytest.fixture
def recovery_key(template_store: Path) -> str:
    """The template store's recovery key."""
    return (template_store.parent / "recovery.txt").read_text()


def sign_in(path: Path, user: str, clock: FixedClock) -> UserSession:
    """Open a session for one of the template accounts."""
    return accounts.sign_in(path, user, PASSWORDS[user], clock=clock, policy=POLICY)


def opened_sessions(open_one: Callable[[str], UserSession], *, one_at_a_time: bool) -> Iterator:
    """The body of a ``session_for`` fixture: yields ``open_session(user)`` and closes every
    session opened when the test ends. ``one_at_a_time``: a local store has one program instance,
    so the previous session is closed first."""
    opened: list[UserSession] = []

    def open_session(user: str) -> UserSession:
        if one_at_a_time:
            for earlier in opened:
                earlier.close()
        session = open_one(user)
        opened.append(session)
        return session

    yield open_session
    for session in opened:
        session.close()


@pytest.fixture
def session_for(store_path: Path, clock: FixedClock) -> Iterator:
    """``session_for("berta")`` signs in; all sessions are closed after the test."""
    yield from opened_sessions(lambda user: sign_in(store_path, user, clock), one_at_a_time=True)


def db_key(path: Path, user: str, password: str) -> bytes:
    """The raw database key, unwrapped from ``user``'s slot as an insider would do it."""
    key_file = KeyFile.load(path.with_name(path.name + ".keys"))
    return key_file.unwrap(key_file.user_slot(user), password, POLICY)


def set_own_password(path: Path, user: str, clock: FixedClock) -> None:
    """The account holder sets her own password (here: the same one again), as the four-eyes
    rule requires before she may confirm a deletion."""
    session = sign_in(path, user, clock)
    try:
        accounts.change_own_password(session, PASSWORDS[user], PASSWORDS[user])
    finally:
        session.close()
