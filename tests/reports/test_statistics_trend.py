"""stats-trend: one report per quarter, each equal to that quarter's own report; line-chart PDF."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pypdf
import pytest

from jmd_desk.domain.errors import JmdError
from jmd_desk.reports.statistics_output import to_json
from jmd_desk.reports.statistics_trend import HEADLINES, headline
from jmd_desk.services import statistics
from tests.reports.test_statistics_methods import loaded  # noqa: F401 - fixture


def test_trend_periods_equal_their_own_reports(loaded) -> None:  # noqa: F811
    lead, _ = loaded
    data = json.loads(statistics.trend_export(lead, "2025-Q4", "2026-Q3", "json"))
    assert (data["format"], data["version"], data["method"], data["k"]) == (
        "jmd-desk-statistics-trend",
        1,
        "cell_key",
        3,
    )
    labels = [p["period"]["from"] for p in data["periods"]]
    assert labels == ["2025-10-01", "2026-01-01", "2026-04-01", "2026-07-01"]
    for period, published in zip(statistics.quarters("2025-Q4", "2026-Q3"), data["periods"], strict=True):
        assert published == to_json(statistics.report_for(lead, period))


def test_trend_pdf_shows_every_headline_value(loaded) -> None:  # noqa: F811
    lead, _ = loaded
    pdf = statistics.trend_export(lead, "2025-Q4", "2026-Q3", "pdf", method="suppression")
    if os.environ.get("JMD_DESK_KEEP_TEST_PDF"):  # to look at the pages
        Path(os.environ["JMD_DESK_KEEP_TEST_PDF"]).write_bytes(pdf)
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Statistik im Zeitverlauf" in text and "Aktive Fälle" in text
    for period in statistics.quarters("2025-Q4", "2026-Q3"):
        report = statistics.report_for(lead, period, "suppression")
        for _, _, table_id, measure in HEADLINES:
            value = headline(report, table_id, measure)
            assert (str(value) if value is not None else ".") in text.split()


def test_trend_bounds(loaded) -> None:  # noqa: F811
    lead, _ = loaded
    assert len(statistics.quarters("2024-Q1", "2026-Q4")) == 12
    for first, last in (("2023-Q4", "2026-Q4"), ("2026-Q3", "2026-Q1"), ("2026-Q5", "2026-Q6")):
        with pytest.raises(JmdError):
            statistics.quarters(first, last)
    with pytest.raises(JmdError):
        statistics.trend_export(lead, "2026-Q1", "2026-Q2", "csv")
