"""The publication register (DESIGN §7): every statistics report that leaves the program is
recorded with period, method, k, time, user and a hash of its cells; a report whose cells differ
from an earlier one for the same period and method says so."""

from __future__ import annotations

import dataclasses
import hashlib
import json

from jmd_desk.domain.codes import Role
from jmd_desk.domain.statistics import Period, PublishedReport
from jmd_desk.reports.statistics import RawStatistics, Report
from jmd_desk.reports.statistics_output import to_json
from jmd_desk.services.session import UserSession
from jmd_desk.store.uow import UnitOfWork

BUNDLE_METHOD = "bundle"


def cells_hash(report: Report) -> str:
    """SHA-256 of the published cells (values and withheld marks), k and persons left out."""
    document = to_json(report)
    payload = {key: document[key] for key in ("method", "k", "persons_left_out", "tables")}
    return _digest(payload)


def raw_hash(raw: RawStatistics) -> str:
    """SHA-256 of a bundle's exact counts and key sums."""
    tables = {
        t: sorted([list(k), n, raw.key_sums.get(t, {}).get(k, 0)] for k, n in c.items()) for t, c in raw.counts.items()
    }
    return _digest({"left_out": raw.persons_left_out, "tables": tables})


def _digest(payload: object) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def with_difference_note(session: UserSession, report: Report) -> Report:
    """The report marked with the earliest earlier publication whose cells differ (if any)."""
    with session.uow() as uow:
        entries = uow.register.for_period(report.period.start, report.period.end, report.method)
    return noted(report, entries)


def noted(report: Report, entries: list[PublishedReport]) -> Report:
    """The report marked with the latest of ``entries`` (same period and method) whose cells differ."""
    earlier = latest_different(entries, cells_hash(report))
    return dataclasses.replace(report, differs_from=earlier.published_at if earlier else None)


def latest_different(entries: list[PublishedReport], digest: str) -> PublishedReport | None:
    """The latest of ``entries`` whose cells hash differs from ``digest``."""
    different = [e for e in entries if e.cells_hash != digest]
    return different[-1] if different else None


def record(
    session: UserSession, uow: UnitOfWork, period: Period, method: str, k: int | None, output: str, digest: str
) -> None:
    """Add a register entry and its audit event inside the caller's unit of work."""
    entry_id = uow.register.add(session.clock.now(), session.username, period, method, k, output, digest)
    session.audit(uow, f"statistics_published_{output}", "published_report", entry_id)


def record_report(session: UserSession, report: Report, output: str) -> None:
    """Record one written, printed or merged report in its own unit of work."""
    with session.uow(write=True) as uow:
        record(session, uow, report.period, report.method, report.k, output, cells_hash(report))


def register(session: UserSession) -> list[PublishedReport]:
    """The register, newest first (team lead)."""
    session.require(Role.TEAM_LEAD)
    with session.uow() as uow:
        return uow.register.entries()
