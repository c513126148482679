"""Screenshots of the Event menu and its two dialogs on the demo event, for docs/images.

    QT_QPA_PLATFORM=offscreen python scripts/make_menu_images.py

Uses a throwaway database.  Writes menu-open.png (the app with the Event menu open),
menu-paper.png (paper ticks checked: known, already in, unknown) and menu-purge.png.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication

from checkin.core.db.store import Store
from checkin.core.desk.service import CheckinService
from checkin.core.roster.delegates import list_delegates
from checkin.core.roster.demo import create_demo

OUT = Path(__file__).resolve().parents[1] / "docs" / "images"
SIZE = (1280, 800)
DAY = dt.date(2026, 11, 28)


def spin(app: QApplication, done, timeout: float = 60) -> None:
    """Run the event loop until ``done()`` (background jobs deliver through it)."""
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise SystemExit("timed out waiting for the window")
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    spin(app, lambda: time.monotonic() > end)


def main() -> int:
    app = QApplication(sys.argv)
    from checkin.ui.app import build_window
    from checkin.ui.organiser.menu import OrganiserMenu
    from checkin.ui.widgets import workers

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store("sqlite:///" + str(Path(tmp) / "demo.sqlite"))
        event = create_demo(store, today=DAY).event
        entries = list_delegates(store, event)
        arrival = dt.datetime.combine(DAY, dt.time(8, 52), tzinfo=event.tz)
        CheckinService(store, event, station="Desk 1").check_in(
            entries[3].delegate.id, now=arrival.astimezone(dt.UTC)
        )

        window = build_window(store, station="Desk 1")
        menu = OrganiserMenu(window, store, event)
        window.resize(*SIZE)
        window.show()
        settle(app, 1.0)

        # The menu, painted over the window where it opens (a popup is its own window).
        bar = window.menuBar()
        menu.menu.popup(bar.mapToGlobal(bar.actionGeometry(menu.menu.menuAction()).bottomLeft()))
        menu.menu.setActiveAction(menu.export_action)
        settle(app)
        image = window.grab()
        painter = QPainter(image)
        where = bar.actionGeometry(menu.menu.menuAction()).bottomLeft()
        painter.drawPixmap(bar.mapTo(window, where) + QPoint(0, 1), menu.menu.grab())
        painter.end()
        target = OUT / "menu-open.png"
        image.save(str(target))
        print(target)
        menu.menu.close()

        dialog = menu.enter_paper_ticks()
        refs = [e.delegate.reference for e in entries[:4]] + ["IOMNGO-9999"]
        dialog.refs_edit.setPlainText("\n".join(refs[:2]) + "\n" + ", ".join(refs[2:]))
        dialog.set_time(9, 10)
        dialog.station_edit.setText("Paper A–K")
        ready: list = []
        dialog.previewed.connect(ready.append)
        dialog.check()
        spin(app, lambda: bool(ready) and dialog._preview_job is None)
        settle(app)
        target = OUT / "menu-paper.png"
        dialog.grab().save(str(target))
        print(target)
        dialog.close()

        purge = menu.purge_personal_data()
        if purge is None:  # the desk's search index was still being built
            spin(app, lambda: not workers.running_jobs())
            purge = menu.purge_personal_data()
        purge.name_edit.setText("IOM-NGO humanitarian")
        settle(app)
        target = OUT / "menu-purge.png"
        purge.grab().save(str(target))
        print(target)
        purge.close()

        window.close()
        workers.wait_all(10_000)
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
