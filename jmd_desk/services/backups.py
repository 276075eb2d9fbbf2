"""Backups (manual, automatic on exit at most daily, rotated) and verified restores."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from jmd_desk.domain.audit_chain import AuditEntry
from jmd_desk.domain.clock import Clock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, JmdError, StoreError
from jmd_desk.services import settings as office
from jmd_desk.services.accounts import normalise_username, open_throttled
from jmd_desk.services.session import UserSession
from jmd_desk.services.throttle import SignInThrottle
from jmd_desk.store import backup as store_backup
from jmd_desk.store.keyfile import KdfPolicy
from jmd_desk.store.store import Store, StorePaths
from jmd_desk.store.uow import UnitOfWork

log = logging.getLogger("jmd_desk.services.backups")  # codes and ids only, never names or notes

AUTO_PREFIX = "auto-"
SUFFIX = store_backup.SUFFIX


def backup_folder(session: UserSession) -> Path:
    """Where automatic backups go (beside the store)."""
    return session.local_store.paths.backups


def create_backup(session: UserSession, target: Path) -> Path:
    """A manual encrypted backup to ``target`` (admin)."""
    session.require(Role.ADMIN)
    return _backup(session, target, "backup_created")


def _backup(session: UserSession, target: Path, action: str) -> Path:
    with session.uow(write=True) as uow:
        session.audit(uow, action)
    return store_backup.backup_open_store(session.local_store, target, session.clock.now())


def auto_backup(session: UserSession) -> Path | None:
    """On exit: one automatic backup per day, keeping the number the office set."""
    folder = backup_folder(session)
    stem = session.local_store.paths.db.stem
    today = session.clock.now().strftime("%Y%m%d")
    existing = sorted(folder.glob(f"{AUTO_PREFIX}{stem}-*{store_backup.SUFFIX}"))
    if any(p.name.startswith(f"{AUTO_PREFIX}{stem}-{today}") for p in existing):
        return None
    stamp = session.clock.now().strftime("%Y%m%d-%H%M%S")
    made = _backup(session, folder / f"{AUTO_PREFIX}{stem}-{stamp}{store_backup.SUFFIX}", "backup_automatic")
    keep = office.office_settings(session).backups_kept
    everything = sorted(folder.glob(f"{AUTO_PREFIX}{stem}-*{store_backup.SUFFIX}"))
    for old in everything[:-keep]:
        old.unlink(missing_ok=True)
    log.info("automatic backup made; %d older ones removed", max(0, len(everything) - keep))
    return made


def backup_without_password(path: Path, target: Path, clock: Clock) -> Path:
    """Back up a closed store as it is (its files are encrypted; no password needed)."""
    return store_backup.backup_closed_store(path, target, clock.now())


@dataclass(frozen=True)
class RestorePreview:
    """What replacing the live store by the backup loses (shown before anything is replaced)."""

    backup_created_at: str
    events_lost: int
    users_lost: tuple[str, ...]
    deletion_runs_since: int
    erasures_to_reapply: int


@dataclass(frozen=True)
class RestoreResult:
    """Where the replaced store was kept (None if there was none), what was lost, and which
    erased clients were erased again."""

    kept: Path | None
    preview: RestorePreview
    erasures_reapplied: int


@dataclass(frozen=True)
class _LiveFacts:
    store_id: str
    events: int
    users: frozenset[str]
    done_runs: frozenset[int]
    register: tuple[tuple[int, datetime | None, int | None, datetime], ...]


def backup_key_file_differs(store_path: Path, backup_file: Path) -> bool:
    """True if the backup's key file is not the live one (a second secret is then needed)."""
    live = StorePaths(store_path).keys
    if not live.exists():
        return False
    return store_backup.read_key_file(backup_file) != live.read_bytes()


def restore(
    store_path: Path,
    backup_file: Path,
    username: str,
    secret: str,
    *,
    recovery: bool = False,
    backup_secret: str | None = None,
    clock: Clock,
    policy: KdfPolicy,
    confirm: Callable[[RestorePreview], bool] | None = None,
) -> RestoreResult:
    """Verify a backup completely, show what is lost, then put it in place of the store.

    Allowed to an active admin of the live store (``secret`` her password) or with the live
    recovery key (``recovery``). The backup must belong to the same store; erasures recorded
    in the live store are applied to the backup before it replaces the live store. Without a
    live store (disaster recovery) an admin of the backup may restore it.
    """
    username = normalise_username(username)
    live = _live_facts(store_path, username, secret, recovery, clock, policy)
    store_path.parent.mkdir(parents=True, exist_ok=True)
    extracted = store_backup.extract(backup_file, store_path.parent)
    try:
        if live is not None and extracted.store_id != live.store_id:
            raise StoreError("restore_other_store")
        recovered = recovery and backup_secret is None
        candidate = _open_backup(store_path, extracted.db, username, backup_secret or secret, recovered, clock, policy)
        try:
            _verify(candidate, username, needs_admin=live is None and not recovery)
            preview = _preview(candidate, live, extracted)
            if confirm is not None and not confirm(preview):
                raise JmdError("restore_cancelled")
            reapplied = _reapply_erasures(candidate, live, username, clock)
            _carry_throttle_token(candidate, store_path)
        finally:
            candidate.close()
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        kept = store_backup.replace_store(store_path, extracted, stamp)
    finally:
        extracted.discard()
    log.info("restored: %d audit events lost, %d erasures applied again", preview.events_lost, reapplied)
    return RestoreResult(kept, preview, reapplied)


def preview_restore(
    store_path: Path,
    backup_file: Path,
    username: str,
    secret: str,
    *,
    backup_secret: str | None = None,
    clock: Clock,
    policy: KdfPolicy,
) -> RestorePreview:
    """All the checks of ``restore`` and what it would lose, without replacing anything (for a
    window that asks before it restores)."""
    seen: list[RestorePreview] = []
    try:
        restore(
            store_path,
            backup_file,
            username,
            secret,
            backup_secret=backup_secret,
            clock=clock,
            policy=policy,
            confirm=_keep_and_stop(seen),
        )
    except JmdError as exc:
        if exc.code != "restore_cancelled" or not seen:
            raise
    return seen[0]


def _keep_and_stop(seen: list[RestorePreview]) -> Callable[[RestorePreview], bool]:
    """A ``confirm`` answer that keeps the preview and says no, so nothing is replaced."""

    def confirm(preview: RestorePreview) -> bool:
        seen.append(preview)
        return False

    return confirm


def _live_facts(
    store_path: Path, username: str, secret: str, recovery: bool, clock: Clock, policy: KdfPolicy
) -> _LiveFacts | None:
    """Check the credential against the live store and read what a restore would lose."""
    if not StorePaths(store_path).db.exists() and not StorePaths(store_path).keys.exists():
        return None
    if recovery:
        opener = lambda: Store.open(store_path, recovery_key=secret, policy=policy)  # noqa: E731
    else:
        opener = lambda: Store.open(store_path, username=username, password=secret, policy=policy)  # noqa: E731
    store = open_throttled(store_path, username, clock, opener)
    try:
        # Read only: a refused restore leaves the live store byte-identical. Failed attempts
        # stay in the throttle file and reach the audit log at the next sign-in.
        with UnitOfWork(store) as uow:
            user = uow.users.get(username)
            if user is None or not user.active or not user.has(Role.ADMIN):
                raise AuthError("restore_needs_live_admin")
            return _LiveFacts(
                store.key_file.store_id,
                uow.audit.count(),
                frozenset(u.username for u in uow.users.all()),
                frozenset(r.id for r in uow.retention.runs() if r.status == "done"),
                tuple(uow.retention.erasures()),
            )
    finally:
        store.close()


def _open_backup(
    store_path: Path,
    db: Path,
    username: str,
    secret: str,
    as_recovery: bool,
    clock: Clock,
    policy: KdfPolicy,
) -> Store:
    """Open the unpacked backup with the user's password or, failing that, as its recovery key."""

    def opener() -> Store:
        if not as_recovery:
            try:
                return Store.open(db, username=username, password=secret, policy=policy, backup_before_migration=False)
            except AuthError:
                pass
        return Store.open(db, recovery_key=secret, policy=policy, backup_before_migration=False)

    return open_throttled(store_path, username, clock, opener)


def _verify(store: Store, username: str, *, needs_admin: bool) -> None:
    found = store.integrity_problems()
    with UnitOfWork(store) as uow:
        user = uow.users.get(username)
        chain = uow.audit.verify()
    if needs_admin and (user is None or not user.active or not user.has(Role.ADMIN)):
        raise AuthError("not_permitted", roles="admin")
    problems = [f"{name}: {items[0]}" for name, items in found.items() if items]
    problems += [f"audit #{seq}: {code}" for seq, code in chain]
    if problems:
        raise StoreError("backup_verification_failed", detail="; ".join(problems[:5]))


def _preview(store: Store, live: _LiveFacts | None, extracted: store_backup.ExtractedBackup) -> RestorePreview:
    with UnitOfWork(store) as uow:
        events = uow.audit.count()
        users = {u.username for u in uow.users.all()}
        runs = {r.id for r in uow.retention.runs() if r.status == "done"}
    created = str(extracted.manifest.get("created_at", ""))
    if live is None:
        return RestorePreview(created, 0, (), 0, 0)
    return RestorePreview(
        created,
        max(live.events - events, 0),
        tuple(sorted(live.users - users)),
        len(live.done_runs - runs),
        len(live.register),
    )


def _carry_throttle_token(store: Store, store_path: Path) -> None:
    """The waiting file beside the store stays; give the restored store its token, or the next
    sign-in would report a reset of the file that did not happen."""
    token = SignInThrottle(store_path).load().token
    if token is None:
        return
    with UnitOfWork(store, write=True) as uow:
        uow.audit.set_throttle_token(token)


def _reapply_erasures(store: Store, live: _LiveFacts | None, username: str, clock: Clock) -> int:
    """Erase again in the backup what was erased in the live store, and record the restore."""
    with UnitOfWork(store, write=True) as uow:
        erased = uow.retention.reapply_erasures(live.register if live else ())
        entries = [AuditEntry(clock.now(), username, "store_restored")]
        entries += [AuditEntry(clock.now(), username, "client_erased_again", "client", cid, cid) for cid in erased]
        uow.audit.append_many(entries)
    if erased:
        store.wipe_deleted()
    return len(erased)
