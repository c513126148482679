"""The command line, through the real entry point (a child process), on real files."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.cli.conftest import listing

ROOT = Path(__file__).resolve().parents[2]


def test_demo_is_created_once_with_the_documented_list_shape(demo):
    again = demo("demo")
    assert again.returncode == 0 and "already" in again.stdout
    rows = listing(demo)
    assert 80 <= len(rows) <= 90
    keys = {"ref", "first_name", "last_name", "organisation", "country", "category", "email",
            "status", "arrived_at", "code"}
    assert keys <= set(rows[0])
    assert len({r["organisation"] for r in rows}) >= 40
    assert len({r["country"] for r in rows}) == 17
    assert any(r["first_name"] == "Łukasz" for r in rows)
    assert all(r["arrived_at"] is None for r in rows)


def test_event_show_gives_the_demo_sessions(demo):
    proc = demo("event", "show", "--json")
    event = json.loads(proc.stdout)
    assert event["venue"] == "Auditorium Jacques-Freymond"
    assert event["timezone"] == "Europe/Zurich"
    titles = [s["title"] for s in event["sessions"]]
    assert "New financing approaches" in titles and "Closing remarks" in titles
    # The demo's day is laid around the hour it is created (``event.demo_day``), so
    # the times move with the clock; the closing remarks stay last and 45 minutes long,
    # said in Geneva's time of that day.
    closing = event["sessions"][-1]
    assert closing["title"] == "Closing remarks"
    start, end = (dt.datetime.fromisoformat(closing[k]) for k in ("start", "end"))
    assert end - start == dt.timedelta(minutes=45)
    assert end.utcoffset() == end.astimezone(ZoneInfo("Europe/Zurich")).utcoffset()


def test_scan_admits_then_reports_duplicate_with_exit_codes(demo):
    code = listing(demo)[0]["code"]
    first = demo("scan", code, "--station", "Desk 2", "--json")
    assert first.returncode == 0
    out = json.loads(first.stdout)
    assert out["status"] == "admitted" and out["delegate"]["ref"]
    assert set(out) >= {"status", "delegate", "session", "first_scan_at", "scan_id", "message"}
    second = demo("scan", code.lower(), "--json")
    assert second.returncode == 0
    dup = json.loads(second.stdout)
    assert dup["status"] == "already_admitted"
    assert dup["first_scan_at"] == out["scanned_at"] and "Desk 2" in dup["message"]
    refused = demo("scan", "NOT-A-BADGE", "--json")
    assert refused.returncode == 1
    assert json.loads(refused.stdout)["status"] == "invalid"


def test_scan_stdin_replays_one_result_per_line(demo):
    codes = [r["code"] for r in listing(demo)[:5]]
    lines = [*codes, codes[0], "garbage"]
    proc = demo("scan", "-", "--json", stdin="\n".join(lines) + "\n")
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["status"] for r in results] == ["admitted"] * 5 + ["already_admitted", "invalid"]
    assert proc.returncode == 1  # one line was refused


def test_undo_then_scan_again(demo):
    code = listing(demo)[3]["code"]
    scan_id = json.loads(demo("scan", code, "--json").stdout)["scan_id"]
    undo = demo("undo", scan_id, "--json")
    assert undo.returncode == 0 and json.loads(undo.stdout)["status"] == "undone"
    assert json.loads(demo("scan", code, "--json").stdout)["status"] == "admitted"
    twice = demo("undo", scan_id)
    assert twice.returncode == 2 and "already undone" in twice.stderr


def test_stats_json_shape(demo):
    rows = listing(demo)
    demo("scan", "-", stdin="\n".join(r["code"] for r in rows[:10]))
    demo("scan", rows[0]["code"], "--session", "financing")
    stats = json.loads(demo("stats", "--json").stdout)
    assert stats["registered"] == len(rows) and stats["arrived"] == 10
    financing = next(s for s in stats["sessions"] if s["key"] == "financing")
    assert financing == {"key": "financing", "title": "New financing approaches",
                         "attended": 1, "capacity": 110}
    assert {"by_category", "by_organisation", "by_country"} <= set(stats)
    assert sum(g["arrived"] for g in stats["by_country"]) == 10
    text = demo("stats")
    assert text.returncode == 0 and "Arrived 10 of" in text.stdout


def test_search_is_accent_tolerant(demo):
    hits = json.loads(demo("search", "lukasz", "--json").stdout)
    assert hits and hits[0]["first_name"] == "Łukasz"


def test_usage_errors_exit_2_with_a_message(demo, run, tmp_path):
    code = listing(demo)[0]["code"]
    bad_session = demo("scan", code, "--session", "nope")
    assert bad_session.returncode == 2 and "Unknown session" in bad_session.stderr
    empty = run("list", db=tmp_path / "empty.sqlite")
    assert empty.returncode == 2 and "no event yet" in empty.stderr
    assert run("scan").returncode == 2  # argparse: missing CODE
    bad_map = demo("import", "x.csv", "--map", "nonsense")
    assert bad_map.returncode == 2 and "FIELD=COLUMN" in bad_map.stderr


def test_a_damaged_database_gives_a_clear_message(run, tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(os.urandom(4096))
    proc = run("list", db=junk)
    assert proc.returncode == 3
    assert "not a checkin database or is damaged" in proc.stderr


FRENCH_CSV = (
    "Nom;Prénom;Organisation;Pays;Courriel;Catégorie\r\n"
    "Müller;Jürg;Croix-Rouge suisse;Suisse;jurg.muller@example.org;Participant\r\n"
    "Lefèvre-Dubois;Anne-Sophie;Médecins Sans Frontières;France;as.lefevre@example.org;"
    "Speaker\r\n"
    "Kouassi;Aïcha;Caritas;Côte d'Ivoire;aicha.kouassi@example.org;\r\n"
)


def test_import_cp1252_semicolon_french_csv(run, tmp_path):
    event = ROOT / "resources" / "demo" / "event.toml"
    assert run("event", "init", event).returncode == 0
    path = tmp_path / "inscrits.csv"
    path.write_bytes(FRENCH_CSV.encode("cp1252"))
    dry = run("import", path, "--dry-run")
    assert dry.returncode == 0 and "3 new" in dry.stdout
    assert listing(run) == []
    proc = run("import", path)
    assert proc.returncode == 0, proc.stderr
    rows = {r["last_name"]: r for r in listing(run)}
    assert rows["Müller"]["country"] == "CH" and rows["Müller"]["first_name"] == "Jürg"
    assert rows["Kouassi"]["country"] == "CI" and rows["Kouassi"]["first_name"] == "Aïcha"
    assert rows["Lefèvre-Dubois"]["category"] == "speaker"
    again = run("import", path)
    assert "0 new, 0 updated, 3 unchanged" in again.stdout


def test_import_with_errors_is_refused_row_by_row_and_writes_nothing(run, tmp_path):
    assert run("event", "init", ROOT / "resources" / "demo" / "event.toml").returncode == 0
    path = tmp_path / "bad.csv"
    path.write_text(
        "first_name,last_name,organisation,country,email\n"
        "Ana,Silva,IOM,PT,ana@example.org\n"
        "Ben,Okafor,ICVA,Atlantis,ben@example.org\n"
        "Chloé,Martin,NRC,FR,not-an-email\n",
        encoding="utf-8",
    )
    proc = run("import", path)
    assert proc.returncode == 1
    assert "row 3" in proc.stderr and "Atlantis" in proc.stderr
    assert "row 4" in proc.stderr and "email" in proc.stderr
    assert listing(run) == []
    skipped = run("import", path, "--skip-invalid")
    assert skipped.returncode == 0
    assert [r["last_name"] for r in listing(run)] == ["Silva"]


def test_missing_file_is_a_clear_error(demo, tmp_path):
    proc = demo("import", tmp_path / "nope.csv")
    assert proc.returncode == 1 and "nope.csv" in proc.stderr


def test_templates_are_listed(run):
    proc = run("templates", "--json", db=None)
    keys = {t["key"] for t in json.loads(proc.stdout)}
    assert {"a6", "a6-foldover", "cr80", "brother-62mm"} <= keys
    assert len(keys) >= 6


def test_badges_print_preflight_and_reprint(demo, tmp_path):
    pre = demo("badges", "--preflight", "--json")
    checked = json.loads(pre.stdout)
    assert checked["badges"] == 86 and checked["template"] == "a6"
    assert pre.returncode == (1 if checked["problems"] else 0)
    out = tmp_path / "all.pdf"
    printed = demo("badges", out, "--template", "a4-herma-4412", "--json")
    assert printed.returncode == 0, printed.stderr
    report = json.loads(printed.stdout)
    assert report["badges"] == 86 and report["pages"] == 9  # 10 per A4 sheet
    assert out.read_bytes().startswith(b"%PDF")
    none_left = demo("badges", tmp_path / "rest.pdf", "--unprinted")
    assert none_left.returncode == 2 and "everyone's badge" in none_left.stderr
    ref = listing(demo)[0]["ref"]
    old_code = listing(demo)[0]["code"]
    again = demo("badges", tmp_path / "lost.pdf", "--ref", ref, "--reprint", "--reason", "lost")
    assert again.returncode == 0 and "1 reprinted" in again.stdout
    revoked = demo("scan", old_code, "--json")
    assert revoked.returncode == 1 and json.loads(revoked.stdout)["status"] == "revoked"
    assert demo("scan", listing(demo)[0]["code"]).returncode == 0
    no_out = demo("badges")
    assert no_out.returncode == 2 and "OUT.pdf" in no_out.stderr
