"""Removing personal data after the event, keeping the anonymous counts.

What goes (set to empty): each delegate's first and last name, e-mail, reference (it
links to the registration system's records), search text and attention note; their
photos (deleted); in the journal, what the scanner read (``code``: a refused scan may
hold anything typed at the desk), the operator's name and the free text of the
accreditation desk (override reasons, notes marked done: ``detail``); the reasons given
for reprints.  The event's badge secret is
replaced, so a badge kept by someone no longer identifies them to this database.

What stays: the event and its sessions, each delegate's row with its number, status,
category, country and organisation, arrival time and how they arrived, the journal's
times, stations and outcomes, and the standing admissions — so ``compute_stats`` gives
the same headcounts, per session, category, country and organisation, afterwards.
Organisation and country are kept on purpose: they are what a report to donors is made
of.  Where an organisation sent a single person, the row is pseudonymous rather than
anonymous; an organiser who must avoid that can export the report first, then delete
the database file.

Then the space the old values occupied is wiped: SQLite runs with ``secure_delete``,
folds the WAL into the file, ``VACUUM``s (rebuilding every page) and truncates the WAL,
so a purged name is not left in free pages (a test reads the raw file).  On PostgreSQL,
``VACUUM FULL`` rewrites the tables; copies in its WAL archive or base backups are the
database administrator's to expire.  The backups folder next to a SQLite database is
emptied as well.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select, text, update

from checkin.core.db import models as m
from checkin.core.db.store import BUSY_TIMEOUT_MS, Store
from checkin.core.errors import UserError
from checkin.core.text import fold
from checkin.core.types import EventInfo

_TABLES = ("delegates", "scans", "badge_prints", "events", "delegate_photos")
_WAL_WAIT_MS = 2000


class PurgeError(UserError, ValueError):
    """A purge that was not confirmed or cannot run; the message says why."""


@dataclass(frozen=True)
class PurgeReport:
    delegates: int
    scans: int
    backups_removed: tuple[Path, ...]
    # False when another program had the SQLite file open, so the WAL could not be
    # emptied: old values may stay in it until that program closes.  Purging again
    # once it is closed finishes the job (a purge can be repeated).
    wiped: bool = True


def confirm_matches(event: EventInfo, typed: str) -> bool:
    """The confirmation is the event's name, typed (case, accents, spaces and dashes
    forgiven: "IOM-NGO" for "IOM–NGO")."""
    return bool(typed.strip()) and fold(typed) == fold(event.name)


def purge(store: Store, event: EventInfo, *, backups: Path | None = None) -> PurgeReport:
    """Remove the personal data of ``event`` (see the module doc for what stays).

    One transaction for the changes; the vacuum runs after it commits.  ``backups``: a
    folder whose copies of this database (the personal data) are deleted too — only
    this database's: another event's database may keep its backups in the same folder.
    """
    with store.write() as s:
        n_delegates = s.scalar(
            select(func.count()).where(m.Delegate.event_id == event.id)
        ) or 0
        n_scans = s.scalar(select(func.count()).where(m.Scan.event_id == event.id)) or 0
        if store.is_sqlite:
            s.execute(text("PRAGMA secure_delete = ON"))
        s.execute(
            update(m.Delegate)
            .where(m.Delegate.event_id == event.id)
            .values(first_name="", last_name="", email="", reference="", search_text="",
                    note="", sort_first_name="", sort_last_name="", sort_email="")
            .execution_options(synchronize_session=False)
        )
        s.execute(
            update(m.Scan)
            .where(m.Scan.event_id == event.id)
            .values(code="", operator="", detail="")
            .execution_options(synchronize_session=False)
        )
        s.execute(delete(m.DelegatePhoto).where(m.DelegatePhoto.event_id == event.id))
        s.execute(
            update(m.BadgePrint)
            .where(m.BadgePrint.event_id == event.id)
            .values(reason="")
            .execution_options(synchronize_session=False)
        )
        s.execute(
            update(m.Event)
            .where(m.Event.id == event.id)
            .values(secret=secrets.token_hex(32))
            .execution_options(synchronize_session=False)
        )
    wiped = _wipe_free_space(store)
    removed: list[Path] = []
    if backups is not None and backups.is_dir():
        from checkin.core.db.backup import backups_of

        stem = store.path.stem if store.path is not None else ""
        mine = backups_of(backups.parent / f"{stem}.sqlite") if stem else []
        for path in mine:
            path.unlink(missing_ok=True)
            removed.append(path)
    return PurgeReport(n_delegates, n_scans, tuple(removed), wiped)


def _wipe_free_space(store: Store) -> bool:
    """Rebuild the database so the old values are in no page, free or WAL; False if
    another connection kept the WAL from being emptied."""
    with store.engine.connect() as conn:
        if store.is_sqlite:
            # The driver connection is in autocommit already (store.py); VACUUM cannot
            # run inside a transaction, so no SQLAlchemy BEGIN here.
            raw = conn.connection.driver_connection
            assert raw is not None  # a live connection has its driver's
            raw.execute("PRAGMA secure_delete = ON")
            raw.execute("PRAGMA wal_checkpoint(PASSIVE)")
            raw.execute("VACUUM")
            # Waits for readers to finish; a desk that stays open is reported, not
            # waited for at length.
            raw.execute(f"PRAGMA busy_timeout = {_WAL_WAIT_MS}")
            try:
                busy, _log, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            return not busy
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        for table in _TABLES:
            conn.exec_driver_sql(f"VACUUM FULL {table}")
        return True
