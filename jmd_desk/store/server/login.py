"""The PostgreSQL login secret of a JMD Desk account (DESIGN §3b, a contract).

``base64url (no padding) of Argon2id(NFC password as UTF-8, salt = first 16 bytes of
SHA-256("jmd-desk-login" 0x00 database 0x00 user), passes 3, lanes 4, memory 64 MiB, 32 bytes)``.
Fixed parameters, so every workstation derives the same secret; a stolen SCRAM verifier then costs
an Argon2id derivation per guess. The secret reaches the server only as a SCRAM verifier.
"""

from __future__ import annotations

import base64
import hashlib
import unicodedata

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

LOGIN_MEMORY_KIB = 65_536
LOGIN_PASSES = 3
LOGIN_LANES = 4
LOGIN_BYTES = 32


def login_salt(database: str, user: str) -> bytes:
    """First 16 bytes of SHA-256("jmd-desk-login" 0x00 database 0x00 user)."""
    material = b"jmd-desk-login\x00" + database.encode("utf-8") + b"\x00" + user.encode("utf-8")
    return hashlib.sha256(material).digest()[:16]


def login_secret(password: str, database: str, user: str) -> str:
    """The login secret the workstation sends (through SCRAM) instead of the password."""
    kdf = Argon2id(
        salt=login_salt(database, user),
        length=LOGIN_BYTES,
        iterations=LOGIN_PASSES,
        lanes=LOGIN_LANES,
        memory_cost=LOGIN_MEMORY_KIB,
    )
    raw = kdf.derive(unicodedata.normalize("NFC", password).encode("utf-8"))
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")
