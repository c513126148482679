"""``checkin scan`` on a PostgreSQL server that goes away: the station's offline copy
answers (marked ``"offline": true``), every line once; the scans reach the server at the
station's next scan or with ``checkin replay``.  Through the real entry point (child
processes), on a real server that the tests stop and start (tests/pg.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import select

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.event import codes
from checkin.core.event.definition import parse_event, save_event
from checkin.core.event.stored import event_secret
from tests.conftest import SMALL_EVENT, insert_delegates

NO_COPY = "no local copy"  # core.desk.offline.OfflineError's words for a desk never online


@pytest.fixture
def shared(server):
    """A fresh database with the small event and 40 people on the module's server; the
    URL and ``code(n)``, person n's badge code."""
    from tests import pg

    if not server.running:
        server.start()
    url = pg.fresh_database(server.url)
    store = Store(url)
    event = save_event(store, parse_event(SMALL_EVENT, source="test"))
    insert_delegates(store, event, [{} for _ in range(40)])
    secret = event_secret(store, event.id)
    store.close()
    return url, lambda n: codes.make_code(secret, n, 1)


def server_scans(url: str) -> list[tuple[str, str]]:
    """The server's journal: (scan id, station) per row."""
    store = Store(url)
    try:
        with store.read() as s:
            return [(u, st) for u, st in s.execute(select(m.Scan.uuid, m.Scan.station))]
    finally:
        store.close()


class Stream:
    """``checkin scan - --json`` as a scanner feeds it: one line in, its answer out."""

    def __init__(self, url: str, env: dict, cwd, station: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "checkin", "--db", url, "scan", "-", "--station", station,
             "--json"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", env=env, cwd=cwd,
        )

    def scan(self, code: str) -> dict:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(code + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        assert line, self.proc.stderr.read() if self.proc.stderr else ""
        return json.loads(line)

    def close(self) -> tuple[int, str, str]:
        out, err = self.proc.communicate(timeout=120)
        return self.proc.returncode, out, err


def test_a_stream_goes_offline_mid_way_then_the_next_scan_replays(
    server, shared, run, cli_env, tmp_path
):
    url, code = shared
    stream = Stream(url, cli_env, tmp_path, "Door A")
    try:
        online = [stream.scan(code(n)) for n in range(1, 6)]
        server.stop()  # immediate: the stream's connection is cut
        offline = [stream.scan(code(n)) for n in range(6, 16)]
        again = stream.scan(code(20))
    finally:
        status, rest, err = stream.close()
    assert rest == ""  # nothing answered twice, nothing left over
    assert status == 0, err  # everyone may go in: exit 0, offline or not
    assert "Traceback" not in err and "unexpected" not in err
    answers = [*online, *offline, again]
    assert [o["offline"] for o in answers] == [False] * 5 + [True] * 11
    assert [o["status"] for o in answers] == ["admitted"] * 16
    assert [o["delegate"]["number"] for o in answers] == [*range(1, 16), 20]
    assert len({o["scan_id"] for o in answers}) == 16
    assert "cannot be reached" not in err  # it was reached at the start
    assert err.count("the database server went away") == 1
    assert "11 scans wait in the offline copy of station 'Door A'" in err
    assert "checkin replay --station 'Door A'" in err

    # The server is back: this station's next scan replays the stream's offline part.
    server.start()
    nxt = run("scan", code(30), "--station", "Door A", "--json", db=url)
    assert nxt.returncode == 0, nxt.stderr
    assert json.loads(nxt.stdout)["offline"] is False
    assert "replayed 11 scans from the offline copy of station 'Door A'" in nxt.stderr
    journal = dict(server_scans(url))
    assert {o["scan_id"] for o in answers} <= set(journal)
    assert {journal[o["scan_id"]] for o in answers} == {"Door A"}
    quiet = run("scan", code(31), "--station", "Door A", db=url)
    assert quiet.returncode == 0 and quiet.stderr == ""  # nothing left to replay
    assert "(offline)" not in quiet.stdout


def test_replay_pushes_a_stations_scans_and_finds_the_duplicates(server, shared, run):
    url, code = shared
    for station in ("Desk 1", "Desk 2"):  # each station's offline copy is made online
        assert run("scan", code(1), "--station", station, db=url).returncode == 0
    server.stop()
    one = run("scan", code(2), "--station", "Desk 1", db=url)
    assert one.returncode == 0, one.stderr
    assert one.stdout.rstrip().endswith("(offline)") and "ADMITTED" in one.stdout
    assert "cannot be reached" in one.stderr
    two = run("scan", code(2), "--station", "Desk 2", "--json", db=url)
    assert json.loads(two.stdout)["status"] == "admitted"  # the desks cannot see each other
    assert json.loads(two.stdout)["offline"] is True
    undo = run("undo", json.loads(two.stdout)["scan_id"], "--station", "Desk 2", "--json",
               db=url)
    assert undo.returncode == 0 and json.loads(undo.stdout)["offline"] is True
    assert json.loads(run("scan", code(2), "--station", "Desk 2", "--json",
                          db=url).stdout)["status"] == "admitted"
    down = run("replay", "--station", "Desk 1", db=url)
    assert down.returncode == 3 and "nothing was replayed" in down.stderr

    server.start()
    first = run("replay", "--station", "Desk 1", "--json", db=url)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout) == {"station": "Desk 1", "replayed": 1, "walk_ins": 0,
                                        "edits": 0, "notes": 0, "skipped": [],
                                        "duplicates": [],
                                        "clashes": []}
    second = run("replay", "--station", "Desk 2", db=url)
    assert second.returncode == 0, second.stderr
    assert "Replayed 3 scans from the offline copy of station 'Desk 2'" in second.stdout
    assert "Last2" in second.stdout and "1 person was admitted twice" in second.stdout
    again = run("replay", "--station", "Desk 2", "--json", db=url)
    assert json.loads(again.stdout)["replayed"] == 0
    dups = json.loads(run("sync", "duplicates", "--json", db=url).stdout)
    assert [(d["number"], d["first_station"], d["second_station"]) for d in dups] == [
        (2, "Desk 1", "Desk 2")
    ]


def test_replay_lists_a_walk_in_registered_twice_for_a_person(
    server, shared, run, cli_env, monkeypatch
):
    """A walk-in registered offline (in the app, at this station) who was meanwhile
    registered on the server: ``replay`` inserts it and lists the clash."""
    from checkin.core.desk.offline import DeskCheckin
    from checkin.core.event.stored import require_event
    from checkin.core.roster.person import PersonForm

    url, code = shared
    assert run("scan", code(1), "--station", "Walk-ins", db=url).returncode == 0
    store = Store(url)  # registered on the server; the station has not seen her
    insert_delegates(store, require_event(store), [
        {"number": 900, "reference": "R0900", "first_name": "Ana", "last_name": "Silva",
         "email": "ana.silva@example.org"}])
    store.close()
    server.stop()
    monkeypatch.setenv("XDG_DATA_HOME", cli_env["XDG_DATA_HOME"])  # the station's copy
    with DeskCheckin(url, station="Walk-ins") as desk:
        assert not desk.online
        walk_in = desk.register_walk_in(PersonForm("Ana", "Silva", "IOM", "CH",
                                                   "ana.silva@example.org"))
    server.start()
    proc = run("replay", "--station", "Walk-ins", "--json", db=url)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert (report["walk_ins"], report["replayed"]) == (1, 1)  # her, and her admission
    (clash,) = report["clashes"]
    assert (clash["kind"], clash["reason"], clash["number"], clash["other"]) == (
        "walk_in", "same_person", walk_in.delegate.number, 900)
    assert "Silva" in clash["message"]


def test_no_server_and_no_offline_copy_is_exit_3_with_a_sentence(server, shared, run):
    url, code = shared
    server.stop()
    proc = run("scan", code(1), "--station", "Never online", db=url)
    assert proc.returncode == 3
    assert "reach" in proc.stderr and NO_COPY in proc.stderr
    assert "unexpected" not in proc.stderr
    stream = run("scan", "-", "--station", "Never online", "--json", stdin=code(1) + "\n",
                 db=url)
    assert stream.returncode == 3 and stream.stdout == "" and NO_COPY in stream.stderr
    listing = run("list", db=url)  # any other command: the database cannot be opened
    assert listing.returncode == 3 and "unexpected" not in listing.stderr


def test_sqlite_scans_say_they_are_online_and_replay_is_for_a_server(demo):
    from tests.cli.conftest import listing

    code = listing(demo)[0]["code"]
    proc = demo("scan", "-", "--json", stdin=code + "\n" + code + "\n")
    answers = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [a["offline"] for a in answers] == [False] * 2
    assert proc.stderr == ""
    undo = demo("undo", answers[0]["scan_id"], "--json")
    assert json.loads(undo.stdout)["offline"] is False
    assert "(offline)" not in demo("scan", code).stdout
    refused = demo("replay")
    assert refused.returncode == 2 and "shared database server" in refused.stderr
