"""``checkin kiosk``: the contract (``arrived_source`` in ``list --json`` and exports), the
cases a kiosk sent to the desk, and no kiosk without a PIN."""

from __future__ import annotations

import csv
import json

from checkin.core.db.store import open_store
from checkin.core.desk.kiosk import KioskDesk
from checkin.core.desk.service import CheckinService
from checkin.core.event.stored import require_event
from tests.cli.conftest import listing


def _at_the_kiosk(db, *codes: str) -> None:
    store = open_store(str(db))
    try:
        desk = KioskDesk(CheckinService(store, require_event(store), station="Kiosk 1"))
        for code in codes:
            desk.scan(code)
    finally:
        store.close()


def test_every_row_says_where_its_arrival_came_from(demo, tmp_path):
    people = {p["first_name"]: p for p in listing(demo)}
    assert all("arrived_source" in p and p["arrived_source"] is None for p in people.values())
    _at_the_kiosk(tmp_path / "cli.sqlite", people["Sigrid"]["code"])
    assert demo("scan", people["Nasra"]["code"]).returncode == 0
    after = {p["first_name"]: p for p in listing(demo)}
    assert after["Sigrid"]["arrived_source"] == "kiosk"
    assert after["Nasra"]["arrived_source"] == "scanner"
    assert after["Chiara"]["arrived_source"] is None
    out = tmp_path / "attendance.csv"
    assert demo("export", out).returncode == 0
    with out.open(encoding="utf-8-sig") as fh:
        rows = {r["first_name"]: r for r in csv.DictReader(fh)}
    assert rows["Sigrid"]["arrived_source"] == "kiosk"
    assert rows["Nasra"]["arrived_source"] == "scanner"
    assert rows["Chiara"]["arrived_source"] == ""


def test_kiosk_cases_lists_who_was_sent_to_the_desk(demo, tmp_path):
    people = {p["first_name"]: p for p in listing(demo)}
    code = people["Sigrid"]["code"]
    _at_the_kiosk(tmp_path / "cli.sqlite", code, code, "NOT-A-BADGE")
    proc = demo("kiosk", "--cases", "--json")
    assert proc.returncode == 0, proc.stderr
    cases = json.loads(proc.stdout)
    assert [c["why"] for c in cases] == ["invalid", "already_admitted"]
    assert cases[1]["reference"] == people["Sigrid"]["ref"] and cases[1]["station"] == "Kiosk 1"
    text = demo("kiosk", "--cases")
    assert "already_admitted" in text.stdout and "2 cases" in text.stderr


def test_no_kiosk_without_a_pin(demo, cli_env):
    cli_env.pop("CHECKIN_KIOSK_PIN", None)
    proc = demo("kiosk")
    assert proc.returncode == 2
    assert "lock PIN" in proc.stderr and "CHECKIN_KIOSK_PIN" in proc.stderr
    cli_env["CHECKIN_KIOSK_PIN"] = "12"
    proc = demo("kiosk")
    assert proc.returncode == 2 and "4 to 8 digits" in proc.stderr
    assert demo("kiosk", "--idle", "1").returncode == 2
