"""Anonymised statistics for the team lead: compute, export, bundle and merge."""

from __future__ import annotations

import hashlib
from datetime import date

from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.rules import password_problems
from jmd_desk.domain.statistics import Period
from jmd_desk.reports import bundle, statistics_output
from jmd_desk.reports.statistics import RawStatistics, Report, protect, raw_statistics
from jmd_desk.reports.statistics_pdf import pdf_bytes
from jmd_desk.services import settings as office
from jmd_desk.services.session import UserSession

FORMATS = ("json", "csv", "pdf")


def raw_for(session: UserSession, period: Period) -> RawStatistics:
    """Unsuppressed counts of this store for ``period`` (team lead)."""
    session.require(Role.TEAM_LEAD)
    legal_basis = office.office_settings(session).statistics_legal_basis
    with session.uow() as uow:
        facts = uow.statistics.facts(period, legal_basis=legal_basis)
    return raw_statistics(facts)


def report_for(session: UserSession, period: Period, k: int | None = None) -> Report:
    """The protected report with the office's k (or ``k``)."""
    settings = office.office_settings(session)
    return protect(raw_for(session, period), k or settings.statistics_k)


def render(report: Report, fmt: str, office_name: str, lang: str, generated_on: date) -> bytes:
    """The report in one of the output formats."""
    if fmt == "json":
        return statistics_output.json_bytes(report)
    if fmt == "csv":
        return statistics_output.csv_bytes(report, office_name, lang)
    if fmt == "pdf":
        return pdf_bytes(report, office_name, lang, generated_on)
    raise JmdError("bad_format", value=fmt)


def export(session: UserSession, period: Period, fmt: str, lang: str = "de", k: int | None = None) -> bytes:
    """Compute and render the report; the export is audited (format only, no content)."""
    report = report_for(session, period, k)
    data = render(report, fmt, office.office_settings(session).office_name, lang, session.clock.today())
    with session.uow(write=True) as uow:
        session.audit(uow, f"statistics_exported_{fmt}")
    return data


def bundle_source(session: UserSession) -> str:
    """A stable, non-reversible name of this store for bundles (detects the same store twice)."""
    store_id = session.store.key_file.store_id
    return hashlib.sha256(f"jmd-desk bundle source {store_id}".encode()).hexdigest()[:16]


def create_bundle(session: UserSession, period: Period, passphrase: str) -> bytes:
    """This store's unsuppressed counts for ``period``, encrypted for the office merge."""
    problems = password_problems(passphrase)
    if problems:
        raise JmdError("bundle_passphrase_too_short")
    data = bundle.seal(raw_for(session, period), passphrase, bundle_source(session))
    with session.uow(write=True) as uow:
        session.audit(uow, "statistics_bundle_created")
    return data


def merge_bundles(bundles: list[bytes], passphrase: str, period: Period) -> RawStatistics:
    """Open and add up several stores' bundles for the same period."""
    return bundle.merge([bundle.unseal(data, passphrase, period) for data in bundles])
