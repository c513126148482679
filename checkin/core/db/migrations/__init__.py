"""Alembic migrations, run programmatically when a database is opened.

Opening the database is on the path of every command (``checkin scan`` included), so
the common case — the database is already at the newest revision — is answered by one
``SELECT`` against ``alembic_version`` without loading Alembic at all.  ``HEAD`` must
name the newest revision file; a test checks it against Alembic's own view.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, ProgrammingError

HEAD = "0012"
KNOWN = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010",
         "0011", "0012")
SCRIPT_LOCATION = Path(__file__).resolve().parent


class MigrationError(Exception):
    """The database cannot be brought to this version's schema; message for the user."""


def alembic_config(engine: Engine | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    if engine is not None:
        cfg.set_main_option(
            "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
        )
    return cfg


def current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    except (OperationalError, ProgrammingError) as exc:
        message = str(exc.orig) if exc.orig is not None else str(exc)
        missing = "no such table" in message or "does not exist" in message
        if "alembic_version" in message and missing:
            return None
        raise
    return row[0] if row else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def ensure_current(engine: Engine) -> str:
    """Bring the schema to ``HEAD``; refuse databases written by a newer checkin."""
    rev = current_revision(engine)
    if rev == HEAD:
        return rev
    if rev is not None and rev not in KNOWN:
        raise MigrationError(
            f"This database was written by a newer version of checkin (schema {rev}); "
            "install the newer version to open it."
        )
    upgrade(engine)
    return HEAD
