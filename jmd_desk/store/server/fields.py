"""Client-side encryption of direct identifiers and free text on the office server (§3b).

Each value is sealed with AES-256-GCM under the office data key: a fresh 96-bit nonce per
value, associated data = version, table, column and row id (a value copied to another row or
column does not open), stored as text ``base64url(version byte ‖ nonce ‖ ciphertext+tag)``.
Coded fields, dates, districts and client numbers stay plaintext for SQL statistics.
"""

from __future__ import annotations

import base64
import binascii
import os
from collections.abc import Callable, Mapping
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from jmd_desk.domain.errors import StoreError

VERSION = 1
NONCE_BYTES = 12
MAX_PLAINTEXT_BYTES = 1_000_000
CIPHER_INFO = "jmd_field_cipher"  # Session.info key of a server session's cipher

# table -> columns sealed on the workstation (search keys hold names, so they are sealed too;
# name search is an in-memory filter on the workstation). Later tables add their columns here.
ENCRYPTED_COLUMNS: dict[str, tuple[str, ...]] = {
    "clients": (
        "first_name",
        "last_name",
        "phone",
        "email",
        "address",
        "guardian",
        "eligibility_note",
        "school_qualification_note",
        "search_key",
    ),
    "client_changes": ("old_value", "new_value"),
    "contacts": ("notes",),
    "referrals": ("outcome",),
    "follow_ups": ("text",),
    "goals": ("title", "steps"),
    "appointments": ("place",),
    "documents": ("title", "file_name", "content"),
    "partners": ("contact_person", "phone", "email", "address", "search_key"),
}


def _associated_data(table: str, column: str, row_id: int) -> bytes:
    return b"jmd-desk-field\x00%d\x00%s\x00%s\x00%d" % (VERSION, table.encode(), column.encode(), row_id)


class FieldCipher:
    """Seals and opens field values with the office data key."""

    def __init__(self, office_key: bytes) -> None:
        if len(office_key) != 32:
            raise StoreError("office_key_invalid")
        self._aead = AESGCM(office_key)

    def seal(self, table: str, column: str, row_id: int, value: str | None) -> str | None:
        """The stored text for ``value`` (None stays None: absence is not a secret)."""
        if value is None:
            return None
        data = value.encode("utf-8")
        if len(data) > MAX_PLAINTEXT_BYTES:
            raise StoreError("field_too_long", column=column)
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, data, _associated_data(table, column, row_id))
        return base64.urlsafe_b64encode(bytes([VERSION]) + nonce + sealed).decode("ascii")

    def open(self, table: str, column: str, row_id: int, stored: str | None) -> str | None:
        """The plaintext of a stored value; a damaged or moved value raises StoreError."""
        if stored is None:
            return None
        try:
            raw = base64.urlsafe_b64decode(stored.encode("ascii"))
        except (binascii.Error, UnicodeEncodeError, ValueError):
            raise StoreError("field_decrypt_failed") from None
        if len(raw) < 1 + NONCE_BYTES + 16 or raw[0] != VERSION:
            raise StoreError("field_decrypt_failed")
        nonce, sealed = raw[1 : 1 + NONCE_BYTES], raw[1 + NONCE_BYTES :]
        try:
            return self._aead.decrypt(nonce, sealed, _associated_data(table, column, row_id)).decode("utf-8")
        except (InvalidTag, UnicodeDecodeError):
            raise StoreError("field_decrypt_failed") from None

    def seal_bytes(self, table: str, column: str, row_id: int, value: bytes) -> bytes:
        """Binary contents (documents) sealed the same way, kept binary."""
        nonce = os.urandom(NONCE_BYTES)
        return bytes([VERSION]) + nonce + self._aead.encrypt(nonce, value, _associated_data(table, column, row_id))

    def open_bytes(self, table: str, column: str, row_id: int, stored: bytes) -> bytes:
        """The plaintext of sealed binary contents."""
        if len(stored) < 1 + NONCE_BYTES + 16 or stored[0] != VERSION:
            raise StoreError("field_decrypt_failed")
        try:
            nonce, sealed = stored[1 : 1 + NONCE_BYTES], stored[1 + NONCE_BYTES :]
            return self._aead.decrypt(nonce, sealed, _associated_data(table, column, row_id))
        except InvalidTag:
            raise StoreError("field_decrypt_failed") from None

    def seal_any(self, table: str, column: str, row_id: int, value: Any) -> Any:
        """A text or binary value sealed (None stays None)."""
        if isinstance(value, bytes):
            return self.seal_bytes(table, column, row_id, value)
        return self.seal(table, column, row_id, value)

    def open_any(self, table: str, column: str, row_id: int, stored: Any) -> Any:
        """A sealed text or binary value opened (None stays None)."""
        if isinstance(stored, bytes | memoryview):
            return self.open_bytes(table, column, row_id, bytes(stored))
        return self.open(table, column, row_id, stored)

    def seal_row(self, table: str, row: Mapping[str, Any]) -> dict[str, Any]:
        """A copy of an insert row (with its ``id``) whose sensitive columns are sealed."""
        columns = ENCRYPTED_COLUMNS.get(table, ())
        return {k: self.seal_any(table, k, row["id"], v) if k in columns else v for k, v in row.items()}

    def open_row(self, table: str, row: Mapping[str, Any]) -> dict[str, Any]:
        """A copy of a fetched row (with its ``id``) whose sealed columns are opened."""
        columns = ENCRYPTED_COLUMNS.get(table, ())
        return {k: self.open_any(table, k, row["id"], v) if k in columns else v for k, v in row.items()}


def field_cipher(session: Any) -> FieldCipher | None:
    """The cipher of a session on the office server (None on a local store, where the whole
    file is encrypted and repositories read plain columns)."""
    cipher = session.info.get(CIPHER_INFO)
    return cipher if isinstance(cipher, FieldCipher) else None


FieldOpener = Callable[[str, str, int, Any], Any]


def _as_stored(_table: str, _column: str, _row_id: int, value: Any) -> Any:
    return value


def field_opener(session: Any) -> FieldOpener:
    """(table, column, row id, stored value) -> plaintext, for rows read outside the ORM: opens
    sealed values on the office server, passes values through on a local store."""
    cipher = field_cipher(session)
    return _as_stored if cipher is None else cipher.open_any
