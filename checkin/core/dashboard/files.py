"""How every export reaches the disk, and how it fails.

Exports hold personal data (names, e-mails, arrival times): each is written to a private
temporary file next to the target — 0600 on POSIX — and moved into place only when
complete, so a crash, a full disk or a cancel never leaves half a file where the
organiser expects a whole one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from checkin.core.errors import UserError

Progress = Callable[[int, int], None]
"""``progress(done, total)``, called now and then by a long export."""


class ReportError(UserError, ValueError):
    """An export that cannot be made; the message says why."""


class ExportCancelled(Exception):
    """The export was cancelled; nothing was written at the target."""


def write_private(out: str | Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on a 0600 temporary file next to ``out``, then move it there."""
    out = Path(out)
    if out.is_dir():
        raise ReportError("%1 is a folder: give a file name.", out)
    if not out.parent.exists():
        raise ReportError("%1 does not exist.", out.parent)
    fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    os.close(fd)  # mkstemp creates the file 0600
    tmp = Path(name)
    try:
        write(tmp)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out
