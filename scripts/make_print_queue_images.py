"""Screenshots of badges printed on arrival to a Brother QL, for docs/images/ (offscreen).

    python scripts/make_print_queue_images.py [--lang fr] [OUT_DIR]

A throwaway demo database and settings file: the desk settings with the label printer
row, a desk whose label printer is off (the notice with Retry and Print log), and the
print log after a badge went to a printer (a ``file://`` raster, as in the tests).
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import tempfile
import time
from dataclasses import replace
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


def settle(app: QApplication, until=lambda: True, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        for _ in range(20):
            app.processEvents()
        if until() or time.monotonic() > deadline:
            return
        time.sleep(0.05)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="docs/images")
    parser.add_argument("--lang", default="")
    args = parser.parse_args()
    out = Path(args.out)
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
        settle(app, lambda: controller.index is not None)
        off = f"tcp://127.0.0.1:{_closed_port()}"
        controller.apply_settings(replace(
            controller.settings, print_on_arrival=True, printer=off, printer_model="QL-820NWB",
            printer_label="62", arrival_template="brother-62mm",
        ))
        dialog = controller.open_settings()
        settle(app)
        dialog.grab().save(str(out / f"desk-settings-label-printer{suffix}.png"))
        dialog.reject()
        printer = controller.arrival_printer
        controller.scan(codes["Sigrid"])
        settle(app, lambda: printer.queue.items and printer.queue.items[0].notice is not None)
        window.grab().save(str(out / f"desk-print-failed{suffix}.png"))
        target = Path(tmp) / "ql.bin"
        controller.apply_settings(replace(controller.settings, printer=f"file://{target}"))
        controller.scan(codes["Łukasz"])
        settle(app, lambda: printer.queue.items[-1].state == "printed")
        log = printer.open_log()
        settle(app, lambda: log.printed_list.topLevelItemCount() > 0)
        log.grab().save(str(out / f"desk-print-log{suffix}.png"))
        log.close()
        window.close()
        store.close()
    print(f"print queue images written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
