"""``verify --server``: the checks of a local store's ``verify`` that apply to the office server
(the server's storage itself is the IT's: PostgreSQL checksums, backups)."""

from __future__ import annotations

from pathlib import Path

from jmd_desk.domain.clock import Clock
from jmd_desk.domain.errors import AuthError
from jmd_desk.services.accounts import normalise_username
from jmd_desk.services.server_admin import open_profile
from jmd_desk.services.verify import CheckResult
from jmd_desk.store.keyfile import KdfPolicy
from jmd_desk.store.server.checks import ServerChecks
from jmd_desk.store.server.server_store import ServerStore


def verify_server(
    profile_path: Path, username: str, password: str, *, clock: Clock, policy: KdfPolicy
) -> list[CheckResult]:
    """Run every check as the signed-in person; the run itself is audited."""
    store = ServerStore.open(open_profile(profile_path), normalise_username(username), password, policy)
    try:
        user = store.user()
        if user is None or not user.active:
            raise AuthError("not_permitted", roles="any")
        checks = ServerChecks(store)
        results = [CheckResult(name, not findings, tuple(findings)) for name, findings in checks.run()]
        checks.record("store_verified" if all(r.ok for r in results) else "store_verify_failed", clock.now())
    finally:
        store.close()
    return results
