"""``checkin sync``: two SQLite stations and a USB stick, through the real entry point."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.cli.conftest import listing


@pytest.fixture
def stations(run, tmp_path):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    assert run("demo", db=a).returncode == 0
    shutil.copy(a, b)  # the second laptop starts from a copy of the first
    return a, b


def badges(run, db) -> list[tuple[int, str]]:
    return [(p["number"], p["code"]) for p in listing(lambda *x: run(*x, db=db))]


def scan(run, db, station, items):
    proc = run("scan", "-", "--station", station, "--json", db=db, stdin="\n".join(items) + "\n")
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_export_import_both_ways_twice_second_time_changes_nothing(run, stations, tmp_path):
    a, b = stations
    roster = badges(run, a)
    badge = [c for _, c in roster]
    twice = sorted(n for n, _ in roster[8:10])  # admitted at both while apart
    scan(run, a, "Laptop A", badge[0:10])
    scan(run, b, "Laptop B", badge[8:15])
    stick = tmp_path / "stick.checkin-sync"

    def both_ways():
        out = []
        for src, dst in ((a, b), (b, a)):
            exported = run("sync", "export", stick, "--station", src.stem, "--json", db=src)
            assert exported.returncode == 0, exported.stderr
            imported = run("sync", "import", stick, "--json", db=dst)
            assert imported.returncode == 0, imported.stderr
            out.append(json.loads(imported.stdout))
        return out

    into_b, into_a = both_ways()
    assert (into_b["scans_new"], into_a["scans_new"]) == (10, 7)
    assert sorted(d["number"] for d in into_b["duplicates"]) == twice
    assert {d["first_station"] for d in into_b["duplicates"]} == {"Laptop A"}
    assert into_b["changed"] and into_a["changed"]

    into_b, into_a = both_ways()
    assert not into_b["changed"] and not into_a["changed"]
    assert into_b["duplicates"] == into_a["duplicates"] == []

    text = run("sync", "import", stick, db=b)
    assert "Nothing new" in text.stdout
    dups = run("sync", "duplicates", "--json", db=a)
    assert sorted(d["number"] for d in json.loads(dups.stdout)) == twice
    listed_a = {p["number"]: p["status"] for p in listing(lambda *x: run(*x, db=a))}
    listed_b = {p["number"]: p["status"] for p in listing(lambda *x: run(*x, db=b))}
    assert listed_a == listed_b


def test_a_stick_from_another_event_is_refused_with_a_message(run, stations, tmp_path):
    a, _ = stations
    other = tmp_path / "other.sqlite"
    assert run("demo", db=other).returncode == 0  # same demo, but its own event and keys
    stick = tmp_path / "other.checkin-sync"
    assert run("sync", "export", stick, db=other).returncode == 0
    proc = run("sync", "import", stick, db=a)
    assert proc.returncode == 2
    assert "another event" in proc.stderr and "Nothing was imported" in proc.stderr
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(b"\x00\x01")
    proc = run("sync", "import", garbage, db=a)
    assert proc.returncode == 2 and "not a checkin sync file" in proc.stderr
