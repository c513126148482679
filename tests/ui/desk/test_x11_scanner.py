"""The real thing: the app in its own process on a virtual X screen, a "scanner" typing.

xdotool sends X key events, which reach Qt through the xcb platform plugin exactly as a
USB scanner's keystrokes do; the test then reads the SQLite file the app wrote.  It needs
Xvfb and xdotool (Debian: xvfb, xdotool — .ci/run installs them); without them it is
skipped, unless CHECKIN_REQUIRE_X11 is set (CI), where it must run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

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
    with _xvfb() as number:
        yield number


@contextmanager
def _xvfb(*extra: str) -> Iterator[str]:
    _need("Xvfb")
    _need("xdotool")
    # The server's own words, shown if it fails us.
    with tempfile.TemporaryFile("w+") as log:
        read, write = os.pipe()
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24",
             "-nolisten", "tcp", *extra],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        os.close(write)
        try:
            with os.fdopen(read) as pipe:
                number = pipe.readline().strip()
            assert number.isdigit(), "Xvfb did not report its display"
            _accepting(server, f":{number}", log)
            yield f":{number}"
        finally:
            server.terminate()
            server.wait(10)


def _accepting(server: subprocess.Popen, display: str, log: IO[str]) -> None:
    """Wait until a client really connects to ``display``.

    On a fresh CI machine the app once started right after Xvfb reported its number and
    still got "could not connect to display :0"; a real connection (xdotool's) is the
    proof the server takes clients, so the app under test is never the first to try.
    """

    def connects() -> bool:
        if server.poll() is not None:
            log.seek(0)
            raise AssertionError(f"Xvfb exited ({server.returncode}): {log.read()}")
        probe = subprocess.run(
            ["xdotool", "getdisplaygeometry"],
            env={**os.environ, "DISPLAY": display},
            capture_output=True,
            timeout=30,
        )
        return probe.returncode == 0

    until(connects, 60, f"Xvfb to accept a client on {display}")


def keyboard_layout(folder: Path, layout: str) -> Path:
    """An XKB folder whose default ("us") layout is ``layout``: Debian's Xvfb ignores
    keymap changes once running (setxkbmap, xmodmap and xdotool's own scratch keys are
    all dropped), so the server has to start with the laptop's keyboard."""
    xkb = folder / "xkb"
    shutil.copytree("/usr/share/X11/xkb", xkb)
    (xkb / "symbols" / "us").write_text(
        'default partial alphanumeric_keys modifier_keys\n'
        f'xkb_symbols "basic" {{ include "{layout}(basic)" }};\n'
    )
    return xkb


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


@contextmanager
def desk(display: str, tmp_path: Path, db: Path) -> Iterator[tuple[dict[str, str], str]]:
    """The app on ``db``, on the virtual screen, its window focused: (env, window id)."""
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
        # An upper bound for a loaded machine, not a timing: an app that exits ends it.
        window = until(
            lambda: app.poll() is not None
            or xdotool(env, "search", "--onlyvisible", "--pid", str(app.pid)).split(),
            90,
            "the app's window",
        )
        assert app.poll() is None, app.stderr.read() if app.stderr else ""
        xdotool(env, "windowfocus", "--sync", window[-1])
        yield env, window[-1]
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


def demo(tmp_path: Path) -> tuple[Path, dict[str, dict]]:
    db = tmp_path / "desk.sqlite"
    cli(db, "demo")
    people = json.loads(cli(db, "list", "--json"))
    return db, {p["first_name"]: p for p in people}


def rows_after(db: Path, count: int, what: str) -> list[tuple]:
    """The journal once it has more than ``count`` rows (X events arrive in order)."""
    return until(lambda: len(journal(db)) > count and journal(db), 20, what)[count:]


KEYSYMS = {
    " ": "space", "&": "ampersand", "é": "eacute", '"': "quotedbl", "'": "apostrophe",
    "(": "parenleft", "-": "minus", "è": "egrave", "_": "underscore", "ç": "ccedilla",
    "à": "agrave",
}


def keys(text: str) -> list[str]:
    """``text`` as xdotool key names (``type`` cannot be chained: it types what follows)."""
    return [KEYSYMS.get(ch, ch) for ch in text]


def walk_ins(db: Path) -> list[str]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as c:
            query = text("SELECT reference FROM delegates WHERE reference LIKE 'WALKIN-%'")
            return [r[0] for r in c.execute(query)]
    finally:
        engine.dispose()


def test_keystrokes_from_x_land_as_a_scan_in_the_database(display, tmp_path):
    db, people = demo(tmp_path)
    person = people["Sigrid"]
    with desk(display, tmp_path, db) as (env, _window):
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
        assert rows_after(db, 1, "the junk scan") == [(None, "invalid", "scanner", "Xvfb desk")]


def test_a_desk_morning_with_real_keys(display, tmp_path):
    """A dialog open, another page, a slow scanner, a hiccup, a code typed from the badge
    and a name typed by a person: each lands as it should, in the database."""
    db, people = demo(tmp_path)
    scan = ("scanner", "Xvfb desk")
    with desk(display, tmp_path, db) as (env, _window):
        # The walk-in form open, a name half typed in it: the scan is recorded, the form
        # is not submitted by the scanner's Return (no walk-in registered).
        xdotool(env, "key", "ctrl+n")
        xdotool(env, "sleep", "0.5", "type", "--delay", "150", "Ola")
        xdotool(env, "key", "--delay", "5", *keys(people["Nasra"]["code"]), "Return")
        assert rows_after(db, 0, "the scan behind the form") == [
            (people["Nasra"]["number"], "admitted", *scan)
        ]
        xdotool(env, "key", "Escape")  # the form closes: it was still open
        assert walk_ins(db) == []
        # The Dashboard shown, a scanner at 45 ms a key.
        xdotool(env, "key", "ctrl+2")
        code = people["Emmanuel"]["code"]
        xdotool(env, "key", "--delay", "45", *keys(code), "Return")
        assert rows_after(db, 1, "the 45 ms scan") == [
            (people["Emmanuel"]["number"], "admitted", *scan)
        ]
        # A scanner that stops 150 ms mid-code.
        code = people["Dima"]["code"]
        xdotool(env, "key", "--delay", "5", *keys(code[:7]), "sleep", "0.15",
                "key", "--delay", "5", *keys(code[7:]), "Return")
        assert rows_after(db, 2, "the scan with a pause") == [
            (people["Dima"]["number"], "admitted", *scan)
        ]
        # Back on the Desk: the code printed under the QR, typed by hand, then Enter.
        xdotool(env, "key", "ctrl+1")
        code = people["Caleb"]["code"]
        printed = " ".join(code[i : i + 4] for i in range(0, 16, 4)).lower()
        xdotool(env, "sleep", "0.3", "key", "--delay", "120", *keys(printed), "Return")
        assert rows_after(db, 3, "the typed code") == [
            (people["Caleb"]["number"], "admitted", "typed", "Xvfb desk")
        ]
        # A name typed at 150 ms a key: found by name and checked in by hand.
        xdotool(env, "key", "--delay", "150", *keys("Chiara"), "Return")
        assert rows_after(db, 4, "the name typed") == [
            (people["Chiara"]["number"], "admitted", "manual", "Xvfb desk")
        ]


def test_a_scan_typed_while_the_desk_builds_a_dialog_is_recorded(display, tmp_path):
    """Ctrl+N, then a badge scanned before the desk has built the walk-in form (a busy
    laptop: here the app is stopped, SIGSTOP, while the keys are typed).  The scan waits
    in the X queue, addressed to the desk's window; once the form opens, Qt drops keys
    sent to the window it blocks.  They must be read first: the scan recorded, the form
    open and empty, nothing registered."""
    db, people = demo(tmp_path)
    person = people["Nasra"]
    with desk(display, tmp_path, db) as (env, window):
        pid = int(xdotool(env, "getwindowpid", window))
        os.kill(pid, signal.SIGSTOP)
        try:
            xdotool(env, "key", "ctrl+n")
            xdotool(env, "key", "--delay", "5", *keys(person["code"]), "Return")
        finally:
            os.kill(pid, signal.SIGCONT)
        assert rows_after(db, 0, "the scan typed while the form was being made") == [
            (person["number"], "admitted", "scanner", "Xvfb desk")
        ]
        # The form opened after the scan (which neither typed into it nor submitted it).
        until(lambda: xdotool(env, "getwindowfocus", "getwindowname") == "Walk-in registration",
              20, "the walk-in form")
        xdotool(env, "key", "Escape")
        assert walk_ins(db) == []
        assert journal(db) == [(person["number"], "admitted", "scanner", "Xvfb desk")]


AZERTY = dict(zip("1234567890", "&é\"'(-è_çà", strict=True))


@pytest.mark.parametrize("layout", ["fr", "ch"])
def test_a_scan_reads_through_a_french_or_swiss_keyboard(tmp_path, layout):
    """The scanner sends US key positions; the laptop's layout turns them into other
    characters (AZERTY's digit row: & é " ' ( - è _ ç à).  The badge still reads.  The
    X server runs with the French or Swiss keyboard: xdotool presses the key that types
    each character there, as the scanner's key positions would."""
    if not Path("/usr/share/X11/xkb/symbols", layout).exists():
        _need("the XKB data (xkb-data)")
    db, people = demo(tmp_path)
    person = people["Tobias"]
    typed = person["code"]
    if layout == "fr":
        typed = "".join(AZERTY.get(ch, ch) for ch in typed)
    xkb = keyboard_layout(tmp_path, layout)
    with _xvfb("-xkbdir", str(xkb)) as screen:
        dump = subprocess.run(["xkbcomp", screen, "-"], capture_output=True, text=True,
                              timeout=30).stdout
        first = "ampersand" if layout == "fr" else "1"
        assert re.search(r"<AE01>[^;]*\[\s*" + first + ",", dump), "the layout was not loaded"
        with desk(screen, tmp_path, db) as (env, _window):
            xdotool(env, "key", "--delay", "5", *keys(typed), "Return")
            assert rows_after(db, 0, f"the scan on {layout}") == [
                (person["number"], "admitted", "scanner", "Xvfb desk")
            ]
