"""Progress of German level and school qualification, and the office's list of districts."""

from __future__ import annotations

from jmd_desk.domain import codes, rules
from jmd_desk.domain.codes import Role
from jmd_desk.domain.entities import Client, District, Progress, Saved
from jmd_desk.domain.errors import FieldError, ValidationError
from jmd_desk.domain.fields import check_entity, tidy
from jmd_desk.services.access import require_client
from jmd_desk.services.session import UserSession
from jmd_desk.store.uow import UnitOfWork


def _raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


def _follow_latest(session: UserSession, uow: UnitOfWork, client_id: int, field_name: str) -> None:
    """Keep the client's field equal to the latest progress entry of that field."""
    entries = [p.value for p in uow.progress.for_parents([client_id])[client_id]]
    latest = rules.latest_progress(entries, field_name)
    if latest is not None and getattr(uow.clients.get(client_id).value, field_name) != latest.value:
        uow.clients.set_progress_field(client_id, field_name, latest.value, session.clock.now())


def add_progress(session: UserSession, client_id: int, entry: Progress) -> int:
    """Record real progress (a new German level, a qualification gained) from a day on."""
    _raise_if(check_entity(entry, session.clock.today()) or rules.progress_errors(entry))
    with session.uow(write=True) as uow:
        require_client(session, uow, client_id, write=True)
        entry_id = uow.progress.add(client_id, entry)
        _follow_latest(session, uow, client_id, entry.field)
        session.audit(uow, "progress_added", "progress", entry_id, client_id)
    return entry_id


def delete_progress(session: UserSession, entry_id: int) -> None:
    """Remove an entry made by mistake; the field follows the entry that is now latest."""
    with session.uow(write=True) as uow:
        client_id = uow.progress.parent_of(entry_id)
        require_client(session, uow, client_id, write=True)
        field_name = uow.progress.get(entry_id).value.field
        uow.progress.delete(entry_id)
        uow.flush()
        _follow_latest(session, uow, client_id, field_name)
        session.audit(uow, "progress_deleted", "progress", entry_id, client_id)


def progress_of(session: UserSession, client_id: int) -> list[Saved[Progress]]:
    """A client's progress entries, oldest first."""
    with session.uow() as uow:
        require_client(session, uow, client_id, write=False)
        return uow.progress.for_parents([client_id])[client_id]


# ------------------------------------------------------------------ districts
def list_districts(session: UserSession) -> list[District]:
    """The office's districts by label (every signed-in user: the client form offers them)."""
    with session.uow() as uow:
        return uow.districts.all()


def save_district(session: UserSession, district: District) -> None:
    """Add a district to the office's list or change its label (admin)."""
    session.require(Role.ADMIN)
    district = tidy(district)
    _raise_if(check_entity(district, session.clock.today()))
    if district.code == codes.UNKNOWN:
        raise ValidationError([FieldError("code", "reserved_code", {"value": district.code})])
    with session.uow(write=True) as uow:
        uow.districts.put(district)
        session.audit(uow, "district_saved")


def check_district(uow: UnitOfWork, district: str | None) -> None:
    """A client's district must be in the office's list (``unknown`` always is)."""
    if district is not None and district != codes.UNKNOWN and district not in uow.districts.codes():
        raise ValidationError([FieldError("district", "unknown_district", {"value": district})])


def require_progress_match(uow: UnitOfWork, client_id: int, client: Client) -> None:
    """Master data may not contradict the latest progress (record progress instead)."""
    entries = [p.value for p in uow.progress.for_parents([client_id])[client_id]]
    _raise_if(rules.progress_mismatch(client, entries))
