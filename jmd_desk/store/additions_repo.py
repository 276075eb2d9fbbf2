"""Districts, anonymous contacts and documents (the smaller additions of interchange v2)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from jmd_desk.domain.entities import AnonymousContact, District, DocumentInfo, Saved
from jmd_desk.domain.errors import JmdError
from jmd_desk.store.mapping import from_row, to_row
from jmd_desk.store.schema import AnonymousContactRecord, DistrictRecord, DocumentRecord
from jmd_desk.store.server.fields import field_opener


class DistrictRepository:
    """The office's list of districts."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def all(self) -> list[District]:
        """All districts by label."""
        query = select(DistrictRecord).order_by(DistrictRecord.label, DistrictRecord.code)
        return [District(r.code, r.label) for r in self._s.scalars(query)]

    def codes(self) -> set[str]:
        """The known district codes."""
        return set(self._s.scalars(select(DistrictRecord.code)))

    def put(self, district: District) -> None:
        """Add a district or change its label."""
        record = self._s.get(DistrictRecord, district.code)
        if record is None:
            self._s.add(DistrictRecord(code=district.code, label=district.label))
        else:
            record.label = district.label

    def add_missing(self, districts: Iterable[District]) -> int:
        """Add the districts whose codes are not known yet (labels of known ones stay)."""
        known = self.codes()
        new = [d for d in districts if d.code not in known]
        for d in new:
            self._s.add(DistrictRecord(code=d.code, label=d.label))
        return len(new)


class AnonymousContactRepository:
    """Anonymous short counselling, kept with the user name of who recorded it."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, contact: AnonymousContact, counsellor: str | None) -> int:
        """Insert; returns the new id."""
        record = AnonymousContactRecord(**to_row(contact), counsellor=counsellor)
        self._s.add(record)
        self._s.flush()
        return int(record.id)

    def _get(self, item_id: int) -> AnonymousContactRecord:
        record = self._s.get(AnonymousContactRecord, item_id)
        if record is None:
            raise JmdError("not_found", kind="anonymous_contact", id=item_id)
        return record

    def counsellor_of(self, item_id: int) -> str | None:
        """Who recorded it."""
        return self._get(item_id).counsellor

    def delete(self, item_id: int) -> None:
        """Remove one entered by mistake."""
        self._s.delete(self._get(item_id))

    def all(
        self, *, visible_to: Collection[str] | None = None, start: date | None = None, end: date | None = None
    ) -> list[Saved[AnonymousContact]]:
        """Anonymous contacts by date (newest last), optionally of some counsellors and a period."""
        query = select(AnonymousContactRecord).order_by(AnonymousContactRecord.date, AnonymousContactRecord.id)
        if visible_to is not None:
            query = query.where(AnonymousContactRecord.counsellor.in_(list(visible_to)))
        if start is not None:
            query = query.where(AnonymousContactRecord.date >= start)
        if end is not None:
            query = query.where(AnonymousContactRecord.date <= end)
        return [Saved(r.id, from_row(AnonymousContact, r)) for r in self._s.scalars(query)]


_INFO_COLUMNS = (
    DocumentRecord.id,
    DocumentRecord.client_id,
    DocumentRecord.title,
    DocumentRecord.kind,
    DocumentRecord.file_name,
    DocumentRecord.media_type,
    DocumentRecord.added_on,
    DocumentRecord.size,
)


class DocumentRepository:
    """Documents of client files; lists never read the contents."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, client_id: int, info: DocumentInfo, content: bytes) -> int:
        """Insert; ``size`` is taken from the content."""
        row = {**to_row(info), "size": len(content)}
        record = DocumentRecord(**row, client_id=client_id, content=content)
        self._s.add(record)
        self._s.flush()
        return int(record.id)

    def _get(self, doc_id: int) -> DocumentRecord:
        record = self._s.get(DocumentRecord, doc_id)
        if record is None:
            raise JmdError("not_found", kind="document", id=doc_id)
        return record

    def client_of(self, doc_id: int) -> int:
        """The client file a document belongs to."""
        client_id = self._s.scalar(select(DocumentRecord.client_id).where(DocumentRecord.id == doc_id))
        if client_id is None:
            raise JmdError("not_found", kind="document", id=doc_id)
        return int(client_id)

    def update(self, doc_id: int, info: DocumentInfo) -> None:
        """Change title, kind, file name or date (never the content or its type)."""
        record = self._get(doc_id)
        record.title, record.kind, record.file_name, record.added_on = (
            info.title,
            info.kind,
            info.file_name,
            info.added_on,
        )

    def content(self, doc_id: int) -> bytes:
        """The document's bytes."""
        content = self._s.scalar(select(DocumentRecord.content).where(DocumentRecord.id == doc_id))
        if content is None:
            raise JmdError("not_found", kind="document", id=doc_id)
        return bytes(field_opener(self._s)("documents", "content", doc_id, bytes(content)))

    def delete(self, doc_id: int) -> None:
        """Remove the document."""
        self._s.delete(self._get(doc_id))

    def for_parents(self, client_ids: Iterable[int]) -> dict[int, list[Saved[DocumentInfo]]]:
        """Document infos per client, by date added."""
        query = (
            select(*_INFO_COLUMNS)
            .where(DocumentRecord.client_id.in_(list(client_ids)))
            .order_by(DocumentRecord.client_id, DocumentRecord.added_on, DocumentRecord.id)
        )
        result: dict[int, list[Saved[DocumentInfo]]] = defaultdict(list)
        opened = field_opener(self._s)
        for doc_id, client_id, title, kind, file_name, media_type, added_on, size in self._s.execute(query):
            info = DocumentInfo(
                opened("documents", "title", doc_id, title),
                kind,
                opened("documents", "file_name", doc_id, file_name),
                media_type,
                added_on,
                size,
            )
            result[client_id].append(Saved(doc_id, info))
        return result
