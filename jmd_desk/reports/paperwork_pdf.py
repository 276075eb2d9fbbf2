"""Printed paperwork of a client file: letters from templates and the Förderplan agreement.

Pure rendering (reportlab): the services hand over what to print; fonts are embedded.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from jmd_desk.domain import codes
from jmd_desk.domain.entities import Case, Client, Goal
from jmd_desk.reports.fonts import FONT, FONT_BOLD, register_fonts
from jmd_desk.texts.labels import code_label

LOGO_MAX = (5 * cm, 1.8 * cm)
MARGIN = 2 * cm
TOP = 3.2 * cm  # room for the letterhead
SUBJECT = "Betreff:"
# Tables set their font for every cell, Paragraphs included: without this, Helvetica (not embedded).
TABLE_FONT = [("FONTNAME", (0, 0), (-1, -1), FONT)]


@dataclass(frozen=True)
class Letterhead:
    """The office's name and logo (PNG or JPEG bytes) at the top of every page."""

    office: str
    logo: bytes | None = None


@dataclass(frozen=True)
class PlanPrint:
    """What a Förderplan agreement shows."""

    head: Letterhead
    client: Client
    case: Case | None
    goals: tuple[Goal, ...]
    counsellor: str
    printed_on: date
    minor: bool


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=FONT, fontSize=10.5, leading=14.5)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5),
        "head": ParagraphStyle("head", parent=base, fontName=FONT_BOLD, fontSize=9, leading=11.5),
        "colhead": ParagraphStyle("colhead", parent=base, fontName=FONT_BOLD, fontSize=8, leading=10.5),
        "date": ParagraphStyle("date", parent=base, fontSize=8, leading=10.5),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=15, leading=19, spaceAfter=8),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=11.5, spaceBefore=10, spaceAfter=4),
    }


def _draw_head(head: Letterhead) -> Callable[[Canvas, Any], None]:
    """Draw logo (left), office name (right) and the page number on every page."""

    def draw(canvas: Canvas, doc: Any) -> None:
        width, height = A4
        canvas.saveState()
        top = height - 1.2 * cm
        if head.logo:
            image = ImageReader(io.BytesIO(head.logo))
            w, h = image.getSize()
            scale = min(LOGO_MAX[0] / w, LOGO_MAX[1] / h)
            canvas.drawImage(image, MARGIN, top - h * scale, w * scale, h * scale, mask="auto")
        canvas.setFont(FONT_BOLD, 11)
        canvas.drawRightString(width - MARGIN, top - 0.5 * cm, head.office or "Jugendmigrationsdienst")
        canvas.setFont(FONT, 8)
        canvas.drawRightString(width - MARGIN, 1.2 * cm, f"Seite {doc.page}")
        canvas.restoreState()

    return draw


def _document(buffer: io.BytesIO, title: str, head: Letterhead) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP,
        bottomMargin=2 * cm,
        title=title,
        author=head.office or "JMD Desk",
        initialFontName=FONT,
    )


def logo_is_readable(data: bytes) -> bool:
    """Whether reportlab can draw the logo (checked before it is stored)."""
    try:
        image = ImageReader(io.BytesIO(data))
        w, h = image.getSize()
        if w * h > 25_000_000:  # a decompression bomb would cost memory at every print
            return False
        image.getRGBData()  # decodes the whole image: a damaged stream fails here, not when printing
    except Exception:  # noqa: BLE001 - any damage in the image means: not usable
        return False
    return w > 0 and h > 0


def letter_pdf(head: Letterhead, title: str, text: str) -> bytes:
    """A letter: the (edited) text below the letterhead. A line ``# …`` is a heading; a line
    ``Betreff: …`` is printed bold without the word (DIN 5008)."""
    styles = _styles()
    story: list[Any] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [_letter_line(line) for line in block.split("\n")]
        if block.startswith("# "):
            story.append(Paragraph(escape(block[2:].strip()), styles["title"]))
            continue
        story.append(Paragraph("<br/>".join(lines) or "&nbsp;", styles["base"]))
        story.append(Spacer(1, 0.35 * cm))
    buffer = io.BytesIO()
    draw = _draw_head(head)
    _document(buffer, title, head).build(story, onFirstPage=draw, onLaterPages=draw)
    return buffer.getvalue()


def _letter_line(line: str) -> str:
    if line.startswith(SUBJECT):
        return f"<b>{escape(line[len(SUBJECT) :].strip())}</b>"
    return _keep_indent(line)


def _keep_indent(line: str) -> str:
    stripped = line.lstrip(" ")
    return "&nbsp;" * (len(line) - len(stripped)) + escape(stripped)


def _day(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else "–"


def plan_pdf(plan: PlanPrint) -> bytes:
    """The Integrationsförderplan as an agreement to sign: goals by area, signature lines."""
    styles = _styles()
    client = plan.client
    story: list[Any] = [
        Paragraph("Integrationsförderplan – Vereinbarung", styles["title"]),
        _facts(plan, styles),
        Spacer(1, 0.4 * cm),
        Paragraph(
            "Wir haben die folgenden Ziele und Schritte gemeinsam vereinbart. Wir sprechen regelmäßig darüber, "
            "was erreicht ist, und passen den Plan gemeinsam an.",
            styles["base"],
        ),
    ]
    areas = [a for a in codes.AREAS if any(g.area == a for g in plan.goals)]
    for area in areas:
        story.append(Paragraph(escape(code_label("area", area, "de")), styles["h2"]))
        story.append(_goal_table([g for g in plan.goals if g.area == area], styles))
    if not plan.goals:
        story.append(Paragraph("Es sind noch keine Ziele vereinbart.", styles["base"]))
    story.append(Spacer(1, 0.8 * cm))
    signers = [f"{client.full_name} (junge Person)"]
    if plan.minor:
        signers.append(f"{client.guardian or ''} (Erziehungsberechtigte*r / Vormund)".strip())
    signers.append(f"{plan.counsellor} (Fachkraft Jugendmigrationsdienst)")
    story.append(KeepTogether(_signatures(signers, styles)))
    buffer = io.BytesIO()
    draw = _draw_head(plan.head)
    title = f"Integrationsförderplan {client.full_name}"
    _document(buffer, title, plan.head).build(story, onFirstPage=draw, onLaterPages=draw)
    return buffer.getvalue()


def _facts(plan: PlanPrint, styles: dict[str, ParagraphStyle]) -> Table:
    client, case = plan.client, plan.case
    rows = [
        ("Name", client.full_name),
        ("Geburtsdatum", _day(client.date_of_birth)),
        ("Klient*innen-Nummer", client.client_number or "–"),
        ("Fall", f"{code_label('case_type', case.case_type, 'de')} seit {_day(case.opened_on)}" if case else "–"),
        ("Fachkraft", plan.counsellor),
        ("Stand", _day(plan.printed_on)),
    ]
    table = Table(
        [[Paragraph(escape(k), styles["head"]), Paragraph(escape(v), styles["cell"])] for k, v in rows],
        colWidths=[4.5 * cm, 12.5 * cm],
    )
    table.setStyle(
        TableStyle([*TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])
    )
    return table


GOAL_COLUMNS = ("Ziel und Schritte", "Verantwortlich", "Vereinbart", "Fällig", "Überprüfung", "Stand")
GOAL_WIDTHS = [5.1 * cm, 2.9 * cm, 2.2 * cm, 2.2 * cm, 2.5 * cm, 2.1 * cm]


def _goal_table(goals: list[Goal], styles: dict[str, ParagraphStyle]) -> Table:
    rows: list[list[Any]] = [[Paragraph(h, styles["colhead"]) for h in GOAL_COLUMNS]]
    for goal in goals:
        what = escape(goal.title)
        if goal.steps:
            what += f'<br/><font size=8 color="#444444">Schritte: {escape(goal.steps)}</font>'
        who = ", ".join(code_label("responsible", r, "de") for r in goal.responsible)
        rows.append(
            [
                Paragraph(what.replace("\n", "<br/>"), styles["cell"]),
                Paragraph(escape(who) or "–", styles["cell"]),
                Paragraph(_day(goal.agreed_on), styles["date"]),
                Paragraph(_day(goal.due_on), styles["date"]),
                Paragraph(_day(goal.review_on), styles["date"]),
                Paragraph(escape(code_label("goal_status", goal.status, "de")), styles["cell"]),
            ]
        )
    table = Table(rows, colWidths=GOAL_WIDTHS, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                *TABLE_FONT,
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _signatures(signers: list[str], styles: dict[str, ParagraphStyle]) -> list[Any]:
    parts: list[Any] = [Paragraph("Unterschriften", styles["h2"])]
    for signer in signers:
        line = Table(
            [["", "", ""], [Paragraph("Ort, Datum", styles["small"]), "", Paragraph(escape(signer), styles["small"])]],
            colWidths=[5.5 * cm, 1 * cm, 10.5 * cm],
            rowHeights=[1.4 * cm, None],
        )
        line.setStyle(
            TableStyle(
                [
                    *TABLE_FONT,
                    ("LINEBELOW", (0, 0), (0, 0), 0.6, colors.black),
                    ("LINEBELOW", (2, 0), (2, 0), 0.6, colors.black),
                ]
            )
        )
        parts.append(line)
    return parts
