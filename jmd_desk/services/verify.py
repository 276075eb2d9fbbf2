"""Checking a store: encryption (page MACs), SQLite integrity, audit chain, schema revision."""

from __future__ import annotations

from dataclasses import dataclass

from jmd_desk.services.session import UserSession


@dataclass(frozen=True)
class CheckResult:
    """One check: its name, whether it passed, and what it found."""

    name: str
    ok: bool
    findings: tuple[str, ...] = ()


def verify_store(session: UserSession) -> list[CheckResult]:
    """Run every check; the run itself is audited."""
    found = session.store.integrity_problems()
    with session.uow() as uow:
        chain = uow.audit.verify()
    results = [
        CheckResult("cipher", not found["cipher"], tuple(found["cipher"])),
        CheckResult("sqlite", not found["sqlite"], tuple(found["sqlite"])),
        CheckResult("foreign_keys", not found["foreign_keys"], tuple(found["foreign_keys"])),
        CheckResult("audit_chain", not chain, tuple(f"#{seq}: {code}" for seq, code in chain)),
        CheckResult("schema", not found["schema"], tuple(found["schema"])),
    ]
    with session.uow(write=True) as uow:
        session.audit(uow, "store_verified" if all(r.ok for r in results) else "store_verify_failed")
    return results
