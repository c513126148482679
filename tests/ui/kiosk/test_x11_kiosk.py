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
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from checkin.ui import first_paint
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
        env={**env, first_paint.ENV: "1"}, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True,
    )
    env["pid"] = str(app.pid)
    _running[env["pid"]] = app
    _said[env["pid"]] = said = []
    reader = threading.Thread(target=_read, args=(app, said), daemon=True)
    reader.start()
    try:
        until(lambda: any(line.startswith(first_paint.MARKER) for line in said), 30,
              "the kiosk's first frame")
        window = until(lambda: app.poll() is None and xdotool(
            env, "search", "--onlyvisible", "--pid", str(app.pid)).split(), 30, "the kiosk")
        xdotool(env, "windowfocus", "--sync", window[-1])
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
        reader.join(10)


_running: dict[str, subprocess.Popen] = {}
_said: dict[str, list[str]] = {}


def _read(app: subprocess.Popen, said: list[str]) -> None:
    """The kiosk's stderr, line by line: its first frame and each screen it shows
    (``first_paint.report``), which the steps below wait on instead of sleeping."""
    assert app.stderr is not None
    for line in app.stderr:
        said.append(line.strip())
    app.stderr.close()


def screen(env: dict[str, str], key: str, nth: int = 1) -> None:
    """Wait until the kiosk has shown screen ``key`` ``nth`` times in all."""
    line = f"checkin-kiosk-screen {key}"
    until(lambda: _said[env["pid"]].count(line) >= nth, 20, f"the {key} screen (#{nth})")


def alive(env: dict[str, str]) -> bool:
    return _running[env["pid"]].poll() is None


def test_scan_and_typed_search_check_in_at_the_kiosk(display, tmp_path):
    db, people = demo(tmp_path)
    with kiosk(display, tmp_path, db) as env:
        xdotool(env, "key", "--delay", "5", *keys(people["Sigrid"]["code"]), "Return")
        rows = until(lambda: journal(db), 20, "the scan")
        assert rows == [(people["Sigrid"]["number"], "admitted", "kiosk", "Kiosk X")]
        until(lambda: (tmp_path / "labels.bin").exists(), 60, "the badge printed")
        welcomes = _said[env["pid"]].count("checkin-kiosk-screen welcome")
        xdotool(env, "key", "Return")  # Done
        screen(env, "welcome", welcomes + 1)
        # A person: the button (Enter), a name at 150 ms a key, the organisation.
        xdotool(env, "key", "Return")
        screen(env, "name")
        xdotool(env, "key", "--delay", "150", *keys("Nasra Abdik"), "Return")
        screen(env, "detail")
        xdotool(env, "key", "--delay", "150", *keys("Internat"), "Return")
        screen(env, "confirm")
        xdotool(env, "key", "Return")  # "Yes, check me in"
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
        xdotool(env, "key", "ctrl+shift+k")  # after the chords: they were handled first
        screen(env, "pin")
        assert alive(env) and len(journal(db)) == 1  # still there, nothing written
        xdotool(env, "key", "--delay", "100", *"1111", "Return")  # a wrong PIN
        screen(env, "pin", 2)  # shown again, with "Wrong PIN"
        assert alive(env)
        xdotool(env, "key", "--delay", "100", *PIN, "Return")
        until(lambda: not alive(env), 20, "the kiosk closed by the PIN")
    assert env["status"] == "0"


def test_idle_goes_back_to_welcome_forgetting_what_was_typed(display, tmp_path):
    db, people = demo(tmp_path)
    with kiosk(display, tmp_path, db, "--idle", "5") as env:
        welcomes = _said[env["pid"]].count("checkin-kiosk-screen welcome")
        xdotool(env, "key", "Return")
        screen(env, "name")
        xdotool(env, "key", "--delay", "150", *keys("Sig"))
        screen(env, "welcome", welcomes + 1)  # untouched 5 s: back to welcome, "Sig" gone
        # Typing on the welcome screen starts a new search with those letters.
        xdotool(env, "key", "--delay", "150", *keys("Nasra Abdik"), "Return")
        screen(env, "detail")
        xdotool(env, "key", "--delay", "150", *keys("Internat"), "Return")
        screen(env, "confirm")
        xdotool(env, "key", "Return")
        rows = until(lambda: journal(db), 20, "the check-in after the reset")
        assert rows == [(people["Nasra"]["number"], "admitted", "kiosk", "Kiosk X")]
