"""Alembic environment for JMD Desk.

The program runs migrations itself on its keyed SQLCipher connection, passed in through
``config.attributes["connection"]``. For developers, ``alembic -x url=sqlite:///dev.db``
works on a plain SQLite file (schema only, never real data).
"""

from alembic import context
from sqlalchemy import Connection, create_engine

from jmd_desk.store.schema import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run on the given connection (the program) or on the developer's URL."""
    connectable = config.attributes.get("connection")
    if connectable is None:
        url = context.get_x_argument(as_dictionary=True).get("url")
        if not url:
            raise SystemExit("Use: alembic -x url=sqlite:///dev.db <command>")
        connectable = create_engine(url)
    if isinstance(connectable, Connection):
        _run(connectable)
    else:
        with connectable.connect() as connection:
            _run(connection)


if context.is_offline_mode():
    raise SystemExit("Offline (SQL script) migrations are not supported.")
run_migrations_online()
