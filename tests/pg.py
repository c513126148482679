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


@contextmanager
def server():
    """Yield an admin URL (database ``postgres``); stop and remove the server after."""
    if os.environ.get(ENV):
        yield os.environ[ENV]
        return
    initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
    if not (initdb and pg_ctl):
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="checkin-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    user = "postgres" if os.geteuid() == 0 else os.environ.get("USER", "postgres")
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
    subprocess.run(_as_postgres([initdb, "-D", str(data), "-U", user, "-A", "trust",
                                 "--no-sync", "-E", "UTF8"]),
                   check=True, capture_output=True)
    opts = f"-k {sock} -c listen_addresses='' -c fsync=off -c max_connections=50"
    subprocess.run(_as_postgres([pg_ctl, "-D", str(data), "-o", opts, "-w", "-l",
                                 str(root / "log"), "start"]),
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://{user}@/postgres?host={sock}"
    finally:
        subprocess.run(_as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


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
