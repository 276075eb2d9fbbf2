"""Migrations run on the keyed connection and produce exactly the schema of the models."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from jmd_desk.store import migrate
from jmd_desk.store.engine import make_engine
from jmd_desk.store.keyfile import new_db_key
from jmd_desk.store.schema import Base
from jmd_desk.store.store import Store
from tests.conftest import ADMIN_PASSWORD, POLICY


def _empty_engine(tmp_path: Path):
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "m.jmd"
    path.touch()
    return make_engine(path, new_db_key())


def test_upgrade_empty_store_matches_models(tmp_path: Path) -> None:
    engine = _empty_engine(tmp_path)
    try:
        migrate.upgrade(engine)
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_downgrade_and_upgrade_round_trip(tmp_path: Path) -> None:
    engine = _empty_engine(tmp_path)
    try:
        migrate.upgrade(engine)
        with engine.connect() as conn:
            tables_at_head = set(inspect(conn).get_table_names())
        migrate.downgrade(engine, "base")
        with engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
            assert migrate.current_revision(conn) is None
        migrate.upgrade(engine)
        with engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) == tables_at_head
    finally:
        engine.dispose()


def test_single_head_and_known_revisions() -> None:
    assert migrate.head_revision() in migrate.known_revisions()
    assert (migrate.script_location() / "env.py").is_file()


def test_opening_an_older_store_backs_up_then_upgrades(store_path: Path) -> None:
    store = Store.open(store_path, username="admin", password=ADMIN_PASSWORD, policy=POLICY)
    first = sorted(migrate.known_revisions())[0]
    migrate.downgrade(store.engine, first)
    store.close()
    assert not (store_path.parent / "backups").exists()
    store = Store.open(store_path, username="admin", password=ADMIN_PASSWORD, policy=POLICY)
    try:
        with store.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
    finally:
        store.close()
    backups = sorted((store_path.parent / "backups").glob("*.jmd"))
    assert len(backups) == 1 and first in backups[0].name
    assert backups[0].read_bytes()[:16] != b"SQLite format 3\x00"
    old = Store.open(
        backups[0], username="admin", password=ADMIN_PASSWORD, policy=POLICY, backup_before_migration=False
    )
    old.close()


def _shape(engine) -> dict[str, object]:
    """Everything SQLite knows about each table: columns (name, type, not null, default, key),
    indexes with their columns and uniqueness, foreign keys with their actions; order-free."""
    shape: dict[str, object] = {}
    with engine.connect() as conn:
        tables = [r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            columns = {tuple(r[1:]) for r in conn.exec_driver_sql(f"PRAGMA table_info('{table}')")}
            indexes = {
                (r[1], r[2], tuple(c[2] for c in conn.exec_driver_sql(f"PRAGMA index_info('{r[1]}')")))
                for r in conn.exec_driver_sql(f"PRAGMA index_list('{table}')")
            }
            keys = {tuple(r[2:]) for r in conn.exec_driver_sql(f"PRAGMA foreign_key_list('{table}')")}
            shape[table] = (columns, indexes, keys)
        shape["revision"] = migrate.current_revision(conn)
    return shape


def test_a_new_store_gets_exactly_the_schema_of_the_migration_chain(tmp_path: Path) -> None:
    chain, fresh = _empty_engine(tmp_path / "chain"), _empty_engine(tmp_path / "fresh")
    try:
        migrate.upgrade(chain)
        migrate.create_schema(fresh)
        assert _shape(fresh) == _shape(chain)
    finally:
        chain.dispose()
        fresh.dispose()
