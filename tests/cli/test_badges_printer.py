"""``checkin badges --printer``: the contract of issue 21 (exit 0 when sent; a clear
message and exit 1 when the printer is missing or reports an error)."""

from __future__ import annotations

import json
import socket

from checkin.core.badges import raster
from tests.qr import read_qr


def _first_ref(run) -> str:
    listed = json.loads(run("list", "--json").stdout)
    return listed[0]["ref"]


def test_badge_sent_to_a_file_printer_is_recorded_and_scans(demo, tmp_path):
    ref = _first_ref(demo)
    target = tmp_path / "ql.bin"
    sent = demo("badges", "--ref", ref, "--template", "brother-62mm", "--printer",
                f"file://{target}", "--printer-model", "QL-700", "--json")
    assert sent.returncode == 0, sent.stderr
    report = json.loads(sent.stdout)
    assert report["badges"] == 1 and "QL-700" in report["printer"]
    labels = raster.decode(target.read_bytes())
    codes = read_qr(labels[0])
    listed = {d["ref"]: d for d in json.loads(demo("list", "--json").stdout)}
    assert codes == [listed[ref]["code"]]
    unprinted = demo("badges", "--preflight", "--unprinted", "--ref", ref, "--json")
    assert json.loads(unprinted.stdout)["badges"] == 0  # the print was recorded


def test_a_printer_that_is_off_exits_1_with_a_message(demo):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ref = _first_ref(demo)
    proc = demo("badges", "--ref", ref, "--template", "brother-62mm", "--printer",
                f"tcp://127.0.0.1:{port}", "--printer-model", "QL-820NWB")
    assert proc.returncode == 1
    assert f"tcp://127.0.0.1:{port} is offline" in proc.stderr
    again = demo("badges", "--preflight", "--unprinted", "--ref", ref, "--json")
    assert json.loads(again.stdout)["badges"] == 1  # nothing recorded: still never printed


def test_usb_with_no_printer_exits_1(demo):
    proc = demo("badges", "--ref", _first_ref(demo), "--template", "brother-62mm",
                "--printer", "usb://0x04f9:0x2042", "--printer-model", "QL-700")
    assert proc.returncode == 1 and "No printer at usb://0x04f9:0x2042" in proc.stderr


def test_preflight_says_the_fix(demo, tmp_path):
    proc = demo("badges", "--preflight", "--template", "a4-herma-4412", "--json")
    problems = json.loads(proc.stdout)["problems"]
    assert problems and all("fix" in p for p in problems)
    assert all(p["fix"] for p in problems if p["kind"] == "below_minimum")
