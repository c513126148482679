"""A cheap "has anything changed?" for live views, without re-reading the database.

SQLite: ``PRAGMA data_version`` changes when *another* connection commits — any other
process or any other connection of this one — and costs microseconds (it reads the
shared WAL index).  It is per connection, so the watcher keeps one long-lived
connection of its own and never writes on it.

PostgreSQL (or anything else): a token from two primary-key maxima — the journal's last
id and the roster's last id — two index look-ups per check.  Every scan, undo and exit
appends to the journal, and walk-ins and imports of new people add delegates.  (An import
that only edits existing names shows at the next scan.)  The same check works through a
pooler; where LISTEN works (``notify``), the server's notices say *when* to run it, and
a roster notice forces a full re-read.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading

from sqlalchemy import func, select

from checkin.core.db import models as m
from checkin.core.db.store import Store


class ChangeWatcher:
    """``changed()`` is true when the database moved on since the previous call.

    The first call is always true (nothing seen yet).  Thread-safe: the live dashboard
    calls it from worker threads, one at a time or not.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._last: object = None
        self._conn: sqlite3.Connection | None = None

    def token(self) -> object:
        """An opaque value that differs after any committed change by another connection."""
        if self.store.is_sqlite and self.store.path is not None:
            return ("sqlite", self._data_version())
        with self.store.read() as s:
            return (
                "max",
                s.scalar(select(func.max(m.Scan.id))),
                s.scalar(select(func.max(m.Delegate.id))),
            )

    def _data_version(self) -> int:
        assert self.store.path is not None  # token() asks only for a SQLite file
        if self._conn is None:
            # Short timeout: a check that waits is worse than one that says "changed".
            self._conn = sqlite3.connect(
                self.store.path, timeout=0.2, isolation_level=None, check_same_thread=False
            )
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        with self._lock:
            try:
                now = self.token()
            except sqlite3.Error:
                return True  # cannot tell: let the caller refresh
            moved = now != self._last
            self._last = now
            return moved

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
                self._conn = None
