"""Backups (manual, automatic on exit at most daily, rotated) and verified restores."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jmd_desk.domain.clock import Clock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, StoreError
from jmd_desk.services import settings as office
from jmd_desk.services.session import UserSession
from jmd_desk.store import backup as store_backup
from jmd_desk.store.keyfile import KdfPolicy
from jmd_desk.store.store import Store
from jmd_desk.store.uow import UnitOfWork

AUTO_PREFIX = "auto-"
SUFFIX = store_backup.SUFFIX


def backup_folder(session: UserSession) -> Path:
    """Where automatic backups go (beside the store)."""
    return session.store.paths.backups


def create_backup(session: UserSession, target: Path) -> Path:
    """A manual encrypted backup to ``target`` (admin)."""
    session.require(Role.ADMIN)
    return _backup(session, target, "backup_created")


def _backup(session: UserSession, target: Path, action: str) -> Path:
    with session.uow(write=True) as uow:
        session.audit(uow, action)
    return store_backup.backup_open_store(session.store, target, session.clock.now())


def auto_backup(session: UserSession) -> Path | None:
    """On exit: one automatic backup per day, keeping the number the office set."""
    folder = backup_folder(session)
    stem = session.store.paths.db.stem
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
    return made


def backup_without_password(path: Path, target: Path, clock: Clock) -> Path:
    """Back up a closed store as it is (its files are encrypted; no password needed)."""
    return store_backup.backup_closed_store(path, target, clock.now())


@dataclass(frozen=True)
class RestoreResult:
    """Where the replaced store was kept (None if there was none)."""

    kept: Path | None


def restore(
    store_path: Path,
    backup_file: Path,
    username: str,
    password: str,
    *,
    clock: Clock,
    policy: KdfPolicy,
) -> RestoreResult:
    """Verify a backup completely, then put it in place of the store (admin of the backup).

    Nothing is replaced unless the backup opens with the given account, its encryption and
    SQLite integrity checks pass, its schema is known and its audit chain is intact.
    """
    username = username.strip().lower()
    store_path.parent.mkdir(parents=True, exist_ok=True)
    extracted = store_backup.extract(backup_file, store_path.parent)
    try:
        _verify(extracted.db, username, password, policy)
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        kept = store_backup.replace_store(store_path, extracted, stamp)
    finally:
        extracted.discard()
    store = Store.open(store_path, username=username, password=password, policy=policy)
    try:
        with UnitOfWork(store, write=True) as uow:
            uow.audit.append(clock.now(), username, "store_restored")
    finally:
        store.close()
    return RestoreResult(kept)


def _verify(db: Path, username: str, password: str, policy: KdfPolicy) -> None:
    store = Store.open(db, username=username, password=password, policy=policy, backup_before_migration=False)
    try:
        found = store.integrity_problems()
        with UnitOfWork(store) as uow:
            user = uow.users.get(username)
            chain = uow.audit.verify()
        if user is None or not user.has(Role.ADMIN):
            raise AuthError("not_permitted", roles="admin")
        problems = [f"{name}: {items[0]}" for name, items in found.items() if items]
        problems += [f"audit #{seq}: {code}" for seq, code in chain]
        if problems:
            raise StoreError("backup_verification_failed", detail="; ".join(problems[:5]))
    finally:
        store.close()
