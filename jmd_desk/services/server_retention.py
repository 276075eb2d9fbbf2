"""Retention and deletion runs on the office server (DESIGN §3b), and erasure lists for the IT.

The rules are those of a local store (services/retention.py): a run is proposed by one person
and carried out when a second one confirms it (an admin and a team lead; an office whose only
admin and team lead is one person waits for the time lock). The server checks the roles and
the four eyes again in its deletion function. Every executed run writes the whole erasure
register (ids only) to a file for the IT to keep beside their dumps: after restoring an older
dump, ``server reapply-erasures`` erases those files again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from jmd_desk.domain import erasure_list
from jmd_desk.domain.clock import Clock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.entities import User
from jmd_desk.domain.errors import AuthError, JmdError
from jmd_desk.domain.retention import (
    DEFAULT_YEARS,
    REASON_REQUEST,
    REASON_RETENTION,
    TIME_LOCK_DAYS,
    DeletionRun,
    DueFile,
)
from jmd_desk.domain.settings import OfficeSettings
from jmd_desk.services.accounts import normalise_username
from jmd_desk.services.files import write_file
from jmd_desk.services.server_admin import open_profile
from jmd_desk.store.keyfile import KdfPolicy
from jmd_desk.store.retention_repo import due_files as due_from_rows
from jmd_desk.store.server.retention import ServerRetention
from jmd_desk.store.server.server_store import ServerStore
from jmd_desk.store.server.statistics import ServerStatistics

ERASURE_FOLDER = "erasure-lists"
MAX_REAPPLIED = 1_000_000  # entries of all lists of one call (each list is bounded too)


class _Staff:
    """A signed-in admin or team lead on the server (``with _Staff(...) as staff:``)."""

    def __init__(self, profile_path: Path, username: str, password: str, policy: KdfPolicy, *roles: Role) -> None:
        self.store = ServerStore.open(open_profile(profile_path), normalise_username(username), password, policy)
        user = self.store.user()
        if user is None or not user.active or not any(user.has(r) for r in roles):
            self.store.close()
            raise AuthError("not_permitted", roles=",".join(r.value for r in roles))
        self.user = user

    def __enter__(self) -> _Staff:
        return self

    def __exit__(self, *_: object) -> None:
        self.store.close()


def _retention(store: ServerStore) -> ServerRetention:
    return ServerRetention(store.engine, store.username, store.audit_key)


def due_on(store: ServerStore, clock: Clock) -> list[DueFile]:
    """Files past retention and not on legal hold, from the server's retention function."""
    settings = OfficeSettings.from_values(ServerStatistics(store.engine).settings())
    return due_from_rows(_retention(store).files(), clock.today(), settings.retention_years, DEFAULT_YEARS)


def propose_on(store: ServerStore, client_ids: Sequence[int], reason: str, clock: Clock) -> int:
    """Record a proposed run of files that are not on legal hold (and due, for retention)."""
    if reason not in (REASON_RETENTION, REASON_REQUEST):
        raise JmdError("bad_format", value=reason)
    if not client_ids:
        raise JmdError("deletion_nothing_selected")
    deletable = {f[0] for f in _retention(store).files()}  # not on legal hold
    due = {f.client_id for f in due_on(store, clock)}
    for client_id in client_ids:
        if client_id not in deletable:
            raise JmdError("deletion_legal_hold_server", id=client_id)
        if reason == REASON_RETENTION and client_id not in due:
            raise JmdError("deletion_not_due_server", id=client_id)
    return _retention(store).add_run(reason, client_ids, clock.now())


def confirm_on(
    store: ServerStore, user: User, run_id: int, clock: Clock, erasure_folder: Path | None = None
) -> tuple[list[int], Path]:
    """Carry out a confirmed run on the server and write the erasure register for the IT to
    ``erasure_folder`` (default: ``erasure-lists`` beside the profile). Returns (ids, list file)."""
    retention = _retention(store)
    run = retention.run(run_id)
    if run.status == "proposed" and run.proposed_by == store.username:
        if not (user.has(Role.ADMIN) and user.has(Role.TEAM_LEAD)):
            raise AuthError("deletion_needs_second_person")
        _time_lock_passed(run, clock)
    erased = retention.execute(run_id, clock.now())
    data = erasure_list.dump(store.office_id(), retention.erasures(), clock.now())
    folder = erasure_folder or store.profile.path.parent / ERASURE_FOLDER
    path = folder / f"{store.profile.database}-erasures-run-{run_id}.json"
    folder.mkdir(parents=True, exist_ok=True)
    write_file(path, data)
    return erased, path


def due_files(profile_path: Path, username: str, password: str, *, clock: Clock, policy: KdfPolicy) -> list[DueFile]:
    """Files past retention and not on legal hold (admin and team lead; numbers, no names)."""
    with _Staff(profile_path, username, password, policy, Role.ADMIN, Role.TEAM_LEAD) as staff:
        return due_on(staff.store, clock)


def propose_deletion(
    profile_path: Path,
    username: str,
    password: str,
    client_ids: Sequence[int],
    reason: str = REASON_RETENTION,
    *,
    clock: Clock,
    policy: KdfPolicy,
) -> int:
    """Propose deleting files; nothing is deleted until a second person confirms."""
    with _Staff(profile_path, username, password, policy, Role.ADMIN, Role.TEAM_LEAD) as staff:
        return propose_on(staff.store, client_ids, reason, clock)


def confirm_deletion(
    profile_path: Path,
    username: str,
    password: str,
    run_id: int,
    *,
    clock: Clock,
    policy: KdfPolicy,
    erasure_folder: Path | None = None,
) -> tuple[list[int], Path]:
    """A second person confirms: the files are deleted on the server, and the erasure register
    is written to ``erasure_folder`` (default: beside the profile). Returns (ids, list file)."""
    with _Staff(profile_path, username, password, policy, Role.ADMIN, Role.TEAM_LEAD) as staff:
        return confirm_on(staff.store, staff.user, run_id, clock, erasure_folder)


def _time_lock_passed(run: DeletionRun, clock: Clock) -> None:
    """The office's only admin and team lead confirms her own proposal after the time lock
    (the server checks that nobody else could confirm it)."""
    ready = run.proposed_at + timedelta(days=TIME_LOCK_DAYS)
    if clock.now().replace(tzinfo=None) < ready.replace(tzinfo=None):
        raise AuthError("deletion_time_lock", date=ready.date().isoformat())


def reapply_erasures(
    profile_path: Path, username: str, password: str, lists: Sequence[bytes], *, clock: Clock, policy: KdfPolicy
) -> tuple[int, int]:
    """Erase again every file the erasure lists name (admin; after restoring an older dump).
    Every list must belong to this office; all or nothing. Returns (files erased now, entries)."""
    parsed = [erasure_list.parse(data) for data in lists]
    with _Staff(profile_path, username, password, policy, Role.ADMIN) as staff:
        office_id = staff.store.office_id()
        if any(office != office_id for office, _ in parsed):
            raise JmdError("erasure_list_other_office")
        entries = [e for _, erasures in parsed for e in erasures]
        if len(entries) > MAX_REAPPLIED:
            raise JmdError("erasure_list_invalid", detail="too_many")
        return len(_retention(staff.store).reapply(entries, clock.now())), len(entries)
