"""CLI tests run the real entry point in a subprocess, with a private data folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def cli_env(tmp_path) -> dict[str, str]:
    """The environment of a CLI child: a home and data folder of the test's own (where a
    station's offline copy is kept too)."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path)}
    env.pop("CHECKIN_DB", None)
    return env


@pytest.fixture
def run(tmp_path, cli_env):
    """``run(*args, stdin=None, db=...)``: ``python -m checkin --db DB ARGS``; no traceback."""
    env = cli_env

    def _run(*args, stdin: str | None = None, db: Path | None = tmp_path / "cli.sqlite"):
        argv = [sys.executable, "-m", "checkin"]
        if db is not None:
            argv += ["--db", str(db)]
        proc = subprocess.run(
            [*argv, *map(str, args)], input=stdin, capture_output=True, text=True,
            encoding="utf-8", env=env, cwd=tmp_path, timeout=120,
        )
        assert "Traceback" not in proc.stderr, proc.stderr
        return proc

    return _run


@pytest.fixture
def demo(run):
    proc = run("demo")
    assert proc.returncode == 0, proc.stderr
    return run


def listing(run):
    proc = run("list", "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)
