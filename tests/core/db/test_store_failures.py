"""Damaged and hostile database files: each gives a message and a way out, nothing half-done.

Real files and real SQLite errors: a file truncated or overwritten in the middle, a full
disk (SQLite's own page limit makes it full: the same SQLITE_FULL a full disk gives), a
file another process holds locked, a file opened read-only.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import func, select

from checkin.core.db import models as m
from checkin.core.db import store as store_module
from checkin.core.db.backup import backup
from checkin.core.db.store import Store, StoreError
from checkin.core.desk.service import CheckinService
from checkin.core.roster.delegates import list_delegates

FIXTURE = "checkin-0001-demo.sqlite"  # written by version 0.1's schema 0001


def scans(store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(m.Scan))


def codes(store, event) -> list[str]:
    """Badge codes of the registered (not cancelled) delegates."""
    return [e.code for e in list_delegates(store, event) if e.delegate.status == "registered"]


@pytest.fixture
def filled(store, people):
    """Three delegates (one cancelled), in a real SQLite file."""
    return store


def test_a_truncated_file_is_refused_with_the_newest_backup_named(db_path, filled):
    made = backup(db_path)
    filled.close()
    with open(db_path, "r+b") as f:
        f.truncate(db_path.stat().st_size // 3)
    with pytest.raises(StoreError) as refused:
        Store("sqlite:///" + str(db_path)).close()
    text = str(refused.value)
    assert "is not a checkin database or is damaged" in text
    assert str(made.path) in text and "restore" in text


def test_damage_found_mid_session_is_a_message_not_a_driver_error(db_path, filled, event):
    """The header is fine, so the file opens; the damage shows at the first read of it."""
    filled.close()
    with open(db_path, "r+b") as f:
        f.seek(4096 * 2)
        f.write(b"\xff" * 4096 * 6)
    try:
        store = Store("sqlite:///" + str(db_path))
    except StoreError as exc:  # found while opening: fine too
        assert "damaged" in str(exc)
        return
    try:
        with pytest.raises(StoreError) as refused:
            list_delegates(store, event)
        assert "damaged" in str(refused.value)
    finally:
        store.close()


def test_a_full_disk_refuses_the_scan_and_writes_nothing(db_path, filled, event):
    good = codes(filled, event)
    service = CheckinService(filled, event, station="Desk 1")
    service.scan(good[0])
    before = scans(filled)

    @sa_event.listens_for(filled.engine, "connect")
    def tiny(dbapi_connection, _record):  # SQLite can grow no more: SQLITE_FULL
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    filled.engine.dispose()  # new connections, with the limit
    with pytest.raises(StoreError) as refused:
        for _ in range(200):  # until the next page is needed
            service.scan(good[1])
    assert "is full: nothing was recorded" in str(refused.value)
    sa_event.remove(filled.engine, "connect", tiny)
    filled.engine.dispose()
    # Every scan that was answered is there, and the refused one is not half there.
    with filled.read() as s:
        admitted = s.scalar(
            select(func.count()).select_from(m.Admission).where(m.Admission.scope == 0)
        )
    assert admitted == 2
    assert scans(filled) > before
    assert filled.integrity_ok()


def test_a_file_locked_by_another_program_says_so(db_path, filled, event, monkeypatch):
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time\n"
         f"c = sqlite3.connect({str(db_path)!r}, isolation_level=None)\n"
         "c.execute('BEGIN EXCLUSIVE')\n"
         "print('locked', flush=True)\n"
         "sys.stdin.readline()\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 300)
        filled.engine.dispose()  # reconnect with the short timeout
        service = CheckinService(filled, event, station="Desk 1")
        with pytest.raises(StoreError) as refused:
            service.scan(codes(filled, event)[0])
        assert "in use by another program" in str(refused.value)
    finally:
        holder.communicate("\n", timeout=10)
    assert scans(filled) == 0


def test_read_only_opens_to_look_and_refuses_to_write(db_path, filled, event):
    filled.close()
    store = Store("sqlite:///" + str(db_path), read_only=True)
    try:
        assert len(list_delegates(store, event)) == 3
        with pytest.raises(StoreError) as refused:
            CheckinService(store, event, station="RO").scan("NOTABADGE123")
        assert "read-only" in str(refused.value)
    finally:
        store.close()


def test_read_only_refuses_an_old_schema_it_cannot_upgrade(tmp_path):
    old = tmp_path / "old.sqlite"
    shutil.copy(Path(__file__).resolve().parents[2] / "data" / "db" / FIXTURE, old)
    with pytest.raises(StoreError) as refused:
        Store("sqlite:///" + str(old), read_only=True)
    assert "schema version 0001" in str(refused.value) and "upgrade" in str(refused.value)


def test_cli_names_the_problem_and_exits_3(db_path, filled, event):
    filled.close()
    db_path.write_bytes(b"not a database at all " * 200)
    done = subprocess.run(
        [sys.executable, "-m", "checkin", "--db", str(db_path), "stats"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 3
    assert "is not a checkin database or is damaged" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_cli_read_only_looks_and_refuses_to_scan(db_path, filled, event):
    filled.close()

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "checkin", "--db", str(db_path), "--read-only", *args],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    listed = run("list")
    assert listed.returncode == 0 and "Wróblewski" in listed.stdout
    scanned = run("scan", "NOTABADGE123")
    assert scanned.returncode == 3
    assert "read-only" in scanned.stderr and "Traceback" not in scanned.stderr
