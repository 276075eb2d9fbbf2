"""Reading every page of a SQLCipher 4 database or its WAL with the raw key (tests only).

This sees what SQLite's own queries never show: free pages and old page versions. Page
layout (raw-key mode): AES-256-CBC over the page minus an 80-byte reserve holding the IV
(16 bytes) and the HMAC (64 bytes); page 1 starts with the 16-byte salt.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
SALT = 16
WAL_HEADER = 32
FRAME_HEADER = 24


def _decrypt(key: bytes, page: bytes, number: int) -> bytes:
    start = SALT if number == 1 else 0
    body, iv = page[start : PAGE - RESERVE], page[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def database_pages(path: Path, key: bytes) -> Iterator[bytes]:
    """Every page of the database file, decrypted (free pages included)."""
    data = path.read_bytes()
    for index in range(len(data) // PAGE):
        yield _decrypt(key, data[index * PAGE : (index + 1) * PAGE], index + 1)


def wal_pages(path: Path, key: bytes) -> Iterator[bytes]:
    """Every frame of a WAL file, decrypted."""
    if not path.exists():
        return
    data = path.read_bytes()
    offset = WAL_HEADER
    while offset + FRAME_HEADER + PAGE <= len(data):
        number = int.from_bytes(data[offset : offset + 4], "big")
        yield _decrypt(key, data[offset + FRAME_HEADER : offset + FRAME_HEADER + PAGE], number)
        offset += FRAME_HEADER + PAGE


def contains(path: Path, key: bytes, needle: bytes) -> bool:
    """True if ``needle`` is on any decrypted page of the database or its WAL."""
    wal = path.with_name(path.name + "-wal")
    return any(needle in page for page in (*database_pages(path, key), *wal_pages(wal, key)))
