"""Reaching the shared server from a desk: its URL with a short connect timeout, the
desk's offline copy's file, and which database errors mean "the server is not there".
Apart from ``offline`` (which re-exports them) to keep that module short.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from checkin.core.db.store import StoreError, data_dir
from checkin.core.desk.mirror import is_retryable

CONNECT_TIMEOUT_S = 2


def primary_url(url: str, connect_timeout: float = CONNECT_TIMEOUT_S) -> str:
    """The server's URL with a connect timeout and TCP keep-alives, so a dead network is
    noticed in seconds instead of the kernel's minutes (ignored on Unix sockets)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return url
    extra = {
        "connect_timeout": str(max(1, round(connect_timeout))),
        "keepalives": "1",
        "keepalives_idle": "5",
        "keepalives_interval": "2",
        "keepalives_count": "2",
        "tcp_user_timeout": str(int(connect_timeout * 1500)),
    }
    query = {**extra, **parsed.query}
    return parsed.set(query=query).render_as_string(hide_password=False)


def default_mirror_path(url: str, station: str) -> Path:
    """One mirror file per server and station, in the user's data folder."""
    safe = make_url(url).render_as_string(hide_password=True)
    digest = hashlib.sha256(f"{safe}\n{station}".encode()).hexdigest()[:12]
    return data_dir() / f"desk-mirror-{digest}.sqlite"


def is_unreachable(exc: BaseException) -> bool:
    """A database error that means "the server is not there", not "this request is bad"."""
    if isinstance(exc, StoreError):  # opening failed: unreachable, or a real problem
        cause = exc.__cause__
        return cause is not None and is_unreachable(cause)
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        if is_retryable(exc):
            return False  # deadlock / serialisation: retry on the server
        return isinstance(exc, OperationalError | InterfaceError)
    return False
