"""Backups of a SQLite event database, and restoring one.

* ``backup`` copies the live database with SQLite's online backup API
  (``sqlite3.Connection.backup``): consistent even while desks are scanning, and it
  includes what is still in the WAL.  The copy is a single self-contained file
  (journal mode DELETE), 0600, checked with ``PRAGMA integrity_check`` before it counts.
  Automatic backups go to ``backups/`` next to the database, named
  ``<stem>-YYYYMMDDTHHMMSSZ.sqlite`` (UTC, so a DST change never reorders them), and
  are rotated: the ``keep`` most recent, plus the newest of every earlier day.
* ``restore`` checks the file (integrity, a checkin schema this version can open)
  before touching anything, refuses while another program has the database open, keeps
  the database it replaces as a backup (``<stem>-before-restore-…``), and moves the
  copy into place in one rename.

On PostgreSQL, ``pg_dump``/``pg_restore`` are the tools: these functions say so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from checkin.core import clock
from checkin.core.db import migrations
from checkin.core.errors import UserError, translatable

KEEP = 10
_STAMP = "%Y%m%dT%H%M%S"
PG_MESSAGE = translatable(
    "This database is on PostgreSQL: back it up with pg_dump (e.g. "
    "'pg_dump -Fc -f checkin.dump DBNAME') and restore with pg_restore; checkin's own "
    "backup and restore are for SQLite files."
)


class BackupError(UserError):
    """A backup or restore that cannot be done; the message says why and where."""


class PostgresBackupError(BackupError):
    """Backups of a PostgreSQL database are pg_dump's job."""


class RestoreRefused(BackupError):
    """A restore that would replace a database without ``force``."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    removed: tuple[Path, ...]  # older backups rotated away


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    restored_from: Path
    revision: str
    previous: Path | None  # the replaced database, kept as a backup


def sqlite_path(url_or_path: str | Path) -> Path:
    """The file behind a SQLite URL or path; ``PostgresBackupError`` for any other."""
    from sqlalchemy.engine import make_url

    value = str(url_or_path)
    if "://" not in value:
        return Path(value).expanduser().resolve()
    url = make_url(value)
    if url.get_backend_name() != "sqlite":
        raise PostgresBackupError(*(PG_MESSAGE,))  # starred: a template kept aside
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        raise BackupError("Only a SQLite database file can be backed up.")
    return Path(url.database).expanduser().resolve()


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def _private_dir(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        folder.chmod(0o700)


def _connect(path: Path, *, timeout: float = 10.0) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    return conn


def _check(path: Path) -> str:
    """Integrity and schema of a checkin SQLite file: its revision, or ``BackupError``."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise BackupError("%1: cannot open (%2).", path, exc) from exc
    try:
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as exc:
            raise BackupError("%1 is not a SQLite database or is damaged (%2).", path, exc) from exc
        if result != ["ok"]:
            raise BackupError("%1 failed its integrity check: %2", path, "; ".join(result[:3]))
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error:
            row = None
        if row is None:
            raise BackupError("%1 is a SQLite file but not a checkin database.", path)
        revision = row[0]
        if revision not in migrations.KNOWN:
            raise BackupError(
                "%1 was written by a newer version of checkin (schema %2); "
                "install that version to restore it.",
                path,
                revision,
            )
        return revision
    finally:
        conn.close()


def _create(dest: Path) -> None:
    """Create ``dest`` empty and private; ``FileExistsError`` if it exists."""
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def _copy(source: Path, dest: Path) -> None:
    """Online backup of ``source`` into the empty private file ``dest``, then a
    self-contained file (journal mode DELETE: no -wal beside it)."""
    src = _connect(source)
    try:
        dst = _connect(dest)
        try:
            # One step: in WAL mode the copy's read transaction does not block the
            # desks' writes, and a copy made in small steps would start over after
            # every scan committed meanwhile.
            src.backup(dst, pages=-1)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _stamped(folder: Path, stem: str, now: dt.datetime, label: str = "") -> Path:
    """A new timestamped file, created (so two backups in one second never collide)."""
    base = f"{stem}-{label + '-' if label else ''}{now.astimezone(dt.UTC).strftime(_STAMP)}Z"
    n = 1
    while True:
        path = folder / (f"{base}.sqlite" if n == 1 else f"{base}-{n}.sqlite")
        try:
            _create(path)
            return path
        except FileExistsError:
            n += 1


def _backup_time(stem: str, path: Path) -> dt.datetime | None:
    match = re.fullmatch(
        re.escape(stem) + r"-(\d{8}T\d{6})Z(?:-\d+)?\.sqlite", path.name
    )
    if not match:
        return None
    return dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.UTC)


def backups_of(db_path: Path) -> list[Path]:
    """Every copy of ``db_path`` in its backups folder (automatic, on demand, before a
    restore) — and not the copies of another database sharing the folder."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    own = re.compile(
        re.escape(db_path.stem) + r"-(?:[a-z-]+-)?\d{8}T\d{6}Z(?:-\d+)?\.sqlite(?:-wal|-shm)?"
    )
    return sorted(p for p in folder.iterdir() if own.fullmatch(p.name))


def latest_backup(db_path: Path) -> Path | None:
    """The newest automatic backup of ``db_path`` (what to restore when it is damaged)."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return None
    dated = [(t, p) for p in folder.glob(f"{db_path.stem}-*.sqlite")
             if (t := _backup_time(db_path.stem, p))]  # fmt: skip
    return max(dated)[1] if dated else None


def rotate(folder: Path, stem: str, keep: int = KEEP) -> tuple[Path, ...]:
    """Remove automatic backups beyond the ``keep`` most recent, except the newest of
    each earlier (UTC) day.  Backups named otherwise (``before-restore``, files put
    there by hand) are never touched."""
    if keep < 1:
        raise BackupError("keep must be at least 1.")
    dated = sorted(
        ((t, p) for p in folder.glob(f"{stem}-*.sqlite") if (t := _backup_time(stem, p))),
        reverse=True,
    )
    kept_days: set[dt.date] = set()
    removed = []
    for i, (when, path) in enumerate(dated):
        if i < keep:
            kept_days.add(when.date())
            continue
        if when.date() not in kept_days:
            kept_days.add(when.date())
            continue
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return tuple(removed)


# What failed, with and without the file the system names: one template each, so
# "Backup"/"Restore" is part of the sentence a translator sees.
_OS_FAILED = {
    "backup": (translatable("Backup failed: %1 (%2)."), translatable("Backup failed: %1.")),
    "restore": (translatable("Restore failed: %1 (%2)."), translatable("Restore failed: %1.")),
}


def _os_failure(action: str, exc: OSError) -> tuple[str, ...]:
    """The template and values of a failed ``backup`` or ``restore``."""
    with_file, without_file = _OS_FAILED[action]
    reason = exc.strerror or str(exc)
    if exc.filename:
        return with_file, reason, str(exc.filename)
    return without_file, reason


def _os_errors(fn):
    """File-system failures (disk full, no permission) as messages, not tracebacks."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except OSError as exc:
            raise BackupError(*_os_failure(fn.__name__, exc)) from exc

    return wrapper


@_os_errors
def backup(
    db: str | Path,
    out: str | Path | None = None,
    *,
    keep: int = KEEP,
    now: dt.datetime | None = None,
) -> BackupResult:
    """Back up the database at ``db`` (path or URL).

    ``out`` None: a timestamped file in ``backups/`` next to the database, then rotation.
    ``out`` a folder: a timestamped file in it (no rotation).  Otherwise the file to
    write (refused if it exists).  The copy is verified before it is reported done; a
    copy that fails verification is removed.
    """
    source = sqlite_path(db)
    if not source.is_file():
        raise BackupError("No database at %1.", source)
    now = now or clock.utcnow()
    rotating = out is None
    if out is None:
        folder = backups_dir(source)
        _private_dir(folder)
        dest = _stamped(folder, source.stem, now)
    else:
        out = Path(out).expanduser()
        if out.is_dir():
            dest = _stamped(out, source.stem, now)
        else:
            if out.exists():
                raise BackupError("%1 already exists; give a new file name or a folder.", out)
            if not out.parent.is_dir():
                raise BackupError("The folder %1 does not exist.", out.parent)
            dest = out
            _create(dest)
    try:
        _copy(source, dest)
        _check(dest)
    except sqlite3.Error as exc:
        dest.unlink(missing_ok=True)
        raise BackupError("Backup of %1 failed: %2.", source, exc) from exc
    except (BackupError, OSError):  # OSError: reported by _os_errors, without the file
        dest.unlink(missing_ok=True)
        raise
    removed = rotate(dest.parent, source.stem, keep) if rotating else ()
    return BackupResult(dest, dest.stat().st_size, removed)


def _exclusive(path: Path) -> None:
    """Refuse when another connection has the database open.

    Leaving WAL mode needs the only connection to the file, so it doubles as a test
    that no app or desk has it open (and it folds the WAL into the file first).  A
    program that opens the database in the instant after this check is not caught:
    close the app before restoring.
    """
    try:
        conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    except sqlite3.Error as exc:
        raise BackupError("Cannot open %1: %2.", path, exc) from exc
    try:
        try:
            mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        except sqlite3.OperationalError as exc:
            raise BackupError(
                "%1 is in use (the app or another desk has it open); close it and try again.",
                path,
            ) from exc
        except sqlite3.DatabaseError as exc:
            mode = "damaged"
            del exc
        if str(mode).lower() not in ("delete", "damaged"):
            raise BackupError(
                "%1 is in use (the app or another desk has it open); close it and try again.",
                path,
            )
    finally:
        conn.close()


@_os_errors
def restore(
    source: str | Path,
    db: str | Path,
    *,
    force: bool = False,
    now: dt.datetime | None = None,
) -> RestoreResult:
    """Replace the database at ``db`` with the backup ``source``.

    Without ``force`` an existing database is not replaced (the message says what
    would happen).  The database being replaced is first backed up as
    ``backups/<stem>-before-restore-<time>.sqlite``, so a restore can be undone.
    """
    target = sqlite_path(db)
    src = Path(source).expanduser().resolve()
    if not src.is_file():
        raise BackupError("No backup file at %1.", src)
    if src == target:
        raise BackupError("The backup and the database are the same file.")
    revision = _check(src)
    now = now or clock.utcnow()
    previous = None
    if target.exists():
        if not force:
            raise RestoreRefused(
                "%1 exists: add --force to replace it (it is kept as a backup in %2).",
                target,
                backups_dir(target),
            )
        _exclusive(target)
        folder = backups_dir(target)
        _private_dir(folder)
        previous = _stamped(folder, target.stem, now, label="before-restore")
        try:
            _copy(target, previous)
        except sqlite3.Error as exc:
            previous.unlink(missing_ok=True)
            raise BackupError(
                "Could not keep a copy of %1 before restoring (%2); nothing changed.",
                target,
                exc,
            ) from exc
    else:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".restore", dir=target.parent)
    os.close(fd)  # mkstemp: empty and 0600, which _copy expects
    tmp = Path(name)
    try:
        _copy(src, tmp)
        _check(tmp)
        for extra in ("-wal", "-shm"):
            Path(str(target) + extra).unlink(missing_ok=True)
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        raise BackupError("Restore from %1 failed: %2; nothing changed.", src, exc) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return RestoreResult(target, src, revision, previous)
