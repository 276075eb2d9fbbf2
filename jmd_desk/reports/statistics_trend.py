"""The statistics trend (DESIGN §7): one report per quarter, as JSON and as a PDF of line charts.

Every period is published on its own with the same method, so each value is exactly the one
that period's own report shows (cell keys make them consistent).
"""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from jmd_desk.reports.fonts import FONT, FONT_BOLD, register_fonts
from jmd_desk.reports.statistics import Report
from jmd_desk.reports.statistics_output import method_name, method_sentence, text, to_json
from jmd_desk.reports.statistics_pdf import PALETTE, _NumberedCanvas
from jmd_desk.texts import pick
from jmd_desk.texts.statistics import GENERATED, HEADLINE_LABELS, NO_OFFICE, TREND_HEADING

FORMAT = "jmd-desk-statistics-trend"
VERSION = 1
MAX_QUARTERS = 12

# Headline measures: (label de, label en, table id, measure or None for the table total).
HEADLINES: tuple[tuple[str, str, str, str | None], ...] = tuple(
    (*label, table_id, measure) for (table_id, measure), label in HEADLINE_LABELS.items()
)


def trend_json(reports: list[Report]) -> bytes:
    """The trend document: the reports of consecutive quarters under one method."""
    first = reports[0]
    document = {
        "format": FORMAT,
        "version": VERSION,
        "method": first.method,
        "k": first.k,
        "periods": [to_json(r) for r in reports],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def headline(report: Report, table_id: str, measure: str | None) -> int | None:
    """One headline value as published (None when withheld)."""
    table = report.table(table_id)
    return table.total if measure is None else table.cell(measure=measure).value


def trend_pdf(reports: list[Report], office: str, lang: str, generated_on: date) -> bytes:
    """A4 PDF: the method sentence, a table of the headline values per quarter, and line charts."""
    register_fonts()
    de = lang == "de"
    buffer = io.BytesIO()
    heading = pick(TREND_HEADING, lang)
    span = f"{reports[0].period.label()} – {reports[-1].period.label()}"
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2.2 * cm,
        bottomMargin=2.2 * cm,
        title=f"{heading} {span}",
        author=office or "JMD Desk",
        creator="JMD Desk",
        initialFontName=FONT,
    )
    generated = f"{generated_on:%d.%m.%Y}" if de else generated_on.isoformat()
    canvas_class = type(
        "TrendCanvas",
        (_NumberedCanvas,),
        {
            "header": (office or pick(NO_OFFICE, lang), f"{heading} · {span}"),
            "footer": pick(GENERATED, lang).format(generated=generated, k=""),
            "watermark": text("watermark", lang) if reports[0].method == "internal" else "",
            "lang": lang,
        },
    )
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=13)
    title_style = ParagraphStyle("t", parent=base, fontName=FONT_BOLD, fontSize=16, leading=21, spaceAfter=6)
    method = method_name(reports[0], lang) + (f" (k = {reports[0].k})" if reports[0].k is not None else "")
    story: list[Any] = [
        Paragraph(heading, title_style),
        Paragraph(f"{text('method', lang)}: {method}", base),
        Paragraph(method_sentence(reports[0], lang), base),
        Spacer(1, 0.3 * cm),
        _values_table(reports, lang),
        Spacer(1, 0.5 * cm),
    ]
    story += [_line_chart(reports, lang, [h for h in HEADLINES if h[2] == "caseload"]), Spacer(1, 0.5 * cm)]
    story.append(_line_chart(reports, lang, [h for h in HEADLINES if h[2] != "caseload"]))
    doc.build(story, canvasmaker=canvas_class)
    return buffer.getvalue()


def _shown(value: int | None) -> str:
    return "." if value is None else str(value)


def _values_table(reports: list[Report], lang: str) -> Table:
    header = [""] + [r.period.label().replace("-", " ") for r in reports]
    rows = [header]
    for de, en, table_id, measure in HEADLINES:
        rows.append([pick((de, en), lang)] + [_shown(headline(r, table_id, measure)) for r in reports])
    usable = A4[0] - 4 * cm
    first = 4.5 * cm
    table = Table(rows, colWidths=[first] + [(usable - first) / len(reports)] * len(reports), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 7.5),
                ("FONT", (0, 0), (-1, 0), FONT_BOLD, 7),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, PALETTE[0]),
            ]
        )
    )
    return table


def _line_chart(reports: list[Report], lang: str, lines: list[tuple[str, str, str, str | None]]) -> Drawing:
    """One line per headline measure; every point labelled with its published value."""
    width, height = A4[0] - 4 * cm, 7.5 * cm
    drawing = Drawing(width, height, initialFontName=FONT)
    chart = HorizontalLineChart()
    chart.x, chart.y = 1.2 * cm, 1.0 * cm
    chart.width, chart.height = width - 1.6 * cm, height - 2.4 * cm
    chart.data = [[headline(r, t, m) or 0 for r in reports] for _, _, t, m in lines]
    chart.categoryAxis.categoryNames = [r.period.label().replace("-", " ") for r in reports]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.lineLabelFormat = "values"
    chart.lineLabelArray = [[_shown(headline(r, t, m)) for r in reports] for _, _, t, m in lines]
    chart.lineLabels.fontName = FONT
    chart.lineLabels.fontSize = 6.5
    chart.lineLabels.dy = 5
    for i in range(len(lines)):
        chart.lines[i].strokeColor = PALETTE[i % len(PALETTE)]
        chart.lines[i].strokeWidth = 1.4
    drawing.add(chart)
    legend = Legend()
    legend.fontName, legend.fontSize = FONT, 7
    legend.x, legend.y = chart.x, height - 0.2 * cm
    legend.boxAnchor, legend.alignment = "nw", "right"
    legend.columnMaximum = 1
    legend.deltax = chart.width / max(len(lines), 1)
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], pick((de, en), lang)) for i, (de, en, _, _) in enumerate(lines)
    ]
    drawing.add(legend)
    return drawing
