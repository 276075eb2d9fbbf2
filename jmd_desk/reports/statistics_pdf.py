"""The statistics report as a PDF an office can send out: A4, embedded fonts, header with
office and period, footer with page x of y and the generation date, tables and bar charts,
the suppression legend, k and a short methods note."""

from __future__ import annotations

import io
import math
from datetime import date
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from jmd_desk.reports.fonts import FONT, FONT_BOLD, register_fonts
from jmd_desk.reports.statistics import Report
from jmd_desk.reports.statistics import Table as StatTable
from jmd_desk.reports.statistics_output import (
    NOT_ADDITIVE,
    basis_text,
    category,
    difference_note,
    method_name,
    method_sentence,
    period_text,
    table_rows,
    text,
    title,
)
from jmd_desk.texts import pick
from jmd_desk.texts.statistics import (
    BASIS_RULES,
    GENERATED,
    METHOD_NOTES,
    METHODS_NOTE,
    NO_OFFICE,
    PAGE_OF,
    SECTIONS,
    WITHHELD_NOTE,
)

PALETTE = [
    colors.HexColor(c)
    for c in (
        "#2f5d8a",
        "#e08a2c",
        "#5a9e6f",
        "#b5495b",
        "#8c6bb1",
        "#7f7f7f",
        "#c9a227",
        "#3d9ca8",
        "#a0522d",
        "#4b4b8f",
    )
]
ACCENT = colors.HexColor("#2f5d8a")


class _NumberedCanvas(Canvas):
    """Defers pages so the footer can say "page x of y"."""

    header: tuple[str, str] = ("", "")
    footer: str = ""
    watermark: str = ""
    lang = "de"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        """Remember the page instead of emitting it now."""
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Emit every page with header and footer."""
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        width, height = A4
        self.saveState()
        self.setStrokeColor(ACCENT)
        self.setLineWidth(0.6)
        self.line(2 * cm, height - 1.6 * cm, width - 2 * cm, height - 1.6 * cm)
        self.setFont(FONT_BOLD, 9)
        self.drawString(2 * cm, height - 1.4 * cm, self.header[0])
        self.setFont(FONT, 9)
        self.drawRightString(width - 2 * cm, height - 1.4 * cm, self.header[1])
        self.line(2 * cm, 1.6 * cm, width - 2 * cm, 1.6 * cm)
        self.setFont(FONT, 8)
        self.drawString(2 * cm, 1.15 * cm, self.footer)
        page_text = pick(PAGE_OF, self.lang).format(page=self._pageNumber, pages=total)
        self.drawRightString(width - 2 * cm, 1.15 * cm, page_text)
        if self.watermark:
            self.setFont(FONT_BOLD, 10)
            self.setFillColor(colors.HexColor("#b5495b"))
            self.drawCentredString(width / 2, height - 1.0 * cm, self.watermark)
        self.restoreState()


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=13, alignment=TA_LEFT)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5, textColor=colors.HexColor("#444444")),
        "title": ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=18, leading=23, spaceAfter=6, textColor=ACCENT
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=17,
            spaceBefore=10,
            spaceAfter=4,
            textColor=ACCENT,
        ),
        "h3": ParagraphStyle(
            "h3", parent=base, fontName=FONT_BOLD, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=3
        ),
    }


def _table_flowable(stat: StatTable, lang: str) -> Table:
    rows = table_rows(stat, lang)
    two_dim = len(stat.dimensions) == 2
    usable = A4[0] - 4 * cm
    if two_dim:
        first = 4.2 * cm
        rest = (usable - first) / (len(rows[0]) - 1)
        widths = [first] + [rest] * (len(rows[0]) - 1)
        cell_style = _header_style(rows[0][1:], rest - 6)
        rows[0] = [rows[0][0]] + [Paragraph(h, cell_style) for h in rows[0][1:]]
    else:
        widths = [usable - 3.2 * cm, 3.2 * cm]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    size = 7.5 if two_dim else 8.5
    has_total_row = stat.id not in NOT_ADDITIVE
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, size),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, size),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe8f1")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        (
            "ROWBACKGROUNDS",
            (0, 1),
            (-1, -2 if has_total_row else -1),
            [colors.white, colors.HexColor("#f4f6f8")],
        ),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if has_total_row:
        style += [("FONT", (0, -1), (-1, -1), FONT_BOLD, size), ("LINEABOVE", (0, -1), (-1, -1), 0.6, ACCENT)]
    if two_dim:
        style += [("FONT", (-1, 0), (-1, -1), FONT_BOLD, 7.5), ("LINEBEFORE", (-1, 0), (-1, -1), 0.6, ACCENT)]
    table.setStyle(TableStyle(style))
    return table


def _header_style(headers: list[str], width: float) -> ParagraphStyle:
    """Bold header text small enough that its longest word fits the column: never split inside a word."""
    longest = max((w for h in headers for w in h.split()), key=lambda w: stringWidth(w, FONT_BOLD, 7), default="")
    size = 7.0
    while size > 4.5 and stringWidth(longest, FONT_BOLD, size) > width:
        size -= 0.25
    return ParagraphStyle("head", fontName=FONT_BOLD, fontSize=size, leading=size + 1.5, splitLongWords=0)


def _chart(stat: StatTable, lang: str) -> Drawing | None:
    """Horizontal bars of every published value, each bar labelled; withheld values show as "."
    at zero. 2-D tables as grouped bars (one colour per column category) with a legend."""
    width = A4[0] - 4 * cm
    names: list[str] = []
    if len(stat.dimensions) == 1:
        dim = stat.dimensions[0]
        cats = [c for c in stat.cells if c.value or c.suppressed]
        if not cats:
            return None
        labels = [category(stat, dim, c.code(dim), lang) for c in cats]
        cells = [cats]
    else:
        row_dim, col_dim = stat.dimensions
        grid = {
            (r, c): stat.cell(**{row_dim: r, col_dim: c})
            for r in stat.categories(row_dim)
            for c in stat.categories(col_dim)
        }
        rows = [r for r in stat.categories(row_dim) if any(_shown(grid[(r, c)]) for c in stat.categories(col_dim))]
        cols = [c for c in stat.categories(col_dim) if any(_shown(grid[(r, c)]) for r in rows)]
        if not rows or not cols:
            return None
        labels = [category(stat, row_dim, r, lang) for r in rows]
        cells = [[grid[(r, c)] for r in rows] for c in cols]
        names = [category(stat, col_dim, c, lang) for c in cols]
    legend_rows = math.ceil(len(names) / LEGEND_COLUMNS) if names else 0
    legend_space = legend_rows * 0.42 * cm + (0.2 * cm if names else 0)
    bars = len(labels) * len(cells)
    bar = max(0.2 * cm, min(0.36 * cm, MAX_CHART_BARS_HEIGHT / bars))  # the chart fits one page
    height = bars * bar + len(labels) * 0.12 * cm + 1.3 * cm
    drawing = Drawing(width, height + legend_space, initialFontName=FONT)
    chart = HorizontalBarChart()
    chart.x = 5.4 * cm
    chart.y = 0.75 * cm
    chart.width = width - chart.x - 0.8 * cm
    chart.height = height - 1.0 * cm
    chart.data = [[c.value or 0 for c in series] for series in cells]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.reverseDirection = True
    _style_axes(chart)
    chart.groupSpacing = 2
    chart.barLabelFormat = "values"
    chart.barLabelArray = [["." if c.suppressed else str(c.value) for c in series] for series in cells]
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    for i in range(len(cells)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    _decorate_chart(drawing, chart, stat, names, height + legend_space, lang)
    return drawing


def _shown(cell: Any) -> bool:
    return bool(cell.value or cell.suppressed)


def _style_axes(chart: HorizontalBarChart) -> None:
    """Embedded font on both axes; values start at zero so small bars stay visible."""
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7


LEGEND_COLUMNS = 3
MAX_CHART_BARS_HEIGHT = 16 * cm


def _decorate_chart(
    drawing: Drawing, chart: HorizontalBarChart, stat: StatTable, names: list[str], top: float, lang: str
) -> None:
    """The legend of a 2-D chart and the note on withheld values."""
    if names:
        legend = Legend()
        legend.fontName = FONT
        legend.fontSize = 7
        legend.x = chart.x
        legend.y = top - 0.1 * cm
        legend.boxAnchor = "nw"
        legend.alignment = "right"
        legend.columnMaximum = math.ceil(len(names) / LEGEND_COLUMNS)  # rows, so it stays inside the page
        legend.dx = legend.dy = 6
        legend.deltay = 0.42 * cm
        legend.deltax = chart.width / LEGEND_COLUMNS
        legend.autoXPadding = 0
        legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], n) for i, n in enumerate(names)]
        drawing.add(legend)
    if any(c.suppressed for c in stat.cells):
        note = String(
            chart.x,
            0.05 * cm,
            pick(WITHHELD_NOTE, lang),
            fontName=FONT,
            fontSize=6.5,
            fillColor=colors.HexColor("#555555"),
        )
        drawing.add(note)


def pdf_bytes(report: Report, office: str, lang: str, generated_on: date) -> bytes:
    """Render the whole report."""
    register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    heading = text("title", lang)
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2.2 * cm,
        bottomMargin=2.2 * cm,
        title=f"{heading} {period_text(report, lang)}",
        author=office or "JMD Desk",
        creator="JMD Desk",
        lang="de-DE" if lang == "de" else "en-GB",
        initialFontName=FONT,
    )
    generated = f"{generated_on:%d.%m.%Y}" if lang == "de" else generated_on.isoformat()
    canvas_class = type(
        "ReportCanvas",
        (_NumberedCanvas,),
        {
            "header": (office or pick(NO_OFFICE, lang), f"{heading} · {period_text(report, lang)}"),
            "footer": _footer(report, generated, lang),
            "watermark": text("watermark", lang) if report.method == "internal" else "",
            "lang": lang,
        },
    )
    story = _intro(report, office, lang, heading, styles) + _sections(report, lang, styles)
    doc.build(story, canvasmaker=canvas_class)
    return buffer.getvalue()


def _intro(report: Report, office: str, lang: str, heading: str, styles: dict[str, ParagraphStyle]) -> list[Any]:
    """Title, the report's facts, the method sentence (and a difference note), the methods note."""
    basis_rule = pick(BASIS_RULES.get(report.basis, BASIS_RULES["mixed"]), lang)
    note = difference_note(report, lang)
    return [
        Paragraph(heading, styles["title"]),
        _meta_table(report, office, lang),
        Spacer(1, 0.3 * cm),
        Paragraph(method_sentence(report, lang), styles["base"]),
        *([Paragraph(f"<b>{note}</b>", styles["base"])] if note else []),
        Spacer(1, 0.2 * cm),
        Paragraph(
            pick(METHODS_NOTE, lang).format(basis_rule=basis_rule) + " " + pick(METHOD_NOTES[report.method], lang),
            styles["small"],
        ),
    ]


def _sections(report: Report, lang: str, styles: dict[str, ParagraphStyle]) -> list[Any]:
    """Each section's tables, each with its chart, kept together where they fit on a page."""
    story: list[Any] = []
    for section_title, ids in SECTIONS:
        story.append(CondPageBreak(6 * cm))
        section_heading: list[Any] = [Paragraph(pick(section_title, lang), styles["h2"])]
        for table_id in ids:
            stat = report.table(table_id)
            block: list[Any] = [
                *section_heading,
                Paragraph(title(table_id, lang), styles["h3"]),
                _table_flowable(stat, lang),
            ]
            section_heading = []
            chart = _chart(stat, lang)
            if chart is not None:
                block += [Spacer(1, 0.2 * cm), chart]
            block.append(Spacer(1, 0.4 * cm))
            if len(table_rows(stat, lang)) <= 40:
                story.append(KeepTogether(block))
            else:
                story.extend(block)  # long tables may break across pages (header rows repeat)
    return story


def _footer(report: Report, generated: str, lang: str) -> str:
    k = f" · k = {report.k}" if report.k is not None else ""
    return pick(GENERATED, lang).format(generated=generated, k=k)


def _meta_table(report: Report, office: str, lang: str) -> Table:
    label = ParagraphStyle("meta", fontName=FONT_BOLD, fontSize=9.5, leading=12)
    rows = [
        [text("office", lang), office or pick(NO_OFFICE, lang)],
        [text("period", lang), period_text(report, lang)],
        [text("method", lang), method_name(report, lang)],
        *([[text("k", lang), str(report.k)]] if report.k is not None else []),
        [text("basis", lang), basis_text(report.basis, lang)],
        [text("left_out", lang), str(report.persons_left_out)],
    ]
    rows = [[Paragraph(name, label), value] for name, value in rows]
    table = Table(rows, colWidths=[8 * cm, A4[0] - 12 * cm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LINEBELOW", (0, -1), (-1, -1), 0.4, ACCENT),
            ]
        )
    )
    return table
