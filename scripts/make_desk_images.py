"""Screenshots of the Desk page in each state, for docs/images/ (offscreen, the real app).

    python scripts/make_desk_images.py [--lang fr] [OUT_DIR]

A throwaway demo database and settings file; the window at 1280x740; each state reached
through the desk controller as a scan would (admitted, already checked in, refused, a
door counting someone out).  With --lang the app's translation is installed first.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from checkin.core.db.store import open_store
from checkin.core.roster.delegates import list_delegates
from checkin.core.roster.demo import create_demo
from checkin.ui.app import application, build_window
from checkin.ui.desk.controller import DeskController
from checkin.ui.desk.settings import DeskSettings, save


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="docs/images")
    parser.add_argument("--lang", default="")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = f"-{args.lang}" if args.lang else ""
    app = application()
    if args.lang:
        from checkin.ui.widgets import translations

        translations.install(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "desk.sqlite"))
        event = create_demo(store).event
        codes = {e.delegate.first_name: e.code for e in list_delegates(store, event)}
        ini = str(Path(tmp) / "desk.ini")
        save(QSettings(ini, QSettings.Format.IniFormat), DeskSettings(station="Desk 1"))
        window = build_window(store, settings=QSettings(ini, QSettings.Format.IniFormat))
        window.resize(1280, 740)
        window.show()
        controller = window.findChild(DeskController)
        while controller.index is None:
            settle(app, 1)
        controller.scan(codes["Sigrid"])
        settle(app)
        window.grab().save(str(out / f"desk-admitted{suffix}.png"))
        controller.scan(codes["Sigrid"])
        settle(app)
        window.grab().save(str(out / f"desk-already{suffix}.png"))
        controller.scan("R3002X01126E3GRG")  # a badge of another event
        settle(app)
        window.grab().save(str(out / f"desk-refused{suffix}.png"))
        desk = controller.view
        desk.mode_box.setCurrentIndex(desk.mode_box.findData("opening"))
        controller.scan(codes["Łukasz"])
        desk.direction_box.setCurrentIndex(desk.direction_box.findData("exit"))
        controller.scan(codes["Łukasz"])
        settle(app)
        window.grab().save(str(out / f"desk-door-exit{suffix}.png"))
        window.close()
        store.close()
    print(f"desk images written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
