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
from jmd_desk.reports.labels import code_label
from jmd_desk.reports.labels import field_label as shared_field_label
from jmd_desk.reports.statistics import TOTAL, Report, Table

FORMAT = "jmd-desk-statistics"
VERSION = 2
SUPPRESSED_MARK = "."
# The caseload measures overlap (opened cases are also active): the table has no total.
NOT_ADDITIVE = frozenset({"caseload", "group_offers"})

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
    "persons_by_district": ("Personen nach Stadtteil", "Persons by district"),
    "closures_by_destination_age_group": (
        "Fallabschlüsse nach Verbleib und Altersgruppe",
        "Closures by destination and age group",
    ),
    "closures_by_german_level_change": (
        "Fallabschlüsse nach Entwicklung des Deutschniveaus",
        "Closures by change in German level",
    ),
    "closures_by_school_qualification_change": (
        "Fallabschlüsse nach Entwicklung des Schulabschlusses",
        "Closures by change in school qualification",
    ),
    "cases_by_waiting_band": ("Neu aufgenommene Fälle nach Wartezeit", "Cases opened by waiting time"),
    "goals_by_field": ("Ziele nach Handlungsfeld der Kommune", "Goals by municipal field of action"),
    "group_offers": ("Gruppenangebote", "Group offers"),
    "group_participants_by_gender": (
        "Teilnehmende an Gruppenangeboten nach Geschlecht",
        "Group participants by gender",
    ),
    "group_participants_by_age_group": (
        "Teilnehmende an Gruppenangeboten nach Altersgruppe",
        "Group participants by age group",
    ),
    "anonymous_contacts_by_mode": ("Anonyme Kurzberatungen nach Kontaktart", "Anonymous contacts by mode"),
    "anonymous_contacts_by_topic": ("Anonyme Kurzberatungen nach Thema", "Anonymous contacts by topic"),
    "anonymous_contacts_by_gender": ("Anonyme Kurzberatungen nach Geschlecht", "Anonymous contacts by gender"),
}
# Labels of the statistics-only dimensions and categories (the shared catalogue holds the rest).
DIMENSION_LABELS: dict[str, tuple[str, str]] = {
    "district": ("Stadtteil", "District"),
    "change": ("Entwicklung", "Change"),
    "waiting_band": ("Wartezeit", "Waiting time"),
    "field": ("Handlungsfeld", "Field of action"),
    "topics": ("Thema", "Topic"),
}
CATEGORY_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "change": {
        "gained_2_plus": ("um 2 oder mehr Stufen verbessert", "gained 2 or more levels"),
        "gained_1": ("um 1 Stufe verbessert", "gained 1 level"),
        "gained": ("höherer Abschluss", "higher qualification"),
        "no_change": ("keine Verbesserung", "no gain"),
    },
    "waiting_band": {
        "0-7": ("0–7 Tage", "0–7 days"),
        "8-14": ("8–14 Tage", "8–14 days"),
        "15-30": ("15–30 Tage", "15–30 days"),
        ">30": ("über 30 Tage", "over 30 days"),
    },
    "measure": {
        "offers_active": ("aktive Angebote", "offers active"),
        "sessions": ("Termine", "sessions"),
        "session_hours": ("Stunden", "hours"),
        "participants": ("Teilnehmende", "participants"),
    },
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
    "method": ("Verfahren", "Method"),
    "method_cell_key": ("Cell-Key-Verfahren (Standard für die Weitergabe)", "Cell-key method (default for release)"),
    "method_suppression": ("Geheimhaltung durch Sperrung kleiner Werte", "Suppression of small values"),
    "method_internal": ("Intern: exakte Werte", "Internal: exact values"),
    "method_bundle": ("Bündel (exakte Zahlen, verschlüsselt)", "Bundle (exact counts, encrypted)"),
    "sentence_cell_key": (
        "Die Werte sind geringfügig verändert (höchstens um 2; 1 und 2 kommen nicht vor); Zellen "
        "ergeben deshalb nicht unbedingt die veröffentlichte Summe; dieselbe Gruppe von Datensätzen "
        "erhält in jeder Tabelle und jedem Bericht denselben Wert.",
        "Values are slightly changed (by at most 2; 1 and 2 never appear), so cells need not add up "
        "to the published total, and the same group of records gets the same value in every table "
        "and report.",
    ),
    "sentence_suppression": (
        "„.“ = Wert geheim gehalten: kleiner als k oder zum Schutz eines anderen Wertes.",
        "'.' = value withheld: below k or withheld to protect another value.",
    ),
    "sentence_internal": (
        "Exakte Werte für die Steuerung der Dienststelle.",
        "Exact values for the office's own controlling.",
    ),
    "differs": (
        "Achtung: Dieser Bericht weicht von einem früheren Bericht für denselben Zeitraum und dasselbe "
        "Verfahren ab (veröffentlicht am {when}).",
        "Note: this report differs from an earlier report for the same period and method (published on {when}).",
    ),
    "watermark": ("Intern – nicht zur Weitergabe", "Internal – not for release"),
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
    office_label = dict(table.labels).get(code)
    if office_label:
        return office_label
    own = CATEGORY_LABELS.get(dimension, {}).get(code)
    if own:
        return own[0] if lang == "de" else own[1]
    if dimension == "topics":
        dimension = "area"
    field = (
        "goal_status"
        if (dimension == "status" and table.id.startswith("goals"))
        else ("referral_status" if dimension == "status" else dimension)
    )
    return code_label(field, code, lang)


def field_label(dimension: str, lang: str) -> str:
    """The label of a dimension."""
    own = DIMENSION_LABELS.get(dimension)
    if own:
        return own[0] if lang == "de" else own[1]
    return shared_field_label(dimension, lang)


def value_label(table_id: str, lang: str) -> str:
    """What the numbers count."""
    de, en = VALUE_LABELS.get(table_id, TEXTS["count"])
    return de if lang == "de" else en


def method_sentence(report: Report, lang: str) -> str:
    """The one sentence every output gives about its method."""
    return text(f"sentence_{report.method}", lang)


def method_name(report: Report, lang: str) -> str:
    """The method's name for readers."""
    return text(f"method_{report.method}", lang)


def difference_note(report: Report, lang: str) -> str | None:
    """The sentence saying that an earlier report of the same period and method differs."""
    if report.differs_from is None:
        return None
    when = report.differs_from
    return text("differs", lang).format(when=f"{when:%d.%m.%Y}" if lang == "de" else when.date().isoformat())


def to_json(report: Report) -> dict[str, Any]:
    """The JSON document of DESIGN §7."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "method": report.method,
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
    if report.method == "internal":
        writer.writerow([text("watermark", lang)])
    writer.writerow([text("title", lang)])
    writer.writerow([text("office", lang), office])
    writer.writerow([text("period", lang), _period_text(report, lang)])
    writer.writerow([text("method", lang), method_name(report, lang)])
    if report.k is not None:
        writer.writerow([text("k", lang), report.k])
    writer.writerow([text("basis", lang), basis_text(report.basis, lang)])
    writer.writerow([text("left_out", lang), report.persons_left_out])
    writer.writerow([method_sentence(report, lang)])
    note = difference_note(report, lang)
    if note:
        writer.writerow([note])
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
