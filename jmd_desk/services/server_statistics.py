"""The team lead's statistics on the office server: the same facts, rules, protection and
outputs as on a local store (services/statistics.py), counted over the whole office through
the server's gated statistics views; each report goes into the server's publication register."""

from __future__ import annotations

from pathlib import Path

from jmd_desk.domain.clock import Clock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, JmdError
from jmd_desk.domain.rules import password_problems
from jmd_desk.domain.settings import OfficeSettings
from jmd_desk.domain.statistics import Period
from jmd_desk.reports import bundle, statistics_trend
from jmd_desk.reports.statistics import RawStatistics, Report
from jmd_desk.services import publication, statistics
from jmd_desk.services.accounts import normalise_username
from jmd_desk.services.server_admin import open_profile
from jmd_desk.store.keyfile import KdfPolicy
from jmd_desk.store.server.server_store import ServerStore
from jmd_desk.store.server.statistics import ServerStatistics


class TeamLead:
    """A signed-in team lead on the server, with the office settings read once."""

    def __init__(self, profile_path: Path, username: str, password: str, policy: KdfPolicy) -> None:
        self.store = ServerStore.open(open_profile(profile_path), normalise_username(username), password, policy)
        user = self.store.user()
        if user is None or not user.active or not user.has(Role.TEAM_LEAD):
            self.store.close()
            raise AuthError("not_permitted", roles=Role.TEAM_LEAD.value)
        self.stats = ServerStatistics(self.store.engine)
        self.settings = OfficeSettings.from_values(self.stats.settings())

    def raws(self, periods: list[Period]) -> list[RawStatistics]:
        facts = self.stats.facts_many(periods, legal_basis=self.settings.statistics_legal_basis)
        return statistics.raws_of(facts, self.settings)

    def reports(self, periods: list[Period], method: str, k: int | None) -> list[Report]:
        reports = [statistics.published(self.settings, raw, method, k) for raw in self.raws(periods)]
        return [publication.noted(r, self.stats.earlier(r.period.start, r.period.end, r.method)) for r in reports]


def export_report(
    profile_path: Path,
    username: str,
    password: str,
    period: Period,
    fmt: str,
    *,
    method: str,
    k: int | None,
    lang: str,
    clock: Clock,
    policy: KdfPolicy,
) -> tuple[bytes, Report]:
    """The report of ``period`` in ``fmt`` (like ``stats`` on a local store), recorded in the register."""
    statistics.check_method(method, period, k)
    lead = TeamLead(profile_path, username, password, policy)
    try:
        report = lead.reports([period], method, k)[0]
        data = statistics.render(report, fmt, lead.settings.office_name, lang, clock.today())
        lead.stats.record(clock.now(), lead.store.username, [_entry(report, fmt)], lead.store.audit_key)
    finally:
        lead.store.close()
    return data, report


def trend_export(
    profile_path: Path,
    username: str,
    password: str,
    first: str,
    last: str,
    fmt: str,
    *,
    method: str,
    lang: str,
    clock: Clock,
    policy: KdfPolicy,
) -> bytes:
    """The trend over consecutive quarters as JSON or PDF (like ``stats-trend`` on a local store)."""
    periods = statistics.quarters(first, last)
    statistics.check_trend(fmt, method, periods)
    lead = TeamLead(profile_path, username, password, policy)
    try:
        reports = lead.reports(periods, method, None)
        if fmt == "json":
            data = statistics_trend.trend_json(reports)
        else:
            data = statistics_trend.trend_pdf(reports, lead.settings.office_name, lang, clock.today())
        lead.stats.record(
            clock.now(), lead.store.username, [_entry(r, f"trend_{fmt}") for r in reports], lead.store.audit_key
        )
    finally:
        lead.store.close()
    return data


def create_bundle(
    profile_path: Path,
    username: str,
    password: str,
    period: Period,
    passphrase: str,
    *,
    clock: Clock,
    policy: KdfPolicy,
) -> bytes:
    """The office's unsuppressed counts for ``period``, encrypted for a merge (like ``stats-bundle``)."""
    if password_problems(passphrase):
        raise JmdError("bundle_passphrase_too_short")
    lead = TeamLead(profile_path, username, password, policy)
    try:
        raw = lead.raws([period])[0]
        data = bundle.seal(raw, passphrase, statistics.source_name(lead.store.office_id()))
        entry = (period, publication.BUNDLE_METHOD, None, "bundle", publication.raw_hash(raw))
        lead.stats.record(clock.now(), lead.store.username, [entry], lead.store.audit_key)
    finally:
        lead.store.close()
    return data


def _entry(report: Report, output: str) -> tuple[Period, str, int | None, str, str]:
    return report.period, report.method, report.k, output, publication.cells_hash(report)
