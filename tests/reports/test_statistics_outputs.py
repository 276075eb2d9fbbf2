"""Outputs and the office merge, on real stores: JSON shape, CSV for German Excel, the PDF,
no personal data anywhere, bundles that merge to exactly the single-store tables."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pypdf
import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.statistics import Period
from jmd_desk.reports import bundle
from jmd_desk.reports.statistics import TABLES, protect
from jmd_desk.reports.statistics_output import to_json
from jmd_desk.services import accounts, interchange, statistics
from tests.conftest import ADMIN_PASSWORD, POLICY, TODAY, sign_in

PERIOD = Period.quarter("2026-Q2")


def document(seed: int, clients: int = 60) -> dict:
    return generate_document(clients, today=TODAY.date(), seed=seed, counsellors=["admin"])


def load(path: Path, clock, *docs: dict) -> None:
    session = sign_in(path, "admin", clock)
    for doc in docs:
        interchange.import_data(session, json.dumps(doc).encode())
    session.close()


@pytest.fixture
def office(store_path, clock):
    doc = document(11, 120)
    load(store_path, clock, doc)
    session = sign_in(store_path, "lead", clock)
    yield session, doc
    session.close()


def secrets_of(doc: dict) -> tuple[set[str], set[str]]:
    """Names, numbers and notes; and every exact date of the data set."""
    words, dates = set(), set()
    for c in doc["clients"]:
        words |= {c["first_name"], c["last_name"]}
        dates.add(c["date_of_birth"])
        for case in c["cases"]:
            dates |= {case["opened_on"], case["closed_on"]} - {None}
            for contact in case["contacts"]:
                words.add(contact["notes"])
                dates.add(contact["date"])
    return {w for w in words if len(w) > 3}, dates


def test_json_has_the_design_shape(office) -> None:
    session, _ = office
    data = json.loads(statistics.export(session, PERIOD, "json", method="suppression"))
    assert data["format"] == "jmd-desk-statistics" and data["version"] == 2
    assert data["method"] == "suppression"
    assert data["period"] == {"from": "2026-04-01", "to": "2026-06-30"}
    assert data["k"] == 3 and isinstance(data["persons_left_out"], int)
    assert next(t for t in data["tables"] if t["id"] == "caseload")["total"] is None
    assert [t["id"] for t in data["tables"]] == list(TABLES)
    for table in data["tables"]:
        for cell in table["cells"]:
            assert set(cell) == {"key", "value", "suppressed"}
            assert set(cell["key"]) == set(table["dimensions"])
            assert cell["suppressed"] in (False, "primary", "secondary")
            assert (cell["value"] is None) == (cell["suppressed"] is not False)
    persons = next(t for t in data["tables"] if t["id"] == "persons_by_gender")
    protected = protect(statistics.raw_for(session, PERIOD), 3).table("persons_by_gender")
    assert persons["total"] == sum(cell.true_value for cell in protected.cells) > 0


def test_no_personal_data_in_any_output(office) -> None:
    session, doc = office
    words, dates = secrets_of(doc)
    allowed_dates = {"2026-04-01", "2026-06-30", TODAY.date().isoformat()}
    for fmt in ("json", "csv", "pdf"):
        data = statistics.export(session, PERIOD, fmt)
        if fmt == "pdf":
            text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
        else:
            text = data.decode("utf-8-sig")
        for word in words:
            assert word not in text, (fmt, word)
        assert not re.search(r"\b\d{4}-\d{4}\b", text), fmt  # client numbers
        german_dates = {f"{d[8:10]}.{d[5:7]}.{d[:4]}" for d in dates}
        for day in (dates | german_dates) - allowed_dates - {"01.04.2026", "30.06.2026", f"{TODAY:%d.%m.%Y}"}:
            assert day not in text, (fmt, day)


def test_csv_opens_in_german_excel(office) -> None:
    session, _ = office
    data = statistics.export(session, PERIOD, "csv", method="suppression")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Anonymisierte Statistik"]
    flat = [cell for row in rows for cell in row]
    assert "Insgesamt" in flat and "weiblich" in flat and "Aufenthaltsgestattung" in flat
    assert "." in flat  # suppressed cells
    header = next(r for r in rows if r and r[0] == "Altersgruppe / Geschlecht")
    assert header[-1] == "Insgesamt"
    assert all("," not in cell for row in rows[9:] for cell in row[1:])  # integers only


def test_pdf_is_a_finished_document(office, tmp_path: Path) -> None:
    session, _ = office
    data = statistics.export(session, PERIOD, "pdf", method="suppression")
    reader = pypdf.PdfReader(io.BytesIO(data))
    pages = len(reader.pages)
    assert pages >= 3
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    assert all(f"Seite {i} von {pages}" in t for i, t in enumerate(texts, 1))
    assert "01.04.2026 – 30.06.2026" in texts[0] and "Mindestfallzahl k" in texts[0]
    assert "Personen nach Altersgruppe und Geschlecht" in " ".join(texts)
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            base = str(font.get_object().get("/BaseFont"))
            assert "DejaVu" in base, base  # no unembedded standard fonts
    assert reader.metadata.title.startswith("Anonymisierte Statistik")


def new_store(path: Path, clock) -> Path:
    """A separate store (own id), as on each counsellor's workstation."""
    session, _ = accounts.create_store(path, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY)
    session.close()
    return path


def test_merged_bundles_equal_one_store_with_both(tmp_path: Path, clock) -> None:
    first, second = document(21), document(22)
    one, other, both = (new_store(tmp_path / name / "office.jmd", clock) for name in ("a", "b", "both"))
    load(one, clock, first)
    load(other, clock, second)
    load(both, clock, first, second)
    bundles = []
    for path in (one, other):
        session = sign_in(path, "admin", clock)
        bundles.append(statistics.create_bundle(session, PERIOD, "Buero-Statistik-2026"))
        session.close()
    merged = statistics.merge_bundles(bundles, "Buero-Statistik-2026", PERIOD)
    session = sign_in(both, "admin", clock)
    single = statistics.raw_for(session, PERIOD)
    session.close()
    for k in (3, 5):
        assert to_json(protect(merged, k)) == to_json(protect(single, k))
    exact = statistics.publish_raw(merged, "internal", None, ("internal",))
    assert to_json(exact) == to_json(statistics.publish_raw(single, "internal", None, ("internal",)))
    plain = b"".join(bundles)
    for c in first["clients"][:10]:
        assert c["last_name"].encode() not in plain


def test_bundle_refusals(office) -> None:
    session, _ = office
    data = statistics.create_bundle(session, PERIOD, "Buero-Statistik-2026")
    with pytest.raises(JmdError) as info:
        statistics.merge_bundles([data], "Buero-Statistik-2026", Period.quarter("2026-Q3"))
    assert info.value.code == "bundle_other_period"
    with pytest.raises(JmdError) as info:
        statistics.merge_bundles([data], "falsches-passwort", PERIOD)
    assert info.value.code == "bundle_wrong_passphrase"
    doc = json.loads(data)
    cipher = bytearray(doc["ciphertext"].encode())
    cipher[10] = ord("A") if cipher[10] != ord("A") else ord("B")
    doc["ciphertext"] = cipher.decode()
    with pytest.raises(JmdError) as info:
        statistics.merge_bundles([json.dumps(doc).encode()], "Buero-Statistik-2026", PERIOD)
    assert info.value.code == "bundle_tampered"
    moved = json.loads(data)
    moved["period"] = {"from": "2026-07-01", "to": "2026-09-30"}
    with pytest.raises(JmdError) as info:
        statistics.merge_bundles([json.dumps(moved).encode()], "Buero-Statistik-2026", Period.quarter("2026-Q3"))
    assert info.value.code == "bundle_tampered"
    with pytest.raises(JmdError) as info:
        statistics.merge_bundles([data, data], "Buero-Statistik-2026", PERIOD)
    assert info.value.code == "bundle_duplicate"
    with pytest.raises(JmdError) as info:
        bundle.unseal(b"no json", "x", PERIOD)
    assert info.value.code == "bundle_invalid"


def test_only_team_leads_get_statistics(store_path, clock) -> None:
    session = sign_in(store_path, "berta", clock)
    with pytest.raises(JmdError):
        statistics.export(session, PERIOD, "json")
    session.close()
