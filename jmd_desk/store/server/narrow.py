"""The narrow audited functions of revision 0013 that cross the rows on purpose, in a unit of
work's transaction: an import on behalf of one named counsellor, and the team lead's legal hold.
The server checks the caller's role and logs every call where no application role can change it."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from jmd_desk.store.server import office


def call_scalar(session: Session, statement: str, params: dict[str, object]) -> object:
    """One server function's result in the unit of work's transaction; a refusal as a typed error."""
    try:
        return session.execute(text(statement), params).scalar()
    except DBAPIError as exc:
        office.raise_typed(exc.orig or exc)
        raise  # pragma: no cover - raise_typed always raises


class NarrowFunctions:
    """``uow.narrow()`` on the office server."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def _call(self, statement: str, params: dict[str, object]) -> object:
        return call_scalar(self._s, statement, params)

    def open_import_for(self, counsellor: str) -> None:
        """Let this transaction insert files of ``counsellor`` (admin or team lead; only hers)."""
        self._call("SELECT jmd_open_import_for(:c)", {"c": counsellor})

    def set_legal_hold(self, client_id: int, held: bool) -> None:
        """Set or clear a file's legal hold (team lead or admin)."""
        self._call("SELECT jmd_set_legal_hold(:c, :h)", {"c": client_id, "h": held})

    def reassign(self, client_id: int, counsellor: str) -> None:
        """Give a file to another active counsellor (team lead; logged on the server)."""
        self._call("SELECT jmd_reassign_client(:c, :u)", {"c": client_id, "u": counsellor})

    def legal_hold(self, client_id: int) -> bool:
        """True if the file is on legal hold (team lead or admin)."""
        return bool(self._call("SELECT jmd_legal_hold(:c)", {"c": client_id}))
