"""Screenshots of the organiser pages (Badges, Agenda) on the demo event, for docs/images.

    QT_QPA_PLATFORM=offscreen python scripts/make_workspace_images.py

Uses a throwaway database.  To show the pages as they look mid-preparation, the first
40 badges are printed beforehand (to a scratch PDF) and one delegate's organisation is
blanked, so the preflight has something to report.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import screenshot_language
from PySide6.QtWidgets import QApplication
from sqlalchemy import update

from checkin.core.badges.printing import print_badges, select_delegates
from checkin.core.badges.templates import load_template
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.roster.demo import create_demo

OUT = Path(__file__).resolve().parents[1] / "docs" / "images"
SIZE = (1280, 800)


def spin(app: QApplication, done, timeout: float = 60) -> None:
    """Run the event loop until ``done()`` (background jobs deliver through it)."""
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise SystemExit("timed out waiting for the page")
        app.processEvents()
        time.sleep(0.01)




def main() -> int:
    app = QApplication(sys.argv)
    suffix = screenshot_language.install(app)
    from checkin.ui.badges.page import BadgesPage
    from checkin.ui.organiser.agenda import AgendaPage

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store("sqlite:///" + str(Path(tmp) / "demo.sqlite"))
        event = create_demo(store, today=dt.date(2026, 11, 28)).event
        everyone = select_delegates(store, event)
        first = [d.reference for d in everyone[:40]]
        print_badges(store, event, Path(tmp) / "first.pdf",
                     template=load_template("a4-herma-4412"), refs=first)
        with store.write() as s:
            s.execute(update(m.Delegate).where(m.Delegate.id == everyone[60].id)
                      .values(organisation=""))

        page = BadgesPage(store, event)
        page.resize(*SIZE)
        page.show()
        spin(app, lambda: page.people_model.rowCount() > 0 and page._check_job is None)
        ready: list[str] = []
        page.preview_ready.connect(ready.append)
        page.preview()
        spin(app, lambda: bool(ready))
        spin(app, lambda: page._job is None)
        settle = time.monotonic() + 2  # QPdfView renders its pages asynchronously
        spin(app, lambda: time.monotonic() > settle)
        page.problems_list.setFocus()
        app.processEvents()
        target = OUT / f"badges-page{suffix}.png"
        page.grab().save(str(target))
        print(target)
        page.close()

        agenda = AgendaPage(store, event)
        agenda.resize(*SIZE)
        agenda.show()
        model = agenda.sessions_model
        row = next(r for r in range(model.rowCount())
                   if model.index(r, 2).data() == "Opening remarks")
        agenda.sessions_table.selectRow(row)
        app.processEvents()
        target = OUT / f"agenda{suffix}.png"
        agenda.grab().save(str(target))
        print(target)
        agenda.close()
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
