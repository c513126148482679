"""``checkin --self-test`` where the optional parts are missing: a machine without the
PulseAudio client library cannot load QtMultimedia (no sound, no webcam), yet the desk
scans and records, so the self-test warns and passes.  The passing run on a complete
installation, and the failures, are in tests/test_installer.py."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap

from checkin.cli import selftest

# Imported first by every Python started with this folder on PYTHONPATH: QtMultimedia
# fails to import the way it does without libpulse0.
NO_MULTIMEDIA = textwrap.dedent('''
    import sys

    class NoMultimedia:
        def find_spec(self, name, path=None, target=None):
            if name == "PySide6.QtMultimedia":
                raise ImportError("libpulse.so.0: cannot open shared object file: "
                                  "No such file or directory", name=name)
            return None

    sys.meta_path.insert(0, NoMultimedia())
''')


def test_without_qtmultimedia_the_self_test_warns_and_passes(tmp_path):
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(NO_MULTIMEDIA, encoding="utf-8")
    env = {**os.environ, "HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen",
           "XDG_DATA_HOME": str(tmp_path / "home" / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "home" / "config"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(hook),
                                                       os.environ.get("PYTHONPATH")]))}
    env.pop("CHECKIN_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "checkin", "--self-test"], capture_output=True, text=True,
        encoding="utf-8", env=env, cwd=tmp_path, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stdout.splitlines()
    steps = {line[8:].split(":", 1)[0]: line[:8].strip() for line in lines[1:-1]}
    assert steps == {"database": "ok", "demo event": "ok", "badge": "ok", "QR decode": "ok",
                     "scan": "ok", "desktop": "ok", "sound": "warning", "camera": "warning"}
    sound = next(line for line in lines if line.startswith("warning sound:"))
    assert "libpulse.so.0" in sound and "silently" in sound
    camera = next(line for line in lines if line.startswith("warning camera:"))
    assert "libpulse.so.0" in camera and "USB scanner" in camera
    assert lines[-1].startswith("self-test passed, without sound and camera")


def test_only_an_optional_step_is_a_warning(monkeypatch):
    def broken(ctx):
        raise selftest.SelfTestFailure("no sound here")

    def needed(ctx):
        raise OSError("disk gone")

    monkeypatch.setattr(selftest, "STEPS", (("sound", broken), ("scan", needed)))
    out = io.StringIO()
    assert selftest.run(out) == selftest.EXIT_FAILED
    assert out.getvalue().splitlines()[1:] == [
        "warning sound: no sound here",
        "FAILED  scan: OSError: disk gone",
        "self-test failed at step 'scan'",
    ]
