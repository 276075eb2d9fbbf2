"""SQL of revision 0012: planner settings of the office database.

Row-level security makes the planner price every case-data query far too high: each policy is a
subplan whose cost it cannot know, so a counsellor's client list (20,000 contacts, 1,300 cases)
was priced at nine million and PostgreSQL compiled it with JIT — 1.9 s of compiling for 60 ms of
work (EXPLAIN ANALYZE as a counsellor, see README "Speed"). JIT pays off only for long analytic
queries; the office's queries are short, so it is off for this database. Set on the database (its
owner may), it applies to every login of the office and to nobody else on the server. The
program's connections also ask for it (``connection.conninfo``): a database restored by
``pg_dump`` without ``--create`` has lost its settings.
"""

from __future__ import annotations

UPGRADE = "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET jit = off', current_database()); END $$;"
DOWNGRADE = "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET jit', current_database()); END $$;"


def upgrade_statements() -> list[str]:
    """Everything revision 0012 runs on PostgreSQL."""
    return [UPGRADE]


def downgrade_statements() -> list[str]:
    """Undo revision 0012."""
    return [DOWNGRADE]
