"""The team lead's office overview on the office server: every file's metadata (DESIGN §3) and
handing a file to another counsellor, both through the server's narrow audited functions.

Row-level security shows a team lead only her own and deputised files in the normal lists; this
overview reads names, numbers, counsellor and the cases' dates, type and status, never case contents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import JmdError
from jmd_desk.services.accounts import counsellor_names
from jmd_desk.services.session import UserSession
from jmd_desk.store.server.server_store import OverviewRow, ServerStore, StaffFunctions


@dataclass(frozen=True)
class OfficeFile:
    """One file of the office as the team lead sees it (its open case, else its latest case)."""

    client_id: int
    client_number: str
    name: str
    counsellor: str
    case_type: str | None
    opened_on: date | None
    closed_on: date | None
    cases: int

    @property
    def open(self) -> bool:
        """True while the file has a case that is not closed."""
        return self.case_type is not None and self.closed_on is None


def _require_team_lead_on_server(session: UserSession) -> ServerStore:
    if not isinstance(session.store, ServerStore):
        raise JmdError("server_only_command")
    session.require(Role.TEAM_LEAD)
    return session.store


def office_files(session: UserSession) -> list[OfficeFile]:
    """Every file of the office, sorted by client number (team lead on the office server)."""
    store = _require_team_lead_on_server(session)
    by_client: dict[int, list[OverviewRow]] = {}
    for row in StaffFunctions(store).team_overview():
        by_client.setdefault(row.client_id, []).append(row)
    files = [_file_of(rows) for rows in by_client.values()]
    return sorted(files, key=lambda f: f.client_number)


def _file_of(rows: list[OverviewRow]) -> OfficeFile:
    cases = [r for r in rows if r.case_id is not None]
    # The open case first, then the latest one opened.
    cases.sort(key=lambda r: (r.closed_on is None, r.opened_on or date.min), reverse=True)
    shown = cases[0] if cases else rows[0]
    return OfficeFile(
        client_id=shown.client_id,
        client_number=shown.client_number,
        name=f"{shown.last_name}, {shown.first_name}".strip(", "),
        counsellor=shown.counsellor or "",
        case_type=shown.case_type,
        opened_on=shown.opened_on,
        closed_on=shown.closed_on,
        cases=len(cases),
    )


def reassign_file(session: UserSession, client_id: int, counsellor: str) -> None:
    """Give a file to another active counsellor (team lead; logged on the server and in the audit chain)."""
    _require_team_lead_on_server(session)
    if counsellor not in {name for name, _ in counsellor_names(session)}:
        raise JmdError("reassign_not_counsellor", user=counsellor)
    with session.uow(write=True) as uow:
        uow.narrow().reassign(client_id, counsellor)
        session.audit(uow, "client_reassigned", "client", client_id, client_id)
