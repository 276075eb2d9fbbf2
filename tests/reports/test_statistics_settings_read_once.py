"""Each statistics computation reads the office settings once and passes them down (a
report, an export, the page's view, a trend), so one computation never mixes two states."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.statistics import Period
from jmd_desk.services import interchange, statistics, statistics_view
from jmd_desk.services.session import UserSession
from jmd_desk.store.settings_repo import SettingsRepository
from tests.conftest import TODAY, sign_in

QUARTER = Period.quarter("2026-Q2")

COMPUTATIONS: dict[str, Callable[[UserSession], object]] = {
    "report": lambda lead: statistics.report_for(lead, QUARTER, "suppression"),
    "export": lambda lead: statistics.export_report(lead, QUARTER, "csv"),
    "page view": lambda lead: statistics_view.computed(lead, QUARTER, "cell_key", None, "de"),
    "trend": lambda lead: statistics.trend_export(lead, "2026-Q1", "2026-Q3", "pdf"),
    "bundle": lambda lead: statistics.create_bundle(lead, QUARTER, "Bundle-Passwort-12345"),
}


@pytest.fixture
def lead(store_path, clock):
    admin = sign_in(store_path, "admin", clock)
    document = generate_document(40, today=TODAY.date(), seed=7, counsellors=["admin"])
    interchange.import_data(admin, json.dumps(document).encode())
    admin.close()
    session = sign_in(store_path, "lead", clock)
    yield session
    session.close()


@pytest.mark.parametrize("name", COMPUTATIONS)
def test_a_computation_reads_the_settings_once(lead, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    reads: list[int] = []
    read_all = SettingsRepository.all

    def counted(self: SettingsRepository) -> dict[str, str]:
        reads.append(1)
        return read_all(self)

    monkeypatch.setattr(SettingsRepository, "all", counted)
    COMPUTATIONS[name](lead)
    assert len(reads) == 1
