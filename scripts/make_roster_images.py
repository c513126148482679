"""Screenshots of the Roster page and the import wizard, on the demo event.

    python scripts/make_roster_images.py

Writes docs/images/roster.png and docs/images/import-{file,columns,check,changes,done}.png
from a throwaway database: the demo roster, some delegates checked in and badges printed
during the morning, one cancelled; the wizard reads a copy of the demo list with a few
changes (two new people, a new organisation, two rows with mistakes).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import screenshot_language
from PySide6.QtWidgets import QApplication

from checkin.core.badges.printing import print_badges
from checkin.core.badges.templates import load_template
from checkin.core.db.store import Store
from checkin.core.desk.service import CheckinService
from checkin.core.roster.demo import create_demo, demo_files
from checkin.core.roster.edits import cancel_delegate, roster_rows
from checkin.ui.roster.importing.wizard import ImportWizard
from checkin.ui.roster.page import RosterPage

OUT = Path(__file__).resolve().parents[1] / "docs" / "images"
DAY = dt.date(2026, 11, 28)


def wait_until(condition, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the background work did not finish")
        QApplication.processEvents()
        time.sleep(0.01)


def save(widget, name: str) -> None:
    QApplication.processEvents()
    stem, ext = name.rsplit(".", 1)
    path = OUT / f"{stem}{SUFFIX}.{ext}"
    widget.grab().save(str(path))
    print(path)


def morning(store: Store, event, tmp: Path) -> None:
    """Badges printed the day before for half the list, arrivals from 08:31, one cancel."""
    rows = roster_rows(store, event)
    refs = [r[2] for r in rows[::2]]
    the_day_before = dt.datetime.combine(DAY, dt.time(16, 40), tzinfo=dt.UTC) - dt.timedelta(days=1)
    print_badges(
        store, event, tmp / "badges.pdf", template=load_template("a6"), refs=refs,
        now=the_day_before,
    )
    service = CheckinService(store, event, station="Desk 1")
    start = dt.datetime.combine(DAY, dt.time(7, 31), tzinfo=dt.UTC)  # 08:31 in Geneva
    for k, row in enumerate(rows[1::3]):
        service.check_in(row[0], now=start + dt.timedelta(minutes=2 * k + k % 3))
    cancel_delegate(store, event, rows[4][0])


def edited_list(tmp: Path) -> Path:
    """The demo list as an organiser might send it again a week later."""
    _event, source = demo_files()
    with open(source, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    body[5][3] = "Danish Refugee Council (DRC) – Geneva"
    body[12][5] = body[12][5].replace("@", "(at)")
    body[20][4] = "Atlantis"
    body.append(["IOMNGO-0201", "Ingrid", "Sørensen", "Norwegian Refugee Council (NRC)", "NO",
                 "ingrid.sorensen@nrc.example", "participant"])  # fmt: skip
    body.append(["IOMNGO-0202", "Kwame", "Mensah", "Plan International", "GH",
                 "kwame.mensah@plan.example", "speaker"])  # fmt: skip
    path = tmp / "délégués-v2.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(header)
        writer.writerows(body)
    return path




SUFFIX = ""


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setStyle("Fusion")
    global SUFFIX
    SUFFIX = screenshot_language.install(app)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        store = Store("sqlite:///" + str(tmp / "demo.sqlite"))
        event = create_demo(store, today=DAY).event
        morning(store, event, tmp)

        page = RosterPage(store, event)
        page.resize(1280, 720)
        page.show()
        wait_until(lambda: page.index is not None)
        page.select_delegate(page.model.delegate_at(2).id)
        save(page, "roster.png")

        wizard = ImportWizard(store, event)
        wizard.resize(960, 640)
        wizard.show()
        wizard.file_page.set_path(str(edited_list(tmp)))
        wait_until(wizard.file_page.isComplete)
        save(wizard, "import-file.png")
        wizard.next()
        wait_until(wizard.mapping_page.isComplete)
        save(wizard, "import-columns.png")
        wizard.next()
        save(wizard, "import-check.png")
        wizard.check_page.skip_box.setChecked(True)
        wizard.next()
        wait_until(wizard.changes_page.isComplete)
        save(wizard, "import-changes.png")
        wizard.next()
        wait_until(wizard.apply_page.isComplete)
        save(wizard, "import-done.png")
        wizard.close()
        page.close()
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
