"""What the Statistik page shows: a computed or merged report as frozen texts and rows.

The page gets a ``ReportView`` and hands it back to save or print it; the texts, the
disclosure control and the publication register (with its audit event) stay in the services
and reports, so the page neither formats a statistic nor writes to the register itself.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from jmd_desk.domain.statistics import Period
from jmd_desk.reports import statistics_output as output
from jmd_desk.reports.statistics import Report
from jmd_desk.services import publication, statistics
from jmd_desk.services import settings as office
from jmd_desk.services.session import UserSession


@dataclass(frozen=True)
class ShownTable:
    """One table as shown: its id, title and rows (header row first; "." marks a withheld cell)."""

    id: str
    title: str
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ReportView:
    """A report ready for the page: summary facts, tables, and the report itself to save or print."""

    report: Any  # the protected report; the page only hands it back to the services
    office: str
    lang: str
    period_label: str
    period: str
    method: str
    basis: str
    left_out: int
    sentence: str
    tables: tuple[ShownTable, ...]


def _view(report: Report, office_name: str, lang: str) -> ReportView:
    note = output.difference_note(report, lang)
    method = output.method_name(report, lang) + (f" (k = {report.k})" if report.k is not None else "")
    return ReportView(
        report=report,
        office=office_name,
        lang=lang,
        period_label=report.period.label(),
        period=output.period_text(report, lang),
        method=method,
        basis=output.basis_text(report.basis, lang),
        left_out=report.persons_left_out,
        sentence=output.method_sentence(report, lang) + (f" {note}" if note else ""),
        tables=tuple(
            ShownTable(t.id, output.title(t.id, lang), tuple(tuple(r) for r in output.table_rows(t, lang)))
            for t in report.tables
        ),
    )


def computed(session: UserSession, period: Period, method: str, k: int | None, lang: str) -> ReportView:
    """This store's report for ``period`` (team lead), marked when it differs from an earlier one."""
    settings = statistics.computation_settings(session)
    report = publication.with_difference_note(session, statistics.report_for(session, period, method, k, settings))
    return _view(report, settings.office_name, lang)


def merged(
    session: UserSession, bundles: list[bytes], passphrase: str, period: Period, method: str, k: int | None, lang: str
) -> ReportView:
    """Several stores' bundles for ``period``, added up and protected once with ``method``."""
    report = statistics.merged_report(bundles, passphrase, period, method, k)
    return _view(report, office.office_settings(session).office_name, lang)


def render(session: UserSession, view: ReportView, fmt: str) -> bytes:
    """The shown report as JSON, CSV or PDF; recorded in the publication register (audited)."""
    return statistics.render_and_record(session, view.report, fmt, view.office, view.lang)


def printed(session: UserSession, view: ReportView) -> None:
    """Record that the shown report was printed (publication register, audited)."""
    publication.record_report(session, view.report, "print")


def print_html(view: ReportView) -> str:
    """The report as HTML for the system print dialog."""
    report, lang = view.report, view.lang
    facts = [
        (output.text("office", lang), view.office or "–"),
        (output.text("period", lang), view.period),
        (output.text("method", lang), output.method_name(report, lang)),
        *([(output.text("k", lang), str(report.k))] if report.k is not None else []),
        (output.text("basis", lang), view.basis),
        (output.text("left_out", lang), str(view.left_out)),
    ]
    parts = [
        f"<h2>{html.escape(output.text('title', lang))}</h2>",
        "<table cellspacing='0' cellpadding='2'>",
        *(f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in facts),
        "</table>",
        *([f"<p><b>{html.escape(output.text('watermark', lang))}</b></p>"] if report.method == "internal" else []),
        f"<p>{html.escape(output.method_sentence(report, lang))}</p>",
    ]
    for table in view.tables:
        parts += [f"<h3>{html.escape(table.title)}</h3>", "<table border='1' cellspacing='0' cellpadding='3'>"]
        parts.append("<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in table.rows[0]) + "</tr>")
        for row in table.rows[1:]:
            cells = [f"<td>{html.escape(row[0])}</td>"] + [f"<td align='right'>{html.escape(c)}</td>" for c in row[1:]]
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</table>")
    return "\n".join(parts)
