"""Anonymised statistics for the team lead: compute, export, bundle and merge."""

from __future__ import annotations

import hashlib
from datetime import date

from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.rules import password_problems
from jmd_desk.domain.settings import OfficeSettings
from jmd_desk.domain.statistics import Period, StatisticsFacts
from jmd_desk.reports import bundle, statistics_output, statistics_trend
from jmd_desk.reports.statistics import METHODS, RawStatistics, Report, publish, raw_statistics
from jmd_desk.reports.statistics_pdf import pdf_bytes
from jmd_desk.services import publication
from jmd_desk.services import settings as office
from jmd_desk.services.session import UserSession
from jmd_desk.store.server.server_store import ServerStore
from jmd_desk.store.server.statistics import ServerStatistics

DEFAULT_METHOD = "cell_key"
MERGE_METHODS = ("cell_key", "suppression")


def check_method(method: str, period: Period, k: int | None, allowed: tuple[str, ...] = METHODS) -> None:
    """Refuse an unknown method, ``k`` outside suppression, and suppression of a free period."""
    if method not in allowed:
        raise JmdError("bad_statistics_method", value=method)
    if k is not None and method != "suppression":
        raise JmdError("k_only_with_suppression")
    if k is not None and not 3 <= k <= 10:
        raise JmdError("bad_k")
    if method == "suppression" and not period.is_calendar_block():
        raise JmdError("suppression_needs_calendar_period")


def publish_raw(raw: RawStatistics, method: str, k: int | None, allowed: tuple[str, ...] = MERGE_METHODS) -> Report:
    """Protect merged or raw counts once with ``method`` (``k`` only for suppression, default 3)."""
    check_method(method, raw.period, k, allowed)
    return publish(raw, method, (k or 3) if method == "suppression" else None)


def computation_settings(session: UserSession) -> OfficeSettings:
    """The office settings for one statistics computation (team lead): read once, passed down."""
    session.require(Role.TEAM_LEAD)
    return office.office_settings(session)


def raw_for(session: UserSession, period: Period, settings: OfficeSettings | None = None) -> RawStatistics:
    """Unsuppressed counts of this store for ``period`` (team lead)."""
    return raws_for(session, [period], settings)[0]


def raws_for(
    session: UserSession, periods: list[Period], settings: OfficeSettings | None = None
) -> list[RawStatistics]:
    """Unsuppressed counts for several periods, from one load of the rows (team lead).

    ``settings``: the office settings as the caller read them for this computation (each
    computation reads them once and passes them down); read here when not given."""
    session.require(Role.TEAM_LEAD)
    if settings is None:
        settings = computation_settings(session)
    if isinstance(session.store, ServerStore):  # the whole office, through the server's gated views
        facts = ServerStatistics(session.store.engine).facts_many(periods, legal_basis=settings.statistics_legal_basis)
        return raws_of(facts, settings)
    with session.uow() as uow:
        facts = uow.statistics.facts_many(periods, legal_basis=settings.statistics_legal_basis)
    return raws_of(facts, settings)


def raws_of(facts: list[StatisticsFacts], settings: OfficeSettings) -> list[RawStatistics]:
    """Unsuppressed counts from the facts of a local store or of the office server."""
    return [raw_statistics(f, settings.statistics_fields) for f in facts]


def report_for(
    session: UserSession,
    period: Period,
    method: str = DEFAULT_METHOD,
    k: int | None = None,
    settings: OfficeSettings | None = None,
) -> Report:
    """The report by ``method``; suppression uses ``k`` or the office's k (``settings`` as in
    ``raws_for``)."""
    check_method(method, period, k)
    if settings is None:
        settings = computation_settings(session)
    return published(settings, raw_for(session, period, settings), method, k)


def published(settings: OfficeSettings, raw: RawStatistics, method: str, k: int | None) -> Report:
    """``raw`` protected by ``method``; suppression uses ``k`` or the office's k."""
    if method == "suppression":
        return publish(raw, method, k or settings.statistics_k)
    return publish(raw, method)


def render(report: Report, fmt: str, office_name: str, lang: str, generated_on: date) -> bytes:
    """The report in one of the output formats."""
    if fmt == "json":
        return statistics_output.json_bytes(report)
    if fmt == "csv":
        return statistics_output.csv_bytes(report, office_name, lang)
    if fmt == "pdf":
        return pdf_bytes(report, office_name, lang, generated_on)
    raise JmdError("bad_format", value=fmt)


def export(
    session: UserSession,
    period: Period,
    fmt: str,
    lang: str = "de",
    k: int | None = None,
    method: str = DEFAULT_METHOD,
) -> bytes:
    """Compute and render the report; it goes into the publication register (and the audit log)."""
    return export_report(session, period, fmt, lang, k, method)[0]


def export_report(
    session: UserSession,
    period: Period,
    fmt: str,
    lang: str = "de",
    k: int | None = None,
    method: str = DEFAULT_METHOD,
) -> tuple[bytes, Report]:
    """Like ``export``; also returns the report (its ``differs_from`` says whether it differs)."""
    settings = computation_settings(session)
    report = publication.with_difference_note(session, report_for(session, period, method, k, settings))
    return render_and_record(session, report, fmt, settings.office_name, lang), report


def render_and_record(session: UserSession, report: Report, fmt: str, office_name: str, lang: str) -> bytes:
    """Render a report and record it in the register (one unit of work)."""
    data = render(report, fmt, office_name, lang, session.clock.today())
    publication.record_report(session, report, fmt)
    return data


def bundle_source(session: UserSession) -> str:
    """A stable, non-reversible name of this store for bundles (detects the same store twice)."""
    store = session.store
    return source_name(store.office_id() if isinstance(store, ServerStore) else store.key_file.store_id)


def source_name(store_id: str) -> str:
    """The bundle name of a store (or of an office server) with ``store_id``."""
    return hashlib.sha256(f"jmd-desk bundle source {store_id}".encode()).hexdigest()[:16]


def create_bundle(session: UserSession, period: Period, passphrase: str) -> bytes:
    """This store's unsuppressed counts for ``period``, encrypted for the office merge."""
    problems = password_problems(passphrase)
    if problems:
        raise JmdError("bundle_passphrase_too_short")
    raw = raw_for(session, period)
    data = bundle.seal(raw, passphrase, bundle_source(session))
    with session.uow(write=True) as uow:
        session.audit(uow, "statistics_bundle_created")
        publication.record(session, uow, period, publication.BUNDLE_METHOD, None, "bundle", publication.raw_hash(raw))
    return data


def merge_bundles(bundles: list[bytes], passphrase: str, period: Period) -> RawStatistics:
    """Open and add up several stores' bundles for the same period."""
    return bundle.merge([bundle.unseal(data, passphrase, period) for data in bundles])


def merged_report(bundles: list[bytes], passphrase: str, period: Period, method: str, k: int | None) -> Report:
    """The office merge: check the method first, open and add up the bundles, protect the sum once."""
    check_method(method, period, k, MERGE_METHODS)
    return publish_raw(merge_bundles(bundles, passphrase, period), method, k)


def quarters(first: str, last: str) -> list[Period]:
    """The calendar quarters ``first`` .. ``last`` (at most 12)."""
    start, end = Period.quarter(first), Period.quarter(last)
    if end.start < start.start:
        raise JmdError("period_reversed", start=first, end=last)
    periods = [start]
    while periods[-1].start < end.start:
        following = periods[-1].end.toordinal() + 1
        day = date.fromordinal(following)
        periods.append(Period.quarter(f"{day.year}-Q{(day.month - 1) // 3 + 1}"))
        if len(periods) > statistics_trend.MAX_QUARTERS:
            raise JmdError("trend_too_long", limit=statistics_trend.MAX_QUARTERS)
    return periods


def check_trend(fmt: str, method: str, periods: list[Period]) -> None:
    """Refuse a trend format or method that does not exist."""
    if fmt not in ("json", "pdf"):
        raise JmdError("bad_format", value=fmt)
    check_method(method, periods[0], None)


def trend_export(
    session: UserSession, first: str, last: str, fmt: str, lang: str = "de", method: str = DEFAULT_METHOD
) -> bytes:
    """The trend over consecutive quarters as JSON or PDF (audited like a report)."""
    periods = quarters(first, last)
    check_trend(fmt, method, periods)
    settings = computation_settings(session)
    raws = raws_for(session, periods, settings)
    reports = [publication.with_difference_note(session, published(settings, raw, method, None)) for raw in raws]
    if fmt == "json":
        data = statistics_trend.trend_json(reports)
    else:
        data = statistics_trend.trend_pdf(reports, settings.office_name, lang, session.clock.today())
    with session.uow(write=True) as uow:
        for report in reports:
            digest = publication.cells_hash(report)
            publication.record(session, uow, report.period, report.method, report.k, f"trend_{fmt}", digest)
    return data
