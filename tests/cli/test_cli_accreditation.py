"""The accreditation desk's commands as issue 19's contract says: scan JSON with note,
photo and hand-outs; refusals by rule and overrides; note done; hand-outs give, return,
list; photos import.  (CHECKIN_NOW is not used: the rules tested do not depend on the
hour — a closed session and a full room.)"""

from __future__ import annotations

import json

import pytest
from PIL import Image

EVENT = """
[event]
name = "Accreditation test"
date = "2026-11-28"
timezone = "Europe/Zurich"

[[categories]]
key = "participant"
label = "Participant"

[[categories]]
key = "head"
label = "Head of delegation"
id_check = true

[[sessions]]
key = "closed"
title = "Heads meeting"
start = "10:00"
end = "11:00"
only_categories = ["head"]

[[handouts]]
key = "headset"
label = "Interpretation headset"
returnable = true

[[handouts]]
key = "kit"
label = "Welcome kit"
categories = ["head"]
"""

ROSTER = (
    "reference,first_name,last_name,organisation,email,category,Remarque\n"
    "A1,Ann,Lee,IOM,ann@x.org,participant,Collect visa letter\n"
    "B2,Bob,Ray,UNHCR,bob@x.org,head,\n"
)


@pytest.fixture
def desk(run, tmp_path):
    (tmp_path / "ev.toml").write_text(EVENT, encoding="utf-8")
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    assert run("event", "init", tmp_path / "ev.toml").returncode == 0
    proc = run("import", tmp_path / "roster.csv")
    assert proc.returncode == 0, proc.stderr
    codes = {p["ref"]: p["code"] for p in json.loads(run("list", "--json").stdout)}
    return run, codes


def scan(run, code, *extra):
    proc = run("scan", code, "--json", *extra)
    return proc.returncode, json.loads(proc.stdout) if proc.stdout else None


def test_scan_json_carries_note_photo_and_handouts(desk):
    run, codes = desk
    status, out = scan(run, codes["A1"])
    assert status == 0 and out["status"] == "admitted"
    assert out["note"] == {"text": "Collect visa letter", "done": False}
    assert out["photo"] is False
    assert out["handouts"] == [{"item": "headset", "state": "due"}]
    _, bob = scan(run, codes["B2"])
    assert bob["note"] is None and bob["id_check"] == "due"
    assert bob["handouts"] == [{"item": "headset", "state": "due"},
                               {"item": "kit", "state": "due"}]


def test_a_refusal_by_rule_and_an_override(desk):
    run, codes = desk
    status, out = scan(run, codes["A1"], "--session", "closed")
    assert status == 1 and out["status"] == "not_allowed" and out["may_enter"] is False
    assert out["message"] == "Closed session: Head of delegation only."
    assert run("scan", codes["A1"], "--session", "closed", "--override").returncode == 2
    status, out = scan(run, codes["A1"], "--session", "closed", "--override",
                       "--operator", "Marie", "--reason", "invited by the chair")
    assert status == 0 and out["status"] == "admitted" and out["overridden"] is True
    assert out["rule"] == "only_categories"


def test_note_done_and_handouts_by_ref_number_and_code(desk):
    run, codes = desk
    proc = run("note", "done", "A1", "--json", "--operator", "Ines")
    done = json.loads(proc.stdout)
    assert proc.returncode == 0 and done["done"] is True and done["done_by"] == "Ines"
    assert scan(run, codes["A1"])[1]["note"]["done"] is True
    assert run("handout", "give", "A1", "headset", "--code", "117").returncode == 0
    assert run("handout", "give", codes["B2"], "headset").returncode == 0
    assert run("handout", "give", "#2", "kit").returncode == 0
    again = run("handout", "give", "a1", "headset", "--json")
    assert again.returncode == 1 and json.loads(again.stdout)["status"] == "already_out"
    assert run("handout", "return", "B2", "headset").returncode == 0
    assert run("handout", "give", "A1", "umbrella").returncode == 2
    out = json.loads(run("handout", "list", "--outstanding", "--json").stdout)
    assert [{k: r[k] for k in ("ref", "name", "organisation", "item", "returned_at")}
            for r in out] == [{"ref": "A1", "name": "Ann Lee", "organisation": "IOM",
                               "item": "headset", "returned_at": None}]
    assert out[0]["out_at"].startswith("20")
    full = json.loads(run("handout", "list", "--json").stdout)
    assert {(r["ref"], r["item"]) for r in full} == {("A1", "headset"), ("B2", "headset"),
                                                     ("B2", "kit")}
    assert scan(run, codes["B2"])[1]["handouts"] == [
        {"item": "headset", "state": "returned"}, {"item": "kit", "state": "out"}]


def test_note_set_through_the_desk_then_done_and_cleared(desk):
    run, codes = desk
    proc = run("note", "set", "B2", "  Speaker: send to the green room ", "--json")
    out = json.loads(proc.stdout)
    assert proc.returncode == 0 and out["changed"] is True
    assert out["note"] == {"text": "Speaker: send to the green room", "done": False}
    assert scan(run, codes["B2"])[1]["note"]["text"] == "Speaker: send to the green room"
    same = json.loads(run("note", "set", "B2", "Speaker: send to the green room",
                          "--json").stdout)
    assert same["changed"] is False
    assert run("note", "set", "B2").returncode == 2  # no text: say how to clear instead
    assert run("note", "set", "B2", "").returncode == 0
    assert scan(run, codes["B2"])[1]["note"] is None


def test_photos_import_matches_files_by_reference_email_and_number(desk, tmp_path):
    run, codes = desk
    pics = tmp_path / "pics"
    pics.mkdir()
    Image.new("RGB", (900, 1200), "red").save(pics / "a1.jpg")
    Image.new("RGB", (200, 200), "blue").save(pics / "bob@x.org.png")
    Image.new("RGB", (20, 20)).save(pics / "nobody.jpg")
    proc = run("photos", "import", pics, "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["matched"] == 2 and report["unmatched"] == ["nobody.jpg"]
    assert scan(run, codes["A1"])[1]["photo"] is True


def test_venue_rules_in_the_event_file_refuse_arrivals_by_name(run, tmp_path):
    venue = EVENT.replace(
        'timezone = "Europe/Zurich"\n',
        'timezone = "Europe/Zurich"\nonly_categories = ["head"]\n', 1)
    (tmp_path / "ev.toml").write_text(venue, encoding="utf-8")
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    assert run("event", "init", tmp_path / "ev.toml").returncode == 0
    assert run("import", tmp_path / "roster.csv").returncode == 0
    shown = json.loads(run("event", "show", "--json").stdout)
    assert shown["only_categories"] == ["head"] and shown["hard_capacity"] is False
    codes = {p["ref"]: p["code"] for p in json.loads(run("list", "--json").stdout)}
    status, out = scan(run, codes["A1"])
    assert status == 1 and out["status"] == "not_allowed" and out["rule"] == "only_categories"
    assert out["message"] == "Venue open today to Head of delegation only."
    assert scan(run, codes["B2"])[1]["status"] == "admitted"


def test_a_venue_rule_without_what_it_counts_from_is_refused_with_the_file(run, tmp_path):
    (tmp_path / "ev.toml").write_text(EVENT.replace(
        'timezone = "Europe/Zurich"\n', 'timezone = "Europe/Zurich"\ndoors_open = 30\n', 1),
        encoding="utf-8")
    proc = run("event", "init", tmp_path / "ev.toml")
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert "ev.toml: [event]: 'doors_open'" in proc.stderr
    assert "registration_opens" in proc.stderr
