"""Reading input files and writing outputs the user asked for, atomically."""

from __future__ import annotations

from pathlib import Path

from jmd_desk.domain.errors import JmdError, StoreError
from jmd_desk.store.atomic import write_atomic


def read_file(path: Path, max_bytes: int | None = None) -> bytes:
    """The bytes of ``path`` (JmdError with a clear code if it cannot be read or is larger
    than ``max_bytes``)."""
    try:
        if max_bytes is not None and path.stat().st_size > max_bytes:
            raise JmdError("file_too_large", path=str(path), limit=max_bytes // (1024 * 1024))
        return path.read_bytes()
    except FileNotFoundError:
        raise JmdError("file_not_found", path=str(path)) from None
    except OSError as exc:
        raise JmdError("file_unreadable", path=str(path), reason=exc.strerror) from None


def write_file(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write ``data`` atomically, so a crash never leaves half a file. ``private`` files
    (plaintext exports) are readable by the owner only."""
    try:
        write_atomic(path, data, mode=0o600 if private else 0o644)
    except StoreError as exc:
        raise JmdError("file_write_failed", path=str(path), reason=exc.params.get("reason")) from None
