"""Letters from templates and the Förderplan agreement: filled from the file, safe templates,
consent for referral letters, audited, PDFs with the names and embedded fonts."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from jmd_desk.domain.errors import JmdError, ValidationError
from jmd_desk.domain.letters import parse_template
from jmd_desk.services import audit, clients, interchange, paperwork
from jmd_desk.services.settings import office_settings, save_office_settings

POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdffonts") is not None


def png_logo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (240, 80), (20, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


PNG_LOGO = png_logo()


def document(consent: bool = True) -> dict[str, Any]:
    client: dict[str, Any] = {
        "ref": "c1",
        "first_name": "Şirin",
        "last_name": "Quelltaler",
        "date_of_birth": "2010-03-04",
        "guardian": "Hamid Quelltaler",
        "address": "Hafenstraße 3, 28195 Bremen",
        "counsellor": "berta",
        # Without a consent today: it was withdrawn after the referral was made.
        "consents": [
            {
                "scope": "referral_sharing",
                "given_by": "guardian",
                "given_on": "2026-02-01",
                "withdrawn_on": None if consent else "2026-06-01",
            }
        ],
        "cases": [
            {
                "ref": "k1",
                "case_type": "case_management",
                "opened_on": "2026-02-01",
                "goals": [
                    {
                        "area": "language",
                        "title": "Deutschkurs B1 abschließen",
                        "agreed_on": "2026-02-10",
                        "steps": "Anmeldung bei der VHS bis März",
                        "responsible": ["young_person", "counsellor"],
                        "review_on": "2026-12-15",
                    },
                    {"area": "school", "title": "Praktikumsplatz in einer Werkstatt finden", "due_on": "2027-01-31"},
                ],
                "contacts": [
                    {"date": "2026-02-01", "minutes": 60, "mode": "in_person"},
                    {"date": "2026-05-12", "minutes": 45, "mode": "phone"},
                    {"date": "2026-03-03", "minutes": 30, "mode": "in_person"},
                ],
                "referrals": [{"partner_ref": "p1", "date": "2026-04-01", "area": "vocational"}],
            }
        ],
    }
    return {
        "format": "jmd-desk-interchange",
        "version": 2,
        "partners": [
            {"ref": "p1", "name": "Jobcenter Bremen-Mitte", "partner_type": "jobcenter", "address": "Doventor 1"}
        ],
        "clients": [client],
    }


def setup(session_for, consent: bool = True) -> tuple[Any, int, int]:
    admin = session_for("admin")
    save_office_settings(admin, office_settings(admin).__class__(office_name="JMD Bremen-Nord"))
    paperwork.set_office_logo(admin, PNG_LOGO)
    session = session_for("berta")  # her own file: on the office server, too, she imports it herself
    interchange.import_data(session, json.dumps(document(consent)).encode())
    client_id = clients.client_rows(session)[0].id
    file = clients.client_file(session, client_id)
    referral_id = file.cases[0].referrals[0].id
    return session, client_id, referral_id


def shipped(title_part: str) -> Any:
    entries = paperwork.list_templates(Path("/nonexistent"))
    assert all(e.template is not None for e in entries)
    return next(e.template for e in entries if title_part in e.template.title)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def fonts_embedded(data: bytes, tmp_path: Path) -> bool:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    return bool(rows) and all(row.split()[-5] == "yes" for row in rows)


def test_shipped_templates_are_three_and_valid() -> None:
    titles = sorted(e.template.title for e in paperwork.list_templates(Path("/nonexistent")))
    assert titles == [
        "Anschreiben an eine Behörde",
        "Teilnahmebescheinigung",
        "Vermittlungsschreiben an einen Netzwerkpartner",
    ]
    assert shipped("Vermittlung").needs_referral
    assert not shipped("Teilnahme").needs_referral


def test_attendance_letter_is_filled_from_the_file_and_printing_is_audited(session_for, tmp_path: Path) -> None:
    session, client_id, _ = setup(session_for)
    text = paperwork.fill_letter(session, client_id, shipped("Teilnahme"))
    assert "Şirin Quelltaler, geboren am 04.03.2010" in text
    assert "Vom 01.02.2026 bis zum 12.05.2026 fanden 3 Beratungsgespräche statt" in text
    assert "Berta B." in text and "JMD Bremen-Nord" in text
    edited = text.replace("Diese Bescheinigung", "Diese geänderte Bescheinigung")
    pdf = paperwork.letter_pdf(session, client_id, shipped("Teilnahme"), edited)
    assert pdf.startswith(b"%PDF")
    assert "letter_printed" in [e.action for e in audit.client_history(session, client_id)]
    if POPPLER:
        extracted = pdf_text(pdf, tmp_path)
        assert "Şirin Quelltaler" in extracted and "geänderte Bescheinigung" in extracted
        assert fonts_embedded(pdf, tmp_path)


def test_referral_letter_needs_a_valid_consent(session_for) -> None:
    session, client_id, referral_id = setup(session_for, consent=False)
    with pytest.raises(JmdError) as caught:
        paperwork.fill_letter(session, client_id, shipped("Vermittlung"), referral_id)
    assert caught.value.code == "letter_without_consent"
    with pytest.raises(JmdError) as caught:
        paperwork.letter_pdf(session, client_id, shipped("Vermittlung"), "Text", referral_id)
    assert caught.value.code == "letter_without_consent"


def test_referral_letter_names_the_partner(session_for) -> None:
    session, client_id, referral_id = setup(session_for)
    with pytest.raises(JmdError) as caught:
        paperwork.fill_letter(session, client_id, shipped("Vermittlung"))
    assert caught.value.code == "letter_needs_referral"
    text = paperwork.fill_letter(session, client_id, shipped("Vermittlung"), referral_id)
    assert "Jobcenter Bremen-Mitte\n" in text and "Doventor 1" in text and "am 01.04.2026" in text


def test_other_counsellors_cannot_print(session_for) -> None:
    _, client_id, _ = setup(session_for)
    cem = session_for("cem")
    with pytest.raises(JmdError):
        paperwork.plan_pdf(cem, client_id)
    with pytest.raises(JmdError):
        paperwork.fill_letter(cem, client_id, shipped("Teilnahme"))


@pytest.mark.parametrize(
    "hostile",
    [
        "${vorname.__class__.__mro__}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{% include '/etc/passwd' %}",
        "{0.__globals__}",
        "$__builtins__",
        "${os}",
    ],
)
def test_templates_that_reach_for_objects_or_files_are_refused(hostile: str, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_template("boese.txt", f"Titel: Böse\n---\nHallo $vorname,\n{hostile}\n")
    assert all(e.path == "boese.txt:4" for e in caught.value.errors)
    folder = tmp_path / "vorlagen"
    folder.mkdir()
    (folder / "boese.txt").write_text(f"Hallo {hostile}", encoding="utf-8")
    (folder / "eigene.txt").write_text("Titel: Eigene Vorlage\nHallo $vorname", encoding="utf-8")
    entries = {e.file_name: e for e in paperwork.list_templates(folder)}
    assert entries["boese.txt"].template is None and entries["boese.txt"].problem is not None
    assert entries["eigene.txt"].template.title == "Eigene Vorlage"
    assert len(entries) == 5


def test_plan_pdf_shows_goals_names_and_signature_lines(session_for, tmp_path: Path) -> None:
    session, client_id, _ = setup(session_for)
    pdf = paperwork.plan_pdf(session, client_id)
    assert pdf.startswith(b"%PDF")
    assert "plan_printed" in [e.action for e in audit.client_history(session, client_id)]
    if not POPPLER:
        pytest.skip("poppler-utils missing")
    text = " ".join(pdf_text(pdf, tmp_path).split())
    for expected in (
        "Integrationsförderplan",
        "JMD Bremen-Nord",
        "Şirin Quelltaler",
        "Deutschkurs B1 abschließen",
        "Anmeldung bei der VHS bis März",
        "junge Person, Fachkraft",
        "15.12.2026",
        "Praktikumsplatz in einer Werkstatt finden",
        "Hamid Quelltaler (Erziehungsberechtigte*r / Vormund)",  # under 18
        "Berta B. (Fachkraft",
    ):
        assert expected in text, expected
    assert fonts_embedded(pdf, tmp_path)


def test_logo_must_be_an_image(session_for) -> None:
    admin = session_for("admin")
    with pytest.raises(JmdError) as caught:
        paperwork.set_office_logo(admin, b"MZ\x90\x00 not an image")
    assert caught.value.code == "logo_not_an_image"
    with pytest.raises(JmdError) as caught:
        paperwork.set_office_logo(admin, b"\x89PNG\r\n\x1a\n" + bytes(2 * 1024 * 1024))
    assert caught.value.code == "logo_too_large"
    paperwork.set_office_logo(admin, PNG_LOGO)
    assert paperwork.has_office_logo(admin)
    paperwork.set_office_logo(admin, None)
    assert not paperwork.has_office_logo(admin)


def test_lines_of_only_empty_placeholders_are_left_out() -> None:
    template = parse_template("t.txt", "An\n$partner\n$partner_ansprechperson\n$partner_adresse\n\nHallo $vorname")
    assert template.fill({"partner": "Jobcenter", "vorname": ""}) == "An\nJobcenter\n\nHallo "
