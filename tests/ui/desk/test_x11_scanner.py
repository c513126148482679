"""The real thing: the app in its own process on a virtual X screen, a "scanner" typing.

xdotool sends X key events, which reach Qt through the xcb platform plugin exactly as a
USB scanner's keystrokes do; the test then reads the SQLite file the app wrote.  It needs
Xvfb and xdotool (Debian: xvfb, xdotool — .ci/run installs them); without them it is
skipped, unless CHECKIN_REQUIRE_X11 is set (CI), where it must run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

pytestmark = pytest.mark.x11


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        if os.environ.get("CHECKIN_REQUIRE_X11"):
            pytest.fail(f"{tool} is not installed (CHECKIN_REQUIRE_X11 is set)")
        pytest.skip(f"{tool} is not installed")


def until(check: Callable[[], object], seconds: float, what: str) -> object:
    """Poll ``check`` until it returns something truthy (the external-process waitUntil)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


@pytest.fixture
def display() -> Iterator[str]:
    _need("Xvfb")
    _need("xdotool")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        assert number.isdigit(), "Xvfb did not report its display"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def cli(db: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "checkin", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


def journal(db: Path) -> list[tuple]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as c:
            return list(
                c.execute(
                    text(
                        "SELECT d.number, s.outcome, s.source, s.station FROM scans s "
                        "LEFT JOIN delegates d ON d.id = s.delegate_id ORDER BY s.id"
                    )
                )
            )
    finally:
        engine.dispose()


def xdotool(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=30
    )
    return done.stdout.strip()


def test_keystrokes_from_x_land_as_a_scan_in_the_database(display, tmp_path):
    db = tmp_path / "desk.sqlite"
    cli(db, "demo")
    people = json.loads(cli(db, "list", "--json"))
    person = next(p for p in people if p["first_name"] == "Sigrid")
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "CHECKIN_STATION": "Xvfb desk",
        "HOME": str(tmp_path),  # the app's settings go here, not to the real profile
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "checkin", "--db", str(db)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        window = until(
            lambda: app.poll() is None
            and xdotool(env, "search", "--onlyvisible", "--pid", str(app.pid)).split(),
            30,
            "the app's window",
        )
        assert app.poll() is None, app.stderr.read() if app.stderr else ""
        xdotool(env, "windowfocus", "--sync", window[-1])
        # A scanner: the code at 5 ms a key, then Return, in one burst (one xdotool
        # call: a second process for Return would come too late to be part of it).
        xdotool(env, "key", "--delay", "5", *person["code"], "Return")
        rows = until(lambda: journal(db), 20, "the scan in the database")
        assert rows == [(person["number"], "admitted", "scanner", "Xvfb desk")]
        # A person typing the same code slowly into the search box is not a scan; a
        # junk burst after it is (X events arrive in order: once the junk is in the
        # journal, the slow keys were handled too).
        xdotool(env, "key", "--delay", "120", *person["code"][:6], "Escape")
        xdotool(env, "key", "--delay", "5", *"NOTABADGE123", "Return")
        rows = until(lambda: len(journal(db)) > 1 and journal(db), 20, "the junk scan")
        assert rows[1:] == [(None, "invalid", "scanner", "Xvfb desk")]
        assert app.poll() is None  # still running: no crash on the way
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait(5)
        if app.stderr:
            app.stderr.close()
