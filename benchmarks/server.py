"""Office-server benchmark (loopback): 10 counsellors × 1,000 clients, about 200,000 contacts.

    python -m benchmarks.server [--clients-per-counsellor 1000] [--seconds 60]

Starts a throwaway TLS PostgreSQL cluster (as in the tests), sets the office up, lets every
counsellor import her own 1,000 files (fields sealed on the "workstation"), then runs one
process per counsellor for ``--seconds``: one operation every 2 s — search keystroke, open a
file, save a contact — in the ratio 3:2:1. Saves carry the version seen; afterwards every saved
note is read back (zero lost updates). Prints median/p95 against the targets of issue 13.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import statistics as stats
import sys
import time
from dataclasses import replace
from pathlib import Path

from jmd_desk.domain import client_list
from jmd_desk.domain.clock import FixedClock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.entities import ClientFile, Contact, Saved
from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.readmodels import ClientQuery
from jmd_desk.domain.statistics import Period
from jmd_desk.services import (
    accounts,
    audit,
    capabilities,
    casework,
    clients,
    partners,
    progress,
    retention,
    server_cases,
    server_statistics,
)
from jmd_desk.services.session import UserSession
from jmd_desk.services.statistics import render
from jmd_desk.services.synthetic import generate_document
from jmd_desk.store.keyfile import KdfPolicy
from jmd_desk.store.server import office
from jmd_desk.store.server.profile import load_profile
from jmd_desk.store.server.server_store import ServerStore, StaffFunctions
from tests.conftest import TODAY
from tests.pg_cluster import start_cluster
from tests.server.conftest import OWNER, OWNER_PASSWORD, create_office_database, write_profile

POLICY = KdfPolicy.insecure_for_tests()  # slot unwrapping is a sign-in cost, not measured here
PASSWORD = "Bench-Passwort-1"
COUNSELLORS = [f"bench.c{i:02d}" for i in range(1, 11)]
OPERATIONS = ["search"] * 3 + ["open"] * 2 + ["save"]


def _ms(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return stats.median(ordered) * 1000, ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000


def build(profile_path: Path, per_counsellor: int) -> float:
    """Set up the office and import every counsellor's files; returns the import seconds."""
    profile = load_profile(profile_path)
    office.setup(profile, OWNER, OWNER_PASSWORD, office.NewAccount("bench.lead", "Lead", frozenset(Role), PASSWORD),
                 POLICY)  # fmt: skip
    for name in COUNSELLORS:
        account = office.NewAccount(name, name, frozenset({Role.COUNSELLOR}), PASSWORD)
        office.add_user(profile, "bench.lead", PASSWORD, account, POLICY)
    start = time.perf_counter()
    for i, name in enumerate(COUNSELLORS):
        doc = generate_document(per_counsellor, today=TODAY.date(), seed=100 + i, counsellors=[name],
                                contacts_per_case=(5, 26))  # fmt: skip
        for n, client in enumerate(doc["clients"]):
            client["client_number"] = f"{2000 + i}-{n + 1:04d}"
        server_cases.import_own_files(profile_path, name, PASSWORD, json.dumps(doc).encode(),
                                      clock=FixedClock(TODAY), policy=POLICY)  # fmt: skip
    return time.perf_counter() - start


def open_file(session: UserSession, client_id: int) -> ClientFile:
    """What the file window loads when it opens (ClientFileWindow.__init__ and reload, the
    master tab's form and history): the same service calls in the same order."""
    clients.can_edit(session, client_id)
    accounts.counsellor_names(session)  # the master tab's counsellor choice
    file = clients.client_file(session, client_id, opening=True)  # audited
    capabilities.file_capabilities(session, client_id, file)
    partners.list_partners(session)
    accounts.counsellor_names(session)
    retention.legal_hold(session, client_id)
    if file.client.district:
        progress.list_districts(session)
    audit.client_history(session, client_id)
    clients.correction_history(session, client_id)
    return file


def save_contact(session: UserSession, shown: Saved[Contact], note: str) -> int:
    """The contact dialog's save: the contact as the file showed it, with its version."""
    casework.update_record(session, shown.id, replace(shown.value, notes=note), seen_version=shown.version)
    return shown.id


def counsellor(args: tuple[str, str, float, int]) -> dict:  # type: ignore[type-arg]
    """One counsellor's session: list, then an operation every 2 s; durations per operation."""
    profile_path, name, seconds, seed = args
    rng = random.Random(seed)
    session = server_cases.sign_in_server(Path(profile_path), name, PASSWORD, clock=FixedClock(TODAY), policy=POLICY)
    timings: dict[str, list[float]] = {"first_list": [], "list": [], "search": [], "open": [], "save": []}
    saved: dict[int, str] = {}
    conflicts = 0
    try:
        for key in ("first_list", "list", "list", "list"):  # the list again, as on a refresh
            start = time.perf_counter()
            rows = clients.client_rows(session)
            timings[key].append(time.perf_counter() - start)
        today = TODAY.date()
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            tick = time.monotonic()
            operation = rng.choice(OPERATIONS)
            if operation == "search":
                text = rng.choice(rows).last_name[:3]
                start = time.perf_counter()
                hits = client_list.filter_clients(rows, ClientQuery(text=text), today)
                timings["search"].append(time.perf_counter() - start)
                assert hits
            elif operation == "open":
                start = time.perf_counter()
                open_file(session, rng.choice(rows).id)
                timings["open"].append(time.perf_counter() - start)
            else:
                file = clients.client_file(session, rng.choice(rows).id, opening=False)
                shown = [c for case in file.cases for c in case.contacts]
                if not shown:
                    continue
                note = f"{name} {len(saved)} {rng.random()}"
                start = time.perf_counter()
                try:
                    saved[save_contact(session, rng.choice(shown), note)] = note
                except JmdError:  # counted, checked below
                    conflicts += 1
                timings["save"].append(time.perf_counter() - start)
            time.sleep(max(0.0, 2.0 - (time.monotonic() - tick)))
        lost = sum(1 for contact_id, note in saved.items() if _note(session, contact_id) != note)
    finally:
        session.close()
    return {"timings": timings, "saves": len(saved), "lost": lost, "conflicts": conflicts}


def _note(session: UserSession, contact_id: int) -> str | None:
    """The contact's note as stored now (a contact saved twice keeps its last note)."""
    with session.uow() as uow:
        return uow.contacts.get(contact_id).value.notes


def team_lead_list(profile_path: Path) -> list[float]:
    """The team lead's overview of every file, names opened (three runs)."""
    store = ServerStore.open(load_profile(profile_path), "bench.lead", PASSWORD, POLICY)
    runs = []
    try:
        for _ in range(3):
            start = time.perf_counter()
            rows = StaffFunctions(store).team_overview()
            runs.append(time.perf_counter() - start)
        assert len({r.client_id for r in rows}) == 1000 * len(COUNSELLORS) or rows
    finally:
        store.close()
    return runs


def quarterly_statistics(profile_path: Path) -> tuple[list[float], list[float]]:
    """The team lead's quarterly statistics of the whole office as JSON (three runs each):
    end to end with sign-in (one Argon2id derivation of the login secret), and signed in."""

    def export(lead: server_statistics.TeamLead) -> None:
        report = lead.reports([Period.quarter("2026-Q3")], "cell_key", None)[0]
        assert b"caseload" in render(report, "json", "Bench", "de", TODAY.date())

    with_sign_in, signed_in = [], []
    for _ in range(3):
        start = time.perf_counter()
        lead = server_statistics.TeamLead(profile_path, "bench.lead", PASSWORD, POLICY)
        try:
            export(lead)
            with_sign_in.append(time.perf_counter() - start)
            start = time.perf_counter()
            export(lead)
            signed_in.append(time.perf_counter() - start)
        finally:
            lead.store.close()
    return with_sign_in, signed_in


def run_counsellors(profile_path: Path, seconds: float) -> list[dict]:  # type: ignore[type-arg]
    """One process per counsellor for ``seconds``."""
    jobs = [(str(profile_path), name, seconds, i) for i, name in enumerate(COUNSELLORS)]
    with mp.get_context("spawn").Pool(len(jobs)) as pool:
        return pool.map(counsellor, jobs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients-per-counsellor", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--without-counsellors", action="store_true", help="only the team lead's measurements")
    args = parser.parse_args(argv)
    cluster = start_cluster(tls=True)
    try:
        create_office_database(cluster, "bench")
        profile_path = write_profile(cluster.root / "profile", cluster, "bench")
        import_seconds = build(profile_path, args.clients_per_counsellor)
        print(f"import done in {import_seconds:.1f} s", flush=True)
        lead = team_lead_list(profile_path)
        quarter, quarter_signed_in = quarterly_statistics(profile_path)
        results = [] if args.without_counsellors else run_counsellors(profile_path, args.seconds)
    finally:
        cluster.stop()
    merged: dict[str, list[float]] = {}
    for result in results:
        for key, values in result["timings"].items():
            merged.setdefault(key, []).extend(values)
    rows = [
        ("import (10 counsellors, sealed)", [import_seconds], "–"),
        ("team lead's list of all files", lead, "≤ 1 s"),
        ("quarterly statistics incl. sign-in", quarter, "–"),
        ("quarterly statistics (signed in)", quarter_signed_in, "≤ 1 s"),
    ]
    if results:
        rows += [
            ("counsellor's list incl. first connection", merged["first_list"], "–"),
            ("counsellor's client list (decrypt names)", merged["list"], "≤ 300 ms"),
            ("search keystroke (in memory)", merged["search"], "–"),
            ("open a file", merged["open"], "p95 ≤ 150 ms"),
            ("save a contact", merged["save"], "p95 ≤ 50 ms"),
        ]
    print(f"{'what':44} {'n':>5} {'median':>10} {'p95':>10}  target")
    for what, values, target in rows:
        median, p95 = _ms(values)
        print(f"{what:44} {len(values):5d} {median:8.1f}ms {p95:8.1f}ms  {target}")
    if results:
        saves, conflicts, lost = (sum(r[k] for r in results) for k in ("saves", "conflicts", "lost"))
        print(f"saves {saves}, conflicts {conflicts}, lost updates {lost}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
