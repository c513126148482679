"""Store: pragmas, private files, URL resolution, migrations."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
import time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from checkin.core.db import migrations
from checkin.core.db.models import Base
from checkin.core.db.store import Checkpointer, Store, StoreError, resolve_url
from checkin.core.desk import journal
from tests.conftest import insert_delegates

DATA = Path(__file__).resolve().parents[2] / "data"


def test_sqlite_pragmas_for_durability(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_database_is_readable_by_the_user_only(store, db_path):
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        assert stat.S_IMODE(wal.stat().st_mode) & 0o077 == 0


def test_resolve_url_order(monkeypatch, tmp_path):
    monkeypatch.setenv("CHECKIN_DB", str(tmp_path / "env.sqlite"))
    assert resolve_url(None).endswith("env.sqlite")
    assert resolve_url(str(tmp_path / "arg.sqlite")).endswith("arg.sqlite")
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    # The demo never touches the database named in the environment.
    assert resolve_url(None, demo=True).endswith("demo.sqlite")


def test_head_constant_matches_the_migration_scripts():
    script = ScriptDirectory.from_config(migrations.alembic_config())
    assert script.get_current_head() == migrations.HEAD
    assert set(migrations.KNOWN) == {r.revision for r in script.walk_revisions()}


def test_models_and_migrations_agree(store):
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_a_second_open_skips_alembic(db_path, store):
    store.close()
    again = Store("sqlite:///" + str(db_path))
    assert again.revision == migrations.HEAD
    again.close()


def test_database_from_a_newer_version_is_refused_clearly(db_path, store):
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    with pytest.raises(StoreError, match="newer version of checkin"):
        Store("sqlite:///" + str(db_path))


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path):
    junk = tmp_path / "notes.sqlite"
    junk.write_bytes(b"this is a text file, not SQLite" * 100)
    with pytest.raises(StoreError, match="not a checkin database or is damaged"):
        Store("sqlite:///" + str(junk))


def test_every_revision_upgrades_to_head(tmp_path):
    """Step through the chain: a database left at any revision opens in this version."""
    script = ScriptDirectory.from_config(migrations.alembic_config())
    for rev in [r.revision for r in script.walk_revisions()]:
        path = tmp_path / f"at-{rev}.sqlite"
        engine_store = Store("sqlite:///" + str(path), migrate=False)
        migrations.upgrade(engine_store.engine, rev)
        engine_store.close()
        opened = Store("sqlite:///" + str(path))
        assert opened.revision == migrations.HEAD
        opened.close()


def test_every_revision_upgrades_to_head_on_postgresql(pg_admin):
    """The same chain on the shared server: each desk upgrades it when it starts."""
    from tests import pg

    script = ScriptDirectory.from_config(migrations.alembic_config())
    for rev in [r.revision for r in script.walk_revisions()]:
        url = pg.fresh_database(pg_admin)
        engine_store = Store(url, migrate=False)
        migrations.upgrade(engine_store.engine, rev)
        engine_store.close()
        opened = Store(url)
        assert opened.revision == migrations.HEAD
        with opened.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        opened.close()


@pytest.mark.parametrize("fixture", sorted((DATA / "db").glob("*.sqlite")), ids=lambda p: p.name)
def test_databases_written_by_older_versions_open_and_keep_their_data(tmp_path, fixture):
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    with sqlite3.connect(path) as raw:
        delegates = raw.execute("SELECT count(*) FROM delegates").fetchone()[0]
        scans = raw.execute("SELECT count(*) FROM scans").fetchone()[0]
    assert delegates > 0 and scans > 0
    opened = Store("sqlite:///" + str(path))
    assert opened.revision == migrations.HEAD
    with opened.read() as s:
        assert s.execute(text("SELECT count(*) FROM delegates")).scalar() == delegates
        assert s.execute(text("SELECT count(*) FROM scans")).scalar() == scans
    assert opened.integrity_ok()
    # What the migrations derived from the old journal equals a rebuild from it.
    derived = _projections(opened)
    with opened.write() as s:
        for event_id in s.execute(text("SELECT id FROM events")).scalars():
            journal.rebuild(s, event_id)
    assert _projections(opened) == derived
    assert any(row[1] is not None for row in derived[1])  # somebody had arrived
    opened.close()


def _projections(store):
    with store.read() as s:
        admissions = s.execute(text(
            "SELECT delegate_id, scope, scan_id, admitted_at, source FROM admissions "
            "ORDER BY delegate_id, scope")).all()
        arrivals = s.execute(text(
            "SELECT id, arrived_at, arrived_via FROM delegates ORDER BY id")).all()
    return admissions, arrivals


def test_checkpoints_happen_off_the_scan_path(store, db_path, event):
    """Commits leave the WAL alone; the background checkpointer copies it into the file."""
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
    insert_delegates(store, event, [{} for _ in range(50)])

    def rows_in_main_file() -> int:
        # immutable=1 reads the database file alone, ignoring the WAL.
        uri = f"file:{db_path}?immutable=1"
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as raw:
            try:
                return raw.execute("SELECT count(*) FROM delegates").fetchone()[0]
            except sqlite3.OperationalError:  # not even the schema is in the file yet
                return -1

    checkpointer = store._checkpointer
    assert checkpointer is not None
    for _ in range(10):  # a pass may find a reader in the way; the next one completes
        assert checkpointer.wait_for_pass(timeout=30), "the checkpointer stopped"
        if rows_in_main_file() == 50:
            break
    assert rows_in_main_file() == 50, "the WAL was never checkpointed"


def test_a_checkpoint_comes_right_after_a_commit_not_into_the_next(tmp_path):
    """While the store is written to, the checkpointer runs when a commit has returned
    (the desk's pause before the next person), not on a clock that may fall inside the
    next commit; idle, on its clock."""
    db_path = tmp_path / "cp.sqlite"
    store = Store(f"sqlite:///{db_path}")
    try:
        store._checkpointer.stop()
        # Never on its clock (an hour), at every commit (no interval between two).
        checkpointer = store._checkpointer = Checkpointer(db_path, interval_s=0, idle_s=3600)
        assert not checkpointer.wait_for_pass(timeout=0.2)  # no commit: nothing runs
        before = []
        for n in range(3):
            seen = checkpointer.passes
            with store.write_conn() as conn:
                conn.exec_driver_sql(f"CREATE TABLE t{n} (x)")
                before.append(time.perf_counter())  # (just before the commit)
            assert checkpointer.wait_for_pass(timeout=30, after=seen)
            assert checkpointer.passes == seen + 1  # one per commit
        began = [a for a, _b in checkpointer.spans]
        assert len(began) == 3 and all(a >= b for a, b in zip(began, before, strict=True))
    finally:
        store.close()
