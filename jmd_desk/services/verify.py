"""Checking a store: encryption (page MACs), SQLite integrity, audit chain, schema revision."""

from __future__ import annotations

from dataclasses import dataclass

from jmd_desk.services.session import UserSession
from jmd_desk.store.keyfile import RECOVERY_SLOT
from jmd_desk.store.server.checks import ServerChecks
from jmd_desk.store.server.server_store import ServerStore
from jmd_desk.store.store import Store
from jmd_desk.store.uow import UnitOfWork


@dataclass(frozen=True)
class CheckResult:
    """One check: its name, whether it passed, and what it found."""

    name: str
    ok: bool
    findings: tuple[str, ...] = ()


def verify_store(session: UserSession) -> list[CheckResult]:
    """Run every check; the run itself is audited."""
    results = _server_checks(session) if session.on_server else _local_checks(session)
    with session.uow(write=True) as uow:
        session.audit(uow, "store_verified" if all(r.ok for r in results) else "store_verify_failed")
    return results


def _server_checks(session: UserSession) -> list[CheckResult]:
    """What a workstation checks on the office server (see ``store.server.checks``)."""
    assert isinstance(session.store, ServerStore)
    return [CheckResult(name, not found, tuple(found)) for name, found in ServerChecks(session.store).run()]


def _local_checks(session: UserSession) -> list[CheckResult]:
    assert isinstance(session.store, Store)
    found = session.store.integrity_problems()
    with session.uow() as uow:
        chain = uow.audit.verify()
        checkpoints = _checkpoint_findings(session, uow)
        users = session.store.roster_findings(uow.users.accounts(), session.policy.floor)
    office_key = _office_key_findings(session)
    return [
        CheckResult("cipher", not found["cipher"], tuple(found["cipher"])),
        CheckResult("sqlite", not found["sqlite"], tuple(found["sqlite"])),
        CheckResult("foreign_keys", not found["foreign_keys"], tuple(found["foreign_keys"])),
        CheckResult("audit_chain", not chain, tuple(f"#{seq}: {code}" for seq, code in chain)),
        CheckResult("audit_checkpoints", not checkpoints, tuple(checkpoints)),
        CheckResult("user_list", not users, tuple(users)),
        CheckResult("office_key", not office_key, tuple(office_key)),
        CheckResult("schema", not found["schema"], tuple(found["schema"])),
    ]


def _office_key_findings(session: UserSession) -> list[str]:
    """A signed list whose recovery slot lacks the office signing key (a version 1 key file
    upgraded at an admin's sign-in): the key can only be wrapped under the recovery key by
    someone who has that key, and handing it to other admins at their sign-in would need it
    somewhere they reach without its holder, i.e. where every key holder reaches it. So the
    office is told to re-key (or at least to make a new recovery key)."""
    key_file = session.local_store.key_file
    recovery = key_file.slot(RECOVERY_SLOT)
    if key_file.roster is None or recovery is None or recovery.damaged is not None or recovery.signing is not None:
        return []
    return ["recovery_slot_without_office_key", "rekey_recommended"]


def _checkpoint_findings(session: UserSession, uow: UnitOfWork) -> list[str]:
    """Events cut or rewritten up to a signed checkpoint (only a valid signature counts)."""
    key_file = session.local_store.key_file
    if key_file.roster is None or not key_file.signature_ok():
        return []
    found = []
    last_seq = uow.audit.head()[0] if uow.audit.count() else 0
    for seq, digest in key_file.roster.checkpoints:
        stored = uow.audit.hash_at(seq)
        if stored is None:
            found.append(f"#{seq}: audit_emptied" if last_seq == 0 else f"#{seq}: audit_cut_before_checkpoint")
        elif stored != digest:
            found.append(f"#{seq}: audit_rewritten_before_checkpoint")
    return sorted(set(found))[:20]
