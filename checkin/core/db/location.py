"""Where the database is: ``--db``, ``CHECKIN_DB`` or the per-user default, as a URL.

Apart from ``store`` so that the app can name its database before SQLAlchemy is
imported (the Desk is painted from the event kept for that database,
``event.snapshot``): nothing here imports SQLAlchemy.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "CHECKIN_DB"
APP_NAME = "checkin"


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
