"""Can the desktop app show a window here?  Asked before Qt is loaded.

Without a display (over SSH, on a server) or without the X libraries Qt's ``xcb``
plugin needs, Qt prints a plugin message and aborts the process (SIGABRT, exit 134):
no sentence a front-desk volunteer can act on.  ``problem`` looks first, with the
standard library only, and says what is missing and the fix; ``checkin`` then exits
with ``EXIT_NO_DISPLAY`` (below 128, unlike a signal).  Only Linux (and the BSDs) is
checked: Windows and macOS always have their own platform plugin.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# Qt 6's xcb plugin loads these; Debian/Ubuntu package names, as .ci/run installs them.
XCB_LIBRARIES = (
    ("xcb-cursor", "libxcb-cursor0"),
    ("xcb-icccm", "libxcb-icccm4"),
    ("xcb-keysyms", "libxcb-keysyms1"),
    ("xcb-image", "libxcb-image0"),
    ("xcb-render-util", "libxcb-render-util0"),
    ("xcb-shape", "libxcb-shape0"),
    ("xcb-randr", "libxcb-randr0"),
    ("xcb-xkb", "libxcb-xkb1"),
    ("xkbcommon-x11", "libxkbcommon-x11-0"),
)

_COMMAND_LINE = (
    "The command line works without a display: 'checkin --help' lists the commands "
    "(e.g. 'checkin --demo list')."
)


# Their usual file names (SONAME), tried first: loading a library the app will load
# anyway is instant, where ``find_library`` runs ``ldconfig`` for each name.
SONAMES = {
    "xcb-cursor": "libxcb-cursor.so.0", "xcb-icccm": "libxcb-icccm.so.4",
    "xcb-keysyms": "libxcb-keysyms.so.1", "xcb-image": "libxcb-image.so.0",
    "xcb-render-util": "libxcb-render-util.so.0", "xcb-shape": "libxcb-shape.so.0",
    "xcb-randr": "libxcb-randr.so.0", "xcb-xkb": "libxcb-xkb.so.1",
    "xkbcommon-x11": "libxkbcommon-x11.so.0",
}


def find_library(name: str) -> str | None:
    """``name``'s library: its usual file if it loads, else ``ctypes.util.find_library``."""
    soname = SONAMES.get(name)
    if soname is not None:
        try:
            ctypes.CDLL(soname)
        except OSError:
            pass
        else:
            return soname
    from ctypes import util  # (runs ldconfig: only when the usual name did not load)

    return util.find_library(name)


def missing_packages(find: Callable[[str], str | None] = find_library) -> list[str]:
    """The packages of the X libraries ``find`` (``find_library``) cannot find."""
    return [package for name, package in XCB_LIBRARIES if not find(name)]


def problem(
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    find: Callable[[str], str | None] = find_library,
) -> str | None:
    """Why the app cannot open a window here, with the fix; None when it can (or when
    Qt was told to use another platform, e.g. ``QT_QPA_PLATFORM=offscreen``)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip()
    if qpa and qpa not in ("xcb", "wayland"):
        return None  # offscreen, vnc, eglfs…: Qt was told where to draw
    wayland = bool(env.get("WAYLAND_DISPLAY")) and qpa != "xcb"
    if not env.get("DISPLAY") and not wayland:
        return (
            "checkin: no display to open the app on (neither DISPLAY nor WAYLAND_DISPLAY "
            "is set: an SSH session or a server?). Run it on the computer's own screen, or "
            "over SSH with 'ssh -X'. " + _COMMAND_LINE
        )
    if wayland:
        return None
    missing = missing_packages(find)
    if not missing:
        return None
    return (
        f"checkin: the app needs system libraries that are not installed ({', '.join(missing)}"
        f"; Qt's X11 plugin loads them). Install them: sudo apt install {' '.join(missing)}"
        ". " + _COMMAND_LINE
    )
