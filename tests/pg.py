"""A throwaway PostgreSQL server for tests: the real thing, on a private socket.

``CHECKIN_TEST_PG_URL`` (set by .ci/run or by a developer) points at a server to use;
otherwise, when PostgreSQL's binaries are installed, one is started for the session in
a temporary directory, as the ``postgres`` user when we run as root (initdb refuses
root), listening only on a Unix socket, and stopped at the end.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

ENV = "CHECKIN_TEST_PG_URL"


def find_bin(name: str) -> str | None:
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else shutil.which(name)


def _as_postgres(argv: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *argv]
    return argv


class Server:
    """A throwaway server that a test may stop and start again (a network drop, a
    server restart).  Same data directory and socket: URLs stay valid across restarts."""

    def __init__(self) -> None:
        initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
        if not (initdb and pg_ctl):
            raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
        self._pg_ctl = pg_ctl
        self.root = Path(tempfile.mkdtemp(prefix="checkin-pg-"))
        self.data, sock = self.root / "data", self.root / "sock"
        sock.mkdir()
        user = "postgres" if os.geteuid() == 0 else os.environ.get("USER", "postgres")
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
            shutil.chown(sock, "postgres")
        subprocess.run(_as_postgres([initdb, "-D", str(self.data), "-U", user, "-A", "trust",
                                     "--no-sync", "-E", "UTF8"]),
                       check=True, capture_output=True)
        self._opts = f"-k {sock} -c listen_addresses='' -c fsync=off -c max_connections=50"
        self.url = f"postgresql+psycopg://{user}@/postgres?host={sock}"
        self.running = False

    def start(self) -> None:
        subprocess.run(_as_postgres([self._pg_ctl, "-D", str(self.data), "-o", self._opts,
                                     "-w", "-l", str(self.root / "log"), "start"]),
                       check=True, capture_output=True)
        self.running = True

    def stop(self, mode: str = "immediate") -> None:
        """Stop now (``immediate``: connections cut, as when the server goes away)."""
        subprocess.run(_as_postgres([self._pg_ctl, "-D", str(self.data), "-m", mode, "-w",
                                     "stop"]),
                       capture_output=True)
        self.running = False

    def remove(self) -> None:
        if self.running:
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


@contextmanager
def stoppable_server():
    """Yield a started ``Server`` of our own (never the shared one); removed after."""
    srv = Server()
    try:
        srv.start()
        yield srv
    finally:
        srv.remove()


@contextmanager
def server():
    """Yield an admin URL (database ``postgres``); stop and remove the server after."""
    if os.environ.get(ENV):
        yield os.environ[ENV]
        return
    with stoppable_server() as srv:
        yield srv.url


def fresh_database(admin_url: str) -> str:
    """Create an empty database on the server and return its URL."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(admin_url)
    name = "t_" + uuid.uuid4().hex[:12]
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.set(database=name).render_as_string(hide_password=False)
