"""A wheel carries the whole app: every module, the migrations and resources/.

``pip install .`` (not ``-e``) once left resources/ behind, and the demo, the fonts and
the badge templates with it.  The wheel is built from a copy of the tree (so the test
leaves no build/ folder behind), then unpacked and imported as an installed package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from checkin.core import resources

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ("fonts", "badges", "demo", "sounds")


def _tree_files(folder: Path) -> list[str]:
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("checkin", "resources"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-q",
         "--disable-pip-version-check", "-w", str(out)],
        cwd=src, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (found,) = out.glob("checkin-*.whl")
    return found


def test_the_wheel_carries_every_resource_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = _tree_files(ROOT / "resources")
    for folder in SHIPPED:
        assert any(f.startswith(folder + "/") for f in expected), folder
    missing = [f for f in expected if f"checkin/_resources/{f}" not in names]
    assert missing == []
    assert "checkin/_resources/fonts/DejaVuSans.ttf" in names


def test_the_wheel_carries_every_module_and_migration(wheel):
    """pyproject.toml lists the subpackages by hand: a new one must be added there."""
    names = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "checkin"
    expected = [f"checkin/{f}" for f in _tree_files(package) if f.endswith((".py", ".mako"))]
    assert [f for f in expected if f not in names] == []
    assert "checkin/core/db/migrations/versions/0001_initial_schema.py" in names


def test_an_installed_wheel_finds_its_resources(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import checkin, checkin.core.resources as r\n"
        "print(checkin.__file__)\n"
        "print(r.resources_dir())\n"
        "print(r.resource('fonts', 'DejaVuSans.ttf').is_file())\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    module, folder, font = proc.stdout.splitlines()
    assert Path(module).is_relative_to(site)
    assert Path(folder) == (site / "checkin" / "_resources").resolve()
    assert font == "True"


def test_a_checkout_finds_the_resources_folder_at_its_top():
    assert resources.resources_dir() == ROOT / "resources"
    assert resources.resource("demo", "event.toml").is_file()


def test_a_frozen_bundle_finds_the_resources_it_unpacked(monkeypatch, tmp_path):
    (tmp_path / "resources" / "fonts").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_dir() == tmp_path / "resources"
    assert resources.resource("fonts", "x.ttf") == tmp_path / "resources" / "fonts" / "x.ttf"
