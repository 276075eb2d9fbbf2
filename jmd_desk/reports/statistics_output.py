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
from jmd_desk.reports.statistics import TOTAL, Report, Table
from jmd_desk.texts import pick
from jmd_desk.texts.labels import code_label
from jmd_desk.texts.labels import field_label as shared_field_label
from jmd_desk.texts.statistics import CATEGORY_LABELS, DIMENSION_LABELS, TABLE_TITLES, TEXTS, VALUE_LABELS

FORMAT = "jmd-desk-statistics"
VERSION = 2
SUPPRESSED_MARK = "."
# The caseload measures overlap (opened cases are also active): the table has no total.
NOT_ADDITIVE = frozenset({"caseload", "group_offers"})


def text(key: str, lang: str) -> str:
    """A fixed text of the statistics outputs."""
    return pick(TEXTS[key], lang)


def title(table_id: str, lang: str) -> str:
    """The title of a table."""
    return pick(TABLE_TITLES[table_id], lang)


def category(table: Table, dimension: str, code: str, lang: str) -> str:
    """Label of a category (``total`` becomes "Insgesamt")."""
    if code == TOTAL:
        return text("total", lang)
    office_label = dict(table.labels).get(code)
    if office_label:
        return office_label
    own = CATEGORY_LABELS.get(dimension, {}).get(code)
    if own:
        return pick(own, lang)
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
        return pick(own, lang)
    return shared_field_label(dimension, lang)


def value_label(table_id: str, lang: str) -> str:
    """What the numbers count."""
    return pick(VALUE_LABELS.get(table_id, TEXTS["count"]), lang)


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
