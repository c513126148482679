"""The desk's GUI thread and the interpreter lock (``launch.application``)."""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_app_hands_the_interpreter_lock_back_within_a_millisecond():
    """A background job in Python keeps the lock the scan's GUI thread waits for at each
    SQLite call for up to the switch interval: the app sets it to 1 ms (5 by default)."""
    code = (
        "import sys; from checkin.ui.launch import application, GIL_SWITCH_S; "
        "before = sys.getswitchinterval(); application(); "
        "print(before, sys.getswitchinterval(), GIL_SWITCH_S)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, timeout=60, check=True).stdout.split()
    before, after, wanted = map(float, out)
    assert before == 0.005 and after == wanted == 0.001
