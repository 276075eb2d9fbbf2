"""Documents between the client file and the file system: attaching a file (type checked by
content, size bounded before reading, zip bombs refused) and opening one through a temporary
file that is overwritten and removed afterwards.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from jmd_desk.domain.codes import MEDIA_TYPES
from jmd_desk.domain.documents import MAX_DOCUMENT_BYTES, content_matches, unpacks_too_large
from jmd_desk.domain.entities import DocumentInfo
from jmd_desk.domain.errors import JmdError

if TYPE_CHECKING:
    from jmd_desk.services.session import UserSession

ZIP_TYPES = (
    "application/vnd.oasis.opendocument.text",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    ZIP_TYPES[0]: ".odt",
    ZIP_TYPES[1]: ".docx",
}
IMAGE_TYPES = ("image/png", "image/jpeg")
TEMP_PREFIX = "jmd-desk-open-"


def media_type_of(content: bytes) -> str | None:
    """The allowed media type the content really has (never guessed from a name)."""
    return next((t for t in MEDIA_TYPES if content_matches(t, content)), None)


def read_document_file(path: Path) -> tuple[bytes, str]:
    """The bytes and checked media type of a file the user wants to attach."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise JmdError("file_not_found", path=str(path)) from None
    except OSError as exc:
        raise JmdError("file_unreadable", path=str(path), reason=exc.strerror) from None
    if size > MAX_DOCUMENT_BYTES:
        raise JmdError("document_file_too_large", name=path.name, max_mb=MAX_DOCUMENT_BYTES // (1024 * 1024))
    if size == 0:
        raise JmdError("document_file_empty", name=path.name)
    content = path.read_bytes()[: MAX_DOCUMENT_BYTES + 1]
    media_type = media_type_of(content)
    if media_type is None:
        raise JmdError("document_type_not_allowed", name=path.name)
    if media_type in ZIP_TYPES and unpacks_too_large(content):
        raise JmdError("document_zip_bomb", name=path.name)
    return content, media_type


def attach_file(
    session: UserSession, client_id: int, path: Path, *, title: str, kind: str, added_on: date | None = None
) -> int:
    """Attach the file at ``path`` to a client file (all checks first; nothing half-stored)."""
    content, media_type = read_document_file(path)
    info = DocumentInfo(
        title=title.strip() or path.stem,
        kind=kind,
        file_name=path.name,
        media_type=media_type,
        added_on=added_on or session.clock.today(),
        size=len(content),
    )
    # Imported here: the start-up clean-up uses this module before the store is loaded.
    from jmd_desk.services import documents  # noqa: PLC0415

    return documents.add_document(session, client_id, info, content)


# ------------------------------------------------------------------ opening
@dataclass
class TempDocuments:
    """A private folder for documents opened with another program; ``wipe`` overwrites every
    file with zeros and removes it (when the file window closes, and at the next start)."""

    folder: Path

    @classmethod
    def create(cls, base: Path | None = None) -> TempDocuments:
        """A new folder only this user can read, below the system's temporary folder."""
        base = base or Path(tempfile.gettempdir())
        folder = base / f"{TEMP_PREFIX}{secrets.token_hex(8)}"
        folder.mkdir(mode=0o700)
        return cls(folder)

    def write(self, doc_id: int, media_type: str, content: bytes) -> Path:
        """Write a document under a neutral name (no personal data in the file name)."""
        path = self.folder / f"dokument-{doc_id}{EXTENSIONS.get(media_type, '')}"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        return path

    def wipe(self) -> None:
        """Overwrite every file with zeros, then remove the folder."""
        _wipe_folder(self.folder)


def _overwrite(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("r+b") as handle:
            handle.write(bytes(size))
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        pass  # locked by the viewer on some systems; removed below or at the next start
    path.unlink(missing_ok=True)


def _wipe_folder(folder: Path) -> None:
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.is_file() and not path.is_symlink():
            _overwrite(path)
    shutil.rmtree(folder, ignore_errors=True)


def _mine(path: Path) -> bool:
    getuid = getattr(os, "getuid", None)  # Windows: the temporary folder is per user anyway
    return getuid is None or path.stat().st_uid == getuid()


def wipe_leftovers(base: Path | None = None) -> int:
    """Wipe temporary document folders a crashed session left behind; returns how many."""
    base = base or Path(tempfile.gettempdir())
    found = [p for p in base.glob(f"{TEMP_PREFIX}*") if p.is_dir() and not p.is_symlink() and _mine(p)]
    for folder in found:
        _wipe_folder(folder)
    return len(found)
