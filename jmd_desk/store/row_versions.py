"""Row versions of editable records on the office server (optimistic concurrency, §3b).

The server stamps every editable row with ``row_version``, ``changed_by`` and ``changed_at``
(revision 0009). A file read in one unit of work hands its versions out with the records; a save
in a later unit of work names the version it saw, and the row is locked and compared first, so
of two people saving the same record one wins and the other is told who saved when. A local
store has one writer at a time and no version columns: there every check passes.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

from jmd_desk.domain.errors import JmdError, StoreError
from jmd_desk.store.server.versions_sql import VERSIONED_TABLES


def _on_server(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def versions_of(session: Session, table: str, ids: Iterable[int]) -> dict[int, int]:
    """Id → version of these rows (empty on a local store)."""
    wanted = list(ids)
    if not wanted or not _on_server(session) or table not in VERSIONED_TABLES:
        return {}
    query = text(f"SELECT id, row_version FROM {table} WHERE id = ANY(:ids)")  # noqa: S608 - our table names
    return {int(i): int(v) for i, v in session.execute(query, {"ids": wanted})}


def check_version(session: Session, table: str, row_id: int, seen: int | None) -> None:
    """Lock the row and raise ``edit_conflict`` if someone saved it since version ``seen``."""
    if seen is None or not _on_server(session) or table not in VERSIONED_TABLES:
        return
    query = text(f"SELECT row_version, changed_by, changed_at FROM {table} WHERE id = :id FOR UPDATE")  # noqa: S608
    row = session.execute(query, {"id": row_id}).first()
    if row is None:
        raise JmdError("not_found", kind=table, id=row_id)
    if int(row[0]) != seen:
        raise StoreError("edit_conflict", by=str(row[1] or ""), at=row[2].strftime("%d.%m.%Y %H:%M"))
