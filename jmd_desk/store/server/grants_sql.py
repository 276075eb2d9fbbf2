"""Who may call the server's SQL functions: the application role only, never PUBLIC."""

from __future__ import annotations


def execute_grants(signatures: tuple[str, ...]) -> list[str]:
    """Only the application role may call these functions."""
    statements = []
    for signature in signatures:
        statements.append(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
        statements.append(
            f"DO $$ BEGIN EXECUTE format('GRANT EXECUTE ON FUNCTION {signature} TO %I', jmd_app_role()); END $$;"
        )
    return statements
