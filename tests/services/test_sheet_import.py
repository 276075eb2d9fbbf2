"""Spreadsheet import (DESIGN §6): German Excel conventions, cell references, all or nothing,
hostile files."""

from __future__ import annotations

import json
import random
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from jmd_desk.domain.errors import AuthError, JmdError, ValidationError
from jmd_desk.domain.place_names import country_code, language_code
from jmd_desk.domain.sheet_import import SheetMapping, cell_date, cell_ref, parse_mapping
from jmd_desk.services import interchange, sheet_files, sheet_import
from jmd_desk.texts.messages import message
from tests.conftest import TODAY

TODAY_DATE = TODAY.date()
HEADERS = ["Nachname", "Vorname", "Geschlecht", "Geburtsdatum", "Geburtsland", "Staatsangehörigkeit", "Sprachen"]
COUNTRIES = [("Syrien", "SY"), ("Afghanistan", "AF"), ("Türkei", "TR"), ("Eritrea", "ER"), ("Ukraine", "UA")]
ADJECTIVES = [("syrisch", "SY"), ("afghanisch", "AF"), ("türkische", "TR"), ("eritreisch", "ER"), ("Ukrainisch", "UA")]
LANGS = [("Arabisch", ["ar"]), ("Dari, Deutsch", ["fa", "de"]), ("Türkisch", ["tr"]), ("Tigrinja", ["ti"])]
GENDERS = [("weiblich", "female"), ("männlich", "male"), ("divers", "diverse")]

MAPPING: dict[str, Any] = {
    "format": "jmd-desk-sheet-mapping",
    "version": 1,
    "sheet": "Klienten",
    "columns": {
        "Nachname": "last_name",
        "Vorname": "first_name",
        "Geschlecht": "gender",
        "Geburtsdatum": "date_of_birth",
        "Geburtsland": "country_of_birth",
        "Staatsangehörigkeit": "nationalities",
        "Sprachen": "languages",
    },
    "values": {"gender": {"weiblich": "female", "männlich": "male", "divers": "diverse"}},
    "case": {"case_type": "counselling", "opened_on": "2026-10-01"},
}


def german_rows(count: int, seed: int = 5) -> list[tuple[list[Any], dict[str, Any]]]:
    """Rows as a German office keeps them, and what each must become."""
    rnd = random.Random(seed)
    rows = []
    for i in range(count):
        born = date(2000, 1, 1).toordinal() + rnd.randrange(13 * 365)
        dob = date.fromordinal(born)
        dob_cell: Any = datetime(dob.year, dob.month, dob.day) if i % 2 else dob.strftime("%d.%m.%Y")
        country, cc = COUNTRIES[i % len(COUNTRIES)]
        adjective, nc = ADJECTIVES[(i + 1) % len(ADJECTIVES)]
        langs, lc = LANGS[i % len(LANGS)]
        gender, gc = GENDERS[i % len(GENDERS)]
        cells = [f"Nachname{i:03d}", f"Vorname{i:03d}", gender, dob_cell, country, adjective, langs]
        expected = {
            "last_name": f"Nachname{i:03d}",
            "gender": gc,
            "date_of_birth": dob.isoformat(),
            "country_of_birth": cc,
            "nationalities": [nc],
            "languages": lc,
        }
        rows.append((cells, expected))
    return rows


def write_xlsx(path: Path, rows: list[list[Any]], empty_after: int | None = None) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Klienten"
    sheet.append(HEADERS)
    for i, cells in enumerate(rows):
        if i == empty_after:
            sheet.append([])
        sheet.append(cells)
    for row in sheet.iter_rows(min_row=2, min_col=4, max_col=4):
        for cell in row:
            if isinstance(cell.value, datetime):
                cell.number_format = "DD.MM.YYYY"
    book.save(path)


def write_mapping(path: Path, mapping: dict[str, Any] | None = None) -> Path:
    path.write_text(json.dumps(mapping or MAPPING, ensure_ascii=False), encoding="utf-8")
    return path


def exported_clients(session) -> dict[str, dict[str, Any]]:
    doc = json.loads(interchange.export_data(session))
    return {c["last_name"]: c for c in doc["clients"]}


def test_500_german_rows_are_refused_at_the_bad_cell_and_imported_after_the_fix(session_for, tmp_path: Path) -> None:
    rows = german_rows(500)
    cells = [r[0] for r in rows]
    # Data start in row 2; one empty row after the 99th client: client index 309 sits in row 312.
    cells[309][3] = "31.02.2007"
    sheet = tmp_path / "klienten.xlsx"
    write_xlsx(sheet, cells, empty_after=99)
    mapping = sheet_import.load_mapping(write_mapping(tmp_path / "zuordnung.json"), TODAY_DATE)
    session = session_for("admin")

    with pytest.raises(ValidationError) as caught:
        sheet_import.import_sheet(session, sheet, mapping)
    assert [(e.path, e.code) for e in caught.value.errors] == [("D312", "bad_sheet_date")]
    assert "D312" in message(caught.value)
    assert exported_clients(session) == {}  # nothing imported

    cells[309][3] = "28.02.2007"
    write_xlsx(sheet, cells, empty_after=99)
    summary = sheet_import.import_sheet(session, sheet, mapping)
    assert (summary.clients, summary.cases) == (500, 500)
    stored = exported_clients(session)
    assert len(stored) == 500
    rows[309][1]["date_of_birth"] = "2007-02-28"
    for _, expected in rows:
        client = stored[expected["last_name"]]
        assert {k: client[k] for k in expected} == expected
        assert client["counsellor"] == "admin"
        assert [(c["case_type"], c["opened_on"]) for c in client["cases"]] == [("counselling", "2026-10-01")]


def test_every_problem_is_reported_with_its_cell(session_for, tmp_path: Path) -> None:
    cells = [r[0] for r in german_rows(6)]
    cells[0][2] = "weiblich?"  # C2: unknown code
    cells[1][4] = "Atlantis"  # E3: unknown country
    cells[2][6] = "Arabisch, Klingonisch"  # G4: unknown language
    cells[3][0] = None  # A5: required
    cells[4][3] = "01.01.2024"  # D6: two years old at intake
    sheet = tmp_path / "k.xlsx"
    write_xlsx(sheet, cells)
    mapping = parse_mapping(json.dumps(MAPPING).encode(), TODAY_DATE)
    with pytest.raises(ValidationError) as caught:
        sheet_import.import_sheet(session_for("berta"), sheet, mapping)
    found = {(e.path, e.code) for e in caught.value.errors}
    assert found == {
        ("C2", "unknown_code"),
        ("E3", "unknown_country"),
        ("G4", "unknown_language"),
        ("A5", "required"),
        ("D6", "age_out_of_range"),
    }


def test_csv_in_german_excel_dialects(session_for, tmp_path: Path) -> None:
    mapping = dict(MAPPING, sheet=None)
    mapping["case"] = {"case_type": "case_management", "opened_on": {"column": "Aufnahme"}}
    lines = [
        ";".join([*HEADERS, "Aufnahme"]),
        "Müller;Jörg;männlich;03.04.2008;Syrien;syrisch;Arabisch;01.09.2026",
        ";;;;;;;",
        '"Weiß; Groß";Ayşe;w;2009-12-24;Türkei;türkisch und deutsch;Türkisch/Deutsch;15.10.2026',
    ]
    text = "\r\n".join(lines) + "\r\n"
    session = session_for("admin")
    for i, (encoding, prefix) in enumerate([("cp1252", b""), ("utf-8", b"\xef\xbb\xbf")]):
        if encoding == "cp1252":
            data = text.replace("ş", "s").encode(encoding)
        else:
            data = prefix + text.replace("Müller", "Mueller").replace("Weiß; Groß", "Weiss; Gross").encode(encoding)
        sheet = tmp_path / f"k{i}.csv"
        sheet.write_bytes(data)
        summary = sheet_import.import_sheet(session, sheet, parse_mapping(json.dumps(mapping).encode(), TODAY_DATE))
        assert summary.clients == 2
    stored = exported_clients(session)
    assert stored["Müller"]["first_name"] == "Jörg"
    assert stored["Müller"]["cases"][0]["opened_on"] == "2026-09-01"
    assert stored["Weiß; Groß"]["nationalities"] == ["TR", "DE"]
    assert stored["Weiss; Gross"]["languages"] == ["tr", "de"]
    assert stored["Weiss; Gross"]["first_name"] == "Ayşe"
    assert stored["Weiss; Gross"]["cases"][0]["case_type"] == "case_management"


def test_counsellor_option(session_for, tmp_path: Path, on_server: bool) -> None:
    sheet = tmp_path / "k.xlsx"
    write_xlsx(sheet, [r[0] for r in german_rows(3)])
    mapping = parse_mapping(json.dumps(MAPPING).encode(), TODAY_DATE)
    with pytest.raises(AuthError):
        sheet_import.import_sheet(session_for("berta"), sheet, mapping, counsellor="cem")
    with pytest.raises(JmdError) as caught:
        sheet_import.import_sheet(session_for("admin"), sheet, mapping, counsellor="lead")
    assert caught.value.code == "not_a_counsellor"
    session = session_for("admin")  # on the server through the audited import on behalf of cem
    assert sheet_import.import_sheet(session, sheet, mapping, counsellor="cem").clients == 3
    assert {c["counsellor"] for c in exported_clients(session).values()} == {"cem"}


def test_mapping_problems_are_named_by_json_path(tmp_path: Path) -> None:
    bad = dict(MAPPING, columns={"Name": "surname", "Vorname": "first_name"}, version=2)
    bad["values"] = {"gender": {"w": "woman"}}
    bad["case"] = {"case_type": "counselling", "opened_on": "2030-01-01"}
    with pytest.raises(ValidationError) as caught:
        parse_mapping(json.dumps(bad).encode(), TODAY_DATE)
    found = {(e.path, e.code) for e in caught.value.errors}
    assert found == {
        ("$.version", "unsupported_version"),
        ('$.columns["Name"]', "unknown_client_field"),
        ("$.columns", "field_not_mapped"),
        ('$.values.gender["w"]', "unknown_code"),
        ("$.case.opened_on", "date_in_future"),
    }


def test_mapping_round_trip_and_missing_column(tmp_path: Path) -> None:
    mapping = parse_mapping(json.dumps(MAPPING).encode(), TODAY_DATE)
    again = parse_mapping(mapping.to_json(), TODAY_DATE)
    assert again == mapping
    sheet = tmp_path / "k.xlsx"
    write_xlsx(sheet, [r[0] for r in german_rows(2)])
    data = sheet_files.read_sheet(sheet, "Klienten")
    wider = SheetMapping(None, {**mapping.columns, "Telefon": "phone"}, {}, None)
    check = sheet_import.check_sheet(data, wider, TODAY_DATE)
    assert [(e.path, e.code) for e in check.problems] == [('$.columns["Telefon"]', "column_not_in_sheet")]
    lower = SheetMapping(None, {h.lower(): f for h, f in mapping.columns.items()}, {}, None)
    assert sheet_import.check_sheet(data, lower, TODAY_DATE).problems == ()  # headings match in any case


def test_cells_and_dates() -> None:
    assert [cell_ref(0, 1), cell_ref(3, 312), cell_ref(25, 2), cell_ref(26, 2), cell_ref(701, 9)] == [
        "A1",
        "D312",
        "Z2",
        "AA2",
        "ZZ9",
    ]
    assert cell_date(39448) == date(2008, 1, 1)  # an Excel serial number without date format
    assert cell_date("1.2.2008") == date(2008, 2, 1)
    assert cell_date("31.02.2008") is None
    assert cell_date("08.02.08") is None  # two-digit years are ambiguous
    assert cell_date("03.04.2008 00:00") == cell_date("2008-04-03 00:00:00") == date(2008, 4, 3)


def test_hostile_and_wrong_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "programm.xlsx"
    fake.write_bytes(b"MZ\x90\x00" + bytes(1000))
    with pytest.raises(JmdError) as caught:
        sheet_files.read_sheet(fake)
    assert caught.value.code == "sheet_not_xlsx"

    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (8 * 1024 * 1024))
    assert bomb.stat().st_size < 100_000
    monkeypatch.setattr(sheet_files, "MAX_UNPACKED_BYTES", 4 * 1024 * 1024)
    with pytest.raises(JmdError) as caught:
        sheet_files.read_sheet(bomb)
    assert caught.value.code == "sheet_unpacks_too_large"
    assert "Zip-Bombe" in message(caught.value)

    many = tmp_path / "many.csv"
    many.write_text("Vorname;Nachname\n" + "a;b\n" * 30, encoding="utf-8")
    monkeypatch.setattr(sheet_files, "MAX_ROWS", 20)
    with pytest.raises(JmdError) as caught:
        sheet_files.read_sheet(many)
    assert caught.value.code == "sheet_too_many_rows"

    monkeypatch.setattr(sheet_files, "MAX_ROWS", 1000)
    monkeypatch.setattr(sheet_files, "MAX_FILLED_CELLS", 40)
    with pytest.raises(JmdError) as caught:
        sheet_files.read_sheet(many)
    assert caught.value.code == "sheet_too_many_cells"

    long_cell = tmp_path / "lang.csv"
    long_cell.write_text("Vorname;Nachname\n" + "a" * 20_000 + ";b\n", encoding="utf-8")
    with pytest.raises(JmdError) as caught:
        sheet_files.read_sheet(long_cell)
    assert caught.value.code == "sheet_cell_too_long"

    other = tmp_path / "liste.ods"
    other.write_bytes(b"PK")
    with pytest.raises(JmdError) as caught:
        sheet_files.read_sheet(other)
    assert caught.value.code == "sheet_type_unsupported"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Syrien", "SY"),
        ("syrische", "SY"),
        ("Afghanistan", "AF"),
        ("AFGHANISCH", "AF"),
        ("Tuerkei", "TR"),
        ("Turkey", "TR"),
        ("Irak", "IQ"),
        ("irakischer", "IQ"),
        ("Elfenbeinküste", "CI"),
        ("Kosovo", "XK"),
        ("Bosnien und Herzegowina", "BA"),
        ("Russische Föderation", "RU"),
        ("ungeklärt", "unknown"),
        ("Atlantis", None),
    ],
)
def test_country_names_and_nationality_adjectives(text: str, country: str | None) -> None:
    assert country_code(text) == country


def test_language_names() -> None:
    found = [language_code(t) for t in ("Arabisch", "Farsi", "Dari", "Kurdisch", "Spanisch", "English", "Tigrinya")]
    assert found == ["ar", "fa", "fa", "ku", "es", "en", "ti"]
    assert language_code("Klingonisch") is None
