"""Shared fixtures: a real SQLite file per test, and a small event in it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import tempfile

# Tests never need a screen; set here so nobody has to remember it.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The event kept for a quick start (``core.event.snapshot``) goes to a folder of the run.
os.environ.setdefault("CHECKIN_CACHE_DIR", tempfile.mkdtemp(prefix="checkin-cache-"))

import pytest

from checkin.core.db.store import Store
from checkin.core.event.definition import parse_event, save_event
from checkin.core.types import EventInfo

# Whole groups of tests that take seconds each: a child process per command, a real
# PostgreSQL server, the app on a virtual screen, a wheel or installer build.  They get
# the ``slow`` marker here, so ``pytest -m "not slow"`` is the quick loop; CI runs all.
# Single slow tests elsewhere carry ``@pytest.mark.slow`` themselves.
_SLOW_FOLDERS = ("tests/cli/",)
_SLOW_MODULES = ("test_durability.py", "test_concurrent_desks.py", "test_packaging.py",
                 "test_installer.py", "test_x11_scanner.py")
_SLOW_FIXTURES = {"server", "pg_admin"}


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        path = item.path.as_posix()
        params = getattr(item, "callspec", None)
        on_pg = params is not None and "postgresql" in str(params.params.values())
        if (
            any(folder in path for folder in _SLOW_FOLDERS)
            or item.path.name in _SLOW_MODULES
            or _SLOW_FIXTURES & set(getattr(item, "fixturenames", ()))
            or on_pg
        ):
            item.add_marker(pytest.mark.slow)


EVENT_DATE = dt.date(2026, 11, 28)
T0 = dt.datetime(2026, 11, 28, 8, 0, tzinfo=dt.UTC)  # the small event's morning, 09:00 in Geneva

SMALL_EVENT = {
    "event": {
        "name": "Test consultation",
        "venue": "Auditorium Jacques-Freymond",
        "address": "132 rue de Lausanne, Genève",
        "date": EVENT_DATE.isoformat(),
        "timezone": "Europe/Zurich",
        "capacity": 100,
        "registration_opens": "08:30",
    },
    "categories": [
        {"key": "participant", "label": "Participant", "colour": "#1F5FA8"},
        {"key": "speaker", "label": "Speaker", "colour": "#B3261E"},
        {"key": "press", "label": "Press", "colour": "#6A1B9A"},
    ],
    "sessions": [
        {"key": "opening", "title": "Opening", "room": "Auditorium", "start": "09:30",
         "end": "10:00", "capacity": 100},
        {"key": "financing", "title": "New financing approaches", "room": "Auditorium",
         "start": "10:00", "end": "11:15", "capacity": 3},
        {"key": "lunch", "title": "Lunch", "start": "12:45", "end": "14:00",
         "attendance": False},
    ],
}


@pytest.fixture(scope="session")
def pg_admin():
    """A real PostgreSQL server for the session (see tests/pg.py)."""
    from tests import pg

    server = pg.server()
    try:
        url = server.__enter__()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        if os.environ.get("CHECKIN_REQUIRE_PG"):  # CI: these tests must run
            raise
        pytest.skip(f"no PostgreSQL server for this run: {exc}")
    yield url
    server.__exit__(None, None, None)


@pytest.fixture(scope="module")
def server():
    """A PostgreSQL server of the module's own, which its tests may stop and restart
    (a network drop) without disturbing the other tests' server."""
    from tests import pg

    if os.environ.get(pg.ENV):
        pytest.skip("an external PostgreSQL server cannot be stopped by the tests")
    try:
        with pg.stoppable_server() as srv:
            yield srv
    except RuntimeError as exc:
        if os.environ.get("CHECKIN_REQUIRE_PG"):
            raise
        pytest.skip(f"no PostgreSQL server for this run: {exc}")


@pytest.fixture
def stations(tmp_path):
    """Two SQLite stations set up from one database file (as the IT note says): the
    small event and 12 delegates, copied to a second laptop."""
    import shutil

    first = Store("sqlite:///" + str(tmp_path / "a.sqlite"))
    ev = save_event(first, parse_event(SMALL_EVENT, source="test"))
    insert_delegates(first, ev, [{} for _ in range(12)])
    first.close()
    shutil.copy(tmp_path / "a.sqlite", tmp_path / "b.sqlite")
    a = Store("sqlite:///" + str(tmp_path / "a.sqlite"))
    b = Store("sqlite:///" + str(tmp_path / "b.sqlite"))
    yield a, b
    a.close()
    b.close()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "checkin.sqlite"


@pytest.fixture
def store(db_path):
    s = Store("sqlite:///" + str(db_path))
    yield s
    s.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request, db_path):
    """The same test on a SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        url = "sqlite:///" + str(db_path)
    else:
        from tests import pg

        url = pg.fresh_database(request.getfixturevalue("pg_admin"))
    s = Store(url)
    yield s
    s.close()


@pytest.fixture
def event(store) -> EventInfo:
    return save_event(store, parse_event(SMALL_EVENT, source="test"))


class Clock:
    """A clock the test moves by hand (``clock.now += 5``); called, it says ``now``.  The
    unit is whatever the code under test reads: seconds, or milliseconds."""

    def __init__(self, now: float = 0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def insert_delegates(store, event, people):
    """Insert delegates directly (no importer): ``people`` are dicts of Delegate fields."""
    from checkin.core.db import models as m
    from checkin.core.text import fold

    now = dt.datetime(2026, 11, 1)
    ids = []
    with store.write() as s:
        for i, person in enumerate(people, start=1):
            row = m.Delegate(
                event_id=event.id,
                number=person.get("number", i),
                reference=person.get("reference", f"R{i:04d}"),
                first_name=person.get("first_name", f"First{i}"),
                last_name=person.get("last_name", f"Last{i}"),
                organisation=person.get("organisation", "IOM"),
                country=person.get("country", "CH"),
                email=person.get("email", f"p{i}@example.org"),
                category=person.get("category", "participant"),
                status=person.get("status", "registered"),
                badge_version=person.get("badge_version", 1),
                created_at=now,
                updated_at=now,
            )
            row.search_text = fold(f"{row.first_name} {row.last_name} {row.organisation}")
            s.add(row)
            s.flush()
            ids.append(row.id)
    return ids


@pytest.fixture
def people(store, event):
    """Three delegates: Łukasz (registered), Amira (registered), Zoë (cancelled)."""
    return insert_delegates(
        store,
        event,
        [
            {"first_name": "Łukasz", "last_name": "Wróblewski", "organisation": "Caritas"},
            {"first_name": "أميرة", "last_name": "الحسيني", "organisation": "IOM",
             "country": "JO", "category": "speaker"},
            {"first_name": "Zoë", "last_name": "Lefèvre", "status": "cancelled"},
        ],
    )


def badge_code(store, number: int, version: int = 1) -> str:
    """The badge code of delegate ``number`` of the store's event, as printed."""
    from checkin.core.event import codes
    from checkin.core.event.stored import event_secret, require_event

    event = require_event(store)
    return codes.make_code(event_secret(store, event.id), number, version)
