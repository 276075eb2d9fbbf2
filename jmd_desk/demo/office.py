"""A throw-away demo office: synthetic clients in a temporary store, nothing real."""

from __future__ import annotations

import json
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.demo.synthetic_v2 import add_version_2
from jmd_desk.domain.clock import Clock
from jmd_desk.domain.codes import Role
from jmd_desk.services import accounts, interchange
from jmd_desk.services.session import UserSession
from jmd_desk.store.keyfile import FLOOR_PARAMS, KdfPolicy

DEMO_USER = "demo"
DEMO_PASSWORD = "demo1234"  # noqa: S105 - shown on screen; the demo store holds no real data
COLLEAGUE = "mara"
# Synthetic data only: the slots use the minimum production cost so the demo starts quickly.
DEMO_POLICY = KdfPolicy(params=FLOOR_PARAMS)


def create_demo_store(clients: int, clock: Clock) -> tuple[UserSession, Path]:
    """A store in a new temporary folder, filled with ``clients`` synthetic young people.

    Returns the signed-in demo session (all roles) and the folder to delete at the end. The
    store's three key derivations (demo, recovery, colleague) run in a second thread while
    this one generates the data: Argon2id does not hold the interpreter lock.
    """
    folder = Path(tempfile.mkdtemp(prefix="jmd-desk-demo-"))
    session: UserSession | None = None
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo-store") as pool:
            created = pool.submit(_accounts, folder / "demo.jmd", clock)
            try:
                document = _document(clients, clock.today())
            finally:
                session = created.result()
        interchange.import_data(session, json.dumps(document).encode("utf-8"))
    except BaseException:
        if session is not None:
            session.close()
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return session, folder


def _accounts(path: Path, clock: Clock) -> UserSession:
    """The store with the demo counsellor (all roles) and a colleague."""
    session, _ = accounts.create_store(
        path, DEMO_USER, DEMO_PASSWORD, display_name="Demo-Fachkraft", clock=clock, policy=DEMO_POLICY
    )
    accounts.create_user(session, COLLEAGUE, "Mara Kollegin", frozenset({Role.COUNSELLOR}), "mara-demo-1")
    return session


def _document(clients: int, today: date) -> dict[str, Any]:
    """The demo office's synthetic interchange document (version 2)."""
    document = generate_document(clients, today=today, seed=2026, counsellors=[DEMO_USER, DEMO_USER, COLLEAGUE])
    return add_version_2(document, today=today, seed=2026, anonymous=max(10, clients // 4))
