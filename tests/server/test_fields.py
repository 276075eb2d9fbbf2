"""Field encryption of §3b: AES-256-GCM, per-value nonce, bound to table, column and row."""

from __future__ import annotations

import base64
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jmd_desk.domain.errors import StoreError
from jmd_desk.store.server.fields import ENCRYPTED_COLUMNS, FieldCipher

KEY = os.urandom(32)
CIPHER = FieldCipher(KEY)


@given(st.text(max_size=300))
def test_round_trip(value: str) -> None:
    stored = CIPHER.seal("clients", "first_name", 7, value)
    assert stored is not None
    assert CIPHER.open("clients", "first_name", 7, stored) == value


def test_no_plaintext_and_fresh_nonce_per_value() -> None:
    first = CIPHER.seal("contacts", "notes", 1, "Schulwechsel besprochen")
    second = CIPHER.seal("contacts", "notes", 1, "Schulwechsel besprochen")
    assert first != second
    assert "Schulwechsel" not in first
    assert base64.urlsafe_b64decode(first)[0] == 1  # version byte


@pytest.mark.parametrize(("table", "column", "row_id"), [("clients", "last_name", 7), ("clients", "first_name", 8),
                                                         ("partners", "first_name", 7)])  # fmt: skip
def test_value_moved_to_another_place_does_not_open(table: str, column: str, row_id: int) -> None:
    stored = CIPHER.seal("clients", "first_name", 7, "Amina")
    with pytest.raises(StoreError) as caught:
        CIPHER.open(table, column, row_id, stored)
    assert caught.value.code == "field_decrypt_failed"


@pytest.mark.parametrize("stored", ["", "not base64 !", "AAAA", base64.urlsafe_b64encode(b"\x02" + b"x" * 40).decode()])
def test_damaged_values_are_refused(stored: str) -> None:
    with pytest.raises(StoreError):
        CIPHER.open("clients", "first_name", 7, stored)


def test_other_key_does_not_open() -> None:
    stored = CIPHER.seal("clients", "phone", 3, "0170 1234567")
    with pytest.raises(StoreError):
        FieldCipher(os.urandom(32)).open("clients", "phone", 3, stored)


def test_rows_seal_only_the_listed_columns() -> None:
    row = {"id": 4, "first_name": "Amina", "gender": "female", "phone": None, "client_number": "2026-0001"}
    sealed = CIPHER.seal_row("clients", row)
    assert sealed["gender"] == "female" and sealed["client_number"] == "2026-0001" and sealed["phone"] is None
    assert sealed["first_name"] != "Amina"
    assert CIPHER.open_row("clients", sealed) == row


def test_design_fields_are_listed() -> None:
    for column in ("first_name", "last_name", "phone", "email", "address", "guardian", "eligibility_note"):
        assert column in ENCRYPTED_COLUMNS["clients"]
    listed = [("contacts", "notes"), ("referrals", "outcome"), ("follow_ups", "text"), ("goals", "title"),
              ("partners", "contact_person"), ("client_changes", "old_value")]  # fmt: skip
    for table, column in listed:
        assert column in ENCRYPTED_COLUMNS[table]


def test_document_contents_stay_binary_and_bound() -> None:
    content = b"%PDF-1.7 Zeugnis " + os.urandom(64)
    row = {"id": 9, "title": "Zeugnis", "file_name": "zeugnis.pdf", "content": content, "kind": "certificate"}
    sealed = CIPHER.seal_row("documents", row)
    assert isinstance(sealed["content"], bytes) and content not in sealed["content"]
    assert sealed["kind"] == "certificate"
    assert CIPHER.open_row("documents", sealed) == row
    with pytest.raises(StoreError):
        CIPHER.open_bytes("documents", "content", 10, sealed["content"])
