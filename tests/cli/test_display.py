"""``checkin`` with no display, or without the X libraries: a sentence and exit 4, not
Qt's abort (SIGABRT, 134)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from checkin.cli import common, display

ALL = {name: f"lib{name}.so" for name, _ in display.XCB_LIBRARIES}


def has(*missing: str):
    return lambda name: None if name in missing else ALL[name]


def test_no_display_names_what_is_missing_and_the_command_line():
    said = display.problem({}, "linux", has())
    assert said is not None
    assert "DISPLAY" in said and "WAYLAND_DISPLAY" in said and "checkin --help" in said


def test_a_missing_xcb_cursor_names_the_package_to_install():
    said = display.problem({"DISPLAY": ":0"}, "linux", has("xcb-cursor", "xcb-icccm"))
    assert said is not None
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in said


@pytest.mark.parametrize(
    ("env", "platform"),
    [
        ({"DISPLAY": ":0"}, "linux"),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux"),  # the xcb libraries are not asked
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),
        ({}, "win32"),
        ({}, "darwin"),
    ],
)
def test_a_window_can_open(env, platform):
    find = has() if env.get("DISPLAY") else has(*ALL)
    assert display.problem(env, platform, find) is None


def test_xcb_forced_on_wayland_needs_the_x_display():
    env = {"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}
    assert "DISPLAY" in (display.problem(env, "linux", has()) or "")


def test_the_status_is_below_128_and_in_the_table():
    assert common.EXIT_NO_DISPLAY < 128
    assert common.EXIT_NO_DISPLAY in dict(common.EXIT_CODES)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is Linux's")
@pytest.mark.parametrize("args", [[], ["--demo"]])
def test_the_real_entry_point_without_a_display(tmp_path, args):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "CHECKIN_DB")}
    env.update(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run(
        [sys.executable, "-m", "checkin", *args],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == common.EXIT_NO_DISPLAY, done.stderr
    assert "no display" in done.stderr and "checkin --help" in done.stderr
    assert "Traceback" not in done.stderr and "qt.qpa" not in done.stderr
    assert not (tmp_path / "data").exists()  # nothing was opened or created
