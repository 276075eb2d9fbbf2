"""The access export (Art. 15 DSGVO) of one client: every stored field, consent, case record
and contact note, the correction history and who accessed the file — as JSON and as PDF."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from jmd_desk.domain.documents import encode_base64
from jmd_desk.domain.entities import AuditEvent, ClientFile, Partner, Saved
from jmd_desk.domain.fields import to_json
from jmd_desk.domain.readmodels import ClientChange
from jmd_desk.reports.fonts import FONT, FONT_BOLD, register_fonts
from jmd_desk.texts import pick
from jmd_desk.texts.access_export import HEADINGS, YES_NO
from jmd_desk.texts.labels import code_label, field_label

FORMAT = "jmd-desk-access-export"
VERSION = 1
LIST_FIELDS = {"nationalities", "languages", "participants", "topics", "responsible", "areas"}
# Shown in the PDF under another code list than their field name.
CODE_LIST_OF = {"status": "goal_status", "kind": "document_kind", "field": "progress_field", "areas": "area"}
HIDDEN_IN_PDF = {"partner_id", "contact_id", "record_key", "participants_by_gender", "participants_by_age_group"}
CODED = {
    "gender",
    "residence_status",
    "german_level",
    "case_type",
    "closure_reason",
    "destination",
    "area",
    "status",
    "mode",
    "scope",
    "given_by",
    "country_of_birth",
    "school_qualification",
    "phase",
    "kind",
    "field",
}


@dataclass(frozen=True)
class AccessData:
    """Everything stored about one client, as handed over on request."""

    file: ClientFile
    partners: tuple[Saved[Partner], ...]
    corrections: tuple[ClientChange, ...]
    access_log: tuple[AuditEvent, ...]
    office: str
    created_on: date
    document_contents: Mapping[int, bytes] = field(default_factory=dict)


def to_document(data: AccessData) -> dict[str, Any]:
    """The JSON document."""
    names = {p.id: p.value.name for p in data.partners}
    f = data.file
    cases = []
    for cf in f.cases:
        referrals = []
        for r in cf.referrals:
            item = to_json(r.value)
            item["partner"] = names.get(item.pop("partner_id"), "?")
            referrals.append(item)
        cases.append(
            {
                **to_json(cf.case),
                "goals": [to_json(g.value) for g in cf.goals],
                "contacts": [to_json(c.value) for c in cf.contacts],
                "referrals": referrals,
                "follow_ups": [to_json(x.value) for x in cf.follow_ups],
                "appointments": [to_json(a.value) for a in cf.appointments],
            }
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "created_on": data.created_on.isoformat(),
        "office": data.office,
        "client": to_json(f.client),
        "consents": [to_json(c.value) for c in f.consents],
        "progress": [to_json(p.value) for p in f.progress],
        "documents": [
            {**to_json(d.value), "content_base64": encode_base64(data.document_contents.get(d.id, b""))}
            for d in f.documents
        ],
        "group_offers": [
            {k: v for k, v in to_json(o.value).items() if k in ("title", "kind", "starts_on", "ends_on", "areas")}
            for o in f.group_offers
        ],
        "cases": cases,
        "corrections": [
            {
                "changed_at": c.changed_at.isoformat(timespec="seconds"),
                "user": c.user,
                "field": c.field,
                "old_value": c.old_value,
                "new_value": c.new_value,
            }
            for c in data.corrections
        ],
        "access_log": [
            {
                "at": e.at.isoformat(timespec="seconds"),
                "user": e.user,
                "action": e.action,
                "record": e.entity_kind,
                "record_id": e.entity_id,
            }
            for e in data.access_log
        ],
    }


def json_bytes(data: AccessData) -> bytes:
    """The JSON export as UTF-8."""
    document = to_document(data)
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _when(value: date, lang: str) -> str:
    if isinstance(value, datetime):
        return f"{value:%d.%m.%Y %H:%M}" if lang == "de" else value.isoformat(timespec="minutes")
    return f"{value:%d.%m.%Y}" if lang == "de" else value.isoformat()


def _value(field: str, value: Any, lang: str) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return pick(YES_NO[value], lang)
    if isinstance(value, (list, tuple)):
        kind = "nationalities" if field == "nationalities" else ("area" if field in ("topics", "areas") else field)
        return ", ".join(code_label(kind, v, lang) for v in value) or "–"
    if isinstance(value, date):
        return _when(value, lang)
    if field in CODED:
        return code_label(CODE_LIST_OF.get(field, field), str(value), lang)
    return str(value)


@dataclass(frozen=True)
class _Styles:
    base: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cell: ParagraphStyle


def _styles() -> _Styles:
    base = ParagraphStyle("b", fontName=FONT, fontSize=9, leading=12)
    return _Styles(
        base=base,
        h1=ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=6),
        h2=ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=12, leading=16, spaceBefore=10, spaceAfter=4),
        h3=ParagraphStyle("h3", parent=base, fontName=FONT_BOLD),
        cell=ParagraphStyle("c", parent=base, fontSize=8.5, leading=11),
    )


class _Writer:
    """Builds the story of one access export PDF in one language."""

    def __init__(self, data: AccessData, lang: str) -> None:
        self.data, self.lang, self.st = data, lang, _styles()
        self.story: list[Any] = []

    def heading(self, key: str, style: ParagraphStyle | None = None, **params: Any) -> None:
        self.story.append(Paragraph(pick(HEADINGS[key], self.lang).format(**params), style or self.st.h2))

    def row(self, label: str, value: str) -> list[Any]:
        return [Paragraph(_escape(label), self.st.cell), Paragraph(_escape(value), self.st.cell)]

    def pairs(self, entity: Any) -> Table:
        names = [k for k in entity.__dataclass_fields__ if k not in HIDDEN_IN_PDF]
        return _grid([self.row(field_label(k, self.lang), _value(k, getattr(entity, k), self.lang)) for k in names])

    def records(self, key: str, records: Any, style: ParagraphStyle | None = None) -> None:
        if records:
            self.heading(key, style)
            self.story.extend(self.pairs(r.value) for r in records)

    def rows_or_dash(self, rows: list[list[Any]]) -> None:
        self.story.append(_grid(rows) if rows else Paragraph("–", self.st.base))

    def build(self) -> list[Any]:
        f, data = self.data.file, self.data
        self.heading("title", self.st.h1)
        self.story += [
            Paragraph(_escape(f"{data.office or 'JMD Desk'} · {_when(data.created_on, self.lang)}"), self.st.base),
            Spacer(1, 0.3 * cm),
        ]
        self.heading("client")
        self.story.append(self.pairs(f.client))
        self.heading("consents")
        self.story += [self.pairs(c.value) for c in f.consents] or [Paragraph("–", self.st.base)]
        for key, records in (("progress", f.progress), ("documents", f.documents), ("group_offers", f.group_offers)):
            self.records(key, records)
        for number, case_file in enumerate(f.cases, start=1):
            self.case(number, case_file)
        self.heading("corrections")
        self.rows_or_dash([self.correction(c) for c in data.corrections])
        self.heading("access_log")
        self.rows_or_dash([self.access(e) for e in data.access_log])
        return self.story

    def case(self, number: int, case_file: Any) -> None:
        self.heading("case", number=number)
        self.story.append(self.pairs(case_file.case))
        for key in ("goals", "contacts", "follow_ups", "appointments"):
            self.records(key, getattr(case_file, key), self.st.h3)
        if case_file.referrals:
            self.heading("referrals", self.st.h3)
            names = {p.id: p.value.name for p in self.data.partners}
            for r in case_file.referrals:
                self.story.append(
                    _grid([self.row(field_label("partner_id", self.lang), names.get(r.value.partner_id, "?"))])
                )
                self.story.append(self.pairs(r.value))

    def correction(self, c: ClientChange) -> list[Any]:
        change = f"{field_label(c.field, self.lang)}: {c.old_value or '–'} → {c.new_value or '–'}"
        return self.row(f"{_when(c.changed_at, self.lang)} · {c.user}", change)

    def access(self, e: AuditEvent) -> list[Any]:
        return self.row(f"{_when(e.at, self.lang)} · {e.user}", code_label("action", e.action, self.lang))


def pdf_bytes(data: AccessData, lang: str = "de") -> bytes:
    """A readable PDF of the same content, for handing to the young person."""
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=pick(HEADINGS["document_title"], lang),
        lang="de-DE" if lang == "de" else "en-GB",
        initialFontName=FONT,
        author=data.office or "JMD Desk",
    )
    doc.build(_Writer(data, lang).build())
    return buffer.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


def _grid(rows: list[list[Any]]) -> Table:
    table = Table(rows, colWidths=[5.5 * cm, A4[0] - 4 * cm - 5.5 * cm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cccccc")),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table
