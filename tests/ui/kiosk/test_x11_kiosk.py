"""The kiosk for real: ``checkin kiosk`` in its own process on a virtual X screen, xdotool
playing the scanner and the person; the test reads the SQLite file and the label file.

Scan, a typed search with its confirming detail, a cancelled person, the idle reset,
the locked exits (Escape, Ctrl+Q, Alt+F4, Ctrl+W, F11) and the staff PIN.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.ui.desk.test_x11_scanner import (
    demo,
    journal,
    keys,
    until,
    xdotool,
)

pytestmark = pytest.mark.x11

PIN = "2468"


@contextmanager
def kiosk(display: str, tmp_path: Path, db: Path, *extra: str) -> Iterator[dict[str, str]]:
    """``checkin kiosk`` on ``db``, full screen on the virtual screen, focused."""
    env = {
        **os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
        "CHECKIN_KIOSK_PIN": PIN,
    }
    labels = tmp_path / "labels.bin"
    app = subprocess.Popen(
        [sys.executable, "-m", "checkin", "--db", str(db), "kiosk", "--station", "Kiosk X",
         "--printer", f"file://{labels}", "--template", "brother-62mm", "--language", "en",
         *extra],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    env["pid"] = str(app.pid)
    _running[env["pid"]] = app
    try:
        window = until(lambda: app.poll() is None and xdotool(
            env, "search", "--onlyvisible", "--pid", str(app.pid)).split(), 30, "the kiosk")
        xdotool(env, "windowfocus", "--sync", window[-1])
        time.sleep(1.0)  # the scanner capture is installed after the window shows
        yield env
    finally:
        if app.poll() is None:
            app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait(5)
        env["status"] = str(app.returncode)
        if app.stderr:
            app.stderr.close()


_running: dict[str, subprocess.Popen] = {}


def alive(env: dict[str, str]) -> bool:
    return _running[env["pid"]].poll() is None


def test_scan_and_typed_search_check_in_at_the_kiosk(display, tmp_path):
    db, people = demo(tmp_path)
    with kiosk(display, tmp_path, db) as env:
        xdotool(env, "key", "--delay", "5", *keys(people["Sigrid"]["code"]), "Return")
        rows = until(lambda: journal(db), 20, "the scan")
        assert rows == [(people["Sigrid"]["number"], "admitted", "kiosk", "Kiosk X")]
        until(lambda: (tmp_path / "labels.bin").exists(), 60, "the badge printed")
        xdotool(env, "key", "Return")  # Done
        # A person: the button (Enter), a name at 150 ms a key, the organisation.
        xdotool(env, "sleep", "0.5", "key", "Return", "sleep", "0.5")
        xdotool(env, "key", "--delay", "150", *keys("Nasra Abdik"), "Return")
        xdotool(env, "sleep", "0.5", "key", "--delay", "150", *keys("Internat"), "Return")
        xdotool(env, "sleep", "0.5", "key", "Return")  # "Yes, check me in"
        rows = until(lambda: len(journal(db)) > 1 and journal(db), 20, "the typed check-in")
        assert rows[1] == (people["Nasra"]["number"], "admitted", "kiosk", "Kiosk X")


def test_a_cancelled_person_is_refused_and_the_exits_stay_locked(display, tmp_path):
    db, people = demo(tmp_path)
    with sqlite3.connect(db) as c:
        c.execute("UPDATE delegates SET status = 'cancelled' WHERE number = ?",
                  (people["Chiara"]["number"],))
    with kiosk(display, tmp_path, db) as env:
        xdotool(env, "key", "--delay", "5", *keys(people["Chiara"]["code"]), "Return")
        rows = until(lambda: journal(db), 20, "the refusal")
        assert rows == [(people["Chiara"]["number"], "cancelled", "kiosk", "Kiosk X")]
        for chord in ("Escape", "ctrl+q", "alt+F4", "ctrl+w", "F11", "ctrl+F4"):
            xdotool(env, "key", chord)
        time.sleep(1.0)
        assert alive(env) and len(journal(db)) == 1  # still there, nothing written
        xdotool(env, "key", "ctrl+shift+k", "sleep", "0.5")
        xdotool(env, "key", "--delay", "100", *"1111", "Return")  # a wrong PIN
        time.sleep(1.0)
        assert alive(env)
        xdotool(env, "key", "--delay", "100", *PIN, "Return")
        until(lambda: not alive(env), 20, "the kiosk closed by the PIN")
    assert env["status"] == "0"


def test_idle_goes_back_to_welcome_forgetting_what_was_typed(display, tmp_path):
    db, people = demo(tmp_path)
    with kiosk(display, tmp_path, db, "--idle", "5") as env:
        xdotool(env, "key", "Return", "sleep", "0.5")
        xdotool(env, "key", "--delay", "150", *keys("Sig"))
        time.sleep(6.5)  # untouched: back to welcome, "Sig" forgotten
        # Typing on the welcome screen starts a new search with those letters.
        xdotool(env, "key", "--delay", "150", *keys("Nasra Abdik"), "Return")
        xdotool(env, "sleep", "0.5", "key", "--delay", "150", *keys("Internat"), "Return")
        xdotool(env, "sleep", "0.5", "key", "Return")
        rows = until(lambda: journal(db), 20, "the check-in after the reset")
        assert rows == [(people["Nasra"]["number"], "admitted", "kiosk", "Kiosk X")]
