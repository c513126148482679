"""Start-up: the Desk painted first, the database opened behind it.

On a desk laptop most of the start-up is SQLAlchemy's import and the opening of the
database.  The Desk's first screen needs only the event, so when the event of this
database was kept at the last start (``core.event.snapshot``), ``main`` reads it — before
even Qt is imported — and ``QuickStart`` (``quick_start``) builds the shell and the
part of the Desk page a scan needs with nothing but Qt, shows them, and only after the
first frame builds the rest of the page, imports the rest and opens the database.

The scanner listens from the first frame: a badge scanned in that half-second is held
and checked in as soon as the database is open, in order — never lost, never typed into
a field.  If the stored event differs from the kept one (edited on another desk), the
Desk page is rebuilt for it before any scan is taken.  Without a kept event (the first
start on this database, ``--read-only``), ``app.main`` opens the database first, as
before, and keeps the event for next time.

Nothing here may import SQLAlchemy or the ORM before the first paint: a test launches
the app and checks which modules were loaded when the window was first painted.  This
module imports no Qt itself (``app`` uses ``application``): the kept event is read by
the standard library alone, and PySide then looks at fewer modules as they load.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from checkin.core.db.location import resolve_url
from checkin.core.event import snapshot

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

QUICK_ENV = "CHECKIN_QUICK_START"  # "0": always open the database first
GIL_SWITCH_S = 0.001


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The running QApplication, created if needed (works offscreen too).

    The GUI thread gives the interpreter lock up at each SQLite call of a scan; a
    background job in Python (the dashboard's refresh, an index build, a save) then
    keeps it for up to the switch interval before handing it back — 5 ms by default, at
    each of the scan's eight or so calls.  At 1 ms the desk waits less behind them, and
    the background work, which nobody watches, takes a little longer.
    """
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        sys.setswitchinterval(GIL_SWITCH_S)
        app = QApplication(list(argv or sys.argv[:1]))
        app.setApplicationName("checkin")
        app.setOrganizationName("checkin")
        install_translations(app)
    return app


def install_translations(app: QApplication) -> str:
    """The language chosen in the settings (or the system's): our .qm and Qt's own."""
    from checkin.ui.desk import settings as desk_settings
    from checkin.ui.widgets import translations

    return translations.install(app, translations.saved_language(desk_settings.default_qsettings()))


def main(db: str | None = None, demo: bool = False, *, read_only: bool = False) -> int:
    """Open the desktop app: the Desk first when this database's event is known, else
    the database first (``app.main``).  Returns the process exit status."""
    url = resolve_url(db, demo=demo)
    event = None
    if not read_only and os.environ.get(QUICK_ENV, "1") != "0":
        event = snapshot.read(snapshot.path_for(url), url)
    if event is None:
        from checkin.ui.app import main as open_database_first

        return open_database_first(db, demo, read_only=read_only)
    from checkin.ui.quick_start import run

    return run(application(), db, demo, event)
