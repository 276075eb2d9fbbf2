"""Office-server benchmark (loopback): 10 counsellors × 1,000 clients, about 200,000 contacts.

    nice -n 5 python -m benchmarks.server [--clients-per-counsellor 1000] [--seconds 60]

Starts a throwaway TLS PostgreSQL cluster with a fresh Debian server's settings, sets the
office up, lets every counsellor import her own 1,000 files (fields sealed on the
"workstation"), then runs one process per counsellor for ``--seconds``: after everyone signed
in, one operation every 2 s — search keystroke, open a file, save a contact — in the ratio 3:2:1,
each made of the program's own service calls as its windows make them. Saves carry the version
the file showed; afterwards every saved note is read back (zero lost updates). Prints the
results as markdown tables for the README, each target beside its row, and the server's own
time for the main queries as a counsellor and as the owner (``server_plans``).
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import random
import statistics as stats
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import psycopg

from benchmarks import server_plans
from jmd_desk.demo.synthetic import generate_document
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
    office_files,
    partners,
    progress,
    retention,
    server_cases,
    server_statistics,
)
from jmd_desk.services.session import UserSession
from jmd_desk.services.statistics import render
from jmd_desk.store.keyfile import KdfPolicy
from jmd_desk.store.server import office
from jmd_desk.store.server.profile import load_profile
from tests.conftest import TODAY
from tests.pg_cluster import PgCluster, start_cluster
from tests.server.conftest import OWNER, OWNER_PASSWORD, create_office_database, write_profile

POLICY = KdfPolicy.insecure_for_tests()  # slot unwrapping is a sign-in cost, not measured here
PASSWORD = "Bench-Passwort-1"
COUNSELLORS = [f"bench.c{i:02d}" for i in range(1, 11)]
OPERATIONS = ["search"] * 3 + ["open"] * 2 + ["save"]


def _ms(values: list[float]) -> tuple[float, float]:
    """Median and p95 (nearest rank) in milliseconds."""
    ordered = sorted(values)
    return stats.median(ordered) * 1000, ordered[math.ceil(len(ordered) * 0.95) - 1] * 1000


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


# timing key -> (what, target in ms for the p95, or None)
TARGETS = {
    "first_list": ("counsellor's first list after signing in", None),
    "list": ("counsellor's client list (her names decrypted)", 300.0),
    "search": ("search keystroke (in memory on the workstation)", None),
    "open": ("open a file (everything the file window loads)", 150.0),
    "save": ("save a contact (contact dialog, version checked)", 50.0),
}


def open_file(session: UserSession, client_id: int) -> ClientFile:
    """What the file window loads when it opens (ClientFileWindow.__init__ and reload, the
    master tab's form and history): the same service calls in the same order."""
    clients.can_edit(session, client_id)
    accounts.counsellor_names(session)  # the master tab's counsellor choice
    file = clients.client_file(session, client_id, opening=True)  # audited
    capabilities.file_capabilities(session, client_id, file)
    partners.partner_choices(session)
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


class Timings:
    """Wall time and this process's CPU time (the workstation's share, less load-dependent) per
    operation."""

    def __init__(self) -> None:
        self.wall: dict[str, list[float]] = {key: [] for key in TARGETS}
        self.cpu: dict[str, list[float]] = {key: [] for key in TARGETS}

    @contextmanager
    def measure(self, key: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        yield
        self.wall[key].append(time.perf_counter() - wall)
        self.cpu[key].append(time.process_time() - cpu)


def counsellor(args: tuple[str, str, float, int, Any]) -> dict:  # type: ignore[type-arg]
    """One counsellor's session: list, then an operation every 2 s; durations per operation.
    Everyone signs in first (an Argon2id derivation each, not an operation of the test), then
    starts at her own moment within 2 s: ten people do not click in step."""
    profile_path, name, seconds, seed, signed_in = args
    rng = random.Random(seed)
    session = server_cases.sign_in_server(Path(profile_path), name, PASSWORD, clock=FixedClock(TODAY), policy=POLICY)
    signed_in.wait()
    time.sleep(rng.uniform(0.0, 2.0))
    timings, conflicts = Timings(), 0
    saved: dict[int, str] = {}
    try:
        for key in ("first_list", "list", "list", "list"):  # the list again, as on a refresh
            with timings.measure(key):
                rows = clients.client_rows(session)
            time.sleep(rng.uniform(0.0, 0.5))
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            tick = time.monotonic()
            operation = rng.choice(OPERATIONS)
            if operation == "search":
                query = ClientQuery(text=rng.choice(rows).last_name[:3])
                with timings.measure("search"):
                    assert client_list.filter_clients(rows, query, TODAY.date())
            elif operation == "open":
                with timings.measure("open"):
                    open_file(session, rng.choice(rows).id)
            else:
                file = clients.client_file(session, rng.choice(rows).id, opening=False)
                shown = [c for case in file.cases for c in case.contacts]
                note = f"{name} {len(saved)} {rng.random()}"
                with timings.measure("save"):
                    try:
                        saved[save_contact(session, rng.choice(shown), note)] = note
                    except JmdError:  # counted, checked below
                        conflicts += 1
            time.sleep(max(0.0, 2.0 - (time.monotonic() - tick)))
        lost = sum(1 for contact_id, note in saved.items() if _note(session, contact_id) != note)
    finally:
        session.close()
    return {"timings": timings.wall, "cpu": timings.cpu, "saves": len(saved), "lost": lost, "conflicts": conflicts}


def _note(session: UserSession, contact_id: int) -> str | None:
    """The contact's note as stored now (a contact saved twice keeps its last note)."""
    with session.uow() as uow:
        return uow.contacts.get(contact_id).value.notes


def team_lead_list(profile_path: Path, per_counsellor: int) -> list[float]:
    """The team lead's page "Büro": every file of the office, names opened (three runs)."""
    session = server_cases.sign_in_server(profile_path, "bench.lead", PASSWORD, clock=FixedClock(TODAY), policy=POLICY)
    runs = []
    try:
        for _ in range(3):
            start = time.perf_counter()
            files = office_files.office_files(session)
            runs.append(time.perf_counter() - start)
        assert len(files) == per_counsellor * len(COUNSELLORS)
    finally:
        session.close()
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
    context = mp.get_context("spawn")
    with context.Manager() as manager, context.Pool(len(COUNSELLORS)) as pool:
        signed_in = manager.Barrier(len(COUNSELLORS))
        jobs = [(str(profile_path), name, seconds, i, signed_in) for i, name in enumerate(COUNSELLORS)]
        return pool.map(counsellor, jobs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients-per-counsellor", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--without-counsellors", action="store_true", help="only the team lead's measurements")
    args = parser.parse_args(argv)
    cluster = start_cluster(tls=True, like_debian=True)
    try:
        create_office_database(cluster, "bench")
        profile_path = write_profile(cluster.root / "profile", cluster, "bench")
        import_seconds = build(profile_path, args.clients_per_counsellor)
        print(f"import done in {import_seconds:.1f} s", flush=True)
        settle(cluster)
        plans = server_plans.measure(cluster, "bench", COUNSELLORS[0], PASSWORD)
        lead = team_lead_list(profile_path, args.clients_per_counsellor)
        quarter, quarter_signed_in = quarterly_statistics(profile_path)
        results = [] if args.without_counsellors else run_counsellors(profile_path, args.seconds)
    finally:
        cluster.stop()
    print(results_table(import_seconds, lead, quarter, quarter_signed_in, results))
    print()
    print(server_plans.markdown(plans))
    return 0


def settle(cluster: PgCluster) -> None:
    """What the README asks the IT to run after moving files in (vacuumdb --analyze): without it the
    measurement would catch autovacuum working through the freshly imported tables and the
    checkpoint writing them out — seconds-long stalls that say nothing about daily use."""
    with psycopg.connect(cluster.superuser_conninfo("bench"), autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")
        conn.execute("CHECKPOINT")


def _row(what: str, values: list[float], target: float | None, cpu: list[float] | None = None) -> str:
    median, p95 = _ms(values)
    goal = "–" if target is None else f"p95 ≤ {target:g} ms"
    met = "–" if target is None else "yes" if p95 <= target else "**no**"
    own = f"{_ms(cpu)[0]:7.1f} ms" if cpu else "–"
    return f"| {what:56} | {len(values):5d} | {median:9.1f} ms | {p95:9.1f} ms | {own:>10} | {goal:14} | {met:6} |"


def results_table(import_seconds: float, lead: list[float], quarter: list[float], quarter_signed_in: list[float],
                  results: list[dict]) -> str:  # type: ignore[type-arg]  # fmt: skip
    """The measurements as the README's markdown table, each target beside its row."""
    lines = [
        f"| {'what':56} | {'n':>5} | {'median':>12} | {'p95':>12} | {'CPU (med)':>10} | {'target':14} | {'met':6} |",
        f"| {'-' * 56} | {'-' * 4}: | {'-' * 11}: | {'-' * 11}: | {'-' * 9}: | {'-' * 14} | {'-' * 6} |",
        _row("import of every counsellor's files (sealed, one process)", [import_seconds], None),
        _row("team lead's list of all files (names decrypted)", lead, 1000.0),
        _row("quarterly statistics incl. sign-in (Argon2id)", quarter, None),
        _row("quarterly statistics of all files (signed in)", quarter_signed_in, 1000.0),
    ]
    wall: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    for result in results:
        for key in TARGETS:
            wall.setdefault(key, []).extend(result["timings"][key])
            cpu.setdefault(key, []).extend(result["cpu"][key])
    lines += [_row(what, wall[key], target, cpu[key]) for key, (what, target) in TARGETS.items() if wall.get(key)]
    if results:
        saves, conflicts, lost = (sum(r[k] for r in results) for k in ("saves", "conflicts", "lost"))
        lines.append(f"\nsaves {saves}, conflicts {conflicts}, lost updates {lost} (target 0)")
    lines.append("CPU (med): the counsellor process's own CPU time per operation (workstation side)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
