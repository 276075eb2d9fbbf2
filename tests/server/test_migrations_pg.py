"""The same Alembic history runs on PostgreSQL: up, down to the last shared revision, up again."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import Engine, inspect

from jmd_desk.store import migrate
from jmd_desk.store.schema import Base
from jmd_desk.store.server import database
from jmd_desk.store.server.profile import load_profile
from tests.pg_cluster import PgCluster
from tests.server.conftest import OWNER, OWNER_PASSWORD, create_office_database, write_profile


def test_round_trip_on_postgresql(pg_cluster: PgCluster, tmp_path: Path) -> None:
    create_office_database(pg_cluster, "migrations")
    profile = load_profile(write_profile(tmp_path, pg_cluster, "migrations"))
    engine = database.make_engine(profile, OWNER, OWNER_PASSWORD)
    try:
        database.upgrade(engine)
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            tables = set(inspect(conn).get_table_names())
            policies = conn.exec_driver_sql("SELECT count(*) FROM pg_policies WHERE schemaname = 'public'").scalar()
        assert tables == {*Base.metadata.tables, "alembic_version", "office_key_slots"}
        assert policies and policies > 10
        assert _database_settings(engine) == ["jit=off"]  # 0012: for every login of the database
        with engine.connect() as conn, conn.begin():
            command.downgrade(migrate.alembic_config(conn), "0008")  # the server revisions only
        with engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) == {*Base.metadata.tables, "alembic_version"}
            assert conn.exec_driver_sql("SELECT count(*) FROM pg_policies").scalar() == 0
        assert _database_settings(engine) == []
        database.upgrade(engine)
        with engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) == tables
    finally:
        engine.dispose()


def _database_settings(engine: Engine) -> list[str]:
    """What ALTER DATABASE … SET stored for the office database (for every role)."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT unnest(setconfig) FROM pg_db_role_setting WHERE setrole = 0 AND setdatabase = "
            "(SELECT oid FROM pg_database WHERE datname = current_database())"
        )
        return [str(r[0]) for r in rows]


def test_program_connections_run_without_jit(pg_cluster: PgCluster, tmp_path: Path) -> None:
    """Even on a database restored without its settings (pg_dump without --create)."""
    create_office_database(pg_cluster, "without_jit")
    engine = database.make_engine(
        load_profile(write_profile(tmp_path, pg_cluster, "without_jit")), OWNER, OWNER_PASSWORD
    )
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW jit").scalar() == "off"
    finally:
        engine.dispose()
