"""``checkin --self-test``, and the frozen app (PyInstaller) that runs it.

The self-test runs in the default suite through the real entry point.  Building the
frozen app takes about a minute and needs PyInstaller (the ``build`` extra, which the
build script installs): that test runs only with ``CHECKIN_BUILD_INSTALLER=1``.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from checkin import __version__
from checkin.cli import selftest
from checkin.core import resources

ROOT = Path(__file__).resolve().parents[1]
STEPS = [name for name, _ in selftest.STEPS]


def _env(tmp_path: Path) -> dict[str, str]:
    """A home, data folder and temporary folder of the test's own, to see what is left."""
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "home" / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),  # fontconfig may refresh its cache
        "TMPDIR": str(tmp_path / "tmp"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("CHECKIN_DB", None)
    env.pop("CHECKIN_DEBUG", None)
    (tmp_path / "tmp").mkdir()
    return env


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def assert_passed(proc: subprocess.CompletedProcess, tmp_path: Path, *, frozen: bool) -> None:
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"checkin {__version__} self-test (")
    assert ("frozen build in" in lines[0]) is frozen, lines[0]
    assert [line.split(":", 1)[0] for line in lines[1:-1]] == [f"ok      {s}" for s in STEPS]
    assert lines[-1] == "self-test passed"
    scan = next(line for line in lines if line.startswith("ok      scan:"))
    assert "admitted" in scan and "already_admitted" in scan
    # The temporary folder is gone and nothing was written to the user's folders.
    assert _files_under(tmp_path / "tmp") == []
    assert _files_under(tmp_path / "home") == []


def test_self_test_passes_through_the_entry_point(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "checkin", "--self-test"], capture_output=True, text=True,
        encoding="utf-8", env=_env(tmp_path), cwd=tmp_path, timeout=300,
    )
    assert_passed(proc, tmp_path, frozen=False)


def test_self_test_is_listed_in_the_help():
    from checkin.cli import build_parser

    assert "--self-test" in build_parser().format_help()


def test_a_failed_step_is_named_with_its_reason_and_the_rest_not_run(monkeypatch, tmp_path):
    """A broken installation (no resources) fails at the demo, saying which file."""
    missing = tmp_path / "nowhere" / "resources"
    monkeypatch.setattr(resources, "_candidates", lambda: [missing])
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    out = io.StringIO()
    assert selftest.run(out) == selftest.EXIT_FAILED
    lines = out.getvalue().splitlines()
    assert lines[1].startswith("ok      database:")
    assert lines[2].startswith("FAILED  demo event: ")
    assert str(missing / "demo" / "event.toml") in lines[2]
    assert lines[3:] == ["self-test failed at step 'demo event'"]
    assert list(tmp_path.glob("checkin-selftest-*")) == []


def test_a_wrong_result_is_reported_without_the_exception_class(monkeypatch):
    def wrong(ctx):
        raise selftest.SelfTestFailure("expected one QR code on the page, found 0")

    monkeypatch.setattr(selftest, "STEPS", (("QR decode", wrong),))
    out = io.StringIO()
    assert selftest.run(out) == selftest.EXIT_FAILED
    assert out.getvalue().splitlines()[1:] == [
        "FAILED  QR decode: expected one QR code on the page, found 0",
        "self-test failed at step 'QR decode'",
    ]


def _size_mib(folder: Path) -> float:
    """Like du: a link counts as itself (the bundle links Qt's libraries into _internal/)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir()) / 2**20


@pytest.mark.installer
@pytest.mark.skipif(
    os.environ.get("CHECKIN_BUILD_INSTALLER") != "1",
    reason="builds the app with PyInstaller (about a minute): set CHECKIN_BUILD_INSTALLER=1",
)
def test_the_built_app_passes_its_self_test(tmp_path):
    """scripts/build_installer.sh builds the one-folder app; its self-test passes."""
    dist, work = tmp_path / "dist", tmp_path / "work"
    env = {**os.environ, "CHECKIN_DIST": str(dist), "CHECKIN_WORK": str(work)}
    build = subprocess.run(
        ["bash", str(ROOT / "scripts" / "build_installer.sh")], capture_output=True, text=True,
        env=env, cwd=ROOT, timeout=900,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    assert "self-test passed" in build.stdout

    app = dist / "checkin"
    exe = ".exe" if sys.platform == "win32" else ""
    cli, windowed = app / f"checkin-cli{exe}", app / f"checkin{exe}"
    assert cli.is_file() and windowed.is_file()

    run_dir = tmp_path / "run"
    run_dir.mkdir()
    proc = subprocess.run(
        [str(cli), "--self-test"], capture_output=True, text=True, encoding="utf-8",
        env=_env(run_dir), cwd=run_dir, timeout=300,
    )
    assert_passed(proc, run_dir, frozen=True)

    version = subprocess.run([str(cli), "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"checkin {__version__}"

    bundled = app / "_internal"
    for needed in ("resources/fonts/DejaVuSans.ttf", "resources/badges/a6.toml",
                   "resources/demo/delegates.csv", "resources/sounds/admitted.wav",
                   "checkin/core/db/migrations/env.py"):
        assert (bundled / needed).is_file(), needed
    versions = sorted(p.name for p in (ROOT / "checkin/core/db/migrations/versions").glob("*.py"))
    shipped = sorted(p.name for p in (bundled / "checkin/core/db/migrations/versions").glob("*.py"))
    assert shipped == versions
    for qm in (ROOT / "resources" / "translations").glob("*.qm"):
        assert (bundled / "resources" / "translations" / qm.name).is_file(), qm.name
    # The exclusions took effect: no numpy, no Babel or Qt data for other languages.
    assert not (bundled / "numpy").exists()
    assert (bundled / "babel/locale-data/fr_CH.dat").is_file()
    assert not (bundled / "babel/locale-data/de.dat").exists()
    assert not list(bundled.rglob("qtbase_de.qm"))
    assert not [p for p in bundled.rglob("*") if p.is_symlink() and not p.exists()]
    print(f"\n{app}: {_size_mib(app):.0f} MiB")
