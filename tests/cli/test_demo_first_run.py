"""The README's ``checkin --demo …`` examples on a fresh machine: no app opened first,
a home folder of the test's own."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def fresh(run):
    """``checkin --demo ARGS`` with no --db: the demo database in the new data folder."""
    return lambda *args, **kw: run("--demo", *args, db=None, **kw)


def test_every_demo_example_works_without_opening_the_app(fresh, tmp_path):
    listed = fresh("list")
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 86
    assert "IOMNGO-0001" in listed.stdout
    assert (tmp_path / "xdg" / "checkin" / "demo.sqlite").exists()

    found = fresh("search", "lukasz")
    assert found.returncode == 0 and "Łukasz" in found.stdout

    first = fresh("list", "--codes").stdout.splitlines()[0]
    scanned = fresh("scan", "-", stdin=first + "\n")
    assert scanned.returncode == 0 and scanned.stdout.startswith("ADMITTED"), scanned.stdout

    stats = json.loads(fresh("stats", "--json").stdout)
    assert stats["arrived"] == 1, stats

    pdf = tmp_path / "lost.pdf"
    printed = fresh("badges", str(pdf), "--ref", "IOMNGO-0083", "--reprint",
                    "--reason", "lost at lunch")
    assert printed.returncode == 0, printed.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_demo_command_still_says_whether_it_created_it(fresh):
    assert "Created the demo event" in fresh("demo").stdout
    assert "already in this database" in fresh("demo").stdout


@pytest.mark.parametrize("ref", ["#12", "12", "iomngo-0012"])
def test_badges_ref_takes_a_number_or_any_case(fresh, tmp_path, ref):
    done = fresh("badges", str(tmp_path / "one.pdf"), "--ref", ref, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["badges"] == 1


def test_badges_ref_takes_a_badge_code(fresh, tmp_path):
    code = json.loads(fresh("list", "--json").stdout)[0]["code"]
    done = fresh("badges", str(tmp_path / "one.pdf"), "--ref", code.lower(), "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["badges"] == 1, done.stderr


def test_badges_ref_that_names_no_one_says_so(fresh, tmp_path):
    done = fresh("badges", str(tmp_path / "none.pdf"), "--ref", "#900")
    assert done.returncode == 2
    assert "unknown: #900" in done.stderr and not (tmp_path / "none.pdf").exists()

