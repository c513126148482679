"""Where the data lives: engine, sessions, migrations.

This is the only module that knows SQLite from PostgreSQL.  Everything else receives a
``Store`` and asks it for a short session per operation:

* ``store.read()``  — a session for queries;
* ``store.write()`` — a session for read-then-write work.  On SQLite it starts with
  ``BEGIN IMMEDIATE`` (a deferred BEGIN upgraded to a write lock fails with "database is
  locked" under two writers, busy timeout or not); on PostgreSQL callers lock the rows
  they decide on (``with_for_update``).

Both commit when the block ends without an exception and roll back otherwise.

SQLite's own failures (damaged file, disk full, read-only, locked by another program,
a vanished USB stick) surface from any of them as ``StoreError`` with a message that
says what happened and the way out (``checkin restore`` with the newest backup's path,
``--read-only``), never as a driver traceback.  ``Store(url, read_only=True)`` opens a
SQLite file for reading only: to look at and export from a file that cannot be written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from checkin.core.db import migrations
from checkin.core.db.location import (  # noqa: F401  (re-exported: where --db points)
    APP_NAME,
    ENV_VAR,
    data_dir,
    default_db_path,
    resolve_url,
)
from checkin.core.errors import UserError, translatable

BUSY_TIMEOUT_MS = 10_000


class StoreError(UserError):
    """A database that cannot be opened or used; the message is meant for the user."""


@dataclass(frozen=True)
class StoreInfo:
    url: str
    dialect: str
    path: Path | None
    revision: str


def _set_read_only_pragmas(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA query_only = ON")
    cur.close()


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

    A checkpoint writes and syncs the database file; a scan's commit arriving meanwhile
    waits behind it on the disk (the soak saw 10-20 ms).  So while the store is written
    to, it runs just after a commit (``written``), at most every ``interval_s``: a desk
    commits a scan and then waits for the next person, tens of milliseconds at least,
    which is when the disk is free.  Without commits it runs every ``idle_s``.
    """

    def __init__(self, path: Path, interval_s: float = 1.0, idle_s: float | None = None) -> None:
        self.path = path
        self.interval_s = interval_s
        self.idle_s = interval_s if idle_s is None else idle_s
        self._stop = threading.Event()
        self._written = threading.Event()
        self._passes = 0  # checkpoints attempted so far (tests wait on it, not on a clock)
        self._passed = threading.Condition()
        # (start, end) perf_counter of the latest checkpoints: the soak benchmark lines
        # its latency spikes up against them.
        self.spans: deque[tuple[float, float]] = deque(maxlen=1000)
        self._thread = threading.Thread(target=self._run, name="sqlite-checkpoint", daemon=True)
        self._thread.start()

    def written(self) -> None:
        """A commit has just returned: a checkpoint now would not be in its way."""
        self._written.set()

    def _run(self) -> None:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        last = time.monotonic()
        try:
            while True:
                self._written.wait(self.idle_s)
                self._written.clear()
                if self._stop.is_set():
                    break
                if time.monotonic() - last < self.interval_s:
                    continue  # (the first commit after the interval will do)
                last = time.monotonic()
                began = time.perf_counter()
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                self.spans.append((began, time.perf_counter()))
                with self._passed:
                    self._passes += 1
                    self._passed.notify_all()
        finally:
            conn.close()

    @property
    def passes(self) -> int:
        return self._passes

    def wait_for_pass(self, timeout: float, after: int | None = None) -> bool:
        """Block until a checkpoint attempt after the ``after``-th (default: the next
        one) has run; False after ``timeout`` s."""
        with self._passed:
            seen = self._passes if after is None else after
            return self._passed.wait_for(lambda: self._passes > seen, timeout)

    def stop(self) -> None:
        self._stop.set()
        self._written.set()  # (wakes it now)
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

    def __init__(self, url: str, *, migrate: bool = True, read_only: bool = False) -> None:
        try:
            self.url = make_url(url)
        except ArgumentError as exc:
            raise StoreError("Not a database path or URL: %1", repr(url)) from exc
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.read_only = read_only
        self.path: Path | None = None
        if read_only and not self.is_sqlite:
            raise StoreError("Only a SQLite file can be opened read-only.")
        if read_only:
            self.engine = self._read_only_engine()
        elif self.is_sqlite:
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
            if read_only:
                self.revision = self._check_revision()
            else:
                self.revision = migrations.ensure_current(self.engine) if migrate else ""
        except migrations.MigrationError as exc:
            self.engine.dispose()
            raise StoreError("%1", str(exc)) from exc  # the migration's own words
        except (OperationalError, DBAPIError) as exc:
            self.engine.dispose()
            raise StoreError(*_describe_db_error(exc, self)) from exc
        self._checkpointer = None
        if self.path is not None and not read_only:
            _private_file(self.path)
            self._checkpointer = Checkpointer(self.path)

    def _sqlite_engine(self) -> Engine:
        database = self.url.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            self.path = Path(database)
            # exist_ok: desks started together on one machine (their offline copies
            # live in the same folder) may create it at the same moment.
            self.path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
            if not self.path.exists():
                # Create it private before SQLite writes a byte of personal data into it.
                fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
                os.close(fd)
        engine = create_engine(self.url, future=True)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine

    def _read_only_engine(self) -> Engine:
        database = self.url.database or ""
        if not database or database == ":memory:" or database.startswith("file:"):
            raise StoreError("Only a SQLite file can be opened read-only.")
        self.path = Path(database)
        if not self.path.is_file():
            raise StoreError("%1 does not exist.", self.path)
        from urllib.parse import quote

        uri = f"file:{quote(str(self.path))}?mode=ro"
        engine = create_engine(
            "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            future=True,
        )  # fmt: skip
        event.listen(engine, "connect", _set_read_only_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine

    def _check_revision(self) -> str:
        revision = migrations.current_revision(self.engine)
        if revision != migrations.HEAD:
            raise StoreError(
                "%1 is at schema version %2, this checkin reads %3: open it normally (not "
                "read-only) once to upgrade it.", self.path, revision or "none", migrations.HEAD
            )
        return revision

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
        with self._explained(), self._read() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        with self._explained(), self._write() as session, session.begin():
            yield session
        self._committed()

    @contextlib.contextmanager
    def write_conn(self) -> Iterator[Connection]:
        """Like ``write()`` but a Core connection: no ORM bookkeeping, for the scan path."""
        with self._explained(), self._writer.begin() as conn:
            yield conn
        self._committed()

    def _committed(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.written()  # its checkpoint comes now, not into the next

    @contextlib.contextmanager
    def _explained(self) -> Iterator[None]:
        """SQLite's failures as ``StoreError`` messages; anything else unchanged (an
        IntegrityError a caller handles, PostgreSQL's errors the offline desk handles)."""
        if not self.is_sqlite:
            yield
            return
        try:
            yield
        except (OperationalError, DBAPIError) as exc:
            if not _known_sqlite_failure(exc):
                raise
            raise StoreError(*_describe_db_error(exc, self)) from exc

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


_DAMAGED = ("file is not a database", "malformed", "database corrupt")
_KNOWN = (*_DAMAGED, "locked", "readonly", "read-only", "disk is full", "disk I/O error",
          "unable to open database file")  # fmt: skip


def _known_sqlite_failure(exc: Exception) -> bool:
    detail = str(getattr(exc, "orig", exc))
    return any(k in detail for k in _KNOWN)


def _describe_db_error(exc: Exception, store: Store) -> tuple[str, ...]:
    """What happened to the database, and what to do about it, in one message: the
    template and its values, for ``StoreError``."""
    where = str(store.path) if store.path else store.url.render_as_string(hide_password=True)
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
    if any(k in detail for k in _DAMAGED):
        latest = None
        if store.path is not None:
            from checkin.core.db.backup import latest_backup

            latest = latest_backup(store.path)
        if latest is not None:
            return translatable(
                "%1 is not a checkin database or is damaged (%2). The newest backup is %3: "
                'restore it with checkin --db "%1" restore "%3" --force.'
            ), where, detail, str(latest)
        return translatable("%1 is not a checkin database or is damaged (%2)."), where, detail
    if "locked" in detail:
        return translatable(
            "%1 is in use by another program (another checkin, a backup or sync tool such "
            "as OneDrive or Dropbox); close it and try again."
        ), where
    if "readonly" in detail or "read-only" in detail:
        return translatable(
            "%1 is read-only; checkin needs to write to it. Copy it to a folder you can "
            "write to, or open it with --read-only to look and export."
        ), where
    if "disk is full" in detail:
        return translatable(
            "The disk holding %1 is full: nothing was recorded by this action. Free some "
            "space and try again."
        ), where
    if "disk I/O error" in detail or "unable to open database file" in detail:
        return translatable(
            "%1 could not be read or written (%2): is the drive or USB stick still there, "
            "and the folder writable?"
        ), where, detail
    return translatable("Cannot use the database %1: %2"), where, detail


def open_store(db: str | None = None, *, demo: bool = False, read_only: bool = False) -> Store:
    return Store(resolve_url(db, demo=demo), read_only=read_only)
