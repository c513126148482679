"""Paths of shipped files (demo event, fonts, templates, sounds, translations).

The same ``resources/`` folder reaches the user three ways, and this module is the one
place that knows them:

* a frozen build (PyInstaller): the spec copies it to ``<bundle>/resources``, and the
  bundle's folder is ``sys._MEIPASS``;
* an installed wheel: ``pyproject.toml`` maps the package ``checkin._resources`` onto
  the folder, so it lands inside the package, next to ``checkin/core``;
* a checkout (``pip install -e .`` or ``PYTHONPATH``): the folder at the top of the tree.

The installed copy is looked for before the checkout's because ``site-packages`` may
hold some other distribution's top-level ``resources`` folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # .../checkin


def _candidates() -> list[Path]:
    found = []
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller unpacks data files here
    if bundle:
        found.append(Path(bundle) / "resources")
    found.append(_PACKAGE / "_resources")  # installed from a wheel
    found.append(_PACKAGE.parent / "resources")  # a checkout
    return found


def resources_dir() -> Path:
    """The first of the places above that exists (else the checkout's, for the message)."""
    candidates = _candidates()
    return next((p for p in candidates if p.is_dir()), candidates[-1])


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
