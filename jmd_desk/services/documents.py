"""Documents in a client file, kept inside the encrypted store (media type checked against
the content, at most 20 MB)."""

from __future__ import annotations

from jmd_desk.domain.documents import content_errors, file_name_errors
from jmd_desk.domain.entities import DocumentInfo
from jmd_desk.domain.errors import FieldError, ValidationError
from jmd_desk.domain.fields import check_entity, tidy
from jmd_desk.services.access import require_client
from jmd_desk.services.session import UserSession


def _raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


def add_document(session: UserSession, client_id: int, info: DocumentInfo, content: bytes) -> int:
    """Add a document to a client file."""
    info = tidy(info)
    _raise_if(
        check_entity(info, session.clock.today())
        or file_name_errors(info.file_name) + content_errors(info.media_type, content)
    )
    with session.uow(write=True) as uow:
        require_client(session, uow, client_id, write=True)
        doc_id = uow.documents.add(client_id, info, content)
        session.audit(uow, "document_added", "document", doc_id, client_id)
    return doc_id


def document_content(session: UserSession, doc_id: int) -> bytes:
    """A document's bytes (opening it is audited)."""
    with session.uow(write=True) as uow:
        client_id = uow.documents.client_of(doc_id)
        require_client(session, uow, client_id, write=False)
        content = uow.documents.content(doc_id)
        session.audit(uow, "document_opened", "document", doc_id, client_id)
    return content


def delete_document(session: UserSession, doc_id: int) -> None:
    """Remove a document from the file."""
    with session.uow(write=True) as uow:
        client_id = uow.documents.client_of(doc_id)
        require_client(session, uow, client_id, write=True)
        uow.documents.delete(doc_id)
        session.audit(uow, "document_deleted", "document", doc_id, client_id)
