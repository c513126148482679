"""Backups of the SQLite database: consistent while open, verified, private, rotated; and
restore, which checks first and keeps what it replaces."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import func, select

from checkin.core.db import backup
from checkin.core.db import models as m
from checkin.core.db.backup import BackupError, PostgresBackupError, RestoreRefused
from checkin.core.db.store import Store
from checkin.core.desk.service import CheckinService
from tests.conftest import insert_delegates

POSIX = os.name == "posix"
NOW = dt.datetime(2026, 11, 28, 16, 0, tzinfo=dt.UTC)


def count(store_or_path, model=m.Delegate) -> int:
    if isinstance(store_or_path, Path):
        with Store("sqlite:///" + str(store_or_path)) as s:
            return count(s, model)
    with store_or_path.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_backup_of_an_open_database_holds_the_latest_scan(store, event, people, db_path):
    CheckinService(store, event, station="Desk 1").check_in(people[0])
    result = backup.backup(db_path, now=NOW)  # the scan is still in the WAL
    assert result.path.parent == db_path.parent / "backups"
    assert result.path.name == "checkin-20261128T160000Z.sqlite"
    assert not Path(str(result.path) + "-wal").exists()
    conn = sqlite3.connect(result.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file
    conn.close()
    assert count(result.path, m.Scan) == 1 and count(result.path) == 3
    if POSIX:
        assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(result.path.parent.stat().st_mode) == 0o700


def test_two_backups_in_the_same_second_do_not_collide(store, event, db_path):
    a = backup.backup(db_path, now=NOW)
    b = backup.backup(db_path, now=NOW)
    assert a.path != b.path and a.path.exists() and b.path.exists()


def test_backup_to_a_named_file_or_folder(store, event, db_path, tmp_path):
    named = backup.backup("sqlite:///" + str(db_path), tmp_path / "copy.sqlite")
    assert named.path == tmp_path / "copy.sqlite" and count(named.path) == 0
    with pytest.raises(BackupError, match="already exists"):
        backup.backup(db_path, tmp_path / "copy.sqlite")
    folder = tmp_path / "usb"
    folder.mkdir()
    into = backup.backup(db_path, folder, now=NOW)
    assert into.path.parent == folder and into.path.name.startswith("checkin-2026")


def test_rotation_keeps_recent_ones_and_one_per_day(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    times = [dt.datetime(2026, 11, d, h, 0, tzinfo=dt.UTC) for d in (25, 26, 27) for h in
             (8, 12, 16)] + [dt.datetime(2026, 11, 28, h, m, tzinfo=dt.UTC)
                             for h in (8, 9) for m in (0, 5, 10)]
    for t in times:
        (folder / f"checkin-{t:%Y%m%dT%H%M%S}Z.sqlite").write_bytes(b"x")
    (folder / "checkin-before-restore-20261101T000000Z.sqlite").write_bytes(b"x")
    (folder / "notes.txt").write_text("mine")
    removed = backup.rotate(folder, "checkin", keep=4)
    left = sorted(p.name for p in folder.iterdir())
    assert "checkin-before-restore-20261101T000000Z.sqlite" in left and "notes.txt" in left
    kept = [n for n in left if n.startswith("checkin-2026")]
    assert kept[-4:] == [
        "checkin-20261128T081000Z.sqlite", "checkin-20261128T090000Z.sqlite",
        "checkin-20261128T090500Z.sqlite", "checkin-20261128T091000Z.sqlite",
    ]
    assert kept[:3] == [
        "checkin-20261125T160000Z.sqlite", "checkin-20261126T160000Z.sqlite",
        "checkin-20261127T160000Z.sqlite",
    ]
    assert len(kept) == 7 and len(removed) == len(times) - 7


def test_backup_rotates_automatic_backups(store, event, db_path):
    for minute in range(5):
        backup.backup(db_path, keep=2, now=NOW + dt.timedelta(minutes=minute))
    names = sorted(p.name for p in (db_path.parent / "backups").iterdir())
    assert names == ["checkin-20261128T160300Z.sqlite", "checkin-20261128T160400Z.sqlite"]


def test_restore_round_trip_keeps_the_replaced_database(db_path, tmp_path):
    store = Store("sqlite:///" + str(db_path))
    from checkin.core.event.definition import parse_event, save_event
    from tests.conftest import SMALL_EVENT

    event = save_event(store, parse_event(SMALL_EVENT))
    insert_delegates(store, event, [{"first_name": "Łukasz"}])
    saved = backup.backup(db_path, tmp_path / "saved.sqlite").path
    insert_delegates(store, event, [{"number": 2, "first_name": "Later"}])
    assert count(store) == 2
    with pytest.raises(BackupError, match="in use"):
        backup.restore(saved, db_path, force=True)
    store.close()
    with pytest.raises(RestoreRefused, match="--force"):
        backup.restore(saved, db_path)
    result = backup.restore(saved, db_path, force=True, now=NOW)
    assert count(db_path) == 1  # as it was at the backup
    assert result.previous is not None and "before-restore" in result.previous.name
    assert count(result.previous) == 2  # the replaced state is not lost
    if POSIX:
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_restore_refuses_damaged_or_foreign_or_newer_files(store, event, db_path, tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(BackupError, match="not a SQLite database or is damaged"):
        backup.restore(junk, tmp_path / "new.sqlite")
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(BackupError, match="not a checkin database"):
        backup.restore(foreign, tmp_path / "new.sqlite")
    newer = backup.backup(db_path, tmp_path / "newer.sqlite").path
    conn = sqlite3.connect(newer)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    with pytest.raises(BackupError, match="newer version of checkin"):
        backup.restore(newer, tmp_path / "new.sqlite")
    assert not (tmp_path / "new.sqlite").exists()


def test_restore_into_a_new_place(store, event, people, db_path, tmp_path):
    saved = backup.backup(db_path, tmp_path / "saved.sqlite").path
    target = tmp_path / "elsewhere" / "event.sqlite"
    result = backup.restore(saved, target)
    assert result.previous is None and count(target) == 3


def test_postgresql_is_pg_dumps_job():
    with pytest.raises(PostgresBackupError, match="pg_dump"):
        backup.backup("postgresql+psycopg://someone@db.example/checkin")
    with pytest.raises(PostgresBackupError, match="pg_restore"):
        backup.restore(__file__, "postgresql+psycopg://someone@db.example/checkin")


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(BackupError, match="No database at"):
        backup.backup(tmp_path / "none.sqlite")
