"""Where the data lives: engine, sessions, migrations.

This is the only module that knows SQLite from PostgreSQL.  Everything else receives a
``Store`` and asks it for a short session per operation:

* ``store.read()``  — a session for queries;
* ``store.write()`` — a session for read-then-write work.  On SQLite it starts with
  ``BEGIN IMMEDIATE`` (a deferred BEGIN upgraded to a write lock fails with "database is
  locked" under two writers, busy timeout or not); on PostgreSQL callers lock the rows
  they decide on (``with_for_update``).

Both commit when the block ends without an exception and roll back otherwise.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from checkin.core import migrations

ENV_VAR = "CHECKIN_DB"
APP_NAME = "checkin"
BUSY_TIMEOUT_MS = 10_000


class StoreError(Exception):
    """A database that cannot be opened or used; the message is meant for the user."""


def data_dir() -> Path:
    """The per-user directory for databases and backups (platformdirs, no Qt)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path(demo: bool = False) -> Path:
    return data_dir() / ("demo.sqlite" if demo else "checkin.sqlite")


def resolve_url(db: str | None = None, *, demo: bool = False) -> str:
    """Turn ``--db`` / ``CHECKIN_DB`` / the default into a SQLAlchemy URL.

    ``--db`` wins over the environment; ``--demo`` without ``--db`` uses a database of
    its own so trying the demo never touches real data.
    """
    value = db or (None if demo else os.environ.get(ENV_VAR)) or None
    if value is None:
        return "sqlite:///" + str(default_db_path(demo))
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


@dataclass(frozen=True)
class StoreInfo:
    url: str
    dialect: str
    path: Path | None
    revision: str


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    # Let us issue BEGIN ourselves (pysqlite's implicit transactions get in the way).
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    # FULL: a scan shown as admitted survives a power cut (fsync of the WAL per commit).
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    # Checkpoints run on the Checkpointer's thread, not inside a scan's commit (where
    # they were the 1% of scans that took 5-25 ms instead of 1).
    cur.execute("PRAGMA wal_autocheckpoint = 0")
    # After a burst (a replayed scanner log) the WAL is cut back to this size on reset.
    cur.execute("PRAGMA journal_size_limit = 67108864")
    cur.close()


class Checkpointer:
    """Copies the WAL into the database file every few seconds, off the scan path.

    PASSIVE checkpoints never block writers.  One completes whenever writing pauses for
    a moment (at a desk, between any two people); during a sustained burst the WAL grows
    until the burst ends.  The last connection to close checkpoints and removes the WAL
    as usual, so short CLI runs need nothing more.
    """

    def __init__(self, path: Path, interval_s: float = 1.0) -> None:
        self.path = path
        self.interval_s = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sqlite-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            while not self._stop.wait(self.interval_s):
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            conn.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def _sqlite_begin(conn) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def _private_file(path: Path) -> None:
    """Personal data: the database and its WAL are readable by the user only."""
    if os.name != "posix":
        return
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            if stat.S_IMODE(p.stat().st_mode) & 0o077:
                p.chmod(0o600)


class Store:
    """An open, migrated database."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        try:
            self.url = make_url(url)
        except ArgumentError as exc:
            raise StoreError(f"Not a database path or URL: {url!r}") from exc
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.path: Path | None = None
        if self.is_sqlite:
            self.engine = self._sqlite_engine()
        else:
            self.engine = create_engine(self.url, pool_pre_ping=True, future=True)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        writer = (
            self.engine.execution_options(sqlite_begin="IMMEDIATE")
            if self.is_sqlite
            else self.engine
        )
        self._write = sessionmaker(writer, expire_on_commit=False)
        self._writer = writer
        try:
            self.revision = migrations.ensure_current(self.engine) if migrate else ""
        except migrations.MigrationError as exc:
            self.engine.dispose()
            raise StoreError(str(exc)) from exc
        except (OperationalError, DBAPIError) as exc:
            self.engine.dispose()
            raise StoreError(_describe_db_error(exc, self)) from exc
        self._checkpointer = None
        if self.path is not None:
            _private_file(self.path)
            self._checkpointer = Checkpointer(self.path)

    def _sqlite_engine(self) -> Engine:
        database = self.url.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            self.path = Path(database)
            parent = self.path.parent
            if not parent.exists():
                parent.mkdir(parents=True, mode=0o700)
            if not self.path.exists():
                # Create it private before SQLite writes a byte of personal data into it.
                fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
                os.close(fd)
        engine = create_engine(self.url, future=True)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def info(self) -> StoreInfo:
        return StoreInfo(
            url=self.url.render_as_string(hide_password=True),
            dialect=self.dialect,
            path=self.path,
            revision=self.revision,
        )

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        with self._write() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def write_conn(self) -> Iterator[Connection]:
        """Like ``write()`` but a Core connection: no ORM bookkeeping, for the scan path."""
        with self._writer.begin() as conn:
            yield conn

    def data_version(self) -> int:
        """A cheap number that changes when another connection commits (SQLite only).

        On other databases returns -1: callers then compare the journal's last id.
        """
        if not self.is_sqlite:
            return -1
        with self.engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA data_version").scalar_one())

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def integrity_ok(self) -> bool:
        if not self.is_sqlite:
            return True
        with self.engine.connect() as conn:
            return conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _describe_db_error(exc: Exception, store: Store) -> str:
    where = str(store.path) if store.path else store.url.render_as_string(hide_password=True)
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
    if "file is not a database" in detail or "malformed" in detail:
        return f"{where} is not a checkin database or is damaged ({detail})."
    if "locked" in detail:
        return f"{where} is locked by another program; close it and try again."
    if "readonly" in detail or "read-only" in detail:
        return f"{where} is read-only; checkin needs to write to it."
    return f"Cannot open the database {where}: {detail}"


def open_store(db: str | None = None, *, demo: bool = False) -> Store:
    return Store(resolve_url(db, demo=demo))
