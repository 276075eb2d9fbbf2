"""The statistics report as JSON (DESIGN §7) and as CSV for German Excel.

Only aggregate counts leave the program: no names, ids, free text or exact dates other than
the period itself.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from jmd_desk.domain.text import spreadsheet_safe
from jmd_desk.reports.labels import code_label, field_label
from jmd_desk.reports.statistics import TOTAL, Report, Table

FORMAT = "jmd-desk-statistics"
VERSION = 1
SUPPRESSED_MARK = "."
# The caseload measures overlap (opened cases are also active): their sum means nothing to a
# reader, so the printed forms leave it out (JSON keeps the table's total for protection).
NOT_ADDITIVE = frozenset({"caseload"})

TABLE_TITLES: dict[str, tuple[str, str]] = {
    "caseload": ("Fallzahlen im Zeitraum", "Caseload in the period"),
    "persons_by_age_group": ("Personen nach Altersgruppe", "Persons by age group"),
    "persons_by_gender": ("Personen nach Geschlecht", "Persons by gender"),
    "persons_by_age_group_gender": (
        "Personen nach Altersgruppe und Geschlecht",
        "Persons by age group and gender",
    ),
    "persons_by_residence_status": ("Personen nach Aufenthaltsstatus", "Persons by residence status"),
    "persons_by_country_of_birth": ("Personen nach Geburtsland", "Persons by country of birth"),
    "persons_by_case_type": ("Personen nach Fallart", "Persons by case type"),
    "contacts_by_mode": ("Beratungskontakte nach Kontaktart", "Contacts by mode"),
    "contact_hours_by_mode": ("Beratungsstunden nach Kontaktart", "Contact hours by mode"),
    "goals_by_area_status": ("Ziele nach Handlungsfeld und Stand", "Goals by area and status"),
    "referrals_by_partner_type": ("Vermittlungen nach Art des Netzwerkpartners", "Referrals by partner type"),
    "referrals_by_status": ("Vermittlungen nach Status", "Referrals by status"),
    "closures_by_reason": ("Fallabschlüsse nach Beendigungsgrund", "Closures by reason"),
    "closures_by_destination": ("Fallabschlüsse nach Verbleib", "Closures by destination"),
    "closures_by_duration": ("Fallabschlüsse nach Falldauer", "Closures by duration"),
}
VALUE_LABELS: dict[str, tuple[str, str]] = {
    "contact_hours_by_mode": ("Stunden", "Hours"),
}
TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Anonymisierte Statistik", "Anonymised statistics"),
    "office": ("Dienststelle", "Office"),
    "period": ("Zeitraum", "Period"),
    "k": ("Mindestfallzahl k", "Minimum cell size k"),
    "basis": ("Grundlage", "Basis"),
    "basis_consent": (
        "Einwilligung in die anonyme Statistik",
        "Consent to anonymous statistics",
    ),
    "basis_legal_basis": (
        "gesetzliche Grundlage (Einstellung der Dienststelle)",
        "Legal basis (office setting)",
    ),
    "basis_mixed": (
        "Einwilligung bzw. gesetzliche Grundlage (zusammengeführt)",
        "Consent or legal basis (merged)",
    ),
    "left_out": ("Nicht berücksichtigte Personen (ohne Einwilligung)", "Persons left out (no consent)"),
    "legend": (
        "„.“ = Wert geheim gehalten: kleiner als k oder zum Schutz eines anderen Wertes.",
        "'.' = value withheld: below k or withheld to protect another value.",
    ),
    "total": ("Insgesamt", "Total"),
    "count": ("Anzahl", "Count"),
}


def text(key: str, lang: str) -> str:
    """A fixed text of the statistics outputs."""
    de, en = TEXTS[key]
    return de if lang == "de" else en


def title(table_id: str, lang: str) -> str:
    """The title of a table."""
    de, en = TABLE_TITLES[table_id]
    return de if lang == "de" else en


def category(table: Table, dimension: str, code: str, lang: str) -> str:
    """Label of a category (``total`` becomes "Insgesamt")."""
    if code == TOTAL:
        return text("total", lang)
    field = (
        "goal_status"
        if (dimension == "status" and table.id.startswith("goals"))
        else ("referral_status" if dimension == "status" else dimension)
    )
    return code_label(field, code, lang)


def value_label(table_id: str, lang: str) -> str:
    """What the numbers count."""
    de, en = VALUE_LABELS.get(table_id, TEXTS["count"])
    return de if lang == "de" else en


def to_json(report: Report) -> dict[str, Any]:
    """The JSON document of DESIGN §7."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "period": {"from": report.period.start.isoformat(), "to": report.period.end.isoformat()},
        "k": report.k,
        "basis": report.basis,
        "persons_left_out": report.persons_left_out,
        "tables": [
            {
                "id": t.id,
                "dimensions": list(t.dimensions),
                "cells": [{"key": dict(c.key), "value": c.value, "suppressed": c.suppressed} for c in t.cells],
                "total": t.total,
            }
            for t in report.tables
        ],
    }


def json_bytes(report: Report) -> bytes:
    """The JSON document as UTF-8."""
    return (json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _shown(value: int | None) -> str:
    return SUPPRESSED_MARK if value is None else str(value)


def table_rows(table: Table, lang: str) -> list[list[str]]:
    """A table as rows of text: header first; 2-D tables as a matrix with margins."""
    if len(table.dimensions) == 1:
        dim = table.dimensions[0]
        rows = [[field_label(dim, lang), value_label(table.id, lang)]]
        rows += [[category(table, dim, c.code(dim), lang), _shown(c.value)] for c in table.cells]
        if table.id not in NOT_ADDITIVE:
            rows.append([text("total", lang), _shown(table.total)])
        return rows
    row_dim, col_dim = table.dimensions
    cols = table.categories(col_dim)
    header = [f"{field_label(row_dim, lang)} / {field_label(col_dim, lang)}"]
    header += [category(table, col_dim, c, lang) for c in cols] + [text("total", lang)]
    rows = [header]
    for r in table.categories(row_dim):
        line = [category(table, row_dim, r, lang)]
        line += [_shown(table.cell(**{row_dim: r, col_dim: c}).value) for c in [*cols, TOTAL]]
        rows.append(line)
    bottom = [text("total", lang)] + [_shown(table.cell(**{row_dim: TOTAL, col_dim: c}).value) for c in cols]
    rows.append([*bottom, _shown(table.total)])
    return rows


def basis_text(basis: str, lang: str) -> str:
    """How persons were included (consent, legal basis, or both after a merge)."""
    return text(f"basis_{basis}", lang)


class _FormulaSafeWriter:
    """A csv writer whose every cell passes ``spreadsheet_safe`` (office names are user input)."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([spreadsheet_safe(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_bytes(report: Report, office: str, lang: str = "de") -> bytes:
    """Semicolon-separated, UTF-8 with BOM, German labels: opens correctly in German Excel."""
    out = io.StringIO()
    writer = _FormulaSafeWriter(csv.writer(out, delimiter=";", lineterminator="\r\n"))
    writer.writerow([text("title", lang)])
    writer.writerow([text("office", lang), office])
    writer.writerow([text("period", lang), _period_text(report, lang)])
    writer.writerow([text("k", lang), report.k])
    writer.writerow([text("basis", lang), basis_text(report.basis, lang)])
    writer.writerow([text("left_out", lang), report.persons_left_out])
    writer.writerow([text("legend", lang)])
    for table in report.tables:
        writer.writerow([])
        writer.writerow([title(table.id, lang)])
        writer.writerows(table_rows(table, lang))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _period_text(report: Report, lang: str) -> str:
    start, end = report.period.start, report.period.end
    if lang == "de":
        return f"{start:%d.%m.%Y} – {end:%d.%m.%Y}"
    return f"{start.isoformat()} – {end.isoformat()}"


def period_text(report: Report, lang: str) -> str:
    """The period as shown in CSV and PDF."""
    return _period_text(report, lang)
