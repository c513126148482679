"""Changes pushed by PostgreSQL as they commit: LISTEN/NOTIFY, for live views.

Migration 0008 puts a statement-level trigger on the journal (``scans``) and the roster
(``delegates``) that calls ``pg_notify('checkin_changes', <table>)``: every writer — a
desk, another desk, ``checkin import`` from a terminal — notifies, with no change to
its code, and PostgreSQL delivers the notice to every listener when (and only if) the
transaction commits.  Identical notices of one transaction arrive once.

``Listener`` holds one connection of its own in autocommit, LISTENs, and calls
``on_change(table)`` from its thread for each notice; after a lost connection it calls
``on_change("")`` (something may have been missed: refresh) once it is back.  The views
still poll, slowly, as a safety net; on SQLite there is nothing to listen to and they
poll as before (``PRAGMA data_version`` is already cheap there).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy.engine import URL, make_url

log = logging.getLogger(__name__)

CHANNEL = "checkin_changes"
TABLES = ("scans", "delegates")
RETRY_S = 2.0  # between two attempts to reconnect
WAIT_S = 0.5  # how often the thread looks at its stop flag


def can_listen(url: str | URL) -> bool:
    """A PostgreSQL URL whose driver is psycopg 3 (the one the project ships)."""
    parsed = make_url(url)
    return parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() == "psycopg"


def _connect_args(url: URL) -> tuple[list[Any], dict[str, Any]]:
    """What SQLAlchemy would pass to ``psycopg.connect`` for ``url``."""
    dialect = url.get_dialect()()
    args, kwargs = dialect.create_connect_args(url)
    return list(args), dict(kwargs)


class Listener:
    """A thread LISTENing on ``CHANNEL``; ``on_change(table)`` from that thread."""

    def __init__(self, url: str | URL, on_change: Callable[[str], None]) -> None:
        self.url = make_url(url)
        if not can_listen(self.url):
            raise ValueError("LISTEN needs a postgresql+psycopg URL")
        self.on_change = on_change
        self.listening = threading.Event()  # set while LISTEN is in force
        self._stop = threading.Event()
        self._conn: Any = None
        self._thread = threading.Thread(target=self._run, name="pg-listen", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        missed = False
        while not self._stop.is_set():
            try:
                self._listen(missed)
            except Exception as exc:  # a dropped server: try again in a moment
                log.info("LISTEN connection lost (%s); retrying", type(exc).__name__)
            self.listening.clear()
            self._close()
            missed = True
            self._stop.wait(RETRY_S)

    def _listen(self, missed: bool) -> None:
        import psycopg

        args, kwargs = _connect_args(self.url)
        kwargs.setdefault("connect_timeout", 5)
        self._conn = conn = psycopg.connect(*args, autocommit=True, **kwargs)
        conn.execute(f"LISTEN {CHANNEL}")
        self.listening.set()
        if missed:
            self.on_change("")  # what happened while we were away
        while not self._stop.is_set():
            for notice in conn.notifies(timeout=WAIT_S):
                self.on_change(notice.payload)

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=WAIT_S * 4 + 1)
        self._close()
