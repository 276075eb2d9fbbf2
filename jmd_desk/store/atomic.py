"""The one way files are replaced: a crash leaves either the old or the new file, never half.

Write to a temporary file beside the target, fsync it, rename it over the target, then fsync
the folder so that the rename itself survives a power cut.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jmd_desk.domain.errors import StoreError


@contextmanager
def replacing(path: Path, mode: int = 0o600) -> Iterator[Path]:
    """Yields a new empty temporary file (with ``mode``) to fill; when the block ends without
    an error it replaces ``path``, otherwise it is removed. OSError propagates."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
    try:
        yield tmp
        with tmp.open("r+b") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace ``path`` by ``data`` atomically; the file then has ``mode`` (private by default)."""
    try:
        with replacing(path, mode) as tmp:
            tmp.write_bytes(data)
    except OSError as exc:
        raise StoreError("write_failed", path=str(path), reason=exc.strerror) from None


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; NTFS journals the rename
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
