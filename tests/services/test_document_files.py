"""Documents in the client file: attach, open through a temporary file, back up, restore and
erase a PDF and a JPEG without a trace (acceptance 1); refuse disguised, oversized and
zip-bomb files (acceptance 2)."""

from __future__ import annotations

import base64
import io
import json
import os
import random
import zipfile
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from jmd_desk.domain.codes import Role
from jmd_desk.domain.entities import Case, Client, DocumentInfo
from jmd_desk.domain.errors import JmdError, ValidationError
from jmd_desk.domain.retention import REASON_REQUEST
from jmd_desk.services import accounts, backups, clients, document_files, documents, retention
from jmd_desk.services.document_files import TempDocuments, read_document_file
from jmd_desk.store.backup import DB_MEMBER, WAL_MEMBER
from jmd_desk.texts.messages import message
from tests.conftest import ADMIN_PASSWORD, POLICY, db_key, set_own_password, sign_in
from tests.sqlcipher_pages import contains, database_pages, wal_pages

SAMPLE = 64


def noisy_pdf(size: int, seed: int) -> bytes:
    rnd = random.Random(seed)
    return b"%PDF-1.4\n%" + bytes(rnd.randrange(256) for _ in range(size)) + b"\n%%EOF\n"


def noisy_jpeg(seed: int) -> bytes:
    rnd = random.Random(seed)
    image = Image.new("RGB", (20, 20))
    image.putdata([(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)) for _ in range(400)])
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def samples(content: bytes, count: int) -> list[bytes]:
    """``count`` 64-byte pieces spread over the content (past the common file header)."""
    step = max(1, (len(content) - 64 - SAMPLE) // count)
    return [content[64 + i * step : 64 + i * step + SAMPLE] for i in range(count)]


def new_client(session) -> int:
    return clients.create_client(
        session, Client("Dokumenta", "Probst", date(2006, 6, 6)), Case("counselling", date(2026, 3, 1))
    )


def backup_pages(backup: Path, key: bytes, tmp_path: Path) -> list[bytes]:
    folder = tmp_path / "unpacked"
    folder.mkdir(exist_ok=True)
    with zipfile.ZipFile(backup) as archive:
        names = archive.namelist()
        archive.extract(DB_MEMBER, folder)
        if WAL_MEMBER in names:
            archive.extract(WAL_MEMBER, folder)
    return [*database_pages(folder / DB_MEMBER, key), *wal_pages(folder / WAL_MEMBER, key)]


def test_attach_open_backup_restore_and_erase_leave_no_trace(store_path: Path, clock, tmp_path: Path) -> None:
    temp_base = tmp_path / "tmp"
    temp_base.mkdir()
    pdf, jpeg = noisy_pdf(1500, 1), noisy_jpeg(2)
    big_pdf = noisy_pdf(300_000, 3)  # spans many overflow pages
    (tmp_path / "zeugnis.pdf").write_bytes(pdf)
    (tmp_path / "foto.jpg").write_bytes(jpeg)
    (tmp_path / "bescheid.pdf").write_bytes(big_pdf)
    berta = sign_in(store_path, "berta", clock)
    client_id = new_client(berta)
    for name, kind in (("zeugnis.pdf", "certificate"), ("foto.jpg", "other"), ("bescheid.pdf", "notice")):
        document_files.attach_file(berta, client_id, tmp_path / name, title=name, kind=kind)
    stored = {d.value.file_name: d for d in clients.client_file(berta, client_id).documents}
    assert stored["foto.jpg"].value.media_type == "image/jpeg"
    assert stored["zeugnis.pdf"].value.media_type == "application/pdf"
    # Opening with another program: a private temporary copy, overwritten and removed afterwards.
    temp = TempDocuments.create(temp_base)
    opened = temp.write(
        stored["zeugnis.pdf"].id, "application/pdf", documents.document_content(berta, stored["zeugnis.pdf"].id)
    )
    assert opened.read_bytes() == pdf and "Probst" not in opened.name
    assert (opened.stat().st_mode & 0o777) == 0o600 and (temp.folder.stat().st_mode & 0o777) == 0o700
    temp.wipe()
    assert not temp.folder.exists()
    # Art. 15: the person gets the documents themselves.
    exported, _ = clients.access_export(berta, client_id)
    given = {d["file_name"]: base64.b64decode(d["content_base64"]) for d in json.loads(exported)["documents"]}
    assert given == {"zeugnis.pdf": pdf, "foto.jpg": jpeg, "bescheid.pdf": big_pdf}
    berta.close()

    admin = sign_in(store_path, "admin", clock)
    backup = backups.create_backup(admin, tmp_path / "vorher.jmdbackup")
    admin.close()
    backups.restore(store_path, backup, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY)
    berta = sign_in(store_path, "berta", clock)
    restored = {d.value.file_name: d.id for d in clients.client_file(berta, client_id).documents}
    assert documents.document_content(berta, restored["foto.jpg"]) == jpeg
    berta.close()

    key = db_key(store_path, "admin", ADMIN_PASSWORD)
    pieces = samples(pdf, 4) + samples(jpeg, 4) + samples(big_pdf, 40)
    before = sum(contains(store_path, key, p) for p in pieces)
    assert before >= len(pieces) - 8  # the check finds what is there (a few pieces straddle pages)

    # The erasure on request: proposed by an admin, confirmed by the team lead.
    admin_session = sign_in(store_path, "admin", clock)
    accounts.create_user(admin_session, "anna", "Anna Admin", frozenset({Role.ADMIN}), "Anna-Passwort-1")
    admin_session.close()
    set_own_password(store_path, "lead", clock)  # four eyes: both set their own passwords
    anna = accounts.sign_in(store_path, "anna", "Anna-Passwort-1", clock=clock, policy=POLICY)
    accounts.change_own_password(anna, "Anna-Passwort-1", "Anna-Passwort-1")
    run_id = retention.propose_deletion(anna, [client_id], REASON_REQUEST)
    anna.close()
    lead = sign_in(store_path, "lead", clock)
    retention.confirm_deletion(lead, run_id)
    lead.close()

    assert not any(contains(store_path, key, p) for p in pieces)
    admin_session = sign_in(store_path, "admin", clock)
    after = backups.create_backup(admin_session, tmp_path / "nachher.jmdbackup")
    admin_session.close()
    pages = backup_pages(after, key, tmp_path)
    assert not any(p in page for p in pieces for page in pages)
    for path in temp_base.rglob("*"):
        assert not path.is_file() or not any(p in path.read_bytes() for p in pieces), path


def test_disguised_oversized_and_bomb_files_are_refused(session_for, tmp_path: Path) -> None:
    berta = session_for("berta")
    client_id = new_client(berta)
    program = tmp_path / "bescheid.pdf"  # a Windows program renamed to .pdf
    program.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00" + os.urandom(4000))
    huge = tmp_path / "scan.pdf"
    with huge.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(21 * 1024 * 1024)
    bomb = tmp_path / "antrag.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (6 * 1024 * 1024))
    expected = {
        program: ("document_type_not_allowed", "Dateiendung"),
        huge: ("document_file_too_large", "20 MB"),
        bomb: ("document_zip_bomb", "Zip-Bombe"),
    }
    for path, (code, words) in expected.items():
        with pytest.raises(JmdError) as caught:
            document_files.attach_file(berta, client_id, path, title="x", kind="other")
        assert caught.value.code == code
        assert words in message(caught.value) and path.name in message(caught.value)
    assert clients.client_file(berta, client_id).documents == ()


def test_real_office_files_are_accepted(tmp_path: Path) -> None:
    docx = tmp_path / "brief.docx"
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>" * 20)
        archive.writestr("word/document.xml", "<w:document>" + "Text " * 2000 + "</w:document>")
    content, media_type = read_document_file(docx)
    assert media_type.endswith("wordprocessingml.document") and content == docx.read_bytes()
    png = tmp_path / "bild.PNG.txt"  # the name does not matter, the content does
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "PNG")
    png.write_bytes(buffer.getvalue())
    assert read_document_file(png)[1] == "image/png"


def test_leftovers_of_a_crash_are_wiped(tmp_path: Path) -> None:
    temp = TempDocuments.create(tmp_path)
    left = temp.write(7, "application/pdf", b"%PDF-1.4 vertraulich")
    assert document_files.wipe_leftovers(tmp_path) == 1
    assert not left.exists() and not temp.folder.exists()


def test_every_path_refuses_a_zip_bomb(session_for, tmp_path: Path) -> None:
    berta = session_for("berta")
    client_id = new_client(berta)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (6 * 1024 * 1024))
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    info = DocumentInfo("Antrag", "application", "antrag.docx", docx, date(2026, 11, 1))
    with pytest.raises(ValidationError) as caught:
        documents.add_document(berta, client_id, info, buffer.getvalue())
    assert [e.code for e in caught.value.errors] == ["document_zip_bomb"]
    assert "Zip-Bombe" in message(caught.value)
