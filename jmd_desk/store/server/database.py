"""SQLAlchemy engines over verified server connections, and migrations on the server."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.pool import QueuePool

from jmd_desk.store import migrate
from jmd_desk.store.server import connection
from jmd_desk.store.server.profile import ServerProfile


def make_engine(profile: ServerProfile, user: str, secret: str, pool_size: int = 2) -> Engine:
    """An engine whose every pooled connection is opened by ``connection.connect``."""
    return create_engine(
        "postgresql+psycopg://",
        creator=lambda: connection.connect(profile, user, secret),
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=2,
        pool_pre_ping=True,
        hide_parameters=True,  # error texts must never carry names or notes
    )


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run the same Alembic history as a local store, in one transaction (DDL is transactional)."""
    with engine.connect() as conn, conn.begin():
        upgrade_on(conn, target)


def upgrade_on(conn: Connection, target: str = "head") -> None:
    """Upgrade inside the caller's transaction (``server setup`` adds its rows to the same one)."""
    command.upgrade(migrate.alembic_config(conn), target)
