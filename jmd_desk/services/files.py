"""Reading input files and writing outputs the user asked for, atomically."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from jmd_desk.domain.errors import JmdError


def read_file(path: Path) -> bytes:
    """The bytes of ``path`` (JmdError with a clear code if it cannot be read)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise JmdError("file_not_found", path=str(path)) from None
    except OSError as exc:
        raise JmdError("file_unreadable", path=str(path), reason=exc.strerror) from None


def write_file(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write ``data`` via a temporary file beside ``path`` and a rename, so a crash never
    leaves half a file. ``private`` files (plaintext exports) are readable by the owner only."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if private else 0o644)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise JmdError("file_write_failed", path=str(path), reason=exc.strerror) from None
