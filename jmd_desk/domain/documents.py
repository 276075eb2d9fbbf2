"""Documents in a client file: size limit, base64 and media type checked against the content."""

from __future__ import annotations

import base64
import binascii
import io
import zipfile

from jmd_desk.domain.errors import FieldError

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# Base64 text of at most MAX_DOCUMENT_BYTES decoded bytes (checked before decoding).
MAX_BASE64_CHARS = (MAX_DOCUMENT_BYTES + 2) // 3 * 4
MAX_ZIP_ENTRIES = 10_000
# An ODT or DOCX is a zip. Real ones unpack to 2-20 times their size; a zip bomb to thousands.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_UNPACK_RATIO = 200

ODT = "application/vnd.oasis.opendocument.text"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _zip_names(content: bytes) -> list[str] | None:
    """Entry names of a zip container, or None if it is none (bounded: the central directory)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ZIP_ENTRIES:
                return None
            return [i.filename for i in infos]
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        return None


def _is_odt(content: bytes) -> bool:
    # ODF: the first entry is an uncompressed "mimetype" file holding the media type.
    return (
        content[30:38] == b"mimetype"
        and content[38 : 38 + len(ODT)] == ODT.encode()
        and _zip_names(content) is not None
    )


def _is_docx(content: bytes) -> bool:
    names = _zip_names(content) if content.startswith(b"PK\x03\x04") else None
    return names is not None and "[Content_Types].xml" in names and "word/document.xml" in names


def content_matches(media_type: str, content: bytes) -> bool:
    """True if ``content`` really is of ``media_type`` (by its signature, not by a name)."""
    if media_type == "application/pdf":
        return content.startswith(b"%PDF-")
    if media_type == "image/png":
        return content.startswith(b"\x89PNG\r\n\x1a\n")
    if media_type == "image/jpeg":
        return content.startswith(b"\xff\xd8\xff")
    if media_type == ODT:
        return _is_odt(content)
    if media_type == DOCX:
        return _is_docx(content)
    return False


def unpacks_too_large(content: bytes) -> bool:
    """True for a zip that would unpack to far more than it is (sizes from its directory)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(i.file_size for i in archive.infolist())
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        return False
    return unpacked > MAX_UNPACKED_BYTES or unpacked > MAX_UNPACK_RATIO * max(len(content), 1)


def content_errors(media_type: str, content: bytes) -> list[FieldError]:
    """Problems of a document's content: empty, too large, or not of its media type."""
    if not content:
        return [FieldError("content", "empty_document")]
    if len(content) > MAX_DOCUMENT_BYTES:
        return [FieldError("content", "document_too_large", {"max": MAX_DOCUMENT_BYTES})]
    if not content_matches(media_type, content):
        return [FieldError("media_type", "content_not_media_type", {"value": media_type})]
    if media_type in (ODT, DOCX) and unpacks_too_large(content):
        return [FieldError("content", "document_zip_bomb")]
    return []


def decode_base64(text: object) -> tuple[bytes | None, FieldError | None]:
    """Strict base64 (no line breaks), bounded before decoding."""
    if not isinstance(text, str):
        return None, FieldError("content_base64", "not_text")
    if len(text) > MAX_BASE64_CHARS:
        return None, FieldError("content_base64", "document_too_large", {"max": MAX_DOCUMENT_BYTES})
    try:
        return base64.b64decode(text, validate=True), None
    except (binascii.Error, ValueError):
        return None, FieldError("content_base64", "bad_base64")


def encode_base64(content: bytes) -> str:
    """The interchange form of a document's content."""
    return base64.b64encode(content).decode("ascii")


def file_name_errors(file_name: str) -> list[FieldError]:
    """A file name, not a path (it is offered when the document is saved again)."""
    if any(c in file_name for c in "/\\\0") or file_name in (".", ".."):
        return [FieldError("file_name", "not_a_file_name")]
    return []
