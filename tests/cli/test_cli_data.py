"""Data commands through the real entry point (a child process), on real files: export,
paper-arrivals, mailmerge, backup/restore and purge."""

from __future__ import annotations

import csv
import json
import os
import stat

import pypdf
from PIL import Image

from tests.qr import read_qr

POSIX = os.name == "posix"






def listing(run) -> list[dict]:
    proc = run("list", "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_exports_by_extension_and_kind(demo, tmp_path):
    rows = listing(demo)
    assert demo("scan", rows[0]["code"], "--station", "Desk 2").returncode == 0
    proc = demo("export", tmp_path / "att.csv", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"path": str(tmp_path / "att.csv"), "kind": "csv",
                                       "rows": len(rows)}
    with (tmp_path / "att.csv").open(encoding="utf-8-sig", newline="") as f:
        exported = {r["reference"]: r for r in csv.DictReader(f)}
    assert exported[rows[0]["ref"]]["arrival_station"] == "Desk 2"
    assert demo("export", tmp_path / "att.xlsx").returncode == 0
    assert demo("export", tmp_path / "report.pdf").returncode == 0
    assert "Attendance per session" in pypdf.PdfReader(tmp_path / "report.pdf").pages[0] \
        .extract_text()
    proc = demo("export", tmp_path / "sheet.pdf", "--kind", "sign-in", "--split", "A-K,L-Z")
    assert proc.returncode == 0, proc.stderr
    text = "".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "sheet.pdf").pages)
    assert "desk A–K" in text and "desk L–Z" in text and "Wróblewski" in text
    if POSIX:
        for name in ("att.csv", "att.xlsx", "report.pdf", "sheet.pdf"):
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600


def test_export_usage_errors_exit_2(demo, tmp_path):
    proc = demo("export", tmp_path / "att.txt")
    assert proc.returncode == 2 and ".csv, .xlsx or .pdf" in proc.stderr
    proc = demo("export", tmp_path / "s.pdf", "--kind", "sign-in", "--split", "A-K,J-Z")
    assert proc.returncode == 2 and "overlap" in proc.stderr
    assert not (tmp_path / "s.pdf").exists()


def test_paper_arrivals_recorded_once_unknown_refused(demo, tmp_path):
    refs = [r["ref"] for r in listing(demo)[:3]]
    ticks = tmp_path / "ticks.txt"
    ticks.write_text("\n".join(refs[:2]) + "\n", encoding="utf-8")
    bad = demo("paper-arrivals", ticks, "NOPE-1", "--at", "09:10", "--station", "Paper A–K")
    assert bad.returncode == 1 and "unknown: NOPE-1" in bad.stderr
    ok = demo("paper-arrivals", ticks, refs[2], "--at", "09:10", "--station", "Paper A–K",
              "--json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["admitted"] == refs
    again = demo("paper-arrivals", ticks, "--at", "09:10", "--station", "Paper A–K", "--json")
    assert json.loads(again.stdout) == {"admitted": [], "already": refs[:2], "session": None,
                                        "at": json.loads(ok.stdout)["at"]}
    arrived = {r["ref"]: r["arrived_at"] for r in listing(demo)}
    assert all(arrived[r].endswith("T09:10:00+01:00") for r in refs)
    stats = json.loads(demo("stats", "--json").stdout)
    assert stats["arrived"] == 3 and stats["duplicate_scans"] == 0


def test_mailmerge_writes_private_badges_qr_and_list(demo, tmp_path):
    rows = [r for r in listing(demo) if r["status"] == "registered"]
    out = tmp_path / "mail"
    proc = demo("mailmerge", out, "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["badges"] == len(rows)
    with (out / "mailmerge.csv").open(encoding="utf-8-sig", newline="") as f:
        merged = list(csv.DictReader(f))
    assert list(merged[0]) == ["first_name", "last_name", "email", "pdf", "png"]
    assert len(merged) == len(rows)
    first = rows[0]
    line = next(m for m in merged if m["email"] == first["email"])
    assert line["first_name"] == first["first_name"]
    assert read_qr(Image.open(line["png"])) == [first["code"]]
    assert first["last_name"] in pypdf.PdfReader(line["pdf"]).pages[0].extract_text()
    if POSIX:
        assert stat.S_IMODE(out.stat().st_mode) == 0o700
        assert {stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()} == {0o600}


def test_backup_then_restore_round_trip(demo, tmp_path):
    proc = demo("backup", "--json")
    assert proc.returncode == 0, proc.stderr
    saved = json.loads(proc.stdout)["path"]
    assert saved.startswith(str(tmp_path / "backups" / "cli-"))
    code = listing(demo)[0]["code"]
    assert demo("scan", code).returncode == 0
    refused = demo("restore", saved)
    assert refused.returncode == 2 and "--force" in refused.stderr
    proc = demo("restore", saved, "--force")
    assert proc.returncode == 0, proc.stderr
    assert "before-restore" in proc.stdout
    assert all(r["arrived_at"] is None for r in listing(demo))  # back before the scan
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"\0" * 4096)
    proc = demo("restore", damaged, "--force")
    assert proc.returncode == 3 and "damaged" in proc.stderr
    assert len(listing(demo)) > 80  # unchanged


def test_backup_on_postgresql_points_to_pg_dump(run):
    proc = run("backup", db="postgresql+psycopg://someone@db.invalid/checkin")
    assert proc.returncode == 2 and "pg_dump" in proc.stderr


def test_purge_asks_for_the_event_name(demo):
    before = json.loads(demo("stats", "--json").stdout)
    no = demo("purge", stdin="yes\n")
    assert no.returncode == 2 and "nothing was changed" in no.stderr
    assert listing(demo)[0]["last_name"]
    event = json.loads(demo("event", "show", "--json").stdout)["name"]
    ok = demo("purge", stdin=event.replace("–", "-") + "\n")
    assert ok.returncode == 0, ok.stderr
    assert {r["last_name"] for r in listing(demo)} == {""}
    assert json.loads(demo("stats", "--json").stdout) == before
