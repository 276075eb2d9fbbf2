"""An office for the desktop-client tests: an admin, counsellor Berta with three clients, and her
deputy Cem. Each test module makes its own database and logins (``make_office(cluster, folder, prefix)``:
login roles are cluster-wide, so each office's people carry its prefix)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.clock import FixedClock
from jmd_desk.domain.codes import Role
from jmd_desk.services import server_cases
from jmd_desk.store.server import office
from jmd_desk.store.server.profile import load_profile
from jmd_desk.store.server.server_store import ServerStore, StaffFunctions
from tests.conftest import POLICY, TODAY
from tests.pg_cluster import PgCluster
from tests.server.conftest import OWNER, OWNER_PASSWORD, create_office_database, write_profile

ADMIN_PW, BERTA_PW, CEM_PW = "Ada-Pw-1234", "Berta-Pw-123", "Cem-Pw-1234"


@dataclass(frozen=True)
class Office:
    """The profile and the people's user names (Cem is Berta's deputy)."""

    profile: Path
    admin: str
    berta: str
    cem: str


def make_office(cluster: PgCluster, folder: Path, prefix: str) -> Office:
    """Set up the database ``prefix`` with people ``prefix.ada`` etc."""
    database = prefix
    ADMIN, BERTA, CEM = f"{prefix}.ada", f"{prefix}.berta", f"{prefix}.cem"  # noqa: N806
    create_office_database(cluster, database)
    path = write_profile(folder, cluster, database)
    profile = load_profile(path)
    office.setup(profile, OWNER, OWNER_PASSWORD, office.NewAccount(ADMIN, "Ada", frozenset(Role), ADMIN_PW), POLICY)
    for name, password in ((BERTA, BERTA_PW), (CEM, CEM_PW)):
        account = office.NewAccount(name, name.title(), frozenset({Role.COUNSELLOR}), password)
        office.add_user(profile, ADMIN, ADMIN_PW, account, POLICY)
    doc = generate_document(3, today=TODAY.date(), seed=8, counsellors=[BERTA])
    server_cases.import_own_files(path, BERTA, BERTA_PW, json.dumps(doc).encode(), clock=FixedClock(TODAY),
                                  policy=POLICY)  # fmt: skip
    berta = ServerStore.open(profile, BERTA, BERTA_PW, POLICY)
    try:
        StaffFunctions(berta).set_deputy(BERTA, CEM, True)
    finally:
        berta.close()
    return Office(path, ADMIN, BERTA, CEM)
